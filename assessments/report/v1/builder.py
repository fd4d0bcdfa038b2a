"""Assembling a model-v1 report: the sections a v1 checkup was first shown, in reading order."""

from __future__ import annotations

from collections.abc import Sequence

from assessments.report.i18n import _
from assessments.report.labels import PATTERN_LABELS
from assessments.report.model import Report
from assessments.report.rows import history_rows, score_rows
from assessments.report.v1.text import Writer
from assessments.report.v1.wording_guidance import guidance_sections, prompts_section
from assessments.report.v1.wording_pattern import headline, pattern_section, scores_section
from assessments.report.v1.wording_perspectives import agreement_section, cost_section, protects_section
from assessments.report.wording_history import history_section
from assessments.scoring import AnyDynamic, CoupleDynamicV1, Position


def build_report_v1(
    dynamic: CoupleDynamicV1, names: dict[Position, str], history: Sequence[AnyDynamic]
) -> Report:
    """The v1 report: its wording is frozen apart from the shared vocabulary (docs/scoring.md)."""
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
    rows = history_rows([*history, dynamic])
    if history:
        sections.append(history_section(names, rows))
    return Report(
        headline=headline(text),
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
            "that can change. It was read with the first version of the checkup; a new checkup asks "
            "clearer questions and says plainly when your answers cannot tell."
        ),
        model_version=1,
    )
