"""The private safety check in the browser: the private panel, holding back, leaving quickly."""

import re
from collections.abc import Callable

import pytest
from django.core import mail
from playwright.sync_api import Page, Route, expect

from assessments.models import Checkup
from tests.e2e.helpers import (
    PageChecks,
    Person,
    answer_pages,
    checkup_answers,
    checkup_card,
    give_couple,
    give_couple_with_checkup_started,
    latest_email_to,
    log_in,
    status_of,
)
from tests.support.answers import DISTANCING, PURSUING

pytestmark = pytest.mark.e2e

REPORT_READY = "Your shared report is ready"
QUICK_EXIT = "https://www.bbc.co.uk/weather"
# "Agree" that one does not always feel safe: a concern, seen only by its author.
CONCERN = {"saf01": 4, "saf02": 1, "saf03": 1}


def expect_quick_exit(page: Page) -> None:
    expect(page.get_by_role("link", name="Leave quickly")).to_have_attribute("href", QUICK_EXIT)


def test_a_held_back_part_looks_to_the_partner_as_if_it_were_not_finished_until_it_is_shared(
    person: Callable[[str, str], Person], checks: PageChecks
) -> None:
    sam, alex = person("Sam", "sam@example.org"), person("Alex", "alex@example.org")
    give_couple(sam, alex)
    log_in(sam)
    sam.page.get_by_role("button", name="Start a checkup").click()
    checkup = Checkup.objects.get()
    report_path = f"/checkups/{checkup.pk}/report/"

    # Sam answers everything, and "Agree" to the first private question.
    expect_quick_exit(sam.page)
    answer_pages(sam.page, checkup_answers(PURSUING, private=CONCERN))
    expect(sam.page).to_have_url(re.compile(r"/review/$"))
    expect_quick_exit(sam.page)
    panel = sam.page.get_by_role("region", name="Just for you")
    expect(panel).to_contain_text("you may not always feel safe with Alex")
    expect(sam.page.get_by_role("button", name="Submit my answers")).to_have_count(0)
    expect(sam.page.get_by_role("button", name="Submit and share my part")).to_be_visible()
    checks.check(sam.page, "review, private panel")

    # Alex's dashboard before Sam chooses, to compare with afterwards.
    log_in(alex)
    alex_card_before = checkup_card(alex.page).inner_text()

    sam.page.get_by_role("button", name="Submit, but hold back my part for now").click()
    expect(sam.page).to_have_url(re.compile(rf"/checkups/{checkup.pk}/$"))
    expect(sam.page.get_by_role("heading", level=1)).to_have_text("Your part is held back")
    expect(sam.page.get_by_role("region", name="Just for you")).to_be_visible()
    expect(sam.page.get_by_role("button", name="Share my part now")).to_be_visible()
    expect_quick_exit(sam.page)
    checks.check(sam.page, "waiting, held back")

    # To Alex, nothing has changed; Alex takes the checkup and submits.
    alex.page.reload()
    expect(checkup_card(alex.page)).to_have_text(alex_card_before, use_inner_text=True)
    checkup_card(alex.page).get_by_role("link", name="Begin the checkup").click()
    answer_pages(alex.page, checkup_answers(DISTANCING))
    expect(alex.page.get_by_role("heading", name="Just for you")).to_have_count(0)
    alex.page.get_by_role("button", name="Submit my answers").click()

    # Alex waits for Sam, exactly as if Sam had not finished; there is no report.
    expect(alex.page).to_have_url(re.compile(rf"/checkups/{checkup.pk}/$"))
    expect(alex.page.get_by_role("heading", level=1)).to_have_text("Waiting for Sam")
    expect(alex.page.get_by_role("button", name="Send Sam a gentle reminder")).to_be_visible()
    expect(alex.page.get_by_role("main")).not_to_contain_text(re.compile("held|safe|Just for you", re.I))
    checks.check(alex.page, "waiting, partner held back")
    alex.page.goto("/dashboard/")
    # The card says what it says to anyone whose partner has not finished; nothing else.
    card = r"^\s*Your checkup\s+Your answers are in\. Waiting for Sam to finish\.\s+See the details\s*$"
    expect(checkup_card(alex.page)).to_have_text(re.compile(card))
    assert status_of(alex.page, report_path) == 404
    assert status_of(sam.page, report_path) == 404
    assert not [message for message in mail.outbox if REPORT_READY in str(message.subject)]

    # Sam, from the dashboard, decides to share after all: the report opens for both.
    sam.page.goto("/dashboard/")
    expect(checkup_card(sam.page)).to_contain_text("Your part is held back. Only you can see this.")
    checks.check(sam.page, "dashboard, held back")
    sam.page.get_by_role("button", name="Share my part now").click()
    expect(sam.page).to_have_url(re.compile(rf"{report_path}$"))
    expect(sam.page.get_by_role("main")).to_contain_text("Sam leans toward pursuing when tense")
    expect(sam.page.get_by_role("main")).not_to_contain_text("Just for you")
    expect_quick_exit(sam.page)
    for partner in (sam, alex):
        latest_email_to(partner.email, subject_contains=REPORT_READY)
    assert status_of(alex.page, report_path) == 200
    expect(
        alex.page.get_by_role("heading", name="For Sam: how to move toward without pressing")
    ).to_be_visible()
    checks.assert_html_valid()


def test_leave_quickly_replaces_the_checkup_page_so_back_does_not_return_to_it(
    person: Callable[[str, str], Person],
) -> None:
    sam, alex = person("Sam", "sam@example.org"), person("Alex", "alex@example.org")
    give_couple_with_checkup_started(sam, alex)
    page = sam.page
    # No real network: the weather page is answered here.
    fetched: list[str] = []

    def weather(route: Route) -> None:
        fetched.append(route.request.url)
        route.fulfill(body="<html><title>Weather</title></html>", content_type="text/html")

    page.route("https://www.bbc.co.uk/**", weather)

    log_in(sam)
    checkup_card(page).get_by_role("link", name="Begin the checkup").click()
    expect(page).to_have_url(re.compile(r"/checkups/\d+/section/tension/$"))
    history_length = page.evaluate("history.length")

    page.get_by_role("link", name="Leave quickly").click()
    expect(page).to_have_title("Weather")
    assert fetched == [QUICK_EXIT]
    # location.replace: the checkup page's history entry is gone, not pushed down.
    assert page.evaluate("history.length") == history_length
    page.go_back()
    expect(page).not_to_have_url(re.compile("/checkups/"))
