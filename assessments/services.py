"""Writes for checkups: start, save a page of answers, submit, the reveal.

All functions are keyword-only and raise ``AppError`` (with a message fit
to show the person) when a rule stops them.
"""

from collections.abc import Mapping
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from assessments.instrument import current_instrument
from assessments.models import Answer, AnswerSheet, Checkup, SafetyAnswer
from assessments.pages import page_order
from assessments.selectors import (
    answer_sheet_has_safety_concern,
    answer_sheet_missing_items,
    checkup_instrument,
    checkup_open_for,
)
from core.errors import AppError
from core.mail import email_queue
from couples.models import Couple

REMINDER_INTERVAL = timedelta(days=1)


@transaction.atomic
def checkup_start(*, couple: Couple, user: User) -> Checkup:
    """Start a checkup for an active couple, or return the one already open."""
    couple = Couple.objects.select_for_update().get(pk=couple.pk, memberships__user=user)
    if not couple.is_active:
        raise AppError("dissolved", _("This couple has ended."))
    existing = checkup_open_for(couple=couple)
    if existing is not None:
        return existing
    instrument = current_instrument()
    try:
        with transaction.atomic():
            checkup = Checkup.objects.create(
                couple=couple,
                instrument_key=instrument.key,
                instrument_version=instrument.version,
                started_by=user,
            )
    except IntegrityError:  # another start won the race; use theirs
        open_checkup = checkup_open_for(couple=couple)
        assert open_checkup is not None  # noqa: S101 - the constraint guarantees it
        return open_checkup
    AnswerSheet.objects.bulk_create(
        [
            AnswerSheet(checkup=checkup, user_id=member_id)
            for member_id in couple.members.values_list("pk", flat=True)
        ]
    )
    return checkup


def _locked_open_sheet(sheet: AnswerSheet) -> AnswerSheet:
    locked = AnswerSheet.objects.select_for_update().get(pk=sheet.pk)
    if locked.submitted_at is not None:
        raise AppError("submitted", _("Your answers are already submitted and locked."))
    return locked


def _upsert[A: (Answer, SafetyAnswer)](model: type[A], rows: list[A]) -> None:
    model.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["sheet", "item_id"],
        update_fields=["value", "answered_at", "instrument_version"],
    )


@transaction.atomic
def answer_sheet_save_section(
    *, sheet: AnswerSheet, section_key: str, values: Mapping[str, int], resume_at: str | None = None
) -> AnswerSheet:
    """Upsert the answers of one section and remember where to resume.

    The resume point only moves forward: to ``resume_at`` (the page the person
    goes on to) or this section, whichever comes later, so that going Back
    and leaving does not lose how far they had got.

    ``values`` must already be valid for the section (see ``assessments.forms``);
    they are checked again here, and nothing is saved if any is not.
    """
    sheet = _locked_open_sheet(sheet)
    instrument = checkup_instrument(checkup=sheet.checkup)
    section = instrument.section(section_key)
    items = {item.id: item for item in instrument.section_items(section_key)}
    for item_id, value in values.items():
        if item_id not in items:
            raise AppError("unknown_item", _("That question is not part of this page."))
        scale = instrument.response_scale_for(items[item_id])
        if not scale.min_value <= value <= scale.max_value:
            raise AppError("out_of_range", _("One of the answers was not one of the choices."))
    now = timezone.now()
    fields = {"sheet": sheet, "instrument_version": instrument.version, "answered_at": now}
    if section.private:
        _upsert(SafetyAnswer, [SafetyAnswer(item_id=i, value=v, **fields) for i, v in values.items()])
    else:
        _upsert(Answer, [Answer(item_id=i, value=v, **fields) for i, v in values.items()])
    sheet.started_at = sheet.started_at or now
    pages = page_order(instrument)
    target = resume_at if resume_at in pages.pages else section_key
    sheet.current_section = pages.furthest(sheet.current_section, target)
    sheet.save(update_fields=["started_at", "current_section"])
    return sheet


