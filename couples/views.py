from collections.abc import Callable
from functools import wraps

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from accounts.http import AuthenticatedHttpRequest
from accounts.selectors import user_has_verified_email
from core.audit import audit_refused
from core.errors import AppError
from couples.forms import InviteForm
from couples.models import Couple, Invitation
from couples.selectors import (
    couple_active_for,
    couple_partner,
    invitation_by_hash,
    invitation_by_token,
    invitation_sent_by,
    token_hash,
)
from couples.services import (
    couple_leave,
    invitation_accept,
    invitation_create,
    invitation_decline,
    invitation_resend,
    invitation_revoke,
    invitation_state_message,
)
from couples.session import INVITATION_SESSION_KEY


def referrer_policy[**P](policy: str) -> Callable[[Callable[P, HttpResponse]], Callable[P, HttpResponse]]:
    """Set ``Referrer-Policy`` on a view's responses.

    The URL that carries the invitation token uses ``no-referrer``. The pages
    after it have no token in their URLs and use ``same-origin``: browsers
    send ``Origin: null`` with a form POST from a no-referrer page, and
    Django's CSRF check rightly refuses that.
    """

    def decorator(view: Callable[P, HttpResponse]) -> Callable[P, HttpResponse]:
        @wraps(view)
        def wrapped(*args: P.args, **kwargs: P.kwargs) -> HttpResponse:
            response = view(*args, **kwargs)
            response["Referrer-Policy"] = policy
            return response

        return wrapped

    return decorator


def _session_invitation(request: HttpRequest) -> Invitation:
    invitation = invitation_by_hash(digest=request.session.get(INVITATION_SESSION_KEY, ""))
    if invitation is None:
        raise Http404
    return invitation


@login_required
def invite(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation_create(
                inviter=request.user, email=form.cleaned_data["email"], message=form.cleaned_data["message"]
            )
        except AppError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your invitation is on its way."))
            return redirect("dashboard")
    return render(request, "couples/invite.html", {"form": form})


def _own_invitation(request: AuthenticatedHttpRequest) -> Invitation:
    pk = request.POST.get("invitation", "").strip()
    valid = pk.isdecimal() and len(pk) <= 18
    invitation = invitation_sent_by(pk=int(pk), user=request.user) if valid else None
    if invitation is None:
        audit_refused(request, "invitation")
        raise Http404
    return invitation


def _act_on_own_invitation(
    request: AuthenticatedHttpRequest, action: Callable[..., Invitation], success: str
) -> HttpResponse:
    try:
        action(invitation=_own_invitation(request), user=request.user)
    except AppError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect("dashboard")


@login_required
@require_POST
def invitation_resend_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _act_on_own_invitation(
        request, invitation_resend, _("We sent a fresh link. The earlier link no longer works.")
    )


@login_required
@require_POST
def invitation_revoke_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _act_on_own_invitation(
        request, invitation_revoke, _("The invitation is withdrawn. Its link no longer works.")
    )


@never_cache
@require_safe
@referrer_policy("no-referrer")
def invitation_open(request: HttpRequest) -> HttpResponse:
    """Opening the emailed link changes nothing: the token moves into the session."""
    token = request.GET.get("t", "")
    if invitation_by_token(token=token) is None:
        raise Http404
    # Only the hash goes into the session table, like the invitation table.
    request.session[INVITATION_SESSION_KEY] = token_hash(token)
    return redirect("couples:invitation")


@never_cache
@require_safe
@referrer_policy("same-origin")
def invitation_detail(request: HttpRequest) -> HttpResponse:
    invitation = _session_invitation(request)
    user = request.user if request.user.is_authenticated else None
    state = invitation.state
    is_own = user is not None and user.pk == invitation.inviter_id
    context = {
        "invitation": invitation,
        "state": state,
        "state_message": invitation_state_message(state),
        "is_own": is_own,
        "is_accepted_by_me": user is not None and invitation.accepted_by_id == user.pk,
        "wrong_account": (
            user is not None and not is_own and not user_has_verified_email(user=user, email=invitation.email)
        ),
        "in_couple": user is not None and couple_active_for(user=user) is not None,
    }
    return render(request, "couples/invitation.html", context)


@require_POST
@referrer_policy("same-origin")
def invitation_accept_view(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("couples:invitation"))
    if INVITATION_SESSION_KEY not in request.session and couple_active_for(user=request.user):
        # A second click after the first one already linked the couple.
        messages.info(request, _("You are linked with your partner."))
        return redirect("dashboard")
    invitation = _session_invitation(request)
    try:
        invitation_accept(invitation=invitation, user=request.user)
    except AppError as error:
        messages.error(request, error.message)
        return redirect("couples:invitation")
    request.session.pop(INVITATION_SESSION_KEY, None)
    messages.success(
        request,
        _("You and %(name)s are now linked. Either of you can start a checkup.")
        % {"name": invitation.inviter.display_name},
    )
    return redirect("dashboard")


@require_POST
@referrer_policy("same-origin")
def invitation_decline_view(request: HttpRequest) -> HttpResponse:
    invitation = _session_invitation(request)
    user = request.user if request.user.is_authenticated else None
    try:
        invitation_decline(invitation=invitation, user=user)
    except AppError as error:
        messages.error(request, error.message)
        return redirect("couples:invitation")
    request.session.pop(INVITATION_SESSION_KEY, None)
    messages.success(request, _("You declined the invitation. We let the sender know, and nothing else."))
    return redirect("dashboard" if user else "landing")


def active_couple_or_404(request: AuthenticatedHttpRequest) -> Couple:
    """The signed-in person's active couple; 404 for someone not in one."""
    couple = couple_active_for(user=request.user)
    if couple is None:
        raise Http404
    return couple


@login_required
def leave(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _leave_confirmed(request, active_couple_or_404(request))


@reauthentication_required
def _leave_confirmed(request: AuthenticatedHttpRequest, couple: Couple) -> HttpResponse:
    if request.method == "POST":
        try:
            couple_leave(couple=couple, user=request.user)
        except AppError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("You have left the couple."))
        return redirect("dashboard")
    partner = couple_partner(couple=couple, user=request.user)
    return render(request, "couples/leave.html", {"couple": couple, "partner": partner})
