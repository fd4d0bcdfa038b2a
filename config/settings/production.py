"""Production overlay: HTTPS only, hashed static files, a required secret key."""

import sys

from .base import *  # noqa: F403
from .base import SECRET_KEY_FROM_ENV, SECURE_SSL_REDIRECT_FROM_ENV, SITE_URL_FROM_ENV, TASKS_BACKEND_FROM_ENV

if not SECRET_KEY_FROM_ENV:
    # One clear line at start-up rather than a traceback through settings.
    sys.exit("SECRET_KEY is not set: production needs a long random SECRET_KEY in the environment.")
SECRET_KEY = SECRET_KEY_FROM_ENV
if not SITE_URL_FROM_ENV:
    # Every link in every email is built from it; localhost would be silently wrong.
    sys.exit(
        "SITE_URL is not set: production needs the site's public origin, e.g. https://attune.example.org."
    )

# Mail leaves through the database queue and `manage.py db_worker`, which keeps
# a record of every failure instead of losing it inside a request.
TASKS = {"default": {"BACKEND": TASKS_BACKEND_FROM_ENV or "django_tasks_db.DatabaseBackend"}}
DEBUG = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = SECURE_SSL_REDIRECT_FROM_ENV
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

WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
