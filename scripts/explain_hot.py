"""EXPLAIN every query of the hot pages on a seeded database (`scripts/explain_hot.py --database NAME`).

Signs in as a seeded person (in-process, Django's test client), captures the SQL
of the report (first view and kept), the dashboard, a question page and its
save (rolled back), and prints PostgreSQL's plan for each, flagging any
sequential scan. docs/performance.md holds the output at 100,000 couples.
"""

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default="attune_bench_100000")
    args = parser.parse_args()
    base = urlsplit(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/attune"))
    os.environ["DATABASE_URL"] = urlunsplit(base._replace(path="/" + args.database))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from accounts.models import User
    from assessments.forms import FIELD_PREFIX
    from assessments.instrument import current_instrument
    from assessments.models import AnswerSheet, Checkup, KeptReport
    from web.seed import SEED_DOMAIN

    call_command("migrate", verbosity=0)
    seeded = User.objects.filter(email__endswith="@" + SEED_DOMAIN)
    reader = seeded.order_by("-pk")[1000]
    checkup = Checkup.objects.filter(couple__memberships__user=reader, completed_at__isnull=False).latest(
        "completed_at"
    )
    sheet = AnswerSheet.objects.filter(
        user__in=seeded, submitted_at__isnull=True, checkup__completed_at__isnull=True
    ).latest("pk")
    instrument = current_instrument()
    section_url = reverse("assessments:section", args=[sheet.checkup_id, sheet.current_section])
    values = {FIELD_PREFIX + i.id: 3 for i in instrument.section_items(sheet.current_section)}

    def client_for(user: User) -> Client:
        client = Client(SERVER_NAME="127.0.0.1")
        client.force_login(user)
        client.get(reverse("dashboard"))
        return client

    reading, answering = client_for(reader), client_for(sheet.user)
    KeptReport.objects.filter(checkup=checkup).delete()
    pages: dict[str, list[str]] = {}
    for name, call in (
        ("report, first view", lambda: reading.get(reverse("assessments:report", args=[checkup.pk]))),
        ("report, kept", lambda: reading.get(reverse("assessments:report", args=[checkup.pk]))),
        ("dashboard", lambda: reading.get(reverse("dashboard"))),
        ("question page", lambda: answering.get(section_url)),
    ):
        with CaptureQueriesContext(connection) as captured:
            call()
        pages[name] = [q["sql"] for q in captured.captured_queries]
    with transaction.atomic(), CaptureQueriesContext(connection) as captured:
        answering.post(section_url, values)
        transaction.set_rollback(True)
    pages["question page save"] = [q["sql"] for q in captured.captured_queries]

    counts = {
        table: connection.cursor().execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
        for table in (
            "accounts_user",
            "couples_couple",
            "assessments_checkup",
            "assessments_answer",
            "django_session",
        )
    }
    print("Rows: " + ", ".join(f"{table} {n:,}" for table, n in counts.items()))
    seq_scans, missing = 0, 0
    for name, queries in pages.items():
        print(f"\n## {name} ({len(queries)} queries)")
        for sql in queries:
            if sql.split()[0].upper() not in {"SELECT", "UPDATE", "INSERT", "DELETE"}:
                continue
            plan = _plan(connection, sql)
            print("\n    " + (sql[:150] + " ..." if len(sql) > 150 else sql))
            print("\n".join("      " + line for line in plan))
            if any("Seq Scan" in line for line in plan):
                seq_scans += 1
                # A table of a few rows is read whole, which is cheaper than any index;
                # with sequential scans priced out, the plan shows the index a big table gets.
                forced = _plan(connection, sql, seqscan=False)
                still = any("Seq Scan" in line for line in forced)
                missing += still
                print(
                    "      -- a small table; with enable_seqscan off:"
                    + (" STILL A SEQ SCAN" if still else "")
                )
                print("\n".join("      " + line for line in forced if "Index" in line))
    print(f"\nQueries planned with a sequential scan: {seq_scans} (all on tables of a few rows);")
    print(f"queries with no index to use: {missing}")


def _plan(connection, sql: str, seqscan: bool = True) -> list[str]:
    from django.db import transaction

    with transaction.atomic(), connection.cursor() as cursor:
        if not seqscan:
            cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN (COSTS OFF) " + sql)
        return [row[0] for row in cursor.fetchall()]


if __name__ == "__main__":
    main()
