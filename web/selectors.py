"""Reads for the site's own pages, gathered from the layers below; always about the person asking."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession

from accounts.models import User
from assessments.models import Answer, AnswerSheet, Checkup, SafetyAnswer
from assessments.selectors import (
    ReportData,
    answer_sheet_for,
    answer_sheet_has_safety_concern,
    checkup_open_for,
    checkups_completed_for,
    report_data_for,
)
from core.models import OutboxMessage
from core.selectors import outbox_failed_for, outbox_latest
from counsellors.models import AccessLogEntry, CounsellorProfile, Share
from counsellors.selectors import (
    access_log_for_member,
    counsellor_profile_of,
    share_counts_for,
    shares_ever_of_member,
)
from couples.models import Couple, Invitation
from couples.selectors import couple_active_for, couple_partner, invitation_open_from, invitations_received_by
from practice.models import Agreement, CheckIn
from practice.selectors import PlanData, VersionRecord, agreements_of, check_ins_of, plan_data_for

INVITATION_MAIL = "couples/email/invitation"


@dataclass(frozen=True, slots=True)
class DashboardData:
    user: User
    couple: Couple | None
    partner: User | None
    invitation: Invitation | None
    # The outbox record of the invitation's latest email: what happened to it.
    invitation_mail: OutboxMessage | None
    open_checkup: Checkup | None
    my_sheet: AnswerSheet | None
    safety_concern: bool
    completed_checkups: tuple[Checkup, ...]
    # Shares with counsellors this person has not agreed to yet, and those that are open.
    shares_waiting: int
    shares_active: int
    is_counsellor: bool
    plan: PlanData | None


def dashboard_data_for(*, user: User) -> DashboardData:
    couple = couple_active_for(user=user)
    open_checkup = checkup_open_for(couple=couple) if couple else None
    my_sheet = answer_sheet_for(checkup=open_checkup, user=user) if open_checkup else None
    shares_waiting, shares_active = share_counts_for(couple=couple, user=user) if couple else (0, 0)
    invitation = None if couple else invitation_open_from(user=user)
    return DashboardData(
        user=user,
        couple=couple,
        partner=couple_partner(couple=couple, user=user) if couple else None,
        invitation=invitation,
        invitation_mail=outbox_latest(user_id=user.pk, template=INVITATION_MAIL, since=invitation.sent_at)
        if invitation
        else None,
        open_checkup=open_checkup,
        my_sheet=my_sheet,
        # The person's own private answers only; the partner's are never read here.
        safety_concern=bool(my_sheet and answer_sheet_has_safety_concern(sheet=my_sheet)),
        completed_checkups=tuple(checkups_completed_for(couple=couple).order_by("-completed_at"))
        if couple
        else (),
        shares_waiting=shares_waiting,
        shares_active=shares_active,
        is_counsellor=counsellor_profile_of(user=user) is not None,
        plan=plan_data_for(user=user, couple=couple, detail=False) if couple else None,
    )


def privacy_access_log_for(*, user: User) -> list[AccessLogEntry]:
    """Each time a counsellor opened a report of a couple ``user`` is or was part of."""
    return list(access_log_for_member(user=user))


@dataclass(frozen=True, slots=True)
class SheetRecord:
    """One of the person's answer sheets, with what the export may show of it."""

    sheet: AnswerSheet
    answers: tuple[Answer, ...]
    safety_answers: tuple[SafetyAnswer, ...] | None
    report: ReportData | None


@dataclass(frozen=True, slots=True)
class ExportData:
    user: User
    email_addresses: tuple[EmailAddress, ...]
    couples: tuple[tuple[Couple, User | None], ...]
    invitations_sent: tuple[Invitation, ...]
    invitations_received: tuple[Invitation, ...]
    sessions: tuple[UserSession, ...]
    sheets: tuple[SheetRecord, ...]
    #: Pause plans with all their versions (written together, so whole), and only the person's own check-ins.
    agreements: tuple[tuple[Agreement, tuple[VersionRecord, ...]], ...]
    check_ins: tuple[CheckIn, ...]
    #: The person's own counsellor profile; their couples' shares with counsellors, and who opened what.
    counsellor_profile: CounsellorProfile | None
    shares: tuple[Share, ...]
    access_log: tuple[AccessLogEntry, ...]
    #: Mail about the person that could not be delivered (the privacy page lists the same).
    failed_mail: tuple[OutboxMessage, ...]


def export_data_for(*, user: User, include_safety: bool) -> ExportData:
    """Everything Attune holds about ``user`` that is theirs to take away.

    Never the partner's individual answers; the shared reports, as both
    partners read them; the private safety answers only when asked for.
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
    return ExportData(
        user=user,
        email_addresses=tuple(EmailAddress.objects.filter(user=user).order_by("pk")),
        couples=tuple(
            (couple, couple_partner(couple=couple, user=user))
            for couple in Couple.objects.filter(memberships__user=user).order_by("created_at")
        ),
        invitations_sent=tuple(Invitation.objects.filter(inviter=user).order_by("created_at")),
        invitations_received=tuple(invitations_received_by(user=user)),
        sessions=tuple(UserSession.objects.filter(user=user).order_by("created_at")),
        sheets=tuple(
            SheetRecord(
                sheet=sheet,
                answers=tuple(answers.get(sheet.pk, ())),
                safety_answers=tuple(safety.get(sheet.pk, ())) if include_safety else None,
                report=report_data_for(checkup=sheet.checkup, user=user),
            )
            for sheet in sheets
        ),
        agreements=agreements_of(user=user),
        check_ins=check_ins_of(user=user),
        counsellor_profile=counsellor_profile_of(user=user),
        shares=tuple(shares_ever_of_member(user=user)),
        access_log=tuple(access_log_for_member(user=user)),
        failed_mail=outbox_failed_for(user_id=user.pk),
    )
