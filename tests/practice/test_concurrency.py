"""Two partners acting at the same instant, each in their own transaction (PostgreSQL row locks)."""

import pytest

from core.errors import AppError
from couples.services import couple_leave
from practice.models import Acceptance, Agreement, AgreementVersion
from practice.services import StaleEdit, agreement_accept, agreement_edit
from tests.practice.conftest import PLAN
from tests.support.race import race

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]


def test_two_acceptances_at_once_both_count_and_activate_the_plan_exactly_once(couple_of, write):
    couple, a, b = couple_of()
    version = write(couple, a)

    results = race(
        lambda: agreement_accept(couple=couple, user=a, number=version.number),
        lambda: agreement_accept(couple=couple, user=b, number=version.number),
    )

    agreement = Agreement.objects.get(couple=couple)
    assert all(isinstance(r, Agreement) for r in results)
    assert agreement.is_active and agreement.active_number == 1
    assert Acceptance.objects.filter(version=version).count() == 2


def test_two_edits_from_the_same_version_save_one_and_refuse_the_other_as_stale(couple_of, write):
    couple, a, b = couple_of()
    write(couple, a)

    results = race(
        lambda: agreement_edit(couple=couple, user=a, base_number=1, **{**PLAN, "signal": "Mine"}),
        lambda: agreement_edit(couple=couple, user=b, base_number=1, **{**PLAN, "signal": "Theirs"}),
        expected=(StaleEdit,),
    )

    saved = [r for r in results if isinstance(r, AgreementVersion)]
    stale = [r for r in results if isinstance(r, StaleEdit)]
    assert len(saved) == 1 and len(stale) == 1
    # The refused person is shown exactly the text that won.
    assert stale[0].current.pk == saved[0].pk
    assert list(
        AgreementVersion.objects.filter(agreement__couple=couple).values_list("number", flat=True)
    ) == [1, 2]


def test_an_acceptance_racing_an_edit_never_activates_words_the_acceptor_did_not_read(couple_of, write):
    couple, a, b = couple_of()
    write(couple, a)
    agreement_accept(couple=couple, user=a, number=1)

    results = race(
        lambda: agreement_accept(couple=couple, user=b, number=1),
        lambda: agreement_edit(couple=couple, user=a, base_number=1, **{**PLAN, "signal": "Changed"}),
        expected=(AppError,),
    )

    agreement = Agreement.objects.get(couple=couple)
    assert isinstance(results[1], AgreementVersion)
    if isinstance(results[0], AppError):
        # The edit went first: b's yes was for words that no longer exist.
        assert results[0].code == "outdated"
        assert agreement.active_number is None
    else:
        # b's yes went first: version 1 was agreed, and version 2 is a proposal nobody accepted yet.
        assert agreement.active_number == 1
    assert agreement.latest_number == 2
    assert not Acceptance.objects.filter(version__number=2).exists()


def test_leaving_while_the_partner_accepts_ends_with_the_plan_closed(couple_of, write):
    couple, a, b = couple_of()
    write(couple, a)
    agreement_accept(couple=couple, user=a, number=1)

    race(
        lambda: couple_leave(couple=couple, user=a),
        lambda: agreement_accept(couple=couple, user=b, number=1),
        expected=(AppError,),
    )

    agreement = Agreement.objects.get(couple=couple)
    assert agreement.closed_at is not None
    assert not agreement.is_active
