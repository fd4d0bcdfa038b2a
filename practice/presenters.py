"""Page shaping for the plan, the card, the check-ins and the timeline: typed views, no queries."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from assessments.instrument import get_instrument
from assessments.report import STRENGTH_LABELS
from assessments.scoring import couple_dynamic
from practice.models import Feeling, LoopCount, Restarter, ReturnAsAgreed, SignalUse
from practice.selectors import PlanData, VersionRecord, WeekRecord, practice_over, weeks_open
from practice.suggestions import Suggestion, suggest_plan
from practice.timeline import AXIS_Y, LEFT, WIDTH, Event, Marker, place


def pause_text(minutes: int) -> str:
    """30 -> "30 minutes", 90 -> "1 hour 30 minutes", 120 -> "2 hours"."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours})
    if rest:
        parts.append(ngettext("%(n)d minute", "%(n)d minutes", rest) % {"n": rest})
    return " ".join(parts)


@dataclass(frozen=True, slots=True)
class SettleRow:
    name: str
    text: str
    is_mine: bool


@dataclass(frozen=True, slots=True)
class VersionView:
    number: int
    signal: str
    pause_minutes: int
    pause: str
    settle: tuple[SettleRow, ...]
    restarter: str
    return_plan: str
    waiting_plan: str
    author: str
    created_at: datetime
    accepted_by_me: bool
    accepted_by_partner: bool


@dataclass(frozen=True, slots=True)
class AnswerRow:
    question: str
    mine: str
    partner: str


@dataclass(frozen=True, slots=True)
class WeekView:
    week: int
    opens_at: datetime
    is_open: bool
    answered: bool
    shared: tuple[AnswerRow, ...]  # empty until both answered


@dataclass(frozen=True, slots=True)
class TimelineRow:
    number: int
    when: datetime
    title: str
    detail: str


@dataclass(frozen=True, slots=True)
class TimelineView:
    markers: tuple[Marker, ...]
    axis_y: float
    left: float
    right: float


@dataclass(frozen=True, slots=True)
class PlanPage:
    my_name: str
    partner_name: str
    #: "none" (nothing written), "draft" (not agreed yet), "active" (agreed, maybe with a proposal).
    state: str
    latest: VersionView | None
    agreed: VersionView | None  # the agreed version when a newer proposal exists, else None
    can_accept: bool
    versions: tuple[VersionView, ...]
    weeks: tuple[WeekView, ...]
    reminders_on: bool
    retake_due: bool
    activated_at: datetime | None
    timeline: TimelineView | None


def _names(data: PlanData) -> tuple[str, str]:
    """(person_a's name, person_b's name) as the agreement orders them."""
    partner = data.partner.display_name if data.partner else _("your partner")
    if data.position == "a":
        return data.user.display_name, partner
    return partner, data.user.display_name


def version_view(record: VersionRecord, data: PlanData) -> VersionView:
    version = record.version
    name_a, name_b = _names(data)
    me = data.position
    partner_id = data.partner.pk if data.partner else None
    return VersionView(
        number=version.number,
        signal=version.signal,
        pause_minutes=version.pause_minutes,
        pause=pause_text(version.pause_minutes),
        settle=(
            SettleRow(name_a, version.settle_a, me == "a"),
            SettleRow(name_b, version.settle_b, me == "b"),
        ),
        restarter=str(Restarter(version.restarter).label),
        return_plan=version.return_plan,
        waiting_plan=version.waiting_plan,
        author=version.author.display_name if version.author else _("a former partner"),
        created_at=version.created_at,
        accepted_by_me=data.user.pk in record.accepted_by,
        accepted_by_partner=partner_id in record.accepted_by,
    )


QUESTIONS = (
    ("loop_count", gettext_lazy("How often the loop started"), LoopCount),
    ("signal_used", gettext_lazy("The signal was used"), SignalUse),
    ("returned", gettext_lazy("The return happened as agreed"), ReturnAsAgreed),
    ("feeling", gettext_lazy("How the week felt"), Feeling),
)


def _week_view(record: WeekRecord, is_open: bool) -> WeekView:
    shared: tuple[AnswerRow, ...] = ()
    if record.mine is not None and record.partner is not None:
        shared = tuple(
            AnswerRow(
                str(question),
                str(choices(getattr(record.mine, field)).label),
                str(choices(getattr(record.partner, field)).label),
            )
            for field, question, choices in QUESTIONS
        )
    return WeekView(record.week, record.opens_at, is_open, record.mine is not None, shared)


