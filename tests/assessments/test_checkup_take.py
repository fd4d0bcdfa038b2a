import pytest
from django.core import mail
from django.db import IntegrityError
from django.urls import reverse

from assessments.instrument import current_instrument
from assessments.models import Answer, AnswerSheet, Checkup, SafetyAnswer
from assessments.services import answer_sheet_submit, checkup_start
from core.errors import AppError
from tests.factories import UserFactory
from tests.support.answers import PURSUING, answers_for, save_answers
from tests.support.html import mask_html

pytestmark = pytest.mark.django_db

INSTRUMENT = current_instrument()
FIRST = INSTRUMENT.sections[0].key
SECOND = INSTRUMENT.sections[1].key


def section_url(checkup, key):
    return reverse("assessments:section", args=[checkup.pk, key])


def test_either_partner_starts_a_checkup_and_both_see_it(client, couple_of):
    couple, a, b = couple_of()
    client.force_login(a)

    response = client.post(reverse("assessments:start"))

    checkup = Checkup.objects.get(couple=couple)
    assert response["Location"] == reverse("assessments:checkup", args=[checkup.pk])
    client.force_login(b)
    assert "Begin the checkup" in client.get(reverse("dashboard")).content.decode()
    assert client.post(reverse("assessments:start"))["Location"] == response["Location"]
    assert Checkup.objects.count() == 1
    assert set(checkup.answer_sheets.values_list("user", flat=True)) == {a.pk, b.pk}


def test_someone_without_a_couple_cannot_start_a_checkup(client):
    client.force_login(UserFactory())

    assert client.post(reverse("assessments:start")).status_code == 404


def test_each_question_is_a_fieldset_with_a_legend_and_worded_radio_buttons(client, couple_of, checkup_for):
    couple, a, b = couple_of(b=UserFactory(display_name="Riley"))
    checkup, _, _ = checkup_for(couple, a, b)
    client.force_login(a)

    page = client.get(section_url(checkup, "partner_view")).content.decode()

    items = INSTRUMENT.section_items("partner_view")
    assert page.count("<fieldset") == len(items) == page.count("<legend>")
    assert page.count('type="radio"') == 5 * len(items)
    assert "Almost always</label>" in page
    assert "Riley" in page
    assert "{partner}" not in page


def test_answers_are_saved_per_page_and_resume_on_another_device(client, couple_of, checkup_for):
    couple, a, b = couple_of()
    checkup, response, _ = checkup_for(couple, a, b)
    first_items = INSTRUMENT.section_items(FIRST)
    client.force_login(a)

    saved = client.post(section_url(checkup, FIRST), {f"q_{item.id}": "3" for item in first_items})

    assert saved["Location"] == section_url(checkup, SECOND)
    other_device = type(client)()
    other_device.force_login(a)
    assert other_device.get(reverse("assessments:checkup", args=[checkup.pk]))["Location"] == section_url(
        checkup, SECOND
    )
    page = other_device.get(section_url(checkup, FIRST)).content.decode()
    assert page.count('value="3" checked') == len(first_items)
    assert Answer.objects.filter(sheet=response).count() == len(first_items)
    assert set(Answer.objects.values_list("instrument_version", flat=True)) == {INSTRUMENT.version}


def test_back_keeps_the_answers_of_the_page(client, couple_of, checkup_for):
    couple, a, b = couple_of()
    checkup, response, _ = checkup_for(couple, a, b)
    item = INSTRUMENT.section_items(SECOND)[0]
    client.force_login(a)

    back = client.post(section_url(checkup, SECOND), {f"q_{item.id}": "4", "action": "back"})

    assert back["Location"] == section_url(checkup, FIRST)
    assert Answer.objects.get(sheet=response, item_id=item.id).value == 4


@pytest.mark.parametrize("bad", ["0", "6", "abc", "-1", "3.5", ""])
def test_a_value_outside_the_scale_gets_a_message_and_loses_nothing_saved(
    client, couple_of, checkup_for, bad
):
    couple, a, b = couple_of()
    checkup, response, _ = checkup_for(couple, a, b)
    first, second = INSTRUMENT.section_items(FIRST)[:2]
    client.force_login(a)
    client.post(section_url(checkup, FIRST), {f"q_{first.id}": "2"})

    page = client.post(section_url(checkup, FIRST), {f"q_{first.id}": "5", f"q_{second.id}": bad})

    if bad == "":
        assert page.status_code == 302  # unanswered is allowed until submit
        return
    assert page.status_code == 400
    assert "Please choose one of the answers shown." in page.content.decode()
    assert "Nothing on this page was saved yet" in page.content.decode()
    assert Answer.objects.get(sheet=response, item_id=first.id).value == 2
    assert not Answer.objects.filter(sheet=response, item_id=second.id).exists()


