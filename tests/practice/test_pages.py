"""The plan pages through the test client: writing, stale edits, bad input, accepting, the card, check-ins."""

from datetime import timedelta

import pytest
from django.urls import reverse

from practice.models import Agreement, AgreementVersion, CheckIn, ReminderOptOut
from practice.services import agreement_accept, check_in_save
from tests.practice.conftest import PLAN

pytestmark = pytest.mark.django_db


def _form(base, **changes):
    return {"base_number": base, **PLAN, **changes}


def test_the_first_draft_is_prefilled_from_the_report_with_who_pursues_and_who_distances(
    client, completed_checkup
):
    _checkup, a, b = completed_checkup()  # a leans toward pursuing, b toward distancing
    client.force_login(a)

    page = client.get(reverse("practice:edit")).content.decode()

    assert f"{b.display_name} comes back at the agreed time" in page
    assert f"{a.display_name} lets {b.display_name} go without following" in page
    assert "Write down what I want to say instead of sending it" in page  # a's own way to settle
    assert 'name="base_number" value="0"' in page


def test_saving_the_form_makes_a_version_and_the_plan_page_shows_it(client, couple_of):
    couple, a, _b = couple_of()
    client.force_login(a)

    response = client.post(reverse("practice:edit"), _form(0, signal="Red balloon"))

    assert response.status_code == 302
    page = client.get(reverse("practice:plan")).content.decode()
    assert "Red balloon" in page
    assert "Accept version 1" in page
    assert Agreement.objects.get(couple=couple).latest_number == 1


def test_a_stale_edit_shows_the_current_text_and_keeps_what_the_person_typed(client, couple_of, write):
    couple, a, b = couple_of()
    write(couple, a, base=0)
    write(couple, b, base=1, signal="Their newer word")
    client.force_login(a)

    typed = _form(1, signal="My own word", return_plan="My way back")

    response = client.post(reverse("practice:edit"), typed)

    page = response.content.decode()
    assert response.status_code == 409
    assert "Their newer word" in page
    assert 'value="My own word"' in page
    assert "My way back" in page
    assert 'name="base_number" value="2"' in page
    assert AgreementVersion.objects.filter(agreement__couple=couple).count() == 2


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"signal": "x" * 61}, "Please keep the signal to 60 characters or fewer; it has 61 now."),
        ({"pause_minutes": "5"}, "A pause lasts at least 20 minutes"),
        ({"pause_minutes": "2000"}, "A pause lasts at most 24 hours"),
        ({"pause_minutes": "soon"}, "as a whole number of minutes"),
        ({"signal": ""}, "Please write the word or phrase you will use to ask for a pause."),
        ({"waiting_plan": "y" * 401}, "what the one who waits does to 400 characters or fewer"),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_everything_typed(client, couple_of, changes, message):
    _couple, a, _b = couple_of()
    client.force_login(a)

    response = client.post(reverse("practice:edit"), _form(0, return_plan="Kept words", **changes))

    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert "Kept words" in page
    assert not AgreementVersion.objects.exists()


def test_both_accept_through_the_pages_and_the_plan_is_agreed(client, couple_of, write):
    couple, a, b = couple_of()
    write(couple, a)

    client.force_login(a)
    client.post(reverse("practice:accept"), {"number": 1})
    client.force_login(b)
    response = client.post(reverse("practice:accept"), {"number": 1}, follow=True)

    assert "You have both accepted this version" in response.content.decode()
    assert Agreement.objects.get(couple=couple).is_active


def test_accepting_an_outdated_version_through_the_page_is_refused_with_a_message(client, couple_of, write):
    couple, a, b = couple_of()
    write(couple, a)
    write(couple, a, signal="Changed")
    client.force_login(b)

    response = client.post(reverse("practice:accept"), {"number": 1}, follow=True)

    assert "That version has been changed since" in response.content.decode()


