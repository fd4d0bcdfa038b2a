"""The pause agreement a couple writes together, and the weekly check-ins of their practice.

An agreement is a chain of numbered versions; each partner accepts a version,
and the agreement is active once both have accepted the same one. The limits
live here, as database constraints, and the forms repeat them with kind words.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from couples.models import Couple

PAUSE_MIN_MINUTES = 20
PAUSE_MAX_MINUTES = 24 * 60
SIGNAL_MAX_LENGTH = 60
SETTLE_MAX_LENGTH = 300
PLAN_MAX_LENGTH = 400
#: How many weekly check-ins follow the activation.
PRACTICE_WEEKS = 2


PAUSE_VALIDATORS = [
    MinValueValidator(
        PAUSE_MIN_MINUTES,
        message=_("A pause lasts at least 20 minutes: it takes that long for a racing body to settle."),
    ),
    MaxValueValidator(
        PAUSE_MAX_MINUTES,
        message=_("A pause lasts at most 24 hours (1,440 minutes), so that you do come back."),
    ),
]
SIGNAL_VALIDATORS = [
    MaxLengthValidator(
        SIGNAL_MAX_LENGTH,
        message=_(
            "Please keep the signal to %(limit_value)d characters or fewer; it has %(show_value)d now."
        ),
    )
]
SETTLE_VALIDATORS = [
    MaxLengthValidator(
        SETTLE_MAX_LENGTH,
        message=_(
            "Please keep what you do to settle to %(limit_value)d characters or fewer; "
            "it has %(show_value)d now."
        ),
    )
]
RETURN_VALIDATORS = [
    MaxLengthValidator(
        PLAN_MAX_LENGTH,
        message=_(
            "Please keep how you come back to %(limit_value)d characters or fewer; it has %(show_value)d now."
        ),
    )
]
WAITING_VALIDATORS = [
    MaxLengthValidator(
        PLAN_MAX_LENGTH,
        message=_(
            "Please keep what the one who waits does to %(limit_value)d characters or fewer; "
            "it has %(show_value)d now."
        ),
    )
]


class Agreement(models.Model):
    """One couple's pause agreement. ``person_a``/``person_b`` follow membership order, as the report does.

    Deleting either person's account deletes the agreement (it holds their own
    words) with its versions and check-ins.
    """

    couple = models.OneToOneField(Couple, on_delete=models.CASCADE, related_name="pause_agreement")
    person_a = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    #: The newest version's number: an edit must name it to be saved.
    latest_number = models.PositiveIntegerField(default=0)
    #: The newest version both accepted; None until the first agreement.
    active_number = models.PositiveIntegerField(null=True, blank=True)
    #: When both first agreed: the practice weeks count from here.
    activated_at = models.DateTimeField(null=True, blank=True)
    #: Set when the couple ends; nothing changes after that.
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(active_number__isnull=True) | Q(active_number__lte=F("latest_number")),
                name="agreement_active_is_a_version",
            ),
            models.CheckConstraint(
                condition=Q(active_number__isnull=True, activated_at__isnull=True)
                | Q(active_number__isnull=False, activated_at__isnull=False),
                name="agreement_activated_when_active",
            ),
            models.CheckConstraint(condition=~Q(person_a=F("person_b")), name="agreement_two_people"),
        ]

    def __str__(self) -> str:
        return f"agreement {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.active_number is not None and self.closed_at is None

    def position_of(self, user_id: int) -> str:
        return "a" if user_id == self.person_a_id else "b"


class Restarter(models.TextChoices):
    """Who starts the talk again after a pause."""

    CALLER = "caller", _("The one who asked for the pause")
    WAITER = "waiter", _("The one who waited")
    EITHER = "either", _("Whoever feels ready first, at the agreed time")


class AgreementVersion(models.Model):
    """One saved text of the agreement. Never changed once saved: an edit is a new version."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    # Text fields with explicit validators, so each limit has one kind message (not Django's default too).
    signal = models.TextField(validators=SIGNAL_VALIDATORS)
    pause_minutes = models.PositiveSmallIntegerField(validators=PAUSE_VALIDATORS)
    settle_a = models.TextField(blank=True, validators=SETTLE_VALIDATORS)
    settle_b = models.TextField(blank=True, validators=SETTLE_VALIDATORS)
    restarter = models.CharField(max_length=10, choices=Restarter.choices)
    return_plan = models.TextField(validators=RETURN_VALIDATORS)
    waiting_plan = models.TextField(validators=WAITING_VALIDATORS)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "number"], name="one_version_per_number"),
            models.CheckConstraint(
                condition=Q(pause_minutes__gte=PAUSE_MIN_MINUTES, pause_minutes__lte=PAUSE_MAX_MINUTES),
                name="pause_length_in_range",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("signal"), SIGNAL_MAX_LENGTH), name="agreement_signal_length"
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("settle_a"), SETTLE_MAX_LENGTH),
                name="agreement_settle_a_length",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("settle_b"), SETTLE_MAX_LENGTH),
                name="agreement_settle_b_length",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("return_plan"), PLAN_MAX_LENGTH),
                name="agreement_return_plan_length",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("waiting_plan"), PLAN_MAX_LENGTH),
                name="agreement_waiting_plan_length",
            ),
            models.CheckConstraint(condition=~Q(signal=""), name="agreement_signal_given"),
        ]

    def __str__(self) -> str:
        return f"agreement {self.agreement_id} v{self.number}"


