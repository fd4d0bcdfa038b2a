"""The mail outbox: queued with the change, sent once, and then holding no secret."""

import re
import smtplib

import pytest
from django.db import connection, transaction
from django.urls import reverse

from assessments.services import answer_sheet_submit
from core.models import OutboxMessage
from core.outbox import outbox_deliver_due
from couples.models import Invitation
from couples.services import invitation_create
from tests.factories import PASSWORD, UserFactory
from tests.support.mail import mail_delivered
from web.services import account_delete

pytestmark = pytest.mark.django_db

Status = OutboxMessage.Status


class Boom(Exception):
    pass


def _every_stored_text() -> str:
    """Every value of every row of every table, as text: where a secret could hide."""
    texts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - table names from introspection
            texts.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(texts)


def test_a_change_that_rolls_back_leaves_neither_the_change_nor_its_mail():
    inviter = UserFactory()

    with pytest.raises(Boom), transaction.atomic():
        invitation_create(inviter=inviter, email="partner@example.org")
        assert OutboxMessage.objects.filter(template="couples/email/invitation").exists()
        raise Boom

    assert not Invitation.objects.exists()
    assert not OutboxMessage.objects.exists()
    assert mail_delivered() == []


def test_the_submission_that_opens_the_report_queues_both_report_emails_in_its_own_transaction(
    answered_checkup, django_capture_on_commit_callbacks
):
    _, a, b, _, sheet_a, sheet_b = answered_checkup()
    answer_sheet_submit(sheet=sheet_a)

    with django_capture_on_commit_callbacks(execute=False):
        answer_sheet_submit(sheet=sheet_b)
        queued = OutboxMessage.objects.filter(template="assessments/email/report_ready", status=Status.QUEUED)

        assert sorted(queued.values_list("user_id", flat=True)) == sorted([a.pk, b.pk])


def test_after_delivery_no_invitation_token_link_or_personal_message_stays_in_any_mail_record(
    send_invitation,
):
    inviter = UserFactory()
    _, token = send_invitation(inviter, "partner@example.org", message="remember the lighthouse")

    record = OutboxMessage.objects.get(template="couples/email/invitation")
    stored = _every_stored_text()
    assert record.status == Status.SENT
    assert (record.body_text, record.body_html, record.to) == ("", "", "…@example.org")
    assert record.user_id == inviter.pk
    assert token not in stored
    # The message itself lives on the open invitation (its page shows it), nowhere else.
    assert stored.count("remember the lighthouse") == 1


def test_after_delivery_no_verification_code_or_reset_link_stays_in_any_table(client):
    client.post(
        reverse("account_signup"),
        {"email": "robin@example.org", "display_name": "Robin", "password1": PASSWORD, "password2": PASSWORD},
    )
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail_delivered()[-1].body, re.MULTILINE)
    assert code
    client.post(reverse("account_email_verification_sent"), {"code": code.group(1)})
    client.logout()
    client.post(reverse("account_reset_password"), {"email": "robin@example.org"})
    reset_link = re.search(r"https://attune\.test/accounts/password/reset/key/\S+", mail_delivered()[-1].body)
    assert reset_link

    stored = _every_stored_text()

    assert code.group(1) not in stored
    assert reset_link.group(0) not in stored
    assert reset_link.group(0).rsplit("/", 2)[-2] not in stored
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {Status.SENT}


def test_a_staff_member_sees_what_happened_to_a_mail_but_not_what_it_said(client):
    inviter = UserFactory()
    invitation_create(inviter=inviter, email="partner@example.org", message="remember the lighthouse")
    queued = OutboxMessage.objects.get()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    listing = client.get(reverse("admin:core_outboxmessage_changelist")).content.decode()
    page = client.get(reverse("admin:core_outboxmessage_change", args=[queued.pk])).content.decode()

    for shown in (listing, page):
        assert "couples/email/invitation" in shown
        assert "lighthouse" not in shown
        assert "/i/?t=" not in shown
        assert "partner@example.org" not in shown


def test_a_refused_address_fails_at_once_and_keeps_what_failed_for_whom_but_no_body(monkeypatch):
    inviter = UserFactory()
    invitation_create(inviter=inviter, email="partner@example.org", message="remember the lighthouse")

    def refuse(message):
        raise smtplib.SMTPRecipientsRefused({message.to: (550, b"no such user")})

    monkeypatch.setattr("core.outbox.outbox_send", refuse)
    outbox_deliver_due()

    failed = OutboxMessage.objects.get()
    assert failed.status == Status.FAILED
    assert failed.user_id == inviter.pk
    assert failed.template == "couples/email/invitation"
    assert failed.last_error.startswith("SMTPRecipientsRefused")
    assert (failed.body_text, failed.body_html) == ("", "")
    assert "lighthouse" not in failed.last_error


def test_every_mail_carries_a_message_id_made_from_its_outbox_row(send_invitation):
    send_invitation(UserFactory(), "partner@example.org")
    record = OutboxMessage.objects.get()

    assert mail_delivered()[-1].extra_headers["Message-ID"].startswith(f"<outbox-{record.pk}.")


def test_deleting_an_account_removes_its_mail_records_and_any_unsent_mail_to_it():
    leaving, staying = UserFactory(), UserFactory()
    invitation_create(inviter=leaving, email="someone@example.org")
    invitation_create(inviter=staying, email=leaving.email)

    account_delete(user=leaving)

    assert not OutboxMessage.objects.filter(user_id=leaving.pk).exists()
    assert not OutboxMessage.objects.filter(to=leaving.email).exists()
