"""Outgoing mail: rendered in the request, written to the outbox in its transaction.

Every message has a plain-text and an HTML part. Where a template set has no
HTML body, the text body is wrapped in the site's email layout.
"""

import logging
import re
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html_join, urlize
from django.utils.safestring import SafeString

from core.models import OutboxMessage
from core.outbox import outbox_deliver_due

logger = logging.getLogger("attune.mail")


def _linked(line: str) -> SafeString:
    # urlize escapes the text itself (autoescape=True) but returns a plain str.
    return SafeString(urlize(line, autoescape=True))


def email_html_from_text(*, subject: str, body_text: str) -> str:
    """The HTML part for a message that only has a text template: escaped, links made clickable."""
    paragraphs = re.split(r"\n\s*\n", body_text.strip())
    body = format_html_join(
        "",
        "<p>{}</p>",
        (
            (format_html_join(SafeString("<br>"), "{}", ((_linked(line),) for line in p.splitlines())),)
            for p in paragraphs
        ),
    )
    return render_to_string("email/layout.html", {"subject": subject, "body": body})


def email_render(*, template_prefix: str, context: dict[str, Any]) -> tuple[str, str, str]:
    """Render ``<prefix>_subject.txt``, ``_message.txt`` and (if present) ``_message.html``."""
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).splitlines()).strip()
    subject = f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}"
    body_text = render_to_string(f"{template_prefix}_message.txt", context).strip()
    try:
        body_html: str = render_to_string(f"{template_prefix}_message.html", context)
    except TemplateDoesNotExist:
        body_html = email_html_from_text(subject=subject, body_text=body_text)
    return subject, body_text, body_html


def email_queue(
    *, template_prefix: str, to: str, context: dict[str, Any], user_id: int | None
) -> OutboxMessage:
    """Queue an email that a state change promises. Call it inside that change's transaction.

    The message is rendered now and written to the outbox in the caller's
    transaction: if the change rolls back, so does the mail, and once the
    change commits the mail cannot be lost (a worker sends it, with retries).
    ``user_id`` names the person the mail is about (for the record of failed
    sends and for account deletion); None for an address with no account yet.
    """
    subject, body_text, body_html = email_render(template_prefix=template_prefix, context=context)
    now = timezone.now()
    message = OutboxMessage.objects.create(
        template=template_prefix,
        to=to,
        subject=subject[:300],
        body_text=body_text,
        body_html=body_html,
        user_id=user_id,
        created_at=now,
        next_attempt_at=now,
    )
    logger.info("outbox: queued message %s (%s) for user=%s", message.pk, template_prefix, user_id)
    if settings.MAIL_DELIVERY == "on_commit":
        # Local runs and tests have no worker: the process sends it itself, after
        # the commit, through the same claim-and-record path the worker uses.
        transaction.on_commit(partial(outbox_deliver_due, ids=[message.pk]))
    return message
