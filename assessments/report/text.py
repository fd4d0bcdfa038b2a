"""Shared pieces of the wording: labels, number formatting, and the writer's context."""

from __future__ import annotations

import math

from assessments.report.i18n import _, gettext_noop
from assessments.scoring import Band, CoupleDynamic, Pattern, Position, Strength, band

PATTERN_LABELS = {
    Pattern.PURSUER_DISTANCER: gettext_noop("A reach-and-retreat loop"),
    Pattern.MUTUAL_PURSUIT: gettext_noop("Both reaching at once"),
    Pattern.MUTUAL_WITHDRAWAL: gettext_noop("Both stepping back"),
    Pattern.FLEXIBLE: gettext_noop("Flexible, with no fixed loop"),
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
    ("impact", gettext_noop("What the cycle costs")),
    ("repair", gettext_noop("What already helps")),
)


class Writer:
    """One dynamic to be turned into sentences; ``n`` maps positions to display names."""

    def __init__(self, dynamic: CoupleDynamic, names: dict[Position, str]) -> None:
        self.d = dynamic
        self.n = names
        # Only a pursuer-distancer loop has one partner on each side.
        self.p: str = names[dynamic.pursuing] if dynamic.pursuing else ""
        self.q: str = names[dynamic.distancing] if dynamic.distancing else ""


def score_text(score: float) -> str:
    """A 0-100 score for display, rounded down so it never contradicts its band."""
    return str(math.floor(score))


def lean_text(lean: float) -> str:
    """A lean for display, truncated toward zero so it never contradicts its tendency."""
    value = math.trunc(lean)
    if value > 0:
        return f"+{value}"
    return f"\N{MINUS SIGN}{-value}" if value < 0 else "0"


def scored(score: float) -> str:
    return _("{score} ({band})").format(score=score_text(score), band=_(BAND_LABELS[band(score)]))


def fill(lines: tuple[str, ...], **names: str) -> tuple[str, ...]:
    return tuple(line.format(**names) for line in lines)
