"""Leaving the couple closes the plan for both; deleting an account deletes the plan and check-ins."""

import pytest

from core.errors import AppError
from couples.services import couple_leave
from practice.models import Acceptance, Agreement, AgreementVersion, CheckIn
from practice.selectors import plan_data_for
from practice.services import agreement_accept, agreement_edit, check_in_save, reminders_set
from tests.practice.conftest import PLAN
from web.services import account_delete

pytestmark = pytest.mark.django_db

ANSWERS = {"loop_count": 1, "signal_used": "yes", "returned": "yes", "feeling": 4}


def test_leaving_closes_the_plan_for_both_and_nothing_more_can_be_done_with_it(active_plan):
    couple, a, b, agreement = active_plan(days_ago=8)

    couple_leave(couple=couple, user=a)

    agreement.refresh_from_db()
    assert agreement.closed_at is not None
    assert not agreement.is_active
    for person in (a, b):
        assert plan_data_for(user=person) is None
        with pytest.raises(AppError):
            agreement_edit(couple=couple, user=person, base_number=1, **PLAN)
        with pytest.raises(AppError):
            agreement_accept(couple=couple, user=person, number=1)
        with pytest.raises(AppError):
            check_in_save(couple=couple, user=person, week=1, **ANSWERS)
        with pytest.raises(AppError):
            reminders_set(couple=couple, user=person, on=False)


def test_deleting_an_account_deletes_the_plan_its_versions_and_both_check_ins(active_plan):
    couple, a, b, agreement = active_plan(days_ago=8)
    check_in_save(couple=couple, user=a, week=1, **ANSWERS)
    check_in_save(couple=couple, user=b, week=1, **ANSWERS)

    account_delete(user=b)

    assert not Agreement.objects.filter(pk=agreement.pk).exists()
    assert not AgreementVersion.objects.exists()
    assert not Acceptance.objects.exists()
    assert not CheckIn.objects.exists()
