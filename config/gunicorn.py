"""gunicorn settings (``gunicorn -c config/gunicorn.py config.wsgi``)."""

bind = "0.0.0.0:8000"
workers = 3
# Threads, so one request waiting on the database (at most DB_LOCK_TIMEOUT_MS /
# DB_STATEMENT_TIMEOUT_MS) does not hold a whole worker: /healthz and other
# pages still answer (docs/operations.md).
worker_class = "gthread"
threads = 8
# A worker takes only as many connections as it has free threads, so a request
# never queues behind one that waits on a lock while another worker is idle.
# Hence no keep-alive (the proxy in front keeps its own connections short).
worker_connections = threads
keepalive = 0
timeout = 30
accesslog = "-"
# %(U)s is the path without the query string: invitation tokens travel in the
# query string and must never reach a log.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss'
