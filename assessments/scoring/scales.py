"""Scale scores for one person's answers.

Pure Python: no Django or database import, so that every formula can be
tested on its own. The formulas and thresholds are explained in
``docs/scoring.md``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from enum import StrEnum
from fractions import Fraction

from assessments.instrument import Instrument, Item, ResponseScale
from assessments.scoring.thresholds import BAND_HIGH, BAND_MODERATE, BAND_SOME

#: The scales that feed the shared report, in report order. ``safety`` is
#: deliberately absent: it is private and never scored into the shared report.
SHARED_SCALES: tuple[str, ...] = (
    "pursuit",
    "distance",
    "partner_pursuit",
    "partner_distance",
    "anxiety",
    "avoidance",
    "impact",
    "repair",
)


class ScoringError(ValueError):
    """Answers (or an instrument) that cannot be scored honestly.

    ``item_id`` names the offending item when there is one. Scoring never
    substitutes a default for a missing or invalid answer.
    """

    def __init__(self, message: str, *, item_id: str | None = None) -> None:
        super().__init__(message)
        self.item_id = item_id


class Band(StrEnum):
    """Plain-language band of a 0-100 score (cut points in ``thresholds``)."""

    LOW = "low"
    SOME = "some"
    MODERATE = "moderate"
    HIGH = "high"


def band(score: float) -> Band:
    """Return the band of a 0-100 score; raise ``ScoringError`` outside 0-100."""
    _check_score("score", score)
    if score >= BAND_HIGH:
        return Band.HIGH
    if score >= BAND_MODERATE:
        return Band.MODERATE
    if score >= BAND_SOME:
        return Band.SOME
    return Band.LOW


@dataclass(frozen=True, slots=True)
class ScaleScores:
    """One person's shared scale scores, each 0-100, from their own answers.

    ``partner_pursuit`` and ``partner_distance`` are this person's view *of
    the partner*, not of themselves.
    """

    pursuit: float
    distance: float
    partner_pursuit: float
    partner_distance: float
    anxiety: float
    avoidance: float
    impact: float
    repair: float

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            _check_score(field.name, value)
            # Store floats so that equal scores compare and print alike.
            object.__setattr__(self, field.name, float(value))

    def rounded(self) -> ScaleScores:
        """The same scores in whole points (half up), as model v2 uses and prints them."""
        return ScaleScores(*(whole(getattr(self, field.name)) for field in fields(self)))

    @property
    def lean(self) -> float:
        """Self-reported lean: pursuit - distance, -100..100."""
        return self.pursuit - self.distance

    @property
    def partner_lean(self) -> float:
        """The lean this person sees in the partner, -100..100."""
        return self.partner_pursuit - self.partner_distance


def whole(value: float) -> int:
    """Round to a whole point, halves up (the same way for every score, so mirror-symmetric).

    The tiny allowance keeps a float such as 62.49999999999 (an exact 62.5
    reached through a different sum) on the same side of the half.
    """
    return math.floor(value + 0.5 + 1e-9)


def score_response(instrument: Instrument, answers: Mapping[str, int]) -> ScaleScores:
    """Score one person's answers on every shared scale.

    ``answers`` maps item id to the chosen point (an int on the item's
    section's response scale). Every item of a shared scale is required;
    items of other scales (the private ``safety`` check) are optional but, if
    given, must still be valid. Raises ``ScoringError`` for an unknown item
    id, a missing required answer, or a value that is not an int in range.
    """
    by_id = {item.id: item for item in instrument.items}
    for item_id, value in answers.items():
        item = by_id.get(item_id)
        if item is None:
            raise ScoringError(
                f"answer given for unknown item {item_id!r} "
                f"(not in instrument {instrument.key!r} v{instrument.version})",
                item_id=item_id,
            )
        _check_answer(item, response_scale(instrument, item), value)
    scores = {scale: scale_score(instrument, scale, answers) for scale in SHARED_SCALES}
    return ScaleScores(**scores)


def scale_score(instrument: Instrument, scale: str, answers: Mapping[str, int]) -> float:
    """Score one scale, 0-100: the mean of its items, reverse items flipped.

    Each answer ``v`` on a ``min..max`` response scale is keyed
    (``min + max - v`` for reverse items) and mapped to ``(v - min) / (max -
    min)``; the scale score is 100 * the mean. For items sharing one response
    scale this is exactly "mean of the items, mapped linearly to 0-100".
    Arithmetic is exact (fractions) until the final float, so equal answers
    always give bit-identical scores. Raises ``ScoringError`` if the scale has
    no items or any of its items is unanswered or invalid.
    """
    items = [item for item in instrument.items if item.scale == scale]
    if not items:
        raise ScoringError(
            f"instrument {instrument.key!r} v{instrument.version} has no items for scale {scale!r}"
        )
    total = Fraction(0)
    for item in items:
        if item.id not in answers:
            raise ScoringError(
                f"no answer for required item {item.id!r} (scale {scale!r})",
                item_id=item.id,
            )
        scale_def = response_scale(instrument, item)
        value = _check_answer(item, scale_def, answers[item.id])
        keyed = scale_def.min_value + scale_def.max_value - value if item.reverse else value
        total += Fraction(keyed - scale_def.min_value, scale_def.max_value - scale_def.min_value)
    return float(100 * total / len(items))


def response_scale(instrument: Instrument, item: Item) -> ResponseScale:
    """The response scale an item is answered on (via its section)."""
    section = next((s for s in instrument.sections if s.key == item.section), None)
    if section is None:
        raise ScoringError(f"item {item.id!r} names unknown section {item.section!r}", item_id=item.id)
    scale_def = instrument.response_scales.get(section.response_scale)
    if scale_def is None:
        raise ScoringError(
            f"section {section.key!r} names unknown response scale {section.response_scale!r}",
            item_id=item.id,
        )
    if scale_def.max_value <= scale_def.min_value:
        # A one-point scale cannot be mapped to 0-100 (division by zero).
        raise ScoringError(f"response scale {scale_def.key!r} needs at least two points", item_id=item.id)
    return scale_def


def _check_answer(item: Item, scale_def: ResponseScale, value: object) -> int:
    # bool is an int subclass; True must not pass as the answer 1.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ScoringError(f"answer for item {item.id!r} must be an integer, got {value!r}", item_id=item.id)
    if not scale_def.min_value <= value <= scale_def.max_value:
        raise ScoringError(
            f"answer {value} for item {item.id!r} is outside {scale_def.min_value}..{scale_def.max_value}",
            item_id=item.id,
        )
    return value


def _check_score(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ScoringError(f"{name} must be a number, got {value!r}")
    # NaN fails both comparisons, so it is rejected here too.
    if not 0.0 <= value <= 100.0:
        raise ScoringError(f"{name} must be within 0-100, got {value!r}")
