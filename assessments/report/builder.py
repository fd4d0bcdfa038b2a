"""Assembling the report: the model version's sections in reading order, score and history rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assessments.report.i18n import _, _translator
from assessments.report.labels import PATTERN_LABELS
from assessments.report.model import Report, ReportSection
from assessments.report.rows import history_rows, score_rows
from assessments.report.text import Writer
from assessments.report.v1.builder import build_report_v1
from assessments.report.wording_guidance import guidance_sections
from assessments.report.wording_history import history_section
from assessments.report.wording_hope import counselling_section, hope_section, prompts_section
from assessments.report.wording_pattern import headline, pattern_section, reliability_section, scores_section
from assessments.report.wording_perspectives import agreement_section, cost_section, protects_section
from assessments.scoring import AnyDynamic, CoupleDynamic, CoupleDynamicV1, Position


def build_report(
    dynamic: AnyDynamic,
    *,
    name_a: str,
    name_b: str,
    history: Sequence[AnyDynamic] = (),
    translate: Callable[[str], str] | None = None,
) -> Report:
    """Build the shared report for one checkup, in the wording of its model version.

    ``history`` holds earlier checkups' dynamics (of either version), oldest
    first, with ``a`` and ``b`` meaning the same people as in ``dynamic``; the
    change-over-time section appears only when it is non-empty. Blank names
    fall back to "Partner A" / "Partner B". ``translate`` (e.g. Django's
    ``gettext``, in a request with the reader's language active) translates
    every message; without it the report is in the source language. Raises
    ``ClaimError`` rather than print a sentence its numbers contradict.
    """
    token = _translator.set(translate or str)
    try:
        names: dict[Position, str] = {
            "a": name_a.strip() or _("Partner A"),
            "b": name_b.strip() or _("Partner B"),
        }
        if isinstance(dynamic, CoupleDynamicV1):
            return build_report_v1(dynamic, names, history)
        return _build(dynamic, names, history)
    finally:
        _translator.reset(token)


def _build(dynamic: CoupleDynamic, names: dict[Position, str], history: Sequence[AnyDynamic]) -> Report:
    text = Writer(dynamic, names)
    title = headline(text)
    optional: list[ReportSection | None] = [
        reliability_section(text),
        pattern_section(text),
        scores_section(text),
        agreement_section(text),
        protects_section(text),
        cost_section(text),
        *guidance_sections(text),
        hope_section(text),
        counselling_section(text),
        prompts_section(text),
    ]
    sections = [section for section in optional if section is not None]
    rows = history_rows([*history, dynamic])
    if history:
        sections.append(history_section(names, rows))
    return Report(
        headline=title,
        name_a=names["a"],
        name_b=names["b"],
        pattern=dynamic.pattern,
        pattern_label=_(PATTERN_LABELS[dynamic.pattern]),
        sections=tuple(sections),
        score_rows=score_rows(dynamic),
        history=rows if history else (),
        note=_(
            "This report describes how the two of you answered at one point in time. It does not "
            "diagnose either of you or your relationship, and every label is shorthand for numbers "
            "that can change."
        ),
        claims=tuple(text.claims),
    )
