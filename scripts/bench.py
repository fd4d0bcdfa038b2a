"""The benchmark: `make bench` (a benchmark that prints figures, not a test).

It serves the app as shipped -- gunicorn with config/gunicorn.py and the
production settings, on PostgreSQL -- and drives it from a separate process
with wrk (Debian's `wrk` package) at concurrency 1, 8 and 32, as signed-in
seeded people spread over many couples. For each endpoint and level it prints
requests per second, p50/p95/p99 latency, errors, the SQL queries one request
runs (counted in-process against the same database), the workers' peak RSS, and
the throughput as a ratio of the floor's (`/healthz`, anonymous: one round trip
through Django and PostgreSQL) measured in the same run. Quote that ratio: the
machines are noisy.

    make bench                               # 1,000 couples, every endpoint
    make bench ARGS="--couples 100000 --endpoints healthz,report"
    make bench ARGS="--profile report"       # pyinstrument, one endpoint, in-process

The database is `attune_bench_<couples>` on the server DATABASE_URL names
(default the local one); it is created, migrated and seeded (`manage.py seed`)
on first use and reused afterwards. docs/performance.md has a run's table.
"""

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
OUT = ROOT / "var" / "bench"
ENDPOINTS = ["healthz", "static", "login", "dashboard", "report", "question", "save"]
USERS = 200  # signed-in people, spread over as many couples

LUA = r"""
local reqs = {}
local n = 0
function init(args)
  for line in io.lines(args[1]) do
    local method, path, cookie, body = line:match("^(%S+)\t(%S+)\t([^\t]*)\t?(.*)$")
    local headers = {["X-Forwarded-Proto"] = "https", ["Origin"] = "https://" .. args[2]}
    if cookie ~= "" then headers["Cookie"] = cookie end
    if method == "POST" then headers["Content-Type"] = "application/x-www-form-urlencoded" end
    n = n + 1
    reqs[n] = wrk.format(method, path, headers, method == "POST" and body or nil)
  end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end
function request() return reqs[math.random(n)] end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'JSON{"requests":%d,"duration_us":%d,"p50":%d,"p95":%d,"p99":%d,"non2xx3xx":%d,"socket":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
"""


@dataclass
class Target:
    name: str
    lines: list[str]  # method \t path \t cookie \t body
    queries: int | None = None


