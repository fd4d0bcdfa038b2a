import pytest
from django.urls import reverse

from couples.models import Couple, Invitation
from tests.factories import UserFactory
from tests.support.invitations import open_url

pytestmark = pytest.mark.django_db


def test_opening_the_link_changes_nothing_and_redirects_to_a_url_without_the_token(client, send_invitation):
    invitation, token = send_invitation(UserFactory(), "partner@example.org")

    response = client.get(open_url(token))

    assert response.status_code == 302
    assert response["Location"] == reverse("couples:invitation")
    assert token not in response["Location"]
    assert response["Referrer-Policy"] == "no-referrer"
    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.PENDING
    assert not Couple.objects.exists()


def test_the_invitation_page_shows_who_invites_and_their_message_without_leaking_the_referrer(
    client, send_invitation
):
    _, token = send_invitation(
        UserFactory(display_name="Morgan"), "partner@example.org", message="Let's talk."
    )

    response = client.get(open_url(token), follow=True)

    page = response.content.decode()
    assert "Morgan invites you" in page
    assert "Let&#x27;s talk." in page
    assert response["Referrer-Policy"] == "same-origin"
    assert '<meta name="referrer" content="same-origin">' in page
    assert "http://" not in page.replace("http://www.w3.org", "")
    assert token not in page


@pytest.mark.parametrize(
    "mangle", [lambda t: t[:-1], lambda t: t + "x", lambda t: "A" * len(t), lambda t: "x"]
)
def test_wrong_truncated_or_forged_tokens_get_the_same_404_as_unknown_ones(client, send_invitation, mangle):
    _, token = send_invitation(UserFactory(), "partner@example.org")

    forged = client.get(open_url(mangle(token)))
    unknown = client.get(open_url("unknown"))

    assert forged.status_code == unknown.status_code == 404
    assert forged.content == unknown.content


def test_the_invitation_page_without_a_token_in_the_session_is_404(client):
    client.force_login(UserFactory())

    assert client.get(reverse("couples:invitation")).status_code == 404


def test_an_expired_link_says_it_expired_and_how_to_get_a_new_one(client, send_invitation):
    invitation, token = send_invitation(UserFactory(display_name="Ari"), "partner@example.org")
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=invitation.created_at)

    page = client.get(open_url(token), follow=True).content.decode()

    assert "expired" in page
    assert "Ari can send a fresh link" in page


def test_the_session_holds_only_the_tokens_hash_and_the_pages_are_not_cached(client, send_invitation):
    invitation, token = send_invitation(UserFactory(), "partner@example.org")

    opened = client.get(open_url(token))
    page = client.get(reverse("couples:invitation"))

    assert token not in str(dict(client.session))
    assert invitation.token_hash in str(dict(client.session))
    assert "no-store" in opened["Cache-Control"]
    assert "no-store" in page["Cache-Control"]


def test_a_logged_out_accept_goes_to_log_in_and_then_back_to_the_invitation(client, send_invitation):
    _, token = send_invitation(UserFactory(), "partner@example.org")
    client.get(open_url(token))

    response = client.post(reverse("couples:invitation_accept"))

    assert response.status_code == 302
    assert "next=/invitation/" in response["Location"]
    assert "accept" not in response["Location"]
