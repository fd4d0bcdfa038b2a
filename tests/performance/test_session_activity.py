"""allauth's "your sessions" list learns of activity at most every few minutes, never on every request."""

import pytest
from allauth.usersessions.models import UserSession
from django.test import Client
from django.urls import reverse

from core.middleware import UserSessionActivityMiddleware

pytestmark = pytest.mark.django_db


def test_a_session_is_marked_as_seen_on_its_first_request(user):
    client = Client()
    client.force_login(user)
    UserSession.objects.all().delete()  # the sign-in's own record; the request must make one

    client.get(reverse("dashboard"))

    assert UserSession.objects.filter(user=user, session_key=client.session.session_key).exists()


def test_a_second_request_within_the_interval_leaves_last_seen_alone(user):
    client = Client()
    client.force_login(user)
    client.get(reverse("dashboard"))
    seen = UserSession.objects.get(user=user).last_seen_at

    client.get(reverse("dashboard"))

    assert UserSession.objects.get(user=user).last_seen_at == seen


def test_a_request_after_the_interval_updates_last_seen(user):
    client = Client()
    client.force_login(user)
    client.get(reverse("dashboard"))
    seen = UserSession.objects.get(user=user).last_seen_at
    session = client.session
    interval = UserSessionActivityMiddleware.INTERVAL.total_seconds()
    session[UserSessionActivityMiddleware.SESSION_KEY] -= interval
    session.save()

    client.get(reverse("dashboard"))

    assert UserSession.objects.get(user=user).last_seen_at > seen
