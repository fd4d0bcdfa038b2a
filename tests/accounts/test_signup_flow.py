import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, UserFactory
from tests.support.mail import mail_delivered

pytestmark = pytest.mark.django_db


def _signup(client, email="robin@example.org", name="Robin", password=PASSWORD):
    return client.post(
        reverse("account_signup"),
        {"email": email, "display_name": name, "password1": password, "password2": password},
        follow=True,
    )


def _code_from(message) -> str:
    match = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", message.body, re.MULTILINE)
    assert match, message.body
    return match.group(1)


def test_a_new_person_signs_up_verifies_by_emailed_code_and_reaches_the_dashboard(client):
    response = _signup(client)

    assert response.status_code == 200
    assert len(mail_delivered()) == 1
    assert mail_delivered()[0].to == ["robin@example.org"]
    user = User.objects.get(email="robin@example.org")
    assert user.display_name == "Robin"
    assert not EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("dashboard")).status_code == 302

    response = client.post(
        reverse("account_email_verification_sent"), {"code": _code_from(mail_delivered()[0])}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("dashboard")
    assert EmailAddress.objects.get(user=user).verified
    assert "Hello, Robin" in response.content.decode()


def test_a_wrong_verification_code_gets_a_clear_message_and_verifies_nothing(client):
    _signup(client)

    response = client.post(reverse("account_email_verification_sent"), {"code": "WRONG1"})

    assert response.status_code == 200
    assert "Incorrect code" in response.content.decode()
    assert not EmailAddress.objects.get(email="robin@example.org").verified


def test_an_unverified_person_cannot_log_in_until_they_verify(client):
    UserFactory(email="lee@example.org", verified=False)

    response = client.post(
        reverse("account_login"), {"login": "lee@example.org", "password": PASSWORD}, follow=True
    )

    assert client.get(reverse("dashboard")).status_code == 302
    assert len(mail_delivered()) == 1
    assert "Check your email for a code" in response.content.decode()


def test_a_weak_password_is_refused_with_a_message(client):
    response = _signup(client, password="12345678")

    assert response.status_code == 200
    assert "too common" in response.content.decode()
    assert not User.objects.exists()


def test_every_email_has_a_text_and_an_html_part(client):
    _signup(client)

    message = mail_delivered()[0]
    assert message.body.strip()
    assert [mimetype for _, mimetype in message.alternatives] == ["text/html"]
    assert _code_from(message) in message.alternatives[0][0]


def test_a_verified_person_logs_in_and_sees_their_dashboard(client):
    user = UserFactory(display_name="Kit")

    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("dashboard")
    assert "Hello, Kit" in response.content.decode()


def test_logout_is_a_post_and_ends_the_session(client):
    user = UserFactory()
    client.force_login(user)

    assert client.get(reverse("account_logout")).status_code == 200  # a confirmation page, not a logout
    assert client.get(reverse("dashboard")).status_code == 200
    client.post(reverse("account_logout"))
    assert client.get(reverse("dashboard")).status_code == 302


def test_signed_in_pages_are_never_cached(client):
    client.force_login(UserFactory())

    response = client.get(reverse("dashboard"))

    assert "no-store" in response["Cache-Control"]


def test_a_form_without_a_valid_csrf_token_gets_a_styled_page_and_changes_nothing():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("account_signup"), {"email": "x@example.org"})

    assert response.status_code == 403
    assert "Please try that again" in response.content.decode()
    assert not User.objects.exists()


def test_the_html_part_of_a_text_email_is_real_html_with_the_text_escaped():
    from core.mail import email_html_from_text

    html = email_html_from_text(
        subject="Hi", body_text="Hello <b>Sam</b>,\n\nSee https://attune.test/x?a=1&b=2\nthen"
    )

    assert "<p>Hello &lt;b&gt;Sam&lt;/b&gt;,</p>" in html
    assert '<a href="https://attune.test/x?a=1&amp;b=2">' in html
    assert "<br>then</p>" in html
