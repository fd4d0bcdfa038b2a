"""Writes for counsellors and shares.

Every function is keyword-only, runs in one transaction and raises
``core.errors.AppError`` with a message fit to show the person when a rule
stops it. Lock order everywhere: the couple, then its shares, then
invitations; so two partners acting at once wait for each other.
"""

from counsellors.services.access import access_log_record
from counsellors.services.invitations import (
    counsellor_invitation_accept,
    counsellor_invitation_create,
    counsellor_invitation_revoke,
)
from counsellors.services.profiles import counsellor_profile_save
from counsellors.services.shares import share_agree, share_propose, share_revoke, shares_end_for_couple

__all__ = [
    "access_log_record",
    "counsellor_invitation_accept",
    "counsellor_invitation_create",
    "counsellor_invitation_revoke",
    "counsellor_profile_save",
    "share_agree",
    "share_propose",
    "share_revoke",
    "shares_end_for_couple",
]
