from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from assessments.forms import FIELD_PREFIX, SectionForm
from assessments.instrument import with_partner
from assessments.kept_reports import report_article_for
from assessments.models import AnswerSheet, Checkup
from assessments.pages import REVIEW, page_order
from assessments.selectors import (
    answer_sheet_answers,
    answer_sheet_for,
    answer_sheet_has_safety_concern,
    answer_sheet_missing_items,
    answer_sheet_own_safety_answers,
    checkup_for_member,
    checkup_instrument,
)
from assessments.services import (
    answer_sheet_hold_back,
    answer_sheet_release,
    answer_sheet_remind_partner,
    answer_sheet_save_section,
    answer_sheet_submit,
    checkup_start,
)
from assessments.signals import report_panels
from core.audit import audit_refused
from core.errors import AppError
from couples.selectors import couple_partner
from couples.views import active_couple_or_404


def _member_checkup(request: AuthenticatedHttpRequest, checkup_id: int) -> tuple[Checkup, AnswerSheet]:
    """The checkup and the requester's own sheet; 404 for anyone outside the couple."""
    checkup = checkup_for_member(checkup_id=checkup_id, user=request.user)
    sheet = answer_sheet_for(checkup=checkup, user=request.user) if checkup else None
    if checkup is None or sheet is None:
        audit_refused(request, "checkup")
        raise Http404
    return checkup, sheet


def _partner_name(request: AuthenticatedHttpRequest, checkup: Checkup) -> str:
    partner = couple_partner(couple=checkup.couple, user=request.user)
    return partner.display_name if partner else _("your partner")


@login_required
@require_POST
def checkup_start_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    couple = active_couple_or_404(request)
    try:
        checkup = checkup_start(couple=couple, user=request.user)
    except AppError as error:
        messages.error(request, error.message)
        return redirect("dashboard")
    return redirect("assessments:checkup", checkup.pk)


@login_required
def checkup_home(request: AuthenticatedHttpRequest, checkup_id: int) -> HttpResponse:
    """Send the person to where they are: their next page, the review, the wait, or the report."""
    checkup, sheet = _member_checkup(request, checkup_id)
    if checkup.is_complete:
        return redirect("assessments:report", checkup.pk)
    if not sheet.is_submitted:
        instrument = checkup_instrument(checkup=checkup)
        if sheet.current_section == REVIEW:
            return redirect("assessments:review", checkup.pk)
        section_key = sheet.current_section or instrument.sections[0].key
        return redirect("assessments:section", checkup.pk, section_key)
    context = {
        "checkup": checkup,
        "sheet": sheet,
        "partner_name": _partner_name(request, checkup),
        "safety_concern": answer_sheet_has_safety_concern(sheet=sheet),
    }
    return render(request, "assessments/waiting.html", context)


@sensitive_post_parameters()
@login_required
def section_view(request: AuthenticatedHttpRequest, checkup_id: int, section_key: str) -> HttpResponse:
    checkup, sheet = _member_checkup(request, checkup_id)
    instrument = checkup_instrument(checkup=checkup)
    pages = page_order(instrument)
    if section_key not in pages.sections:
        raise Http404
    if sheet.is_submitted or checkup.is_complete:
        if request.method == "POST":
            messages.error(request, _("Your answers are already submitted and locked. Nothing was changed."))
        return redirect("assessments:checkup", checkup.pk)
    section = instrument.section(section_key)
    partner_name = _partner_name(request, checkup)
    shared_answers = answer_sheet_answers(sheet=sheet)
    saved = (
        answer_sheet_own_safety_answers(sheet=sheet, user=request.user) if section.private else shared_answers
    )
    form = SectionForm(
        request.POST if request.method == "POST" else None,
        initial={FIELD_PREFIX + item_id: value for item_id, value in saved.items()},
        instrument=instrument,
        section_key=section_key,
        partner_name=partner_name,
    )
    if form.is_valid():
        target = (
            pages.before(section_key) if request.POST.get("action") == "back" else pages.after(section_key)
        )
        try:
            answer_sheet_save_section(
                sheet=sheet, section_key=section_key, values=form.values, resume_at=target
            )
        except AppError as error:
            messages.error(request, error.message)
            return redirect("assessments:checkup", checkup.pk)
        if target == REVIEW:
            return redirect("assessments:review", checkup.pk)
        return redirect("assessments:section", checkup.pk, target)
    shared_total = len(instrument.shared_items)
    context = {
        "checkup": checkup,
        "section": section,
        "intro": with_partner(section.intro, partner_name),
        "section_number": pages.number(section_key),
        "section_count": len(pages.sections),
        "percent_done": round(100 * len(shared_answers) / shared_total) if shared_total else 100,
        "questions": form.questions(),
        "page_errors": form.non_field_errors(),
        "has_errors": bool(form.errors),
        "is_first": pages.number(section_key) == 1,
        "is_last": pages.after(section_key) == REVIEW,
    }
    return render(request, "assessments/section.html", context, status=400 if form.errors else 200)


