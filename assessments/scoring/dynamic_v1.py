"""Model v1: the couple's dynamic as checkups on instrument version 1 were read.

Frozen so that a v1 checkup keeps the verdict its couple was first shown
(``docs/scoring.md``, "Model v1"). Only names changed since it shipped. New
checkups use model v2 in ``dynamic.py``, which fixes what v1 got wrong (ties
resolved toward one pattern, no answering-style check, no closeness to the line).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from assessments.instrument import Instrument
from assessments.scoring.outcomes import (
    Pattern,
    Position,
    Side,
    Strength,
    Tendency,
    cycle_strength,
    other,
    swap_position,
    tendency,
)
from assessments.scoring.scales import Band, ScaleScores, band, score_response
from assessments.scoring.thresholds import (
    ACTIVE_LEVEL,
    COST_HIGH,
    LOOP_GAP,
    VIEW_GAP,
)


@dataclass(frozen=True, slots=True)
class PersonDynamicV1:
    """One partner's place in the dynamic.

    ``scores`` are this person's own answers (including their view of the
    partner); ``seen_pursuit``/``seen_distance`` are the partner's view of
    this person. ``pursuit``/``distance`` weigh the two informants equally.
    """

    position: Position
    scores: ScaleScores
    seen_pursuit: float
    seen_distance: float
    pursuit: float
    distance: float
    lean: float
    tendency: Tendency
    side: Side

    @property
    def pursuit_gap(self) -> float:
        """Own view - partner's view of this person's pursuit (-100..100)."""
        return self.scores.pursuit - self.seen_pursuit

    @property
    def distance_gap(self) -> float:
        """Own view - partner's view of this person's distance (-100..100)."""
        return self.scores.distance - self.seen_distance

    @property
    def large_pursuit_gap(self) -> bool:
        return abs(self.pursuit_gap) >= VIEW_GAP

    @property
    def large_distance_gap(self) -> bool:
        return abs(self.distance_gap) >= VIEW_GAP

    @property
    def views_agree(self) -> bool:
        """True when neither move shows a large self/partner gap."""
        return not (self.large_pursuit_gap or self.large_distance_gap)

    def swapped(self) -> PersonDynamicV1:
        return replace(self, position=other(self.position))


@dataclass(frozen=True, slots=True)
class CoupleDynamicV1:
    """The shared dynamic of partners ``a`` and ``b``.

    ``reading_by_a``/``reading_by_b``: who leans more toward pursuing
    according to that partner's answers alone (their self-view against
    their view of the partner), or None when that account shows no clear
    difference. ``cost`` is the higher of the two impact scores.
    """

    a: PersonDynamicV1
    b: PersonDynamicV1
    pattern: Pattern
    cycle_intensity: float
    cycle_strength: Strength
    reading_by_a: Position | None
    reading_by_b: Position | None
    cost: float

    def person(self, position: Position) -> PersonDynamicV1:
        return self.a if position == "a" else self.b

    @property
    def people(self) -> tuple[PersonDynamicV1, PersonDynamicV1]:
        return (self.a, self.b)

    @property
    def pursuing(self) -> Position | None:
        """The partner on the pursuing side of a pursue-distance loop, else None."""
        return self._side_of(Side.PURSUING)

    @property
    def distancing(self) -> Position | None:
        """The partner on the distancing side of a pursue-distance loop, else None."""
        return self._side_of(Side.DISTANCING)

    @property
    def roles_agree(self) -> bool:
        """Both partners' own accounts name the same one (or neither) as pursuing more."""
        return self.reading_by_a == self.reading_by_b

    @property
    def cost_band(self) -> Band:
        return band(self.cost)

    @property
    def cost_high(self) -> bool:
        return self.cost >= COST_HIGH

    @property
    def counselling_suggested(self) -> bool:
        """A high cycle or a high cost: the report then suggests counselling."""
        return self.cycle_strength is Strength.HIGH or self.cost_high

    def swapped(self) -> CoupleDynamicV1:
        """The same dynamic with the partners' positions exchanged."""
        return replace(
            self,
            a=self.b.swapped(),
            b=self.a.swapped(),
            reading_by_a=swap_position(self.reading_by_b),
            reading_by_b=swap_position(self.reading_by_a),
        )

    def _side_of(self, side: Side) -> Position | None:
        if self.pattern is not Pattern.PURSUE_DISTANCE:
            return None
        return "a" if self.a.side is side else "b"


def couple_dynamic_v1(
    instrument: Instrument, answers_a: Mapping[str, int], answers_b: Mapping[str, int]
) -> CoupleDynamicV1:
    """Score both partners' answers and combine them (see ``dynamic_v1_from_scores``).

    Raises ``ScoringError`` if either set of answers cannot be scored.
    """
    return dynamic_v1_from_scores(
        score_response(instrument, answers_a), score_response(instrument, answers_b)
    )


