"""Reads for counsellors and shares, always scoped to the person asking.

A counsellor reaches a couple only through an active share; a partner
reaches only their own couple's shares. Anything else looks like nothing.
"""

import hashlib
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from accounts.addresses import email_canonical_or_none
from accounts.models import User
from accounts.selectors import user_email_canonicals
from assessments.models import Checkup
from counsellors.models import AccessLogEntry, CounsellorInvitation, CounsellorProfile, Share, ShareAgreement
from couples.models import Couple, Membership


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def counsellor_profile_of(*, user: User) -> CounsellorProfile | None:
    return CounsellorProfile.objects.filter(user=user).first()


def counsellor_by_email(*, email: str) -> CounsellorProfile | None:
    """The counsellor whose account uses ``email`` (its primary or a verified address), or None.

    "Uses" is equal canonical forms (``accounts.addresses``): the case-insensitive
    match below only narrows the candidates, since it lets look-alike letters through.
    """
    wanted = email_canonical_or_none(email)
    if wanted is None:
        return None
    email = email.strip()
    candidates = (
        CounsellorProfile.objects.select_related("user")
        .filter(
            Q(user__email__iexact=email)
            | Q(user__emailaddress__email__iexact=email, user__emailaddress__verified=True)
        )
        .distinct()
    )
    for profile in candidates:
        own = {email_canonical_or_none(profile.user.email)} | user_email_canonicals(
            user=profile.user, verified=True
        )
        if wanted in own:
            return profile
    return None


def counsellor_is_member(*, counsellor: CounsellorProfile, couple: Couple) -> bool:
    return Membership.objects.filter(couple=couple, user_id=counsellor.user_id).exists()


# --- the couple's side ------------------------------------------------------------------------------


def shares_of_couple(*, couple: Couple) -> QuerySet[Share]:
    """The couple's proposed and active shares, oldest first, with who has agreed."""
    return (
        Share.objects.live()
        .filter(couple=couple)
        .select_related("counsellor", "proposed_by")
        .prefetch_related("agreements")
        .order_by("proposed_at")
    )


def share_counts_for(*, couple: Couple, user: User) -> tuple[int, int]:
    """(proposals waiting for ``user``'s agreement, active shares) of the couple, in one query."""
    counts = (
        Share.objects.live()
        .filter(couple=couple)
        .aggregate(
            waiting=Count(
                "pk", filter=Q(~Exists(_agreement_of(user)), state=Share.State.PROPOSED), distinct=True
            ),
            active=Count("pk", filter=Q(state=Share.State.ACTIVE), distinct=True),
        )
    )
    return counts["waiting"], counts["active"]


def _agreement_of(user: User) -> QuerySet[ShareAgreement]:
    return ShareAgreement.objects.filter(share=OuterRef("pk"), user=user)


def share_for_member(*, share_id: int, user: User) -> Share | None:
    """A share of ``user``'s active couple, or None (another couple's looks the same as none)."""
    return (
        Share.objects.filter(pk=share_id, couple__memberships__user=user, couple__memberships__is_active=True)
        .select_related("counsellor", "couple")
        .first()
    )


def shares_ever_of_member(*, user: User) -> QuerySet[Share]:
    """Every share (revoked ones too) of any couple ``user`` is or was part of, oldest first."""
    return (
        Share.objects.filter(couple__memberships__user=user)
        .select_related("counsellor")
        .prefetch_related("agreements")
        .order_by("proposed_at", "pk")
    )


def access_log_for_member(*, user: User) -> QuerySet[AccessLogEntry]:
    """Every report opening by a counsellor in any couple ``user`` belongs or belonged to, newest first."""
    return (
        AccessLogEntry.objects.filter(couple__memberships__user=user)
        .select_related("checkup")
        .order_by("-opened_at", "-pk")
    )


# --- the counsellor's side --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SharedCouple:
    share: Share
    names: tuple[str, ...]
    completed_checkups: tuple[Checkup, ...]


def shared_couples_for(*, counsellor: CounsellorProfile) -> list[SharedCouple]:
    """The couples whose active share names ``counsellor``, with their completed checkups."""
    shares = list(
        Share.objects.active()
        .filter(counsellor=counsellor, couple__dissolved_at__isnull=True)
        .select_related("couple")
        .order_by("activated_at")
    )
    couple_ids = [share.couple_id for share in shares]
    names: dict[int, list[str]] = {}
    for membership in (
        Membership.objects.filter(couple_id__in=couple_ids).select_related("user").order_by("pk")
    ):
        names.setdefault(membership.couple_id, []).append(membership.user.display_name)
    checkups: dict[int, list[Checkup]] = {}
    for checkup in Checkup.objects.filter(couple_id__in=couple_ids, completed_at__isnull=False).order_by(
        "completed_at"
    ):
        checkups.setdefault(checkup.couple_id, []).append(checkup)
    return [
        SharedCouple(
            share=share,
            names=tuple(names.get(share.couple_id, ())),
            completed_checkups=tuple(checkups.get(share.couple_id, ())),
        )
        for share in shares
    ]


def shared_couple_for(*, counsellor: CounsellorProfile, couple_id: int) -> SharedCouple | None:
    """One couple of ``counsellor``'s, only while its share is active; None otherwise."""
    return next(
        (c for c in shared_couples_for(counsellor=counsellor) if c.share.couple_id == couple_id), None
    )


def shared_checkup(*, counsellor: CounsellorProfile, couple_id: int, checkup_id: int) -> Checkup | None:
    """A completed checkup whose report ``counsellor`` may read now (an active share), else None."""
    shared = shared_couple_for(counsellor=counsellor, couple_id=couple_id)
    if shared is None:
        return None
    return next((c for c in shared.completed_checkups if c.pk == checkup_id), None)


def counsellor_invitations_open(*, counsellor: CounsellorProfile) -> QuerySet[CounsellorInvitation]:
    return CounsellorInvitation.objects.filter(
        counsellor=counsellor, accepted_at__isnull=True, revoked_at__isnull=True
    ).order_by("-created_at")


def counsellor_invitation_sent_by(*, counsellor: CounsellorProfile, pk: int) -> CounsellorInvitation | None:
    return CounsellorInvitation.objects.filter(pk=pk, counsellor=counsellor).first()


def counsellor_invitation_by_token(*, token: str) -> CounsellorInvitation | None:
    if not token or len(token) > 200:
        return None
    return (
        CounsellorInvitation.objects.select_related("counsellor").filter(token_hash=token_hash(token)).first()
    )
