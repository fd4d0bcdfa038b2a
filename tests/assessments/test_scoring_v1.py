"""Model v1, frozen for checkups on instrument v1: scale scores, worked examples and properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessments.instrument import Instrument, Item, ResponseScale, ScaleInfo, Section
from assessments.scoring import (
    SHARED_SCALES,
    Band,
    Pattern,
    ScaleScores,
    ScoringError,
    Side,
    Strength,
    Tendency,
    band,
    couple_dynamic_v1,
    dynamic_v1_from_scores,
    scale_score,
    score_response,
)

FREQUENCY = ResponseScale("frequency", ("Never", "Rarely", "Sometimes", "Often", "Almost always"))
AGREEMENT = ResponseScale(
    "agreement", ("Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree")
)

# (section, response scale, perspective, private, {scale: (item count, reverse count)})
BLUEPRINT = (
    ("tension", "frequency", "self", False, {"pursuit": (8, 1), "distance": (8, 1)}),
    ("partner", "frequency", "partner", False, {"partner_pursuit": (4, 0), "partner_distance": (4, 0)}),
    ("closeness", "agreement", "self", False, {"anxiety": (5, 1), "avoidance": (5, 1)}),
    ("cost", "agreement", "self", False, {"impact": (6, 0)}),
    ("helps", "frequency", "self", False, {"repair": (6, 0)}),
    ("private", "agreement", "self", True, {"safety": (3, 0)}),
)


def make_instrument() -> Instrument:
    """A small instrument with the real blueprint's scales, counts and reverse items."""
    sections, items, infos = [], [], {}
    for key, scale_key, perspective, private, scales in BLUEPRINT:
        sections.append(Section(key, key.title(), "", scale_key, perspective, private))
        for scale, (count, reverse_count) in scales.items():
            infos[scale] = ScaleInfo(scale, scale.title(), f"What {scale} measures.")
            for n in range(1, count + 1):
                items.append(
                    Item(
                        id=f"{scale}-{n}",
                        section=key,
                        scale=scale,
                        text=f"{scale} item {n}",
                        reverse=n > count - reverse_count,
                        shared=not private,
                    )
                )
    return Instrument(
        key="test",
        version=1,
        title="Test instrument",
        response_scales={"frequency": FREQUENCY, "agreement": AGREEMENT},
        sections=tuple(sections),
        items=tuple(items),
        scales=infos,
    )


INSTRUMENT = make_instrument()
REQUIRED = tuple(item for item in INSTRUMENT.items if item.scale in SHARED_SCALES)


def answers_for(*, default: int = 3, **keyed: int) -> dict[str, int]:
    """Answers where every item of a scale carries the given *keyed* value (1..5).

    Reverse items get the flipped raw answer, so ``pursuit=5`` means
    "as much pursuit as the scale can express".
    """
    answers = {}
    for item in REQUIRED:
        value = keyed.get(item.scale, default)
        answers[item.id] = 6 - value if item.reverse else value
    return answers


LEANS_PURSUING = answers_for(pursuit=5, distance=1, partner_pursuit=1, partner_distance=5, impact=4)
LEANS_DISTANCING = answers_for(pursuit=1, distance=5, partner_pursuit=5, partner_distance=1, impact=3)
PRESSING = answers_for(pursuit=5, distance=2, partner_pursuit=5, partner_distance=2)
WITHDRAWING = answers_for(pursuit=2, distance=5, partner_pursuit=2, partner_distance=5)
CALM = answers_for(pursuit=2, distance=2, partner_pursuit=2, partner_distance=2, impact=1)

answer_sets = st.fixed_dictionaries({item.id: st.integers(1, 5) for item in REQUIRED})
scores_0_100 = st.floats(0, 100, allow_nan=False)
scale_scores = st.builds(ScaleScores, *([scores_0_100] * len(SHARED_SCALES)))


# --- scale scores -----------------------------------------------------------


