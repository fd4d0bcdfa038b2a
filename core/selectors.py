"""Reads of the mail outbox, for showing a person what happened to their mail."""

from datetime import datetime, timedelta

from django.utils import timezone

from core.models import OutboxMessage

# A message not sent within this long after it was queued is "delayed" even
# before a send has failed (the worker may be down or far behind).
DELAYED_AFTER = timedelta(minutes=2)


def outbox_latest(*, user_id: int, template: str, since: datetime) -> OutboxMessage | None:
    """The newest mail of this kind about this person, queued at or after ``since``."""
    return (
        OutboxMessage.objects.filter(user_id=user_id, template=template, created_at__gte=since)
        .order_by("-created_at", "-pk")
        .first()
    )


def outbox_failed_for(*, user_id: int) -> tuple[OutboxMessage, ...]:
    """Mail about this person that could not be delivered, newest first."""
    failed = OutboxMessage.objects.filter(user_id=user_id, status=OutboxMessage.Status.FAILED)
    return tuple(failed.order_by("-created_at"))


def outbox_state(message: OutboxMessage | None, *, now: datetime | None = None) -> str:
    """ "sent", "on_its_way", "delayed" or "failed"; "" when there is no record."""
    if message is None:
        return ""
    now = now or timezone.now()
    status = OutboxMessage.Status
    if message.status == status.SENT:
        return "sent"
    if message.status == status.FAILED:
        return "failed"
    if message.attempts > (1 if message.status == status.SENDING else 0):
        return "delayed"  # a send has already failed; a retry is scheduled
    return "delayed" if now - message.created_at > DELAYED_AFTER else "on_its_way"
