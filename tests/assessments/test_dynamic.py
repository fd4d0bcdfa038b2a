"""Model v2 on the shipped instrument v2: worked examples for every outcome, and its properties."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments.instrument import Item, get_instrument
from assessments.scoring import (
    MOVE_SCALES,
    SHARED_SCALES,
    VARIED,
    Band,
    CoupleDynamic,
    CoupleDynamicV1,
    Pattern,
    ScaleScores,
    Side,
    Strength,
    Tendency,
    answer_steps,
    answer_style,
    couple_dynamic,
    dynamic_from_scores,
    model_version,
)

V1 = get_instrument("pursue-withdraw", 1)
V2 = get_instrument("pursue-withdraw", 2)
STEPS = answer_steps(V2)
SHARED = V2.shared_items
SCALE_NAMES = tuple(field.name for field in fields(ScaleScores))


def keyed(**values: int) -> dict[str, int]:
    """Answers where each scale's items carry the given *keyed* value (default 3, "Sometimes")."""
    return {item.id: raw(item, values.get(item.scale, 3)) for item in SHARED}


def raw(item: Item, value: int) -> int:
    return 6 - value if item.reverse else value


def straight(value: int) -> dict[str, int]:
    """The same raw answer to every shared item, whatever its direction."""
    return {item.id: value for item in SHARED}


def dynamic(answers_a: dict[str, int], answers_b: dict[str, int]) -> CoupleDynamic:
    result = couple_dynamic(V2, answers_a, answers_b)
    assert isinstance(result, CoupleDynamic)
    return result


LEANS_PURSUING = keyed(pursuit=5, distance=1, partner_pursuit=1, partner_distance=5, anxiety=5, avoidance=1)
LEANS_DISTANCING = keyed(pursuit=1, distance=5, partner_pursuit=5, partner_distance=1, anxiety=1, avoidance=5)
PRESSING = keyed(pursuit=5, distance=2, partner_pursuit=5, partner_distance=2)
WITHDRAWING = keyed(pursuit=2, distance=5, partner_pursuit=2, partner_distance=5)
CALM = keyed(pursuit=2, distance=2, partner_pursuit=2, partner_distance=2, impact=1)
# Each says "I move away and you move toward" (or the reverse): two accounts that contradict.
I_MOVE_AWAY_YOU_MOVE_TOWARD = keyed(pursuit=1, distance=5, partner_pursuit=5, partner_distance=1)
I_MOVE_TOWARD_YOU_MOVE_AWAY = keyed(pursuit=5, distance=1, partner_pursuit=1, partner_distance=5)


# --- worked examples: every outcome ------------------------------------------------


@pytest.mark.parametrize(
    ("answers_a", "answers_b", "pattern", "sides"),
    [
        (LEANS_PURSUING, LEANS_DISTANCING, Pattern.PURSUE_DISTANCE, (Side.PURSUING, Side.DISTANCING)),
        (LEANS_DISTANCING, LEANS_PURSUING, Pattern.PURSUE_DISTANCE, (Side.DISTANCING, Side.PURSUING)),
        (PRESSING, PRESSING, Pattern.BOTH_PURSUING, (Side.PURSUING, Side.PURSUING)),
        (WITHDRAWING, WITHDRAWING, Pattern.BOTH_DISTANCING, (Side.DISTANCING, Side.DISTANCING)),
        (CALM, CALM, Pattern.FLEXIBLE, (Side.NEITHER, Side.NEITHER)),
        (keyed(), keyed(), Pattern.NO_CLEAR_DIRECTION, (Side.NEITHER, Side.NEITHER)),
        (
            I_MOVE_AWAY_YOU_MOVE_TOWARD,
            I_MOVE_AWAY_YOU_MOVE_TOWARD,
            Pattern.NO_CLEAR_DIRECTION,
            (Side.NEITHER, Side.NEITHER),
        ),
        (
            I_MOVE_TOWARD_YOU_MOVE_AWAY,
            I_MOVE_TOWARD_YOU_MOVE_AWAY,
            Pattern.NO_CLEAR_DIRECTION,
            (Side.NEITHER, Side.NEITHER),
        ),
    ],
    ids=[
        "loop",
        "loop-swapped",
        "both-pursuing",
        "both-distancing",
        "flexible",
        "tie-everything-sometimes",
        "each-says-i-move-away",
        "each-says-i-move-toward",
    ],
)
def test_each_outcome_from_worked_answers(answers_a, answers_b, pattern, sides):
    result = dynamic(answers_a, answers_b)
    assert result.pattern is pattern
    assert (result.a.side, result.b.side) == sides