def test_scale_score_maps_the_mean_linearly_onto_0_to_100():
    assert scale_score(INSTRUMENT, "impact", answers_for(impact=1)) == 0.0
    assert scale_score(INSTRUMENT, "impact", answers_for(impact=3)) == 50.0
    assert scale_score(INSTRUMENT, "impact", answers_for(impact=5)) == 100.0


def test_reverse_items_are_flipped_before_averaging():
    answers = answers_for(pursuit=1)
    answers["pursuit-8"] = 1  # the reverse item answered "Never" means pursuit
    assert scale_score(INSTRUMENT, "pursuit", answers) == pytest.approx(100 / 8)


def test_private_safety_answers_are_accepted_but_never_scored_into_shared_scores():
    answers = answers_for() | {"safety-1": 5, "safety-2": 5, "safety-3": 5}
    assert score_response(INSTRUMENT, answers) == score_response(INSTRUMENT, answers_for())
    assert "safety" not in SHARED_SCALES


def test_a_missing_answer_raises_an_error_naming_the_item():
    answers = answers_for()
    del answers["distance-4"]
    with pytest.raises(ScoringError, match="distance-4") as caught:
        score_response(INSTRUMENT, answers)
    assert caught.value.item_id == "distance-4"


def test_an_unknown_item_id_raises():
    with pytest.raises(ScoringError, match="nope-1"):
        score_response(INSTRUMENT, answers_for() | {"nope-1": 3})


@pytest.mark.parametrize("value", [0, 6, -1, True, 2.5, "3", None])
def test_a_value_that_is_not_an_int_on_the_items_scale_raises(value):
    with pytest.raises(ScoringError, match="anxiety-2"):
        score_response(INSTRUMENT, answers_for() | {"anxiety-2": value})


def test_an_out_of_range_private_answer_raises_too():
    with pytest.raises(ScoringError, match="safety-1"):
        score_response(INSTRUMENT, answers_for() | {"safety-1": 9})


def test_scale_scores_outside_0_to_100_are_rejected():
    with pytest.raises(ScoringError):
        ScaleScores(101, 0, 0, 0, 0, 0, 0, 0)
    with pytest.raises(ScoringError):
        ScaleScores(math.nan, 0, 0, 0, 0, 0, 0, 0)


def test_bands_follow_the_documented_cut_points():
    assert [band(s) for s in (0, 24.9, 25, 49.9, 50, 74.9, 75, 100)] == [
        Band.LOW,
        Band.LOW,
        Band.SOME,
        Band.SOME,
        Band.MODERATE,
        Band.MODERATE,
        Band.HIGH,
        Band.HIGH,
    ]


# --- worked examples --------------------------------------------------------


def test_a_clear_pursuing_lean_with_a_clear_distancing_lean_forms_a_strong_loop():
    dynamic = couple_dynamic_v1(INSTRUMENT, LEANS_PURSUING, LEANS_DISTANCING)
    assert dynamic.pattern is Pattern.PURSUE_DISTANCE
    assert (dynamic.pursuing, dynamic.distancing) == ("a", "b")
    assert (dynamic.a.lean, dynamic.b.lean) == (100.0, -100.0)
    assert dynamic.a.tendency is Tendency.PURSUING
    assert dynamic.b.tendency is Tendency.DISTANCING
    assert dynamic.cycle_intensity == 100.0
    assert dynamic.cycle_strength is Strength.HIGH
    assert dynamic.roles_agree and dynamic.a.views_agree and dynamic.b.views_agree
    assert (dynamic.a.scores.impact, dynamic.b.scores.impact) == (75.0, 50.0)
    assert dynamic.cost == 75.0 and dynamic.cost_high
    assert dynamic.counselling_suggested


def test_the_same_couple_with_positions_swapped_swaps_who_pursues():
    dynamic = couple_dynamic_v1(INSTRUMENT, LEANS_DISTANCING, LEANS_PURSUING)
    assert dynamic.pattern is Pattern.PURSUE_DISTANCE
    assert (dynamic.pursuing, dynamic.distancing) == ("b", "a")
    assert dynamic.a.side is Side.DISTANCING and dynamic.b.side is Side.PURSUING


