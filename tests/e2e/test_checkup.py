"""The checkup, as two linked partners take it on their own devices, up to the shared report.

Sam leaves halfway and comes back on a new device; neither partner learns
anything of the other's progress; the report opens for both at once. Every
distinct page on the way is checked with axe and the Nu HTML checker.
"""

import re
from collections.abc import Callable

import pytest
from django.core import mail
from playwright.sync_api import expect

from assessments.models import Checkup
from tests.e2e.helpers import (
    PageChecks,
    Person,
    answer_page,
    answer_pages,
    checkup_answers,
    checkup_card,
    expect_answers_shown,
    give_couple,
    latest_email_to,
    link_path_in,
    log_in,
)
from tests.support.answers import DISTANCING, PURSUING

pytestmark = pytest.mark.e2e

REPORT_READY = "Your shared report is ready"


def test_two_partners_take_the_checkup_privately_and_then_read_one_report(
    person: Callable[[str, str], Person], checks: PageChecks
) -> None:
    sam, alex = person("Sam", "sam@example.org"), person("Alex", "alex@example.org")
    give_couple(sam, alex)
    sams_answers, alexs_answers = checkup_answers(PURSUING), checkup_answers(DISTANCING)

    # Sam starts the checkup from the dashboard.
    log_in(sam)
    expect(checkup_card(sam.page).get_by_role("button", name="Start a checkup")).to_be_visible()
    checks.check(sam.page, "dashboard, no checkup yet")
    sam.page.get_by_role("button", name="Start a checkup").click()
    expect(sam.page).to_have_url(re.compile(r"/checkups/\d+/section/tension/$"))
    checkup = Checkup.objects.get()
    expect(sam.page.get_by_role("heading", level=1)).to_have_text("When tension rises between us")
    expect(sam.page.get_by_role("navigation", name="Progress")).to_contain_text("Part 1 of 6")
    # The intro and the questions speak of the partner by name.
    expect(sam.page.get_by_role("main")).to_contain_text("between you and Alex")
    checks.check(sam.page, "question page, first part")

    # Alex, on their own phone, sees that a checkup is open, and nothing more.
    log_in(alex)
    alex_card = checkup_card(alex.page)
    expect(alex_card.get_by_role("link", name="Begin the checkup")).to_be_visible()
    alex_card_while_sam_is_halfway = alex_card.inner_text()
    checks.check(alex.page, "dashboard, checkup open, not begun")

    # Sam answers three of the six parts, then puts the phone away.
    assert answer_pages(sam.page, sams_answers, pages=3) == ["tension", "partner_view", "closeness"]
    expect(sam.page).to_have_url(re.compile(r"/section/cost/$"))
    sam.page.context.close()

    # Later, on another device, Sam logs in and carries on where they left off.
    sam = person("Sam", "sam@example.org")
    log_in(sam)
    expect(checkup_card(sam.page)).to_contain_text("Carry on where you left off.")
    checks.check(sam.page, "dashboard, checkup begun")
    sam.page.get_by_role("link", name="Continue the checkup").click()
    expect(sam.page).to_have_url(re.compile(rf"/checkups/{checkup.pk}/section/cost/$"))
    expect(sam.page.get_by_role("navigation", name="Progress")).to_contain_text("Part 4 of 6")
    # Going back shows the answers given on the other device.
    sam.page.get_by_role("button", name="Back").click()
    expect(sam.page).to_have_url(re.compile(r"/section/closeness/$"))
    expect_answers_shown(sam.page, sams_answers)
    sam.page.get_by_role("button", name="Back").click()
    expect(sam.page).to_have_url(re.compile(r"/section/partner_view/$"))
    expect_answers_shown(sam.page, sams_answers)
    checks.check(sam.page, "question page, answers shown")
    answer_pages(sam.page, sams_answers, pages=2)

    # Sam skips one question by mistake; the review page lists it.
    expect(sam.page).to_have_url(re.compile(r"/section/cost/$"))
    answer_page(sam.page, sams_answers, leave_out=("imp12",))
    assert answer_page(sam.page, sams_answers) == "helps"
    expect(sam.page.get_by_text("Private and optional.")).to_be_visible()
    checks.check(sam.page, "question page, private check")
    assert answer_page(sam.page, sams_answers) == "private_check"
    expect(sam.page).to_have_url(re.compile(rf"/checkups/{checkup.pk}/review/$"))
    missing = sam.page.get_by_role("status").filter(has_text="still needs an answer")
    expect(missing.get_by_role("heading")).to_have_text("One question still needs an answer")
    expect(sam.page.get_by_role("button", name=re.compile("^Submit"))).to_have_count(0)
    checks.check(sam.page, "review, one answer missing")
    missing.get_by_role("link").click()
    expect(sam.page).to_have_url(re.compile(r"/section/cost/#q-imp12$"))
    answer_page(sam.page, sams_answers)
    sam.page.goto(f"/checkups/{checkup.pk}/review/")
    expect(sam.page.get_by_text("Every question is answered.")).to_be_visible()
    expect(sam.page.get_by_role("heading", name="Just for you")).to_have_count(0)
    checks.check(sam.page, "review, complete")
    sam.page.get_by_role("button", name="Submit my answers").click()

    # Sam waits, and learns nothing of how far Alex has got.
    expect(sam.page).to_have_url(re.compile(rf"/checkups/{checkup.pk}/$"))
    expect(sam.page.get_by_role("heading", level=1)).to_have_text("Waiting for Alex")
    expect(sam.page.get_by_role("status")).to_contain_text("Your answers are submitted and locked.")
    expect(sam.page.get_by_role("button", name="Send Alex a gentle reminder")).to_be_visible()
    expect(sam.page.get_by_role("main")).not_to_contain_text(re.compile(r"\d|%|started|answered"))
    expect(sam.page.locator("progress")).to_have_count(0)
    checks.check(sam.page, "waiting")
    sam.page.goto("/dashboard/")
    expect(checkup_card(sam.page)).to_contain_text("Your answers are in. Waiting for Alex to finish.")
    checks.check(sam.page, "dashboard, submitted")

    # Alex's dashboard reads word for word as it did while Sam was halfway.
    alex.page.reload()
    expect(alex_card).to_have_text(alex_card_while_sam_is_halfway, use_inner_text=True)
    expect(alex_card).not_to_contain_text("Sam")
    assert not [message for message in mail.outbox if REPORT_READY in str(message.subject)]

    # Alex takes the checkup in one go and submits.
    alex_card.get_by_role("link", name="Begin the checkup").click()
    expect(alex.page).to_have_url(re.compile(rf"/checkups/{checkup.pk}/section/tension/$"))
    expect(alex.page.get_by_role("main")).to_contain_text("between you and Sam")
    assert len(answer_pages(alex.page, alexs_answers)) == 6
    expect(alex.page).to_have_url(re.compile(r"/review/$"))
    expect(alex.page.get_by_text("Every question is answered.")).to_be_visible()
    alex.page.get_by_role("button", name="Submit my answers").click()

    # The second submission opens the report, for both, at once.
    expect(alex.page).to_have_url(re.compile(rf"/checkups/{checkup.pk}/report/$"))
    for partner in (sam, alex):
        message = latest_email_to(partner.email, subject_contains=REPORT_READY)
        assert link_path_in(message, "/checkups/") == f"/checkups/{checkup.pk}/report/"
    sam.page.goto(link_path_in(latest_email_to(sam.email, subject_contains=REPORT_READY), "/checkups/"))

    for partner in (sam, alex):
        report = partner.page.get_by_role("main")
        expect(report).to_contain_text("Shared report for Sam and Alex")
        expect(report).to_contain_text("Sam leans toward pursuing when tense")
        expect(report).to_contain_text("Alex leans toward distancing when tense")
        expect(
            report.get_by_role("heading", name="For Sam: how to move toward without pressing")
        ).to_be_visible()
        expect(
            report.get_by_role("heading", name="For Alex: how to take space without leaving")
        ).to_be_visible()
    checks.check(sam.page, "report")

    sam.page.goto("/dashboard/")
    expect(checkup_card(sam.page).get_by_role("link", name="Read your shared report")).to_be_visible()
    expect(checkup_card(sam.page).get_by_role("button", name="Start a new checkup")).to_be_visible()
    checks.check(sam.page, "dashboard, report ready")
    checks.assert_html_valid()
