"""The shared report's content, as data: sentences and numbers, no markup.

Pure Python (no Django import) so it can be built and tested without
settings; templates decide layout. Partners are positions ``a``/``b`` shown by
the display names passed in. The report describes a pattern, never a person's
type, and uses no gendered words.

Modules: ``model`` (the dataclasses), ``builder`` (``build_report``, which
picks the wording of the dynamic's model version), ``claims`` (every
descriptive v2 sentence and the condition that makes it true), ``text`` (the
v2 writer), ``labels`` (labels and number formatting), ``rows``, ``wording_*``
(the v2 sentences, by topic), ``v1/`` (the frozen v1 wording) and ``i18n``.
"""

from __future__ import annotations

from assessments.report.builder import build_report
from assessments.report.claims import Claim, ClaimError
from assessments.report.i18n import gettext_noop
from assessments.report.labels import (
    BAND_LABELS,
    PATTERN_LABELS,
    ROW_LABELS,
    STRENGTH_LABELS,
    lean_text,
    score_text,
)
from assessments.report.model import HistoryRow, Report, ReportSection, ScoreRow

__all__ = [
    "BAND_LABELS",
    "PATTERN_LABELS",
    "ROW_LABELS",
    "STRENGTH_LABELS",
    "Claim",
    "ClaimError",
    "HistoryRow",
    "Report",
    "ReportSection",
    "ScoreRow",
    "build_report",
    "gettext_noop",
    "lean_text",
    "score_text",
]
