"""Seed a database at scale for the benchmark: N couples with checkups, in bulk.

Every seeded account lives at the reserved domain ``seed.attune.invalid``
(``.invalid`` can never receive mail, RFC 2606), is called "Seed … A/B", and has
an unusable password, so it can never sign in through the login page nor be
taken for a real person. The benchmark signs in by writing sessions directly.

The mix per couple: most have one completed checkup, some a history of two,
some an open checkup that one partner has submitted and the other is half way
through (the question page's GET and POST in ``make bench`` use those).
Rows go in with ``bulk_create``, and the answers, the bulk of the data, with
PostgreSQL's ``COPY`` where available, a chunk of couples per transaction.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import User
from assessments.instrument import Instrument, current_instrument
from assessments.models import Answer, AnswerSheet, Checkup
from couples.models import Couple, Membership
from web.demo import PROFILES

SEED_DOMAIN = "seed.attune.invalid"
CHUNK = 1000
# (profile of A, profile of B) per checkup, oldest first; "open" marks the open checkup.
SHAPES: tuple[tuple[tuple[str, str], ...], ...] = (
    (("pursuing_now", "distancing_now"),),
    (("pursuing_then", "distancing_then"), ("pursuing_now", "distancing_now")),
    (("distancing_now", "pursuing_now"),),
    (("sees_self_away_1", "sees_self_away_2"),),
    (("pursuing_now", "distancing_now"), ("open", "open")),
    (("distancing_then", "pursuing_then"),),
    (("pursuing_now", "pursuing_now"),),
    (("distancing_now", "distancing_now"), ("distancing_now", "distancing_now")),
    (("pursuing_now", "distancing_now"),),
    (("open", "open"),),
)


def seed_email(number: int, role: str) -> str:
    return f"seed{number}{role}@{SEED_DOMAIN}"


def is_seeded(user: User) -> bool:
    return user.email.endswith("@" + SEED_DOMAIN)


def _profile_answers(instrument: Instrument) -> dict[str, dict[str, int]]:
    """Each profile's answers; every third item sits a step nearer the middle, as in the demo."""
    answers = {}
    for name, levels in PROFILES.items():
        values = {}
        for n, item in enumerate(instrument.shared_items):
            level = levels[item.scale]
            if n % 3 == 2:
                level += -1 if level > 3 else 1
            values[item.id] = instrument.answer_at(item, level)
        answers[name] = values
    return answers


@dataclass
class _Round:
    checkup: Checkup
    profiles: tuple[str, str]


def _next_number() -> int:
    """The number after the highest seeded couple, so that seeding twice adds more."""
    last = User.objects.filter(email__endswith="@" + SEED_DOMAIN).order_by("-pk").first()
    if last is None:
        return 1
    return int(last.email.removeprefix("seed").split("@")[0][:-1]) + 1


def _write_answers(rows: list[tuple[int, str, int, int, datetime]]) -> None:
    if connection.vendor != "postgresql":
        Answer.objects.bulk_create(
            Answer(sheet_id=s, item_id=i, value=v, instrument_version=iv, answered_at=at)
            for s, i, v, iv, at in rows
        )
        return
    table = Answer._meta.db_table
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor, for COPY
        with raw.copy(
            f"COPY {table} (sheet_id, item_id, value, instrument_version, answered_at) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row(row)


def _seed_chunk(
    first: int, count: int, now: datetime, password: str, answers: dict[str, dict[str, int]]
) -> None:
    instrument = current_instrument()
    numbers = range(first, first + count)
    users = User.objects.bulk_create(
        User(email=seed_email(n, role), display_name=f"Seed {n} {role.upper()}", password=password)
        for n in numbers
        for role in ("a", "b")
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users
    )
    shapes = [SHAPES[n % len(SHAPES)] for n in numbers]
    couples = Couple.objects.bulk_create(Couple(created_at=now - timedelta(days=120)) for _ in numbers)
    pairs = [(users[2 * i], users[2 * i + 1]) for i in range(count)]
    Membership.objects.bulk_create(
        Membership(couple=c, user=u, joined_at=c.created_at)
        for c, pair in zip(couples, pairs, strict=True)
        for u in pair
    )
    rounds: list[_Round] = []
    for couple, (a, _b), shape in zip(couples, pairs, shapes, strict=True):
        for index, profiles in enumerate(shape):
            started = now - timedelta(days=60 * (len(shape) - index), minutes=couple.pk % 1440)
            completed = None if profiles[0] == "open" else started + timedelta(days=3)
            rounds.append(
                _Round(
                    Checkup(
                        couple=couple,
                        instrument_key=instrument.key,
                        instrument_version=instrument.version,
                        started_by=a,
                        started_at=started,
                        completed_at=completed,
                    ),
                    profiles,
                )
            )
    Checkup.objects.bulk_create(r.checkup for r in rounds)
    pair_of = {c.pk: pair for c, pair in zip(couples, pairs, strict=True)}
    sheets: list[tuple[AnswerSheet, dict[str, int]]] = []
    for r in rounds:
        checkup = r.checkup
        for person, profile in zip(pair_of[checkup.couple_id], r.profiles, strict=True):
            if checkup.completed_at is not None:
                sheet = AnswerSheet(
                    checkup=checkup,
                    user=person,
                    started_at=checkup.started_at,
                    submitted_at=checkup.completed_at,
                    current_section="review",
                )
                sheets.append((sheet, answers[profile]))
            elif person is pair_of[checkup.couple_id][0]:
                # A has submitted; B is half way (below).
                sheet = AnswerSheet(
                    checkup=checkup,
                    user=person,
                    started_at=checkup.started_at,
                    submitted_at=checkup.started_at + timedelta(hours=1),
                    current_section="review",
                )
                sheets.append((sheet, answers["pursuing_now"]))
            else:
                half = dict(list(answers["distancing_now"].items())[: len(instrument.shared_items) // 2])
                section = instrument.item(list(half)[-1]).section
                sheet = AnswerSheet(
                    checkup=checkup, user=person, started_at=checkup.started_at, current_section=section
                )
                sheets.append((sheet, half))
    AnswerSheet.objects.bulk_create(s for s, _ in sheets)
    _write_answers(
        [
            (sheet.pk, item_id, value, instrument.version, sheet.started_at or now)
            for sheet, values in sheets
            for item_id, value in values.items()
        ]
    )


def _chunks(total: int, size: int) -> Iterator[int]:
    done = 0
    while done < total:
        yield min(size, total - done)
        done += size


def seed_couples(*, couples: int, progress: Callable[[int], None] | None = None) -> int:
    """Add ``couples`` seeded couples with their checkups; returns the number of the first one."""
    instrument = current_instrument()
    answers = _profile_answers(instrument)
    password = make_password(None)  # unusable: no one signs in as a seeded account
    now = timezone.now()
    first = _next_number()
    number = first
    done = 0
    for size in _chunks(couples, CHUNK):
        with transaction.atomic():
            _seed_chunk(number, size, now, password, answers)
        number += size
        done += size
        if progress:
            progress(done)
    return first
