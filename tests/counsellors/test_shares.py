import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.errors import AppError
from counsellors.forms import CounsellorProfileForm
from counsellors.models import Share, ShareAgreement
from counsellors.selectors import counsellor_by_email
from counsellors.services import share_agree, share_propose, share_revoke
from counsellors.services.shares import PROPOSALS_PER_HOUR
from couples.services import couple_leave
from tests.factories import CounsellorFactory, UserFactory
from tests.support.race import race
from web.services import account_delete

pytestmark = pytest.mark.django_db


def test_a_proposal_waits_for_the_partner_with_the_proposers_agreement_and_emails_the_partner(
    couple_of, counsellor, django_capture_on_commit_callbacks
):
    couple, a, b = couple_of()

    with django_capture_on_commit_callbacks(execute=True):
        share = share_propose(couple=couple, user=a, counsellor=counsellor)

    assert share.state == Share.State.PROPOSED
    assert list(share.agreements.values_list("user_id", flat=True)) == [a.pk]
    assert [m.to for m in mail.outbox] == [[b.email]]
    assert counsellor.name in mail.outbox[0].body
    assert "does not check" in mail.outbox[0].body


def test_a_partner_cannot_activate_a_share_alone_by_agreeing_again(couple_of, counsellor):
    couple, a, _ = couple_of()
    share = share_propose(couple=couple, user=a, counsellor=counsellor)

    with pytest.raises(AppError) as refused:
        share_agree(share=share, user=a)

    assert refused.value.code == "already_agreed"
    share.refresh_from_db()
    assert share.state == Share.State.PROPOSED
    assert share.activated_at is None


def test_the_share_opens_when_both_partners_agree_and_tells_both_and_the_counsellor(
    couple_of, counsellor, django_capture_on_commit_callbacks
):
    couple, a, b = couple_of()
    share = share_propose(couple=couple, user=a, counsellor=counsellor)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        share = share_agree(share=share, user=b)

    assert share.state == Share.State.ACTIVE
    assert share.activated_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == sorted([a.email, b.email, counsellor.user.email])


@pytest.mark.parametrize("who", ["a", "b"])
def test_either_partner_can_revoke_an_active_share_and_the_other_partner_and_counsellor_are_told(
    couple_of, counsellor, shared_with, django_capture_on_commit_callbacks, who
):
    couple, a, b = couple_of()
    share = shared_with(couple, a, b, counsellor)
    mail.outbox.clear()
    revoker, other = (a, b) if who == "a" else (b, a)

    with django_capture_on_commit_callbacks(execute=True):
        share = share_revoke(share=share, user=revoker)

    assert share.state == Share.State.REVOKED
    assert share.revoked_by == revoker
    assert sorted(m.to[0] for m in mail.outbox) == sorted([other.email, counsellor.user.email])
    counsellor_mail = next(m for m in mail.outbox if m.to == [counsellor.user.email])
    assert revoker.display_name in counsellor_mail.body  # named as one of the couple...
    assert "stopped" not in counsellor_mail.body  # ...never as the one who stopped


def test_declining_a_proposal_ends_it_without_telling_the_counsellor(
    couple_of, counsellor, django_capture_on_commit_callbacks
):
    couple, a, b = couple_of()
    share = share_propose(couple=couple, user=a, counsellor=counsellor)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        share_revoke(share=share, user=b)

    assert [m.to for m in mail.outbox] == [[a.email]]


def test_a_revoked_share_cannot_be_agreed_to_afterwards(couple_of, counsellor):
    couple, a, b = couple_of()
    share = share_propose(couple=couple, user=a, counsellor=counsellor)
    share_revoke(share=share, user=a)

    with pytest.raises(AppError) as refused:
        share_agree(share=share, user=b)

    assert refused.value.code == "revoked"


def test_a_couple_can_share_with_two_counsellors_and_propose_one_again_after_revoking(couple_of, shared_with):
    couple, a, b = couple_of()
    first, second = CounsellorFactory(), CounsellorFactory()
    shared_with(couple, a, b, first)
    shared_with(couple, a, b, second)
    share_revoke(share=Share.objects.get(counsellor=first), user=b)

    again = share_propose(couple=couple, user=b, counsellor=first)

    assert again.state == Share.State.PROPOSED
    assert Share.objects.filter(couple=couple, state=Share.State.ACTIVE).count() == 1


def test_proposing_a_counsellor_already_proposed_is_refused(couple_of, counsellor):
    couple, a, b = couple_of()
    share_propose(couple=couple, user=a, counsellor=counsellor)

    with pytest.raises(AppError) as refused:
        share_propose(couple=couple, user=b, counsellor=counsellor)

    assert refused.value.code == "exists"


def test_the_database_allows_one_live_share_per_couple_and_counsellor(couple_of, counsellor):
    couple, a, _ = couple_of()
    share_propose(couple=couple, user=a, counsellor=counsellor)

    with pytest.raises(IntegrityError), transaction.atomic():
        Share.objects.create(couple=couple, counsellor=counsellor, proposed_by=a)


def test_the_database_refuses_an_active_share_with_no_activation_time(couple_of, counsellor):
    couple, a, _ = couple_of()

    with pytest.raises(IntegrityError), transaction.atomic():
        Share.objects.create(couple=couple, counsellor=counsellor, proposed_by=a, state=Share.State.ACTIVE)


def test_the_database_refuses_a_second_agreement_by_the_same_partner(couple_of, counsellor):
    couple, a, _ = couple_of()
    share = share_propose(couple=couple, user=a, counsellor=counsellor)

    with pytest.raises(IntegrityError), transaction.atomic():
        ShareAgreement.objects.create(share=share, user=a)


