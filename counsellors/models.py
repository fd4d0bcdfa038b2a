"""Counsellors, and the couples' consent to let one read their reports.

A share needs both partners' agreement before it opens anything; either
partner can end it. The rules that must hold even when two people act at once
live here as constraints.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assessments.models import Checkup
from couples.models import Couple


class CounsellorProfile(models.Model):
    """An account that says it is a counsellor. Credentials are not verified (the pages say so)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="counsellor_profile"
    )
    name = models.CharField(_("your name, as couples know you"), max_length=100)
    practice = models.CharField(_("practice or organisation"), max_length=150)
    website = models.URLField(_("website (optional)"), blank=True, max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"counsellor {self.pk}"


class ShareQuerySet(models.QuerySet["Share"]):
    def live(self) -> "ShareQuerySet":
        """Proposed or active: not yet revoked."""
        return self.exclude(state=Share.State.REVOKED)

    def active(self) -> "ShareQuerySet":
        return self.filter(state=Share.State.ACTIVE)


class Share(models.Model):
    """A couple's consent for one counsellor to read its completed reports."""

    class State(models.TextChoices):
        PROPOSED = "proposed", _("waiting for both of you")
        ACTIVE = "active", _("shared")
        REVOKED = "revoked", _("ended")

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="counsellor_shares")
    counsellor = models.ForeignKey(CounsellorProfile, on_delete=models.CASCADE, related_name="shares")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PROPOSED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    invitation = models.ForeignKey(
        "CounsellorInvitation", on_delete=models.SET_NULL, null=True, blank=True, related_name="shares"
    )
    proposed_at = models.DateTimeField(default=timezone.now)
    activated_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ShareQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["couple", "counsellor"],
                condition=~Q(state="revoked"),
                name="one_live_share_per_couple_and_counsellor",
            ),
            models.CheckConstraint(
                condition=(
                    Q(state="proposed", activated_at__isnull=True, revoked_at__isnull=True)
                    | Q(state="active", activated_at__isnull=False, revoked_at__isnull=True)
                    | Q(state="revoked", revoked_at__isnull=False)
                ),
                name="share_state_matches_its_times",
            ),
        ]

    def __str__(self) -> str:
        return f"share {self.pk}"


class ShareAgreement(models.Model):
    """One partner's yes to a share; the share opens when both members have said it."""

    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="agreements")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    agreed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["share", "user"], name="one_agreement_per_partner_per_share"),
        ]

    def __str__(self) -> str:
        return f"agreement {self.pk}"


class CounsellorInvitation(models.Model):
    """A counsellor's link to a couple. Only the SHA-256 of its token is stored.

    The first partner who accepts ties it to their couple and agrees; the
    share opens when the other partner agrees too.
    """

    counsellor = models.ForeignKey(CounsellorProfile, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("the email of one of the partners"))
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    couple = models.ForeignKey(Couple, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"counsellor invitation {self.pk}"


class AccessLogEntry(models.Model):
    """A counsellor opened one of a couple's reports. Both partners can read these."""

    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="counsellor_access")
    checkup = models.ForeignKey(Checkup, on_delete=models.CASCADE, related_name="+")
    # Kept by name too, so the partners still see who looked after that account is gone.
    counsellor = models.ForeignKey(
        CounsellorProfile, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    counsellor_name = models.CharField(max_length=100)
    counsellor_practice = models.CharField(max_length=150)
    opened_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-opened_at"]

    def __str__(self) -> str:
        return f"access {self.pk}"
