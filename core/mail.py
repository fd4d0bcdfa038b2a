"""Outgoing mail: rendered in the request, delivered by a background task.

Every message has a plain-text and an HTML part. Where a template set has no
HTML body, the text body is wrapped in the site's email layout.
"""

import re
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.tasks import task
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils.html import format_html_join, urlize
from django.utils.safestring import SafeString


@task()
def email_deliver(*, subject: str, body_text: str, body_html: str, to: list[str]) -> None:
    """Send one rendered message. Runs in the task worker (or inline by default)."""
    message = EmailMultiAlternatives(subject=subject, body=body_text, to=to)
    message.attach_alternative(body_html, "text/html")
    message.send()


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


def email_send(*, template_prefix: str, to: str, context: dict[str, Any]) -> None:
    """Render an email now and queue its delivery.

    Callers inside ``transaction.atomic`` should call this from
    ``transaction.on_commit`` so that nothing is sent for a rolled-back change.
    """
    subject, body_text, body_html = email_render(template_prefix=template_prefix, context=context)
    email_deliver.enqueue(subject=subject, body_text=body_text, body_html=body_html, to=[to])


def email_queue(*, template_prefix: str, to: str, context: dict[str, Any], user_id: int | None) -> None:
    """Queue an email that a state change promises. Call it inside that change's transaction.

    The message is rendered now and handed to delivery only if the transaction
    commits, so nothing is sent for a rolled-back change. ``user_id`` names the
    person the mail is about (for the record of failed sends); None for an
    address with no account yet.
    """
    subject, body_text, body_html = email_render(template_prefix=template_prefix, context=context)
    transaction.on_commit(
        lambda: email_deliver.enqueue(subject=subject, body_text=body_text, body_html=body_html, to=[to])
    )
