from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from accounts.http import AuthenticatedHttpRequest
from assessments.forms import FIELD_PREFIX, section_parse
from assessments.instrument import Instrument, Section, with_partner
from assessments.models import AnswerSheet, Checkup
from assessments.report_page import report_context
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
    REVIEW,
    answer_sheet_hold_back,
    answer_sheet_release,
    answer_sheet_remind_partner,
    answer_sheet_save_section,
    answer_sheet_submit,
    checkup_start,
)
from core.audit import audit_refused
from core.errors import AppError
from couples.selectors import couple_active_for, couple_partner


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
    couple = couple_active_for(user=request.user)
    if couple is None:
        raise Http404
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


def _questions(
    instrument: Instrument,
    section: Section,
    saved: dict[str, int],
    posted: dict[str, int],
    errors: dict[str, str],
    partner_name: str,
) -> list[dict[str, object]]:
    scale = instrument.response_scales[section.response_scale]
    return [
        {
            "item": item,
            "number": number,
            "text": with_partner(item.text, partner_name),
            "name": FIELD_PREFIX + item.id,
            "selected": posted.get(item.id, saved.get(item.id)),
            "error": errors.get(item.id),
            "choices": [(value, label) for value, label in enumerate(scale.labels, start=scale.min_value)],
        }
        for number, item in enumerate(instrument.section_items(section.key), start=1)
    ]


@sensitive_post_parameters()
@login_required
def section_view(request: AuthenticatedHttpRequest, checkup_id: int, section_key: str) -> HttpResponse:
    checkup, sheet = _member_checkup(request, checkup_id)
    instrument = checkup_instrument(checkup=checkup)
    keys = [s.key for s in instrument.sections]
    if section_key not in keys:
        raise Http404
    if sheet.is_submitted or checkup.is_complete:
        if request.method == "POST":
            messages.error(request, _("Your answers are already submitted and locked. Nothing was changed."))
        return redirect("assessments:checkup", checkup.pk)
    section = instrument.section(section_key)
    index = keys.index(section_key)
    posted: dict[str, int] = {}
    item_errors: dict[str, str] = {}
    page_errors: list[str] = []
    if request.method == "POST":
        parsed = section_parse(instrument=instrument, section_key=section_key, data=request.POST)
        if parsed.is_valid:
            going_back = request.POST.get("action") == "back"
            target = keys[max(index - 1, 0)] if going_back else ([*keys, REVIEW])[index + 1]
            try:
                answer_sheet_save_section(
                    sheet=sheet, section_key=section_key, values=parsed.values, resume_at=target
                )
            except AppError as error:
                messages.error(request, error.message)
                return redirect("assessments:checkup", checkup.pk)
            if target == REVIEW:
                return redirect("assessments:review", checkup.pk)
            return redirect("assessments:section", checkup.pk, target)
        posted, item_errors, page_errors = parsed.values, parsed.item_errors, parsed.errors
    shared_answers = answer_sheet_answers(sheet=sheet)
    saved = (
        answer_sheet_own_safety_answers(sheet=sheet, user=request.user) if section.private else shared_answers
    )
    shared_total = len(instrument.shared_items)
    answered = len(shared_answers)
    partner_name = _partner_name(request, checkup)
    context = {
        "checkup": checkup,
        "section": section,
        "intro": with_partner(section.intro, partner_name),
        "section_number": index + 1,
        "section_count": len(keys),
        "percent_done": round(100 * answered / shared_total) if shared_total else 100,
        "questions": _questions(instrument, section, saved, posted, item_errors, partner_name),
        "page_errors": page_errors,
        "has_errors": bool(page_errors or item_errors),
        "is_first": index == 0,
        "is_last": index + 1 == len(keys),
    }
    status = 400 if context["has_errors"] else 200
    return render(request, "assessments/section.html", context, status=status)


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
    context = report_context(checkup=checkup, user=request.user) if checkup and checkup.is_complete else None
    if context is None:
        audit_refused(request, "report")
        raise Http404
    return render(request, "assessments/report.html", context)
