"""Reads for the pause agreement and the practice, always scoped to the person asking.

A partner's check-in answers are read only for weeks both have answered;
before that the person sees their own answers and nothing of the other's.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from assessments.selectors import ReportData, checkup_latest_completed_for, report_data_for
from couples.models import Couple
from couples.selectors import couple_active_for, couple_partner
from practice.models import (
    PRACTICE_WEEKS,
    Acceptance,
    Agreement,
    AgreementVersion,
    CheckIn,
    ReminderOptOut,
)

WEEK = timedelta(days=7)


def week_opens_at(*, activated_at: datetime, week: int) -> datetime:
    """A week's check-in opens when that week of practice is over."""
    return activated_at + week * WEEK


def weeks_open(*, activated_at: datetime | None, now: datetime) -> tuple[int, ...]:
    """The practice weeks whose check-in can be answered at ``now``."""
    if activated_at is None:
        return ()
    return tuple(
        week
        for week in range(1, PRACTICE_WEEKS + 1)
        if week_opens_at(activated_at=activated_at, week=week) <= now
    )


def practice_over(*, activated_at: datetime | None, now: datetime) -> bool:
    """The two weeks are behind the couple: time to suggest a full retake."""
    return activated_at is not None and now >= activated_at + PRACTICE_WEEKS * WEEK


def agreement_for_couple(*, couple: Couple) -> Agreement | None:
    return Agreement.objects.filter(couple=couple).first()


@dataclass(frozen=True, slots=True)
class VersionRecord:
    version: AgreementVersion
    accepted_by: frozenset[int]


@dataclass(frozen=True, slots=True)
class WeekRecord:
    """One practice week as ``user`` may see it: their own answers; the partner's once both answered."""

    week: int
    opens_at: datetime
    mine: CheckIn | None
    partner: CheckIn | None


@dataclass(frozen=True, slots=True)
class PlanData:
    user: User
    partner: User | None
    #: "a" or "b": the person's place in membership order, as in the report and the agreement.
    position: str
    couple: Couple
    agreement: Agreement | None
    versions: tuple[VersionRecord, ...]
    weeks: tuple[WeekRecord, ...]
    reminders_on: bool
    report: ReportData | None
    now: datetime


def version_records(*, agreement: Agreement) -> tuple[VersionRecord, ...]:
    """Every version, oldest first, with who accepted it."""
    accepted: dict[int, set[int]] = {}
    for version_id, user_id in Acceptance.objects.filter(version__agreement=agreement).values_list(
        "version_id", "user_id"
    ):
        accepted.setdefault(version_id, set()).add(user_id)
    return tuple(
        VersionRecord(v, frozenset(accepted.get(v.pk, ())))
        for v in AgreementVersion.objects.filter(agreement=agreement).select_related("author")
    )


def _weeks(agreement: Agreement, user: User) -> tuple[WeekRecord, ...]:
    if agreement.activated_at is None:
        return ()
    by_week: dict[int, dict[int, CheckIn]] = {}
    for check_in in CheckIn.objects.filter(agreement=agreement):
        by_week.setdefault(check_in.week, {})[check_in.user_id] = check_in
    records = []
    for week in range(1, PRACTICE_WEEKS + 1):
        answers = by_week.get(week, {})
        mine = answers.get(user.pk)
        both = len(answers) == 2
        partner = next((c for uid, c in answers.items() if uid != user.pk), None) if both else None
        records.append(
            WeekRecord(week, week_opens_at(activated_at=agreement.activated_at, week=week), mine, partner)
        )
    return tuple(records)


def plan_data_for(
    *, user: User, couple: Couple | None = None, detail: bool = True, now: datetime | None = None
) -> PlanData | None:
    """Everything the plan pages show ``user``, or None outside an active couple.

    ``couple`` is the person's active couple when the caller has it already. With
    ``detail=False`` (the dashboard's and the report's summary) a couple with no
    plan costs one query: the partner, the person's place and the report (for
    suggestions) are read only when a plan exists or a plan page asks.
    """
    if couple is None:
        couple = couple_active_for(user=user)
        if couple is None:
            return None
    agreement = Agreement.objects.select_related("person_a", "person_b").filter(couple=couple).first()
    versions: tuple[VersionRecord, ...] = ()
    weeks: tuple[WeekRecord, ...] = ()
    reminders_on = True
    partner: User | None = None
    position = "a"
    if agreement is not None:
        position = agreement.position_of(user.pk)
        partner = agreement.person_b if position == "a" else agreement.person_a
        versions = version_records(agreement=agreement)
        weeks = _weeks(agreement, user)
        reminders_on = not ReminderOptOut.objects.filter(agreement=agreement, user=user).exists()
    elif detail:
        partner = couple_partner(couple=couple, user=user)
        first_member = couple.memberships.order_by("pk").values_list("user_id", flat=True).first()
        position = "a" if first_member == user.pk else "b"
    report = None
    if detail or (agreement is not None and agreement.activated_at is not None):
        latest = checkup_latest_completed_for(couple=couple)
        report = report_data_for(checkup=latest, user=user) if latest else None
    return PlanData(
        user=user,
        partner=partner,
        position=position,
        couple=couple,
        agreement=agreement,
        versions=versions,
        weeks=weeks,
        reminders_on=reminders_on,
        report=report,
        now=now or timezone.now(),
    )


def check_ins_of(*, user: User) -> tuple[CheckIn, ...]:
    """The person's own check-in answers, every agreement (for their data export)."""
    return tuple(CheckIn.objects.filter(user=user).order_by("submitted_at"))


def agreements_of(*, user: User) -> tuple[tuple[Agreement, tuple[VersionRecord, ...]], ...]:
    """Every agreement the person is part of, with its versions (for their data export)."""
    return tuple(
        (agreement, version_records(agreement=agreement))
        for agreement in Agreement.objects.filter(Q(person_a=user) | Q(person_b=user)).order_by("created_at")
    )
