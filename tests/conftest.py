import pytest
from django.db import connection
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from assessments.services import answer_sheet_submit, checkup_start
from couples.models import Invitation
from couples.services import invitation_accept, invitation_create
from tests.factories import UserFactory
from tests.support.answers import DISTANCING, PURSUING, answers_for, save_answers
from tests.support.invitations import token_from_last_mail
from tests.support.mail import mail_delivered

# Property tests run pure code on a machine shared with other work: a per-example
# time limit (or the check on how fast examples are made) would fail them at
# random under load; speed goals live in benchmarks.
hypothesis_settings.register_profile("attune", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("attune")

START_POSTGRES = (
    "no PostgreSQL answered; start it with "
    "`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` "
    "or set DATABASE_URL=postgres://..."
)


def pytest_report_header(config: pytest.Config) -> str:
    from django.conf import settings

    db = settings.DATABASES["default"]
    vendor = db["ENGINE"].rsplit(".", 1)[-1]
    if vendor == "postgresql":
        import psycopg

        try:
            with psycopg.connect(
                host=db.get("HOST") or None,
                port=db.get("PORT") or None,
                user=db.get("USER") or None,
                password=db.get("PASSWORD") or None,
                dbname="postgres",
                connect_timeout=3,
            ) as conn:
                version = conn.execute("SHOW server_version").fetchone()[0]  # type: ignore[index]
        except psycopg.Error as error:
            version = f"unreachable ({error.__class__.__name__})"
        return f"database: postgresql {version} at {db.get('HOST')}:{db.get('PORT')}"
    return f"database: {vendor} ({db['NAME']}) -- PostgreSQL-only tests will be skipped: {START_POSTGRES}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    skip = pytest.mark.skip(reason=START_POSTGRES)
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def user(db: None):
    return UserFactory()


@pytest.fixture
def on_postgres() -> bool:
    return connection.vendor == "postgresql"


@pytest.fixture
def couple_of():
    """Link two people into a couple through the real invitation flow; returns (couple, a, b)."""

    def make(a=None, b=None):
        a = a or UserFactory()
        b = b or UserFactory()
        invitation = invitation_create(inviter=a, email=b.email)
        couple = invitation_accept(invitation=Invitation.objects.get(pk=invitation.pk), user=b)
        mail_delivered().clear()
        return couple, a, b

    return make


@pytest.fixture
def checkup_for():
    """Start a checkup for a couple and return (checkup, response_a, response_b)."""

    def make(couple, a, b):
        checkup = checkup_start(couple=couple, user=a)
        return checkup, checkup.answer_sheets.get(user=a), checkup.answer_sheets.get(user=b)

    return make


@pytest.fixture
def answered_checkup(couple_of, checkup_for):
    """A couple whose open checkup is answered in full, nothing submitted yet.

    Returns (couple, a, b, checkup, sheet_a, sheet_b). ``safety_a`` adds a's
    private answers, ``only_a`` leaves b's sheet empty, ``names`` names the two.
    """

    def make(profile_a=PURSUING, profile_b=DISTANCING, *, safety_a=None, only_a=False, names=None):
        couple, a, b = couple_of(*[UserFactory(display_name=name) for name in names or ()])
        checkup, sheet_a, sheet_b = checkup_for(couple, a, b)
        save_answers(sheet_a, answers_for(profile_a), safety=safety_a)
        if not only_a:
            save_answers(sheet_b, answers_for(profile_b))
        return couple, a, b, checkup, sheet_a, sheet_b

    return make


@pytest.fixture
def completed_checkup(couple_of, checkup_for, django_capture_on_commit_callbacks):
    """A couple {a, b} whose checkup is complete with the given profiles; returns (checkup, a, b)."""

    def make(profile_a=PURSUING, profile_b=DISTANCING, couple=None, a=None, b=None):
        if couple is None:
            couple, a, b = couple_of()
        checkup, ra, rb = checkup_for(couple, a, b)
        save_answers(ra, answers_for(profile_a))
        save_answers(rb, answers_for(profile_b))
        with django_capture_on_commit_callbacks(execute=True):
            answer_sheet_submit(sheet=ra)
            answer_sheet_submit(sheet=rb)
        checkup.refresh_from_db()
        return checkup, a, b

    return make


@pytest.fixture
def send_invitation(django_capture_on_commit_callbacks):
    """Invite through the service, deliver the mail, return (invitation, emailed token)."""

    def send(inviter, email, message=""):
        with django_capture_on_commit_callbacks(execute=True):
            invitation = invitation_create(inviter=inviter, email=email, message=message)
        return invitation, token_from_last_mail()

    return send
