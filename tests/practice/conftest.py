"""A couple and a plan for the practice tests."""

from datetime import timedelta

import pytest
from django.core import mail

from practice.models import Agreement
from practice.services import agreement_accept, agreement_edit

PLAN = {
    "signal": "Pause, please",
    "pause_minutes": 30,
    "own_settle": "A walk around the block.",
    "restarter": "caller",
    "return_plan": "The one who asked comes back at the agreed time.",
    "waiting_plan": "The one who waits reads a book instead of following.",
}


@pytest.fixture
def write():
    """Save a version as ``user`` from ``base`` (the newest version by default) with ``PLAN``'s fields."""

    def make(couple, user, *, base=None, **fields):
        if base is None:
            agreement = Agreement.objects.filter(couple=couple).first()
            base = agreement.latest_number if agreement else 0
        return agreement_edit(couple=couple, user=user, base_number=base, **{**PLAN, **fields})

    return make


@pytest.fixture
def active_plan(couple_of, write, django_capture_on_commit_callbacks):
    """A couple {a, b} whose plan both accepted ``days_ago`` days ago; returns (couple, a, b, agreement)."""

    def make(days_ago=0):
        couple, a, b = couple_of()
        version = write(couple, a)
        with django_capture_on_commit_callbacks(execute=True):
            agreement_accept(couple=couple, user=a, number=version.number)
            agreement = agreement_accept(couple=couple, user=b, number=version.number)
        if days_ago:
            Agreement.objects.filter(pk=agreement.pk).update(
                activated_at=agreement.activated_at - timedelta(days=days_ago)
            )
            agreement.refresh_from_db()
        mail.outbox.clear()
        return couple, a, b, agreement

    return make
