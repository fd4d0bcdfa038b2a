"""Page shaping for the site's own pages: typed views built from selector data, with no queries."""

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from django.utils.translation import gettext_lazy as _

from assessments.instrument import get_instrument
from assessments.models import AnswerSheet, Checkup
from assessments.presenters import report_page
from core.models import OutboxMessage
from core.selectors import outbox_state
from practice.models import Agreement
from practice.presenters import PlanPage, plan_page
from practice.selectors import VersionRecord
from web.selectors import DashboardData, ExportData


class CheckupStep(StrEnum):
    """Where the person stands in the open checkup (their own progress only, never the partner's)."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"
    HELD_BACK = "held_back"


@dataclass(frozen=True, slots=True)
class InvitationCard:
    pk: int
    email: str
    expired: bool
    expires_at: datetime
    # What happened to its email: "sent", "on_its_way", "delayed", "failed" or "".
    mail: str


@dataclass(frozen=True, slots=True)
class PastReport:
    checkup_id: int
    completed_at: datetime


@dataclass(frozen=True, slots=True)
class DashboardPage:
    display_name: str
    in_couple: bool
    partner_name: str
    linked_since: datetime | None
    invitation: InvitationCard | None
    has_incoming_invitation: bool
    open_checkup: Checkup | None
    my_sheet: AnswerSheet | None
    step: CheckupStep | None
    safety_concern: bool
    past_reports: tuple[PastReport, ...]
    shares_waiting: int
    shares_active: int
    is_counsellor: bool
    #: The pause plan, once there is a report to start it from (or a plan already).
    plan: PlanPage | None


def dashboard_page(data: DashboardData, *, has_incoming_invitation: bool) -> DashboardPage:
    sheet = data.my_sheet
    step = None
    if sheet is not None:
        if sheet.held_back:
            step = CheckupStep.HELD_BACK
        elif sheet.is_submitted:
            step = CheckupStep.SUBMITTED
        else:
            step = CheckupStep.IN_PROGRESS if sheet.started_at else CheckupStep.NOT_STARTED
    invitation = data.invitation
    plan = plan_page(data.plan) if data.plan else None
    return DashboardPage(
        display_name=data.user.display_name,
        in_couple=data.couple is not None,
        partner_name=data.partner.display_name if data.partner else "",
        linked_since=data.couple.created_at if data.couple else None,
        invitation=InvitationCard(
            pk=invitation.pk,
            email=invitation.email,
            expired=invitation.state == invitation.State.EXPIRED,
            expires_at=invitation.expires_at,
            mail=outbox_state(data.invitation_mail),
        )
        if invitation
        else None,
        has_incoming_invitation=has_incoming_invitation and data.couple is None,
        open_checkup=data.open_checkup,
        my_sheet=sheet,
        step=step,
        safety_concern=data.safety_concern,
        past_reports=tuple(
            PastReport(c.pk, c.completed_at) for c in data.completed_checkups if c.completed_at is not None
        ),
        shares_waiting=data.shares_waiting,
        shares_active=data.shares_active,
        is_counsellor=data.is_counsellor,
        plan=plan if plan and (data.completed_checkups or plan.state != "none") else None,
    )


@dataclass(frozen=True, slots=True)
class AnswerRow:
    item: str
    question: str
    value: int
    answer: str


@dataclass(frozen=True, slots=True)
class ScoreExport:
    label: str
    a: str
    b: str
    band_a: str
    band_b: str


@dataclass(frozen=True, slots=True)
class SectionExport:
    title: str
    paragraphs: list[str]
    points: list[str]


@dataclass(frozen=True, slots=True)
class SharedReportExport:
    completed_at: str
    headline: str
    sections: list[SectionExport]
    scores: list[ScoreExport]
    note: str


@dataclass(frozen=True, slots=True)
class CheckupExport:
    checkup: int
    instrument: str
    started_at: str | None
    submitted_at: str | None
    # Only the person knows they held their part back; it is theirs to see.
    held_back: bool
    answers: list[AnswerRow]
    # Left out of the file (not null) when not asked for / not open.
    private_safety_answers: list[AnswerRow] | None
    shared_report: SharedReportExport | None


@dataclass(frozen=True, slots=True)
class ExportDocument:
    exported_at: str
    account: dict[str, Any]
    couples: list[dict[str, Any]]
    invitations_sent: list[dict[str, Any]]
    invitations_received: list[dict[str, Any]]
    sessions: list[dict[str, Any]]
    checkups: list[CheckupExport]
    pause_plans: list[dict[str, Any]]
    counsellors: dict[str, Any]
    mail_not_delivered: list[dict[str, Any]]

    def as_json(self) -> dict[str, Any]:
        document = asdict(self)
        for entry in document["checkups"]:
            for optional in ("private_safety_answers", "shared_report"):
                if entry[optional] is None:
                    del entry[optional]
        return document


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def export_document(data: ExportData, *, now: datetime) -> ExportDocument:
    user = data.user
    checkups = []
    for record in data.sheets:
        checkup = record.sheet.checkup
        instrument = get_instrument(checkup.instrument_key, checkup.instrument_version)

        def rows(answers: tuple[Any, ...], instrument: Any = instrument) -> list[AnswerRow]:
            result = []
            for a in answers:
                item = instrument.item(a.item_id)
                labels = instrument.response_scale_for(item).labels
                result.append(AnswerRow(a.item_id, item.text, a.value, labels[a.value - 1]))
            return result

        report = None
        if record.report is not None:
            page = report_page(record.report, reader_id=user.pk)
            report = SharedReportExport(
                completed_at=page.completed_at.isoformat(),
                headline=page.report.headline,
                sections=[
                    SectionExport(s.title, list(s.paragraphs), list(s.bullets)) for s in page.report.sections
                ],
                scores=[ScoreExport(r.label, r.a, r.b, r.band_a, r.band_b) for r in page.score_rows],
                note=page.report.note,
            )
        checkups.append(
            CheckupExport(
                checkup=checkup.pk,
                instrument=f"{checkup.instrument_key} v{checkup.instrument_version}",
                started_at=_iso(record.sheet.started_at),
                submitted_at=_iso(record.sheet.submitted_at),
                held_back=record.sheet.held_back,
                answers=rows(record.answers),
                private_safety_answers=None if record.safety_answers is None else rows(record.safety_answers),
                shared_report=report,
            )
        )
    return ExportDocument(
        exported_at=now.isoformat(),
        account={
            "email": user.email,
            "display_name": user.display_name,
            "joined": _iso(user.date_joined),
            "email_addresses": [
                {"email": e.email, "verified": e.verified, "primary": e.primary} for e in data.email_addresses
            ],
        },
        couples=[
            {
                "since": _iso(couple.created_at),
                "ended": _iso(couple.dissolved_at),
                "partner_display_name": partner.display_name if partner else None,
            }
            for couple, partner in data.couples
        ],
        invitations_sent=[
            # An invitee who deleted their account is no longer named (invitations_forget_invitee).
            {"to": i.email or None, "message": i.message, "sent_at": _iso(i.sent_at), "state": i.state.value}
            for i in data.invitations_sent
        ],
        invitations_received=[
            {
                "from_display_name": i.inviter.display_name,
                "to": i.email,
                "message": i.message,
                "sent_at": _iso(i.sent_at),
                "state": i.state.value,
            }
            for i in data.invitations_received
        ],
        sessions=[
            {
                "ip": s.ip,
                "browser": s.user_agent,
                "signed_in_at": _iso(s.created_at),
                "last_seen_at": _iso(s.last_seen_at),
            }
            for s in data.sessions
        ],
        checkups=checkups,
        pause_plans=[_plan_export(agreement, versions, data) for agreement, versions in data.agreements],
        counsellors=_counsellors_export(data),
        mail_not_delivered=[
            {"what": str(row.what), "to_domain": row.domain, "queued_at": _iso(row.when)}
            for row in failed_mail_rows(data.failed_mail)
        ],
    )


def _counsellors_export(data: ExportData) -> dict[str, Any]:
    """The person's counsellor profile, their couples' shares, and each time a counsellor opened a report."""
    profile = data.counsellor_profile
    user_id = data.user.pk
    return {
        "my_counsellor_profile": {
            "name": profile.name,
            "practice": profile.practice,
            "website": profile.website,
        }
        if profile
        else None,
        "shares": [
            {
                "counsellor": share.counsellor.name,
                "practice": share.counsellor.practice,
                "state": share.state,
                "proposed_by_me": share.proposed_by_id == user_id,
                "proposed_at": _iso(share.proposed_at),
                "i_agreed_at": next(
                    (_iso(a.agreed_at) for a in share.agreements.all() if a.user_id == user_id), None
                ),
                "shared_from": _iso(share.activated_at),
                "ended": _iso(share.revoked_at),
            }
            for share in data.shares
        ],
        "report_openings": [
            {
                "counsellor": entry.counsellor_name,
                "practice": entry.counsellor_practice,
                "opened_at": _iso(entry.opened_at),
                "report_of": _iso(entry.checkup.completed_at),
            }
            for entry in data.access_log
        ],
    }


def _plan_export(
    agreement: Agreement, versions: tuple[VersionRecord, ...], data: ExportData
) -> dict[str, Any]:
    user = data.user
    mine = "settle_a" if agreement.person_a_id == user.pk else "settle_b"
    theirs = "settle_b" if mine == "settle_a" else "settle_a"
    return {
        "started": _iso(agreement.created_at),
        "agreed_version": agreement.active_number,
        "first_agreed": _iso(agreement.activated_at),
        "closed": _iso(agreement.closed_at),
        "versions": [
            {
                "number": r.version.number,
                "written_by_me": r.version.author_id == user.pk,
                "saved_at": _iso(r.version.created_at),
                "signal": r.version.signal,
                "pause_minutes": r.version.pause_minutes,
                "how_i_settle": getattr(r.version, mine),
                "how_my_partner_settles": getattr(r.version, theirs),
                "who_restarts": r.version.get_restarter_display(),
                "how_we_come_back": r.version.return_plan,
                "what_the_one_who_waits_does": r.version.waiting_plan,
                "accepted_by_me": user.pk in r.accepted_by,
            }
            for r in versions
        ],
        # Only my own answers; the partner's are theirs to export.
        "my_check_ins": [
            {
                "week": c.week,
                "answered_at": _iso(c.submitted_at),
                "how_often_the_loop_started": c.get_loop_count_display(),
                "signal_used": c.get_signal_used_display(),
                "return_as_agreed": c.get_returned_display(),
                "how_it_felt": c.get_feeling_display(),
            }
            for c in data.check_ins
            if c.agreement_id == agreement.pk
        ],
    }


# What each kind of mail is called on the privacy page (its template set).
MAIL_KINDS = {
    "couples/email/invitation": _("The invitation to your partner"),
    "couples/email/accepted": _("The news that your invitation was accepted"),
    "couples/email/declined": _("The news that your invitation was declined"),
    "couples/email/partner_left": _("The news that your partner left the couple"),
    "couples/email/couple_ended": _("The news that your couple ended"),
    "assessments/email/report_ready": _("The note that your shared report is ready"),
    "assessments/email/reminder": _("A reminder from your partner"),
    "counsellors/email/invitation": _("A counsellor's invitation to share your reports"),
    "counsellors/email/share_proposed": _("The news that your partner would like to share your reports"),
    "counsellors/email/share_active": _("The news that your reports are shared with a counsellor"),
    "counsellors/email/share_revoked": _("The news that your reports are no longer shared"),
    "counsellors/email/share_active_counsellor": _("The news that a couple shared their reports with you"),
    "counsellors/email/share_revoked_counsellor": _("The news that a couple stopped sharing their reports"),
    "practice/email/agreed": _("The news that you both agreed to your pause plan"),
    "practice/email/acceptance_cleared": _("The news that your pause plan has a new version"),
    "practice/email/reminder": _("The weekly practice check-in reminder"),
    "account/email/email_confirmation_signup": _("A verification code"),
    "account/email/email_confirmation": _("A verification code"),
    "account/email/password_reset_key": _("A password reset link"),
}


@dataclass(frozen=True, slots=True)
class FailedMail:
    what: str
    domain: str
    when: datetime


def failed_mail_rows(messages: Iterable[OutboxMessage]) -> tuple[FailedMail, ...]:
    """The privacy page's list of undelivered mail: its kind, the address's domain, when."""
    return tuple(
        FailedMail(
            what=str(MAIL_KINDS.get(m.template, _("An email from Attune"))),
            domain=m.to.rpartition("@")[2],
            when=m.created_at,
        )
        for m in messages
    )
