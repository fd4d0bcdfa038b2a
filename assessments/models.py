from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from couples.models import Couple

# Every response scale shipped so far has five points; the loader checks each
# item's own range, and this bound keeps any stored value sane.
MAX_SCALE_POINTS = 5


class Checkup(models.Model):
    """One round of the assessment for a couple."""

    # Indexed with completed_at below: a couple's checkups are always read in completion order.
    couple = models.ForeignKey(Couple, on_delete=models.CASCADE, related_name="checkups", db_index=False)
    instrument_key = models.CharField(max_length=60)
    instrument_version = models.PositiveSmallIntegerField()
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["couple"], condition=Q(completed_at__isnull=True), name="one_open_checkup_per_couple"
            ),
        ]
        indexes = [models.Index(fields=["couple", "completed_at"], name="checkup_couple_completed")]
        ordering = ["started_at"]

    def __str__(self) -> str:
        return f"checkup {self.pk}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class AnswerSheet(models.Model):
    """One partner's answers to one checkup."""

    # The (checkup, user) unique index below serves lookups by checkup too.
    checkup = models.ForeignKey(
        Checkup, on_delete=models.CASCADE, related_name="answer_sheets", db_index=False
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="answer_sheets")
    started_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # The section to resume at, on any device.
    current_section = models.CharField(max_length=60, blank=True)
    # Chosen privately after a safety concern: until released, the partner
    # sees this sheet exactly as if it had not been submitted.
    held_back = models.BooleanField(default=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["checkup", "user"], name="one_answer_sheet_per_person_per_checkup"
            ),
        ]

    def __str__(self) -> str:
        return f"answer sheet {self.pk}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def counts_as_submitted(self) -> bool:
        """Submitted, and not held back: what the partner may know about."""
        return self.submitted_at is not None and not self.held_back


class AbstractAnswer(models.Model):
    # The (sheet, item_id) unique index below serves lookups by sheet too.
    sheet = models.ForeignKey(AnswerSheet, on_delete=models.CASCADE, db_index=False)
    item_id = models.CharField(max_length=20)
    value = models.PositiveSmallIntegerField()
    instrument_version = models.PositiveSmallIntegerField()
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(fields=["sheet", "item_id"], name="one_%(class)s_per_item"),
            models.CheckConstraint(
                condition=Q(value__gte=1, value__lte=MAX_SCALE_POINTS), name="%(class)s_value_in_range"
            ),
        ]


class Answer(AbstractAnswer):
    """An answer to a shared item."""

    def __str__(self) -> str:
        return f"answer {self.pk}"


class SafetyAnswer(AbstractAnswer):
    """An answer to the private safety check, kept apart from everything shared.

    Nothing that the partner can reach (report, emails, their export, their
    pages) queries this table.
    """

    def __str__(self) -> str:
        return f"safety answer {self.pk}"


class KeptReport(models.Model):
    """A completed checkup's rendered report article, kept (``assessments.kept_reports``).

    A completed checkup's answers never change, so neither does its report,
    except through the two people: a row is used only while both display names
    still match ``name_a``/``name_b``, and it goes with either account
    (``on_delete=CASCADE``), like the answers it was built from. ``version``
    names the code, templates and language that built it, so a new release
    never reads an old row.
    """

    checkup = models.ForeignKey(Checkup, on_delete=models.CASCADE, related_name="+", db_index=False)
    version = models.CharField(max_length=80)
    person_a = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    name_a = models.CharField(max_length=60)
    name_b = models.CharField(max_length=60)
    html = models.TextField()
    note_html = models.TextField()
    built_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["checkup", "version"], name="one_kept_report_per_checkup_version"
            ),
        ]

    def __str__(self) -> str:
        return f"kept report {self.pk}"