def test_the_card_and_the_plain_text_copy_hold_the_agreed_version_not_a_newer_proposal(
    client, active_plan, write
):
    couple, a, _b, _agreement = active_plan()
    write(couple, a, signal="A newer idea")
    client.force_login(a)

    card = client.get(reverse("practice:card")).content.decode()
    text = client.get(reverse("practice:card_text"))

    assert "Pause, please" in card and "A newer idea" not in card
    assert "agreed together" in card
    assert "css/practice.css" in card
    assert text["Content-Type"] == "text/plain; charset=utf-8"
    body = text.content.decode()
    assert 'The signal: "Pause, please"' in body
    assert "About 30 minutes".lower() in body.lower()


def test_a_draft_card_says_it_is_not_agreed_yet(client, couple_of, write):
    couple, a, _b = couple_of()
    write(couple, a)
    client.force_login(a)

    assert "not yet accepted by both of us" in client.get(reverse("practice:card")).content.decode()


def test_each_answers_the_weekly_check_in_and_then_both_see_the_shared_view(client, active_plan):
    _couple, a, b, _agreement = active_plan(days_ago=7)
    answers = {"loop_count": "2", "signal_used": "yes", "returned": "late", "feeling": "3"}

    client.force_login(a)
    client.post(reverse("practice:check_in", args=[1]), answers)
    waiting = client.get(reverse("practice:check_in", args=[1])).content.decode()
    client.force_login(b)
    client.post(reverse("practice:check_in", args=[1]), {**answers, "feeling": "5"})
    shared = client.get(reverse("practice:check_in", args=[1])).content.decode()

    assert "stay private until" in waiting
    assert "Good" not in waiting
    assert "side by side" in shared
    assert "Mixed" in shared and "Good" in shared
    assert CheckIn.objects.count() == 2


def test_a_check_in_with_an_answer_missing_is_refused_with_a_message(client, active_plan):
    _couple, a, _b, _agreement = active_plan(days_ago=7)
    client.force_login(a)

    response = client.post(reverse("practice:check_in", args=[1]), {"loop_count": "1"})

    assert response.status_code == 400
    assert "Please choose one answer." in response.content.decode()
    assert not CheckIn.objects.exists()


def test_one_click_turns_off_only_my_reminders(client, active_plan):
    _couple, a, _b, _agreement = active_plan(days_ago=7)
    client.force_login(a)

    response = client.post(reverse("practice:reminders"), {"reminders": "off"}, follow=True)

    assert "Weekly reminders are off" in response.content.decode()
    assert list(ReminderOptOut.objects.values_list("user_id", flat=True)) == [a.pk]
    assert "Turn reminders back on" in client.get(reverse("practice:plan")).content.decode()


def test_the_dashboard_and_the_report_offer_the_plan_after_the_report(client, completed_checkup):
    checkup, a, _b = completed_checkup()
    client.force_login(a)

    dashboard = client.get(reverse("dashboard")).content.decode()
    report = client.get(reverse("assessments:report", args=[checkup.pk])).content.decode()

    assert "Write your pause plan" in dashboard
    assert "Write your pause plan" in report


def test_the_timeline_shows_checkups_and_weeks_both_answered_on_dashboard_and_report(
    client, completed_checkup, write, django_capture_on_commit_callbacks
):
    checkup, a, b = completed_checkup()
    couple = checkup.couple
    write(couple, a)
    agreement_accept(couple=couple, user=a, number=1)
    agreement_accept(couple=couple, user=b, number=1)
    Agreement.objects.filter(couple=couple).update(activated_at=checkup.completed_at - timedelta(days=8))
    answers = {"loop_count": 1, "signal_used": "yes", "returned": "yes", "feeling": 4}
    check_in_save(couple=couple, user=a, week=1, **answers)
    client.force_login(a)
    only_mine = client.get(reverse("dashboard")).content.decode()
    check_in_save(couple=couple, user=b, week=1, **answers)

    dashboard = client.get(reverse("dashboard")).content.decode()
    report = client.get(reverse("assessments:report", args=[checkup.pk])).content.decode()

    assert "Practice week 1" not in only_mine
    for page in (dashboard, report):
        assert "Your checkups and practice weeks over time" in page
        assert "Checkup 1" in page
        assert "Practice week 1" in page
