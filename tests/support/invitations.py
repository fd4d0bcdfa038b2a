"""Reading invitation links out of sent mail."""

import re
from urllib.parse import urlencode

from django.urls import reverse

from tests.support.mail import mail_delivered

LINK = re.compile(r"https://attune\.test/i/\?t=([A-Za-z0-9_\-]+)")


def open_url(token: str) -> str:
    return reverse("couples:invitation_open") + "?" + urlencode({"t": token})


def token_from_last_mail() -> str:
    sent = mail_delivered()
    match = LINK.search(sent[-1].body)
    assert match, sent[-1].body
    return match.group(1)
