"""Labels and number formatting shared by every report version."""

from __future__ import annotations

import math

from assessments.report.i18n import _, gettext_noop
from assessments.scoring import Band, Pattern, Strength, band

PATTERN_LABELS = {
    Pattern.PURSUE_DISTANCE: gettext_noop("One pursuing, one distancing"),
    Pattern.BOTH_PURSUING: gettext_noop("Both pursuing"),
    Pattern.BOTH_DISTANCING: gettext_noop("Both distancing"),
    Pattern.FLEXIBLE: gettext_noop("Flexible, with no fixed loop"),
    Pattern.NO_CLEAR_DIRECTION: gettext_noop("No clear direction yet"),
}
BAND_LABELS = {
    Band.LOW: gettext_noop("low"),
    Band.SOME: gettext_noop("some"),
    Band.MODERATE: gettext_noop("moderate"),
    Band.HIGH: gettext_noop("high"),
}
STRENGTH_LABELS = {
    Strength.LOW: gettext_noop("low"),
    Strength.MODERATE: gettext_noop("moderate"),
    Strength.HIGH: gettext_noop("high"),
}
ROW_LABELS = (
    ("pursuit", gettext_noop("Moving toward when tense")),
    ("distance", gettext_noop("Moving away when tense")),
    ("anxiety", gettext_noop("Closeness as safety")),
    ("avoidance", gettext_noop("Space as safety")),
    ("impact", gettext_noop("What tension costs")),
    ("repair", gettext_noop("What already helps")),
)


def score_text(score: float) -> str:
    """A 0-100 score for display, rounded down so it never contradicts its band.

    Model v2 scores are whole numbers already, so this prints them unchanged.
    """
    return str(math.floor(score))


def lean_text(lean: float) -> str:
    """A lean for display with its sign, truncated toward zero (whole v2 leans print unchanged)."""
    value = math.trunc(lean)
    if value > 0:
        return f"+{value}"
    return f"\N{MINUS SIGN}{-value}" if value < 0 else "0"


def scored(score: float) -> str:
    """A score with its band, e.g. "62 (moderate)"."""
    return _("{score} ({band})").format(score=score_text(score), band=_(BAND_LABELS[band(score)]))


def fill(lines: tuple[str, ...], **names: str) -> tuple[str, ...]:
    return tuple(line.format(**names) for line in lines)
