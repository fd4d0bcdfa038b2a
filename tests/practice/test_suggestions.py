"""The suggested first words follow the outcome and who leans which way (a pure function)."""

import pytest

from practice.models import PAUSE_MAX_MINUTES, PAUSE_MIN_MINUTES, Restarter
from practice.suggestions import SETTLE_DISTANCING, SETTLE_EITHER, SETTLE_PURSUING, suggest_plan

RETIRED = ("reacher", "stepper", "reaching", "stepping back", "retreat")


def test_with_a_pursue_distance_loop_the_distancing_partner_comes_back_and_the_pursuing_one_settles():
    plan = suggest_plan(
        pattern="pursue_distance", tendency_a="distancing", tendency_b="pursuing", name_a="Alex", name_b="Sam"
    )

    assert plan.return_plan.startswith("Alex comes back at the agreed time")
    assert plan.waiting_plan.startswith("Sam lets Alex go without following")
    assert (plan.settle_a, plan.settle_b) == (SETTLE_DISTANCING, SETTLE_PURSUING)
    assert plan.restarter == Restarter.CALLER


def test_when_both_lean_toward_distancing_the_plan_makes_sure_someone_comes_back():
    plan = suggest_plan(
        pattern="both_distancing", tendency_a="distancing", tendency_b="distancing", name_a="A", name_b="B"
    )

    assert "does not quietly become silence" in plan.return_plan
    assert plan.restarter == Restarter.CALLER


@pytest.mark.parametrize("pattern", ["both_pursuing", "flexible", "no_clear_direction", None])
def test_other_outcomes_and_no_report_yet_give_a_plan_the_same_for_both(pattern):
    plan = suggest_plan(pattern=pattern, tendency_a=None, tendency_b=None, name_a="A", name_b="B")

    assert plan.settle_a == plan.settle_b == SETTLE_EITHER
    assert plan.restarter == Restarter.EITHER


@pytest.mark.parametrize("pattern", ["pursue_distance", "both_pursuing", "both_distancing", "flexible", None])
def test_every_suggestion_fits_the_limits_and_uses_only_the_teams_words(pattern):
    plan = suggest_plan(
        pattern=pattern, tendency_a="pursuing", tendency_b="distancing", name_a="A", name_b="B"
    )

    assert PAUSE_MIN_MINUTES <= plan.pause_minutes <= PAUSE_MAX_MINUTES
    assert len(plan.signal) <= 60
    text = " ".join([plan.signal, plan.settle_a, plan.settle_b, plan.return_plan, plan.waiting_plan]).lower()
    assert not any(word in text for word in RETIRED)
