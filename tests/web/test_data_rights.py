import json

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.core import mail
from django.urls import reverse

from accounts.models import User
from assessments.models import Answer, AnswerSheet, SafetyAnswer
from assessments.services import answer_sheet_submit
from core.models import OutboxMessage
from counsellors.services import share_agree, share_propose
from couples.models import Invitation
from couples.selectors import couple_active_for
from couples.services import invitation_accept, invitation_create
from tests.factories import PASSWORD, CounsellorFactory, UserFactory
from tests.support.answers import DISTANCING, PURSUING, answers_for, save_answers

pytestmark = pytest.mark.django_db


def _reauthenticate(client):
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})


def _completed_with_safety_answers(answered_checkup):
    _couple, a, b, checkup, sheet_a, sheet_b = answered_checkup(safety_a={"saf01": 1, "saf02": 1, "saf03": 1})
    answer_sheet_submit(sheet=sheet_a)
    answer_sheet_submit(sheet=sheet_b)
    return checkup, a, b


def test_the_privacy_page_offers_export_sessions_leave_and_delete(client, couple_of):
    _, a, _ = couple_of()
    client.force_login(a)

    page = client.get(reverse("privacy")).content.decode()

    for text in ("Download my data", "Your sessions", "Leave the couple", "Delete my account"):
        assert text in page


def test_exporting_asks_for_the_password_first(client, couple_of):
    _, a, _ = couple_of()
    client.force_login(a)

    response = client.post(reverse("privacy_export"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_the_export_holds_my_account_answers_reports_and_invitations_but_never_my_partners_answers(
    client, answered_checkup
):
    _checkup, a, b = _completed_with_safety_answers(answered_checkup)
    client.force_login(a)
    _reauthenticate(client)

    response = client.post(reverse("privacy_export"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="attune-my-data.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == a.email
    [entry] = data["checkups"]
    mine = {row["item"]: row["value"] for row in entry["answers"]}
    assert mine == answers_for(PURSUING)
    assert "private_safety_answers" not in entry
    assert entry["shared_report"]["headline"]
    assert data["couples"][0]["partner_display_name"] == b.display_name
    assert data["invitations_sent"][0]["to"] == b.email
    assert "saf01" not in response.content.decode()


def test_the_export_includes_my_safety_answers_only_when_i_tick_the_box(client, answered_checkup):
    _, a, _ = _completed_with_safety_answers(answered_checkup)
    client.force_login(a)
    _reauthenticate(client)

    data = json.loads(client.post(reverse("privacy_export"), {"include_safety": "on"}).content)

    assert {row["item"] for row in data["checkups"][0]["private_safety_answers"]} == {
        "saf01",
        "saf02",
        "saf03",
    }


def test_deleting_asks_for_the_password_and_a_ticked_confirmation(client, couple_of):
    _, a, _ = couple_of()
    client.force_login(a)

    assert client.get(reverse("privacy_delete"))["Location"].startswith(reverse("account_reauthenticate"))
    _reauthenticate(client)
    unconfirmed = client.post(reverse("privacy_delete"), follow=True)

    assert "tick the box" in unconfirmed.content.decode()
    assert User.objects.filter(pk=a.pk).exists()


def test_deleting_removes_my_answers_sessions_and_invitations_and_ends_the_couple(
    client, django_capture_on_commit_callbacks, answered_checkup
):
    checkup, a, b = _completed_with_safety_answers(answered_checkup)
    invitation_create(inviter=UserFactory(), email=a.email)
    client.post(reverse("account_login"), {"login": a.email, "password": PASSWORD})
    assert UserSession.objects.filter(user=a).exists()
    _reauthenticate(client)
    session_key = client.session.session_key
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy_delete"), {"confirm": "on"}, follow=True)

    assert "have been deleted" in response.content.decode()
    assert "have been deleted" in response.content.decode()
    assert not User.objects.filter(pk=a.pk).exists()
    assert not AnswerSheet.objects.filter(user_id=a.pk).exists()
    assert not SafetyAnswer.objects.exists()
    assert not Session.objects.filter(session_key=session_key).exists()
    assert not Invitation.objects.open().filter(email=a.email).exists()
    assert couple_active_for(user=b) is None
    # The partner keeps their own answers, hears only that the couple ended, and loses the joint report.
    assert Answer.objects.filter(sheet__user=b).count() == len(answers_for(DISTANCING))
    assert [m.to for m in mail.outbox] == [[b.email]]
    assert "ended" in mail.outbox[0].subject
    assert "delet" not in mail.outbox[0].body.lower()
    client.force_login(b)
    assert client.get(reverse("assessments:report", args=[checkup.pk])).status_code == 404


def test_the_export_holds_my_sessions_the_invitations_i_received_and_my_held_back_state(client, checkup_for):
    a = UserFactory(display_name="Avery")
    b = UserFactory(display_name="Blake")
    invitation_create(inviter=a, email=b.email, message="Shall we?")
    couple = invitation_accept(invitation=Invitation.objects.get(inviter=a), user=b)
    _checkup, _sheet_a, sheet_b = checkup_for(couple, a, b)
    save_answers(sheet_b, answers_for(DISTANCING), safety={"saf01": 4, "saf02": 2})
    answer_sheet_submit(sheet=sheet_b, hold_back=True)
    client.defaults["HTTP_USER_AGENT"] = "TestBrowser/1.0"
    client.post(reverse("account_login"), {"login": b.email, "password": PASSWORD})
    _reauthenticate(client)

    data = json.loads(client.post(reverse("privacy_export")).content)

    assert data["sessions"] and data["sessions"][0]["browser"] == "TestBrowser/1.0"
    assert data["sessions"][0]["ip"] == "127.0.0.1"
    [received] = data["invitations_received"]
    assert received["from_display_name"] == "Avery"
    assert received["message"] == "Shall we?"
    assert received["state"] == "accepted"
    assert data["checkups"][0]["held_back"] is True


def test_deleting_my_account_takes_my_address_and_the_message_i_was_sent_out_of_the_inviters_record(client):
    a = UserFactory()
    b = UserFactory(email="blake@example.org")
    invitation_create(inviter=a, email="Blake@example.org", message="For Blake only")
    invitation_accept(invitation=Invitation.objects.get(inviter=a), user=b)
    client.force_login(b)
    _reauthenticate(client)

    client.post(reverse("privacy_delete"), {"confirm": "on"})

    record = Invitation.objects.get(inviter=a)
    assert (record.email, record.email_canonical, record.message) == ("", "", "")
    client.force_login(a)
    _reauthenticate(client)
    exported = client.post(reverse("privacy_export")).content.decode()
    assert "blake@example.org" not in exported.lower()
    assert "For Blake only" not in exported
    assert json.loads(exported)["invitations_sent"][0]["to"] is None


def test_the_export_lists_my_undelivered_mail_by_kind_without_its_content(client, completed_checkup):
    checkup, a, b = completed_checkup()
    counsellor = CounsellorFactory(name="Dr Rowan", practice="Riverside")
    share_agree(share=share_propose(couple=checkup.couple, user=a, counsellor=counsellor), user=b)
    OutboxMessage.objects.filter(user_id=a.pk).update(
        status=OutboxMessage.Status.FAILED, subject="", body_text="", body_html=""
    )
    client.force_login(a)
    _reauthenticate(client)

    data = json.loads(client.post(reverse("privacy_export")).content)

    kinds = {m["what"] for m in data["mail_not_delivered"]}
    assert "The news that your reports are shared with a counsellor" in kinds
    assert {m["to_domain"] for m in data["mail_not_delivered"]} == {a.email.rpartition("@")[2]}
