"""The weekly reminder: once per person and week; none to who answered or opted out; no partner answers."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from practice.models import ReminderSent
from practice.reminders import reminders_send
from practice.services import check_in_save, reminders_set

pytestmark = pytest.mark.django_db

ANSWERS = {"loop_count": 3, "signal_used": "no", "returned": "no", "feeling": 1}


def _send(capture) -> int:
    with capture(execute=True):
        return reminders_send(now=timezone.now())


def test_nothing_is_sent_during_the_first_week(active_plan, django_capture_on_commit_callbacks):
    active_plan(days_ago=3)

    assert _send(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_each_partner_gets_one_reminder_per_week_however_often_it_runs(
    active_plan, django_capture_on_commit_callbacks
):
    _couple, a, b, _agreement = active_plan(days_ago=8)

    first = _send(django_capture_on_commit_callbacks)
    again = _send(django_capture_on_commit_callbacks)

    assert (first, again) == (2, 0)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([a.email, b.email])
    assert ReminderSent.objects.filter(week=1).count() == 2


def test_the_second_week_brings_a_second_reminder(active_plan, django_capture_on_commit_callbacks):
    _couple, _a, _b, _agreement = active_plan(days_ago=8)
    _send(django_capture_on_commit_callbacks)

    later = timezone.now() + timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        count = reminders_send(now=later)

    assert count == 2
    assert ReminderSent.objects.filter(week=2).count() == 2


def test_whoever_answered_or_turned_reminders_off_gets_none(active_plan, django_capture_on_commit_callbacks):
    couple, a, b, _agreement = active_plan(days_ago=8)
    check_in_save(couple=couple, user=a, week=1, **ANSWERS)
    reminders_set(couple=couple, user=b, on=False)

    assert _send(django_capture_on_commit_callbacks) == 0


def test_turning_reminders_back_on_sends_the_weeks_reminder(active_plan, django_capture_on_commit_callbacks):
    couple, _a, b, _agreement = active_plan(days_ago=8)
    reminders_set(couple=couple, user=b, on=False)
    reminders_set(couple=couple, user=b, on=True)

    assert _send(django_capture_on_commit_callbacks) == 2


def test_the_reminder_says_nothing_of_the_partners_answers(active_plan, django_capture_on_commit_callbacks):
    couple, a, b, _agreement = active_plan(days_ago=8)
    check_in_save(couple=couple, user=a, week=1, **ANSWERS)

    _send(django_capture_on_commit_callbacks)

    [message] = mail.outbox
    assert message.to == [b.email]
    body = str(message.body) + str(message.alternatives[0][0])
    assert a.display_name not in body
    for shown in ("Very hard", "Four times", "not used", "answered it"):
        assert shown not in body
    assert "Turn off reminders" in body


def test_a_closed_plan_gets_no_reminders(active_plan, django_capture_on_commit_callbacks):
    from couples.services import couple_leave

    couple, a, _b, _agreement = active_plan(days_ago=8)
    couple_leave(couple=couple, user=a)

    assert _send(django_capture_on_commit_callbacks) == 0


def test_the_command_reports_how_many_it_queued(active_plan, capsys):
    active_plan(days_ago=8)

    call_command("send_practice_reminders")
    call_command("send_practice_reminders")

    assert capsys.readouterr().out.splitlines() == ["2 reminder(s) queued", "0 reminder(s) queued"]
