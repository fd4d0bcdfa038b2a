"""`manage.py seed`: many couples with checkups, in bulk, that can never pass for real people."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accounts.models import User
from assessments.kept_reports import report_article_for
from assessments.models import AnswerSheet, Checkup
from assessments.selectors import answer_sheet_missing_items
from web.seed import SEED_DOMAIN, seed_couples

pytestmark = pytest.mark.django_db


def test_seeding_adds_two_people_per_couple_at_the_reserved_domain_with_no_usable_password():
    call_command("seed", couples=10, stdout=open("/dev/null", "w"))  # noqa: SIM115 - closed with the process

    users = list(User.objects.all())
    assert len(users) == 20
    assert all(u.email.endswith("@" + SEED_DOMAIN) for u in users)
    assert not any(u.has_usable_password() for u in users)


@pytest.mark.parametrize("password", ["", "attune-demo-2026", "a-long-test-passphrase"])
def test_a_seeded_account_cannot_log_in_through_the_login_page(password):
    seed_couples(couples=1)
    user = User.objects.order_by("pk").first()
    client = Client()

    response = client.post(reverse("account_login"), {"login": user.email, "password": password})

    assert response.status_code == 200  # the form again, with its error
    assert "_auth_user_id" not in client.session


def test_every_seeded_completed_checkup_has_a_report_both_partners_can_read():
    seed_couples(couples=10)

    completed = Checkup.objects.filter(completed_at__isnull=False).select_related("couple")
    assert completed.count() >= 10
    for checkup in completed:
        for member in checkup.couple.members.all():
            assert report_article_for(checkup=checkup, user=member) is not None


def test_some_seeded_couples_have_an_open_checkup_with_one_partner_half_way():
    seed_couples(couples=10)

    open_sheets = AnswerSheet.objects.filter(checkup__completed_at__isnull=True, submitted_at__isnull=True)
    assert open_sheets.exists()
    for sheet in open_sheets:
        missing = answer_sheet_missing_items(sheet=sheet)
        assert 0 < len(missing) < 48


def test_seeding_twice_adds_more_couples_after_the_first():
    assert seed_couples(couples=3) == 1

    assert seed_couples(couples=2) == 4
    assert User.objects.count() == 10
