import logging
import re

_QUERY = re.compile(r"\?\S*")


class NoQueryStrings(logging.Filter):
    """Drop query strings from request lines (runserver's log): invitation tokens travel there."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "django.server" and isinstance(record.args, tuple):
            record.args = tuple(_QUERY.sub("?…", a) if isinstance(a, str) else a for a in record.args)
        return True
