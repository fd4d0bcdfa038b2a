import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_after_five_failed_logins_even_the_right_password_is_refused_for_a_while(client):
    user = UserFactory()
    for _ in range(5):
        assert "are not correct" in _login(client, user.email, "wrong").content.decode()

    response = _login(client, user.email, PASSWORD)

    assert "Too many failed login attempts" in response.content.decode()
    assert client.get(reverse("dashboard")).status_code == 302


def test_a_flood_of_login_requests_gets_the_styled_429_page(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "3/m/ip"}
    user = UserFactory()
    statuses = [_login(client, user.email, "wrong").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    response = _login(client, user.email, "wrong")
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert 'href="/static/css/attune.css"' in response.content.decode()
