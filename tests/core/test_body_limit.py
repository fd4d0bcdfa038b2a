"""Finding 8: no page takes files, so a large body is refused before anything reads it."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse


def _multipart(size: int) -> tuple[bytes, str]:
    boundary = "attune-test-boundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    return head + b"x" * (size - len(head) - len(tail)) + tail, f"multipart/form-data; boundary={boundary}"


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["landing", "account_login", "account_signup"])
def test_an_anonymous_post_over_the_body_limit_is_refused_with_413(url_name):
    body, content_type = _multipart(settings.REQUEST_BODY_MAX_BYTES + 1)

    response = Client().generic("POST", reverse(url_name), body, content_type=content_type)

    assert response.status_code == 413
    assert "too much to send" in response.content.decode()


@pytest.mark.django_db
def test_a_post_under_the_body_limit_is_handled_as_before():
    body, content_type = _multipart(settings.REQUEST_BODY_MAX_BYTES - 1)

    response = Client().generic("POST", reverse("account_login"), body, content_type=content_type)

    assert response.status_code == 200
