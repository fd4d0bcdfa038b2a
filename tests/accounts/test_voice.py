"""The account pages and emails speak in Attune's voice, not allauth's defaults."""

import re

import pytest
from django.urls import reverse

from couples.services import invitation_create
from tests.factories import PASSWORD, UserFactory
from tests.support.mail import mail_delivered

pytestmark = pytest.mark.django_db

ALLAUTH_WORDING = re.compile(
    r"Sign In|Sign Up|Sign Out|Confirm Access|Email Verification|Then please|Remember Me"
)


def _signup(client):
    return client.post(
        reverse("account_signup"),
        {"email": "robin@example.org", "display_name": "Robin", "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )


@pytest.mark.parametrize("url_name", ["account_login", "account_signup", "account_reset_password"])
def test_the_pages_before_logging_in_say_log_in_and_sign_up_in_sentence_case(client, url_name):
    page = client.get(reverse(url_name)).content.decode()

    assert not ALLAUTH_WORDING.search(page)
    assert "Log in" in page


def test_the_code_page_has_one_primary_action_a_resend_form_and_a_clear_way_to_leave_sign_up(client):
    page = _signup(client).content.decode()

    assert not ALLAUTH_WORDING.search(page)
    assert page.count("button-primary") == 1
    assert re.search(r'<button type="submit" class="button button-primary">Confirm my address</button>', page)
    assert '<input type="hidden" name="action" value="resend">' in page
    assert "Leave sign-up and log out" in page
    assert "Your account waits for you" in page


def test_the_code_email_has_a_plain_subject_and_no_host_or_user_wording(client):
    _signup(client)

    [message] = mail_delivered()
    assert message.subject == "Attune: Your code to confirm your email address"
    assert "has given your email address" not in message.body
    assert "127.0.0.1" not in message.body


def test_the_invitation_subject_names_the_inviter_once_and_attune_once():
    invitation_create(inviter=UserFactory(display_name="Robin"), email="kai@example.org")

    [message] = mail_delivered()
    assert message.subject.count("Robin") == 1
    assert message.subject.count("Attune") == 1


@pytest.mark.parametrize(
    ("next_url", "reason"),
    [
        ("privacy_export", "Your data file holds your answers"),
        ("privacy_delete", "Deleting your account cannot be undone"),
        ("account_email", "how you get back into your account"),
    ],
)
def test_the_password_prompt_says_why_it_asks_before_each_sensitive_step(client, next_url, reason):
    client.force_login(UserFactory())

    page = client.get(reverse("account_reauthenticate") + "?next=" + reverse(next_url)).content.decode()

    assert "Enter your password again" in page
    assert reason in page
    assert not ALLAUTH_WORDING.search(page)
