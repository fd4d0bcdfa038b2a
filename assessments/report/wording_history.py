"""Wording for the change-over-time section."""

from __future__ import annotations

from collections.abc import Sequence

from assessments.report.i18n import _
from assessments.report.labels import STRENGTH_LABELS, lean_text, score_text
from assessments.report.model import HistoryRow, ReportSection
from assessments.scoring import Position


def history_section(names: dict[Position, str], rows: Sequence[HistoryRow]) -> ReportSection:
    first, now = rows[0], rows[-1]
    paragraphs = [
        _("This is checkup {count}. Here is how things have moved since the first one.").format(
            count=len(rows)
        )
    ]
    leans: tuple[tuple[Position, float, float], ...] = (
        ("a", first.lean_a, now.lean_a),
        ("b", first.lean_b, now.lean_b),
    )
    for position, then_lean, now_lean in leans:
        paragraphs.append(
            _("{name}'s lean: {then} at the first checkup, {now} now.").format(
                name=names[position], then=lean_text(then_lean), now=lean_text(now_lean)
            )
        )
    paragraphs.append(
        _(
            "How strongly a loop runs: {then} ({then_score}) at the first checkup, {now} ({now_score}) now."
        ).format(
            then=_(STRENGTH_LABELS[first.cycle_strength]),
            then_score=score_text(first.cycle_intensity),
            now=_(STRENGTH_LABELS[now.cycle_strength]),
            now_score=score_text(now.cycle_intensity),
        )
    )
    paragraphs.append(
        _("What tension costs you: {a} from {a_then} to {a_now}, {b} from {b_then} to {b_now}.").format(
            a=names["a"],
            b=names["b"],
            a_then=score_text(first.impact_a),
            a_now=score_text(now.impact_a),
            b_then=score_text(first.impact_b),
            b_now=score_text(now.impact_b),
        )
    )
    return ReportSection("history", _("How things have changed"), tuple(paragraphs))