class Acceptance(models.Model):
    """One person's yes to one version."""

    version = models.ForeignKey(AgreementVersion, on_delete=models.CASCADE, related_name="acceptances")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["version", "user"], name="one_acceptance_per_person_per_version")
        ]

    def __str__(self) -> str:
        return f"acceptance {self.pk}"


class LoopCount(models.IntegerChoices):
    NONE = 0, _("Not at all")
    ONCE = 1, _("Once")
    FEW = 2, _("Two or three times")
    MANY = 3, _("Four times or more")


class SignalUse(models.TextChoices):
    YES = "yes", _("Yes, it was used")
    NO = "no", _("No, it was not used")
    NO_NEED = "no_need", _("There was no need")


class ReturnAsAgreed(models.TextChoices):
    YES = "yes", _("Yes, as we agreed")
    LATE = "late", _("Yes, but later than agreed")
    NO = "no", _("No, not really")
    NO_PAUSE = "no_pause", _("There was no pause")


class Feeling(models.IntegerChoices):
    VERY_HARD = 1, _("Very hard")
    HARD = 2, _("Hard")
    MIXED = 3, _("Mixed")
    OK = 4, _("Mostly all right")
    GOOD = 5, _("Good")


class CheckIn(models.Model):
    """One person's answers for one practice week. Private until both have answered that week."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="check_ins")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    week = models.PositiveSmallIntegerField()
    loop_count = models.PositiveSmallIntegerField(choices=LoopCount.choices)
    signal_used = models.CharField(max_length=10, choices=SignalUse.choices)
    returned = models.CharField(max_length=10, choices=ReturnAsAgreed.choices)
    feeling = models.PositiveSmallIntegerField(choices=Feeling.choices)
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["week", "submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "user", "week"], name="one_check_in_per_person_per_week"
            ),
            models.CheckConstraint(
                condition=Q(week__gte=1, week__lte=PRACTICE_WEEKS), name="check_in_week_in_range"
            ),
            models.CheckConstraint(
                condition=Q(loop_count__gte=0, loop_count__lte=3), name="check_in_loop_count"
            ),
            models.CheckConstraint(condition=Q(feeling__gte=1, feeling__lte=5), name="check_in_feeling"),
            models.CheckConstraint(
                condition=Q(signal_used__in=SignalUse.values), name="check_in_signal_used"
            ),
            models.CheckConstraint(condition=Q(returned__in=ReturnAsAgreed.values), name="check_in_returned"),
        ]

    def __str__(self) -> str:
        return f"check-in {self.pk}"


class ReminderOptOut(models.Model):
    """This person turned the weekly reminder off for this agreement."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="reminder_opt_outs")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agreement", "user"], name="one_opt_out_per_person")]

    def __str__(self) -> str:
        return f"reminder opt-out {self.pk}"


class ReminderSent(models.Model):
    """The weekly reminder went to this person for this week: the row makes sending idempotent."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="reminders_sent")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    week = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "user", "week"], name="one_reminder_per_person_per_week"
            )
        ]

    def __str__(self) -> str:
        return f"reminder {self.pk}"
