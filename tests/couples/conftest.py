import re

import pytest
from django.core import mail

from couples.services import invitation_create

LINK = re.compile(r"https://attune\.test/i/([A-Za-z0-9_\-]+)/")


def token_from_last_mail() -> str:
    match = LINK.search(mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


@pytest.fixture
def send_invitation(django_capture_on_commit_callbacks):
    """Invite through the service, deliver the mail, return (invitation, emailed token)."""

    def send(inviter, email, message=""):
        with django_capture_on_commit_callbacks(execute=True):
            invitation = invitation_create(inviter=inviter, email=email, message=message)
        return invitation, token_from_last_mail()

    return send
