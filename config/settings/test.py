"""Test overlay: PostgreSQL when one answers, fast hashing, mail kept in memory."""

import socket

from .base import *  # noqa: F403
from .base import env, with_timeouts


def _local_postgres_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=0.5):
            return True
    except OSError:
        return False


# Tests run on PostgreSQL, the app's own database: the one DATABASE_URL names
# or the local server. SQLite is the fallback where no server answers, and the
# PostgreSQL-only tests then skip with a reason (tests/conftest.py).
if "DATABASE_URL" not in env.ENVIRON and _local_postgres_answers():
    DATABASES = {"default": env.db_url_config("postgres://postgres@127.0.0.1:5432/attune")}
# Creating and dropping the test databases on a loaded machine can outlast the
# 5 s a page may take; the lock timeout stays as in production.
DB_STATEMENT_TIMEOUT_MS = 30000
with_timeouts(DATABASES["default"], statement_ms=DB_STATEMENT_TIMEOUT_MS)

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
SITE_URL = "https://attune.test"
