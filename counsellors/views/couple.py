"""The couple's side: choosing a counsellor, agreeing, ending a share, answering a counsellor's link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from accounts.http import AuthenticatedHttpRequest
from core.audit import audit_refused
from core.errors import AppError
from counsellors.forms import ProposeForm
from counsellors.models import Share
from counsellors.presenters import counsellor_view, sharing_page
from counsellors.selectors import (
    counsellor_by_email,
    counsellor_invitation_by_token,
    share_for_member,
    shares_of_couple,
)
from counsellors.services import counsellor_invitation_accept, share_agree, share_propose, share_revoke
from counsellors.services.invitations import counsellor_invitation_refusal
from couples.models import Couple
from couples.selectors import couple_active_for, couple_partner
from couples.views import active_couple_or_404, referrer_policy


def _sharing(request: AuthenticatedHttpRequest, couple: Couple, form: ProposeForm) -> HttpResponse:
    partner = couple_partner(couple=couple, user=request.user)
    page = sharing_page(
        list(shares_of_couple(couple=couple)),
        user=request.user,
        partner_name=partner.display_name if partner else _("your partner"),
    )
    status = 400 if form.errors else 200
    return render(request, "counsellors/sharing.html", {"page": page, "form": form}, status=status)


@login_required
@require_safe
def sharing(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _sharing(request, active_couple_or_404(request), ProposeForm())


@login_required
@require_POST
def propose(request: AuthenticatedHttpRequest) -> HttpResponse:
    couple = active_couple_or_404(request)
    form = ProposeForm(request.POST)
    if form.is_valid():
        counsellor = counsellor_by_email(email=form.cleaned_data["email"])
        if counsellor is None:
            form.add_error(
                "email",
                _(
                    "No counsellor on Attune uses that address. Ask your counsellor to set up a "
                    "counsellor profile with it, then try again."
                ),
            )
        else:
            try:
                share_propose(couple=couple, user=request.user, counsellor=counsellor)
            except AppError as error:
                form.add_error("email", error.message)
            else:
                messages.success(
                    request,
                    _("Proposed. Nothing is shared until your partner agrees too."),
                )
                return redirect("counsellors:sharing")
    return _sharing(request, couple, form)


def _own_share(request: AuthenticatedHttpRequest, share_id: int) -> Share:
    share = share_for_member(share_id=share_id, user=request.user)
    if share is None:
        audit_refused(request, "share")
        raise Http404
    return share


@login_required
@require_POST
def agree(request: AuthenticatedHttpRequest, share_id: int) -> HttpResponse:
    try:
        share = share_agree(share=_own_share(request, share_id), user=request.user)
    except AppError as error:
        messages.error(request, error.message)
    else:
        if share.state == Share.State.ACTIVE:
            messages.success(request, _("You both agreed. Your reports are now shared with this counsellor."))
        else:
            messages.success(request, _("You agreed. The share opens when your partner agrees too."))
    return redirect("counsellors:sharing")


@login_required
@require_POST
def revoke(request: AuthenticatedHttpRequest, share_id: int) -> HttpResponse:
    try:
        share_revoke(share=_own_share(request, share_id), user=request.user)
    except AppError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Sharing has stopped. The counsellor can no longer open your reports."))
    return redirect("counsellors:sharing")


@never_cache
@require_safe
# same-origin: the token in this URL never leaves for the counsellor's website, and the form
# below still posts with an Origin the CSRF check accepts.
@referrer_policy("same-origin")
def invitation(request: HttpRequest) -> HttpResponse:
    token = request.GET.get("t", "")
    found = counsellor_invitation_by_token(token=token)
    if found is None:
        raise Http404
    user = request.user if request.user.is_authenticated else None
    refusal = counsellor_invitation_refusal(found)
    context = {
        "counsellor": counsellor_view(found.counsellor),
        "token": token,
        "refusal": refusal.message if refusal else "",
        "signed_in": user is not None,
        "in_couple": user is not None and couple_active_for(user=user) is not None,
        "next": request.get_full_path(),
    }
    return render(request, "counsellors/invitation.html", context)


@require_POST
@referrer_policy("same-origin")
def invitation_accept(request: HttpRequest) -> HttpResponse:
    found = counsellor_invitation_by_token(token=request.POST.get("t", ""))
    if found is None:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    try:
        share = counsellor_invitation_accept(invitation=found, user=request.user)  # type: ignore[arg-type]
    except AppError as error:
        messages.error(request, error.message)
        return redirect("dashboard")
    if share.state == Share.State.ACTIVE:
        messages.success(request, _("You both agreed. Your reports are now shared with this counsellor."))
    else:
        messages.success(request, _("You agreed. The share opens when your partner agrees too."))
    return redirect("counsellors:sharing")