def test_a_clear_loop_has_its_numbers_a_high_cycle_and_no_doubt():
    result = dynamic(LEANS_PURSUING, LEANS_DISTANCING)
    assert (result.a.pursuit, result.a.distance, result.a.lean) == (100, 0, 100)
    assert (result.pursuing, result.distancing) == ("a", "b")
    assert result.cycle_intensity == 100 and result.cycle_strength is Strength.HIGH
    assert result.roles_agree and result.reading_by_a == "a"
    assert result.reliable and not result.close_to_line and result.nearby == ()
    assert result.a.agreement == result.b.agreement == 100
    assert result.counselling_suggested


def test_a_tie_favours_no_pattern():
    # Every item at "Sometimes": v1 called this "both pursuing"; v2 cannot tell.
    result = dynamic(keyed(), keyed())
    assert (result.a.lean, result.b.lean) == (0, 0)
    assert result.pattern is Pattern.NO_CLEAR_DIRECTION
    # The tie sits on the line between both ways of moving together.
    assert set(result.nearby) == {Pattern.BOTH_PURSUING, Pattern.BOTH_DISTANCING}


def test_contradicting_accounts_are_named_and_give_no_direction():
    result = dynamic(I_MOVE_AWAY_YOU_MOVE_TOWARD, I_MOVE_AWAY_YOU_MOVE_TOWARD)
    assert (result.reading_by_a, result.reading_by_b) == ("b", "a")
    assert result.accounts_contradict and not result.roles_agree
    assert result.a.agreement == result.b.agreement == 0


@pytest.mark.parametrize(
    ("own", "seen", "agreement", "band"),
    [
        ((60, 40), (60, 40), 100, Band.HIGH),
        ((60, 40), (84, 40), 76, Band.HIGH),
        ((60, 40), (85, 40), 75, Band.MODERATE),  # one move a full step apart: no longer "close"
        ((60, 40), (90, 70), 70, Band.MODERATE),
        ((60, 40), (10, 40), 50, Band.LOW),
    ],
)
def test_agreement_is_100_minus_the_larger_gap_and_close_only_within_one_step(own, seen, agreement, band):
    def person(toward: int, away: int, sees_toward: int, sees_away: int) -> ScaleScores:
        return ScaleScores(toward, away, sees_toward, sees_away, 50, 50, 50, 50)

    result = dynamic_from_scores(person(*own, 50, 50), person(50, 50, *seen), steps=STEPS)
    assert result.a.agreement == agreement and result.a.agreement_band is band
    assert (band is Band.HIGH) == result.a.views_agree


@pytest.mark.parametrize(("value", "extreme"), [(5, "highest"), (1, "lowest")])
def test_straight_answers_at_either_end_are_marked_patterned(value, extreme):
    result = dynamic(straight(value), straight(value))
    assert not result.reliable
    for person in result.people:
        assert person.style.patterned and person.style.extreme == extreme
        assert person.style.reverse_at_extreme == person.style.reverse_items == 6


def test_patterned_answers_keep_a_high_cycle_alone_from_suggesting_counselling():
    # The top of the scale on every move and closeness item, a middling cost.
    answers = straight(5) | {item.id: 3 for item in V2.items_for_scale("impact")}
    result = dynamic(answers, answers)
    assert result.cycle_strength is Strength.HIGH and not result.cost_high
    assert not result.reliable and not result.counselling_suggested


def test_a_high_cost_still_suggests_counselling_from_patterned_answers():
    result = dynamic(straight(5), straight(5))
    assert result.cost_high and result.counselling_suggested