def _complete_if_ready(checkup: Checkup) -> bool:
    """Complete the (locked) checkup when every sheet counts as submitted."""
    if Couple.objects.filter(pk=checkup.couple_id, dissolved_at__isnull=False).exists():
        return False  # the couple ended while this was in flight: no reveal
    sheets = list(checkup.answer_sheets.select_related("user"))
    if checkup.completed_at is not None or len(sheets) < 2:
        return False
    if not all(r.counts_as_submitted for r in sheets):
        return False
    checkup.completed_at = timezone.now()
    checkup.save(update_fields=["completed_at"])
    link = settings.SITE_URL + reverse("assessments:report", args=[checkup.pk])
    for r in sheets:
        # In this transaction: a report never opens without its emails queued.
        _send_report_ready(r.user, link)
    return True


def _send_report_ready(person: User, link: str) -> None:
    email_queue(
        template_prefix="assessments/email/report_ready",
        to=person.email,
        context={"person": person, "link": link},
        user_id=person.pk,
    )


@transaction.atomic
def answer_sheet_submit(*, sheet: AnswerSheet, hold_back: bool = False) -> AnswerSheet:
    """Lock the answers; the second submission completes the checkup, exactly once.

    The checkup row is locked first, so two submissions at the same instant
    are serialised and only one of them sees both sheets in.
    """
    checkup = Checkup.objects.select_for_update().get(pk=sheet.checkup_id)
    sheet = _locked_open_sheet(sheet)
    if answer_sheet_missing_items(sheet=sheet):
        raise AppError("incomplete", _("Please answer every question before you submit."))
    sheet.submitted_at = timezone.now()
    # Holding back is only offered, and only honoured, after a safety concern.
    sheet.held_back = hold_back and answer_sheet_has_safety_concern(sheet=sheet)
    sheet.save(update_fields=["submitted_at", "held_back"])
    _complete_if_ready(checkup)
    return sheet


def _lock_checkup_and(sheet: AnswerSheet) -> tuple[Checkup, AnswerSheet]:
    """Lock the checkup, then the sheet: the one order every writer here uses."""
    checkup = Checkup.objects.select_for_update().get(pk=sheet.checkup_id)
    return checkup, AnswerSheet.objects.select_for_update().select_related("user").get(pk=sheet.pk)


@transaction.atomic
def answer_sheet_release(*, sheet: AnswerSheet) -> AnswerSheet:
    """Share a held-back part after all; completes the checkup if the partner is done."""
    checkup, sheet = _lock_checkup_and(sheet)
    if sheet.held_back:
        sheet.held_back = False
        sheet.save(update_fields=["held_back"])
        _complete_if_ready(checkup)
    return sheet


@transaction.atomic
def answer_sheet_hold_back(*, sheet: AnswerSheet) -> AnswerSheet:
    """Hold back a submitted part while the checkup is still open (after a safety concern)."""
    checkup, sheet = _lock_checkup_and(sheet)
    if checkup.completed_at is not None:
        raise AppError("complete", _("The shared report has already opened for both of you."))
    if sheet.submitted_at is None or not answer_sheet_has_safety_concern(sheet=sheet):
        raise AppError("not_offered", _("There is nothing to hold back right now."))
    sheet.held_back = True
    sheet.save(update_fields=["held_back"])
    return sheet


@transaction.atomic
def answer_sheet_remind_partner(*, sheet: AnswerSheet) -> AnswerSheet:
    """Email the partner a gentle reminder; once a day, and only after one's own submission."""
    checkup, sheet = _lock_checkup_and(sheet)
    # A held-back part counts as not submitted, for reminders too.
    if not sheet.counts_as_submitted or checkup.completed_at is not None:
        raise AppError("not_waiting", _("There is nobody to remind right now."))
    now = timezone.now()
    if sheet.reminder_sent_at and now - sheet.reminder_sent_at < REMINDER_INTERVAL:
        raise AppError("too_soon", _("You sent a reminder in the last day. Please give it a little time."))
    partner_sheet = checkup.answer_sheets.exclude(pk=sheet.pk).select_related("user").get()
    sheet.reminder_sent_at = now
    sheet.save(update_fields=["reminder_sent_at"])
    partner, sender = partner_sheet.user, sheet.user
    link = settings.SITE_URL + reverse("assessments:checkup", args=[checkup.pk])
    email_queue(
        template_prefix="assessments/email/reminder",
        to=partner.email,
        context={"person": partner, "sender_name": sender.display_name, "link": link},
        user_id=partner.pk,
    )
    return sheet
