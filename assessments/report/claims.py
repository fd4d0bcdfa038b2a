"""Claims: every descriptive or comparative sentence of a v2 report, with the condition that makes it true.

A sentence about the two people is printed only through ``Writer.say``, which
looks its key up here and checks the condition against the numbers the report
prints (model v2 works in whole points, so those are the model's own numbers).
A false condition raises ``ClaimError``: a wrong sentence must never be shown to a
couple. The property tests build thousands of reports and re-check every claim.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assessments.scoring import (
    Band,
    CoupleDynamic,
    Pattern,
    Position,
    Strength,
    agreement_band,
    cycle_strength,
    other,
    whole,
)
from assessments.scoring.thresholds import (
    ACCOUNT_MARGIN,
    ACTIVE_LEVEL,
    BAND_HIGH,
    BAND_MODERATE,
    CYCLE_HIGH,
    LEAN_THRESHOLD,
    LOOP_GAP,
    VIEW_GAP,
)


class ClaimError(AssertionError):
    """A sentence was about to be printed whose condition is false of the numbers."""


@dataclass(frozen=True, slots=True)
class Claim:
    """One printed sentence, the key of what it asserts, and whom it is about."""

    key: str
    about: tuple[Position, ...]
    text: str


class Facts:
    """The numbers a v2 report prints, by partner: whole points, read from the dynamic."""

    def __init__(self, dynamic: CoupleDynamic) -> None:
        self.dynamic = dynamic

    def toward(self, x: Position) -> int:
        return self.dynamic.person(x).pursuit

    def away(self, x: Position) -> int:
        return self.dynamic.person(x).distance

    def lean(self, x: Position) -> int:
        return self.dynamic.person(x).lean

    def self_toward(self, x: Position) -> int:
        return int(self.dynamic.person(x).scores.pursuit)

    def self_away(self, x: Position) -> int:
        return int(self.dynamic.person(x).scores.distance)

    def seen_toward(self, x: Position) -> int:
        """x's moving toward as the partner sees it."""
        return self.dynamic.person(x).seen_pursuit

    def seen_away(self, x: Position) -> int:
        return self.dynamic.person(x).seen_distance

    def account(self, x: Position) -> int:
        """By x's answers alone: x's own lean minus the lean x sees in the partner."""
        y = other(x)
        return (self.self_toward(x) - self.self_away(x)) - (self.seen_toward(y) - self.seen_away(y))

    def agreement(self, x: Position) -> int:
        return self.dynamic.person(x).agreement

    def closeness(self, x: Position) -> int:
        return int(self.dynamic.person(x).scores.anxiety)

    def space(self, x: Position) -> int:
        return int(self.dynamic.person(x).scores.avoidance)

    def cost(self, x: Position) -> int:
        return int(self.dynamic.person(x).scores.impact)

    def helps(self, x: Position) -> int:
        return int(self.dynamic.person(x).scores.repair)

    @property
    def cycle(self) -> int:
        return self.dynamic.cycle_intensity

    def reading(self, x: Position) -> Position | None:
        """Whom x's account names as pursuing more, or None."""
        if self.account(x) >= ACCOUNT_MARGIN:
            return x
        return other(x) if self.account(x) <= -ACCOUNT_MARGIN else None


Condition = Callable[[Facts, tuple[Position, ...]], bool]


def _adds_up(f: Facts, x: Position) -> bool:
    return f.lean(x) == f.toward(x) - f.away(x)


def _strongest(f: Facts) -> int:
    a: Position = "a"
    b: Position = "b"
    return max(
        f.toward(a) + f.away(b), f.toward(b) + f.away(a), f.toward(a) + f.toward(b), f.away(a) + f.away(b)
    )


def _agreement_adds_up(f: Facts, x: Position) -> bool:
    gap = max(abs(f.self_toward(x) - f.seen_toward(x)), abs(f.self_away(x) - f.seen_away(x)))
    # "close" only when no move's two views are a full step apart (no gap sentence follows).
    close = agreement_band(f.agreement(x)) is Band.HIGH
    return f.agreement(x) == 100 - gap and close == (gap < VIEW_GAP)


def _both(test: Callable[[Position], bool]) -> bool:
    return test("a") and test("b")


