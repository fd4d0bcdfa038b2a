"""Fault drill (issue 16): the app, its mail worker and an SMTP sink under injected faults.

Runs a throwaway PostgreSQL cluster on another port, gunicorn with the
production settings, ``manage.py task_worker`` and an SMTP sink (aiosmtpd),
while writers invite partners and complete checkups through the services.
Injects, in turn: a database crash and restart, killed workers (with a slow
SMTP server, so a mail is in flight), an SMTP outage, and a row lock held for
12 s. Then it waits for the outbox to drain and prints a table. Not part of
`make test`; see docs/operations.md.

    .venv/bin/python scripts/fault_drill.py            # about two minutes
"""

import asyncio
import contextlib
import email
import glob
import http.client
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_PORT, WEB_PORT, SMTP_PORT = 55439, 8791, 8925


def log(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


class Cluster:
    """A PostgreSQL cluster of its own, in a temporary folder, on PG_PORT."""

    def __init__(self, base: Path) -> None:
        self.bin = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1])
        self.data = base / "pgdata"
        self.socket = base
        # initdb refuses root: run the cluster as the postgres system user then.
        self.prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.prefix:
            shutil.chown(base, "postgres")

    def run(self, *args: str) -> None:
        subprocess.run([*self.prefix, *args], check=True, capture_output=True)

    def init(self) -> None:
        self.run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8"
        )

    def start(self) -> None:
        options = f"-p {PG_PORT} -k {self.socket} -c listen_addresses=127.0.0.1 -c max_connections=100"
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.socket / "pg.log"),
                 "-o", options, "-w", "start")  # fmt: skip

    def crash(self) -> None:
        # "immediate" is a crash as far as the data is concerned: recovery replays the WAL.
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")


class Sink:
    """An SMTP server that records each message's Message-ID; it can go down or slow down."""

    def __init__(self) -> None:
        self.received: list[str] = []
        self.delay = 0.0
        self.controller = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.delay:
            await asyncio.sleep(self.delay)  # a slow server: the mail is in flight, not yet accepted
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append(email.message_from_bytes(envelope.content)["Message-ID"])
        return "250 Message accepted for delivery"

    def start(self) -> None:
        from aiosmtpd.controller import Controller

        self.controller = Controller(self, hostname="127.0.0.1", port=SMTP_PORT)
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()


def environment(base: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/attune_drill",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SITE_URL": f"http://127.0.0.1:{WEB_PORT}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        # Kept between runs: collecting and compressing the static files is the slowest step.
        "STATIC_ROOT": str(ROOT / "var" / "drill-static"),
        "EMAIL_URL": f"smtp://127.0.0.1:{SMTP_PORT}",
        "MAIL_DELIVERY": "worker",
        # Short clocks, so the drill takes minutes rather than hours.
        "OUTBOX_LEASE_SECONDS": "8",
        "EMAIL_TIMEOUT_SECONDS": "5",
        "OUTBOX_RETRY_BASE_SECONDS": "1",
        "OUTBOX_RETRY_MAX_SECONDS": "4",
        "WORKER_MAX_BACKOFF_SECONDS": "2",
        "WORKER_HEARTBEAT_FILE": str(base / "heartbeat"),
        "LOG_LEVEL": "WARNING",
    }


class Processes:
    def __init__(self, base: Path, env: dict[str, str]) -> None:
        self.base, self.env = base, env
        self.web: subprocess.Popen | None = None
        self.worker: subprocess.Popen | None = None
        self.worker_starts = 0

    def _spawn(self, args: list[str], name: str) -> subprocess.Popen:
        out = (self.base / f"{name}.log").open("a")
        return subprocess.Popen(args, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT)

    def start_web(self) -> None:
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        self.web = self._spawn(
            [
                gunicorn,
                "-c",
                "config/gunicorn.py",
                "--bind",
                f"127.0.0.1:{WEB_PORT}",
                "config.wsgi:application",
            ],
            "web",
        )

    def start_worker(self) -> None:
        self.worker_starts += 1
        self.worker = self._spawn([sys.executable, "manage.py", "task_worker", "--interval", "0.2"], "worker")

    def stop(self) -> None:
        for process in (self.web, self.worker):
            if process and process.poll() is None:
                process.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(10)


