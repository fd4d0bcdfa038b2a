"""The invitation a visitor opened, remembered in their session (as the token's hash only)."""

from django.contrib.sessions.backends.base import SessionBase

INVITATION_SESSION_KEY = "couples.invitation"


def has_pending_invitation(session: SessionBase) -> bool:
    """Whether this browser opened an invitation link that it has not answered yet."""
    return bool(session.get(INVITATION_SESSION_KEY))
