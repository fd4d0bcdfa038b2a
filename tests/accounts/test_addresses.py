"""Finding 2: an invitation is accepted only by its own address, compared in canonical form."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.addresses import AddressInvalid, email_canonical, emails_same
from core.errors import AppError
from couples.services import invitation_accept, invitation_create
from tests.factories import PASSWORD, UserFactory

DOTLESS_I = "\u0131"
KELVIN = "\u212a"


@pytest.mark.parametrize(
    ("address", "canonical"),
    [
        ("Bill@Example.ORG", "bill@example.org"),
        ("bill@bücher.de", "bill@xn--bcher-kva.de"),
        ("bill@BÜCHER.de", "bill@xn--bcher-kva.de"),
        (f"b{DOTLESS_I}ll@example.org", f"b{DOTLESS_I}ll@example.org"),
        (f"bill@ma{DOTLESS_I}l.example.org", "bill@xn--mal-kua.example.org"),
        (f"{KELVIN}ate@example.org", f"{KELVIN}ate@example.org"),
        ("\uff42ill@example.org", "\uff42ill@example.org"),  # fullwidth b stays itself
    ],
)
def test_the_canonical_form_lowers_only_ascii_in_the_local_part_and_puts_the_domain_in_idna(
    address, canonical
):
    assert email_canonical(address) == canonical


@pytest.mark.parametrize(
    "address",
    ["bill@\uff45xample.org", f"bill@{KELVIN}elvin.org", "no-at-sign", "@example.org", "bill@"],
)
def test_an_address_whose_domain_idna_refuses_has_no_canonical_form(address):
    with pytest.raises(AddressInvalid):
        email_canonical(address)


@pytest.mark.parametrize(
    ("invited", "verified"),
    [
        ("bill@example.org", f"b{DOTLESS_I}ll@example.org"),
        ("kate@example.org", f"{KELVIN}ate@example.org"),
        ("bill@example.org", "\uff42ill@example.org"),
        ("bill@example.org", "bill@\uff45xample.org"),
        ("bill@mail.example.org", f"bill@ma{DOTLESS_I}l.example.org"),
        (f"bill@ma{DOTLESS_I}l.example.org", "bill@mail.example.org"),
    ],
)
@pytest.mark.django_db
def test_a_verified_look_alike_address_cannot_accept_the_invitation(invited, verified):
    inviter = UserFactory()
    invitation = invitation_create(inviter=inviter, email=invited)
    # The attacker controls the look-alike mailbox, so it is genuinely verified.
    intruder = UserFactory(email="intruder@example.org")
    EmailAddress.objects.create(user=intruder, email=verified, verified=True, primary=False)

    with pytest.raises(AppError) as error:
        invitation_accept(invitation=invitation, user=intruder)

    assert error.value.code == "wrong_account"
    assert "letter for letter" in error.value.message
    assert not emails_same(invited, verified)


@pytest.mark.parametrize(
    ("invited", "verified"),
    [
        ("bill@example.org", "bill@example.org"),
        ("Bill@Example.org", "bill@example.org"),
        ("bill@bücher.de", "bill@xn--bcher-kva.de"),
        ("bill@xn--bcher-kva.de", "bill@bücher.de"),
    ],
)
@pytest.mark.django_db
def test_the_genuine_address_still_accepts_in_any_ascii_case_or_idn_spelling(invited, verified):
    invitation = invitation_create(inviter=UserFactory(), email=invited)
    invitee = UserFactory(email=verified)

    couple = invitation_accept(invitation=invitation, user=invitee)

    assert couple.memberships.filter(user=invitee).exists()


@pytest.mark.django_db
def test_the_invitation_stores_the_canonical_address():
    invitation = invitation_create(inviter=UserFactory(), email="Bill@BÜCHER.de")

    assert invitation.email_canonical == "bill@xn--bcher-kva.de"


@pytest.mark.django_db
def test_inviting_an_address_without_a_canonical_form_is_refused_with_a_clear_message(client):
    client.force_login(UserFactory())

    response = client.post(reverse("couples:invite"), {"email": "bill@\uff45xample.org", "message": "hi"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "ordinary letters" in page
    assert "hi</textarea>" in page


@pytest.mark.django_db
def test_signing_up_with_an_address_without_a_canonical_form_is_refused_with_a_clear_message(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "bill@\uff45xample.org",
            "display_name": "Bill",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )

    assert response.status_code == 200
    assert "ordinary letters" in response.content.decode()
