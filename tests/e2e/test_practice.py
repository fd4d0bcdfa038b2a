"""From the report to an agreed pause plan, the printed card and a weekly check-in, on two devices.

Every new page on the way is checked with axe (WCAG 2.x A and AA) and the Nu HTML checker.
"""

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from assessments.services import answer_sheet_submit, checkup_start
from practice.models import Agreement
from tests.e2e.helpers import PageChecks, Person, field, give_couple, latest_email_to, log_in
from tests.support.answers import DISTANCING, PURSUING, answers_for, save_answers

pytestmark = pytest.mark.e2e

WEEK_ONE = {
    "How often did the loop start this week?": "Once",
    "When it started, did one of you use the signal?": "Yes, it was used",
    "After a pause, did the return happen as you agreed?": "Yes, but later than agreed",
}


def _with_report(sam: Person, alex: Person) -> None:
    """Sam (leaning toward pursuing) and Alex (toward distancing) have read their report."""
    sam_user, alex_user = give_couple(sam, alex)
    couple = sam_user.memberships.get().couple
    checkup = checkup_start(couple=couple, user=sam_user)
    for user, profile in ((sam_user, PURSUING), (alex_user, DISTANCING)):
        sheet = checkup.answer_sheets.get(user=user)
        save_answers(sheet, answers_for(profile))
        answer_sheet_submit(sheet=sheet)


def _answer_week_one(page: Page, feeling: str) -> None:
    page.goto("/practice/")
    page.get_by_role("link", name="answer the check-in for week 1").click()
    for question, answer in {**WEEK_ONE, "How did the week feel, as a whole?": feeling}.items():
        page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_role("status")).to_contain_text("Your answers for week 1 are saved")


def _pages_in(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_both_write_and_accept_the_plan_print_the_card_and_see_their_first_week_side_by_side(
    person: Callable[[str, str], Person], checks: PageChecks
) -> None:
    sam = person("Sam", "sam@example.org")
    alex = person("Alex", "alex@example.org")
    _with_report(sam, alex)

    # Sam starts the plan from the dashboard; the draft comes with suggestions from their report.
    log_in(sam)
    practice_card = sam.page.get_by_role("region", name="Your pause plan")
    practice_card.get_by_role("link", name="Write your pause plan").click()
    expect(field(sam.page, "How you come back")).to_have_value(
        re.compile(r"^Alex comes back at the agreed time")
    )
    checks.check(sam.page, "plan, first draft with suggestions")
    field(sam.page, "How long a pause usually lasts, in minutes").fill("5")
    sam.page.get_by_role("button", name="Save this version").click()
    expect(sam.page.get_by_role("alert")).to_contain_text("A pause lasts at least 20 minutes")
    checks.check(sam.page, "plan, with an error")
    field(sam.page, "How long a pause usually lasts, in minutes").fill("45")
    field(sam.page, "The signal either of you uses to ask for a pause").fill("Orange balloon")
    sam.page.get_by_role("button", name="Save this version").click()
    expect(sam.page.get_by_role("status")).to_contain_text("Version 1 is saved")
    checks.check(sam.page, "plan, a draft")
    sam.page.get_by_role("button", name="Accept version 1").click()
    expect(sam.page.get_by_text("You have accepted version 1.")).to_be_visible()

    # Alex, on their own phone, adds their own way to settle: a new version, and Sam is asked again.
    log_in(alex)
    alex.page.goto("/practice/")
    expect(alex.page.get_by_text("Sam has accepted version 1.")).to_be_visible()
    alex.page.get_by_role("link", name="Edit the draft").click()
    field(alex.page, "What you do to settle during a pause").fill("A run by the river.")
    alex.page.get_by_role("button", name="Save this version").click()
    alex.page.get_by_role("button", name="Accept version 2").click()
    expect(alex.page.get_by_text("Sam has not accepted version 2 yet.")).to_be_visible()
    message = latest_email_to(sam.email, subject_contains="new version")
    assert "A run by the river" not in str(message.body)

    sam.page.goto("/practice/")
    sam.page.get_by_role("button", name="Accept version 2").click()
    expect(sam.page.get_by_role("status")).to_contain_text("You have both accepted this version")
    checks.check(sam.page, "plan, agreed")

    # Sam prints the card: one page, the card alone.
    sam.page.get_by_role("link", name="Print the card").click()
    expect(sam.page.get_by_role("heading", level=1)).to_have_text("Our pause plan: Sam and Alex")
    expect(sam.page.get_by_text("A run by the river.")).to_be_visible()
    checks.check(sam.page, "the card")
    sam.page.emulate_media(media="print")
    expect(sam.page.locator(".site-header")).to_be_hidden()
    expect(sam.page.get_by_text("Orange balloon")).to_be_visible()
    assert _pages_in(sam.page.pdf(format="A4")) == 1
    sam.page.emulate_media(media="screen")
    text = sam.page.request.get("/practice/card.txt")
    assert text.headers["content-type"] == "text/plain; charset=utf-8"
    assert 'The signal: "Orange balloon"' in text.text()
    checks.assert_html_valid()

    # A week later, each answers the check-in; the first to answer sees only their own part.
    Agreement.objects.update(activated_at=timezone.now() - timedelta(days=8))
    _answer_week_one(sam.page, "Mixed")
    expect(sam.page.get_by_text("They stay private until Alex has answered too")).to_be_visible()
    checks.check(sam.page, "check-in, waiting for the partner")
    alex.page.goto("/practice/check-in/1/")
    checks.check(alex.page, "check-in, the questions")
    _answer_week_one(alex.page, "Good")
    shared = alex.page.get_by_role("table", name="What each of you answered for week 1")
    expect(shared.get_by_role("row", name=re.compile("How the week felt"))).to_contain_text("Good")
    expect(shared.get_by_role("row", name=re.compile("How the week felt"))).to_contain_text("Mixed")
    checks.check(alex.page, "check-in, side by side")

    # The week is on the timeline, next to their checkup.
    sam.page.goto("/dashboard/")
    timeline = sam.page.get_by_role("table", name="The timeline as a table")
    expect(timeline).to_contain_text("Checkup 1")
    expect(timeline).to_contain_text("Practice week 1")
    checks.check(sam.page, "dashboard, with the timeline")
    checks.assert_html_valid()
