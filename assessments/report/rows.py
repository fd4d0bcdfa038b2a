"""Score rows and change-over-time rows, for every model version."""

from __future__ import annotations

from collections.abc import Sequence

from assessments.report.i18n import _
from assessments.report.labels import PATTERN_LABELS, ROW_LABELS
from assessments.report.model import HistoryRow, ScoreRow
from assessments.scoring import AnyDynamic, band


def score_rows(dynamic: AnyDynamic) -> tuple[ScoreRow, ...]:
    rows = []
    for scale, label in ROW_LABELS:
        # Pursuit and distance are the combined (two-informant) scores; the
        # rest are each person's own answers.
        if scale in ("pursuit", "distance"):
            a, b = getattr(dynamic.a, scale), getattr(dynamic.b, scale)
        else:
            a, b = getattr(dynamic.a.scores, scale), getattr(dynamic.b.scores, scale)
        rows.append(ScoreRow(scale, _(label), float(a), float(b), band(a), band(b)))
    return tuple(rows)


def history_rows(dynamics: Sequence[AnyDynamic]) -> tuple[HistoryRow, ...]:
    """One row per checkup, oldest first; checkups of either model version may mix."""
    return tuple(
        HistoryRow(
            checkup=number,
            is_current=number == len(dynamics),
            pattern=d.pattern,
            pattern_label=_(PATTERN_LABELS[d.pattern]),
            lean_a=d.a.lean,
            lean_b=d.b.lean,
            cycle_intensity=d.cycle_intensity,
            cycle_strength=d.cycle_strength,
            impact_a=d.a.scores.impact,
            impact_b=d.b.scores.impact,
        )
        for number, d in enumerate(dynamics, start=1)
    )
