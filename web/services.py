"""Writes for a person's own account: data rights."""

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.db import transaction

from accounts.models import User
from core.outbox import outbox_forget
from couples.selectors import couple_active_for
from couples.services import couple_leave, invitations_forget_invitee


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete ``user`` and everything that is theirs.

    Their answers, sessions and pending invitations go; invitations others
    sent them forget their address and the message (the inviter's record
    and export keep only that someone was invited); their couple is
    dissolved, and the shared reports built on their answers can no longer
    be shown. The partner keeps their own answers and is told only that the
    couple ended.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    couple = couple_active_for(user=user)
    if couple is not None:
        couple_leave(couple=couple, user=user, notice="couples/email/couple_ended")
    invitations_forget_invitee(user=user)
    addresses = {user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
    outbox_forget(user_id=user.pk, addresses={address.lower() for address in addresses} | addresses)
    for session in UserSession.objects.filter(user=user):
        session.end()
    user.delete()
