"""Bounded waits: a held lock becomes the "busy" page, an absent database the 503 page."""

import threading

import pytest
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse

from accounts.models import User
from tests.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def browser():
    # Server errors come back as pages, as a visitor would see them.
    return Client(raise_request_exception=False)


def test_every_database_connection_has_the_statement_and_lock_timeouts_from_settings(settings):
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        statement = cursor.fetchone()[0]
        cursor.execute("SHOW lock_timeout")
        lock = cursor.fetchone()[0]

    assert (statement, lock) == (
        f"{settings.DB_STATEMENT_TIMEOUT_MS // 1000}s",
        f"{settings.DB_LOCK_TIMEOUT_MS // 1000}s",
    )


def test_a_row_lock_held_elsewhere_gives_the_busy_page_and_saves_nothing(browser):
    inviter = UserFactory()
    browser.force_login(inviter)
    locked, release = threading.Event(), threading.Event()

    def hold_the_inviters_row():
        try:
            with transaction.atomic():
                User.objects.select_for_update().get(pk=inviter.pk)
                locked.set()
                release.wait(30)
        finally:
            connections.close_all()

    holder = threading.Thread(target=hold_the_inviters_row)
    holder.start()
    locked.wait(10)
    try:
        response = browser.post(reverse("couples:invite"), {"email": "partner@example.org", "message": ""})
    finally:
        release.set()
        holder.join()

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Nothing from this try was saved" in response.content.decode()
    assert not inviter.invitations_sent.exists()


def test_an_unreachable_database_gives_the_unavailable_page_with_retry_after(browser):
    browser.force_login(UserFactory())
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict["PORT"] = "1"  # nothing listens there
    try:
        response = browser.get(reverse("dashboard"))
    finally:
        connection.close()
        connection.settings_dict.update(saved)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Attune is briefly unavailable" in response.content.decode()


def test_any_other_error_is_still_the_ordinary_500_page(browser, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("web.views.render", broken)
    browser.force_login(UserFactory())

    response = browser.get(reverse("dashboard"))

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
