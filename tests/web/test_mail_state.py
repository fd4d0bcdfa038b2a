"""People see what happened to their mail: the invitation's email on the dashboard,
undelivered mail on the privacy page, and a verification code they can have sent again."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from core.models import OutboxMessage
from couples.services import invitation_create
from tests.factories import PASSWORD, UserFactory
from tests.support.mail import mail_delivered

pytestmark = pytest.mark.django_db

Status = OutboxMessage.Status


def test_the_dashboard_says_the_invitation_email_is_on_its_way_and_then_that_it_was_sent(client):
    inviter = UserFactory()
    invitation_create(inviter=inviter, email="partner@example.org")
    client.force_login(inviter)

    before = client.get(reverse("dashboard")).content.decode()
    mail_delivered()
    after = client.get(reverse("dashboard")).content.decode()

    assert "The email with the link is on its way." in before
    assert "The email with the link has been sent." in after


@pytest.mark.parametrize(
    ("record", "shown"),
    [
        (
            {"attempts": 2, "last_error": "SMTPServerDisconnected: gone"},
            "The email with the link is delayed.",
        ),
        (
            {
                "status": Status.FAILED,
                "body_text": "",
                "body_html": "",
                "last_error": "SMTPRecipientsRefused",
            },
            "We could not deliver the email with the link.",
        ),
    ],
)
def test_the_dashboard_says_when_the_invitation_email_is_delayed_or_failed_and_offers_to_send_it_again(
    client, record, shown
):
    inviter = UserFactory()
    invitation_create(inviter=inviter, email="partner@example.org")
    OutboxMessage.objects.filter(template="couples/email/invitation").update(**record)
    client.force_login(inviter)

    page = client.get(reverse("dashboard")).content.decode()

    assert shown in page
    assert "Send the link again" in page


def test_the_privacy_page_lists_undelivered_mail_by_kind_and_domain_only(client):
    person = UserFactory()
    OutboxMessage.objects.create(
        template="couples/email/invitation",
        to="…@example.net",
        subject="Attune: secret subject words",
        user_id=person.pk,
        status=Status.FAILED,
        attempts=8,
        created_at="2026-11-20T10:00:00Z",
        next_attempt_at="2026-11-20T10:00:00Z",
        last_error="SMTPServerDisconnected",
    )
    client.force_login(person)

    page = client.get(reverse("privacy")).content.decode()

    assert "Emails we could not deliver" in page
    assert "The invitation to your partner to an address at example.net" in page
    assert "secret subject words" not in page


def test_the_privacy_page_shows_no_undelivered_mail_section_when_all_went_well(client):
    client.force_login(UserFactory())

    assert "Emails we could not deliver" not in client.get(reverse("privacy")).content.decode()


def test_a_new_person_can_have_the_verification_code_sent_again_and_the_new_code_works(client):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client.post(
            reverse("account_signup"),
            {
                "email": "robin@example.org",
                "display_name": "Robin",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )
        mail_delivered()
        # The rate limit allows one code per address every 3 minutes.
        clock.shift(timedelta(minutes=4))

        client.post(reverse("account_email_verification_sent"), {"action": "resend"})
        sent = mail_delivered()
        codes = [re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", m.body, re.MULTILINE).group(1) for m in sent]
        response = client.post(reverse("account_email_verification_sent"), {"code": codes[-1]}, follow=True)

    assert len(sent) == 2
    assert codes[0] != codes[1]
    assert response.redirect_chain[-1][0] == reverse("dashboard")
