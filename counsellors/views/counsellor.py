"""The counsellor's pages: their profile, the couples who shared with them, and those couples' reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.http import AuthenticatedHttpRequest
from assessments.kept_reports import report_article_shared
from core.audit import audit_refused
from core.errors import AppError
from counsellors.forms import CounsellorProfileForm, InviteCoupleForm
from counsellors.models import CounsellorProfile
from counsellors.presenters import counsellor_dashboard_page, couple_row
from counsellors.selectors import (
    counsellor_invitation_sent_by,
    counsellor_invitations_open,
    counsellor_profile_of,
    shared_checkup,
    shared_couple_for,
    shared_couples_for,
)
from counsellors.services import (
    access_log_record,
    counsellor_invitation_create,
    counsellor_invitation_revoke,
    counsellor_profile_save,
)


def _counsellor(request: AuthenticatedHttpRequest) -> CounsellorProfile:
    profile = counsellor_profile_of(user=request.user)
    if profile is None:
        audit_refused(request, "counsellor page")
        raise Http404
    return profile


@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    existing = counsellor_profile_of(user=request.user)
    form = CounsellorProfileForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        try:
            counsellor_profile_save(user=request.user, **form.cleaned_data)
        except AppError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your counsellor profile is saved."))
            return redirect("counsellors:dashboard")
    status = 400 if form.errors else 200
    return render(request, "counsellors/profile.html", {"form": form, "existing": existing}, status=status)


def _dashboard(
    request: AuthenticatedHttpRequest, profile: CounsellorProfile, form: InviteCoupleForm
) -> HttpResponse:
    page = counsellor_dashboard_page(
        profile,
        shared_couples_for(counsellor=profile),
        list(counsellor_invitations_open(counsellor=profile)),
    )
    return render(
        request,
        "counsellors/dashboard.html",
        {"page": page, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_safe
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    profile = counsellor_profile_of(user=request.user)
    if profile is None:
        return redirect("counsellors:profile")
    return _dashboard(request, profile, InviteCoupleForm())


@login_required
@require_POST
def invite(request: AuthenticatedHttpRequest) -> HttpResponse:
    profile = _counsellor(request)
    form = InviteCoupleForm(request.POST)
    if form.is_valid():
        try:
            counsellor_invitation_create(counsellor=profile, email=form.cleaned_data["email"])
        except AppError as error:
            form.add_error("email", error.message)
        else:
            messages.success(request, _("Your invitation is on its way."))
            return redirect("counsellors:dashboard")
    return _dashboard(request, profile, form)


@login_required
@require_POST
def invitation_withdraw(request: AuthenticatedHttpRequest, invitation_id: int) -> HttpResponse:
    profile = _counsellor(request)
    invitation = counsellor_invitation_sent_by(counsellor=profile, pk=invitation_id)
    if invitation is None:
        audit_refused(request, "counsellor invitation")
        raise Http404
    try:
        counsellor_invitation_revoke(invitation=invitation, counsellor=profile)
    except AppError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The invitation is withdrawn. Its link no longer works."))
    return redirect("counsellors:dashboard")


@login_required
@require_safe
def couple_detail(request: AuthenticatedHttpRequest, couple_id: int) -> HttpResponse:
    shared = shared_couple_for(counsellor=_counsellor(request), couple_id=couple_id)
    if shared is None:
        audit_refused(request, "shared couple")
        raise Http404
    return render(request, "counsellors/couple.html", {"couple": couple_row(shared)})


@login_required
def report(request: AuthenticatedHttpRequest, couple_id: int, checkup_id: int) -> HttpResponse:
    """A couple's report as the couple reads it; every opening is logged for both partners to see."""
    profile = _counsellor(request)
    checkup = shared_checkup(counsellor=profile, couple_id=couple_id, checkup_id=checkup_id)
    article = report_article_shared(checkup=checkup) if checkup else None
    if checkup is None or article is None:
        audit_refused(request, "shared report")
        raise Http404
    # Whatever the method the report is shown (like the partners' own report view); a HEAD shows nothing.
    if request.method != "HEAD":
        access_log_record(counsellor=profile, checkup=checkup)
    shared = shared_couple_for(counsellor=profile, couple_id=couple_id)
    assert shared is not None  # noqa: S101 - shared_checkup found the checkup through it
    return render(request, "counsellors/report.html", {"article": article, "couple": couple_row(shared)})
