"""The log must not tell anyone who uses Attune or what they said.

A whole journey runs through the test client with every log record captured
at DEBUG: two people sign up and verify by code, one invites the other with
a message, the link is opened and accepted, both take the checkup (one with a
concerning answer in the private safety section, who holds back and then
shares), both read the report, someone fails a login, someone asks for another
couple's checkup, someone opens a made-up invitation link.

Then no secret may appear in any record (message, arguments, traceback), and
the audit log must have recorded the security events by user id.
"""

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from assessments.instrument import current_instrument
from assessments.models import Checkup
from tests.support.answers import DISTANCING, PURSUING, answers_for
from tests.support.invitations import open_url, token_from_last_mail
from tests.support.mail import mail_delivered

pytestmark = pytest.mark.django_db

CODE = re.compile(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", re.MULTILINE)
FORMAT = logging.Formatter("%(levelname)s %(name)s %(message)s")


@dataclass
class Person:
    email: str
    name: str
    password: str
    client: Client = field(default_factory=Client)
    code: str = ""
    session_key: str = ""

    @property
    def user(self) -> User:
        return User.objects.get(email=self.email)


@dataclass
class Journey:
    """What the journey typed and was sent: none of it may reach the log."""

    robin: Person
    sam: Person
    message: str
    wrong_password: str
    token: str = ""
    made_up_token: str = ""
    checkup: Checkup | None = None
    other_checkup: Checkup | None = None

    def secrets(self) -> dict[str, str]:
        found = {
            "invitation token": self.token,
            "made-up invitation token": self.made_up_token,
            "invitation message": self.message,
            "wrong password": self.wrong_password,
            "safety item id": "saf0",
            "answer field (shared)": "q_pur01",
            "answer field (safety)": "q_saf01",
            # What a template's context would show (django.template's DEBUG records repr it whole).
            "safety flag": "safety_concern",
        }
        for person in (self.robin, self.sam):
            found[f"{person.name}'s email"] = person.email
            found[f"{person.name}'s password"] = person.password
            found[f"{person.name}'s verification code"] = person.code
            found[f"{person.name}'s verification code, unformatted"] = person.code.replace("-", "")
            found[f"{person.name}'s session key"] = person.session_key
        assert all(found.values()), found
        return found


def _records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """The journey runs while the fixture is set up: its records belong to that phase."""
    return caplog.get_records("setup") + caplog.get_records("call")


def _record_text(record: logging.LogRecord) -> str:
    """Everything a handler could write: the formatted line, traceback and stack included."""
    return FORMAT.format(record)


@pytest.fixture
def everything_logged(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Capture at DEBUG at the root, as LOG_LEVEL=DEBUG would in production."""
    caplog.set_level(logging.DEBUG)
    # Loggers that do not pass records up to the root are captured too.
    silent = [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger) and not logger.propagate
    ]
    for logger in silent:
        logger.addHandler(caplog.handler)
    yield caplog
    for logger in silent:
        logger.removeHandler(caplog.handler)


def _sign_up(person: Person) -> None:
    response = person.client.post(
        reverse("account_signup"),
        {
            "email": person.email,
            "display_name": person.name,
            "password1": person.password,
            "password2": person.password,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert mail_delivered()[-1].to == [person.email]
    match = CODE.search(mail_delivered()[-1].body)
    assert match, mail_delivered()[-1].body
    person.code = match.group(1)
    verify = reverse("account_email_verification_sent")
    response = person.client.post(verify, {"code": person.code}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("dashboard"), response.redirect_chain


def _take_checkup(person: Person, checkup: Checkup, answers: dict[str, int], safety: dict[str, int]) -> None:
    instrument = current_instrument()
    for section in instrument.sections:
        source = safety if section.private else answers
        data = {f"q_{item.id}": str(source[item.id]) for item in instrument.section_items(section.key)}
        url = reverse("assessments:section", args=[checkup.pk, section.key])
        assert person.client.get(url).status_code == 200
        response = person.client.post(url, data)
        assert response.status_code == 302, (section.key, response.content.decode()[:2000])
    assert person.client.get(reverse("assessments:review", args=[checkup.pk])).status_code == 200


@pytest.fixture
def journey(everything_logged, couple_of, checkup_for, django_capture_on_commit_callbacks) -> Journey:
    journey = Journey(
        robin=Person(email="robin.quietly@example.org", name="Robin", password="plum-orbit-lantern-3302"),
        sam=Person(email="sam.elsewhere@example.net", name="Sam", password="cedar-violin-harbour-8817"),
        message="Meet me at the blue cafe on Tuesday, the one by the canal",
        wrong_password="not-my-password-9911",
        made_up_token="Zq0made-up-token-that-matches-nothing-7Yt3xK9",
    )
    robin, sam = journey.robin, journey.sam

    # Two people sign up and verify by the emailed code.
    _sign_up(robin)
    _sign_up(sam)

    # Robin invites Sam with a message; Sam opens the emailed link and accepts.
    with django_capture_on_commit_callbacks(execute=True):
        invite = {"email": sam.email, "message": journey.message}
        response = robin.client.post(reverse("couples:invite"), invite)
    assert response.status_code == 302
    journey.token = token_from_last_mail()
    assert journey.message in mail_delivered()[-1].body
    response = sam.client.get(open_url(journey.token), follow=True)
    assert response.redirect_chain[-1][0] == reverse("couples:invitation")
    response = sam.client.post(reverse("couples:invitation_accept"))
    assert response.status_code == 302

    # Both take the checkup; Sam answers the private safety section with a concern.
    response = robin.client.post(reverse("assessments:start"))
    assert response.status_code == 302
    checkup = journey.checkup = Checkup.objects.get(couple__memberships__user=robin.user)
    _take_checkup(robin, checkup, answers_for(PURSUING), {"saf01": 1, "saf02": 1, "saf03": 1})
    _take_checkup(sam, checkup, answers_for(DISTANCING), {"saf01": 5, "saf02": 4, "saf03": 4})
    steps = [
        (robin, "assessments:review", {"share": "share"}),
        (robin, "assessments:remind", {}),
        (sam, "assessments:review", {"share": "hold"}),  # held back: Robin sees "not finished yet"
        (sam, "assessments:release", {}),
    ]
    for person, name, data in steps:
        with django_capture_on_commit_callbacks(execute=True):
            response = person.client.post(reverse(name, args=[checkup.pk]), data)
        assert response.status_code == 302, (name, response.content.decode()[:2000])
    checkup.refresh_from_db()
    assert checkup.is_complete

    # Both read the report.
    for person in (robin, sam):
        assert person.client.get(reverse("assessments:report", args=[checkup.pk])).status_code == 200

    # A failed login (someone typing Robin's address with a wrong password).
    stranger = Client()
    attempt = {"login": robin.email, "password": journey.wrong_password}
    response = stranger.post(reverse("account_login"), attempt)
    assert response.status_code == 200
    assert "_auth_user_id" not in stranger.session

    # A made-up invitation link.
    assert stranger.get(open_url(journey.made_up_token)).status_code == 404

    # Robin asks for another couple's checkup.
    other_couple, x, y = couple_of()
    journey.other_checkup, _, _ = checkup_for(other_couple, x, y)
    response = robin.client.get(reverse("assessments:checkup", args=[journey.other_checkup.pk]))
    assert response.status_code == 404

    # And signs out.
    for person in (robin, sam):
        person.session_key = person.client.cookies["sessionid"].value
    robin.client.post(reverse("account_logout"))
    return journey


def test_the_journey_leaves_no_secret_in_the_log(journey, everything_logged):
    records = _records(everything_logged)
    leaks = [
        f"{what} in {record.name} {record.levelname} ({record.pathname}:{record.lineno}): "
        f"{_record_text(record)[:300]!r}"
        for what, secret in journey.secrets().items()
        for record in records
        if secret.lower() in _record_text(record).lower()
    ]

    assert len(records) > 20  # the journey really was logged
    assert not leaks, "\n".join(leaks)


def test_the_audit_log_records_sign_ins_a_failed_sign_in_and_refused_access_by_user_id(
    journey, everything_logged
):
    audit = [record.getMessage() for record in _records(everything_logged) if record.name == "attune.audit"]
    robin, sam = journey.robin.user, journey.sam.user

    assert f"sign-in: user={robin.pk}" in audit
    assert f"sign-in: user={sam.pk}" in audit
    assert "sign-in failed" in audit
    assert f"refused access: user={robin.pk} what=checkup" in audit
    assert f"sign-out: user={robin.pk}" in audit


def test_debug_logging_never_reaches_the_records_that_print_a_whole_template_context(everything_logged):
    """With LOG_LEVEL=DEBUG the root logs at DEBUG; django.* stays at INFO (Django's default).

    django.template logs, at DEBUG, every variable a template looks up in vain,
    with the context of the page in the exception: on the review page that is
    the person's name, their partner's, the CSRF token and ``safety_concern``.
    """
    assert logging.getLogger().isEnabledFor(logging.DEBUG)
    assert not logging.getLogger("django.template").isEnabledFor(logging.DEBUG)
    assert not logging.getLogger("django.db.backends").isEnabledFor(logging.DEBUG)