def dynamic_v1_from_scores(scores_a: ScaleScores, scores_b: ScaleScores) -> CoupleDynamicV1:
    """Combine two partners' scale scores into their dynamic.

    Contract: symmetric, so ``dynamic_v1_from_scores(b, a) ==
    dynamic_v1_from_scores(a, b).swapped()``; raising a person's pursuit never
    lowers their lean, tendency or side; every 0-100 output stays in 0-100.
    """
    a = _person("a", scores_a, scores_b)
    b = _person("b", scores_b, scores_a)
    pattern, side_a, side_b = _pattern(a, b)
    a, b = replace(a, side=side_a), replace(b, side=side_b)
    intensity = _cycle_intensity(pattern, a, b)
    return CoupleDynamicV1(
        a=a,
        b=b,
        pattern=pattern,
        cycle_intensity=intensity,
        cycle_strength=cycle_strength(intensity),
        reading_by_a=_reading("a", scores_a),
        reading_by_b=_reading("b", scores_b),
        cost=max(scores_a.impact, scores_b.impact),
    )


def _person(position: Position, own: ScaleScores, partners: ScaleScores) -> PersonDynamicV1:
    # Self-report and partner report are equally weighted: neither informant
    # sees the whole of a move (one feels it, the other receives it).
    pursuit = (own.pursuit + partners.partner_pursuit) / 2
    distance = (own.distance + partners.partner_distance) / 2
    lean = pursuit - distance
    return PersonDynamicV1(
        position=position,
        scores=own,
        seen_pursuit=partners.partner_pursuit,
        seen_distance=partners.partner_distance,
        pursuit=pursuit,
        distance=distance,
        lean=lean,
        tendency=tendency(lean),
        side=Side.NEITHER,
    )


def _pattern(a: PersonDynamicV1, b: PersonDynamicV1) -> tuple[Pattern, Side, Side]:
    # Order matters and is chosen so that a person's side can only move
    # toward pursuing as their pursuit rises (see docs/scoring.md).
    same_way = a.tendency == b.tendency != Tendency.BALANCED
    if not same_way and abs(a.lean - b.lean) >= LOOP_GAP:
        if a.lean > b.lean:
            return Pattern.PURSUE_DISTANCE, Side.PURSUING, Side.DISTANCING
        return Pattern.PURSUE_DISTANCE, Side.DISTANCING, Side.PURSUING
    tendencies = {a.tendency, b.tendency}
    lean_sum = a.lean + b.lean
    both_press = a.pursuit >= ACTIVE_LEVEL and b.pursuit >= ACTIVE_LEVEL
    both_withdraw = a.distance >= ACTIVE_LEVEL and b.distance >= ACTIVE_LEVEL
    if tendencies == {Tendency.PURSUING} or (
        both_press and lean_sum >= 0 and Tendency.DISTANCING not in tendencies
    ):
        return Pattern.BOTH_PURSUING, Side.PURSUING, Side.PURSUING
    if tendencies == {Tendency.DISTANCING} or (
        both_withdraw and lean_sum < 0 and Tendency.PURSUING not in tendencies
    ):
        return Pattern.BOTH_DISTANCING, Side.DISTANCING, Side.DISTANCING
    return Pattern.FLEXIBLE, Side.NEITHER, Side.NEITHER


def _cycle_intensity(pattern: Pattern, a: PersonDynamicV1, b: PersonDynamicV1) -> float:
    # The loop runs on the moves that feed it: one partner's pursuit and the
    # other's distance, or the shared move in the mutual patterns.
    if pattern is Pattern.PURSUE_DISTANCE:
        pursuing, distancing = (a, b) if a.side is Side.PURSUING else (b, a)
        return (pursuing.pursuit + distancing.distance) / 2
    if pattern is Pattern.BOTH_PURSUING:
        return (a.pursuit + b.pursuit) / 2
    if pattern is Pattern.BOTH_DISTANCING:
        return (a.distance + b.distance) / 2
    # Flexible: no fixed direction, so report the stronger of the two loops
    # that could form, rather than hide tension behind the label.
    return max((a.pursuit + b.distance) / 2, (b.pursuit + a.distance) / 2)


def _reading(position: Position, own: ScaleScores) -> Position | None:
    # One partner's account of the couple: their own lean against the lean
    # they see in the partner (self-report only, no combining).
    difference = own.lean - own.partner_lean
    if difference >= LOOP_GAP:
        return position
    if difference <= -LOOP_GAP:
        return other(position)
    return None
