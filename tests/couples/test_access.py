import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN_REQUIRED = [
    ("get", "couples:invite"),
    ("post", "couples:invite"),
    ("post", "couples:invitation_resend"),
    ("post", "couples:invitation_revoke"),
    ("get", "couples:leave"),
    ("post", "couples:leave"),
    ("get", "dashboard"),
]


@pytest.mark.parametrize(("method", "name"), LOGIN_REQUIRED)
def test_an_anonymous_visitor_is_sent_to_log_in(client, method, name):
    response = getattr(client, method)(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_an_unrelated_person_cannot_resend_or_revoke_someone_elses_invitation(client, send_invitation):
    invitation, _ = send_invitation(UserFactory(), "partner@example.org")
    client.force_login(UserFactory())

    for name in ("couples:invitation_resend", "couples:invitation_revoke"):
        assert client.post(reverse(name), {"invitation": invitation.pk}).status_code == 404
    invitation.refresh_from_db()
    assert invitation.state == "pending"


@pytest.mark.parametrize("value", ["", "abc", "999999"])
def test_a_malformed_or_unknown_invitation_id_is_404(client, value):
    client.force_login(UserFactory())

    assert client.post(reverse("couples:invitation_resend"), {"invitation": value}).status_code == 404


def test_an_unrelated_person_gets_404_on_the_couple_pages(client, couple_of):
    couple_of()
    client.force_login(UserFactory())

    assert client.get(reverse("couples:leave")).status_code == 404
    assert client.post(reverse("couples:leave")).status_code == 404
    assert client.get(reverse("couples:invitation")).status_code == 404
    assert client.post(reverse("couples:invitation_accept")).status_code == 404
    assert client.post(reverse("couples:invitation_decline")).status_code == 404


def test_the_dashboard_shows_only_your_own_couple(client, couple_of):
    _, a, b = couple_of()
    stranger = UserFactory()
    client.force_login(stranger)

    page = client.get(reverse("dashboard")).content.decode()

    assert a.display_name not in page
    assert b.display_name not in page