def _http(method: str, path: str, body: str | None, headers: dict[str, str]) -> tuple[int, float, str]:
    """One request to the drill's web server: (status, seconds, body); status 0 when it did not answer."""
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", WEB_PORT, timeout=40)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode(errors="replace")
        return response.status, time.monotonic() - started, text
    except OSError:
        return 0, time.monotonic() - started, ""
    finally:
        connection.close()


def http_get(path: str, cookie: str = "") -> tuple[int, float, str]:
    return _http("GET", path, None, {"Cookie": cookie} if cookie else {})


def http_post(path: str, fields: dict[str, str], cookie: str, csrf: str) -> tuple[int, float, str]:
    from urllib.parse import urlencode

    return _http(
        "POST",
        path,
        urlencode({**fields, "csrfmiddlewaretoken": csrf}),
        {"Cookie": f"{cookie}; __Host-csrftoken={csrf}", "Content-Type": "application/x-www-form-urlencoded"},
    )


class Workload:
    """Writers that invite partners and complete checkups through the services, as the views do.

    A write counts as confirmed when the service returned; a failure (the
    database away) is retried with the same person until it goes through.
    """

    def __init__(self, inviters, couples) -> None:
        self.inviters = list(inviters)
        self.couples = list(couples)
        self.confirmed_invitations: list[int] = []
        self.confirmed_submissions: list[int] = []
        self.failures = 0
        self.running = True
        self.lock = threading.Lock()

    def _next(self, pool: list):
        with self.lock:
            return pool.pop() if pool else None

    def _attempt(self, call):
        from django.db import connections

        while self.running:
            try:
                return call()
            except Exception:  # the database went away mid-write: not confirmed, try again
                self.failures += 1
                connections.close_all()
                time.sleep(0.2)
        return None

    def invite(self) -> None:
        from couples.services import invitation_create

        while self.running and (inviter := self._next(self.inviters)):
            n = inviter.pk

            def call(inviter=inviter, n=n):
                return invitation_create(
                    inviter=inviter, email=f"partner{n}@drill.test", message=f"drill personal message {n}"
                )

            invitation = self._attempt(call)
            if invitation is not None:
                self.confirmed_invitations.append(invitation.pk)
            time.sleep(0.05)

    def submit(self) -> None:
        from assessments.services import answer_sheet_submit

        while self.running and (pair := self._next(self.couples)):
            for sheet in pair:
                if self._attempt(lambda sheet=sheet: answer_sheet_submit(sheet=sheet)) is not None:
                    self.confirmed_submissions.append(sheet.pk)
            time.sleep(0.1)

    def start(self) -> list[threading.Thread]:
        threads = [threading.Thread(target=self.invite, daemon=True) for _ in range(2)]
        threads.append(threading.Thread(target=self.submit, daemon=True))
        for thread in threads:
            thread.start()
        return threads


def setup_people(count_inviters: int, count_couples: int):
    from allauth.account.models import EmailAddress

    from accounts.models import User
    from assessments.services import checkup_start
    from couples.services import couple_create
    from tests.support.answers import DISTANCING, PURSUING, answers_for, save_answers

    def person(label: str) -> User:
        # No password: nobody logs in with one here (sessions are made directly), and hashing is slow.
        user = User.objects.create_user(email=f"{label}@drill.test", password=None, display_name=label)
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
        return user

    inviters = [person(f"inviter{i}") for i in range(count_inviters)]
    pairs = []
    for i in range(count_couples):
        a, b = person(f"a{i}"), person(f"b{i}")
        couple = couple_create(first=a, second=b)
        checkup = checkup_start(couple=couple, user=a)
        sheet_a, sheet_b = checkup.answer_sheets.get(user=a), checkup.answer_sheets.get(user=b)
        save_answers(sheet_a, answers_for(PURSUING))
        save_answers(sheet_b, answers_for(DISTANCING))
        pairs.append((sheet_a, sheet_b))
    return inviters, pairs, person("locked")


def session_cookie_for(user) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def wait_for(predicate, timeout: float, step: float = 0.2) -> bool:
    from django.db import DatabaseError, connections

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except DatabaseError:
            connections.close_all()  # the database restarted under this connection: open a new one
        time.sleep(step)
    return False


