"""Support lines by country, as data (``assessments/resources/support-lines.toml``).

Pure Python: the private safety panel shows them to the one person whose
private answers call for it. Every supported country must list a line for
everyone, one for men and one for LGBTQ+ people (one line may serve more
than one audience); people elsewhere get a directory and the emergency line.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SOURCE = Path(__file__).resolve().parent / "resources" / "support-lines.toml"
AUDIENCES = ("everyone", "women", "men", "lgbtq")
REQUIRED_AUDIENCES = frozenset({"everyone", "men", "lgbtq"})


class SupportLinesError(ValueError):
    """The support-lines file breaks a rule; the message names the country or line."""


@dataclass(frozen=True, slots=True)
class SupportLine:
    name: str
    serves: str  # who it is for, in the service's own terms
    audience: tuple[str, ...]
    website: str
    phone: str = ""
    text: str = ""


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    lines: tuple[SupportLine, ...]


@dataclass(frozen=True, slots=True)
class SupportLines:
    emergency: str
    note: str
    countries: tuple[Country, ...]
    elsewhere: SupportLine


def _line(table: dict[str, Any], where: str, *, audience_required: bool = True) -> SupportLine:
    known = {"audience", "name", "for", "phone", "text", "website"}
    if unknown := set(table) - known:
        raise SupportLinesError(f"{where}: unknown keys {sorted(unknown)}")
    for key in ("name", "for", "website"):
        if not str(table.get(key, "")).strip():
            raise SupportLinesError(f"{where}: missing {key!r}")
    audience = tuple(table.get("audience", ()))
    if audience_required and (not audience or not set(audience) <= set(AUDIENCES)):
        raise SupportLinesError(f"{where}: audience must be some of {AUDIENCES}")
    if audience_required and not str(table.get("phone", "")).strip():
        raise SupportLinesError(f"{where}: missing 'phone'")
    return SupportLine(
        name=table["name"],
        serves=table["for"],
        audience=audience,
        website=table["website"],
        phone=table.get("phone", ""),
        text=table.get("text", ""),
    )


def load_support_lines(path: Path = SOURCE) -> SupportLines:
    """Read and check the file; raise ``SupportLinesError`` naming what is wrong."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    countries = []
    for table in data.get("countries", []):
        code = table.get("code", "?")
        lines = tuple(
            _line(line, f"{code} line {number}") for number, line in enumerate(table.get("lines", []), 1)
        )
        served = {audience for line in lines for audience in line.audience}
        if missing := REQUIRED_AUDIENCES - served:
            raise SupportLinesError(f"{code}: no line for {sorted(missing)}")
        countries.append(Country(code=code, name=table["name"], lines=lines))
    if not countries:
        raise SupportLinesError("no supported country")
    return SupportLines(
        emergency=data["emergency"],
        note=data["note"],
        countries=tuple(countries),
        elsewhere=_line(data["elsewhere"], "elsewhere", audience_required=False),
    )


@functools.cache
def support_lines() -> SupportLines:
    """The shipped support lines, loaded once per process."""
    return load_support_lines()
