"""A couple's own pages, seen by the couple and by someone else; leaving it."""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import (
    PageChecks,
    Person,
    field,
    give_account,
    latest_email_to,
    link_as_couple,
    log_in,
    status_of,
)

pytestmark = pytest.mark.e2e


def test_a_third_person_gets_not_found_for_the_invitation_and_leave_pages(
    person: Callable[[str, str], Person], checks: PageChecks
) -> None:
    sam, alex, kit = (
        person("Sam", "sam@example.org"),
        person("Alex", "alex@example.org"),
        person("Kit", "kit@example.org"),
    )
    link_as_couple(give_account(sam), give_account(alex))
    give_account(kit)
    log_in(kit)

    # Kit has opened no invitation link and belongs to no couple.
    assert status_of(kit.page, "/invitation/") == 404
    expect(kit.page.get_by_role("heading", level=1)).to_have_text("We can't find that page")
    checks.check(kit.page, "not found, logged in")
    assert status_of(kit.page, "/couple/leave/") == 404
    checks.assert_html_valid()


def test_leaving_asks_for_the_password_again_and_then_the_partner_sees_no_couple(
    person: Callable[[str, str], Person], checks: PageChecks
) -> None:
    sam, alex = person("Sam", "sam@example.org"), person("Alex", "alex@example.org")
    link_as_couple(give_account(sam), give_account(alex))
    log_in(sam)
    log_in(alex)
    expect(alex.page.get_by_text(re.compile(r"You and Sam, linked since"))).to_be_visible()

    sam.page.get_by_role("link", name="Leave the couple").click()
    # allauth asks for the password again, even straight after logging in.
    expect(sam.page).to_have_url(re.compile(r"/accounts/reauthenticate/"))
    checks.check(sam.page, "reauthenticate")
    field(sam.page, "Password").fill(sam.password)
    sam.page.get_by_role("button", name="Continue").click()

    expect(sam.page).to_have_url(re.compile(r"/couple/leave/$"))
    expect(sam.page.get_by_role("heading", level=1)).to_have_text("Leave the couple?")
    checks.check(sam.page, "leave, confirmation")
    sam.page.get_by_role("button", name="Yes, leave the couple").click()

    expect(sam.page).to_have_url(re.compile(r"/dashboard/$"))
    expect(sam.page.get_by_role("status")).to_contain_text("You have left the couple.")
    checks.check(sam.page, "dashboard, after leaving")
    assert "ended" in str(latest_email_to(alex.email).subject)

    alex.page.reload()
    expect(alex.page.get_by_text("You are not linked with a partner yet.")).to_be_visible()
    expect(alex.page.get_by_role("main")).not_to_contain_text("Sam")
    checks.assert_html_valid()
