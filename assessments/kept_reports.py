"""The completed report, computed once and kept.

Building a report scores every answer of every completed checkup of the couple
(the history) and writes several hundred sentences; it used to run on every
view. A completed checkup's answers never change, so the page is built on the
first view and kept in ``KeptReport``; later views read one row.

When a kept page is used, and when it is not:

- only for a reader who may read the report: the two members of the couple,
  both accounts still there (the same check as ``report_data_for``);
- only while both display names match the ones it was built with: a changed
  name builds (and keeps) the page afresh;
- never after either account is deleted: the row goes with it (CASCADE),
  as the answers it was built from do;
- only for the code and language that built it: ``report_version()`` is a
  fingerprint of the checkup's code, instruments and translations, so a new
  release never shows an old page.

The page is stored pickled, as Django's own database cache stores its values:
the table is written only by this module, from objects this app built.
"""

import dataclasses
import hashlib
import pickle
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

from accounts.models import User
from assessments.models import Checkup, KeptReport
from assessments.presenters import ReportPage, report_page
from assessments.scoring import Position
from assessments.selectors import report_data_for, report_members_for

_APP = Path(__file__).resolve().parent
_ROOT = _APP.parent


@cache
def _code_fingerprint() -> str:
    """A hash of everything a report page is made from, other than the answers and names."""
    digest = hashlib.sha256()
    sources = [
        *sorted(p for p in _APP.rglob("*.py") if "migrations" not in p.parts),
        *sorted(_APP.rglob("*.toml")),
        *sorted((_ROOT / "locale").rglob("*.mo")),
    ]
    for path in sources:
        digest.update(str(path.relative_to(_ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:40]


def report_version() -> str:
    return f"{_code_fingerprint()}:{get_language() or ''}"


def _for_reader(page: ReportPage, reader_id: int, person_a: User) -> ReportPage:
    position: Position = "a" if reader_id == person_a.pk else "b"
    return page if page.reader_position == position else dataclasses.replace(page, reader_position=position)


def report_page_for(*, checkup: Checkup, user: User) -> ReportPage | None:
    """``checkup``'s report page as ``user`` reads it, or None if they may not read it.

    Queries: the two members, then the kept page; on the first view (or after
    a name changed) also the report's own reads and one write.
    """
    if checkup.completed_at is None:
        return None
    members = report_members_for(checkup=checkup, user=user)
    if members is None:
        return None
    a, b = members
    version = report_version()
    kept = (
        KeptReport.objects.filter(checkup=checkup, version=version).only("name_a", "name_b", "page").first()
    )
    if kept is not None and (kept.name_a, kept.name_b) == (a.display_name, b.display_name):
        try:
            page = pickle.loads(kept.page)  # noqa: S301 - written only by _keep below
        except Exception:
            page = None
        if isinstance(page, ReportPage):
            return _for_reader(page, user.pk, a)
    data = report_data_for(checkup=checkup, user=user, members=members)
    if data is None:
        return None
    page = report_page(data, reader_id=a.pk)
    _keep(checkup, version, a, b, page)
    return _for_reader(page, user.pk, a)


def _keep(checkup: Checkup, version: str, a: User, b: User, page: ReportPage) -> None:
    # One upsert: two first views at once both build the same page, and the later write wins.
    KeptReport.objects.bulk_create(
        [
            KeptReport(
                checkup=checkup,
                version=version,
                person_a=a,
                person_b=b,
                name_a=a.display_name,
                name_b=b.display_name,
                page=pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL),
            )
        ],
        update_conflicts=True,
        unique_fields=["checkup", "version"],
        update_fields=["person_a", "person_b", "name_a", "name_b", "page", "built_at"],
    )
