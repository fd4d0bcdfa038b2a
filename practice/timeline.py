"""The timeline of a couple's practice: checkups and weekly check-ins on one time axis. Pure Python.

Each event is a marker placed by its date between the first and the last
event; the page draws them as an SVG strip and repeats them in a table.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Kind = Literal["checkup", "check_in", "retake_due"]

LEFT = 24.0
WIDTH = 552.0
AXIS_Y = 44.0


@dataclass(frozen=True, slots=True)
class Event:
    when: datetime
    kind: Kind
    title: str
    detail: str


@dataclass(frozen=True, slots=True)
class Marker:
    x: float
    y: float
    kind: Kind
    title: str
    detail: str
    when: datetime
    number: int


def place(events: list[Event]) -> tuple[Marker, ...]:
    """Markers in date order, x by date; events too close to read apart alternate above and below."""
    ordered = sorted(events, key=lambda e: e.when)
    if not ordered:
        return ()
    start, end = ordered[0].when, ordered[-1].when
    span = (end - start).total_seconds()
    markers = []
    for number, event in enumerate(ordered, start=1):
        share = (event.when - start).total_seconds() / span if span else 0.5
        markers.append(
            Marker(
                x=round(LEFT + share * WIDTH, 1),
                y=AXIS_Y - 14 if number % 2 else AXIS_Y + 14,
                kind=event.kind,
                title=event.title,
                detail=event.detail,
                when=event.when,
                number=number,
            )
        )
    return tuple(markers)