@dataclass
class Row:
    endpoint: str
    level: int
    rps: float
    p50: float
    p95: float
    p99: float
    errors: int
    queries: int | None
    rss_mb: float
    extra: dict[str, float] = field(default_factory=dict)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def database_url(name: str) -> str:
    base = urlsplit(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/attune"))
    return urlunsplit(base._replace(path="/" + name))


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603 - our own script


def prepare_database(env: dict[str, str], couples: int) -> None:
    import psycopg

    url = urlsplit(env["DATABASE_URL"])
    name = url.path.lstrip("/")
    admin = urlunsplit(url._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "createcachetable")
    with psycopg.connect(env["DATABASE_URL"]) as conn:
        have = conn.execute("SELECT count(*) FROM couples_couple").fetchone()[0]  # type: ignore[index]
    if have < couples:
        manage(env, "seed", "--couples", str(couples - have))


def setup_django(env: dict[str, str]) -> None:
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def build_targets(host: str) -> list[Target]:
    """Requests for each endpoint, as signed-in seeded people spread over many couples."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.urls import reverse

    from accounts.models import User
    from assessments.forms import FIELD_PREFIX
    from assessments.instrument import current_instrument
    from assessments.models import AnswerSheet, Checkup
    from web.seed import SEED_DOMAIN

    def cookie_for(user: User, csrf: str) -> str:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        return f"{settings.SESSION_COOKIE_NAME}={store.session_key}; {settings.CSRF_COOKIE_NAME}={csrf}"

    seeded = User.objects.filter(email__endswith="@" + SEED_DOMAIN)
    ids = list(seeded.order_by("pk").values_list("pk", flat=True))
    readers = list(User.objects.filter(pk__in=ids[:: max(1, len(ids) // USERS)][:USERS]))
    latest = {
        c.couple_id: c.pk
        for c in Checkup.objects.filter(couple__memberships__user__in=readers, completed_at__isnull=False)
        .order_by("completed_at")
        .distinct()
    }
    reports, dashboards = [], []
    for user in readers:
        couple_id = user.memberships.values_list("couple_id", flat=True).first()
        cookie = cookie_for(user, secrets.token_hex(16))
        dashboards.append(f"GET\t{reverse('dashboard')}\t{cookie}")
        if couple_id in latest:
            reports.append(f"GET\t{reverse('assessments:report', args=[latest[couple_id]])}\t{cookie}")
    instrument = current_instrument()
    waiting = AnswerSheet.objects.filter(
        user__in=seeded, submitted_at__isnull=True, checkup__completed_at__isnull=True
    )
    sheet_ids = list(waiting.order_by("pk").values_list("pk", flat=True))
    open_sheets = list(
        AnswerSheet.objects.filter(
            pk__in=sheet_ids[:: max(1, len(sheet_ids) // USERS)][:USERS]
        ).select_related("user")
    )
    questions, saves = [], []
    for sheet in open_sheets:
        csrf = secrets.token_hex(16)
        cookie = cookie_for(sheet.user, csrf)
        section = sheet.current_section
        path = reverse("assessments:section", args=[sheet.checkup_id, section])
        values = {FIELD_PREFIX + i.id: instrument.answer_at(i, 3) for i in instrument.section_items(section)}
        body = urlencode({"csrfmiddlewaretoken": csrf, "action": "save", **values})
        questions.append(f"GET\t{path}\t{cookie}")
        saves.append(f"POST\t{path}\t{cookie}\t{body}")
    return [
        Target("healthz", ["GET\t/healthz\t"]),
        Target("static", [f"GET\t{staticfiles_storage.url('css/attune.css')}\t"]),
        Target("login", [f"GET\t{reverse('account_login')}\t"]),
        Target("dashboard", dashboards),
        Target("report", reports),
        Target("question", questions),
        Target("save", saves),
    ]


def count_queries(target: Target) -> int | None:
    """SQL queries of one request of ``target``, run in-process on the same database."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    if target.name == "static":
        return 0  # whitenoise answers before Django's views
    method, path, cookie, *body = target.lines[0].split("\t")
    client = Client(SERVER_NAME="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    for part in filter(None, cookie.split("; ")):
        key, value = part.split("=", 1)
        client.cookies[key] = value
    client.get(path) if method == "GET" else None  # the first request of a session may write once
    with CaptureQueriesContext(connection) as captured:
        if method == "GET":
            client.get(path)
        else:
            client.post(path, body[0], content_type="application/x-www-form-urlencoded")
    return len(captured.captured_queries)


def worker_pids(master: int) -> list[int]:
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            pids.append(int(stat.parent.name))
    return pids


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_wrk(lua: Path, lines: Path, host: str, level: int, seconds: int, master: int) -> tuple[dict, float]:
    peak = 0.0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max([peak, *(rss_mb(p) for p in worker_pids(master))])
            time.sleep(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    threads = min(level, 2)
    result = subprocess.run(  # noqa: S603 - wrk with our own arguments
        [shutil.which("wrk") or "wrk", f"-t{threads}", f"-c{level}", f"-d{seconds}s", "--timeout", "10s",
         "-s", str(lua), f"http://{host}", "--", str(lines), host],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    stop.set()
    sampler.join()
    line = next(x for x in result.stdout.splitlines() if x.startswith("JSON"))
    return json.loads(line[4:]), peak


def start_server(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(  # noqa: S603 - gunicorn as the Dockerfile starts it
        [str(Path(PY).parent / "gunicorn"), "-c", "config/gunicorn.py", "--bind", f"127.0.0.1:{port}",
         "config.wsgi:application"],
        cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    for _ in range(100):
        try:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/healthz", headers={"X-Forwarded-Proto": "https"}
            )
            with urllib.request.urlopen(request, timeout=2):  # noqa: S310 - our own local server
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit(f"gunicorn did not answer; see {log}")


def print_table(rows: list[Row], out: Path) -> None:
    floor = {r.level: r.rps for r in rows if r.endpoint == "healthz"}
    header = (
        "| endpoint | c | req/s | ratio to floor | p50 ms | p95 ms | p99 ms | errors | queries/req "
        "| peak RSS MB |"
    )
    lines = [header, "|" + "---|" * 10]
    for r in rows:
        ratio = f"{r.rps / floor[r.level]:.2f}" if floor.get(r.level) else "-"
        lines.append(
            f"| {r.endpoint} | {r.level} | {r.rps:,.0f} | {ratio} | {r.p50:.1f} | {r.p95:.1f} | {r.p99:.1f} "
            f"| {r.errors} | {'-' if r.queries is None else r.queries} | {r.rss_mb:.0f} |"
        )
    text = "\n".join(lines)
    print(text)
    out.write_text(text + "\n")
    print(f"\n(table written to {out})")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--couples", type=int, default=1000)
    parser.add_argument("--database", help="database name (default attune_bench_<couples>)")
    parser.add_argument("--endpoints", default=",".join(ENDPOINTS))
    parser.add_argument("--levels", default="1,8,32")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--profile", choices=ENDPOINTS, help="profile one endpoint in-process instead")
    parser.add_argument(
        "--env", action="append", default=[], metavar="NAME=VALUE", help="e.g. CONN_MAX_AGE=0, for a before"
    )
    args = parser.parse_args()
    if not shutil.which("wrk") and not args.profile:
        raise SystemExit("The benchmark needs wrk: apt-get install wrk")
    OUT.mkdir(parents=True, exist_ok=True)
    static_root = Path(tempfile.mkdtemp(prefix="attune-bench-static-"))
    port = free_port()
    host = f"127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": database_url(args.database or f"attune_bench_{args.couples}"),
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SITE_URL": f"https://{host}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": str(static_root),
    }
    env.pop("CONN_MAX_AGE", None)  # as shipped, unless --env says otherwise
    env.update(item.split("=", 1) for item in args.env)
    prepare_database(env, args.couples)
    manage(env, "collectstatic", "--noinput", "-v0")
    setup_django(env)
    targets = {t.name: t for t in build_targets(host)}
    if args.profile:
        from bench_profile import profile  # a dev tool, loaded only when asked

        profile(targets[args.profile], OUT / f"profile-{args.profile}.txt")
        return
    log = OUT / "gunicorn.log"
    server = start_server(env, port, log)
    lua = OUT / "bench.lua"
    lua.write_text(LUA)
    rows: list[Row] = []
    try:
        for name in args.endpoints.split(","):
            target = targets[name]
            lines = OUT / f"{name}.tsv"
            lines.write_text("\n".join(target.lines) + "\n")
            target.queries = count_queries(target)
            run_wrk(lua, lines, host, 8, 3, server.pid)  # warm up (and keep the reports)
            for level in map(int, args.levels.split(",")):
                figures, peak = run_wrk(lua, lines, host, level, args.seconds, server.pid)
                seconds = figures["duration_us"] / 1e6
                rows.append(
                    Row(
                        endpoint=name,
                        level=level,
                        rps=figures["requests"] / seconds,
                        p50=figures["p50"] / 1000,
                        p95=figures["p95"] / 1000,
                        p99=figures["p99"] / 1000,
                        errors=figures["non2xx3xx"] + figures["socket"],
                        queries=target.queries,
                        rss_mb=peak,
                    )
                )
                print(rows[-1], flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(f"\nMachine: {os.cpu_count()} cores, load average {' '.join(load)}; {args.couples:,} couples")
    if args.env:
        print("Environment changed for this run: " + ", ".join(args.env))
    print_table(rows, OUT / f"table-{args.couples}.md")


if __name__ == "__main__":
    main()
