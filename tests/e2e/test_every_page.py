"""Every page a person can reach, not only the journey's: axe, the Nu HTML checker, a 360 px phone.

Four kinds of visitor: someone not logged in, someone logged in with no
partner, a partner in each state of a checkup, and a partner whose report is
ready. Each page is checked as the browser built it, on a phone 360 px wide:
no WCAG A/AA violation, valid HTML, and nothing wider than the screen.
"""

import re
from collections.abc import Callable

import pytest
from django.core import mail
from playwright.sync_api import BrowserContext, Page, expect

from assessments.models import Checkup
from assessments.services import answer_sheet_submit, checkup_start
from couples.models import Couple
from couples.selectors import couple_active_for
from couples.services import invitation_create
from tests.e2e.helpers import (
    PageChecks,
    Person,
    field,
    give_account,
    give_couple,
    latest_email_to,
    log_in,
    sign_up_and_verify,
    status_of,
)
from tests.support.answers import DISTANCING, PURSUING, answers_for, save_answers
from tests.support.invitations import LINK

pytestmark = pytest.mark.e2e

PHONE = {"width": 360, "height": 780}
# A real, long browser name: the sessions table must fit a phone even with it.
LONG_USER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; SM-S918B Build/UP1A.231005.007; wv) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.135 Mobile Safari/537.36 "
    "[FB_IAB/FB4A;FBAV/490.0.0.53.109;IABMV/1;]"
)


@pytest.fixture
def phone_person(new_context: Callable[..., BrowserContext]) -> Callable[[str, str], Person]:
    """Someone at a phone 360 px wide, whose browser has a long name."""

    def make(name: str, email: str) -> Person:
        context = new_context(viewport=PHONE, user_agent=LONG_USER_AGENT)
        context.set_default_timeout(10_000)
        return Person(name=name, email=email, page=context.new_page())

    return make


def visit(page: Page, checks: PageChecks, path: str | None, label: str, *, status: int = 200) -> None:
    """Open `path` (or stay on the current page), then run every check on it."""
    if path is not None:
        assert status_of(page, path) == status, f"{path} answered {status_of(page, path)}"
    checks.check(page, label)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{label}: the page is {width} px wide on a {PHONE['width']} px phone"


def partners_on_phones(phone_person: Callable[[str, str], Person]) -> tuple[Person, Person, Couple]:
    """Sam and Alex, linked as a couple, each at their own phone (both logged out)."""
    sam, alex = phone_person("Sam", "sam@example.org"), phone_person("Alex", "alex@example.org")
    sam_user, _ = give_couple(sam, alex)
    couple = couple_active_for(user=sam_user)
    assert couple is not None
    return sam, alex, couple


def open_invitation(page: Page, *, inviter: str, to: str) -> None:
    """Someone called `inviter` invites `to`, who opens the emailed link in `page`."""
    invitation_create(inviter=give_account(Person(inviter, f"{inviter.lower()}@example.org", page)), email=to)
    match = LINK.search(latest_email_to(to, subject_contains=f"{inviter} invites you").body)
    assert match
    page.goto(f"/i/?t={match.group(1)}")
    expect(page).to_have_url(re.compile(r"/invitation/$"))


def reauthenticate(person: Person, next_path: str) -> None:
    person.page.goto(f"/accounts/reauthenticate/?next={next_path}")
    field(person.page, "Password").fill(person.password)
    person.page.get_by_role("button", name="Continue").click()
    expect(person.page).to_have_url(re.compile(re.escape(next_path) + "$"))


def test_every_page_a_visitor_who_is_not_logged_in_can_reach(
    phone_person: Callable[[str, str], Person], checks: PageChecks
) -> None:
    kit = phone_person("Kit", "kit@example.org")
    page = kit.page
    for path, label in [
        ("/", "landing"),
        ("/accounts/login/", "log in"),
        ("/accounts/password/reset/", "forgot password"),
        ("/accounts/password/reset/done/", "forgot password, sent"),
        ("/accounts/password/reset/key/1-not-a-key/", "reset link that no longer works"),
        ("/accounts/inactive/", "inactive account"),
    ]:
        visit(page, checks, path, label)
    visit(page, checks, "/no-such-page/", "not found", status=404)

    # An invitation, opened from its email before signing up.
    open_invitation(page, inviter="Sam", to=kit.email)
    visit(page, checks, None, "invitation, not logged in")

    # Sign-up and its code page, then the dashboard of someone with an invitation waiting.
    page.goto("/accounts/signup/")
    sign_up_and_verify(kit, checks)
    visit(page, checks, None, "after sign-up")
    checks.assert_html_valid()


