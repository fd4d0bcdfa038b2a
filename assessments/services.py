"""Writes for checkups: start, save a page of answers, submit, the reveal.

All functions are keyword-only and raise ``CheckupError`` (with a message fit
to show the person) when a rule stops them.
"""

from collections.abc import Mapping
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.emails import email_send
from accounts.models import User
from assessments.instrument import current_instrument
from assessments.models import Answer, Checkup, Response, SafetyAnswer
from assessments.selectors import (
    checkup_instrument,
    checkup_open_for,
    response_has_safety_concern,
    response_missing_items,
)
from couples.models import Couple

REMINDER_INTERVAL = timedelta(days=1)
# The resume point after the last page: the review, never back into the private check.
REVIEW = "review"


class CheckupError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@transaction.atomic
def checkup_start(*, couple: Couple, user: User) -> Checkup:
    """Start a checkup for an active couple, or return the one already open."""
    couple = Couple.objects.select_for_update().get(pk=couple.pk, memberships__user=user)
    if not couple.is_active:
        raise CheckupError("dissolved", _("This couple has ended."))
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
    Response.objects.bulk_create(
        [
            Response(checkup=checkup, user_id=member_id)
            for member_id in couple.members.values_list("pk", flat=True)
        ]
    )
    return checkup


def _locked_open_response(response: Response) -> Response:
    locked = Response.objects.select_for_update().get(pk=response.pk)
    if locked.submitted_at is not None:
        raise CheckupError("submitted", _("Your answers are already submitted and locked."))
    return locked


def _upsert[A: (Answer, SafetyAnswer)](model: type[A], rows: list[A]) -> None:
    model.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["response", "item_id"],
        update_fields=["value", "answered_at", "instrument_version"],
    )


@transaction.atomic
def response_save_section(
    *, response: Response, section_key: str, values: Mapping[str, int], resume_at: str | None = None
) -> Response:
    """Upsert the answers of one section and remember where to resume.

    The resume point only moves forward: to ``resume_at`` (the page the person
    goes on to) or this section, whichever comes later, so that stepping Back
    and leaving does not lose how far they had got.

    ``values`` must already be valid for the section (see ``assessments.forms``);
    they are checked again here, and nothing is saved if any is not.
    """
    response = _locked_open_response(response)
    instrument = checkup_instrument(checkup=response.checkup)
    section = instrument.section(section_key)
    items = {item.id: item for item in instrument.section_items(section_key)}
    for item_id, value in values.items():
        if item_id not in items:
            raise CheckupError("unknown_item", _("That question is not part of this page."))
        scale = instrument.response_scale_for(items[item_id])
        if not scale.min_value <= value <= scale.max_value:
            raise CheckupError("out_of_range", _("One of the answers was not one of the choices."))
    now = timezone.now()
    fields = {"response": response, "instrument_version": instrument.version, "answered_at": now}
    if section.private:
        _upsert(SafetyAnswer, [SafetyAnswer(item_id=i, value=v, **fields) for i, v in values.items()])
    else:
        _upsert(Answer, [Answer(item_id=i, value=v, **fields) for i, v in values.items()])
    response.started_at = response.started_at or now
    keys = [s.key for s in instrument.sections] + [REVIEW]
    target = resume_at if resume_at in keys else section_key
    if response.current_section not in keys or keys.index(target) > keys.index(response.current_section):
        response.current_section = target
    response.save(update_fields=["started_at", "current_section"])
    return response


def _complete_if_ready(checkup: Checkup) -> bool:
    """Complete the (locked) checkup when every response counts as submitted."""
    if Couple.objects.filter(pk=checkup.couple_id, dissolved_at__isnull=False).exists():
        return False  # the couple ended while this was in flight: no reveal
    responses = list(checkup.responses.select_related("user"))
    if checkup.completed_at is not None or len(responses) < 2:
        return False
    if not all(r.counts_as_submitted for r in responses):
        return False
    checkup.completed_at = timezone.now()
    checkup.save(update_fields=["completed_at"])
    link = settings.SITE_URL + reverse("assessments:report", args=[checkup.pk])
    for r in responses:
        transaction.on_commit(partial(_send_report_ready, r.user, link))
    return True


def _send_report_ready(person: User, link: str) -> None:
    email_send(
        template_prefix="assessments/email/report_ready",
        to=person.email,
        context={"person": person, "link": link},
    )


@transaction.atomic
def response_submit(*, response: Response, hold_back: bool = False) -> Response:
    """Lock the answers; the second submission completes the checkup, exactly once.

    The checkup row is locked first, so two submissions at the same instant
    are serialised and only one of them sees both responses in.
    """
    checkup = Checkup.objects.select_for_update().get(pk=response.checkup_id)
    response = _locked_open_response(response)
    if response_missing_items(response=response):
        raise CheckupError("incomplete", _("Please answer every question before you submit."))
    response.submitted_at = timezone.now()
    # Holding back is only offered, and only honoured, after a safety concern.
    response.held_back = hold_back and response_has_safety_concern(response=response)
    response.save(update_fields=["submitted_at", "held_back"])
    _complete_if_ready(checkup)
    return response


def _lock_checkup_and(response: Response) -> tuple[Checkup, Response]:
    """Lock the checkup, then the response: the one order every writer here uses."""
    checkup = Checkup.objects.select_for_update().get(pk=response.checkup_id)
    return checkup, Response.objects.select_for_update().select_related("user").get(pk=response.pk)


@transaction.atomic
def response_release(*, response: Response) -> Response:
    """Share a held-back part after all; completes the checkup if the partner is done."""
    checkup, response = _lock_checkup_and(response)
    if response.held_back:
        response.held_back = False
        response.save(update_fields=["held_back"])
        _complete_if_ready(checkup)
    return response


@transaction.atomic
def response_hold_back(*, response: Response) -> Response:
    """Hold back a submitted part while the checkup is still open (after a safety concern)."""
    checkup, response = _lock_checkup_and(response)
    if checkup.completed_at is not None:
        raise CheckupError("complete", _("The shared report has already opened for both of you."))
    if response.submitted_at is None or not response_has_safety_concern(response=response):
        raise CheckupError("not_offered", _("There is nothing to hold back right now."))
    response.held_back = True
    response.save(update_fields=["held_back"])
    return response


@transaction.atomic
def response_remind_partner(*, response: Response) -> Response:
    """Email the partner a gentle reminder; once a day, and only after one's own submission."""
    checkup, response = _lock_checkup_and(response)
    # A held-back part counts as not submitted, for reminders too.
    if not response.counts_as_submitted or checkup.completed_at is not None:
        raise CheckupError("not_waiting", _("There is nobody to remind right now."))
    now = timezone.now()
    if response.reminder_sent_at and now - response.reminder_sent_at < REMINDER_INTERVAL:
        raise CheckupError(
            "too_soon", _("You sent a reminder in the last day. Please give it a little time.")
        )
    partner_response = checkup.responses.exclude(pk=response.pk).select_related("user").get()
    response.reminder_sent_at = now
    response.save(update_fields=["reminder_sent_at"])
    partner, sender = partner_response.user, response.user
    link = settings.SITE_URL + reverse("assessments:checkup", args=[checkup.pk])
    transaction.on_commit(
        lambda: email_send(
            template_prefix="assessments/email/reminder",
            to=partner.email,
            context={"person": partner, "sender_name": sender.display_name, "link": link},
        )
    )
    return response
