"""The names a couple's dynamic is described with, shared by every model version.

Partners are positions, ``"a"`` and ``"b"``, never genders or types. A person
*leans* toward pursuing or distancing (a place on two sliding scales); the
couple has a *pattern*. Pure Python; the rules are in ``docs/scoring.md``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from assessments.scoring.thresholds import CYCLE_HIGH, CYCLE_MODERATE, LEAN_THRESHOLD

Position = Literal["a", "b"]


def other(position: Position) -> Position:
    """The partner's position."""
    return "b" if position == "a" else "a"


def swap_position(position: Position | None) -> Position | None:
    return None if position is None else other(position)


class Pattern(StrEnum):
    """The couple's pattern. Model v1 never gives ``NO_CLEAR_DIRECTION``."""

    PURSUE_DISTANCE = "pursue_distance"
    BOTH_PURSUING = "both_pursuing"
    BOTH_DISTANCING = "both_distancing"
    FLEXIBLE = "flexible"
    NO_CLEAR_DIRECTION = "no_clear_direction"


class Strength(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class Tendency(StrEnum):
    """Which way one person leans when tense, from their own combined lean."""

    PURSUING = "pursuing"
    BALANCED = "balanced"
    DISTANCING = "distancing"

    @property
    def rank(self) -> int:
        """+1 toward pursuing, -1 toward distancing: an order, not a type."""
        return _RANK[self.value]


class Side(StrEnum):
    """The move a person makes within the couple's pattern (relative to the partner)."""

    PURSUING = "pursuing"
    NEITHER = "neither"
    DISTANCING = "distancing"

    @property
    def rank(self) -> int:
        return _RANK[self.value]


_RANK = {"pursuing": 1, "balanced": 0, "neither": 0, "distancing": -1}


def tendency(lean: float) -> Tendency:
    """Which way a lean points; within ±LEAN_THRESHOLD counts as balanced."""
    if lean >= LEAN_THRESHOLD:
        return Tendency.PURSUING
    if lean <= -LEAN_THRESHOLD:
        return Tendency.DISTANCING
    return Tendency.BALANCED


def cycle_strength(intensity: float) -> Strength:
    """Band a 0-100 cycle intensity into low / moderate / high."""
    if intensity >= CYCLE_HIGH:
        return Strength.HIGH
    if intensity >= CYCLE_MODERATE:
        return Strength.MODERATE
    return Strength.LOW