def test_answers_that_vary_with_the_item_direction_are_not_patterned():
    assert not answer_style(V2, LEANS_PURSUING).patterned
    assert not answer_style(V2, keyed()).patterned
    # One reverse item answered the other way is still one too few to tell.
    nearly = straight(5) | {"pur12": 1, "dis12": 1}
    assert not answer_style(V2, nearly).patterned


@pytest.mark.parametrize(
    ("lean_a", "lean_b", "close"),
    [((58, 43), (43, 58), True), ((60, 40), (40, 60), False)],
    ids=["gap-exactly-30", "gap-40"],
)
def test_a_couple_at_the_loop_threshold_is_close_to_the_line(lean_a, lean_b, close):
    def person(toward: int, away: int, sees_toward: int, sees_away: int) -> ScaleScores:
        return ScaleScores(toward, away, sees_toward, sees_away, 50, 50, 50, 50)

    result = dynamic_from_scores(person(*lean_a, *lean_b), person(*lean_b, *lean_a), steps=STEPS)
    assert result.pattern is Pattern.PURSUE_DISTANCE
    assert result.close_to_line is close


def test_v1_checkups_keep_model_v1_and_everything_else_gets_v2():
    assert (model_version(V1), model_version(V2)) == (1, 2)
    v1_answers = {item.id: raw(item, 3) for item in V1.shared_items}
    old = couple_dynamic(V1, v1_answers, v1_answers)
    assert isinstance(old, CoupleDynamicV1)
    assert old.pattern is Pattern.BOTH_PURSUING  # v1's tie-break, kept so old reports do not change


# --- properties ---------------------------------------------------------------------

answer_sets = st.fixed_dictionaries({item.id: st.integers(1, 5) for item in SHARED})
scores_0_100 = st.floats(0, 100, allow_nan=False)
scale_scores = st.builds(ScaleScores, *([scores_0_100] * len(SCALE_NAMES)))
MIRROR_PATTERN = {
    Pattern.PURSUE_DISTANCE: Pattern.PURSUE_DISTANCE,
    Pattern.BOTH_PURSUING: Pattern.BOTH_DISTANCING,
    Pattern.BOTH_DISTANCING: Pattern.BOTH_PURSUING,
    Pattern.FLEXIBLE: Pattern.FLEXIBLE,
    Pattern.NO_CLEAR_DIRECTION: Pattern.NO_CLEAR_DIRECTION,
}


def mirrored(scores: ScaleScores) -> ScaleScores:
    return replace(
        scores,
        pursuit=scores.distance,
        distance=scores.pursuit,
        partner_pursuit=scores.partner_distance,
        partner_distance=scores.partner_pursuit,
    )


@given(answer_sets, answer_sets)
def test_swapping_the_partners_swaps_the_roles_and_nothing_else(answers_a, answers_b):
    forward, backward = dynamic(answers_a, answers_b), dynamic(answers_b, answers_a)
    assert backward == forward.swapped()
    assert (backward.pattern, backward.cycle_intensity, backward.close_to_line) == (
        forward.pattern,
        forward.cycle_intensity,
        forward.close_to_line,
    )
    assert (backward.pursuing, backward.distancing) == (
        {"a": "b", "b": "a", None: None}[forward.pursuing],
        {"a": "b", "b": "a", None: None}[forward.distancing],
    )


@given(scale_scores, scale_scores)
def test_no_rule_favours_pursuing_over_distancing(scores_a, scores_b):
    # Exchange every pursuit score with its distance score: the outcome mirrors exactly.
    plain = dynamic_from_scores(scores_a, scores_b, steps=STEPS)
    mirror = dynamic_from_scores(mirrored(scores_a), mirrored(scores_b), steps=STEPS)
    assert mirror.pattern is MIRROR_PATTERN[plain.pattern]
    assert (mirror.a.side.rank, mirror.b.side.rank) == (-plain.a.side.rank, -plain.b.side.rank)
    assert (mirror.a.lean, mirror.b.lean) == (-plain.a.lean, -plain.b.lean)
    assert mirror.close_to_line is plain.close_to_line


def _more_pursuit(item: Item, value: int) -> int:
    return max(value - 1, 1) if item.reverse else min(value + 1, 5)