def main() -> int:
    base = Path(tempfile.mkdtemp(prefix="attune-drill-"))
    os.chmod(base, 0o755)  # noqa: S103 - the postgres user needs to reach its socket and data
    cluster = Cluster(base)
    env = environment(base)
    os.environ.update(env)
    sink = Sink()
    processes = Processes(base, env)
    results: dict[str, str] = {}
    try:
        log(f"cluster in {base}, port {PG_PORT}")
        cluster.init()
        cluster.start()
        cluster.run(str(cluster.bin / "createdb"), "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres",
                    "attune_drill")  # fmt: skip
        log("migrate, cache table, static files")
        manage = [sys.executable, "manage.py"]
        for command in (
            ["migrate", "--noinput", "-v0"],
            ["createcachetable"],
            ["collectstatic", "--noinput", "-v0"],
        ):
            subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.db import connections

        from assessments.models import AnswerSheet, Checkup
        from core.models import OutboxMessage
        from couples.models import Invitation

        log("people: 100 inviters, 20 couples with answered checkups")
        inviters, pairs, locked_user = setup_people(100, 20)
        cookie = session_cookie_for(locked_user)
        sink.start()
        processes.start_web()
        processes.start_worker()
        if not wait_for(lambda: http_get("/healthz")[0] == 200, 30):
            raise SystemExit("gunicorn did not come up; see " + str(base / "web.log"))
        workload = Workload(inviters, pairs)
        threads = workload.start()
        time.sleep(3)

        # 1. The database crashes and comes back 5 s later, under load.
        log("fault: database crash, back after 5 s")
        worker_pid = processes.worker.pid
        cluster.crash()
        outage_pages = Counter()
        outage_end = time.monotonic() + 5
        while time.monotonic() < outage_end:
            for path, with_cookie in (("/healthz", ""), ("/dashboard/", cookie)):
                status, _, body = http_get(path, with_cookie)
                own_page = "briefly unavailable" in body or path == "/healthz"
                outage_pages[f"{status}{'' if own_page else ' (not our page)'}"] += 1
            time.sleep(0.3)
        cluster.start()
        connections.close_all()
        wait_for(lambda: http_get("/healthz")[0] == 200, 30)
        time.sleep(3)
        results["worker alive after the database restart"] = (
            "yes (same process)"
            if processes.worker.poll() is None and processes.worker.pid == worker_pid
            else "no"
        )
        results["pages while the database was down"] = ", ".join(
            f"{count} x {status}" for status, count in sorted(outage_pages.items())
        )

        # 2. Workers killed mid-send (slow SMTP: 1.5 s per recipient), restarted as a supervisor would.
        log("fault: worker killed mid-send, 3 times")
        sink.delay = 1.5
        kills = 0
        for _ in range(3):
            if wait_for(lambda: OutboxMessage.objects.filter(status="sending").exists(), 15, 0.05):
                processes.worker.send_signal(signal.SIGKILL)
                processes.worker.wait()
                kills += 1
                connections.close_all()
                time.sleep(1)
                processes.start_worker()
                time.sleep(2)
        sink.delay = 0
        results["workers killed mid-send"] = str(kills)

        # 3. The SMTP server is down for 8 s.
        log("fault: SMTP outage, 8 s")
        sink.stop()
        time.sleep(8)
        sink.start()

        # 4. A row lock held for 12 s while the locked person keeps trying to invite.
        log("fault: row lock held for 12 s")
        import psycopg

        holder = psycopg.connect(host="127.0.0.1", port=PG_PORT, user="postgres", dbname="attune_drill")
        holder.execute("BEGIN")
        holder.execute("SELECT 1 FROM accounts_user WHERE id = %s FOR UPDATE", [locked_user.pk])
        csrf = secrets.token_hex(16)
        blocked: list[tuple[int, float, bool]] = []
        health: list[float] = []
        lock_end = time.monotonic() + 12

        def keep_inviting() -> None:
            while time.monotonic() < lock_end:
                status, seconds, body = http_post(
                    "/invite/", {"email": "someone@drill.test", "message": ""}, cookie, csrf
                )
                blocked.append((status, seconds, "try again" in body))

        waiting = [threading.Thread(target=keep_inviting) for _ in range(6)]
        for thread in waiting:
            thread.start()
        time.sleep(0.5)
        while time.monotonic() < lock_end:
            health.append(http_get("/healthz")[1])
            time.sleep(0.25)
        for thread in waiting:
            thread.join()
        holder.rollback()
        holder.close()
        busy = [b for b in blocked if b[0] == 503 and b[2]]
        results["/healthz while a row lock is held (max of n)"] = f"{max(health):.2f} s (n={len(health)})"
        slowest = max(b[1] for b in blocked)
        results["requests on the locked row"] = (
            f"{len(busy)}/{len(blocked)} got the busy page (503), in at most {slowest:.2f} s"
        )

        # Let the writers finish, then the outbox drain.
        log("writers finishing, outbox draining")
        workload.running = False
        for thread in threads:
            thread.join(60)

        def drained() -> bool:
            return not OutboxMessage.objects.filter(status__in=["queued", "sending"]).exists()

        wait_for(drained, 120, 0.5)
        time.sleep(1)

        # The accounting.
        confirmed_invitations = set(workload.confirmed_invitations)
        confirmed_sheets = set(workload.confirmed_submissions)
        lost_invitations = confirmed_invitations - set(Invitation.objects.values_list("pk", flat=True))
        lost_submissions = confirmed_sheets - set(
            AnswerSheet.objects.filter(submitted_at__isnull=False).values_list("pk", flat=True)
        )
        rows = {m.pk: m for m in OutboxMessage.objects.all()}
        received = Counter(sink.received)
        by_row = Counter()
        for message_id, count in received.items():
            with contextlib.suppress(ValueError, AttributeError, IndexError):
                by_row[int(message_id.split("-")[1].split(".")[0])] += count
        lost_mails = [pk for pk in rows if by_row[pk] == 0]
        for pk, count in by_row.items():
            if count > 1 and pk in rows:
                row = rows[pk]
                log(f"duplicate: row {pk} ({row.template}) received {count}x, {row.attempts} attempts")
        duplicated = sum(count - 1 for count in by_row.values() if count > 1)
        phantom = sum(count for pk, count in by_row.items() if pk not in rows)
        reports_without_mail = 0
        for checkup in Checkup.objects.filter(completed_at__isnull=False):
            people = set(checkup.answer_sheets.values_list("user_id", flat=True))
            queued_for = set(
                OutboxMessage.objects.filter(
                    template="assessments/email/report_ready", user_id__in=people
                ).values_list("user_id", flat=True)
            )
            reports_without_mail += queued_for != people
        secrets_left = OutboxMessage.objects.exclude(body_text="").count()
        statuses = Counter(m.status for m in rows.values())

        results = {
            "confirmed writes (invitations + submissions)": (
                f"{len(confirmed_invitations)} + {len(confirmed_sheets)}"
                f" ({workload.failures} tries refused during faults, retried)"
            ),
            "lost confirmed writes": str(len(lost_invitations) + len(lost_submissions)),
            "mails queued / received (distinct)": f"{len(rows)} / {len(by_row)}",
            "lost mails": str(len(lost_mails)),
            "duplicated mails": str(duplicated),
            "mails nobody queued": str(phantom),
            "outbox at the end": ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())),
            "reports open without both emails queued": f"{reports_without_mail} of "
            f"{Checkup.objects.filter(completed_at__isnull=False).count()}",
            "rows still holding a body after the drain": str(secrets_left),
            **results,
            "worker starts (1 + restarts after kills)": str(processes.worker_starts),
        }
        width = max(len(k) for k in results)
        print()
        print(f"| {'check'.ljust(width)} | result |")
        print(f"|{'-' * (width + 2)}|--------|")
        for key, value in results.items():
            print(f"| {key.ljust(width)} | {value} |")
        ok = (
            results["lost confirmed writes"] == "0"
            and results["lost mails"] == "0"
            and results["duplicated mails"] == "0"
            and reports_without_mail == 0
            and max(health) <= 2
        )
        print("\nverdict:", "PASS" if ok else "FAIL")
        return 0 if ok else 1
    finally:
        processes.stop()
        with contextlib.suppress(Exception):
            sink.stop()
        with contextlib.suppress(Exception):
            from django.db import connections as all_connections

            all_connections.close_all()
        cluster.stop()
        shutil.rmtree(base, ignore_errors=True)


def _stop_on_sigterm(signum, frame) -> None:
    raise SystemExit(f"stopped by signal {signum}")  # so the cluster and the processes are cleaned up


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    sys.exit(main())
