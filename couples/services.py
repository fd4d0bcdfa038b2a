"""Writes for couples: invitations, accepting into a couple, leaving.

Every function here is keyword-only and raises ``AppError`` with a
``code`` and a message fit to show the person when a rule stops it.
"""

import secrets
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.addresses import AddressInvalid, email_canonical, undeliverable_message
from accounts.models import User
from accounts.selectors import user_email_canonicals, user_has_verified_email
from core.errors import AppError
from core.mail import email_queue
from couples.models import Couple, Invitation, InvitationSend, Membership
from couples.selectors import couple_active_for, couple_partner, invitations_to, token_hash
from couples.signals import couple_ending

INVITATION_LIFETIME = timedelta(days=7)
SENDS_PER_HOUR = 5


def _check_send_rate(user: User) -> None:
    since = timezone.now() - timedelta(hours=1)
    if InvitationSend.objects.filter(invitation__inviter=user, sent_at__gte=since).count() >= SENDS_PER_HOUR:
        raise AppError(
            "rate_limited",
            _(
                "You have sent %(count)d invitations in the last hour. "
                "Please wait a while before sending another."
            )
            % {"count": SENDS_PER_HOUR},
        )


def _new_token(invitation: Invitation) -> str:
    token = secrets.token_urlsafe(32)  # 256 bits
    invitation.token_hash = token_hash(token)
    return token


def _send_invitation_email(invitation: Invitation, token: str) -> None:
    # In the query string, so access logs (which record only the path) never hold it.
    link = settings.SITE_URL + reverse("couples:invitation_open") + "?" + urlencode({"t": token})
    context = {"invitation": invitation, "inviter_name": invitation.inviter.display_name, "link": link}
    # The inviter is the person this mail is about: a failed send shows on their dashboard.
    email_queue(
        template_prefix="couples/email/invitation",
        to=invitation.email,
        context=context,
        user_id=invitation.inviter_id,
    )


@transaction.atomic
def invitation_create(*, inviter: User, email: str, message: str = "") -> Invitation:
    """Invite ``email`` to become ``inviter``'s partner; any earlier open invitation is revoked.

    Answers the same whether or not ``email`` belongs to an account.
    """
    email = email.strip().lower()
    try:
        canonical = email_canonical(email)
    except AddressInvalid as error:
        raise AppError("address", str(undeliverable_message())) from error
    User.objects.select_for_update().get(pk=inviter.pk)
    if not user_has_verified_email(user=inviter):
        raise AppError("unverified", _("Please verify your email address before inviting anyone."))
    if couple_active_for(user=inviter):
        raise AppError("in_couple", _("You are already linked with a partner."))
    if canonical in user_email_canonicals(user=inviter):
        raise AppError("self", _("That is your own address. Please enter your partner's email."))
    _check_send_rate(inviter)
    now = timezone.now()
    Invitation.objects.open().filter(inviter=inviter).update(revoked_at=now)
    invitation = Invitation(
        inviter=inviter,
        email=email,
        email_canonical=canonical,
        message=message.strip(),
        created_at=now,
        sent_at=now,
        expires_at=now + INVITATION_LIFETIME,
    )
    token = _new_token(invitation)
    invitation.full_clean()
    invitation.save()
    InvitationSend.objects.create(invitation=invitation, sent_at=now)
    _send_invitation_email(invitation, token)
    return invitation


