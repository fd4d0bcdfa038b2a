"""Two app servers and the mail worker, as shipped, on the test database (docs/deploy.md).

The servers are gunicorn with config/gunicorn.py and the production settings,
each on its own port; the only thing they share is PostgreSQL. They serve plain
HTTP (SECURE_SSL_REDIRECT=false, as for the local docker-compose stack), and
the client here keeps cookies itself, since the production ones are
``__Host-`` and Secure.
"""

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent.parent
SECRET_KEY = "deploy-test-key-" + "x" * 50
PASSWORD = "a-long-deploy-passphrase"
HOST = "attune.test"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def production_password(user) -> None:
    """Store ``PASSWORD`` with production's hasher (the test settings hash with MD5)."""
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    user.save(update_fields=["password"])


@dataclass
class Browser:
    """One browser: a cookie jar, used against any of the servers."""

    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, port: int, method: str, path: str, data: dict[str, str] | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        # The one public host a proxy passes on to every server (allauth's rate-limit keys include it).
        headers = {"Host": HOST, "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        conn.close()
        return response.status, response.getheader("Location") or "", text

    def csrf_from(self, port: int, path: str) -> str:
        status, _location, html = self.request(port, "GET", path)
        match = CSRF.search(html)
        assert status == 200 and match, (status, html[:500])
        return match.group(1)

    def post_form(
        self, port: int, path: str, data: dict[str, str] | None = None, form_page: str | None = None
    ):
        token = self.csrf_from(port, form_page or path)
        return self.request(port, "POST", path, {"csrfmiddlewaretoken": token, **(data or {})})

    def log_in(self, port: int, email: str, password: str = PASSWORD):
        return self.post_form(port, "/accounts/login/", {"login": email, "password": password})


@dataclass
class Stack:
    ports: tuple[int, int]
    processes: list[subprocess.Popen[bytes]]
    env: dict[str, str]
    log: Path
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start_worker(self) -> None:
        """The mail worker (`manage.py task_worker`), as the third process on the same database."""
        self.workers.append(
            subprocess.Popen(
                [sys.executable, "manage.py", "task_worker", "--interval", "0.2"],
                cwd=ROOT,
                env=self.env,
                stdout=self.log.open("ab"),
                stderr=subprocess.STDOUT,
            )
        )


def _env(tmp: Path) -> dict[str, str]:
    db = connection.settings_dict
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{host}/{db['NAME']}"
    clean = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    return {
        **clean,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": url,
        "SECRET_KEY": SECRET_KEY,
        "SITE_URL": "https://attune.test",
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(tmp / "static"),
        "EMAIL_URL": "consolemail://",  # the worker prints what it sends into the servers log
        "WORKER_HEARTBEAT_FILE": str(tmp / "heartbeat"),
    }


def _wait_for(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise AssertionError(f"gunicorn on {port} exited: {log.read_text()[-2000:]}")
        try:
            status, _location, _body = Browser().request(port, "GET", "/healthz")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"gunicorn on {port} did not answer: {log.read_text()[-2000:]}")


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Stack]:
    """Two gunicorn instances on two ports, on the test database, for the module's tests."""
    tmp = tmp_path_factory.mktemp("deploy")
    env = _env(tmp)
    for command in (["collectstatic", "--noinput", "-v0"], ["createcachetable"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)  # noqa: S603
    ports = (free_port(), free_port())
    log = tmp / "servers.log"
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    processes = [
        subprocess.Popen(  # noqa: S603 - gunicorn as the Dockerfile starts it, two workers each
            [
                gunicorn,
                "-c",
                "config/gunicorn.py",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "config.wsgi:application",
            ],
            cwd=ROOT,
            env=env,
            stdout=log.open("ab"),
            stderr=subprocess.STDOUT,
        )
        for port in ports
    ]
    stack = Stack(ports=ports, processes=processes, env=env, log=log)
    try:
        for port, process in zip(ports, processes, strict=True):
            _wait_for(port, process, log)
        yield stack
    finally:
        _stop(processes)


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def stack(servers: Stack, transactional_db) -> Iterator[Stack]:
    """The two servers, with committed test data they can see; a worker started in the test stops after it."""
    workers: list[subprocess.Popen[bytes]] = []
    servers.workers = workers
    yield servers
    _stop(workers)
