"""The world of the security tests, and a way to make every request against it fresh.

Couple {A, B} has a complete checkup (so its report exists), a pause plan
both accepted eight days ago (so week 1's check-in is open) and an active
share with "counsellor"; couple {C, D} has none of these, "solo" is a verified
person with no couple. "counsellor" has a counsellor profile (and a link sent
to a couple); "other_counsellor" has a profile and nothing shared with them.

The world is built once per module inside a transaction that is rolled back
at the end (like ``TestCase.setUpTestData``), and every request is made inside
a savepoint that is rolled back right after (``fresh``): each cell of the
access matrix sees the world exactly as built, whatever an earlier cell's POST
did (a share, a hold-back, a logout), and the module stays fast.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from http.cookies import SimpleCookie

import pytest
from allauth.account.utils import user_pk_to_url_str
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client
from django.utils import timezone

from accounts.models import User
from assessments.instrument import current_instrument
from assessments.models import Checkup
from assessments.services import answer_sheet_submit, checkup_start
from counsellors.models import CounsellorInvitation, Share
from counsellors.services import counsellor_invitation_create, share_agree, share_propose
from couples.models import Couple, Invitation
from couples.services import invitation_accept, invitation_create
from practice.models import Agreement
from practice.services import agreement_accept, agreement_edit
from tests.factories import CounsellorFactory, UserFactory
from tests.support.answers import DISTANCING, PURSUING, answers_for, save_answers
from tests.support.mail import mail_delivered

ROLES = ("anon", "solo", "a", "b", "c", "counsellor", "other_counsellor")


@dataclass
class World:
    solo: User
    a: User
    b: User
    c: User
    d: User
    couple: Couple
    checkup: Checkup
    invitation: Invitation | None
    counsellor: User | None = None
    other_counsellor: User | None = None
    share: Share | None = None
    counsellor_invitation: CounsellorInvitation | None = None
    url_values: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Values for every path parameter of the project's URL patterns."""
        private_section = next(s.key for s in current_instrument().sections if s.private)
        self.url_values = {
            "checkup_id": self.checkup.pk,
            "week": 1,
            "section_key": private_section,
            # The admin's: {A, B}'s couple, A's account.
            "app_label": "couples",
            "object_id": self.couple.pk,
            "content_type_id": ContentType.objects.get_for_model(Couple).pk,
            "id": self.a.pk,
            "url": "no-such-page/",
            # allauth's password reset link: A's real uid with a key nobody issued.
            "uidb36": user_pk_to_url_str(self.a),
            "key": "set-by-nobody",
            # {A, B}'s couple and its share with the counsellor; the counsellor's link to a couple.
            "couple_id": self.couple.pk,
            "share_id": self.share.pk if self.share else 0,
            "invitation_id": self.counsellor_invitation.pk if self.counsellor_invitation else 0,
        }

    def user(self, role: str) -> User | None:
        return None if role == "anon" else getattr(self, role)

    def client(self, role: str, name: str = "main") -> Client:
        """A browser with no cookies but ``role``'s, signed in (without a recent password entry)."""
        client = browser(name)
        user = self.user(role)
        if user is not None:
            client.force_login(user)
        return client


_BROWSERS: dict[str, Client] = {}


def browser(name: str = "main") -> Client:
    """A test client with an empty cookie jar: a new browser, as far as the site can tell.

    The client object itself is reused: building one loads every middleware,
    and WhiteNoise then scans all static files (30 ms, a thousand times over).
    Server errors come back as 500 responses rather than exceptions.
    """
    if name not in _BROWSERS:
        _BROWSERS[name] = Client(raise_request_exception=False)
    client = _BROWSERS[name]
    client.cookies = SimpleCookie()
    return client


def _linked(a: User, b: User) -> Couple:
    invitation = invitation_create(inviter=a, email=b.email)
    return invitation_accept(invitation=Invitation.objects.get(pk=invitation.pk), user=b)


def _agreed_plan(couple: Couple, a: User, b: User) -> None:
    agreement_edit(
        couple=couple,
        user=a,
        base_number=0,
        signal="Pause",
        pause_minutes=30,
        own_settle="A walk.",
        restarter="caller",
        return_plan="Back at the agreed time.",
        waiting_plan="Read instead of following.",
    )
    agreement_accept(couple=couple, user=a, number=1)
    agreement_accept(couple=couple, user=b, number=1)
    Agreement.objects.filter(couple=couple).update(activated_at=timezone.now() - timedelta(days=8))


def build_world() -> World:
    a, b, c, d = UserFactory(), UserFactory(), UserFactory(), UserFactory()
    couple = _linked(a, b)
    _linked(c, d)
    checkup = checkup_start(couple=couple, user=a)
    for person, profile in ((a, PURSUING), (b, DISTANCING)):
        response = checkup.answer_sheets.get(user=person)
        save_answers(response, answers_for(profile))
        answer_sheet_submit(sheet=response)
    checkup.refresh_from_db()
    assert checkup.is_complete
    counsellor = CounsellorFactory()
    share = share_agree(share=share_propose(couple=couple, user=a, counsellor=counsellor), user=b)
    counsellor_invitation = counsellor_invitation_create(counsellor=counsellor, email="a.couple@example.org")
    _agreed_plan(couple, a, b)
    mail_delivered().clear()  # the world's own mail, out of the way of the tests' mail
    return World(
        solo=UserFactory(),
        a=a,
        b=b,
        c=c,
        d=d,
        couple=couple,
        checkup=checkup,
        invitation=Invitation.objects.get(inviter=a, accepted_by=b),
        counsellor=counsellor.user,
        other_counsellor=CounsellorFactory().user,
        share=share,
        counsellor_invitation=counsellor_invitation,
    )


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker) -> Iterator[World]:
    """One world for the module, rolled back when the module is done."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture
def world(shared_world: World, db: None) -> World:
    return shared_world


@contextmanager
def fresh() -> Iterator[None]:
    """Whatever happens inside is undone afterwards (the database, the cache, sessions)."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