def _locked_open_invitation(invitation: Invitation, user: User, refusal: str) -> Invitation:
    """The inviter's invitation, locked; ``refusal`` (with ``%(state)s``) if it has ended."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk, inviter=user)
    if invitation.state not in (Invitation.State.PENDING, Invitation.State.EXPIRED):
        raise AppError("not_open", refusal % {"state": invitation.state.label})
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation, user: User) -> Invitation:
    """Send a fresh link (the earlier one stops working) and restart the 7 days."""
    invitation = _locked_open_invitation(
        invitation, user, _("That invitation is %(state)s, so it cannot be sent again.")
    )
    _check_send_rate(user)
    now = timezone.now()
    token = _new_token(invitation)
    invitation.sent_at = now
    invitation.expires_at = now + INVITATION_LIFETIME
    invitation.save(update_fields=["token_hash", "sent_at", "expires_at"])
    InvitationSend.objects.create(invitation=invitation, sent_at=now)
    _send_invitation_email(invitation, token)
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, user: User) -> Invitation:
    invitation = _locked_open_invitation(invitation, user, _("That invitation is already %(state)s."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    return invitation


def _check_answerable(invitation: Invitation, user: User | None) -> None:
    state = invitation.state
    if state != Invitation.State.PENDING:
        raise AppError(state.value, invitation_state_message(state))
    if user is not None and not user_has_verified_email(user=user, email=invitation.email):
        raise AppError(
            "wrong_account",
            _(
                "This invitation was sent to a different email address than the one on your account. "
                "Addresses must match letter for letter: a look-alike letter (such as a dotless i) "
                "makes a different address. Log in with the account for the address the invitation "
                "went to, or ask your partner to invite the address you use."
            ),
        )


def invitation_state_message(state: Invitation.State) -> str:
    return {
        Invitation.State.EXPIRED: _("This invitation has expired. Ask your partner to send it again."),
        Invitation.State.ACCEPTED: _("This invitation has already been accepted."),
        Invitation.State.DECLINED: _("This invitation was declined."),
        Invitation.State.REVOKED: _("This invitation was withdrawn, or replaced by a newer one."),
        Invitation.State.PENDING: _("This invitation is waiting for an answer."),
    }[state]


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Couple:
    """Link the inviter and ``user`` into a couple, exactly once.

    Locks the invitation and both people, so that two accepts at the same
    moment (the same link twice, or two links for one person) leave exactly
    one couple; the later one gets a ``AppError``.
    """
    # Lock order everywhere: people (by id), then invitations, as invitation_create
    # and account deletion do; so crossing accepts, re-invites and deletions
    # wait for each other instead of deadlocking.
    inviter_id = Invitation.objects.values_list("inviter_id", flat=True).get(pk=invitation.pk)
    list(User.objects.select_for_update().filter(pk__in=[inviter_id, user.pk]).order_by("pk"))
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_by_id == user.pk and invitation.couple_id is not None:
        raise AppError("accepted", _("You have already accepted this invitation."))
    _check_answerable(invitation, user)
    if invitation.inviter_id == user.pk:
        raise AppError("self", _("You cannot accept your own invitation."))
    if couple_active_for(user=user):
        raise AppError(
            "in_couple",
            _("You are already linked with a partner. Leave that couple before accepting another."),
        )
    if couple_active_for(user=invitation.inviter):
        raise AppError("inviter_in_couple", _("The person who invited you is now linked with someone else."))
    now = timezone.now()
    couple = couple_create(first=invitation.inviter, second=user, created_at=now)
    invitation.accepted_at = now
    invitation.accepted_by = user
    invitation.couple = couple
    invitation.save(update_fields=["accepted_at", "accepted_by", "couple"])
    # Anything else either of them had out is now moot.
    Invitation.objects.open().filter(inviter_id__in=[invitation.inviter_id, user.pk]).update(revoked_at=now)
    inviter = invitation.inviter
    email_queue(
        template_prefix="couples/email/accepted",
        to=inviter.email,
        context={"inviter": inviter, "partner_name": user.display_name, "site_url": settings.SITE_URL},
        user_id=inviter.pk,
    )
    return couple


@transaction.atomic
def couple_create(*, first: User, second: User, created_at: datetime | None = None) -> Couple:
    """Link two people into a new couple; ``AppError`` if either is already in one.

    The database constraints (one active couple per person, two different
    members) are the last line of defence; callers that can race lock both
    people first (``invitation_accept``).
    """
    created_at = created_at or timezone.now()
    try:
        with transaction.atomic():
            couple = Couple.objects.create(created_at=created_at)
            Membership.objects.bulk_create(
                [
                    Membership(couple=couple, user=first, joined_at=created_at),
                    Membership(couple=couple, user=second, joined_at=created_at),
                ]
            )
    except IntegrityError as error:
        raise AppError("in_couple", _("One of you is already linked with a partner.")) from error
    return couple


@transaction.atomic
def invitation_decline(*, invitation: Invitation, user: User | None) -> Invitation:
    """Decline on behalf of whoever holds the link (signed in or not)."""
    invitation = Invitation.objects.select_for_update().select_related("inviter").get(pk=invitation.pk)
    _check_answerable(invitation, user)
    invitation.declined_at = timezone.now()
    invitation.save(update_fields=["declined_at"])
    inviter = invitation.inviter
    email_queue(
        template_prefix="couples/email/declined",
        to=inviter.email,
        context={"inviter": inviter, "site_url": settings.SITE_URL},
        user_id=inviter.pk,
    )
    return invitation


@transaction.atomic
def couple_leave(*, couple: Couple, user: User, notice: str = "couples/email/partner_left") -> Couple:
    """Dissolve ``couple``; the partner who stays gets the ``notice`` email (no reason given)."""
    couple = Couple.objects.select_for_update().get(pk=couple.pk, memberships__user=user)
    if not couple.is_active:
        raise AppError("dissolved", _("This couple has already ended."))
    couple_ending.send(sender=Couple, couple=couple, user=user)
    couple.dissolved_at = timezone.now()
    couple.save(update_fields=["dissolved_at"])
    couple.memberships.update(is_active=False)
    partner = couple_partner(couple=couple, user=user)
    if partner is not None:
        email_queue(
            template_prefix=notice,
            to=partner.email,
            context={"person": partner, "site_url": settings.SITE_URL},
            user_id=partner.pk,
        )
    return couple


@transaction.atomic
def invitations_forget_invitee(*, user: User) -> int:
    """Take ``user``'s address and the message sent to them out of others' invitation records.

    For a deleted account: the inviter keeps the record that they invited
    someone (and when, and what came of it), but not who, nor what they wrote
    to that person. Open invitations are withdrawn. Returns how many records
    changed.
    """
    received = Invitation.objects.select_for_update().filter(invitations_to(user=user))
    now = timezone.now()
    received.filter(accepted_at__isnull=True, declined_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=now
    )
    return received.update(email="", email_canonical="", message="")