def test_two_partners_who_both_press_are_both_pursuing():
    dynamic = couple_dynamic_v1(INSTRUMENT, PRESSING, PRESSING)
    assert dynamic.pattern is Pattern.BOTH_PURSUING
    assert dynamic.pursuing is None and dynamic.distancing is None
    assert dynamic.a.side is dynamic.b.side is Side.PURSUING
    assert dynamic.cycle_intensity == 100.0  # both partners' pursuit
    assert dynamic.cycle_strength is Strength.HIGH


def test_two_partners_who_both_withdraw_are_both_distancing():
    dynamic = couple_dynamic_v1(INSTRUMENT, WITHDRAWING, WITHDRAWING)
    assert dynamic.pattern is Pattern.BOTH_DISTANCING
    assert dynamic.a.side is dynamic.b.side is Side.DISTANCING
    assert dynamic.cycle_intensity == 100.0  # both partners' distance


def test_two_partners_low_on_both_moves_are_flexible_with_a_low_cycle():
    dynamic = couple_dynamic_v1(INSTRUMENT, CALM, CALM)
    assert dynamic.pattern is Pattern.FLEXIBLE
    assert dynamic.a.tendency is dynamic.b.tendency is Tendency.BALANCED
    assert dynamic.cycle_intensity == 25.0
    assert dynamic.cycle_strength is Strength.LOW
    assert not dynamic.counselling_suggested


def test_v1_breaks_a_tie_toward_both_pursuing_as_it_always_did():
    busy = ScaleScores(70, 65, 70, 65, 50, 50, 50, 50)
    assert dynamic_v1_from_scores(busy, busy).pattern is Pattern.BOTH_PURSUING


def test_a_strong_lean_against_a_balanced_partner_is_still_a_loop():
    # The partner's own lean is balanced; next to a strong pursuing lean they
    # are the one on the distancing side.
    leaning = ScaleScores(80, 20, 40, 45, 50, 50, 50, 50)
    steady = ScaleScores(40, 45, 80, 20, 50, 50, 50, 50)
    dynamic = dynamic_v1_from_scores(leaning, steady)
    assert dynamic.pattern is Pattern.PURSUE_DISTANCE
    assert dynamic.b.tendency is Tendency.BALANCED and dynamic.b.side is Side.DISTANCING


def test_large_gaps_between_self_view_and_partner_view_are_flagged():
    # a sees little pressing in themselves; b sees a lot of it.
    a = ScaleScores(30, 30, 50, 50, 50, 50, 50, 50)
    b = ScaleScores(50, 50, 80, 30, 50, 50, 50, 50)
    dynamic = dynamic_v1_from_scores(a, b)
    assert dynamic.a.pursuit_gap == -50.0 and dynamic.a.large_pursuit_gap
    assert not dynamic.a.large_distance_gap and not dynamic.a.views_agree
    assert dynamic.b.views_agree


def test_partners_who_each_see_themselves_as_the_one_pursuing_disagree_on_roles():
    a = ScaleScores(80, 20, 20, 80, 50, 50, 50, 50)
    b = ScaleScores(80, 20, 20, 80, 50, 50, 50, 50)
    dynamic = dynamic_v1_from_scores(a, b)
    assert (dynamic.reading_by_a, dynamic.reading_by_b) == ("a", "b")
    assert not dynamic.roles_agree


# --- properties -------------------------------------------------------------


@given(answer_sets, answer_sets)
def test_swapping_the_partners_swaps_the_roles_and_nothing_else(answers_a, answers_b):
    forward = couple_dynamic_v1(INSTRUMENT, answers_a, answers_b)
    backward = couple_dynamic_v1(INSTRUMENT, answers_b, answers_a)
    assert backward == forward.swapped()
    assert backward.swapped() == forward
    assert (backward.pattern, backward.cycle_strength) == (forward.pattern, forward.cycle_strength)
    assert (backward.cycle_intensity, backward.cost) == (forward.cycle_intensity, forward.cost)
    assert (backward.pursuing, backward.distancing) == (forward.distancing, forward.pursuing)
    assert backward.a.lean == forward.b.lean and backward.b.lean == forward.a.lean


