"""Production overlay: HTTPS only, hashed static files, a required secret key.

It reads the few variables that only production has a say in; the rest come
from base.py.
"""

import sys

from .base import *  # noqa: F403
from .base import BASE_DIR, env

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    # One clear line at start-up rather than a traceback through settings.
    sys.exit("SECRET_KEY is not set: production needs a long random SECRET_KEY in the environment.")
SITE_URL = env.str("SITE_URL", default="").rstrip("/")
if not SITE_URL:
    # Every link in every email is built from it; localhost would be silently wrong.
    sys.exit(
        "SITE_URL is not set: production needs the site's public origin, e.g. https://attune.example.org."
    )

# Background tasks other than mail run from the database queue.
TASKS = {"default": {"BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend")}}
# Mail leaves through the outbox and `manage.py task_worker` (docs/operations.md).
MAIL_DELIVERY = env.str("MAIL_DELIVERY", default="worker")
DEBUG = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Off only for a plain-HTTP local stack (docker-compose).
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# Load balancers and the compose healthcheck probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# The __Host- prefix makes browsers refuse these cookies unless they are
# Secure, path=/ and bound to this exact host.
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_NAME = "__Host-csrftoken"
CSRF_COOKIE_HTTPONLY = True

STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "staticfiles")
WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
