"""gunicorn settings (``gunicorn -c config/gunicorn.py config.wsgi``)."""

bind = "0.0.0.0:8000"
workers = 3
accesslog = "-"
# %(U)s is the path without the query string: invitation tokens travel in the
# query string and must never reach a log.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(L)ss'
