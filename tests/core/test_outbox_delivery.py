"""Delivery under faults: leases taken back, SMTP failures retried, the clock controlled."""

import smtplib
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import OperationalError
from django.utils import timezone

from core.models import OutboxMessage
from core.outbox import outbox_claim, outbox_deliver_due, outbox_record
from couples.services import invitation_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

Status = OutboxMessage.Status


@pytest.fixture
def clock():
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


@pytest.fixture
def queued_mail():
    invitation_create(inviter=UserFactory(), email="partner@example.org", message="see you at the pier")
    return OutboxMessage.objects.get()


@pytest.fixture
def smtp_down(monkeypatch):
    """The SMTP server refuses connections until ``back()`` is called; counts the tries."""

    class Server:
        tries = 0
        up = False

        def back(self):
            self.up = True

    server = Server()
    real_send = __import__("core.outbox", fromlist=["outbox_send"]).outbox_send

    def send(message):
        server.tries += 1
        if not server.up:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        real_send(message)

    monkeypatch.setattr("core.outbox.outbox_send", send)
    return server


def test_a_message_whose_worker_died_mid_send_is_taken_back_after_its_lease_and_sent_once(
    clock, queued_mail, settings
):
    dead_workers_claim = outbox_claim()  # claimed, then the worker was killed: never recorded
    assert dead_workers_claim.status == Status.SENDING

    assert outbox_deliver_due() == 0  # the lease still holds: nobody else sends it
    clock.shift(timedelta(seconds=settings.OUTBOX_LEASE_SECONDS + 1))
    assert outbox_deliver_due() == 1
    assert outbox_deliver_due() == 0

    queued_mail.refresh_from_db()
    assert queued_mail.status == Status.SENT
    assert queued_mail.attempts == 2
    assert len(mail.outbox) == 1


def test_a_worker_whose_lease_was_taken_back_does_not_record_over_the_worker_that_took_it(
    clock, queued_mail, settings
):
    slow = outbox_claim()
    clock.shift(timedelta(seconds=settings.OUTBOX_LEASE_SECONDS + 1))
    taker = outbox_claim()

    outbox_record(slow, smtplib.SMTPServerDisconnected("late"))
    queued_mail.refresh_from_db()
    assert (queued_mail.status, queued_mail.attempts) == (Status.SENDING, 2)

    outbox_record(taker, None)
    queued_mail.refresh_from_db()
    assert queued_mail.status == Status.SENT


def test_an_smtp_outage_is_retried_with_doubling_waits_and_the_mail_goes_once_it_is_back(
    clock, queued_mail, smtp_down
):
    waits = []
    for _ in range(3):
        outbox_deliver_due()
        queued_mail.refresh_from_db()
        waits.append((queued_mail.next_attempt_at - timezone.now()).total_seconds())
        assert outbox_deliver_due() == 0  # not due yet
        clock.shift(queued_mail.next_attempt_at - timezone.now())

    smtp_down.back()
    outbox_deliver_due()

    queued_mail.refresh_from_db()
    assert waits == [30, 60, 120]
    assert queued_mail.status == Status.SENT
    assert queued_mail.last_error == ""
    assert smtp_down.tries == 4
    assert len(mail.outbox) == 1


def test_after_the_last_attempt_the_mail_is_failed_visibly_with_its_error_and_no_body(
    clock, queued_mail, smtp_down, settings
):
    for _ in range(settings.OUTBOX_MAX_ATTEMPTS):
        outbox_deliver_due()
        clock.shift(timedelta(hours=2))
    outbox_deliver_due()

    queued_mail.refresh_from_db()
    assert smtp_down.tries == settings.OUTBOX_MAX_ATTEMPTS
    assert queued_mail.status == Status.FAILED
    assert queued_mail.last_error.startswith("SMTPServerDisconnected")
    assert (queued_mail.body_text, queued_mail.body_html, queued_mail.to) == ("", "", "…@example.org")
    assert mail.outbox == []


def test_a_message_left_sending_on_its_last_attempt_ends_failed_rather_than_sent_again(
    clock, queued_mail, settings
):
    OutboxMessage.objects.filter(pk=queued_mail.pk).update(attempts=settings.OUTBOX_MAX_ATTEMPTS - 1)
    outbox_claim()  # the last attempt, and its worker dies
    clock.shift(timedelta(seconds=settings.OUTBOX_LEASE_SECONDS + 1))

    assert outbox_deliver_due() == 0

    queued_mail.refresh_from_db()
    assert queued_mail.status == Status.FAILED
    assert queued_mail.body_text == ""
    assert mail.outbox == []


def test_a_sent_mail_is_recorded_once_the_database_is_back_so_it_is_not_sent_again(
    queued_mail, monkeypatch, clock, settings
):
    from core import outbox

    real_record = outbox.outbox_record
    tries = []

    def record_while_the_database_is_away(message, error, **kwargs):
        tries.append(error)
        if len(tries) <= 2:
            raise OperationalError("server closed the connection unexpectedly")
        real_record(message, error, **kwargs)

    monkeypatch.setattr("core.outbox.outbox_record", record_while_the_database_is_away)
    monkeypatch.setattr("core.outbox.time.sleep", lambda seconds: None)
    monkeypatch.setattr("core.outbox.connections.close_all", lambda: None)  # keep the test's transaction

    outbox_deliver_due(patient=True)
    clock.shift(timedelta(seconds=settings.OUTBOX_LEASE_SECONDS + 1))
    outbox_deliver_due(patient=True)

    queued_mail.refresh_from_db()
    assert tries == [None, None, None]
    assert queued_mail.status == Status.SENT
    assert len(mail.outbox) == 1
