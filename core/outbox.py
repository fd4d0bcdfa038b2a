"""Delivering the outbox: claim a message under a lease, send it, record what happened.

At-least-once with a record per message: a message is claimed (status
"sending", a lease, one more attempt) in its own short transaction, sent,
and then marked "sent" with its secrets blanked. A worker that dies while
sending leaves the lease to run out; the next worker takes the message back.
An SMTP failure schedules a retry with exponential backoff, up to
``OUTBOX_MAX_ATTEMPTS``; then the message is "failed" (visible to the person
on the privacy page and the dashboard). Every message carries a Message-ID
derived from its row, so a resend after a crash mid-send is recognisable as
the same mail (docs/operations.md).
"""

import logging
import smtplib
import time
from collections.abc import Iterable
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import DatabaseError, connections, transaction
from django.db.models import Q
from django.utils import timezone

from core.models import OutboxMessage

logger = logging.getLogger("attune.mail")

Status = OutboxMessage.Status

# Refusals that no retry will change: fail at once rather than in hours.
PERMANENT = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused)


def masked_address(address: str) -> str:
    """What stays of an address after the send: its domain only."""
    return "…@" + address.rpartition("@")[2] if "@" in address else "…"


def message_id_for(message: OutboxMessage) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "attune.localhost"
    return f"<outbox-{message.pk}.{int(message.created_at.timestamp())}@{host}>"


def retry_delay(attempts: int) -> timedelta:
    """Backoff after the ``attempts``-th failed try: base, 2x base, 4x base, ..., capped."""
    seconds = settings.OUTBOX_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, settings.OUTBOX_RETRY_MAX_SECONDS))


def _due(now: datetime) -> Q:
    # Queued and due, or claimed by a worker whose lease ran out (it died or hung).
    return Q(status=Status.QUEUED, next_attempt_at__lte=now) | Q(status=Status.SENDING, lease_until__lt=now)


def outbox_claim(*, now: datetime | None = None, ids: Iterable[int] | None = None) -> OutboxMessage | None:
    """Claim the next due message for this process, or None. Commits at once."""
    now = now or timezone.now()
    due = OutboxMessage.objects.select_for_update(skip_locked=True).filter(_due(now))
    if ids is not None:
        due = due.filter(pk__in=list(ids))
    while True:
        with transaction.atomic():
            message = due.order_by("next_attempt_at", "pk").first()
            if message is None:
                return None
            if message.status == Status.SENDING and message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
                # Its last attempt died with its worker; whether it left is unknown: stop trying.
                _end(
                    message, status=Status.FAILED, error="the worker stopped during the last attempt", now=now
                )
                continue
            message.status = Status.SENDING
            message.attempts += 1
            message.lease_until = now + timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)
            message.save(update_fields=["status", "attempts", "lease_until"])
            return message


def _end(message: OutboxMessage, *, status: str, error: str, now: datetime) -> None:
    """A send has ended: keep what happened, drop what was secret (bodies, full address)."""
    message.status = status
    message.sent_at = now if status == Status.SENT else None
    message.last_error = error[:300]
    message.lease_until = None
    message.body_text = ""
    message.body_html = ""
    message.to = masked_address(message.to)
    message.save(
        update_fields=["status", "sent_at", "last_error", "lease_until", "body_text", "body_html", "to"]
    )


def _still_ours(message: OutboxMessage) -> bool:
    """Lock the row; False if another worker took it back meanwhile (our lease ran out)."""
    current = OutboxMessage.objects.select_for_update().filter(pk=message.pk).values("status", "attempts")
    row = current.first()
    return row is not None and row["status"] == Status.SENDING and row["attempts"] == message.attempts


def outbox_send(message: OutboxMessage) -> None:
    """Hand one claimed message to the mailer (SMTP in production)."""
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        to=[message.to],
        headers={"Message-ID": message_id_for(message)},
    )
    email.attach_alternative(message.body_html, "text/html")
    email.send()


def outbox_record(message: OutboxMessage, error: Exception | None, *, now: datetime | None = None) -> None:
    """Record the outcome of one send attempt on the claimed message."""
    now = now or timezone.now()
    with transaction.atomic():
        if not _still_ours(message):
            logger.warning("outbox: message %s was taken back before its send was recorded", message.pk)
            return
        if error is None:
            _end(message, status=Status.SENT, error="", now=now)
            logger.info("outbox: sent message %s (%s)", message.pk, message.template)
            return
        reason = f"{type(error).__name__}: {error}"
        if isinstance(error, PERMANENT) or message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
            _end(message, status=Status.FAILED, error=reason, now=now)
            logger.error("outbox: message %s failed for user=%s: %s", message.pk, message.user_id, reason)
            return
        message.status = Status.QUEUED
        message.lease_until = None
        message.last_error = reason[:300]
        message.next_attempt_at = now + retry_delay(message.attempts)
        message.save(update_fields=["status", "lease_until", "last_error", "next_attempt_at"])
        logger.warning(
            "outbox: message %s will be retried at %s: %s", message.pk, message.next_attempt_at, reason
        )


def _record_patiently(message: OutboxMessage, error: Exception | None, now: datetime | None) -> None:
    """Record the outcome even if the database is away for a while (a worker's duty).

    The mail has left (or failed); forgetting that would send it again once
    the lease runs out. So keep trying until the database is back, checking
    every second so the record lands (and the lease is ours) as soon as it is.
    """
    pause = 0.25
    while True:
        try:
            outbox_record(message, error, now=now)
            return
        except DatabaseError:
            logger.warning("outbox: database away while recording message %s; retrying", message.pk)
            connections.close_all()
            time.sleep(pause)
            pause = min(pause * 2, 1.0)


def outbox_deliver_one(
    *, now: datetime | None = None, ids: Iterable[int] | None = None, patient: bool = False
) -> bool:
    """Claim, send and record one due message; False when none was due.

    ``patient`` (the worker) keeps trying to record the outcome through a
    database outage instead of giving up at once.
    """
    message = outbox_claim(now=now, ids=ids)
    if message is None:
        return False
    error: Exception | None = None
    try:
        outbox_send(message)
    except Exception as failure:  # any failure to hand it over is recorded and retried
        error = failure
    if patient:
        _record_patiently(message, error, now)
    else:
        outbox_record(message, error, now=now)
    return True


def outbox_deliver_due(
    *, now: datetime | None = None, ids: Iterable[int] | None = None, patient: bool = False
) -> int:
    """Deliver every message that is due (or only those in ``ids``); returns how many were tried."""
    ids = list(ids) if ids is not None else None
    tried = 0
    while outbox_deliver_one(now=now, ids=ids, patient=patient):
        tried += 1
    return tried


def outbox_forget(*, user_id: int, addresses: Iterable[str]) -> int:
    """Account deletion: drop the person's mail records and anything still unsent to them.

    Ended records hold no secret, but they are still about a person who asked
    to be forgotten. Returns how many rows went.
    """
    unsent_to_them = Q(status__in=[Status.QUEUED, Status.SENDING], to__in=list(addresses))
    deleted, _ = OutboxMessage.objects.filter(Q(user_id=user_id) | unsent_to_them).delete()
    return deleted
