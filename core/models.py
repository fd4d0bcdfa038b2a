"""The mail outbox: one row per email a state change promised.

The row is written in the same transaction as the change, so either both
exist or neither does (docs/operations.md). The row is also the record of the
send: a worker claims it under a lease, sends it once, and then blanks what
was secret in it (bodies, the full address), keeping only what happened.
"""

from django.db import models
from django.db.models import Q


class OutboxMessage(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "queued"
        SENDING = "sending", "sending"
        SENT = "sent", "sent"
        FAILED = "failed", "failed"

    # The template set names what kind of mail it was after the body is gone.
    template = models.CharField(max_length=200)
    # The full address until the send ends; then only "…@domain" stays.
    to = models.CharField(max_length=320)
    subject = models.CharField(max_length=300)
    body_text = models.TextField(blank=True)
    body_html = models.TextField(blank=True)
    # The person the mail is about (not a foreign key: core sits below accounts,
    # and a failed send outlives nothing but its own record). None before an account exists.
    user_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField()
    next_attempt_at = models.DateTimeField()
    # While "sending": the claim runs out at this time and another worker may take it back.
    lease_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="outbox_due",
                condition=Q(status__in=["queued", "sending"]),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="outbox_sent_has_sent_at",
                condition=~Q(status="sent") | Q(sent_at__isnull=False),
            ),
            models.CheckConstraint(
                name="outbox_sending_has_lease",
                condition=~Q(status="sending") | Q(lease_until__isnull=False),
            ),
            # Once a send has ended, nothing secret stays: the bodies are blank.
            models.CheckConstraint(
                name="outbox_ended_has_no_body",
                condition=Q(status__in=["queued", "sending"]) | (Q(body_text="") & Q(body_html="")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.template} #{self.pk} ({self.status})"
