"""Someone who uses only the keyboard can do what everyone else can."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import Person, field, give_account, latest_email_to, log_in, tab_to

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
