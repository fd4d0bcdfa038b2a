"""Reads for checkups, always scoped to the person asking.

A partner's answers are read only by scoring (after completion); the safety
answers are read only for their own author.
"""

from django.db.models import QuerySet

from accounts.models import User
from assessments.instrument import Instrument, get_instrument
from assessments.models import Answer, Checkup, Response, SafetyAnswer
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


def response_for(*, checkup: Checkup, user: User) -> Response | None:
    return Response.objects.filter(checkup=checkup, user=user).first()


def response_answers(*, response: Response) -> dict[str, int]:
    return dict(Answer.objects.filter(response=response).values_list("item_id", "value"))


def response_own_safety_answers(*, response: Response, user: User) -> dict[str, int]:
    """The private answers, for their author only."""
    if response.user_id != user.pk:
        return {}
    return dict(SafetyAnswer.objects.filter(response=response).values_list("item_id", "value"))
