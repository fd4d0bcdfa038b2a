"""Reads for couples, always scoped to the person asking."""

import hashlib

from django.db.models import Q

from accounts.models import User
from accounts.selectors import user_email_canonicals
from couples.models import Couple, Invitation, Membership


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def couple_active_for(*, user: User) -> Couple | None:
    membership = Membership.objects.filter(user=user, is_active=True).select_related("couple").first()
    return membership.couple if membership else None


def couple_partner(*, couple: Couple, user: User) -> User | None:
    """The other member of ``couple``, or None if they have since deleted their account."""
    return couple.members.exclude(pk=user.pk).first()


def couple_partner_membership(*, couple: Couple, user: User) -> Membership | None:
    return couple.memberships.exclude(user=user).select_related("user").first()


def invitation_open_from(*, user: User) -> Invitation | None:
    return Invitation.objects.open().filter(inviter=user).first()


def invitation_sent_by(*, pk: int, user: User) -> Invitation | None:
    """One of ``user``'s own invitations, or None (someone else's looks the same as none)."""
    return Invitation.objects.filter(pk=pk, inviter=user).first()


def invitation_by_hash(*, digest: str) -> Invitation | None:
    if len(digest) != 64:
        return None
    return Invitation.objects.select_related("inviter").filter(token_hash=digest).first()


def invitation_by_token(*, token: str) -> Invitation | None:
    """The invitation whose token this is, whatever its state; None for an unknown token."""
    if not token or len(token) > 200:
        return None
    return Invitation.objects.select_related("inviter").filter(token_hash=token_hash(token)).first()


def invitations_to(*, user: User) -> Q:
    """Invitations sent to any of ``user``'s addresses (canonical forms, exactly), or accepted by them."""
    return Q(email_canonical__in=user_email_canonicals(user=user)) | Q(accepted_by=user)


def invitations_received_by(*, user: User) -> list[Invitation]:
    """The invitations ``user`` received, oldest first."""
    return list(
        Invitation.objects.filter(invitations_to(user=user)).select_related("inviter").order_by("created_at")
    )