def test_every_page_someone_logged_in_without_a_partner_can_reach(
    phone_person: Callable[[str, str], Person], checks: PageChecks
) -> None:
    robin = phone_person("Robin", "robin@example.org")
    give_account(robin)
    log_in(robin)
    page = robin.page
    for path, label in [
        ("/dashboard/", "dashboard, alone"),
        ("/invite/", "invite"),
        ("/accounts/email/", "email address"),
        ("/accounts/password/change/", "change password"),
        ("/accounts/sessions/", "sessions, long browser name"),
        ("/accounts/logout/", "log out?"),
        ("/account/privacy/", "privacy"),
        ("/accounts/reauthenticate/?next=/account/privacy/export/", "password again, before the export"),
    ]:
        visit(page, checks, path, label)

    reauthenticate(robin, "/account/privacy/delete/")
    visit(page, checks, None, "delete my account")

    # Changing the address: the password again, then the code page, then the pending change.
    reauthenticate(robin, "/accounts/email/")
    field(page, "New email address").fill("robin.new@example.org")
    page.get_by_role("button", name="Send a code to the new address").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email for a code")
    visit(page, checks, None, "code for a new address")
    visit(page, checks, "/accounts/email/", "email address, change waiting")

    # An invitation sent by someone else, opened while logged in.
    open_invitation(page, inviter="Jo", to=robin.email)
    visit(page, checks, None, "invitation, logged in")
    visit(page, checks, "/dashboard/", "dashboard, invitation waiting")
    checks.assert_html_valid()


def test_every_page_of_each_checkup_state_a_partner_can_reach(
    phone_person: Callable[[str, str], Person], checks: PageChecks
) -> None:
    sam, alex, couple = partners_on_phones(phone_person)
    sam_user = couple.members.get(email=sam.email)
    log_in(sam)
    page = sam.page
    visit(page, checks, "/dashboard/", "dashboard, linked, no checkup")
    reauthenticate(sam, "/couple/leave/")
    visit(page, checks, None, "leave the couple?")

    checkup = checkup_start(couple=couple, user=sam_user)
    visit(page, checks, "/dashboard/", "dashboard, checkup open")
    page.goto(f"/checkups/{checkup.pk}/")
    expect(page).to_have_url(re.compile(r"/section/"))
    visit(page, checks, None, "first question page")

    sheet = checkup.answer_sheets.get(user=sam_user)
    save_answers(sheet, answers_for(PURSUING), safety={"saf01": 1, "saf02": 1, "saf03": 1})
    visit(page, checks, f"/checkups/{checkup.pk}/review/", "review, everything answered")
    answer_sheet_submit(sheet=sheet)
    mail.outbox.clear()
    visit(page, checks, f"/checkups/{checkup.pk}/", "waiting for the partner")
    visit(page, checks, "/dashboard/", "dashboard, waiting for the partner")

    log_in(alex)
    visit(alex.page, checks, "/dashboard/", "dashboard, partner has finished")
    checks.assert_html_valid()


def test_every_page_a_partner_whose_report_is_ready_can_reach(
    phone_person: Callable[[str, str], Person], checks: PageChecks
) -> None:
    sam, alex, couple = partners_on_phones(phone_person)
    sam_user, alex_user = couple.members.get(email=sam.email), couple.members.get(email=alex.email)
    # Two checkups, so that the report shows its history table too.
    for _ in range(2):
        checkup = checkup_start(couple=couple, user=sam_user)
        for user, profile in ((sam_user, PURSUING), (alex_user, DISTANCING)):
            sheet = checkup.answer_sheets.get(user=user)
            save_answers(sheet, answers_for(profile), safety={"saf01": 1, "saf02": 1, "saf03": 1})
            answer_sheet_submit(sheet=sheet)
    latest = Checkup.objects.filter(couple=couple).latest("completed_at")
    log_in(sam)
    page = sam.page
    visit(page, checks, "/dashboard/", "dashboard, report ready")
    visit(page, checks, f"/checkups/{latest.pk}/report/", "report, two checkups")
    # The report's tables scroll inside their box on a phone: the keyboard must reach them.
    for region in page.locator(".table-wrap").all():
        assert region.get_attribute("tabindex") == "0"
        assert region.get_attribute("role") == "region"
    checks.assert_html_valid()
