from django.http import HttpRequest

from accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """The request type of a ``login_required`` view: ``user`` is a real account."""

    user: User
