"""The journey so far, as two people on two devices live it.

Every page on the way is checked with axe (WCAG 2.x A and AA) and the Nu HTML
checker. When the checkup and the report exist, their steps continue this story.
"""

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from tests.e2e.helpers import (
    PageChecks,
    Person,
    field,
    latest_email_to,
    link_path_in,
    sign_up_and_verify,
)

pytestmark = pytest.mark.e2e

MESSAGE = "I read about this and thought of us. Shall we try it?"


def test_one_signs_up_and_invites_the_other_who_signs_up_from_the_link_and_accepts(
    person: Callable[[str, str], Person], checks: PageChecks
) -> None:
    sam = person("Sam", "sam@example.org")
    alex = person("Alex", "alex@example.org")

    # Sam finds the site, makes an account and verifies it with the emailed code.
    sam.page.goto("/")
    checks.check(sam.page, "landing")
    sam.page.get_by_role("link", name="Start with an account").click()
    sign_up_and_verify(sam, checks)
    expect(sam.page).to_have_url(re.compile(r"/dashboard/$"))
    expect(sam.page.get_by_role("heading", level=1)).to_have_text("Hello, Sam")
    checks.check(sam.page, "dashboard, not linked")

    # Sam invites Alex, with a few words of their own.
    sam.page.get_by_role("link", name="Invite your partner").click()
    checks.check(sam.page, "invite form")
    sam.page.get_by_role("button", name="Send the invitation").click()
    expect(field(sam.page, "Your partner's email address")).to_have_accessible_description(
        re.compile("required")
    )
    checks.check(sam.page, "invite form, with an error")
    field(sam.page, "Your partner's email address").fill(alex.email)
    field(sam.page, "A short message (optional)").fill(MESSAGE)
    sam.page.get_by_role("button", name="Send the invitation").click()
    expect(sam.page.get_by_role("status")).to_contain_text("Your invitation is on its way.")
    expect(sam.page.get_by_text(f"You invited {alex.email}.")).to_be_visible()
    checks.check(sam.page, "dashboard, invitation sent")

    # Alex, logged out on another device, opens the link from the email.
    invitation = latest_email_to(alex.email)
    alex.page.goto(link_path_in(invitation, "/i/"))
    expect(alex.page).to_have_url(re.compile(r"/invitation/$"))
    expect(alex.page.get_by_role("heading", level=1)).to_have_text("Sam invites you to Attune")
    expect(alex.page.get_by_role("blockquote")).to_have_text(MESSAGE)
    checks.check(alex.page, "invitation, logged out")

    # Alex makes an account with the invited address and comes straight back.
    alex.page.get_by_role("link", name="Create an account").click()
    sign_up_and_verify(alex, checks)
    expect(alex.page).to_have_url(re.compile(r"/invitation/$"))
    checks.check(alex.page, "invitation, logged in")
    # Validate what has been seen so far, so that a failure below still reports
    # the state of these pages. (Each run of the checker costs a Java start.)
    checks.assert_html_valid()
    alex.page.get_by_role("button", name="Accept").click()

    expect(alex.page).to_have_url(re.compile(r"/dashboard/$"))
    expect(alex.page.get_by_role("status")).to_contain_text("You and Sam are now linked.")
    expect(alex.page.get_by_text(re.compile(r"You and Sam, linked since"))).to_be_visible()
    checks.check(alex.page, "dashboard, linked (Alex)")

    # Sam's dashboard, on Sam's own device, now shows Alex.
    sam.page.reload()
    expect(sam.page.get_by_text(re.compile(r"You and Alex, linked since"))).to_be_visible()
    checks.check(sam.page, "dashboard, linked (Sam)")

    checks.assert_html_valid()
