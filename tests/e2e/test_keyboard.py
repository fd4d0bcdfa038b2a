"""Someone who uses only the keyboard can do what everyone else can."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from assessments.instrument import current_instrument
from assessments.models import Answer
from tests.e2e.helpers import (
    Person,
    assert_focus_visible,
    field,
    give_account,
    give_couple_with_checkup_started,
    latest_email_to,
    log_in,
    tab_to,
)

pytestmark = pytest.mark.e2e


def test_the_invite_form_can_be_found_filled_in_and_sent_with_the_keyboard_alone(
    person: Callable[[str, str], Person],
) -> None:
    sam = person("Sam", "sam@example.org")
    give_account(sam)
    log_in(sam)
    page = sam.page

    tab_to(page, page.get_by_role("link", name="Invite your partner"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/invite/$"))

    # The first Tab reaches the skip link, which leads straight to the form.
    tab_to(page, page.get_by_role("link", name="Skip to content"), max_presses=1)
    page.keyboard.press("Enter")
    # Then each Tab moves one step through the form, in reading order.
    tab_to(page, field(page, "Your partner's email address"), max_presses=1)
    page.keyboard.type("alex@example.org")
    tab_to(page, field(page, "A short message (optional)"), max_presses=1)
    page.keyboard.type("Shall we try this together?")
    tab_to(page, page.get_by_role("button", name="Send the invitation"), max_presses=1)
    page.keyboard.press("Enter")

    # The browser carries the skip link's #main through the redirect; harmless.
    expect(page).to_have_url(re.compile(r"/dashboard/(#main)?$"))
    expect(page.get_by_role("status")).to_contain_text("Your invitation is on its way.")
    assert "Shall we try this together?" in str(latest_email_to("alex@example.org").body)


def test_a_page_of_the_checkup_can_be_answered_and_saved_with_the_keyboard_alone(
    person: Callable[[str, str], Person],
) -> None:
    sam, alex = person("Sam", "sam@example.org"), person("Alex", "alex@example.org")
    sam_user = give_couple_with_checkup_started(sam, alex)
    log_in(sam)
    page = sam.page
    tab_to(page, page.get_by_role("link", name="Begin the checkup"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/section/tension/$"))
    items = current_instrument().section_items("tension")
    # Every answer from "Never" (1) to "Almost always" (5), over and over.
    chosen = {item.id: number % 5 + 1 for number, item in enumerate(items)}

    for number, item in enumerate(items):
        radios = page.locator(f"fieldset#q-{item.id}").get_by_role("radio")
        # Tab enters a group with nothing ticked at its first choice; the next Tab
        # leaves the group, so each group is one press of Tab from the one before.
        tab_to(page, radios.first, max_presses=40 if number == 0 else 1)
        expect(radios.first).not_to_be_checked()
        value = chosen[item.id]
        if value == 1:  # the arrows tick as they move: down to "Rarely", back up to "Never"
            page.keyboard.press("ArrowDown")
            page.keyboard.press("ArrowUp")
        for _ in range(value - 1):
            page.keyboard.press("ArrowRight")
        expect(radios.nth(value - 1)).to_be_checked()
        assert_focus_visible(radios.nth(value - 1))

    tab_to(page, page.get_by_role("button", name="Save and continue"), max_presses=1)
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/section/partner_view/$"))
    saved = dict(Answer.objects.filter(sheet__user=sam_user).values_list("item_id", "value"))
    assert saved == chosen
