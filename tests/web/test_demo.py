import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from assessments.selectors import checkup_latest_completed_for
from couples.selectors import couple_active_for, couple_partner
from practice.selectors import plan_data_for

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


def test_sam_and_alex_have_an_agreed_pause_plan_with_the_first_week_answered_by_both(client):
    call_command("demo")
    call_command("demo")

    sam = User.objects.get(email="sam@demo.attune.test")
    data = plan_data_for(user=sam)
    assert data is not None and data.agreement is not None
    assert data.agreement.is_active and data.agreement.active_number == 2
    week_one, week_two = data.weeks
    assert week_one.mine is not None and week_one.partner is not None
    assert week_two.mine is None
    client.force_login(sam)
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "Practice week 1" in dashboard
    assert "Retake 1" in dashboard


def test_morgan_the_demo_counsellor_reads_sam_and_alexs_reports_and_they_see_that_morgan_looked(client):
    call_command("demo")
    call_command("demo")

    morgan = User.objects.get(email="morgan@demo.attune.test")
    sam = User.objects.get(email="sam@demo.attune.test")
    assert morgan.check_password("attune-demo-2026")
    client.force_login(morgan)
    dashboard = client.get(reverse("counsellors:dashboard")).content.decode()
    assert "Sam &amp; Alex" in dashboard
    checkup = checkup_latest_completed_for(couple=couple_active_for(user=sam))
    report = client.get(reverse("counsellors:report", args=[checkup.couple_id, checkup.pk]))
    assert report.status_code == 200
    client.force_login(sam)
    privacy = client.get(reverse("privacy")).content.decode()
    assert privacy.count("Morgan Hale, Hale Couples Counselling") == 2  # the demo's opening, and this one