def test_an_unknown_item_id_gets_a_message_and_nothing_is_saved(client, couple_of, checkup_for):
    couple, a, b = couple_of()
    checkup, response, _ = checkup_for(couple, a, b)
    item = INSTRUMENT.section_items(FIRST)[0]
    client.force_login(a)

    page = client.post(section_url(checkup, FIRST), {f"q_{item.id}": "3", "q_xyz99": "3"})

    assert page.status_code == 400
    assert "not on it. Nothing was saved." in page.content.decode()
    assert not Answer.objects.filter(sheet=response).exists()


def test_an_item_of_another_page_is_refused(client, couple_of, checkup_for):
    couple, a, b = couple_of()
    checkup, response, _ = checkup_for(couple, a, b)
    other = INSTRUMENT.section_items(SECOND)[0]
    client.force_login(a)

    assert client.post(section_url(checkup, FIRST), {f"q_{other.id}": "3"}).status_code == 400
    assert not Answer.objects.filter(sheet=response).exists()


def test_another_couples_checkup_is_404_on_every_page(client, couple_of, checkup_for):
    couple, a, b = couple_of()
    checkup, _, _ = checkup_for(couple, a, b)
    _, outsider, _ = couple_of()
    client.force_login(outsider)

    for url in (
        reverse("assessments:checkup", args=[checkup.pk]),
        section_url(checkup, FIRST),
        reverse("assessments:review", args=[checkup.pk]),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, {}).status_code == 404
    for name in ("remind", "hold_back", "release"):
        assert client.post(reverse(f"assessments:{name}", args=[checkup.pk])).status_code == 404
    assert client.get(section_url(checkup, "no-such-section")).status_code == 404


def test_submit_requires_every_shared_answer_and_the_review_lists_what_is_missing(
    client, couple_of, checkup_for
):
    couple, a, b = couple_of()
    checkup, response, _ = checkup_for(couple, a, b)
    answers = answers_for(PURSUING)
    missing_id = next(iter(answers))
    del answers[missing_id]
    save_answers(response, answers)
    client.force_login(a)

    review = client.get(reverse("assessments:review", args=[checkup.pk])).content.decode()
    submit = client.post(reverse("assessments:review", args=[checkup.pk]), follow=True)

    assert "One question still needs an answer" in review
    assert f"#q-{missing_id}" in review
    assert "Please answer every question before you submit." in submit.content.decode()
    response.refresh_from_db()
    assert response.submitted_at is None


def test_the_private_section_is_optional_and_says_the_partner_never_sees_it(client, couple_of, checkup_for):
    couple, a, b = couple_of()
    checkup, response, _ = checkup_for(couple, a, b)
    save_answers(response, answers_for(PURSUING))
    client.force_login(a)

    page = client.get(section_url(checkup, "private_check")).content.decode()
    client.post(reverse("assessments:review", args=[checkup.pk]))

    assert "Your partner never sees this section in any form." in page
    response.refresh_from_db()
    assert response.submitted_at is not None


def test_safety_answers_are_stored_apart_from_the_shared_answers(couple_of, checkup_for):
    couple, a, b = couple_of()
    _, response, _ = checkup_for(couple, a, b)

    save_answers(response, answers_for(PURSUING), safety={"saf01": 2, "saf02": 1})

    assert set(SafetyAnswer.objects.values_list("item_id", flat=True)) == {"saf01", "saf02"}
    assert not Answer.objects.filter(item_id__startswith="saf").exists()


def test_submitting_locks_the_answers_and_later_posts_change_nothing(client, couple_of, checkup_for):
    couple, a, b = couple_of()
    checkup, response, _ = checkup_for(couple, a, b)
    save_answers(response, answers_for(PURSUING))
    client.force_login(a)
    client.post(reverse("assessments:review", args=[checkup.pk]))
    item = INSTRUMENT.section_items(FIRST)[0]
    before = Answer.objects.get(sheet=response, item_id=item.id).value

    late = client.post(section_url(checkup, FIRST), {f"q_{item.id}": str(6 - before)}, follow=True)
    again = client.post(reverse("assessments:review", args=[checkup.pk]), follow=True)

    assert "already submitted and locked" in late.content.decode()
    assert "already submitted" in again.content.decode()
    assert Answer.objects.get(sheet=response, item_id=item.id).value == before
    with pytest.raises(AppError):
        answer_sheet_submit(sheet=response)


