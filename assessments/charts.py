"""Geometry for the report's server-rendered SVG charts. Pure: no Django import.

The templates draw what these functions place; every point also appears as
a number in a table beside the chart.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from assessments.scoring import AnyDynamic

# The dance plot: a square of PLOT pixels, offset by MARGIN, 0..100 on both axes.
MARGIN = 48
PLOT = 300


@dataclass(frozen=True, slots=True)
class PlotPoint:
    person: str  # "a" or "b": the colour and marker shape
    view: str  # "self" (filled) or "partner" (hollow)
    label: str
    pursuit: int
    distance: int
    x: float
    y: float


def _place(pursuit: float, distance: float) -> tuple[float, float]:
    return MARGIN + pursuit * PLOT / 100, MARGIN + (100 - distance) * PLOT / 100


def dance_points(
    dynamic: AnyDynamic, *, name_a: str, name_b: str, self_label: str, seen_label: str
) -> list[PlotPoint]:
    """Both partners on pursuit (x) by distance (y): as they see themselves and as the partner sees them.

    ``self_label`` and ``seen_label`` are format strings with ``{name}`` and
    ``{partner}``, so the caller decides the (translated) words.
    """
    points = []
    for person, name, partner in ((dynamic.a, name_a, name_b), (dynamic.b, name_b, name_a)):
        for view, pursuit, distance, label in (
            ("self", person.scores.pursuit, person.scores.distance, self_label),
            ("partner", person.seen_pursuit, person.seen_distance, seen_label),
        ):
            x, y = _place(pursuit, distance)
            points.append(
                PlotPoint(
                    person=person.position,
                    view=view,
                    label=label.format(name=name, partner=partner),
                    pursuit=int(pursuit),
                    distance=int(distance),
                    x=round(x, 1),
                    y=round(y, 1),
                )
            )
    return points


# The change-over-time chart: y runs from -100 (top is +100), x spreads the checkups.
LINE_WIDTH = 320
LINE_HEIGHT = 200
LINE_LEFT = 44
LINE_TOP = 16


@dataclass(frozen=True, slots=True)
class Series:
    key: str
    label: str
    values: tuple[int, ...]
    points: str  # the SVG polyline "x,y x,y ..."
    dots: tuple[tuple[float, float], ...]


def line_x(index: int, count: int) -> float:
    if count <= 1:
        return LINE_LEFT + LINE_WIDTH / 2
    return round(LINE_LEFT + index * LINE_WIDTH / (count - 1), 1)


def line_y(value: float) -> float:
    return round(LINE_TOP + (100 - value) * LINE_HEIGHT / 200, 1)


def history_series(rows: Sequence[tuple[str, str, Sequence[float]]]) -> list[Series]:
    """One polyline per (key, label, values); values are on -100..100."""
    series = []
    for key, label, values in rows:
        dots = tuple((line_x(i, len(values)), line_y(v)) for i, v in enumerate(values))
        series.append(
            Series(
                key=key,
                label=label,
                values=tuple(int(v) for v in values),
                points=" ".join(f"{x},{y}" for x, y in dots),
                dots=dots,
            )
        )
    return series
