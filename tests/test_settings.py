import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _run_with_production_settings(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "SITE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    return subprocess.run(
        [sys.executable, "-c", "import django; from django.conf import settings; settings.DEBUG"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key_in_one_line():
    result = _run_with_production_settings()

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "SECRET_KEY is not set: production needs a long random SECRET_KEY in the environment."
    ]


def test_production_refuses_to_start_without_a_site_url_in_one_line():
    result = _run_with_production_settings(SECRET_KEY="x" * 60)

    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("SITE_URL is not set")


def test_production_starts_with_a_secret_key_and_a_site_url():
    result = _run_with_production_settings(SECRET_KEY="x" * 60, SITE_URL="https://attune.example.org")

    assert result.returncode == 0, result.stderr


def test_importing_the_settings_writes_no_file(tmp_path):
    before = sorted(p for p in ROOT.rglob("*") if ".venv" not in p.parts and ".git" not in p.parts)
    for module in ("config.settings.base", "config.settings.test"):
        result = subprocess.run(  # noqa: S603 - our own interpreter on our own modules
            [sys.executable, "-c", f"import {module}"],
            cwd=ROOT,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": module, "PYTHONDONTWRITEBYTECODE": "1"},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
    result = _run_with_production_settings(SECRET_KEY="x" * 60, SITE_URL="https://attune.example.org")
    assert result.returncode == 0, result.stderr

    after = sorted(p for p in ROOT.rglob("*") if ".venv" not in p.parts and ".git" not in p.parts)
    assert after == before


def test_docker_compose_wires_db_web_worker_scheduler_and_mailpit():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]

    assert set(services) == {"db", "web", "worker", "scheduler", "mailpit"}
    assert services["db"]["image"] == "postgres:17"
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert any(volume.startswith("pgdata:") for volume in services["db"]["volumes"])
    assert "pgdata" in compose["volumes"]
    for name in ("web", "worker", "scheduler"):
        service = services[name]
        assert service["depends_on"]["db"]["condition"] == "service_healthy"
        assert service["environment"]["DATABASE_URL"].startswith("postgres://")
        assert "@db:5432/" in service["environment"]["DATABASE_URL"]
        assert service["environment"]["EMAIL_URL"] == "smtp://mailpit:1025"
        assert service["environment"]["TASKS_BACKEND"] == "django_tasks_db.DatabaseBackend"
        assert service["build"] == "."
    assert "migrate" in services["web"]["command"]
    assert "gunicorn" in services["web"]["command"]
    assert "task_worker" in services["worker"]["command"]
    assert services["worker"]["restart"] == "unless-stopped"
    assert "--check" in services["worker"]["healthcheck"]["test"]
    assert "send_practice_reminders" in services["scheduler"]["command"]
    assert "1025:1025" in services["mailpit"]["ports"]
    assert (ROOT / "Dockerfile").read_text().count("requirements.lock") >= 2


def _pins(lock: str) -> dict[str, str]:
    pins = {}
    for line in (ROOT / lock).read_text().splitlines():
        if "==" in line and not line.startswith((" ", "#")):
            name, version = line.split(" ")[0].split("==")
            pins[name] = version
    return pins


def test_the_runtime_lock_holds_no_development_tool_and_the_image_installs_only_it():
    runtime = _pins("requirements.lock")
    dockerfile = (ROOT / "Dockerfile").read_text()

    assert {"django", "gunicorn", "psycopg"} <= set(runtime)
    assert not {"pytest", "mypy", "playwright", "ruff", "pyinstrument", "hypothesis"} & set(runtime)
    assert "requirements-dev.lock" not in dockerfile
    assert "--require-hashes -r requirements.lock" in dockerfile


def test_the_development_lock_pins_every_runtime_package_at_the_same_version():
    runtime, dev = _pins("requirements.lock"), _pins("requirements-dev.lock")

    assert {name: dev.get(name) for name in runtime} == runtime
    for lock in ("requirements.lock", "requirements-dev.lock"):
        assert "--hash=sha256:" in (ROOT / lock).read_text()


def test_production_keeps_database_connections_with_health_checks_and_shares_its_cache():
    script = (
        "from django.conf import settings; db = settings.DATABASES['default'];"
        "print(db['CONN_MAX_AGE'], db['CONN_HEALTH_CHECKS'], settings.CACHES['default']['BACKEND'],"
        " 'allauth.usersessions.middleware.UserSessionsMiddleware' in settings.MIDDLEWARE)"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "CONN_MAX_AGE"}}
    result = subprocess.run(  # noqa: S603 - our own interpreter on our own modules
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "x" * 60,
            "SITE_URL": "https://attune.example.org",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["600", "True", "django.core.cache.backends.db.DatabaseCache", "False"]