@sensitive_post_parameters()
@login_required
def review_view(request: AuthenticatedHttpRequest, checkup_id: int) -> HttpResponse:
    checkup, sheet = _member_checkup(request, checkup_id)
    if sheet.is_submitted or checkup.is_complete:
        if request.method == "POST":
            messages.info(request, _("Your answers were already submitted."))
        return redirect("assessments:checkup", checkup.pk)
    instrument = checkup_instrument(checkup=checkup)
    if request.method == "POST":
        try:
            answer_sheet_submit(sheet=sheet, hold_back=request.POST.get("share") == "hold")
        except AppError as error:
            messages.error(request, error.message)
            return redirect("assessments:review", checkup.pk)
        messages.success(request, _("Thank you. Your answers are submitted and locked."))
        return redirect("assessments:checkup", checkup.pk)
    partner_name = _partner_name(request, checkup)
    missing = [instrument.item(item_id) for item_id in answer_sheet_missing_items(sheet=sheet)]
    context = {
        "checkup": checkup,
        "sheet": sheet,
        "first_section": instrument.sections[0].key,
        "partner_name": partner_name,
        "missing": [
            {
                "item": item,
                "text": with_partner(item.text, partner_name),
                "section": instrument.section(item.section),
            }
            for item in missing
        ],
        "safety_concern": answer_sheet_has_safety_concern(sheet=sheet),
    }
    return render(request, "assessments/review.html", context)


def _post_action(
    request: AuthenticatedHttpRequest, checkup_id: int, action: Callable[..., AnswerSheet], success: str
) -> HttpResponse:
    checkup, sheet = _member_checkup(request, checkup_id)
    try:
        action(sheet=sheet)
    except AppError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    # The checkup's home sends the person on: the wait, or the report once it opened.
    return redirect("assessments:checkup", checkup.pk)


@login_required
@require_POST
def remind_view(request: AuthenticatedHttpRequest, checkup_id: int) -> HttpResponse:
    return _post_action(request, checkup_id, answer_sheet_remind_partner, _("We sent a gentle reminder."))


@login_required
@require_POST
def hold_back_view(request: AuthenticatedHttpRequest, checkup_id: int) -> HttpResponse:
    return _post_action(
        request, checkup_id, answer_sheet_hold_back, _("Your part is held back. Only you know this.")
    )


@login_required
@require_POST
def release_view(request: AuthenticatedHttpRequest, checkup_id: int) -> HttpResponse:
    return _post_action(request, checkup_id, answer_sheet_release, _("Your part is shared."))


@login_required
def report_view(request: AuthenticatedHttpRequest, checkup_id: int) -> HttpResponse:
    checkup = checkup_for_member(checkup_id=checkup_id, user=request.user, active_only=False)
    article = report_article_for(checkup=checkup, user=request.user) if checkup else None
    if article is None:
        audit_refused(request, "report")
        raise Http404
    panels = [
        html
        for _receiver, html in report_panels.send(sender=Checkup, checkup=checkup, user=request.user)
        if html
    ]
    return render(request, "assessments/report.html", {"article": article, "panels": panels})