@given(
    answer_sets,
    answer_sets,
    st.sets(st.sampled_from(V2.items_for_scale("pursuit")), min_size=1),
    st.sets(st.sampled_from(V2.items_for_scale("partner_pursuit"))),
    st.sampled_from(["a", "b"]),
)
def test_raising_a_persons_pursuit_answers_never_lowers_their_lean_or_side(
    answers_a, answers_b, own_items, seen_items, who
):
    before = dynamic(answers_a, answers_b)
    own, partner = (answers_a, answers_b) if who == "a" else (answers_b, answers_a)
    own = own | {item.id: _more_pursuit(item, own[item.id]) for item in own_items}
    partner = partner | {item.id: _more_pursuit(item, partner[item.id]) for item in seen_items}
    after = dynamic(*((own, partner) if who == "a" else (partner, own)))
    then, now = before.person(who), after.person(who)
    assert now.pursuit >= then.pursuit and now.lean >= then.lean
    assert now.tendency.rank >= then.tendency.rank
    assert now.side.rank >= then.side.rank


def _one_click_outcomes(answers_a, answers_b):
    for who in ("a", "b"):
        answers = answers_a if who == "a" else answers_b
        for item in SHARED:
            for value in (answers[item.id] - 1, answers[item.id] + 1):
                if 1 <= value <= 5:
                    changed = answers | {item.id: value}
                    pair = (changed, answers_b) if who == "a" else (answers_a, changed)
                    result = dynamic(*pair)
                    yield result.pattern, result.a.side, result.b.side


@settings(max_examples=60, deadline=None)
@given(answer_sets, answer_sets)
def test_close_to_the_line_means_exactly_that_one_click_could_change_the_pattern_or_a_role(
    answers_a, answers_b
):
    result = dynamic(answers_a, answers_b)
    now = (result.pattern, result.a.side, result.b.side)
    outcomes = set(_one_click_outcomes(answers_a, answers_b))
    assert result.close_to_line == (outcomes != {now})
    assert set(result.nearby) == {pattern for pattern, _a, _b in outcomes} - {result.pattern}


@given(answer_sets, answer_sets)
def test_every_score_stays_within_its_range(answers_a, answers_b):
    result = dynamic(answers_a, answers_b)
    for person in result.people:
        values = [getattr(person.scores, name) for name in SHARED_SCALES]
        values += [
            person.pursuit,
            person.distance,
            person.seen_pursuit,
            person.seen_distance,
            person.agreement,
        ]
        assert all(0 <= value <= 100 for value in values)
        assert all(-100 <= value <= 100 for value in (person.lean, person.pursuit_gap, person.distance_gap))
        assert person.lean == person.pursuit - person.distance
    assert 0 <= result.cycle_intensity <= 100 and 0 <= result.cost <= 100


@given(scale_scores, scale_scores)
def test_each_pattern_keeps_its_promise(scores_a, scores_b):
    result = dynamic_from_scores(scores_a, scores_b, steps=STEPS)
    gap = result.a.lean - result.b.lean
    tendencies = {result.a.tendency, result.b.tendency}
    if result.pattern is Pattern.PURSUE_DISTANCE:
        assert abs(gap) >= 30 and not result.accounts_contradict
        assert len(tendencies) == 2 or tendencies == {Tendency.BALANCED}
    if result.pattern is Pattern.FLEXIBLE:
        assert abs(gap) < 30 and result.cycle_strength is not Strength.HIGH
        assert not result.accounts_contradict
    if result.pattern is Pattern.BOTH_PURSUING:
        assert Tendency.DISTANCING not in tendencies
    if result.pattern is Pattern.BOTH_DISTANCING:
        assert Tendency.PURSUING not in tendencies
    assert result.counselling_suggested == (
        result.cost >= 75 or (result.cycle_strength is Strength.HIGH and result.reliable)
    )


def test_scores_from_the_model_are_whole_numbers_as_printed():
    result = dynamic(LEANS_PURSUING, keyed(pursuit=2, distance=4))
    for person in result.people:
        assert all(float(getattr(person.scores, name)).is_integer() for name in SCALE_NAMES)
        assert person.style is not VARIED or not person.style.patterned
    assert all(scale in STEPS for scale in MOVE_SCALES)
