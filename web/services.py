"""Writes and exports for a person's own account: data rights."""

from typing import Any

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from assessments.instrument import get_instrument
from assessments.models import Answer, AnswerSheet, SafetyAnswer
from assessments.report_page import report_context
from couples.models import Couple, Invitation
from couples.selectors import couple_active_for, couple_partner
from couples.services import couple_leave


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def account_export(*, user: User, include_safety: bool = False) -> dict[str, Any]:
    """Everything Attune holds about ``user`` that is theirs to take away.

    The partner's individual answers are never included; the shared reports
    are, as both partners read them. Safety answers only when asked for,
    because the file may land on a shared device.
    """
    sheets = list(
        AnswerSheet.objects.filter(user=user).select_related("checkup").order_by("checkup__started_at")
    )
    answers: dict[int, list[Answer]] = {}
    for answer in Answer.objects.filter(sheet__in=sheets).order_by("pk"):
        answers.setdefault(answer.sheet_id, []).append(answer)
    safety: dict[int, list[SafetyAnswer]] = {}
    if include_safety:
        for private in SafetyAnswer.objects.filter(sheet__in=sheets).order_by("pk"):
            safety.setdefault(private.sheet_id, []).append(private)

    def answer_rows(rows: list[Any], sheet: AnswerSheet) -> list[dict[str, Any]]:
        instrument = get_instrument(sheet.checkup.instrument_key, sheet.checkup.instrument_version)
        result = []
        for a in rows:
            item = instrument.item(a.item_id)
            labels = instrument.response_scale_for(item).labels
            result.append(
                {"item": a.item_id, "question": item.text, "value": a.value, "answer": labels[a.value - 1]}
            )
        return result

    checkups = []
    for sheet in sheets:
        entry: dict[str, Any] = {
            "checkup": sheet.checkup_id,
            "instrument": f"{sheet.checkup.instrument_key} v{sheet.checkup.instrument_version}",
            "started_at": _iso(sheet.started_at),
            "submitted_at": _iso(sheet.submitted_at),
            "answers": answer_rows(answers.get(sheet.pk, []), sheet),
        }
        if include_safety:
            entry["private_safety_answers"] = answer_rows(safety.get(sheet.pk, []), sheet)
        context = report_context(checkup=sheet.checkup, user=user) if sheet.checkup.is_complete else None
        if context is not None:
            report = context["report"]
            entry["shared_report"] = {
                "completed_at": _iso(sheet.checkup.completed_at),
                "headline": report.headline,
                "sections": [
                    {"title": s.title, "paragraphs": list(s.paragraphs), "points": list(s.bullets)}
                    for s in report.sections
                ],
                "scores": context["score_rows"],
                "note": report.note,
            }
        checkups.append(entry)

    couples = []
    for couple in Couple.objects.filter(memberships__user=user).order_by("created_at"):
        partner = couple_partner(couple=couple, user=user)
        couples.append(
            {
                "since": _iso(couple.created_at),
                "ended": _iso(couple.dissolved_at),
                "partner_display_name": partner.display_name if partner else None,
            }
        )
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "joined": _iso(user.date_joined),
            "email_addresses": [
                {"email": e.email, "verified": e.verified, "primary": e.primary}
                for e in EmailAddress.objects.filter(user=user)
            ],
        },
        "couples": couples,
        "invitations_sent": [
            {
                "to": i.email,
                "message": i.message,
                "sent_at": _iso(i.sent_at),
                "state": i.state.value,
            }
            for i in Invitation.objects.filter(inviter=user).order_by("created_at")
        ],
        "checkups": checkups,
    }


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete ``user`` and everything that is theirs.

    Their answers, sessions and pending invitations go; their couple is
    dissolved, and the shared reports built on their answers can no longer
    be shown. The partner keeps their own answers and is told only that the
    couple ended.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    couple = couple_active_for(user=user)
    if couple is not None:
        couple_leave(couple=couple, user=user, notice="couples/email/couple_ended")
    # Invitations are stored with the address lower-cased (invitation_create).
    addresses = {e.lower() for e in EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
    addresses.add(user.email.lower())
    Invitation.objects.open().filter(email__in=addresses).update(revoked_at=timezone.now())
    for session in UserSession.objects.filter(user=user):
        session.end()
    user.delete()
