import pytest
from django.contrib import admin
from django.urls import reverse

from assessments.models import Answer, SafetyAnswer
from couples.models import Couple, Invitation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_admin_login_goes_through_allauth(client):
    response = client.get(reverse("admin:login"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_staff_can_manage_accounts_couples_and_invitations_but_not_read_answers():
    registered = admin.site._registry

    assert Couple in registered
    assert Invitation in registered
    assert Answer not in registered
    assert SafetyAnswer not in registered


def test_a_staff_member_sees_no_token_hash_or_message_on_an_invitation(client, send_invitation):
    invitation, _ = send_invitation(UserFactory(), "partner@example.org", message="private words")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    page = client.get(reverse("admin:couples_invitation_change", args=[invitation.pk])).content.decode()

    assert invitation.token_hash not in page
    assert "private words" not in page
