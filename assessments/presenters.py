"""Page shaping for the checkup's pages: typed views of what a template shows. No queries here."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from assessments.charts import (
    LINE_HEIGHT,
    LINE_LEFT,
    LINE_TOP,
    LINE_WIDTH,
    MARGIN,
    PLOT,
    PlotPoint,
    Series,
    dance_points,
    history_series,
    line_x,
    line_y,
)
from assessments.instrument import get_instrument
from assessments.report import (
    BAND_LABELS,
    PATTERN_LABELS,
    STRENGTH_LABELS,
    Report,
    ReportSection,
    build_report,
    lean_text,
    score_text,
)
from assessments.scoring import AnyDynamic, CoupleDynamic, Position, couple_dynamic
from assessments.selectors import ReportData


@dataclass(frozen=True, slots=True)
class ScoreRowView:
    label: str
    a: str
    b: str
    band_a: str
    band_b: str
    band_a_key: str
    band_b_key: str


@dataclass(frozen=True, slots=True)
class PlotFrame:
    margin: int
    size: int
    end: int
    mid: float


@dataclass(frozen=True, slots=True)
class HistoryRowView:
    date: datetime
    lean_a: str
    lean_b: str
    strength: str
    cycle: str
    impact_a: str
    impact_b: str


@dataclass(frozen=True, slots=True)
class LineFrame:
    left: float
    top: float
    right: float
    bottom: float
    zero: float
    plus: float
    minus: float


@dataclass(frozen=True, slots=True)
class HistoryView:
    rows: tuple[HistoryRowView, ...]
    series: tuple[Series, ...]
    x: tuple[float, ...]
    frame: LineFrame


@dataclass(frozen=True, slots=True)
class Names:
    a: str
    b: str


@dataclass(frozen=True, slots=True)
class AgreementRowView:
    """How one person sees themselves, how the partner sees them, and how close the two views are."""

    name: str
    self_toward: str
    self_away: str
    seen_toward: str
    seen_away: str
    agreement: str


@dataclass(frozen=True, slots=True)
class ReportPage:
    """The shared report as one partner reads it.

    ``reliability`` is the note shown before everything else when answers
    look patterned; ``sections`` are the rest, in reading order.
    ``agreement_rows`` and ``nearby`` are empty for a v1 checkup, whose model
    has neither.
    """

    checkup_id: int
    completed_at: datetime
    report: Report
    dynamic: AnyDynamic
    reliability: ReportSection | None
    sections: tuple[ReportSection, ...]
    close_to_line: bool
    nearby: tuple[str, ...]
    agreement_rows: tuple[AgreementRowView, ...]
    reader_position: Position | None
    names: Names
    points: tuple[PlotPoint, ...]
    score_rows: tuple[ScoreRowView, ...]
    plot: PlotFrame
    history: HistoryView | None


def report_page(data: ReportData, *, reader_id: int | None) -> ReportPage:
    """Score every round of ``data`` and lay out the report of its last checkup for ``reader_id``.

    ``reader_id`` is None for a reader outside the couple (a counsellor they shared it with).
    """
    dynamics = [
        couple_dynamic(
            get_instrument(r.checkup.instrument_key, r.checkup.instrument_version), r.answers_a, r.answers_b
        )
        for r in data.rounds
    ]
    dynamic = dynamics[-1]
    report = build_report(
        dynamic,
        name_a=data.person_a.display_name,
        name_b=data.person_b.display_name,
        history=dynamics[:-1],
        translate=_,
    )
    completed_at = data.checkup.completed_at
    assert completed_at is not None  # noqa: S101 - report_data_for only returns completed checkups
    return ReportPage(
        checkup_id=data.checkup.pk,
        completed_at=completed_at,
        report=report,
        dynamic=dynamic,
        reliability=report.section("reliability"),
        sections=tuple(section for section in report.sections if section.key != "reliability"),
        close_to_line=isinstance(dynamic, CoupleDynamic) and dynamic.close_to_line,
        nearby=tuple(_(PATTERN_LABELS[p]) for p in dynamic.nearby)
        if isinstance(dynamic, CoupleDynamic)
        else (),
        agreement_rows=_agreement_rows(dynamic, report) if isinstance(dynamic, CoupleDynamic) else (),
        reader_position=None if reader_id is None else ("a" if reader_id == data.person_a.pk else "b"),
        names=Names(report.name_a, report.name_b),
        points=tuple(
            dance_points(
                dynamic,
                name_a=report.name_a,
                name_b=report.name_b,
                self_label=_("{name}, as {name} sees it"),
                seen_label=_("{name}, as {partner} sees it"),
            )
        ),
        score_rows=tuple(
            ScoreRowView(
                label=row.label,
                a=score_text(row.a),
                b=score_text(row.b),
                band_a=_(BAND_LABELS[row.band_a]),
                band_b=_(BAND_LABELS[row.band_b]),
                band_a_key=row.band_a.value,
                band_b_key=row.band_b.value,
            )
            for row in report.score_rows
        ),
        plot=PlotFrame(margin=MARGIN, size=PLOT, end=MARGIN + PLOT, mid=MARGIN + PLOT / 2),
        history=_history(report, [r.checkup.completed_at for r in data.rounds])
        if len(dynamics) > 1
        else None,
    )


def _agreement_rows(dynamic: CoupleDynamic, report: Report) -> tuple[AgreementRowView, ...]:
    return tuple(
        AgreementRowView(
            name=name,
            self_toward=score_text(person.scores.pursuit),
            self_away=score_text(person.scores.distance),
            seen_toward=score_text(person.seen_pursuit),
            seen_away=score_text(person.seen_distance),
            agreement=score_text(person.agreement),
        )
        for person, name in ((dynamic.a, report.name_a), (dynamic.b, report.name_b))
    )


def _history(report: Report, dates: list[datetime | None]) -> HistoryView:
    rows = report.history
    return HistoryView(
        rows=tuple(
            HistoryRowView(
                date=date,
                lean_a=lean_text(row.lean_a),
                lean_b=lean_text(row.lean_b),
                strength=_(STRENGTH_LABELS[row.cycle_strength]),
                cycle=score_text(row.cycle_intensity),
                impact_a=score_text(row.impact_a),
                impact_b=score_text(row.impact_b),
            )
            for date, row in zip(dates, rows, strict=True)
            if date is not None
        ),
        series=tuple(
            history_series(
                [
                    ("lean-a", _("%(name)s's lean") % {"name": report.name_a}, [r.lean_a for r in rows]),
                    ("lean-b", _("%(name)s's lean") % {"name": report.name_b}, [r.lean_b for r in rows]),
                    ("cycle", _("How strongly a loop runs"), [r.cycle_intensity for r in rows]),
                    ("cost", _("Cost (higher of the two)"), [max(r.impact_a, r.impact_b) for r in rows]),
                ]
            )
        ),
        x=tuple(line_x(i, len(dates)) for i in range(len(dates))),
        frame=LineFrame(
            left=LINE_LEFT,
            top=LINE_TOP,
            right=LINE_LEFT + LINE_WIDTH,
            bottom=LINE_TOP + LINE_HEIGHT,
            zero=line_y(0),
            plus=line_y(100),
            minus=line_y(-100),
        ),
    )