def test_before_completion_nothing_of_the_partners_progress_reaches_the_other(
    client, couple_of, checkup_for, django_capture_on_commit_callbacks
):
    couple, a, b = couple_of()
    checkup, ra, _rb = checkup_for(couple, a, b)
    client.force_login(b)
    pages = [
        reverse("dashboard"),
        reverse("assessments:checkup", args=[checkup.pk]),
        section_url(checkup, FIRST),
    ]
    before = [mask_html(client.get(url, follow=True).content.decode()) for url in pages]

    with django_capture_on_commit_callbacks(execute=True):
        save_answers(ra, answers_for(PURSUING))
        answer_sheet_submit(sheet=ra)

    after = [mask_html(client.get(url, follow=True).content.decode()) for url in pages]
    assert before == after
    assert [m.to for m in mail.outbox] == []


def test_the_first_to_finish_waits_and_can_send_one_reminder_a_day(
    client, couple_of, checkup_for, django_capture_on_commit_callbacks
):
    couple, a, b = couple_of(b=UserFactory(display_name="Dana"))
    checkup, ra, _ = checkup_for(couple, a, b)
    save_answers(ra, answers_for(PURSUING))
    answer_sheet_submit(sheet=ra)
    client.force_login(a)

    waiting = client.get(reverse("assessments:checkup", args=[checkup.pk])).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(reverse("assessments:remind", args=[checkup.pk]), follow=True)
        second = client.post(reverse("assessments:remind", args=[checkup.pk]), follow=True)

    assert "Waiting for Dana" in waiting
    assert "gentle reminder" in first.content.decode()
    assert "in the last day" in second.content.decode()
    assert [m.to for m in mail.outbox] == [[b.email]]


def test_the_second_submission_completes_the_checkup_and_emails_each_partner_once(
    django_capture_on_commit_callbacks, answered_checkup
):
    _couple, a, b, checkup, ra, rb = answered_checkup()

    with django_capture_on_commit_callbacks(execute=True):
        answer_sheet_submit(sheet=ra)
        checkup.refresh_from_db()
        assert checkup.completed_at is None
        answer_sheet_submit(sheet=rb)

    checkup.refresh_from_db()
    assert checkup.completed_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == sorted([a.email, b.email])
    assert all(m.subject.endswith("Your shared report is ready") for m in mail.outbox)
    assert all(f"/checkups/{checkup.pk}/report/" in m.body for m in mail.outbox)


def test_the_database_allows_one_open_checkup_per_couple(couple_of):
    couple, a, _ = couple_of()
    checkup_start(couple=couple, user=a)

    with pytest.raises(IntegrityError):
        Checkup.objects.create(couple=couple, instrument_key="pursue-withdraw", instrument_version=1)


def test_the_database_refuses_an_answer_outside_the_scale(couple_of, checkup_for):
    couple, a, b = couple_of()
    _, response, _ = checkup_for(couple, a, b)

    with pytest.raises(IntegrityError):
        Answer.objects.create(sheet=response, item_id="pur01", value=9, instrument_version=1)


def test_the_database_allows_one_response_per_person_per_checkup(couple_of, checkup_for):
    couple, a, b = couple_of()
    checkup, _, _ = checkup_for(couple, a, b)

    with pytest.raises(IntegrityError):
        AnswerSheet.objects.create(checkup=checkup, user=a)


def test_stepping_back_and_leaving_still_resumes_at_the_furthest_page(client, couple_of, checkup_for):
    couple, a, b = couple_of()
    checkup, _, _ = checkup_for(couple, a, b)
    client.force_login(a)
    client.post(section_url(checkup, FIRST), {})
    client.post(section_url(checkup, SECOND), {"action": "back"})

    resumed = client.get(reverse("assessments:checkup", args=[checkup.pk]))

    assert resumed["Location"] == section_url(checkup, SECOND)


def test_after_the_last_page_the_person_resumes_at_the_review_not_the_private_check(
    client, couple_of, checkup_for
):
    couple, a, b = couple_of()
    checkup, _, _ = checkup_for(couple, a, b)
    client.force_login(a)
    last = INSTRUMENT.sections[-1].key

    assert client.post(section_url(checkup, last), {})["Location"] == reverse(
        "assessments:review", args=[checkup.pk]
    )
    assert client.get(reverse("assessments:checkup", args=[checkup.pk]))["Location"] == reverse(
        "assessments:review", args=[checkup.pk]
    )


def test_an_absurdly_long_number_is_a_clear_message_not_a_crash(client, couple_of, checkup_for):
    couple, a, b = couple_of()
    checkup, _, _ = checkup_for(couple, a, b)
    item = INSTRUMENT.section_items(FIRST)[0]
    client.force_login(a)

    response = client.post(section_url(checkup, FIRST), {f"q_{item.id}": "1" * 5000})

    assert response.status_code == 400
    assert "Please choose one of the answers shown." in response.content.decode()
