import secrets
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.addresses import email_canonical_or_none
from accounts.models import User
from accounts.selectors import user_email_canonicals
from core.errors import AppError
from core.mail import email_queue
from counsellors.models import CounsellorInvitation, CounsellorProfile, Share
from counsellors.selectors import token_hash
from counsellors.services.shares import locked_couple_of_member, share_add_agreement, share_open_proposal
from couples.selectors import couple_active_for

INVITATION_LIFETIME = timedelta(days=14)
INVITATIONS_PER_HOUR = 10


@transaction.atomic
def counsellor_invitation_create(*, counsellor: CounsellorProfile, email: str) -> CounsellorInvitation:
    """Email one partner a link by which their couple can share its reports with ``counsellor``."""
    email = email.strip().lower()
    CounsellorProfile.objects.select_for_update().get(pk=counsellor.pk)
    if email_canonical_or_none(email) in user_email_canonicals(user=counsellor.user):
        raise AppError(
            "self", _("That is your own address. Please enter the address of one of the partners.")
        )
    since = timezone.now() - timedelta(hours=1)
    if CounsellorInvitation.objects.filter(counsellor=counsellor, created_at__gte=since).count() >= (
        INVITATIONS_PER_HOUR
    ):
        raise AppError(
            "rate_limited",
            _("You have sent %(count)d invitations in the last hour. Please wait a while before another.")
            % {"count": INVITATIONS_PER_HOUR},
        )
    now = timezone.now()
    token = secrets.token_urlsafe(32)  # 256 bits; only its hash is stored
    invitation = CounsellorInvitation(
        counsellor=counsellor,
        email=email,
        token_hash=token_hash(token),
        created_at=now,
        expires_at=now + INVITATION_LIFETIME,
    )
    invitation.full_clean()
    invitation.save()
    # In the query string, so access logs (which record only the path) never hold it.
    link = settings.SITE_URL + reverse("counsellors:invitation") + "?" + urlencode({"t": token})
    email_queue(
        template_prefix="counsellors/email/invitation",
        to=email,
        context={"counsellor": counsellor, "link": link, "expires_at": invitation.expires_at},
        user_id=None,
    )
    return invitation


@transaction.atomic
def counsellor_invitation_revoke(
    *, invitation: CounsellorInvitation, counsellor: CounsellorProfile
) -> CounsellorInvitation:
    invitation = CounsellorInvitation.objects.select_for_update().get(pk=invitation.pk, counsellor=counsellor)
    if invitation.accepted_at is not None or invitation.revoked_at is not None:
        raise AppError("not_open", _("That invitation is no longer open."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    return invitation


def counsellor_invitation_refusal(invitation: CounsellorInvitation) -> AppError | None:
    """Why nobody can use this link any more, or None while it is open."""
    if invitation.revoked_at is not None:
        return AppError("revoked", _("This invitation was withdrawn by the counsellor."))
    if invitation.accepted_at is None and timezone.now() >= invitation.expires_at:
        return AppError("expired", _("This invitation has expired. Ask the counsellor for a new link."))
    return None


@transaction.atomic
def counsellor_invitation_accept(*, invitation: CounsellorInvitation, user: User) -> Share:
    """``user`` agrees, for their couple, to share with the inviting counsellor.

    The first partner ties the link to their couple and proposes; the second
    partner's acceptance (here, or on the dashboard) opens the share.
    """
    couple = couple_active_for(user=user)
    if couple is None:
        raise AppError("no_couple", _("Link with your partner first; then you can share with a counsellor."))
    couple = locked_couple_of_member(couple_id=couple.pk, user=user)
    invitation = (
        CounsellorInvitation.objects.select_for_update()
        .select_related("counsellor__user")
        .get(pk=invitation.pk)
    )
    refusal = counsellor_invitation_refusal(invitation)
    if refusal is not None:
        raise refusal
    if invitation.couple_id is not None and invitation.couple_id != couple.pk:
        raise AppError("used", _("This invitation has already been used by another couple."))
    live = Share.objects.live().filter(couple=couple, counsellor=invitation.counsellor).first()
    if invitation.couple_id is None:
        invitation.couple = couple
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["couple", "accepted_at"])
        if live is None:
            return share_open_proposal(
                couple=couple, user=user, counsellor=invitation.counsellor, invitation=invitation
            )
    if live is None:
        raise AppError(
            "revoked", _("This share has ended. Ask the counsellor for a new link if you both want to.")
        )
    return share_add_agreement(share=live, user=user)
