"""Reads for checkups, always scoped to the person asking.

A partner's answers are read only by scoring (after completion); the safety
answers are read only for their own author.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet

from accounts.models import User
from assessments.instrument import Instrument, get_instrument
from assessments.models import Answer, AnswerSheet, Checkup, SafetyAnswer
from assessments.safety import safety_concern
from couples.models import Couple, Membership


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


@dataclass(frozen=True, slots=True)
class CompletedRound:
    """One completed checkup with both partners' shared answers (``a``/``b`` as in ``ReportData``)."""

    checkup: Checkup
    answers_a: dict[str, int]
    answers_b: dict[str, int]


@dataclass(frozen=True, slots=True)
class ReportData:
    """What a report is built from: the two people, and every completed round up to this checkup.

    ``person_a``/``person_b`` follow membership order, so they mean the same
    people in every checkup of the couple. ``rounds`` run oldest first and
    end with ``checkup`` itself; rounds whose answers went with a deleted
    account are left out.
    """

    checkup: Checkup
    person_a: User
    person_b: User
    rounds: tuple[CompletedRound, ...]


def _members_of(checkup: Checkup) -> list[User]:
    # Only a couple still together: once either partner leaves (or deletes
    # their account) the couple's shared reports close, by URL and by the
    # "report ready" link; each keeps their own answers in their export.
    return [
        m.user
        for m in Membership.objects.filter(couple_id=checkup.couple_id, is_active=True)
        .select_related("user")
        .order_by("pk")
    ]


def report_members_for(*, checkup: Checkup, user: User) -> tuple[User, User] | None:
    """The two people of ``checkup``'s couple in membership order if ``user`` is one and they are together."""
    members = _members_of(checkup)
    if len(members) != 2 or user not in members:
        return None
    return members[0], members[1]


def report_members_shared(*, checkup: Checkup) -> tuple[User, User] | None:
    """The two people of ``checkup``'s couple, for a reader outside it whom the couple let in.

    Only for callers that have checked that consent (a counsellor's active
    share, ``counsellors.selectors``).
    """
    members = _members_of(checkup)
    return (members[0], members[1]) if len(members) == 2 else None


def report_data_for(
    *, checkup: Checkup, user: User, members: tuple[User, User] | None = None
) -> ReportData | None:
    """The data of ``checkup``'s report if ``user`` may read it, else None.

    Only for a completed checkup of a couple that is still together
    (``report_members_for``), and whose own answers are all still there. Queries:
    memberships (unless ``members`` from ``report_members_for`` is given),
    checkups, answer sheets, answers; whatever the number of items or checkups.
    """
    if checkup.completed_at is None:
        return None
    if members is None:
        members = report_members_for(checkup=checkup, user=user)
    if members is None:
        return None
    checkups = list(
        Checkup.objects.filter(
            couple_id=checkup.couple_id, completed_at__isnull=False, completed_at__lte=checkup.completed_at
        ).order_by("completed_at")
    )
    sheets = list(AnswerSheet.objects.filter(checkup__in=checkups))
    answers: dict[int, dict[str, int]] = defaultdict(dict)
    for sheet_id, item_id, value in Answer.objects.filter(sheet__in=sheets).values_list(
        "sheet_id", "item_id", "value"
    ):
        answers[sheet_id][item_id] = value
    sheet_of: dict[tuple[int, int], int] = {(s.checkup_id, s.user_id): s.pk for s in sheets}
    a, b = members
    rounds = tuple(
        CompletedRound(past, answers[sheet_of[past.pk, a.pk]], answers[sheet_of[past.pk, b.pk]])
        for past in checkups
        # A checkup whose answers were deleted with an account is left out.
        if (past.pk, a.pk) in sheet_of and (past.pk, b.pk) in sheet_of
    )
    if not rounds or rounds[-1].checkup.pk != checkup.pk:
        return None
    return ReportData(checkup=checkup, person_a=a, person_b=b, rounds=rounds)
