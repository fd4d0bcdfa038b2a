"""The weekly check-ins: open at the end of each week, once each, private until both answered."""

import pytest

from core.errors import AppError
from practice.models import CheckIn
from practice.selectors import plan_data_for
from practice.services import check_in_save

pytestmark = pytest.mark.django_db

ANSWERS = {"loop_count": 1, "signal_used": "yes", "returned": "yes", "feeling": 4}


def test_the_first_check_in_opens_when_the_first_week_is_over(active_plan):
    couple, a, _b, _agreement = active_plan(days_ago=6)

    with pytest.raises(AppError) as refused:
        check_in_save(couple=couple, user=a, week=1, **ANSWERS)

    assert refused.value.code == "not_open"


def test_a_check_in_is_saved_once_for_the_week(active_plan):
    couple, a, _b, agreement = active_plan(days_ago=7)

    check_in_save(couple=couple, user=a, week=1, **ANSWERS)
    with pytest.raises(AppError) as refused:
        check_in_save(couple=couple, user=a, week=1, **{**ANSWERS, "feeling": 1})

    assert refused.value.code == "answered"
    assert CheckIn.objects.get(agreement=agreement, user=a).feeling == 4


def test_check_ins_wait_for_the_plan_to_be_agreed(couple_of, write):
    couple, a, _b = couple_of()
    write(couple, a)

    with pytest.raises(AppError) as refused:
        check_in_save(couple=couple, user=a, week=1, **ANSWERS)

    assert refused.value.code == "not_active"


@pytest.mark.parametrize(
    "bad",
    [{"loop_count": 9}, {"signal_used": "maybe"}, {"returned": "later"}, {"feeling": 0}, {"feeling": 6}],
)
def test_an_answer_outside_the_choices_is_refused(active_plan, bad):
    couple, a, _b, _agreement = active_plan(days_ago=7)

    with pytest.raises(AppError) as refused:
        check_in_save(couple=couple, user=a, week=1, **{**ANSWERS, **bad})

    assert refused.value.code == "invalid"
    assert not CheckIn.objects.exists()


def test_there_is_no_third_week(active_plan):
    couple, a, _b, _agreement = active_plan(days_ago=30)

    with pytest.raises(AppError):
        check_in_save(couple=couple, user=a, week=3, **ANSWERS)


def test_the_partners_answers_stay_hidden_until_both_have_answered_that_week(active_plan):
    couple, a, b, _agreement = active_plan(days_ago=8)
    check_in_save(couple=couple, user=a, week=1, **ANSWERS)

    before = plan_data_for(user=b).weeks[0]
    mine_before = plan_data_for(user=a).weeks[0]
    check_in_save(couple=couple, user=b, week=1, **{**ANSWERS, "feeling": 2})
    after = plan_data_for(user=a).weeks[0]

    assert before.mine is None and before.partner is None
    assert mine_before.mine is not None and mine_before.partner is None
    assert after.mine.feeling == 4 and after.partner.feeling == 2
