import time
from collections.abc import Callable
from datetime import timedelta

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers


class PrivateCacheMiddleware:
    """Pages for a signed-in person must not stay in a shared or back-button cache.

    A shared family computer is a real setting for this app: a cached report
    page must not reappear after logout.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            add_never_cache_headers(response)
        return response


class UserSessionActivityMiddleware:
    """allauth's "your sessions" activity tracking, written at most every ``INTERVAL``.

    allauth's own middleware updates the session's row (a transaction of five
    queries) on every signed-in request, so a plain GET wrote to the database.
    The list of sessions shows when a session was last seen to the minute it
    matters (is that device still signed in?), so a write every few minutes
    loses nothing a person would notice.
    """

    INTERVAL = timedelta(minutes=5)
    SESSION_KEY = "_attune_usersession_seen"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is not None and session.session_key and user is not None and user.is_authenticated:
            now = time.time()
            seen = session.get(self.SESSION_KEY)
            if not isinstance(seen, int | float) or now - seen >= self.INTERVAL.total_seconds():
                UserSession.objects.create_from_request(request)
                session[self.SESSION_KEY] = now
        return self.get_response(request)


class RequestBodyLimitMiddleware:
    """Refuse a request body over ``REQUEST_BODY_MAX_BYTES`` with 413, before anything reads it.

    No page takes files and the largest form (a section of the checkup, an
    invitation with its message) is a few kilobytes. Django caps form fields
    in memory but writes uploaded files to disk whatever their size, so an
    anonymous multipart post could otherwise fill the disk. Django reads no
    body without a Content-Length, so checking that header is enough.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_BODY_MAX_BYTES:
            response = HttpResponse(render_to_string("413.html"), status=413)
            response["Connection"] = "close"
            return response
        return self.get_response(request)
