import pytest
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, UserFactory
from tests.support.mail import mail_delivered

pytestmark = pytest.mark.django_db


def _signup(client, email):
    return client.post(
        reverse("account_signup"),
        {"email": email, "display_name": "Someone", "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )


def test_signing_up_with_a_taken_email_looks_the_same_as_a_new_one(client):
    UserFactory(email="taken@example.org")

    taken = _signup(client, "taken@example.org")
    client.logout()
    fresh = _signup(client, "fresh@example.org")

    assert taken.redirect_chain[-1][0] == fresh.redirect_chain[-1][0]
    assert taken.status_code == fresh.status_code == 200
    assert User.objects.filter(email="taken@example.org").count() == 1
    # The owner of the taken address hears about it by mail, not the visitor.
    assert "already" in mail_delivered()[0].body.lower()


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client):
    UserFactory(email="known@example.org")

    known = client.post(reverse("account_reset_password"), {"email": "known@example.org"}, follow=True)
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"}, follow=True)

    assert known.redirect_chain == unknown.redirect_chain
    assert known.status_code == unknown.status_code == 200


def test_password_reset_links_use_the_configured_site_url_not_the_host_header(client, settings):
    settings.ALLOWED_HOSTS = ["*"]  # even a too-permissive deployment must not leak the Host into mail
    UserFactory(email="known@example.org")

    client.post(reverse("account_reset_password"), {"email": "known@example.org"}, HTTP_HOST="evil.example")

    body = mail_delivered()[0].body
    assert "https://attune.test/accounts/password/reset/key/" in body
    assert "evil.example" not in body


def test_signing_up_hashes_the_password_once_for_a_known_address_and_once_for_a_new_one(client, monkeypatch):
    """The timing of the answer must not say whether an address has an account (`make signup-timing`)."""
    from django.contrib.auth.hashers import get_hasher

    hasher_class = type(get_hasher())
    calls: list[str] = []
    original = hasher_class.encode
    monkeypatch.setattr(
        hasher_class, "encode", lambda self, *a, **k: calls.append("hash") or original(self, *a, **k)
    )
    UserFactory(email="taken@example.org")
    calls.clear()

    _signup(client, "taken@example.org")
    known = len(calls)
    client.logout()
    calls.clear()
    _signup(client, "fresh@example.org")

    assert known == len(calls) == 1
