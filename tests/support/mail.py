"""Mail in tests: run the outbox worker once, then read Django's test outbox.

The outbox is delivered after a commit (settings MAIL_DELIVERY="on_commit"),
and a test inside a transaction never commits. ``mail_delivered()`` does what
the worker does in production: it sends every due message, so a test can read
``mail.outbox`` as before.
"""

from django.core import mail
from django.core.mail import EmailMessage

from core.outbox import outbox_deliver_due


def mail_delivered() -> list[EmailMessage]:
    """Send what the outbox holds (as ``manage.py task_worker --once`` would); return all sent mail."""
    outbox_deliver_due()
    return mail.outbox
