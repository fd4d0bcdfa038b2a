"""Security events in the log, by user id only.

Never log tokens, answers, passwords or full email addresses: this log may be
read by people who must not learn who uses Attune or what they said.
"""

import logging
from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

logger = logging.getLogger("attune.audit")


def audit_refused(request: HttpRequest, what: str) -> None:
    """Record that someone asked for something that is not theirs (answered with 404)."""
    user_id = request.user.pk if request.user.is_authenticated else None
    logger.warning("refused access: user=%s what=%s", user_id, what)


@receiver(user_logged_in)
def _logged_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    logger.info("sign-in: user=%s", user.pk)


@receiver(user_logged_out)
def _logged_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    logger.info("sign-out: user=%s", getattr(user, "pk", None))


@receiver(user_login_failed)
def _login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # The credentials hold the email typed; log only that a failure happened.
    logger.warning("sign-in failed")