@given(scale_scores, scale_scores)
def test_the_dynamic_is_symmetric_for_any_scale_scores(scores_a, scores_b):
    assert dynamic_v1_from_scores(scores_b, scores_a) == dynamic_v1_from_scores(scores_a, scores_b).swapped()


def _more_pursuit(item: Item, value: int) -> int:
    """One step toward more pursuit on this item, or the same value at the end."""
    return max(value - 1, 1) if item.reverse else min(value + 1, 5)


PURSUIT_ITEMS = tuple(item for item in REQUIRED if item.scale == "pursuit")
PARTNER_PURSUIT_ITEMS = tuple(item for item in REQUIRED if item.scale == "partner_pursuit")


@given(
    answer_sets,
    answer_sets,
    st.sets(st.sampled_from(PURSUIT_ITEMS), min_size=1),
    st.sets(st.sampled_from(PARTNER_PURSUIT_ITEMS)),
    st.sampled_from(["a", "b"]),
)
def test_raising_a_persons_pursuit_never_lowers_their_lean_or_side(
    answers_a, answers_b, own_items, seen_items, who
):
    before = couple_dynamic_v1(INSTRUMENT, answers_a, answers_b)
    own, partner = (answers_a, answers_b) if who == "a" else (answers_b, answers_a)
    own = own | {item.id: _more_pursuit(item, own[item.id]) for item in own_items}
    # The partner also sees more pursuit in them (or the same).
    partner = partner | {item.id: _more_pursuit(item, partner[item.id]) for item in seen_items}
    new_a, new_b = (own, partner) if who == "a" else (partner, own)
    after = couple_dynamic_v1(INSTRUMENT, new_a, new_b)
    then, now = before.person(who), after.person(who)
    assert now.lean >= then.lean
    assert now.pursuit >= then.pursuit
    assert now.tendency.rank >= then.tendency.rank
    assert now.side.rank >= then.side.rank


@given(scale_scores, scale_scores, scores_0_100, st.sampled_from(["a", "b"]))
def test_raising_pursuit_scores_never_lowers_lean_tendency_or_side(scores_a, scores_b, raised, who):
    own = scores_a if who == "a" else scores_b
    if raised < own.pursuit:
        raised = own.pursuit
    before = dynamic_v1_from_scores(scores_a, scores_b)
    higher = ScaleScores(raised, *[getattr(own, name) for name in SHARED_SCALES[1:]])
    after = dynamic_v1_from_scores(*((higher, scores_b) if who == "a" else (scores_a, higher)))
    then, now = before.person(who), after.person(who)
    assert now.lean >= then.lean
    assert now.tendency.rank >= then.tendency.rank
    assert now.side.rank >= then.side.rank


@given(answer_sets, answer_sets)
def test_every_score_stays_within_its_range(answers_a, answers_b):
    dynamic = couple_dynamic_v1(INSTRUMENT, answers_a, answers_b)
    for person in dynamic.people:
        zero_to_hundred = [getattr(person.scores, name) for name in SHARED_SCALES]
        zero_to_hundred += [person.pursuit, person.distance, person.seen_pursuit, person.seen_distance]
        assert all(0 <= score <= 100 for score in zero_to_hundred)
        assert all(-100 <= gap <= 100 for gap in (person.lean, person.pursuit_gap, person.distance_gap))
    assert 0 <= dynamic.cycle_intensity <= 100
    assert 0 <= dynamic.cost <= 100


@given(answer_sets, st.sampled_from(REQUIRED))
def test_any_missing_required_answer_raises(answers, item):
    del answers[item.id]
    with pytest.raises(ScoringError, match=item.id):
        score_response(INSTRUMENT, answers)


@given(answer_sets, st.sampled_from(REQUIRED), st.integers().filter(lambda v: not 1 <= v <= 5))
def test_any_out_of_range_answer_raises(answers, item, value):
    answers[item.id] = value
    with pytest.raises(ScoringError, match=item.id):
        couple_dynamic_v1(INSTRUMENT, answers, answers_for())
