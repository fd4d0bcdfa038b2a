"""Model v2: the couple's dynamic, and how sure the answers let us be.

Works in whole points: every score is rounded (half up) before any rule reads
it, so the numbers the report prints are exactly the numbers the rules used.
Adds to model v1 an outcome for "no clear direction yet", closeness to the
line, the answering-style check and an agreement figure. Rules and reasons:
``docs/scoring.md``. Checkups on instrument v1 keep model v1 (``dynamic_v1``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from assessments.instrument import Instrument
from assessments.scoring.dynamic_v1 import CoupleDynamicV1, couple_dynamic_v1
from assessments.scoring.outcomes import (
    Pattern,
    Position,
    Side,
    Strength,
    Tendency,
    cycle_strength,
    tendency,
)
from assessments.scoring.scales import Band, ScaleScores, band, score_response, whole
from assessments.scoring.style import VARIED, AnswerStyle, answer_style
from assessments.scoring.thresholds import (
    ACCOUNT_MARGIN,
    ACTIVE_LEVEL,
    AGREEMENT_APART,
    AGREEMENT_CLOSE,
    COST_HIGH,
    CYCLE_HIGH,
    LOOP_GAP,
    VIEW_GAP,
)

#: The scales whose scores decide the pattern and the roles.
MOVE_SCALES: tuple[str, ...] = ("pursuit", "distance", "partner_pursuit", "partner_distance")

#: Points that one answer, one step up or down, moves each move scale's score.
AnswerSteps = Mapping[str, float]


def agreement_band(agreement: int) -> Band:
    """The band for an agreement figure: close (HIGH), some difference (MODERATE), far apart (LOW)."""
    if agreement >= AGREEMENT_CLOSE:
        return Band.HIGH
    return Band.MODERATE if agreement >= AGREEMENT_APART else Band.LOW


@dataclass(frozen=True, slots=True)
class PersonDynamic:
    """One partner's place in the dynamic, in whole points.

    ``scores`` are this person's own answers (including their view of the
    partner); ``seen_pursuit``/``seen_distance`` are the partner's view of
    this person; ``pursuit``/``distance`` weigh the two equally.
    """

    position: Position
    scores: ScaleScores
    seen_pursuit: int
    seen_distance: int
    pursuit: int
    distance: int
    lean: int
    tendency: Tendency
    side: Side
    style: AnswerStyle = VARIED

    @property
    def self_lean(self) -> int:
        """This person's lean by their own answers."""
        return int(self.scores.pursuit - self.scores.distance)

    @property
    def seen_lean(self) -> int:
        """This person's lean as the partner sees it."""
        return self.seen_pursuit - self.seen_distance

    @property
    def sees_partner_lean(self) -> int:
        """The lean this person sees in the partner."""
        return int(self.scores.partner_pursuit - self.scores.partner_distance)

    @property
    def account(self) -> int:
        """By this person's answers alone, how much more they pursue than the partner."""
        return self.self_lean - self.sees_partner_lean

    @property
    def pursuit_gap(self) -> int:
        """Own view - partner's view of this person's pursuit (-100..100)."""
        return int(self.scores.pursuit) - self.seen_pursuit

    @property
    def distance_gap(self) -> int:
        """Own view - partner's view of this person's distance (-100..100)."""
        return int(self.scores.distance) - self.seen_distance

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

    @property
    def agreement(self) -> int:
        """How closely self-view and partner's view match, 0-100: 100 minus the larger of the two gaps.

        The larger gap, not the mean, so that "close" is never printed beside a
        move whose two views are a full answer step apart.
        """
        return 100 - max(abs(self.pursuit_gap), abs(self.distance_gap))

    @property
    def agreement_band(self) -> Band:
        """LOW (far apart), MODERATE (some difference) or HIGH (close)."""
        return agreement_band(self.agreement)

    def swapped(self) -> PersonDynamic:
        return replace(self, position="b" if self.position == "a" else "a")


