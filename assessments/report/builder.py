"""Assembling the report: sections in reading order, score rows and history rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assessments.report.i18n import _, _translator
from assessments.report.model import HistoryRow, Report, ScoreRow
from assessments.report.text import PATTERN_LABELS, ROW_LABELS, Writer
from assessments.report.wording_guidance import guidance_sections, prompts_section
from assessments.report.wording_history import history_section
from assessments.report.wording_pattern import headline, pattern_section, scores_section
from assessments.report.wording_views import agreement_section, cost_section, protects_section
from assessments.scoring import CoupleDynamic, Position, band


def build_report(
    dynamic: CoupleDynamic,
    *,
    name_a: str,
    name_b: str,
    history: Sequence[CoupleDynamic] = (),
    translate: Callable[[str], str] | None = None,
) -> Report:
    """Build the shared report for one checkup.

    ``history`` holds earlier checkups' dynamics, oldest first, with ``a`` and
    ``b`` meaning the same people as in ``dynamic``; the change-over-time
    section appears only when it is non-empty. Blank names fall back to
    "Partner A" / "Partner B". ``translate`` (e.g. Django's ``gettext``, in a
    request with the reader's language active) translates every message;
    without it the report is in the source language.
    """
    token = _translator.set(translate or str)
    try:
        return _build(dynamic, name_a, name_b, history)
    finally:
        _translator.reset(token)


def _build(dynamic: CoupleDynamic, name_a: str, name_b: str, history: Sequence[CoupleDynamic]) -> Report:
    names: dict[Position, str] = {
        "a": name_a.strip() or _("Partner A"),
        "b": name_b.strip() or _("Partner B"),
    }
    text = Writer(dynamic, names)
    sections = [
        pattern_section(text),
        scores_section(text),
        agreement_section(text),
        protects_section(text),
        cost_section(text),
        *guidance_sections(text),
        prompts_section(text),
    ]
    rows = _history_rows([*history, dynamic])
    if history:
        sections.append(history_section(text, rows))
    return Report(
        headline=headline(text),
        name_a=names["a"],
        name_b=names["b"],
        pattern=dynamic.pattern,
        pattern_label=_(PATTERN_LABELS[dynamic.pattern]),
        sections=tuple(sections),
        score_rows=_score_rows(dynamic),
        history=rows if history else (),
        note=_(
            "This report describes how the two of you answered at one point in time. It does not "
            "diagnose either of you or your relationship, and every label is shorthand for numbers "
            "that can change."
        ),
    )


def _score_rows(dynamic: CoupleDynamic) -> tuple[ScoreRow, ...]:
    rows = []
    for scale, label in ROW_LABELS:
        # Pursuit and distance are the combined (two-informant) scores; the
        # rest are each person's own answers.
        if scale in ("pursuit", "distance"):
            a, b = getattr(dynamic.a, scale), getattr(dynamic.b, scale)
        else:
            a, b = getattr(dynamic.a.scores, scale), getattr(dynamic.b.scores, scale)
        rows.append(ScoreRow(scale, _(label), a, b, band(a), band(b)))
    return tuple(rows)


def _history_rows(dynamics: Sequence[CoupleDynamic]) -> tuple[HistoryRow, ...]:
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
