"""The timeline's layout (pure) and the retake suggested after the two weeks."""

from datetime import UTC, datetime, timedelta

import pytest

from practice.presenters import pause_text, plan_page
from practice.selectors import plan_data_for
from practice.timeline import LEFT, WIDTH, Event, place

DAY = timedelta(days=1)
START = datetime(2026, 1, 1, tzinfo=UTC)


def test_markers_run_in_date_order_from_the_left_edge_to_the_right_edge():
    events = [
        Event(START + 14 * DAY, "check_in", "Practice week 2", ""),
        Event(START, "checkup", "Checkup 1", ""),
        Event(START + 7 * DAY, "check_in", "Practice week 1", ""),
    ]

    markers = place(events)

    assert [m.title for m in markers] == ["Checkup 1", "Practice week 1", "Practice week 2"]
    assert [m.x for m in markers] == [LEFT, LEFT + WIDTH / 2, LEFT + WIDTH]
    assert [m.number for m in markers] == [1, 2, 3]


def test_a_single_event_sits_in_the_middle_and_no_events_make_no_markers():
    assert place([]) == ()
    assert place([Event(START, "checkup", "Checkup 1", "")])[0].x == LEFT + WIDTH / 2


@pytest.mark.parametrize(
    ("minutes", "text"), [(20, "20 minutes"), (60, "1 hour"), (90, "1 hour 30 minutes"), (1440, "24 hours")]
)
def test_a_pause_length_reads_in_hours_and_minutes(minutes, text):
    assert pause_text(minutes) == text


@pytest.mark.django_db
@pytest.mark.parametrize(("days", "due"), [(13, False), (15, True)])
def test_a_full_retake_is_suggested_once_the_two_weeks_are_over(active_plan, days, due):
    _couple, a, _b, _agreement = active_plan(days_ago=days)

    assert plan_page(plan_data_for(user=a)).retake_due is due


@pytest.mark.django_db
def test_no_retake_is_suggested_once_they_have_taken_one_after_the_practice(active_plan, completed_checkup):
    couple, a, b, _agreement = active_plan(days_ago=15)
    completed_checkup(couple=couple, a=a, b=b)

    page = plan_page(plan_data_for(user=a))

    assert not page.retake_due
    assert [m.title for m in page.timeline.markers] == ["Checkup 1"]
