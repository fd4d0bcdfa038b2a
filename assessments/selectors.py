"""Reads for checkups, always scoped to the person asking.

A partner's answers are read only by scoring (after completion); the safety
answers are read only for their own author.
"""

from django.db.models import QuerySet

from accounts.models import User
from assessments.instrument import Instrument, get_instrument
from assessments.models import Answer, AnswerSheet, Checkup, SafetyAnswer
from assessments.safety import safety_concern
from couples.models import Couple


def checkup_instrument(*, checkup: Checkup) -> Instrument:
    return get_instrument(checkup.instrument_key, checkup.instrument_version)


def checkup_open_for(*, couple: Couple) -> Checkup | None:
    return Checkup.objects.filter(couple=couple).filter(completed_at__isnull=True).first()


def checkup_latest_completed_for(*, couple: Couple) -> Checkup | None:
    return (
        Checkup.objects.filter(couple=couple)
        .filter(completed_at__isnull=False)
        .order_by("-completed_at")
        .first()
    )


def checkups_completed_for(*, couple: Couple) -> QuerySet[Checkup]:
    return Checkup.objects.filter(couple=couple).filter(completed_at__isnull=False).order_by("completed_at")


def checkup_for_member(*, checkup_id: int, user: User, active_only: bool = True) -> Checkup | None:
    """The checkup if ``user`` belongs to its couple (the active couple, unless told otherwise)."""
    memberships = {"couple__memberships__user": user}
    if active_only:
        memberships["couple__memberships__is_active"] = True  # type: ignore[assignment]
    return Checkup.objects.filter(pk=checkup_id, **memberships).select_related("couple").first()


def answer_sheet_for(*, checkup: Checkup, user: User) -> AnswerSheet | None:
    return AnswerSheet.objects.filter(checkup=checkup, user=user).first()


def answer_sheet_answers(*, sheet: AnswerSheet) -> dict[str, int]:
    return dict(Answer.objects.filter(sheet=sheet).values_list("item_id", "value"))


def _safety_answers(sheet: AnswerSheet) -> dict[str, int]:
    return dict(SafetyAnswer.objects.filter(sheet=sheet).values_list("item_id", "value"))


def answer_sheet_own_safety_answers(*, sheet: AnswerSheet, user: User) -> dict[str, int]:
    """The private answers, for their author only."""
    return _safety_answers(sheet) if sheet.user_id == user.pk else {}


def answer_sheet_has_safety_concern(*, sheet: AnswerSheet) -> bool:
    """Whether the sheet's own private answers call for the private panel (never shown to the partner)."""
    return safety_concern(
        instrument=checkup_instrument(checkup=sheet.checkup), answers=_safety_answers(sheet)
    )


def answer_sheet_missing_items(*, sheet: AnswerSheet) -> list[str]:
    """Ids of the shared items not answered yet, in questionnaire order."""
    instrument = checkup_instrument(checkup=sheet.checkup)
    answered = set(answer_sheet_answers(sheet=sheet))
    return [item.id for item in instrument.shared_items if item.id not in answered]
