"""The report's content as frozen dataclasses: sections, score rows, history rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from assessments.report.claims import Claim
from assessments.scoring import Band, Pattern, Position, Strength


@dataclass(frozen=True, slots=True)
class ReportSection:
    """A titled block; ``addressed_to`` lists the partners it speaks to directly."""

    key: str
    title: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()
    addressed_to: tuple[Position, ...] = ()


@dataclass(frozen=True, slots=True)
class ScoreRow:
    """One scale, both partners side by side (0-100 scores with bands)."""

    scale: str
    label: str
    a: float
    b: float
    band_a: Band
    band_b: Band


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One checkup in the change-over-time table; ``checkup`` counts from 1 (oldest)."""

    checkup: int
    is_current: bool
    pattern: Pattern
    pattern_label: str
    lean_a: float
    lean_b: float
    cycle_intensity: float
    cycle_strength: Strength
    impact_a: float
    impact_b: float


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the shared report says, in reading order.

    ``sections`` keys (model v2): reliability (first, only when answers look
    patterned), pattern, scores, agreement, protects, cost, then the guidance
    blocks (guidance-pursuing and guidance-distancing, or one of
    guidance-both-pursuing / guidance-both-distancing / guidance-flexible /
    guidance-no-clear-direction; then guidance-both), hope, counselling when
    suggested, prompts, and history when there is more than one checkup.
    ``note`` is the describe-not-diagnose line. ``claims`` lists every
    descriptive sentence with the key of what it asserts (v2 only).
    """

    headline: str
    name_a: str
    name_b: str
    pattern: Pattern
    pattern_label: str
    sections: tuple[ReportSection, ...]
    score_rows: tuple[ScoreRow, ...]
    history: tuple[HistoryRow, ...]
    note: str
    claims: tuple[Claim, ...] = ()
    model_version: int = 2

    def section(self, key: str) -> ReportSection | None:
        return next((s for s in self.sections if s.key == key), None)

    def texts(self) -> Iterator[str]:
        """Every user-facing string, for checks such as the gendered-word test."""
        yield from (self.headline, self.pattern_label, self.note)
        for section in self.sections:
            yield section.title
            yield from section.paragraphs
            yield from section.bullets
        yield from (row.label for row in self.score_rows)
        yield from (row.pattern_label for row in self.history)
