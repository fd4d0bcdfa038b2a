"""Writes for a person's own account: data rights."""

from allauth.usersessions.models import UserSession
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from accounts.selectors import user_email_canonicals
from couples.models import Invitation
from couples.selectors import couple_active_for
from couples.services import couple_leave


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete ``user`` and everything that is theirs.

    Their answers, sessions and pending invitations go; their couple is
    dissolved, and the shared reports built on their answers can no longer
    be shown. The partner keeps their own answers and is told only that the
    couple ended.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    couple = couple_active_for(user=user)
    if couple is not None:
        couple_leave(couple=couple, user=user, notice="couples/email/couple_ended")
    addresses = user_email_canonicals(user=user)
    Invitation.objects.open().filter(email_canonical__in=addresses).update(revoked_at=timezone.now())
    for session in UserSession.objects.filter(user=user):
        session.end()
    user.delete()