def plan_page(data: PlanData) -> PlanPage:
    records = data.versions
    views = tuple(version_view(r, data) for r in records)
    agreement = data.agreement
    latest = views[-1] if views else None
    active_number = agreement.active_number if agreement else None
    # The agreed version, when a newer proposal sits on top of it.
    agreed = views[active_number - 1] if active_number and latest and active_number != latest.number else None
    state = "none" if latest is None else ("active" if agreement and agreement.active_number else "draft")
    activated_at = agreement.activated_at if agreement else None
    open_weeks = weeks_open(activated_at=activated_at, now=data.now)
    return PlanPage(
        my_name=data.user.display_name,
        partner_name=data.partner.display_name if data.partner else _("your partner"),
        state=state,
        latest=latest,
        agreed=agreed,
        can_accept=latest is not None and not latest.accepted_by_me,
        versions=tuple(reversed(views)),
        weeks=tuple(_week_view(w, w.week in open_weeks) for w in data.weeks),
        reminders_on=data.reminders_on,
        retake_due=practice_over(activated_at=activated_at, now=data.now) and not _retaken_since(data),
        activated_at=activated_at,
        timeline=timeline_view(data) if activated_at else None,
    )


def _retaken_since(data: PlanData) -> bool:
    activated_at = data.agreement.activated_at if data.agreement else None
    if activated_at is None or data.report is None:
        return False
    completed = data.report.checkup.completed_at
    return completed is not None and completed > activated_at


def timeline_events(data: PlanData) -> list[Event]:
    """Completed checkups and the weeks both answered, as events (never a week only one answered)."""
    events = []
    if data.report is not None:
        for number, round_ in enumerate(data.report.rounds, start=1):
            checkup = round_.checkup
            dynamic = couple_dynamic(
                get_instrument(checkup.instrument_key, checkup.instrument_version),
                round_.answers_a,
                round_.answers_b,
            )
            if checkup.completed_at is not None:
                events.append(
                    Event(
                        checkup.completed_at,
                        "checkup",
                        _("Checkup %(n)d") % {"n": number}
                        if number == 1
                        else _("Retake %(n)d") % {"n": number - 1},
                        _("How strongly a loop runs: %(strength)s (%(score)d of 100)")
                        % {
                            "strength": _(STRENGTH_LABELS[dynamic.cycle_strength]),
                            "score": dynamic.cycle_intensity,
                        },
                    )
                )
    name_of = {data.user.pk: data.user.display_name}
    if data.partner is not None:
        name_of[data.partner.pk] = data.partner.display_name
    for week in data.weeks:
        if week.mine is None or week.partner is None:
            continue
        both = (week.mine, week.partner)
        when = max(c.submitted_at for c in both)
        loops = "; ".join(
            f"{name_of.get(c.user_id, '')}: {LoopCount(c.loop_count).label.lower()}" for c in both
        )
        felt = "; ".join(f"{name_of.get(c.user_id, '')}: {Feeling(c.feeling).label.lower()}" for c in both)
        events.append(
            Event(
                when,
                "check_in",
                _("Practice week %(n)d") % {"n": week.week},
                _("The loop started: %(loops)s. It felt: %(felt)s.") % {"loops": loops, "felt": felt},
            )
        )
    return events


def timeline_view(data: PlanData) -> TimelineView | None:
    markers = place(timeline_events(data))
    if not markers:
        return None
    return TimelineView(markers=markers, axis_y=AXIS_Y, left=LEFT, right=LEFT + WIDTH)


def suggestion_for(data: PlanData) -> Suggestion:
    """First words for a new plan, from the couple's latest report (if they have one)."""
    name_a, name_b = _names(data)
    pattern = side_a = side_b = None
    report = data.report
    if report is not None:
        last = report.rounds[-1]
        checkup = last.checkup
        dynamic = couple_dynamic(
            get_instrument(checkup.instrument_key, checkup.instrument_version), last.answers_a, last.answers_b
        )
        # The report's a/b follow membership order, as the agreement's person_a/person_b do.
        pattern, side_a, side_b = dynamic.pattern.value, dynamic.a.side.value, dynamic.b.side.value
    return suggest_plan(pattern=pattern, tendency_a=side_a, tendency_b=side_b, name_a=name_a, name_b=name_b)
