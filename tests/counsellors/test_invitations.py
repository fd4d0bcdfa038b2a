import re

import pytest
from django.core import mail
from django.utils import timezone

from core.errors import AppError
from counsellors.models import CounsellorInvitation, Share
from counsellors.selectors import counsellor_invitation_by_token
from counsellors.services import (
    counsellor_invitation_accept,
    counsellor_invitation_create,
    counsellor_invitation_revoke,
)
from counsellors.services.invitations import INVITATIONS_PER_HOUR
from tests.factories import CounsellorFactory, UserFactory
from tests.support.race import race

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https://attune\.test/counsellor-invitation/\?t=([A-Za-z0-9_\-]+)")


@pytest.fixture
def invite(django_capture_on_commit_callbacks):
    """A counsellor's invitation through the service, with the token read from the email."""

    def send(counsellor, email):
        with django_capture_on_commit_callbacks(execute=True):
            invitation = counsellor_invitation_create(counsellor=counsellor, email=email)
        match = LINK.search(mail.outbox[-1].body)
        assert match, mail.outbox[-1].body
        return invitation, match.group(1)

    return send


def test_the_invitation_emails_a_link_whose_token_is_stored_only_as_a_hash(counsellor, invite):
    invitation, token = invite(counsellor, "Partner@Example.org")

    assert mail.outbox[-1].to == ["partner@example.org"]
    assert counsellor.name in mail.outbox[-1].subject
    assert token not in invitation.token_hash
    assert counsellor_invitation_by_token(token=token) == invitation


def test_the_first_partner_to_accept_proposes_and_the_second_opens_the_share(
    counsellor, invite, couple_of, django_capture_on_commit_callbacks
):
    couple, a, b = couple_of()
    invitation, _ = invite(counsellor, a.email)

    first = counsellor_invitation_accept(invitation=invitation, user=a)
    with django_capture_on_commit_callbacks(execute=True):
        second = counsellor_invitation_accept(invitation=invitation, user=b)

    assert first.pk == second.pk
    assert second.state == Share.State.ACTIVE
    assert second.invitation == invitation
    invitation.refresh_from_db()
    assert invitation.couple == couple


def test_one_partner_accepting_the_link_alone_does_not_open_the_share(counsellor, invite, couple_of):
    _, a, _ = couple_of()
    invitation, _ = invite(counsellor, a.email)

    share = counsellor_invitation_accept(invitation=invitation, user=a)
    with pytest.raises(AppError) as refused:
        counsellor_invitation_accept(invitation=invitation, user=a)

    assert share.state == Share.State.PROPOSED
    assert refused.value.code == "already_agreed"


def test_a_link_used_by_one_couple_is_refused_to_another(counsellor, invite, couple_of):
    _, a, _ = couple_of()
    _, c, _ = couple_of()
    invitation, _ = invite(counsellor, a.email)
    counsellor_invitation_accept(invitation=invitation, user=a)

    with pytest.raises(AppError) as refused:
        counsellor_invitation_accept(invitation=invitation, user=c)

    assert refused.value.code == "used"


def test_the_counsellor_cannot_accept_their_own_invitation_for_their_own_couple(invite, couple_of):
    _, me, _ = couple_of()
    counsellor = CounsellorFactory(user=me)
    invitation, _ = invite(counsellor, "someone@example.org")

    with pytest.raises(AppError) as refused:
        counsellor_invitation_accept(invitation=invitation, user=me)

    assert refused.value.code == "counsellor_is_member"
    assert not Share.objects.exists()


@pytest.mark.parametrize(
    ("change", "code"),
    [({"revoked_at": timezone.now()}, "revoked"), ({"expires_at": timezone.now()}, "expired")],
)
def test_a_withdrawn_or_expired_link_is_refused(counsellor, invite, couple_of, change, code):
    _, a, _ = couple_of()
    invitation, _ = invite(counsellor, a.email)
    CounsellorInvitation.objects.filter(pk=invitation.pk).update(**change)

    with pytest.raises(AppError) as refused:
        counsellor_invitation_accept(invitation=invitation, user=a)

    assert refused.value.code == code


def test_someone_without_a_partner_is_asked_to_link_first(counsellor, invite):
    solo = UserFactory()
    invitation, _ = invite(counsellor, solo.email)

    with pytest.raises(AppError) as refused:
        counsellor_invitation_accept(invitation=invitation, user=solo)

    assert refused.value.code == "no_couple"


def test_only_the_counsellor_who_sent_it_can_withdraw_it(counsellor, invite):
    invitation, _ = invite(counsellor, "partner@example.org")

    with pytest.raises(CounsellorInvitation.DoesNotExist):
        counsellor_invitation_revoke(invitation=invitation, counsellor=CounsellorFactory())
    counsellor_invitation_revoke(invitation=invitation, counsellor=counsellor)

    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_a_counsellor_cannot_invite_their_own_address(counsellor):
    with pytest.raises(AppError) as refused:
        counsellor_invitation_create(counsellor=counsellor, email=counsellor.user.email.upper())

    assert refused.value.code == "self"


def test_invitations_are_rate_limited_per_counsellor_per_hour(counsellor):
    for n in range(INVITATIONS_PER_HOUR):
        counsellor_invitation_create(counsellor=counsellor, email=f"p{n}@example.org")

    with pytest.raises(AppError) as refused:
        counsellor_invitation_create(counsellor=counsellor, email="one.more@example.org")

    assert refused.value.code == "rate_limited"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_both_partners_accepting_the_link_at_once_make_one_share_opened_once(couple_of):
    _, a, b = couple_of()
    counsellor = CounsellorFactory()
    invitation = counsellor_invitation_create(counsellor=counsellor, email=a.email)
    mail.outbox.clear()

    outcomes = race(
        lambda: counsellor_invitation_accept(invitation=invitation, user=a),
        lambda: counsellor_invitation_accept(invitation=invitation, user=b),
    )

    assert {o.pk for o in outcomes} == {Share.objects.get().pk}
    share = Share.objects.get()
    assert share.state == Share.State.ACTIVE
    assert share.agreements.count() == 2
    activation = [m for m in mail.outbox if m.to == [counsellor.user.email]]
    assert len(activation) == 1


def test_a_counsellor_invitation_is_stored_in_the_canonical_form_and_refuses_look_alike_domains(counsellor):
    invitation = counsellor_invitation_create(counsellor=counsellor, email="  Blake@Example.ORG ")
    assert invitation.email == "blake@example.org"
    with pytest.raises(AppError):
        counsellor_invitation_create(counsellor=counsellor, email="blake@\uff45xample.org")
