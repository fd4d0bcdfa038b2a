"""Base settings. This is the one module that reads the environment.

Every value a deployment may change comes from an environment variable
(see README.md, "Configuration"). The overlays ``test`` and ``production``
only adjust constants.
"""

from pathlib import Path

import environ
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

# Local runs share one well-known, insecure key so that sessions survive a
# restart; production (production.py) reads its own and refuses to start
# without one, and `check --deploy` rejects this one.
SECRET_KEY: str = env.str("SECRET_KEY", default="django-insecure-local-development-only-never-in-production")

ALLOWED_HOSTS: list[str] = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS: list[str] = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Links in emails are built from this, never from the request's Host header.
SITE_URL: str = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Behind a TLS proxy, allauth's per-IP rate limits must count the client's
# address, not the proxy's: set this to the number of proxies in front.
ALLAUTH_TRUSTED_PROXY_COUNT: int = env.int("TRUSTED_PROXY_COUNT", default=0)

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'attune.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# One PostgreSQL connection per worker, kept between requests: opening a new
# one costs more than a whole page (docs/performance.md). The health check
# replaces a connection the server closed (a restart, a failover) before a
# request uses it. Behind PgBouncer in transaction mode, see docs/deploy.md.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Behind PgBouncer in transaction mode, .iterator()'s named cursors cannot outlive a transaction.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env.bool("DISABLE_SERVER_SIDE_CURSORS", default=False)
# Bounded waits (docs/operations.md): no request waits long for a lock or a slow
# query; core/errorpages.py turns the timeout into the "busy, try again" page.
# 0 turns a limit off (e.g. `DB_STATEMENT_TIMEOUT_MS=0 manage.py migrate` for a long migration).
DB_STATEMENT_TIMEOUT_MS: int = env.int("DB_STATEMENT_TIMEOUT_MS", default=5000)
DB_LOCK_TIMEOUT_MS: int = env.int("DB_LOCK_TIMEOUT_MS", default=3000)


def with_timeouts(database: dict, *, statement_ms: int | None = None, lock_ms: int | None = None) -> dict:
    """``database`` with the statement and lock timeouts set on every PostgreSQL connection."""
    statement_ms = DB_STATEMENT_TIMEOUT_MS if statement_ms is None else statement_ms
    lock_ms = DB_LOCK_TIMEOUT_MS if lock_ms is None else lock_ms
    if database["ENGINE"].endswith("postgresql"):
        database.setdefault("OPTIONS", {})["options"] = (
            f"-c statement_timeout={statement_ms} -c lock_timeout={lock_ms}"
        )
    return database


with_timeouts(DATABASES["default"])
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.usersessions",
    # Our apps, bottom layer first (docs/architecture.md): each may import only those above it here.
    "core",
    "accounts",
    "couples",
    "assessments",
    "counsellors",
    "practice",
    "web",
]

MIDDLEWARE = [
    "core.middleware.RequestBodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # allauth's own middleware writes last_seen_at on every request; this one at most every few minutes.
    "core.middleware.UserSessionActivityMiddleware",
    "core.middleware.PrivateCacheMiddleware",
]

# No page takes files; the largest form is a few kilobytes (core.middleware).
REQUEST_BODY_MAX_BYTES = 64 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = REQUEST_BODY_MAX_BYTES

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"

# allauth: email-only accounts, verified before use, no account enumeration.
ACCOUNT_ADAPTER = "web.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# A code keeps the person in the browser they signed up in, which is where a
# pending invitation waits for them.
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
# A code whose email was lost or failed can be sent again from the code page (up to 3 times).
ACCOUNT_EMAIL_VERIFICATION_SUPPORTS_RESEND = 3
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
# A signed-in session is not proof of who is at the keyboard (a shared or
# partner-controlled device): adding, changing or removing an address asks
# for the password again. Changing the password asks for the current one.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_FORMS = {
    "add_email": "accounts.email_forms.AddEmailForm",
    "signup": "accounts.email_forms.SignupForm",
    "login": "accounts.email_forms.LoginForm",
    "change_password": "accounts.email_forms.ChangePasswordForm",
    "reset_password_from_key": "accounts.email_forms.ResetPasswordKeyForm",
}
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Attune: "
USERSESSIONS_TRACK_ACTIVITY = True

# The rate limits above must hold across gunicorn workers: a database cache is
# shared by every process without another server.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_cache",
    }
}

SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

DEFAULT_FROM_EMAIL: str = env.str("DEFAULT_FROM_EMAIL", default="Attune <hello@attune.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
_email = env.email_url("EMAIL_URL", default="consolemail://")
# django-environ speaks the old EMAIL_* names; Django 6.1 wants MAILERS.
_MAILER_OPTIONS = {
    "EMAIL_HOST": "host",
    "EMAIL_PORT": "port",
    "EMAIL_HOST_USER": "username",
    "EMAIL_HOST_PASSWORD": "password",
    "EMAIL_USE_TLS": "use_tls",
    "EMAIL_USE_SSL": "use_ssl",
    "EMAIL_FILE_PATH": "file_path",
}
MAILERS = {
    "default": {
        "BACKEND": _email["EMAIL_BACKEND"],
        "OPTIONS": {option: _email[key] for key, option in _MAILER_OPTIONS.items() if _email.get(key)},
    }
}
if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend"):
    # A hung SMTP server must not hold a send past its lease (OUTBOX_LEASE_SECONDS).
    MAILERS["default"]["OPTIONS"]["timeout"] = env.int("EMAIL_TIMEOUT_SECONDS", default=30)

# Mail (core/outbox.py, docs/operations.md). "on_commit": the process that made
# the change sends the mail right after its commit (local runs, tests: no
# worker needed). "worker": `manage.py task_worker` sends it (production).
MAIL_DELIVERY: str = env.str("MAIL_DELIVERY", default="on_commit")
# A claimed message is taken back by another worker after this long; longer
# than the SMTP timeout (EMAIL_TIMEOUT_SECONDS, 30 s), so a slow but live send is never sent twice.
OUTBOX_LEASE_SECONDS: int = env.int("OUTBOX_LEASE_SECONDS", default=90)
OUTBOX_MAX_ATTEMPTS: int = env.int("OUTBOX_MAX_ATTEMPTS", default=8)
OUTBOX_RETRY_BASE_SECONDS: int = env.int("OUTBOX_RETRY_BASE_SECONDS", default=30)
OUTBOX_RETRY_MAX_SECONDS: int = env.int("OUTBOX_RETRY_MAX_SECONDS", default=3600)
# The worker's reconnect backoff tops out here; its healthcheck reads the heartbeat file.
WORKER_MAX_BACKOFF_SECONDS: int = env.int("WORKER_MAX_BACKOFF_SECONDS", default=30)
WORKER_HEARTBEAT_FILE: str = env.str("WORKER_HEARTBEAT_FILE", default="/tmp/attune-worker-heartbeat")  # noqa: S108

TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django.tasks.backends.immediate.ImmediateBackend")
    },
}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Only production collects static files (production.py sets STATIC_ROOT).
STATIC_ROOT: Path | None = None
STATICFILES_DIRS = [BASE_DIR / "static"]
# Outside production, whitenoise serves straight from the source folders.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Nothing on the site needs a third-party origin, inline script or inline style.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(levelname)s %(name)s %(message)s"}},
    # runserver's request lines would otherwise carry invitation tokens.
    "filters": {"no_query_strings": {"()": "core.logfilters.NoQueryStrings"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["no_query_strings"]}
    },
    "loggers": {"django.server": {"handlers": ["console"], "level": "INFO", "propagate": False}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}
