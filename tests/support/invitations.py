"""Reading invitation links out of sent mail."""

import re
from urllib.parse import urlencode

from django.core import mail
from django.urls import reverse

LINK = re.compile(r"https://attune\.test/i/\?t=([A-Za-z0-9_\-]+)")


def open_url(token: str) -> str:
    return reverse("couples:invitation_open") + "?" + urlencode({"t": token})


def token_from_last_mail() -> str:
    match = LINK.search(mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)