CONDITIONS: dict[str, Condition] = {
    # Answering style and confidence
    "style.patterned": lambda f, x: f.dynamic.person(x[0]).style.patterned,
    "line.close": lambda f, x: f.dynamic.close_to_line,
    "line.clear": lambda f, x: not f.dynamic.close_to_line,
    # Each person's lean
    "lean.pursuing": lambda f, x: _adds_up(f, x[0]) and f.lean(x[0]) >= LEAN_THRESHOLD,
    "lean.distancing": lambda f, x: _adds_up(f, x[0]) and f.lean(x[0]) <= -LEAN_THRESHOLD,
    "lean.balanced": lambda f, x: _adds_up(f, x[0]) and abs(f.lean(x[0])) < LEAN_THRESHOLD,
    # The couple's pattern
    "headline.loop": lambda f, x: f.lean(x[0]) - f.lean(x[1]) >= LOOP_GAP,
    "loop.gap": lambda f, x: f.lean(x[0]) - f.lean(x[1]) >= LOOP_GAP,
    "loop.only_relative": lambda f, x: (
        abs(f.lean(x[0])) < LEAN_THRESHOLD and f.lean(x[0]) - f.lean(x[1]) >= LOOP_GAP
    ),
    "loop.only_relative_away": lambda f, x: (
        abs(f.lean(x[1])) < LEAN_THRESHOLD and f.lean(x[0]) - f.lean(x[1]) >= LOOP_GAP
    ),
    "both.away_often": lambda f, x: _both(lambda p: f.away(p) >= ACTIVE_LEVEL),
    "both.toward_often": lambda f, x: _both(lambda p: f.toward(p) >= ACTIVE_LEVEL),
    "both.lean_pursuing": lambda f, x: _both(lambda p: f.lean(p) >= LEAN_THRESHOLD),
    "both.lean_distancing": lambda f, x: _both(lambda p: f.lean(p) <= -LEAN_THRESHOLD),
    "both.pursuing_by_level": lambda f, x: (
        _both(lambda p: f.toward(p) >= ACTIVE_LEVEL) and _both(lambda p: f.lean(p) > -LEAN_THRESHOLD)
    ),
    "both.distancing_by_level": lambda f, x: (
        _both(lambda p: f.away(p) >= ACTIVE_LEVEL) and _both(lambda p: f.lean(p) < LEAN_THRESHOLD)
    ),
    "leans.close": lambda f, x: abs(f.lean("a") - f.lean("b")) < LOOP_GAP,
    "headline.flexible": lambda f, x: (
        f.dynamic.pattern is Pattern.FLEXIBLE and abs(f.lean("a") - f.lean("b")) < LOOP_GAP
    ),
    "headline.unclear": lambda f, x: f.dynamic.pattern is Pattern.NO_CLEAR_DIRECTION,
    "unclear.both_moves": lambda f, x: _both(
        lambda p: min(f.toward(p), f.away(p)) >= ACTIVE_LEVEL and abs(f.lean(p)) < LEAN_THRESHOLD
    ),
    "unclear.contradict": lambda f, x: (
        f.reading("a") is not None and f.reading("b") is not None and f.reading("a") != f.reading("b")
    ),
    "unclear.strong": lambda f, x: (
        abs(f.lean("a") - f.lean("b")) < LOOP_GAP and f.cycle == whole(_strongest(f) / 2) >= CYCLE_HIGH
    ),
    "cycle.level": lambda f, x: cycle_strength(f.cycle) is f.dynamic.cycle_strength,
    "cycle.low": lambda f, x: f.dynamic.cycle_strength is Strength.LOW,
    "cycle.not_low": lambda f, x: f.dynamic.cycle_strength is not Strength.LOW,
    # How each sees the other
    "account.own": lambda f, x: True,  # prints x's own lean and the lean x sees: both figures
    "agreement.figure": lambda f, x: _agreement_adds_up(f, x[0]),
    "gap.toward_self_more": lambda f, x: f.self_toward(x[0]) - f.seen_toward(x[0]) >= VIEW_GAP,
    "gap.toward_seen_more": lambda f, x: f.seen_toward(x[0]) - f.self_toward(x[0]) >= VIEW_GAP,
    "gap.away_self_more": lambda f, x: f.self_away(x[0]) - f.seen_away(x[0]) >= VIEW_GAP,
    "gap.away_seen_more": lambda f, x: f.seen_away(x[0]) - f.self_away(x[0]) >= VIEW_GAP,
    "roles.none": lambda f, x: f.reading("a") is None and f.reading("b") is None,
    "roles.agree": lambda f, x: f.reading("a") == f.reading("b") == x[0],
    "roles.differ": lambda f, x: f.reading("a") != f.reading("b"),
    # What each protects
    "protects.closeness": lambda f, x: (
        f.closeness(x[0]) > f.space(x[0]) and f.closeness(x[0]) >= ACTIVE_LEVEL
    ),
    "protects.space": lambda f, x: f.space(x[0]) > f.closeness(x[0]) and f.space(x[0]) >= ACTIVE_LEVEL,
    "protects.both": lambda f, x: f.space(x[0]) == f.closeness(x[0]) >= ACTIVE_LEVEL,
    "protects.neither": lambda f, x: max(f.space(x[0]), f.closeness(x[0])) < ACTIVE_LEVEL,
    # Cost, strengths, counselling
    "cost.figures": lambda f, x: True,  # prints both costs with their bands (bands from the same numbers)
    "cost.high": lambda f, x: max(f.cost("a"), f.cost("b")) >= BAND_HIGH,
    "cost.moderate": lambda f, x: BAND_MODERATE <= max(f.cost("a"), f.cost("b")) < BAND_HIGH,
    "cost.low": lambda f, x: max(f.cost("a"), f.cost("b")) < BAND_MODERATE,
    "helps.figures": lambda f, x: True,
    "counsel.cycle_and_cost": lambda f, x: (
        f.dynamic.cycle_strength is Strength.HIGH
        and f.dynamic.reliable
        and max(f.cost("a"), f.cost("b")) >= BAND_HIGH
    ),
    "counsel.cycle": lambda f, x: f.dynamic.cycle_strength is Strength.HIGH and f.dynamic.reliable,
    "counsel.cost": lambda f, x: max(f.cost("a"), f.cost("b")) >= BAND_HIGH,
}


def check(facts: Facts, key: str, about: tuple[Position, ...]) -> None:
    """Raise ``ClaimError`` unless the claim ``key`` about ``about`` is true of the facts."""
    if key not in CONDITIONS:
        raise ClaimError(f"no condition for claim {key!r}")
    if not CONDITIONS[key](facts, about):
        raise ClaimError(f"claim {key!r} about {about} is false of the numbers")


__all__ = ["CONDITIONS", "Claim", "ClaimError", "Facts", "check"]
