from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 500


class Couple(models.Model):
    """Two people linked by an accepted invitation. Dissolved, never deleted, by leaving."""

    created_at = models.DateTimeField(default=timezone.now)
    dissolved_at = models.DateTimeField(null=True, blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="Membership", related_name="couples")

    def __str__(self) -> str:
        return f"couple {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.dissolved_at is None


class Membership(models.Model):
    # Looked up by couple through the (couple, user) unique index below; another index only costs writes.
    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="memberships", db_index=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    joined_at = models.DateTimeField(default=timezone.now)
    # Mirrors couple.dissolved_at so the database can enforce one active couple per person.
    is_active = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(is_active=True), name="one_active_couple_per_person"
            ),
            # With two memberships per couple, this is "the two members differ".
            models.UniqueConstraint(fields=["couple", "user"], name="couple_members_differ"),
        ]

    def __str__(self) -> str:
        return f"membership {self.pk}"


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def open(self) -> "InvitationQuerySet":
        """Neither accepted, declined nor revoked (it may still have expired)."""
        return self.filter(accepted_at__isnull=True, declined_at__isnull=True, revoked_at__isnull=True)


class Invitation(models.Model):
    """An invitation to become a couple. Only the SHA-256 of its token is stored."""

    class State(models.TextChoices):
        PENDING = "pending", _("pending")
        EXPIRED = "expired", _("expired")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")
        REVOKED = "revoked", _("revoked")

    inviter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations_sent"
    )
    email = models.EmailField(_("your partner's email"))
    # The address in its canonical form (accounts.addresses): accepting and
    # every lookup compare this exactly, never the address case-insensitively.
    email_canonical = models.CharField(max_length=254, db_index=True)
    message = models.TextField(_("a short message (optional)"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_accepted",
    )
    couple = models.ForeignKey(Couple, on_delete=models.SET_NULL, null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["inviter"],
                condition=Q(accepted_at__isnull=True, declined_at__isnull=True, revoked_at__isnull=True),
                name="one_open_invitation_per_inviter",
            ),
            models.CheckConstraint(
                condition=(
                    Q(accepted_at__isnull=True, declined_at__isnull=True)
                    | Q(accepted_at__isnull=True, revoked_at__isnull=True)
                    | Q(declined_at__isnull=True, revoked_at__isnull=True)
                ),
                name="invitation_ends_one_way",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("message"), MESSAGE_MAX_LENGTH),
                name="invitation_message_length",
            ),
        ]

    def __str__(self) -> str:
        return f"invitation {self.pk}"

    def state_at(self, now: datetime | None = None) -> "Invitation.State":
        if self.accepted_at:
            return self.State.ACCEPTED
        if self.declined_at:
            return self.State.DECLINED
        if self.revoked_at:
            return self.State.REVOKED
        if (now or timezone.now()) >= self.expires_at:
            return self.State.EXPIRED
        return self.State.PENDING

    @property
    def state(self) -> "Invitation.State":
        return self.state_at()


class InvitationSend(models.Model):
    """One email sent for an invitation; the per-user rate limit counts these."""

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="sends")
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"send {self.pk}"
