import hashlib
from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from core.errors import AppError
from couples.models import Invitation
from couples.services import invitation_create
from tests.factories import UserFactory
from tests.support.invitations import open_url, token_from_last_mail

pytestmark = pytest.mark.django_db


def test_the_stored_token_is_the_sha256_of_the_emailed_token_and_never_the_token_itself(send_invitation):
    invitation, token = send_invitation(UserFactory(), "partner@example.org")

    invitation.refresh_from_db()
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert invitation.token_hash != token
    assert token not in str(Invitation.objects.values().get())
    assert len(token) >= 43  # 32 random bytes, base64url


def test_the_invitation_email_names_the_inviter_carries_the_message_and_uses_the_site_url(send_invitation):
    inviter = UserFactory(display_name="Jo")
    send_invitation(inviter, "partner@example.org", message="Shall we try this together?")

    message = mail.outbox[-1]
    assert message.to == ["partner@example.org"]
    assert "Jo" in message.subject
    assert "Shall we try this together?" in message.body
    assert "https://attune.test/i/" in message.body
    html = message.alternatives[0][0]
    assert "https://attune.test/i/" in html
    assert "Shall we try this together?" in html


def test_an_invitation_expires_seven_days_after_it_is_sent(send_invitation):
    invitation, _ = send_invitation(UserFactory(), "partner@example.org")

    assert invitation.expires_at - invitation.sent_at == timedelta(days=7)


def test_inviting_again_revokes_the_earlier_link(send_invitation):
    inviter = UserFactory()
    first, _ = send_invitation(inviter, "one@example.org")
    second, _ = send_invitation(inviter, "two@example.org")

    first.refresh_from_db()
    assert first.state == Invitation.State.REVOKED
    assert second.state == Invitation.State.PENDING


def test_nobody_can_invite_themselves_in_any_letter_case():
    inviter = UserFactory(email="me@example.org")

    with pytest.raises(AppError) as error:
        invitation_create(inviter=inviter, email="ME@Example.org")

    assert error.value.code == "self"
    assert not Invitation.objects.exists()


def test_an_unverified_account_cannot_invite():
    with pytest.raises(AppError) as error:
        invitation_create(inviter=UserFactory(verified=False), email="partner@example.org")

    assert error.value.code == "unverified"


def test_a_person_already_in_a_couple_cannot_invite(couple_of):
    _, a, _ = couple_of()

    with pytest.raises(AppError) as error:
        invitation_create(inviter=a, email="someone@example.org")

    assert error.value.code == "in_couple"


def test_invitations_are_limited_to_five_sends_an_hour_per_person(send_invitation):
    inviter = UserFactory()
    for n in range(5):
        send_invitation(inviter, f"p{n}@example.org")

    with pytest.raises(AppError) as error:
        invitation_create(inviter=inviter, email="p6@example.org")

    assert error.value.code == "rate_limited"
    assert "last hour" in error.value.message


def test_the_database_refuses_a_second_open_invitation_from_one_person():
    inviter = UserFactory()
    now = timezone.now()
    Invitation.objects.create(inviter=inviter, email="a@example.org", token_hash="a" * 64, expires_at=now)

    with pytest.raises(IntegrityError):
        Invitation.objects.create(inviter=inviter, email="b@example.org", token_hash="b" * 64, expires_at=now)


def test_the_database_refuses_a_message_over_500_characters():
    with pytest.raises(IntegrityError):
        Invitation.objects.create(
            inviter=UserFactory(),
            email="a@example.org",
            token_hash="a" * 64,
            expires_at=timezone.now(),
            message="x" * 501,
        )


def test_the_invite_form_answers_the_same_whether_or_not_the_address_has_an_account(client):
    UserFactory(email="member@example.org")
    first, second = UserFactory(), UserFactory()

    client.force_login(first)
    existing = client.post(reverse("couples:invite"), {"email": "member@example.org"}, follow=True)
    client.force_login(second)
    unknown = client.post(reverse("couples:invite"), {"email": "stranger@example.org"}, follow=True)

    assert existing.redirect_chain == unknown.redirect_chain == [(reverse("dashboard"), 302)]
    assert [str(m) for m in existing.context["messages"]] == [str(m) for m in unknown.context["messages"]]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"email": "not-an-email"}, "Enter a valid email address."),
        ({"email": ""}, "This field is required."),
        ({"email": "p@example.org", "message": "x" * 501}, "at most 500 characters"),
    ],
)
def test_bad_invite_input_gets_a_clear_message_and_saves_nothing(client, data, expected):
    client.force_login(UserFactory())

    response = client.post(reverse("couples:invite"), data)

    assert response.status_code == 200
    assert expected in response.content.decode()
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_resending_sends_a_fresh_link_and_the_old_one_stops_working(
    client, send_invitation, django_capture_on_commit_callbacks
):
    inviter = UserFactory()
    invitation, old_token = send_invitation(inviter, "partner@example.org")
    client.force_login(inviter)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("couples:invitation_resend"), {"invitation": invitation.pk}, follow=True
        )

    assert "fresh link" in response.content.decode()
    new_token = token_from_last_mail()
    assert new_token != old_token
    assert client.get(open_url(old_token)).status_code == 404
    assert client.get(open_url(new_token)).status_code == 302


def test_resending_a_revoked_invitation_gets_a_clear_message_and_sends_nothing(client, send_invitation):
    inviter = UserFactory()
    invitation, _ = send_invitation(inviter, "partner@example.org")
    client.force_login(inviter)
    client.post(reverse("couples:invitation_revoke"), {"invitation": invitation.pk})
    sent = len(mail.outbox)

    response = client.post(reverse("couples:invitation_resend"), {"invitation": invitation.pk}, follow=True)

    assert "cannot be sent again" in response.content.decode()
    assert len(mail.outbox) == sent
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.REVOKED


def test_a_revoked_link_shows_a_page_that_says_so(client, send_invitation):
    inviter = UserFactory()
    invitation, token = send_invitation(inviter, "partner@example.org")
    client.force_login(inviter)
    client.post(reverse("couples:invitation_revoke"), {"invitation": invitation.pk})
    client.logout()

    response = client.get(open_url(token), follow=True)

    assert "withdrawn" in response.content.decode()