@dataclass(frozen=True, slots=True)
class CoupleDynamic:
    """The shared dynamic of partners ``a`` and ``b`` (model v2).

    ``nearby`` lists the other patterns that one answer, one step up or down,
    could give; ``close_to_line`` is also true if one answer could change a
    role within the same pattern. ``cost`` is the higher impact score.
    """

    a: PersonDynamic
    b: PersonDynamic
    pattern: Pattern
    cycle_intensity: int
    cycle_strength: Strength
    cost: int
    close_to_line: bool = False
    nearby: tuple[Pattern, ...] = ()

    def person(self, position: Position) -> PersonDynamic:
        return self.a if position == "a" else self.b

    @property
    def people(self) -> tuple[PersonDynamic, PersonDynamic]:
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
    def reading_by_a(self) -> Position | None:
        """Who pursues more by a's answers alone, or None when they show no clear difference."""
        return _reading(self.a)

    @property
    def reading_by_b(self) -> Position | None:
        return _reading(self.b)

    @property
    def roles_agree(self) -> bool:
        """Both accounts name the same partner (or neither) as pursuing more."""
        return self.reading_by_a == self.reading_by_b

    @property
    def accounts_contradict(self) -> bool:
        """Each account names a different partner as the one who pursues more."""
        return _contradict(self.a, self.b)

    @property
    def reliable(self) -> bool:
        """False when either partner's answers look patterned."""
        return not (self.a.style.patterned or self.b.style.patterned)

    @property
    def cost_band(self) -> Band:
        return band(self.cost)

    @property
    def cost_high(self) -> bool:
        return self.cost >= COST_HIGH

    @property
    def counselling_suggested(self) -> bool:
        """The stronger counselling suggestion: a high cost, or a high cycle from reliable answers."""
        return self.cost_high or (self.cycle_strength is Strength.HIGH and self.reliable)

    def swapped(self) -> CoupleDynamic:
        """The same dynamic with the partners' positions exchanged."""
        return replace(self, a=self.b.swapped(), b=self.a.swapped())

    def _side_of(self, side: Side) -> Position | None:
        if self.pattern is not Pattern.PURSUE_DISTANCE:
            return None
        return "a" if self.a.side is side else "b"


AnyDynamic = CoupleDynamic | CoupleDynamicV1


def model_version(instrument: Instrument) -> int:
    """Model v1 for checkups on the first published instrument, v2 for everything else."""
    return 1 if (instrument.key, instrument.version) == ("pursue-withdraw", 1) else 2


def answer_steps(instrument: Instrument) -> dict[str, float]:
    """Points one answer step moves each move scale's score (100 / (steps x items))."""
    steps = {}
    for scale in MOVE_SCALES:
        items = instrument.items_for_scale(scale)
        response = instrument.response_scale_for(items[0])
        steps[scale] = 100 / ((response.max_value - response.min_value) * len(items))
    return steps


def couple_dynamic(
    instrument: Instrument, answers_a: Mapping[str, int], answers_b: Mapping[str, int]
) -> AnyDynamic:
    """Score both partners' answers with the model their instrument version uses.

    Raises ``ScoringError`` if either set of answers cannot be scored.
    """
    if model_version(instrument) == 1:
        return couple_dynamic_v1(instrument, answers_a, answers_b)
    return dynamic_from_scores(
        score_response(instrument, answers_a),
        score_response(instrument, answers_b),
        steps=answer_steps(instrument),
        style_a=answer_style(instrument, answers_a),
        style_b=answer_style(instrument, answers_b),
    )


def dynamic_from_scores(
    scores_a: ScaleScores,
    scores_b: ScaleScores,
    *,
    steps: AnswerSteps,
    style_a: AnswerStyle = VARIED,
    style_b: AnswerStyle = VARIED,
) -> CoupleDynamic:
    """Combine two partners' exact scale scores into their dynamic (model v2).

    Contract: ``dynamic_from_scores(b, a) == dynamic_from_scores(a, b).swapped()``
    (with the styles swapped too); raising a person's pursuit never lowers their
    lean, tendency or side; every 0-100 output stays in 0-100.
    """
    a, b, pattern = _decide(scores_a, scores_b)
    a, b = replace(a, style=style_a), replace(b, style=style_b)
    intensity = _cycle_intensity(pattern, a, b)
    nearby, close = _nearby(scores_a, scores_b, steps, (pattern, a.side, b.side))
    return CoupleDynamic(
        a=a,
        b=b,
        pattern=pattern,
        cycle_intensity=intensity,
        cycle_strength=cycle_strength(intensity),
        cost=int(max(a.scores.impact, b.scores.impact)),
        close_to_line=close,
        nearby=nearby,
    )


def _person(position: Position, own: ScaleScores, partners: ScaleScores) -> PersonDynamic:
    # Both informants weigh the same: one feels the move, the other receives it.
    seen_pursuit, seen_distance = int(partners.partner_pursuit), int(partners.partner_distance)
    pursuit = whole((own.pursuit + seen_pursuit) / 2)
    distance = whole((own.distance + seen_distance) / 2)
    return PersonDynamic(
        position=position,
        scores=own,
        seen_pursuit=seen_pursuit,
        seen_distance=seen_distance,
        pursuit=pursuit,
        distance=distance,
        lean=pursuit - distance,
        tendency=tendency(pursuit - distance),
        side=Side.NEITHER,
    )


def _decide(scores_a: ScaleScores, scores_b: ScaleScores) -> tuple[PersonDynamic, PersonDynamic, Pattern]:
    rounded_a, rounded_b = scores_a.rounded(), scores_b.rounded()
    a, b = _person("a", rounded_a, rounded_b), _person("b", rounded_b, rounded_a)
    pattern, side_a, side_b = _pattern(a, b)
    return replace(a, side=side_a), replace(b, side=side_b), pattern


