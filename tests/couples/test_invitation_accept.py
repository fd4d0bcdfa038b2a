import re

import pytest
from django.core import mail
from django.urls import reverse

from core.errors import AppError
from couples.models import Couple, Invitation, Membership
from couples.selectors import couple_active_for
from couples.services import invitation_accept, invitation_create
from tests.factories import PASSWORD, UserFactory
from tests.support.invitations import open_url
from tests.support.mail import mail_delivered
from tests.support.race import race

pytestmark = pytest.mark.django_db


def _open(client, token):
    return client.get(open_url(token), follow=True)


def test_accepting_links_the_two_into_a_couple_and_tells_the_inviter(
    client, send_invitation, django_capture_on_commit_callbacks
):
    inviter = UserFactory(display_name="Jo")
    invitee = UserFactory(email="partner@example.org", display_name="Sky")
    _, token = send_invitation(inviter, "partner@example.org")
    client.force_login(invitee)
    _open(client, token)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("couples:invitation_accept"), follow=True)

    couple = couple_active_for(user=invitee)
    assert couple is not None
    assert couple_active_for(user=inviter) == couple
    assert "You and Jo are now linked" in response.content.decode()
    assert mail.outbox[-1].to == [inviter.email]
    assert "Sky accepted" in mail.outbox[-1].subject
    assert "Sky" in client.get(reverse("dashboard")).content.decode()


def test_the_invited_address_matches_in_any_letter_case(client, send_invitation):
    invitee = UserFactory(email="partner@example.org")
    _, token = send_invitation(UserFactory(), "Partner@EXAMPLE.org")
    client.force_login(invitee)
    _open(client, token)

    client.post(reverse("couples:invitation_accept"))

    assert couple_active_for(user=invitee) is not None


def test_another_account_cannot_accept_an_invitation_addressed_to_someone_else(client, send_invitation):
    _, token = send_invitation(UserFactory(), "partner@example.org")
    intruder = UserFactory(email="intruder@example.org")
    client.force_login(intruder)

    page = _open(client, token).content.decode()
    response = client.post(reverse("couples:invitation_accept"), follow=True)

    assert "different email address" in page
    assert "different email address" in response.content.decode()
    assert not Couple.objects.exists()


def test_an_unverified_address_cannot_accept(send_invitation):
    invitee = UserFactory(email="partner@example.org", verified=False)
    invitation, _ = send_invitation(UserFactory(), "partner@example.org")

    with pytest.raises(AppError) as error:
        invitation_accept(invitation=invitation, user=invitee)

    assert error.value.code == "wrong_account"


def test_a_person_already_in_a_couple_cannot_accept_another_and_sees_why(client, couple_of, send_invitation):
    _, _, b = couple_of()
    _, token = send_invitation(UserFactory(), b.email)
    client.force_login(b)

    page = _open(client, token).content.decode()
    response = client.post(reverse("couples:invitation_accept"), follow=True)

    assert "already linked with a partner" in page
    assert "already linked with a partner" in response.content.decode()
    assert Couple.objects.count() == 1


def test_a_double_clicked_accept_makes_one_couple_and_a_calm_message(client, send_invitation):
    invitee = UserFactory(email="partner@example.org")
    _, token = send_invitation(UserFactory(), "partner@example.org")
    client.force_login(invitee)
    _open(client, token)

    client.post(reverse("couples:invitation_accept"))
    second = client.post(reverse("couples:invitation_accept"), follow=True)

    assert second.status_code == 200
    assert "You are linked with your partner" in second.content.decode()
    assert Couple.objects.count() == 1


def test_an_accepted_link_cannot_be_used_again_by_anyone(client, send_invitation):
    invitee = UserFactory(email="partner@example.org")
    invitation, token = send_invitation(UserFactory(), "partner@example.org")
    invitation_accept(invitation=invitation, user=invitee)

    page = _open(client, token).content.decode()

    assert "already been accepted" in page
    assert "Accept</button>" not in page


def test_declining_tells_the_inviter_and_links_no_one(
    client, send_invitation, django_capture_on_commit_callbacks
):
    inviter = UserFactory()
    invitation, token = send_invitation(inviter, "partner@example.org")
    _open(client, token)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("couples:invitation_decline"), follow=True)

    invitation.refresh_from_db()
    assert invitation.state == Invitation.State.DECLINED
    assert "You declined" in response.content.decode()
    assert mail.outbox[-1].to == [inviter.email]
    assert "declined" in mail.outbox[-1].subject
    assert not Couple.objects.exists()
    assert "was declined" in _open(client, token).content.decode()


def test_a_logged_out_invitee_signs_up_verifies_and_comes_back_to_accept(client, send_invitation):
    inviter = UserFactory(display_name="Jo")
    _, token = send_invitation(inviter, "newcomer@example.org")

    assert "Create an account" in _open(client, token).content.decode()
    client.post(
        reverse("account_signup"),
        {
            "email": "newcomer@example.org",
            "display_name": "Nova",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", mail_delivered()[-1].body, re.MULTILINE).group(1)
    verified = client.post(reverse("account_email_verification_sent"), {"code": code}, follow=True)

    assert verified.redirect_chain[-1][0] == reverse("couples:invitation")
    assert "Accept</button>" in verified.content.decode()
    client.post(reverse("couples:invitation_accept"))
    assert couple_active_for(user=inviter).members.filter(display_name="Nova").exists()


def test_an_existing_account_logs_in_from_the_invitation_and_comes_back_to_it(client, send_invitation):
    invitee = UserFactory(email="partner@example.org")
    _, token = send_invitation(UserFactory(), "partner@example.org")
    _open(client, token)

    response = client.post(
        reverse("account_login"), {"login": invitee.email, "password": PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("couples:invitation")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_same_link_accepted_twice_at_once_makes_exactly_one_couple():
    invitee = UserFactory(email="partner@example.org")
    invitation = invitation_create(inviter=UserFactory(), email="partner@example.org")

    outcomes = race(
        lambda: invitation_accept(invitation=invitation, user=invitee),
        lambda: invitation_accept(invitation=invitation, user=invitee),
        expected=(AppError,),
    )

    assert sorted(type(o).__name__ for o in outcomes) == ["AppError", "Couple"]
    assert Couple.objects.count() == 1
    assert Membership.objects.filter(user=invitee, is_active=True).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_links_accepted_at_once_by_one_person_leave_them_in_exactly_one_couple():
    invitee = UserFactory(email="partner@example.org")
    first = invitation_create(inviter=UserFactory(), email="partner@example.org")
    second = invitation_create(inviter=UserFactory(), email="partner@example.org")

    outcomes = race(
        lambda: invitation_accept(invitation=first, user=invitee),
        lambda: invitation_accept(invitation=second, user=invitee),
        expected=(AppError,),
    )

    errors = [o for o in outcomes if isinstance(o, AppError)]
    assert len(errors) == 1
    assert errors[0].code == "in_couple"
    assert Couple.objects.count() == 1
    assert Membership.objects.filter(user=invitee, is_active=True).count() == 1
