"""Finding 1: a signed-in session alone cannot change how the account is reached."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory
from tests.support.mail import mail_delivered

pytestmark = pytest.mark.django_db


def _reauthenticate(client):
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})


def _add_address(client, email="new@example.org"):
    return client.post(reverse("account_email"), {"action_add": "", "email": email})


def test_a_signed_in_session_adding_an_address_without_the_password_is_sent_to_reauthenticate(client):
    person = UserFactory(email="owner@example.org")
    client.force_login(person)

    response = _add_address(client)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not EmailAddress.objects.filter(email="new@example.org").exists()
    assert mail_delivered() == []


def test_after_the_password_an_address_change_starts_and_the_current_address_is_told_at_once(client):
    person = UserFactory(email="owner@example.org")
    client.force_login(person)
    _reauthenticate(client)

    response = _add_address(client)

    assert response.status_code == 302
    assert not response["Location"].startswith(reverse("account_reauthenticate"))
    recipients = [message.to for message in mail_delivered()]
    assert ["owner@example.org"] in recipients
    assert ["new@example.org"] in recipients
    warning = next(m for m in mail_delivered() if m.to == ["owner@example.org"])
    assert "new@example.org" in warning.body
    assert "If it was not you" in warning.body


@pytest.mark.parametrize("action", ["action_remove", "action_primary", "action_send"])
def test_managing_an_address_without_recent_password_is_sent_to_reauthenticate_when_it_changes_anything(
    client, action
):
    person = UserFactory(email="owner@example.org")
    EmailAddress.objects.create(user=person, email="second@example.org", verified=True, primary=False)
    client.force_login(person)

    response = client.post(reverse("account_email"), {action: "", "email": "second@example.org"})

    if action == "action_send":  # re-sending a code changes nothing
        assert not response["Location"].startswith(reverse("account_reauthenticate"))
    else:
        assert response["Location"].startswith(reverse("account_reauthenticate"))
        assert EmailAddress.objects.get(email="owner@example.org").primary
        assert EmailAddress.objects.filter(email="second@example.org").exists()


def test_changing_the_password_needs_the_current_password_and_tells_the_address(client):
    person = UserFactory(email="owner@example.org")
    client.force_login(person)
    new = "another-long-passphrase-2026"

    refused = client.post(
        reverse("account_change_password"), {"oldpassword": "wrong", "password1": new, "password2": new}
    )
    person.refresh_from_db()
    assert refused.status_code == 200
    assert person.check_password(PASSWORD)

    client.post(
        reverse("account_change_password"), {"oldpassword": PASSWORD, "password1": new, "password2": new}
    )
    person.refresh_from_db()
    assert person.check_password(new)
    assert [m.to for m in mail_delivered()] == [["owner@example.org"]]
    assert "password of your Attune account was changed" in mail_delivered()[0].body


def test_a_completed_address_change_tells_the_old_address(client):
    person = UserFactory(email="owner@example.org")
    client.force_login(person)
    _reauthenticate(client)
    _add_address(client)
    code = next(m for m in mail_delivered() if m.to == ["new@example.org"]).body
    code = next(
        line.strip() for line in code.splitlines() if line.strip().count("-") == 1 and len(line.strip()) == 9
    )
    mail_delivered().clear()

    client.post(reverse("account_email_verification_sent"), {"code": code})

    assert EmailAddress.objects.get(user=person).email == "new@example.org"
    told = [m for m in mail_delivered() if m.to == ["owner@example.org"]]
    assert told and "changed from owner@example.org to new@example.org" in told[0].body
