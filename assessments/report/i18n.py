"""Translation marking for the report package, without importing Django."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar

# Translator for the report being built; `str` leaves messages unchanged.
_translator: ContextVar[Callable[[str], str]] = ContextVar("report_translator", default=str)


def _(message: str) -> str:
    # Marks a message for makemessages. This package must import without Django
    # settings, so it cannot call gettext itself; instead the caller may pass
    # one to build_report(translate=...), and each message is translated here,
    # before names and numbers are filled in (after that it could not be
    # looked up). Without a translator this is a no-op.
    return _translator.get()(message)


def gettext_noop(message: str) -> str:
    # Marks module-level labels for makemessages (Django's keyword); they are
    # translated with `_` when a report is built, not at import time.
    return message
