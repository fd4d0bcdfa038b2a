"""The completed report, computed once and kept.

Building a report scores every answer of every completed checkup of the couple
(the history), writes several hundred sentences and renders them with two
charts; it used to run on every view. A completed checkup's answers never
change, so the report's article (``assessments/_report_article.html``, the same
for both partners) is built and rendered on the first view and kept in
``KeptReport``; later views read one row.

When a kept report is used, and when it is not:

- only for a reader who may read the report: the two members of a couple
  still together (the same check as ``report_data_for``: leaving closes it);
- only while both display names match the ones it was built with: a changed
  name builds (and keeps) the report afresh;
- never after either account is deleted: the row goes with it (CASCADE),
  as the answers it was built from do;
- only for the code and language that built it: ``report_version()`` is a
  fingerprint of the checkup's code, instruments, templates and translations,
  so a new release never shows an old report.
"""

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from accounts.models import User
from assessments.models import Checkup, KeptReport
from assessments.presenters import report_page
from assessments.selectors import report_data_for, report_members_for, report_members_shared

ARTICLE_TEMPLATE = "assessments/_report_article.html"


@dataclass(frozen=True, slots=True)
class KeptArticle:
    """The report's article as HTML: its body, and the closing note the page puts after any panels."""

    body: SafeString
    note: SafeString


_APP = Path(__file__).resolve().parent


@cache
def _code_fingerprint() -> str:
    """A hash of everything a report is made from, other than the answers and the names."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    sources = [
        *sorted(p for p in _APP.rglob("*.py") if "migrations" not in p.parts),
        *sorted(_APP.rglob("*.toml")),
        *sorted((root / "templates" / "assessments").rglob("*.html")),
        *sorted((root / "locale").rglob("*.mo")),
    ]
    for path in sources:
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:40]


def report_version() -> str:
    return f"{_code_fingerprint()}:{get_language() or ''}"


def report_article_for(*, checkup: Checkup, user: User) -> KeptArticle | None:
    """The rendered article of ``checkup``'s report, or None if ``user`` may not read it.

    Queries: the two members, then the kept row; on the first view (or after
    a name changed) also the report's own reads and one upsert.
    """
    if checkup.completed_at is None:
        return None
    members = report_members_for(checkup=checkup, user=user)
    return _kept_article(checkup, members) if members else None


def report_article_shared(*, checkup: Checkup) -> KeptArticle | None:
    """The same article for a reader outside the couple whom the couple let in.

    Only for callers that have checked that consent (a counsellor's active
    share, ``counsellors.selectors``). The article holds nothing that depends
    on the reader, so the kept one is shared too.
    """
    if checkup.completed_at is None:
        return None
    members = report_members_shared(checkup=checkup)
    return _kept_article(checkup, members) if members else None


def _kept_article(checkup: Checkup, members: tuple[User, User]) -> KeptArticle | None:
    a, b = members
    version = report_version()
    rows = KeptReport.objects.only("name_a", "name_b", "html", "note_html")
    kept = rows.filter(checkup=checkup, version=version).first()
    if kept is not None and (kept.name_a, kept.name_b) == (a.display_name, b.display_name):
        return _safe(kept.html, kept.note_html)
    data = report_data_for(checkup=checkup, user=a, members=members)
    if data is None:
        return None
    # No reader: the article is the same for whoever reads it.
    context = {"page": report_page(data, reader_id=None)}
    html = render_to_string(ARTICLE_TEMPLATE, context)
    note_html = render_to_string(ARTICLE_TEMPLATE + "#note", context)
    # One upsert: two first views at once build the same article, and the later write wins.
    KeptReport.objects.bulk_create(
        [
            KeptReport(
                checkup=checkup,
                version=version,
                person_a=a,
                person_b=b,
                name_a=a.display_name,
                name_b=b.display_name,
                html=html,
                note_html=note_html,
            )
        ],
        update_conflicts=True,
        unique_fields=["checkup", "version"],
        update_fields=["person_a", "person_b", "name_a", "name_b", "html", "note_html", "built_at"],
    )
    return _safe(html, note_html)


def _safe(html: str, note_html: str) -> KeptArticle:
    # Our own template's output, rendered by report_article_for and kept only by it.
    return KeptArticle(body=mark_safe(html), note=mark_safe(note_html))  # noqa: S308
