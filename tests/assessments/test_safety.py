import pytest
from django.core import mail
from django.urls import reverse

from assessments.services import answer_sheet_hold_back, answer_sheet_release, answer_sheet_submit
from core.errors import AppError
from tests.support.answers import PURSUING, answers_for, save_answers
from tests.support.html import mask_html

pytestmark = pytest.mark.django_db

CONCERN = {"saf01": 4, "saf02": 2}


def test_a_safety_concern_shows_its_author_a_private_panel_after_submitting_and_on_the_dashboard(
    client, answered_checkup
):
    _couple, a, _b, checkup, _ra, _ = answered_checkup(safety_a=CONCERN, only_a=True)
    client.force_login(a)

    review = client.get(reverse("assessments:review", args=[checkup.pk])).content.decode()
    after = client.post(reverse("assessments:review", args=[checkup.pk]), {"share": "share"}, follow=True)
    dashboard = client.get(reverse("dashboard")).content.decode()

    for page in (review, after.content.decode(), dashboard):
        assert "Just for you" in page
        # From the support-lines data: a line for everyone, for men and for LGBTQ+ people, and elsewhere.
        for line in (
            "Victim Support",
            "Men&#x27;s Advice Line",
            "Galop",
            "The Network/La Red",
            "findahelpline.com",
        ):
            assert line in page, line
        assert "button at the top of the page" in page
    assert "hold back my part" in review
    assert "Hold back my part" in dashboard


def test_no_safety_concern_shows_no_panel(client, answered_checkup):
    _couple, a, _b, checkup, _ra, _ = answered_checkup(
        safety_a={"saf01": 1, "saf02": 1, "saf03": 2}, only_a=True
    )
    client.force_login(a)

    assert "Just for you" not in client.get(reverse("assessments:review", args=[checkup.pk])).content.decode()


def test_a_held_back_part_looks_to_the_partner_exactly_like_a_part_not_yet_submitted(
    client, django_capture_on_commit_callbacks, answered_checkup
):
    _couple, a, b, checkup, ra, rb = answered_checkup(safety_a=CONCERN)
    with django_capture_on_commit_callbacks(execute=True):
        answer_sheet_submit(sheet=rb)
    client.force_login(b)
    pages = [reverse("dashboard"), reverse("assessments:checkup", args=[checkup.pk])]
    not_yet = [mask_html(client.get(url).content.decode()) for url in pages]

    with django_capture_on_commit_callbacks(execute=True):
        answer_sheet_submit(sheet=ra, hold_back=True)

    held_back = [mask_html(client.get(url).content.decode()) for url in pages]
    assert held_back == not_yet
    assert mail.outbox == []
    assert client.get(reverse("assessments:report", args=[checkup.pk])).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        answer_sheet_release(sheet=ra)

    checkup.refresh_from_db()
    assert checkup.completed_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == sorted([a.email, b.email])


def test_holding_back_is_only_honoured_after_a_safety_concern(couple_of, checkup_for):
    couple, a, b = couple_of()
    _, ra, _ = checkup_for(couple, a, b)
    save_answers(ra, answers_for(PURSUING))

    answer_sheet_submit(sheet=ra, hold_back=True)
    with pytest.raises(AppError):
        answer_sheet_hold_back(sheet=ra)

    ra.refresh_from_db()
    assert ra.held_back is False


def test_the_partner_never_sees_the_private_section_in_any_page_or_email(
    client, django_capture_on_commit_callbacks, answered_checkup
):
    _couple, _a, b, checkup, ra, rb = answered_checkup(safety_a=CONCERN)
    with django_capture_on_commit_callbacks(execute=True):
        answer_sheet_submit(sheet=ra)
        answer_sheet_submit(sheet=rb)
    client.force_login(b)

    seen = "".join(
        client.get(url).content.decode()
        for url in (reverse("dashboard"), reverse("assessments:report", args=[checkup.pk]))
    ) + "".join(m.body for m in mail.outbox if m.to == [b.email])

    assert "Just for you" not in seen
    assert "saf0" not in seen
    assert "afraid" not in seen
    assert "Helpline" not in seen
    assert "Advice Line" not in seen and "Galop" not in seen


def test_assessment_and_report_pages_have_a_leave_quickly_control(client, couple_of, checkup_for):
    couple, a, b = couple_of()
    checkup, _, _ = checkup_for(couple, a, b)
    client.force_login(a)

    page = client.get(reverse("assessments:section", args=[checkup.pk, "tension"])).content.decode()

    assert 'class="quick-exit"' in page
    assert "quick-exit.js" in page


def test_the_panel_shows_at_once_even_with_questions_still_unanswered(client, couple_of, checkup_for):
    couple, a, b = couple_of()
    checkup, ra, _ = checkup_for(couple, a, b)
    save_answers(ra, {}, safety=CONCERN)
    client.force_login(a)

    review = client.get(reverse("assessments:review", args=[checkup.pk])).content.decode()
    dashboard = client.get(reverse("dashboard")).content.decode()

    assert "Just for you" in review
    assert "Just for you" in dashboard


def test_a_held_back_part_cannot_send_the_partner_a_reminder(client, answered_checkup):
    _couple, a, _b, checkup, ra, _ = answered_checkup(safety_a=CONCERN, only_a=True)
    answer_sheet_submit(sheet=ra, hold_back=True)
    client.force_login(a)

    page = client.post(reverse("assessments:remind", args=[checkup.pk]), follow=True).content.decode()

    assert "nobody to remind" in page
    assert mail.outbox == []
