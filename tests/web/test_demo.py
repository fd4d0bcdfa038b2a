import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from assessments.selectors import checkup_latest_completed_for
from couples.selectors import couple_active_for, couple_partner

pytestmark = pytest.mark.django_db


def test_the_demo_command_makes_a_linked_verified_couple_and_can_run_twice():
    call_command("demo")
    call_command("demo")

    sam = User.objects.get(email="sam@demo.attune.test")
    alex = User.objects.get(email="alex@demo.attune.test")
    couple = couple_active_for(user=sam)
    assert couple is not None
    assert couple_partner(couple=couple, user=sam) == alex
    assert sam.emailaddress_set.get().verified
    assert sam.check_password("attune-demo-2026")


def test_the_third_demo_couple_has_a_report_with_no_clear_direction_yet(client):
    call_command("demo")

    robin = User.objects.get(email="robin@demo.attune.test")
    kai = User.objects.get(email="kai@demo.attune.test")
    assert couple_partner(couple=couple_active_for(user=robin), user=robin) == kai
    assert kai.check_password("attune-demo-2026")
    checkup = checkup_latest_completed_for(couple=couple_active_for(user=robin))
    client.force_login(kai)
    html = client.get(reverse("assessments:report", args=[checkup.pk])).content.decode()
    assert "No clear direction yet" in html
    assert "section-guidance-no-clear-direction" in html
    assert "Your two accounts point in opposite directions" in html
