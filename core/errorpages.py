"""The app's own pages for a busy or absent database (handler500 in config/urls.py).

A lock that cannot be had within ``DB_LOCK_TIMEOUT_MS`` (or a statement past
``DB_STATEMENT_TIMEOUT_MS``, or a deadlock) means "busy, try again": the
transaction was rolled back, nothing half-saved. A database that cannot be
reached means the site is briefly unavailable. Both answer 503 with
``Retry-After``; anything else stays Django's 500. The templates render
without the request, so no database query can fail a second time.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

# lock_not_available, query_canceled (statement timeout); class 40: deadlock, serialization.
BUSY_SQLSTATES = {"55P03", "57014"}
BUSY_RETRY_AFTER = 5
UNAVAILABLE_RETRY_AFTER = 30


def database_trouble(error: BaseException | None) -> str | None:
    """ "busy", "unavailable", or None when ``error`` is not about the database being busy or away."""
    if not isinstance(error, OperationalError | InterfaceError):
        return None
    sqlstate = getattr(error.__cause__, "sqlstate", None) or ""
    if sqlstate in BUSY_SQLSTATES or sqlstate.startswith("40"):
        return "busy"
    return "unavailable"


def database_trouble_response(kind: str) -> HttpResponse:
    template, retry_after = {
        "busy": ("busy.html", BUSY_RETRY_AFTER),
        "unavailable": ("503.html", UNAVAILABLE_RETRY_AFTER),
    }[kind]
    response = HttpResponse(render_to_string(template), status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request: HttpRequest, template_name: str = "500.html") -> HttpResponse:
    """handler500: our own 503 for database trouble, Django's 500 for the rest."""
    kind = database_trouble(sys.exc_info()[1])
    if kind is not None:
        return database_trouble_response(kind)
    return defaults.server_error(request, template_name=template_name)