_SIDES = {
    Pattern.BOTH_PURSUING: (Side.PURSUING, Side.PURSUING),
    Pattern.BOTH_DISTANCING: (Side.DISTANCING, Side.DISTANCING),
    Pattern.FLEXIBLE: (Side.NEITHER, Side.NEITHER),
    Pattern.NO_CLEAR_DIRECTION: (Side.NEITHER, Side.NEITHER),
}


def _pattern(a: PersonDynamic, b: PersonDynamic) -> tuple[Pattern, Side, Side]:
    # The order is part of the rule (docs/scoring.md, section 3): it keeps a
    # person's side from falling as their pursuit rises, and no step prefers
    # pursuing over distancing (every test is mirrored).
    tendencies = {a.tendency, b.tendency}
    pattern = _by_level(a, b, tendencies)
    if tendencies == {Tendency.PURSUING}:
        pattern = Pattern.BOTH_PURSUING
    elif tendencies == {Tendency.DISTANCING}:
        pattern = Pattern.BOTH_DISTANCING
    elif abs(a.lean - b.lean) >= LOOP_GAP and not _contradict(a, b):
        if a.lean > b.lean:
            return Pattern.PURSUE_DISTANCE, Side.PURSUING, Side.DISTANCING
        return Pattern.PURSUE_DISTANCE, Side.DISTANCING, Side.PURSUING
    elif pattern is None and _contradict(a, b):
        pattern = Pattern.NO_CLEAR_DIRECTION
    elif pattern is None:
        strong = _strongest_loop(a, b) >= CYCLE_HIGH
        pattern = Pattern.NO_CLEAR_DIRECTION if strong else Pattern.FLEXIBLE
    return (pattern, *_SIDES[pattern])


def _by_level(a: PersonDynamic, b: PersonDynamic, tendencies: set[Tendency]) -> Pattern | None:
    # Both moves counted at "Sometimes" or more for both partners, with no
    # lean against it. Both at once means the leans cancel: no direction.
    both_pursue = min(a.pursuit, b.pursuit) >= ACTIVE_LEVEL and Tendency.DISTANCING not in tendencies
    both_distance = min(a.distance, b.distance) >= ACTIVE_LEVEL and Tendency.PURSUING not in tendencies
    if both_pursue and both_distance:
        return Pattern.NO_CLEAR_DIRECTION
    if both_pursue:
        return Pattern.BOTH_PURSUING
    if both_distance:
        return Pattern.BOTH_DISTANCING
    return None


def _contradict(a: PersonDynamic, b: PersonDynamic) -> bool:
    return (a.account >= ACCOUNT_MARGIN and b.account >= ACCOUNT_MARGIN) or (
        a.account <= -ACCOUNT_MARGIN and b.account <= -ACCOUNT_MARGIN
    )


def _reading(person: PersonDynamic) -> Position | None:
    if person.account >= ACCOUNT_MARGIN:
        return person.position
    if person.account <= -ACCOUNT_MARGIN:
        return "b" if person.position == "a" else "a"
    return None


def _strongest_loop(a: PersonDynamic, b: PersonDynamic) -> int:
    return whole(
        max(a.pursuit + b.distance, b.pursuit + a.distance, a.pursuit + b.pursuit, a.distance + b.distance)
        / 2
    )


def _cycle_intensity(pattern: Pattern, a: PersonDynamic, b: PersonDynamic) -> int:
    # The loop runs on the moves that feed it. Without a direction, report the
    # strongest loop that could form, so tension is never hidden by a label.
    if pattern is Pattern.PURSUE_DISTANCE:
        pursuing, distancing = (a, b) if a.side is Side.PURSUING else (b, a)
        return whole((pursuing.pursuit + distancing.distance) / 2)
    if pattern is Pattern.BOTH_PURSUING:
        return whole((a.pursuit + b.pursuit) / 2)
    if pattern is Pattern.BOTH_DISTANCING:
        return whole((a.distance + b.distance) / 2)
    return _strongest_loop(a, b)


def _nearby(
    scores_a: ScaleScores, scores_b: ScaleScores, steps: AnswerSteps, now: tuple[Pattern, Side, Side]
) -> tuple[tuple[Pattern, ...], bool]:
    # One answer one step up or down moves exactly one scale score by its
    # step (if the score is not already at that end): try every such move.
    found: set[Pattern] = set()
    close = False
    for who in ("a", "b"):
        own = scores_a if who == "a" else scores_b
        for scale in MOVE_SCALES:
            value = getattr(own, scale)
            for moved in (value + steps[scale], value - steps[scale]):
                if moved == value or not (value < 100 if moved > value else value > 0):
                    continue
                changed = replace(own, **{scale: min(100.0, max(0.0, moved))})
                a, b, pattern = _decide(*((changed, scores_b) if who == "a" else (scores_a, changed)))
                if (pattern, a.side, b.side) != now:
                    close = True
                    if pattern is not now[0]:
                        found.add(pattern)
    return tuple(p for p in Pattern if p in found), close
