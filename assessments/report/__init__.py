"""The shared report's content, as data: sentences and numbers, no markup.

Pure Python (no Django import) so it can be built and tested without
settings; templates decide layout. Partners are positions ``a``/``b`` shown by
the display names passed in. The report describes a pattern, never a person's
type, and uses no gendered words.

Modules: ``model`` (the dataclasses), ``builder`` (``build_report`` and
assembly), ``text`` (labels, number formatting, the writer's context),
``wording_*`` (the sentences, by topic) and ``i18n`` (translation marking).
"""

from __future__ import annotations

from assessments.report.builder import build_report
from assessments.report.i18n import gettext_noop
from assessments.report.model import HistoryRow, Report, ReportSection, ScoreRow
from assessments.report.text import (
    BAND_LABELS,
    PATTERN_LABELS,
    ROW_LABELS,
    STRENGTH_LABELS,
    lean_text,
    score_text,
)

__all__ = [
    "BAND_LABELS",
    "PATTERN_LABELS",
    "ROW_LABELS",
    "STRENGTH_LABELS",
    "HistoryRow",
    "Report",
    "ReportSection",
    "ScoreRow",
    "build_report",
    "gettext_noop",
    "lean_text",
    "score_text",
]
