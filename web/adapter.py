from types import SimpleNamespace
from typing import Any
from urllib.parse import quote, urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from accounts.addresses import validate_deliverable
from core.mail import email_queue
from couples.session import has_pending_invitation


class AccountAdapter(DefaultAccountAdapter):
    """allauth, adjusted: mail goes through the outbox, links use SITE_URL."""

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # allauth's templates name the site from the request; ours is fixed.
        site = SimpleNamespace(name="Attune", domain=urlsplit(settings.SITE_URL).netloc)
        context = {"email": email, **context, "current_site": site, "site_url": settings.SITE_URL}
        # allauth calls this inside its own writes (a new code, a new address):
        # queued in the same transaction, sent by the worker.
        user = context.get("user")
        email_queue(
            template_prefix=template_prefix,
            to=email,
            context=context,
            user_id=getattr(user, "pk", None),
        )

    def clean_email(self, email: str) -> str:
        # Sign-up and adding an address: only addresses with a canonical form.
        validate_deliverable(email)
        return super().clean_email(email)

    # Links in mail never come from the request's Host header.
    def get_reset_password_from_key_url(self, key: str) -> str:
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return settings.SITE_URL + path.replace("UID-KEY", quote(key))

    def get_email_confirmation_url(self, request: HttpRequest, emailconfirmation: Any) -> str:
        return settings.SITE_URL + reverse("account_confirm_email", args=[emailconfirmation.key])

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        # Someone who opened an invitation link before signing in goes back to it.
        if has_pending_invitation(request.session):
            return reverse("couples:invitation")
        return super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        if has_pending_invitation(request.session):
            return reverse("couples:invitation")
        return super().get_signup_redirect_url(request)
