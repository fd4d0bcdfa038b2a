"""Profile one endpoint in-process with pyinstrument: `make bench ARGS="--profile report"`."""

from pathlib import Path
from typing import Any

from django.test import Client
from pyinstrument import Profiler

REQUESTS = 300


def profile(target: Any, out: Path) -> None:
    """Serve ``REQUESTS`` requests of ``target`` through Django (no server, no network) under pyinstrument."""
    clients = []
    for line in target.lines[:20]:
        method, path, cookie, *body = line.split("\t")
        client = Client(SERVER_NAME="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
        for part in filter(None, cookie.split("; ")):
            key, value = part.split("=", 1)
            client.cookies[key] = value
        client.get(path)  # the session's first request, and the report's first view
        clients.append((client, method, path, body))
    profiler = Profiler(interval=0.0005)
    with profiler:
        for n in range(REQUESTS):
            client, method, path, body = clients[n % len(clients)]
            if method == "GET":
                client.get(path)
            else:
                client.post(path, body[0], content_type="application/x-www-form-urlencoded")
    tree = profiler.output_text(unicode=True, show_all=True, processor_options={"filter_threshold": 0.02})
    flat = profiler.output_text(unicode=True, flat=True, flat_time="total")
    text = tree + "\n\nFunctions by total time:\n" + "\n".join(flat.splitlines()[:60])
    out.write_text(text)
    print(text)
    print(f"(written to {out})")
