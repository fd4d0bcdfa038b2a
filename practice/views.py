"""The plan pages: parse, call a selector or service, shape with a presenter, render.

Everything here is about the person's own active couple: there is no id in
these URLs, so nobody can name another couple's plan.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.http import AuthenticatedHttpRequest
from core.audit import audit_refused
from core.errors import AppError
from practice.forms import AgreementForm, CheckInForm
from practice.models import PRACTICE_WEEKS
from practice.presenters import PlanPage, VersionView, plan_page, suggestion_for
from practice.selectors import PlanData, plan_data_for
from practice.services import StaleEdit, agreement_accept, agreement_edit, check_in_save, reminders_set


def _plan(request: AuthenticatedHttpRequest) -> PlanData:
    data = plan_data_for(user=request.user)
    if data is None:
        audit_refused(request, "practice")
        raise Http404
    return data


def _written(request: AuthenticatedHttpRequest) -> tuple[PlanData, PlanPage]:
    """The plan, for pages that need at least one version of it."""
    data = _plan(request)
    page = plan_page(data)
    if page.latest is None:
        raise Http404
    return data, page


@login_required
@require_safe
def plan_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "practice/plan.html", {"page": plan_page(_plan(request))})


def _initial(data: PlanData, page: PlanPage) -> dict[str, object]:
    latest = page.latest
    if latest is None:
        suggestion = suggestion_for(data)
        own = suggestion.settle_a if data.position == "a" else suggestion.settle_b
        return {
            "base_number": 0,
            "signal": suggestion.signal,
            "pause_minutes": suggestion.pause_minutes,
            "own_settle": own,
            "restarter": suggestion.restarter,
            "return_plan": suggestion.return_plan,
            "waiting_plan": suggestion.waiting_plan,
        }
    version = data.versions[-1].version
    return {
        "base_number": latest.number,
        "signal": version.signal,
        "pause_minutes": version.pause_minutes,
        "own_settle": version.settle_a if data.position == "a" else version.settle_b,
        "restarter": version.restarter,
        "return_plan": version.return_plan,
        "waiting_plan": version.waiting_plan,
    }


def _edit_page(
    request: AuthenticatedHttpRequest,
    form: AgreementForm,
    page: PlanPage,
    *,
    current: VersionView | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {"form": form, "page": page, "current": current}
    return render(request, "practice/edit.html", context, status=status)


@login_required
def edit_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = _plan(request)
    page = plan_page(data)
    if request.method != "POST":
        return _edit_page(request, AgreementForm(initial=_initial(data, page)), page)
    form = AgreementForm(request.POST)
    if not form.is_valid():
        return _edit_page(request, form, page, status=400)
    try:
        version = agreement_edit(couple=data.couple, user=request.user, **form.edit())
    except StaleEdit as stale:
        # Show the newest text, and keep what the person typed in the form, now based on the newest.
        fresh = plan_page(_plan(request))
        typed = request.POST.copy()
        typed["base_number"] = str(fresh.latest.number if fresh.latest else 0)
        messages.error(request, stale.message)
        return _edit_page(request, AgreementForm(typed), fresh, current=fresh.latest, status=409)
    except AppError as error:
        if error.code == "unchanged":
            messages.info(request, error.message)
            return redirect("practice:plan")
        messages.error(request, error.message)
        return _edit_page(request, form, page, status=400)
    messages.success(
        request,
        _("Version %(number)d is saved. It counts once you have both accepted it.")
        % {"number": version.number},
    )
    return redirect("practice:plan")


@login_required
@require_POST
def accept_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    data, _page = _written(request)
    try:
        number = int(request.POST.get("number", ""))
    except ValueError:
        number = -1
    try:
        agreement = agreement_accept(couple=data.couple, user=request.user, number=number)
    except AppError as error:
        messages.error(request, error.message)
    else:
        if agreement.active_number == number:
            messages.success(request, _("You have both accepted this version. It is your plan now."))
        else:
            messages.success(
                request, _("You accepted this version. It counts once your partner accepts it too.")
            )
    return redirect("practice:plan")


def _card_context(page: PlanPage) -> dict[str, object]:
    """The agreed version once there is one (a newer proposal is not on the card), else the draft."""
    return {"page": page, "version": page.agreed or page.latest, "is_agreed": page.state == "active"}


@login_required
@require_safe
def card_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    _data, page = _written(request)
    return render(request, "practice/card.html", _card_context(page))


@login_required
@require_safe
def card_text_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    _data, page = _written(request)
    text = render_to_string("practice/card.txt", _card_context(page))
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


@login_required
def check_in_view(request: AuthenticatedHttpRequest, week: int) -> HttpResponse:
    data = _plan(request)
    page = plan_page(data)
    if page.activated_at is None or not 1 <= week <= PRACTICE_WEEKS:
        raise Http404
    week_page = page.weeks[week - 1]
    form = CheckInForm(request.POST if request.method == "POST" and not week_page.answered else None)
    if form.is_bound and form.is_valid():
        try:
            check_in_save(couple=data.couple, user=request.user, week=week, **form.cleaned_data)
        except AppError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Thank you. Your answers for week %(week)d are saved.") % {"week": week}
            )
        return redirect("practice:check_in", week)
    if request.method == "POST" and week_page.answered:
        messages.info(request, _("You have already answered this week's check-in. Nothing was changed."))
        return redirect("practice:check_in", week)
    context = {"page": page, "week": week_page, "form": form}
    return render(request, "practice/check_in.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def reminders_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    data, _page = _written(request)
    on = request.POST.get("reminders") == "on"
    try:
        reminders_set(couple=data.couple, user=request.user, on=on)
    except AppError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Weekly reminders are on.")
            if on
            else _("Weekly reminders are off. Only yours: your partner's are unchanged."),
        )
    return redirect("practice:plan")
