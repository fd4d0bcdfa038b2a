"""Finding 7: a display name shows what it says, to the partner and in email subjects."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import User
from accounts.names import display_name_clean
from tests.factories import PASSWORD


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Zoë Ångström", "Zoë Ångström"),
        ("Zoe\u0308 A\u030angstro\u0308m", "Zoë Ångström"),  # decomposed input is stored composed (NFC)
        ("李小龍", "李小龍"),
        ("محمد", "محمد"),
        ("Ελένη", "Ελένη"),
        ("  Sam  ", "Sam"),
        ("Sam\nSmith", "Sam Smith"),
        ("Sam\r\n\tSmith", "Sam Smith"),
        ("Sam\u202eevil", "Samevil"),  # right-to-left override
        ("\u2066Sam\u2069", "Sam"),  # isolates
        ("S\u200ba\u200bm", "Sam"),  # zero-width spaces
        ("\ufeffSam", "Sam"),
        ("ZWNJ\u200cname", "ZWNJ\u200cname"),  # Persian and the Indic scripts need it
    ],
)
def test_a_display_name_is_normalised_and_stripped_of_invisible_and_direction_characters(raw, shown):
    assert display_name_clean(raw) == shown


@pytest.mark.parametrize(
    "raw", ["\u200b\u200b\u200b", "\u202e", "\n\n", "   ", "\u200d\u200c", "\u2066\u2069"]
)
def test_a_display_name_with_no_visible_character_is_refused_with_a_clear_message(raw):
    with pytest.raises(ValidationError) as error:
        display_name_clean(raw)

    assert "visible" in error.value.messages[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("raw", "stored"), [("\u200b\u200b", None), ("Robin\u202e", "Robin"), ("Zoë", "Zoë")]
)
def test_sign_up_cleans_the_name_or_refuses_it_keeping_what_was_typed(client, raw, stored):
    response = client.post(
        reverse("account_signup"),
        {"email": "robin@example.org", "display_name": raw, "password1": PASSWORD, "password2": PASSWORD},
    )

    user = User.objects.filter(email="robin@example.org").first()
    if stored is None:
        assert user is None
        assert response.status_code == 200
        page = response.content.decode()
        assert "visible" in page
        assert 'value="robin@example.org"' in page
    else:
        assert user is not None and user.display_name == stored


@pytest.mark.django_db
@pytest.mark.parametrize("change", [False, True])
def test_the_admin_cleans_a_name_as_sign_up_does(rf, admin_user, change):
    from django.contrib.admin.sites import site

    request = rf.get("/")
    request.user = admin_user
    form_class = site._registry[User].get_form(request, obj=admin_user if change else None)
    field = form_class.base_fields["display_name"]

    assert field.clean("Sam\u202e\n") == "Sam"
    with pytest.raises(ValidationError):
        field.clean("\u200b")
