"""A couple shares its reports with a counsellor: three people, three browsers.

Sam and Alex (a couple with two completed checkups) and Morgan, a counsellor.
Morgan declares a counsellor profile; Sam proposes Morgan; nothing is shared
until Alex agrees too; Morgan reads the report and its history; both partners
see on their privacy page that Morgan looked; Sam stops sharing, and Morgan's
next request is refused.
"""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from assessments.services import answer_sheet_submit, checkup_start
from tests.e2e.helpers import (
    PageChecks,
    Person,
    field,
    give_account,
    give_couple,
    latest_email_to,
    log_in,
    status_of,
)
from tests.support.answers import DISTANCING, PURSUING, answers_for, save_answers

pytestmark = pytest.mark.e2e


def complete_checkup(couple, a, b) -> None:
    """A checkup both partners answered and shared, through the real services."""
    checkup = checkup_start(couple=couple, user=a)
    for user, profile in ((a, PURSUING), (b, DISTANCING)):
        sheet = checkup.answer_sheets.get(user=user)
        save_answers(sheet, answers_for(profile))
        answer_sheet_submit(sheet=sheet)


def test_a_couple_shares_with_a_counsellor_who_reads_the_report_until_one_partner_stops_sharing(
    person: Callable[[str, str], Person], checks: PageChecks
) -> None:
    sam, alex = person("Sam", "sam@example.org"), person("Alex", "alex@example.org")
    morgan = person("Morgan Hale", "morgan@example.org")
    sam_user, alex_user = give_couple(sam, alex)
    couple = sam_user.couples.get()
    complete_checkup(couple, sam_user, alex_user)
    complete_checkup(couple, sam_user, alex_user)
    give_account(morgan)

    # Morgan declares a counsellor profile (nothing is verified, and the page says so).
    log_in(morgan)
    morgan.page.get_by_role("link", name="Are you a counsellor? Set up a counsellor profile").click()
    expect(morgan.page.get_by_text("Attune does not check qualifications.")).to_be_visible()
    checks.check(morgan.page, "counsellor profile")
    field(morgan.page, "Your name, as couples know you").fill("Morgan Hale")
    field(morgan.page, "Practice or organisation").fill("Hale Couples Counselling")
    morgan.page.get_by_role("button", name="Create your counsellor profile").click()
    expect(morgan.page.get_by_role("heading", level=1)).to_have_text("Your couples")
    expect(morgan.page.get_by_text("No couple shares with you yet.")).to_be_visible()
    checks.check(morgan.page, "counsellor dashboard, empty")

    # Sam proposes Morgan; until Alex agrees, Morgan sees nothing.
    log_in(sam)
    sam.page.get_by_role("link", name="Share with a counsellor").click()
    expect(sam.page.get_by_text("Attune does not check counsellors' qualifications.")).to_be_visible()
    checks.check(sam.page, "sharing, nothing yet")
    field(sam.page, "Your counsellor's email address").fill("morgan@example.org")
    sam.page.get_by_role("button", name="Propose").click()
    expect(sam.page.get_by_role("status")).to_contain_text("Nothing is shared until your partner agrees too.")
    expect(sam.page.get_by_text("You agreed. Waiting for Alex to agree")).to_be_visible()
    checks.check(sam.page, "sharing, proposed")
    assert "Sam would like to share" in str(
        latest_email_to(alex.email, subject_contains="counsellor").subject
    )
    morgan.page.reload()
    expect(morgan.page.get_by_text("No couple shares with you yet.")).to_be_visible()

    # Alex agrees: now the share is open.
    log_in(alex)
    expect(alex.page.get_by_text("A counsellor is waiting for your answer.")).to_be_visible()
    checks.check(alex.page, "dashboard, a counsellor waiting")
    alex.page.get_by_role("link", name="Share with a counsellor").click()
    expect(alex.page.get_by_text("Sam proposed sharing your reports with this counsellor.")).to_be_visible()
    alex.page.get_by_role("button", name="I agree to share").click()
    expect(alex.page.get_by_role("status")).to_contain_text("You both agreed.")
    checks.check(alex.page, "sharing, active")
    latest_email_to(morgan.email, subject_contains="shared their reports with you")

    # Morgan reads the couple's latest report and its change over time.
    morgan.page.reload()
    morgan.page.get_by_role("link", name="Sam & Alex").click()
    expect(morgan.page.get_by_role("heading", level=1)).to_have_text("Sam & Alex")
    checks.check(morgan.page, "counsellor, the couple")
    morgan.page.get_by_role("link", name=re.compile(r"^Report of ")).first.click()
    report_url = morgan.page.url
    expect(morgan.page.get_by_role("heading", name="How things have changed")).to_be_visible()
    expect(morgan.page.get_by_role("heading", name="How these scores are computed")).to_be_visible()
    expect(morgan.page.get_by_role("heading", name="Just for you")).to_have_count(0)
    checks.check(morgan.page, "counsellor, the report")

    # Both partners see who looked, and when.
    for partner in (sam, alex):
        partner.page.goto("/account/privacy/")
        log = partner.page.get_by_role("region", name="Counsellors who opened your reports")
        expect(
            log.get_by_role("row", name=re.compile(r"Morgan Hale, Hale Couples Counselling"))
        ).to_have_count(1)
    checks.check(alex.page, "privacy, with the access log")

    # Sam stops sharing; Morgan's next request is refused.
    sam.page.goto("/sharing/")
    sam.page.get_by_role("button", name="Stop sharing").click()
    expect(sam.page.get_by_role("status")).to_contain_text("Sharing has stopped.")
    assert status_of(morgan.page, report_url) == 404
    morgan.page.goto("/counsellors/")
    expect(morgan.page.get_by_text("No couple shares with you yet.")).to_be_visible()
    checks.assert_html_valid()