@pytest.mark.parametrize("proposer", ["a", "b"])
def test_a_partner_cannot_propose_a_member_of_their_own_couple_as_its_counsellor(couple_of, proposer):
    couple, a, b = couple_of()
    member_counsellor = CounsellorFactory(user=a)

    with pytest.raises(AppError) as refused:
        share_propose(couple=couple, user=a if proposer == "a" else b, counsellor=member_counsellor)

    assert refused.value.code == "counsellor_is_member"
    assert not Share.objects.exists()


def test_someone_outside_the_couple_can_neither_propose_agree_nor_revoke(couple_of, counsellor):
    couple, a, _ = couple_of()
    _, outsider, _ = couple_of()
    share = share_propose(couple=couple, user=a, counsellor=counsellor)

    for action in (
        lambda: share_propose(couple=couple, user=outsider, counsellor=CounsellorFactory()),
        lambda: share_agree(share=share, user=outsider),
        lambda: share_revoke(share=share, user=outsider),
    ):
        with pytest.raises(AppError) as refused:
            action()
        assert refused.value.code == "not_member"
    share.refresh_from_db()
    assert share.state == Share.State.PROPOSED


def test_proposals_are_rate_limited_per_person_per_hour(couple_of):
    couple, a, _ = couple_of()
    for _ in range(PROPOSALS_PER_HOUR):
        share_revoke(share=share_propose(couple=couple, user=a, counsellor=CounsellorFactory()), user=a)

    with pytest.raises(AppError) as refused:
        share_propose(couple=couple, user=a, counsellor=CounsellorFactory())

    assert refused.value.code == "rate_limited"
    Share.objects.update(proposed_at=timezone.now() - timezone.timedelta(hours=1, minutes=1))
    assert share_propose(couple=couple, user=a, counsellor=CounsellorFactory()).pk


def test_a_couple_ending_ends_its_shares_and_tells_the_counsellor_only_that_sharing_stopped(
    couple_of, counsellor, shared_with, django_capture_on_commit_callbacks
):
    couple, a, b = couple_of()
    shared_with(couple, a, b, counsellor)
    pending = share_propose(couple=couple, user=a, counsellor=CounsellorFactory())
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        couple_leave(couple=couple, user=a)

    assert set(Share.objects.filter(couple=couple).values_list("state", flat=True)) == {Share.State.REVOKED}
    pending.refresh_from_db()
    assert pending.revoked_by is None
    counsellor_mail = [m for m in mail.outbox if m.to == [counsellor.user.email]]
    assert len(counsellor_mail) == 1
    assert "left" not in counsellor_mail[0].body


def test_deleting_a_partners_account_ends_the_couples_shares(couple_of, counsellor, shared_with):
    couple, a, b = couple_of()
    share = shared_with(couple, a, b, counsellor)

    account_delete(user=b)

    share.refresh_from_db()
    assert share.state == Share.State.REVOKED


def test_a_counsellor_deleting_their_account_removes_their_shares(couple_of, counsellor, shared_with):
    couple, a, b = couple_of()
    shared_with(couple, a, b, counsellor)

    account_delete(user=counsellor.user)

    assert not Share.objects.filter(couple=couple).exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_one_partner_agreeing_twice_at_once_opens_the_share_exactly_once(couple_of):
    couple, a, b = couple_of()
    counsellor = CounsellorFactory()
    share = share_propose(couple=couple, user=a, counsellor=counsellor)
    mail.outbox.clear()

    outcomes = race(
        lambda: share_agree(share=share, user=b),
        lambda: share_agree(share=share, user=b),
        expected=(AppError,),
    )

    assert sorted(type(o).__name__ for o in outcomes) == ["AppError", "Share"]
    share.refresh_from_db()
    assert share.state == Share.State.ACTIVE
    assert share.agreements.count() == 2
    # The activation mail went out once: to each partner and to the counsellor.
    assert sorted(m.to[0] for m in mail.outbox) == sorted([a.email, b.email, counsellor.user.email])


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_an_agreement_racing_a_revocation_never_leaves_the_share_active(couple_of):
    couple, a, b = couple_of()
    share = share_propose(couple=couple, user=a, counsellor=CounsellorFactory())

    race(
        lambda: share_agree(share=share, user=b),
        lambda: share_revoke(share=share, user=a),
        expected=(AppError,),
    )

    share.refresh_from_db()
    assert share.state == Share.State.REVOKED
    assert not Share.objects.active().exists()


def test_a_counsellor_may_have_a_couple_of_their_own_and_counsel_others(couple_of, shared_with):
    counsellor_user = UserFactory()
    counsellor = CounsellorFactory(user=counsellor_user)
    couple_of(counsellor_user)
    couple, a, b = couple_of()

    share = shared_with(couple, a, b, counsellor)

    assert share.state == Share.State.ACTIVE


@pytest.mark.parametrize(
    ("typed", "found"),
    [("Rowan@Example.org", True), ("rowan@EXAMPLE.ORG", True), ("rowan@exam\u0131ple.org", False)],
)
def test_a_counsellor_is_found_by_the_canonical_form_of_their_address_only(typed, found):
    profile = CounsellorFactory(user__email="rowan@example.org")
    assert (counsellor_by_email(email=typed) == profile) is found


def test_a_counsellors_display_name_is_cleaned_like_every_display_name():
    form = CounsellorProfileForm(data={"name": "  Dr\u200b  Rowan ", "practice": "Riverside", "website": ""})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "Dr Rowan"
