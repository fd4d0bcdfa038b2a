from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import AppError
from core.mail import email_queue
from counsellors.models import CounsellorInvitation, CounsellorProfile, Share, ShareAgreement
from counsellors.selectors import counsellor_is_member
from couples.models import Couple, Membership

PROPOSALS_PER_HOUR = 5


def _counsellor_link() -> str:
    return settings.SITE_URL + reverse("counsellors:dashboard")


def locked_couple_of_member(*, couple_id: int, user: User) -> Couple:
    """``user``'s active couple, row-locked; refused for anyone else (the view 404s them first)."""
    couple = Couple.objects.select_for_update().filter(pk=couple_id).first()
    if (
        couple is None
        or not couple.is_active
        or not Membership.objects.filter(couple=couple, user=user, is_active=True).exists()
    ):
        raise AppError("not_member", _("This is not something you can change."))
    return couple


def _members(couple: Couple) -> list[User]:
    return [m.user for m in Membership.objects.filter(couple=couple).select_related("user").order_by("pk")]


def _partner(couple: Couple, user: User) -> User | None:
    return next((m for m in _members(couple) if m.pk != user.pk), None)


def refuse_own_counsellor(counsellor: CounsellorProfile, couple: Couple) -> None:
    if counsellor_is_member(counsellor=counsellor, couple=couple):
        raise AppError(
            "counsellor_is_member",
            _("A partner in a couple cannot also be its counsellor. Please choose someone outside it."),
        )


def _check_proposal_rate(user: User) -> None:
    since = timezone.now() - timedelta(hours=1)
    if Share.objects.filter(proposed_by=user, proposed_at__gte=since).count() >= PROPOSALS_PER_HOUR:
        raise AppError(
            "rate_limited",
            _("You have proposed %(count)d counsellors in the last hour. Please wait a while before another.")
            % {"count": PROPOSALS_PER_HOUR},
        )


def share_open_proposal(
    *,
    couple: Couple,
    user: User,
    counsellor: CounsellorProfile,
    invitation: CounsellorInvitation | None = None,
) -> Share:
    """Create ``user``'s proposal with their own agreement, and tell the partner. Couple already locked."""
    refuse_own_counsellor(counsellor, couple)
    if Share.objects.live().filter(couple=couple, counsellor=counsellor).exists():
        raise AppError("exists", _("You have already proposed or shared with this counsellor."))
    _check_proposal_rate(user)
    now = timezone.now()
    share = Share.objects.create(
        couple=couple, counsellor=counsellor, proposed_by=user, proposed_at=now, invitation=invitation
    )
    ShareAgreement.objects.create(share=share, user=user, agreed_at=now)
    _tell_partner(couple, user, "counsellors/email/share_proposed", counsellor)
    return share


def _tell_partner(couple: Couple, user: User, template_prefix: str, counsellor: CounsellorProfile) -> None:
    """Email the other partner what ``user`` just did (``actor_name`` in the template)."""
    partner = _partner(couple, user)
    if partner is not None:
        email_queue(
            template_prefix=template_prefix,
            to=partner.email,
            context={
                "person": partner,
                "actor_name": user.display_name,
                "counsellor": counsellor,
                "site_url": settings.SITE_URL,
            },
            user_id=partner.pk,
        )


@transaction.atomic
def share_propose(*, couple: Couple, user: User, counsellor: CounsellorProfile) -> Share:
    """``user`` proposes sharing their couple's reports with ``counsellor``; it opens when both agree."""
    couple = locked_couple_of_member(couple_id=couple.pk, user=user)
    return share_open_proposal(couple=couple, user=user, counsellor=counsellor)


def share_add_agreement(*, share: Share, user: User) -> Share:
    """Record ``user``'s yes; open the share if both members have said it. Couple already locked."""
    share = Share.objects.select_for_update().select_related("counsellor__user").get(pk=share.pk)
    if share.state == Share.State.ACTIVE:
        raise AppError("active", _("You already share your reports with this counsellor."))
    if share.state == Share.State.REVOKED:
        raise AppError(
            "revoked", _("This share has ended. Propose the counsellor again if you both want to.")
        )
    couple = share.couple
    refuse_own_counsellor(share.counsellor, couple)
    if share.agreements.filter(user=user).exists():
        raise AppError("already_agreed", _("You have agreed. The share opens when your partner agrees too."))
    now = timezone.now()
    ShareAgreement.objects.create(share=share, user=user, agreed_at=now)
    members = _members(couple)
    agreed = set(share.agreements.values_list("user_id", flat=True))
    # A partner cannot open a share alone: both members, each with their own agreement.
    if len(members) == 2 and all(member.pk in agreed for member in members):
        share.state = Share.State.ACTIVE
        share.activated_at = now
        share.save(update_fields=["state", "activated_at"])
        _tell_active(share, members)
    return share


def _tell_active(share: Share, members: list[User]) -> None:
    names = [m.display_name for m in members]
    for member in members:
        email_queue(
            template_prefix="counsellors/email/share_active",
            to=member.email,
            context={"person": member, "counsellor": share.counsellor, "site_url": settings.SITE_URL},
            user_id=member.pk,
        )
    counsellor_user = share.counsellor.user
    email_queue(
        template_prefix="counsellors/email/share_active_counsellor",
        to=counsellor_user.email,
        context={"counsellor": share.counsellor, "names": names, "link": _counsellor_link()},
        user_id=counsellor_user.pk,
    )


@transaction.atomic
def share_agree(*, share: Share, user: User) -> Share:
    """``user`` agrees to a proposed share; when both partners have, the counsellor can read the reports.

    The couple row is locked first, so two partners agreeing at the same
    moment open the share exactly once (and send its emails once).
    """
    locked_couple_of_member(couple_id=share.couple_id, user=user)
    return share_add_agreement(share=share, user=user)


def _end(share: Share, *, by: User | None) -> None:
    was_active = share.state == Share.State.ACTIVE
    share.state = Share.State.REVOKED
    share.revoked_at = timezone.now()
    share.revoked_by = by
    share.save(update_fields=["state", "revoked_at", "revoked_by"])
    if was_active:
        counsellor_user = share.counsellor.user
        # The counsellor is not told which partner ended it, nor why.
        email_queue(
            template_prefix="counsellors/email/share_revoked_counsellor",
            to=counsellor_user.email,
            context={
                "counsellor": share.counsellor,
                "names": [m.display_name for m in _members(share.couple)],
                "link": _counsellor_link(),
            },
            user_id=counsellor_user.pk,
        )


@transaction.atomic
def share_revoke(*, share: Share, user: User) -> Share:
    """Either partner ends a share (or declines a proposal) at once; the next request is refused."""
    couple = locked_couple_of_member(couple_id=share.couple_id, user=user)
    share = Share.objects.select_for_update().select_related("counsellor__user", "couple").get(pk=share.pk)
    if share.state == Share.State.REVOKED:
        raise AppError("revoked", _("This share has already ended."))
    _end(share, by=user)
    _tell_partner(couple, user, "counsellors/email/share_revoked", share.counsellor)
    return share


def shares_end_for_couple(*, couple: Couple) -> int:
    """End every live share of a couple that is ending (its row is already locked by the caller)."""
    shares = list(
        Share.objects.select_for_update()
        .live()
        .filter(couple=couple)
        .select_related("counsellor__user", "couple")
        .order_by("pk")
    )
    for share in shares:
        _end(share, by=None)
    return len(shares)
