"""gunicorn settings (``gunicorn -c config/gunicorn.py config.wsgi``)."""

bind = "0.0.0.0:8000"
workers = 3
# Threads, so one request waiting on the database (at most DB_LOCK_TIMEOUT_MS /
# DB_STATEMENT_TIMEOUT_MS) does not hold a whole worker: /healthz and other
# pages still answer (docs/operations.md).
worker_class = "gthread"
threads = 4
timeout = 30
accesslog = "-"
# %(U)s is the path without the query string: invitation tokens travel in the
# query string and must never reach a log.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss'
