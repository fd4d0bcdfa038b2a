import pytest
from django.core import mail

from assessments.models import Checkup
from assessments.services import answer_sheet_submit, checkup_start
from core.errors import AppError
from tests.support.answers import DISTANCING, PURSUING, answers_for, save_answers
from tests.support.race import race


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_submissions_at_the_same_instant_complete_the_checkup_once_with_one_email_each(couple_of):
    couple, a, b = couple_of()
    checkup = checkup_start(couple=couple, user=a)
    ra, rb = checkup.answer_sheets.get(user=a), checkup.answer_sheets.get(user=b)
    save_answers(ra, answers_for(PURSUING))
    save_answers(rb, answers_for(DISTANCING))
    mail.outbox.clear()

    outcomes = race(lambda: answer_sheet_submit(sheet=ra), lambda: answer_sheet_submit(sheet=rb))

    assert all(not isinstance(o, BaseException) for o in outcomes)
    checkup.refresh_from_db()
    assert checkup.completed_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == sorted([a.email, b.email])


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_same_person_submitting_twice_at_once_is_one_submission(couple_of):
    couple, a, _b = couple_of()
    checkup = checkup_start(couple=couple, user=a)
    ra = checkup.answer_sheets.get(user=a)
    save_answers(ra, answers_for(PURSUING))

    outcomes = race(
        lambda: answer_sheet_submit(sheet=ra), lambda: answer_sheet_submit(sheet=ra), expected=(AppError,)
    )

    assert sorted(type(o).__name__ for o in outcomes) == ["AnswerSheet", "AppError"]
    assert Checkup.objects.get().completed_at is None


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_partners_starting_a_checkup_at_once_get_the_same_one(couple_of):
    couple, a, b = couple_of()

    outcomes = race(
        lambda: checkup_start(couple=couple, user=a), lambda: checkup_start(couple=couple, user=b)
    )

    assert outcomes[0] == outcomes[1]
    assert Checkup.objects.count() == 1


@pytest.mark.django_db
def test_a_couple_that_ended_before_the_second_submission_gets_no_reveal(
    django_capture_on_commit_callbacks, answered_checkup
):
    from couples.services import couple_leave

    couple, a, _b, checkup, ra, rb = answered_checkup()
    answer_sheet_submit(sheet=ra)
    couple_leave(couple=couple, user=a)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        answer_sheet_submit(sheet=rb)

    checkup.refresh_from_db()
    assert checkup.completed_at is None
    assert mail.outbox == []
