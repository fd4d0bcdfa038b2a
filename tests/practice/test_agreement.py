"""Writing and agreeing the pause plan: versions, two-key acceptance, stale edits, limits."""

import pytest
from django.core import mail

from core.errors import AppError
from practice.models import Acceptance, Agreement, AgreementVersion
from practice.services import StaleEdit, agreement_accept, agreement_edit
from tests.practice.conftest import PLAN

pytestmark = pytest.mark.django_db


def test_either_partner_starts_a_draft_which_is_version_one_and_not_active(couple_of, write):
    couple, _a, b = couple_of()

    version = write(couple, b, base=0)

    agreement = Agreement.objects.get(couple=couple)
    assert version.number == 1
    assert agreement.latest_number == 1
    assert agreement.active_number is None
    assert not agreement.is_active
    assert version.author == b
    assert version.settle_b == PLAN["own_settle"]
    assert version.settle_a == ""


def test_each_person_writes_only_their_own_way_to_settle_and_the_others_is_kept(couple_of, write):
    couple, a, b = couple_of()
    write(couple, a, own_settle="I breathe slowly.")

    version = write(couple, b, own_settle="I go for a run.")

    assert (version.settle_a, version.settle_b) == ("I breathe slowly.", "I go for a run.")


def test_the_plan_is_active_only_when_both_accepted_the_same_version(couple_of, write):
    couple, a, b = couple_of()
    version = write(couple, a)

    after_one = agreement_accept(couple=couple, user=a, number=version.number)
    assert not after_one.is_active
    after_both = agreement_accept(couple=couple, user=b, number=version.number)

    assert after_both.is_active
    assert after_both.active_number == 1
    assert after_both.activated_at is not None


def test_both_are_told_by_email_when_they_have_agreed(couple_of, write, django_capture_on_commit_callbacks):
    couple, a, b = couple_of()
    version = write(couple, a)

    with django_capture_on_commit_callbacks(execute=True):
        agreement_accept(couple=couple, user=a, number=version.number)
        agreement_accept(couple=couple, user=b, number=version.number)

    assert sorted(m.to[0] for m in mail.outbox) == sorted([a.email, b.email])
    assert all("both agreed" in m.subject for m in mail.outbox)


def test_an_edit_after_an_acceptance_clears_it_and_tells_the_other_person_without_the_text(
    couple_of, write, django_capture_on_commit_callbacks
):
    couple, a, b = couple_of()
    first = write(couple, a)
    agreement_accept(couple=couple, user=a, number=first.number)

    with django_capture_on_commit_callbacks(execute=True):
        second = write(couple, b, signal="Our secret word", own_settle="Tea in the garden.")

    assert not Acceptance.objects.filter(version=second).exists()
    assert Agreement.objects.get(couple=couple).active_number is None
    [message] = mail.outbox
    assert message.to == [a.email]
    assert "changed your pause plan" in message.body
    assert "Our secret word" not in message.body
    assert "Tea in the garden" not in message.body


def test_an_edit_with_no_acceptance_to_clear_sends_no_email(
    couple_of, write, django_capture_on_commit_callbacks
):
    couple, a, b = couple_of()
    write(couple, a)

    with django_capture_on_commit_callbacks(execute=True):
        write(couple, b, signal="Time out")

    assert mail.outbox == []


def test_a_change_to_an_active_plan_keeps_the_agreed_version_until_both_accept_the_new_one(
    active_plan, write
):
    couple, a, b, _agreement = active_plan()

    proposal = write(couple, b, signal="Time out")
    agreement = Agreement.objects.get(couple=couple)
    assert agreement.is_active and agreement.active_number == 1
    agreement_accept(couple=couple, user=a, number=proposal.number)
    agreement = agreement_accept(couple=couple, user=b, number=proposal.number)

    assert agreement.active_number == 2
    assert list(AgreementVersion.objects.filter(agreement=agreement).values_list("number", flat=True)) == [
        1,
        2,
    ]


def test_a_stale_edit_is_refused_and_carries_the_current_text(couple_of, write):
    couple, a, b = couple_of()
    write(couple, a, base=0)
    newer = write(couple, b, base=1, signal="Their newer word")

    with pytest.raises(StaleEdit) as refused:
        write(couple, a, base=1, signal="My word")

    assert refused.value.code == "stale"
    assert refused.value.current == newer
    assert refused.value.current.signal == "Their newer word"
    assert Agreement.objects.get(couple=couple).latest_number == 2


def test_two_first_drafts_from_nothing_leave_one_version_and_refuse_the_other(couple_of, write):
    couple, a, b = couple_of()
    write(couple, a, base=0)

    with pytest.raises(StaleEdit):
        write(couple, b, base=0)

    assert AgreementVersion.objects.filter(agreement__couple=couple).count() == 1


def test_accepting_an_outdated_version_is_refused(couple_of, write):
    couple, a, b = couple_of()
    write(couple, a)
    write(couple, a, signal="Second thoughts")

    with pytest.raises(AppError) as refused:
        agreement_accept(couple=couple, user=b, number=1)

    assert refused.value.code == "outdated"
    assert not Acceptance.objects.exists()


def test_accepting_twice_is_refused(couple_of, write):
    couple, a, _b = couple_of()
    write(couple, a)
    agreement_accept(couple=couple, user=a, number=1)

    with pytest.raises(AppError) as refused:
        agreement_accept(couple=couple, user=a, number=1)

    assert refused.value.code == "already"


def test_saving_the_same_words_again_makes_no_new_version(couple_of, write):
    couple, a, _b = couple_of()
    write(couple, a)

    with pytest.raises(AppError) as refused:
        write(couple, a)

    assert refused.value.code == "unchanged"
    assert AgreementVersion.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("signal", "x" * 61, "the signal to 60 characters"),
        ("own_settle", "x" * 301, "what you do to settle to 300 characters"),
        ("return_plan", "x" * 401, "how you come back to 400 characters"),
        ("waiting_plan", "x" * 401, "what the one who waits does to 400 characters"),
        ("pause_minutes", 19, "at least 20 minutes"),
        ("pause_minutes", 1441, "at most 24 hours"),
        ("signal", "   ", "This field cannot be blank"),
    ],
)
def test_text_over_its_limit_or_a_pause_out_of_range_is_refused_with_a_clear_message(
    couple_of, write, field, value, words
):
    couple, a, _b = couple_of()

    with pytest.raises(AppError) as refused:
        write(couple, a, **{field: value})

    assert refused.value.code == "invalid"
    assert words in refused.value.message
    assert not AgreementVersion.objects.exists()


def test_someone_outside_the_couple_cannot_edit_or_accept_its_plan(couple_of, write):
    couple, a, _b = couple_of()
    write(couple, a)
    _other, c, _d = couple_of()

    with pytest.raises(AppError):
        agreement_edit(couple=couple, user=c, base_number=1, **PLAN)
    with pytest.raises(AppError):
        agreement_accept(couple=couple, user=c, number=1)

    assert AgreementVersion.objects.count() == 1
    assert not Acceptance.objects.exists()


def test_a_proposed_change_to_the_agreed_plan_tells_the_other_that_the_agreed_plan_stays(
    active_plan, write, django_capture_on_commit_callbacks
):
    couple, a, b, _agreement = active_plan()

    with django_capture_on_commit_callbacks(execute=True):
        write(couple, b, signal="Time out")

    [message] = mail.outbox
    assert message.to == [a.email]
    assert "the plan you agreed stays your plan" in message.body
    assert "Time out" not in message.body
