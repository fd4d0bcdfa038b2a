"""Page shaping for counsellors' and couples' sharing pages: frozen views of selector data, no queries."""

from dataclasses import dataclass
from datetime import datetime

from accounts.models import User
from counsellors.models import AccessLogEntry, CounsellorInvitation, CounsellorProfile, Share
from counsellors.selectors import SharedCouple


@dataclass(frozen=True, slots=True)
class CounsellorView:
    name: str
    practice: str
    website: str


def counsellor_view(profile: CounsellorProfile) -> CounsellorView:
    return CounsellorView(name=profile.name, practice=profile.practice, website=profile.website)


@dataclass(frozen=True, slots=True)
class ReportLink:
    checkup_id: int
    completed_at: datetime


@dataclass(frozen=True, slots=True)
class CoupleRow:
    couple_id: int
    names: str
    shared_since: datetime
    reports: tuple[ReportLink, ...]

    @property
    def latest(self) -> ReportLink | None:
        return self.reports[-1] if self.reports else None


def couple_row(shared: SharedCouple) -> CoupleRow:
    activated_at = shared.share.activated_at
    assert activated_at is not None  # noqa: S101 - shared_couples_for returns active shares only
    return CoupleRow(
        couple_id=shared.share.couple_id,
        names=" & ".join(shared.names),
        shared_since=activated_at,
        reports=tuple(
            ReportLink(checkup_id=c.pk, completed_at=c.completed_at)
            for c in shared.completed_checkups
            if c.completed_at is not None
        ),
    )


@dataclass(frozen=True, slots=True)
class InvitationRow:
    pk: int
    email: str
    expires_at: datetime
    used: bool


@dataclass(frozen=True, slots=True)
class CounsellorDashboardPage:
    counsellor: CounsellorView
    couples: tuple[CoupleRow, ...]
    invitations: tuple[InvitationRow, ...]


def counsellor_dashboard_page(
    profile: CounsellorProfile, couples: list[SharedCouple], invitations: list[CounsellorInvitation]
) -> CounsellorDashboardPage:
    return CounsellorDashboardPage(
        counsellor=counsellor_view(profile),
        couples=tuple(couple_row(c) for c in couples),
        invitations=tuple(
            InvitationRow(pk=i.pk, email=i.email, expires_at=i.expires_at, used=i.couple_id is not None)
            for i in invitations
        ),
    )


@dataclass(frozen=True, slots=True)
class ShareRow:
    pk: int
    counsellor: CounsellorView
    active: bool
    since: datetime
    proposed_by_me: bool
    i_agreed: bool
    partner_agreed: bool


@dataclass(frozen=True, slots=True)
class SharingPage:
    partner_name: str
    shares: tuple[ShareRow, ...]

    @property
    def waiting_for_me(self) -> tuple[ShareRow, ...]:
        return tuple(s for s in self.shares if not s.active and not s.i_agreed)


def sharing_page(shares: list[Share], *, user: User, partner_name: str) -> SharingPage:
    rows = []
    for share in shares:
        agreed = {a.user_id for a in share.agreements.all()}
        active = share.state == Share.State.ACTIVE
        rows.append(
            ShareRow(
                pk=share.pk,
                counsellor=counsellor_view(share.counsellor),
                active=active,
                since=share.activated_at if active and share.activated_at else share.proposed_at,
                proposed_by_me=share.proposed_by_id == user.pk,
                i_agreed=user.pk in agreed,
                partner_agreed=bool(agreed - {user.pk}),
            )
        )
    return SharingPage(partner_name=partner_name, shares=tuple(rows))


@dataclass(frozen=True, slots=True)
class AccessRow:
    counsellor_name: str
    practice: str
    opened_at: datetime
    report_date: datetime | None


def access_rows(entries: list[AccessLogEntry]) -> tuple[AccessRow, ...]:
    return tuple(
        AccessRow(
            counsellor_name=e.counsellor_name,
            practice=e.counsellor_practice,
            opened_at=e.opened_at,
            report_date=e.checkup.completed_at,
        )
        for e in entries
    )
