"""The questionnaire as data: dataclasses and the loader for instrument files.

Pure Python (no Django import), so that scoring and the report can be tested
without a database. The schema is documented in ``docs/instrument.md``.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

Perspective = Literal["self", "partner"]

INSTRUMENTS_DIR = Path(__file__).resolve().parent / "instruments"
CURRENT_KEY = "pursue-withdraw"
PARTNER_PLACEHOLDER = "{partner}"
PARTNER_FALLBACK = "your partner"

_NAME = re.compile(r"[a-z][a-z0-9_]*")
# Instrument keys become file names, so they must not be able to name a path.
_KEY = re.compile(r"[a-z][a-z0-9-]*")
_FILE_NAME = re.compile(r"(?P<key>[a-z][a-z0-9-]*)-v(?P<version>[1-9][0-9]*)\.toml")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}|[{}]")


class InstrumentError(ValueError):
    """An instrument file is malformed; the message names the offending part."""


@dataclass(frozen=True, slots=True)
class ResponseScale:
    """A response format such as frequency or agreement; values run 1..len(labels)."""

    key: str
    labels: tuple[str, ...]

    @property
    def min_value(self) -> int:
        return 1

    @property
    def max_value(self) -> int:
        return len(self.labels)


@dataclass(frozen=True, slots=True)
class ScaleInfo:
    """What a scale measures, in short plain words the report can show."""

    key: str
    label: str
    description: str


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    intro: str
    response_scale: str
    perspective: Perspective
    private: bool = False


@dataclass(frozen=True, slots=True)
class Item:
    """One question. ``scale`` is the construct it measures (``pursuit``, ``repair`` ...)."""

    id: str
    section: str
    scale: str
    text: str
    reverse: bool = False
    shared: bool = True


@dataclass(frozen=True, slots=True)
class Instrument:
    """A validated questionnaire. Sections and items keep their file order."""

    key: str
    version: int
    title: str
    response_scales: Mapping[str, ResponseScale]
    sections: tuple[Section, ...]
    items: tuple[Item, ...]
    scales: Mapping[str, ScaleInfo]

    def item(self, item_id: str) -> Item:
        """Return the item with this id; raise KeyError if there is none."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def section(self, key: str) -> Section:
        """Return the section with this key; raise KeyError if there is none."""
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    def section_items(self, key: str) -> tuple[Item, ...]:
        """The items of one section, in display order (empty if the key is unknown)."""
        return tuple(item for item in self.items if item.section == key)

    def items_for_scale(self, scale: str) -> tuple[Item, ...]:
        """The items that measure one scale (empty if the scale is unknown)."""
        return tuple(item for item in self.items if item.scale == scale)

    def response_scale_for(self, item: Item | str) -> ResponseScale:
        """The response scale an item is answered on (via its section)."""
        if isinstance(item, str):
            item = self.item(item)
        return self.response_scales[self.section(item.section).response_scale]

    def answer_at(self, item: Item, level: int) -> int:
        """The answer to ``item`` that scores ``level`` on its scale (reverse-keyed items flipped)."""
        scale = self.response_scale_for(item)
        return scale.min_value + scale.max_value - level if item.reverse else level

    @property
    def shared_items(self) -> tuple[Item, ...]:
        """Items whose answers may feed the shared report."""
        return tuple(item for item in self.items if item.shared)

    @property
    def private_items(self) -> tuple[Item, ...]:
        """Items that are never shown to the partner in any form."""
        return tuple(item for item in self.items if not item.shared)


def with_partner(text: str, partner_name: str | None) -> str:
    """Replace ``{partner}`` in item or section text with a display name.

    A blank or missing name becomes "your partner". Plain ``str.replace`` is
    used, so braces in a person's name are harmless; the result is plain text
    that templates still have to escape.
    """
    name = (partner_name or "").strip() or PARTNER_FALLBACK
    return text.replace(PARTNER_PLACEHOLDER, name)


def load_instrument(path: str | Path) -> Instrument:
    """Read and validate one instrument file.

    Raises InstrumentError (prefixed with the file name) if the file is not
    valid TOML or breaks any rule in docs/instrument.md.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        return _build(data)
    except tomllib.TOMLDecodeError as exc:
        raise InstrumentError(f"{path.name}: invalid TOML: {exc}") from exc
    except InstrumentError as exc:
        raise InstrumentError(f"{path.name}: {exc}") from None


def available_instruments() -> tuple[tuple[str, int], ...]:
    """Every shipped instrument file as sorted ``(key, version)`` pairs.

    Raises InstrumentError for a ``.toml`` file not named ``<key>-v<version>.toml``.
    """
    found = []
    for path in INSTRUMENTS_DIR.glob("*.toml"):
        match = _FILE_NAME.fullmatch(path.name)
        if match is None:
            raise InstrumentError(f"{path.name}: file name must be <key>-v<version>.toml")
        found.append((match["key"], int(match["version"])))
    return tuple(sorted(found))


@functools.cache
def get_instrument(key: str, version: int) -> Instrument:
    """Load a shipped instrument by key and version; cached for the process.

    Raises LookupError if no such file is shipped, and InstrumentError if the
    file is invalid or its contents disagree with its file name.
    """
    if not _KEY.fullmatch(key) or type(version) is not int or version < 1:
        raise LookupError(f"no instrument {key!r} version {version!r}")
    path = INSTRUMENTS_DIR / f"{key}-v{version}.toml"
    if not path.is_file():
        raise LookupError(f"no instrument file {path.name}")
    instrument = load_instrument(path)
    if (instrument.key, instrument.version) != (key, version):
        raise InstrumentError(f"{path.name}: declares key {instrument.key!r} version {instrument.version}")
    return instrument


def current_instrument() -> Instrument:
    """The newest shipped version of the checkup, used for new checkups."""
    versions = [v for k, v in available_instruments() if k == CURRENT_KEY]
    if not versions:
        raise LookupError(f"no instrument {CURRENT_KEY!r} is shipped")
    return get_instrument(CURRENT_KEY, max(versions))


# --- validation ------------------------------------------------------------

_TOP = {
    "key": str,
    "version": int,
    "title": str,
    "response_scales": dict,
    "scales": dict,
    "sections": list,
    "items": list,
}
_SECTION = {"key": str, "title": str, "intro": str, "response_scale": str, "perspective": str}
_ITEM = {"id": str, "section": str, "scale": str, "text": str}
_TYPE_NAMES = {str: "a string", int: "an integer", bool: "a boolean", list: "an array", dict: "a table"}


def _fields(
    value: object, where: str, required: Mapping[str, type], optional: Mapping[str, type] | None = None
) -> dict[str, Any]:
    """Check a table's keys and value types; strings must not be blank."""
    optional = optional or {}
    if not isinstance(value, dict):
        raise InstrumentError(f"{where}: expected a table")
    for key in value:
        if key not in required and key not in optional:
            raise InstrumentError(f"{where}: unknown key {key!r}")
    for key in required:
        if key not in value:
            raise InstrumentError(f"{where}: missing required key {key!r}")
    for key, kind in {**required, **optional}.items():
        # `type(...) is` rather than isinstance: TOML booleans are not integers.
        if key in value and type(value[key]) is not kind:
            raise InstrumentError(f"{where}: {key!r} must be {_TYPE_NAMES[kind]}")
        if kind is str and key in value and not value[key].strip():
            raise InstrumentError(f"{where}: {key!r} must not be empty")
    return value


def _check_name(name: str, where: str, pattern: re.Pattern[str] = _NAME) -> None:
    if not pattern.fullmatch(name):
        raise InstrumentError(f"{where}: {name!r} is not a valid key")


def _check_placeholders(text: str, where: str) -> None:
    for found in _PLACEHOLDER.findall(text):
        if found != PARTNER_PLACEHOLDER:
            raise InstrumentError(f"{where}: unknown placeholder {found!r}")


def _build(data: dict[str, Any]) -> Instrument:
    top = _fields(data, "instrument", _TOP)
    _check_name(top["key"], "instrument", _KEY)
    if top["version"] < 1:
        raise InstrumentError("instrument: 'version' must be 1 or more")
    if not top["items"]:
        raise InstrumentError("instrument: needs at least one item")

    response_scales: dict[str, ResponseScale] = {}
    for key, table in top["response_scales"].items():
        where = f"response scale {key!r}"
        _check_name(key, where)
        labels = _fields(table, where, {"labels": list})["labels"]
        if len(labels) < 2:
            raise InstrumentError(f"{where}: needs at least 2 labels")
        for number, label in enumerate(labels, start=1):
            if not isinstance(label, str) or not label.strip():
                raise InstrumentError(f"{where}: label {number} is empty")
        response_scales[key] = ResponseScale(key, tuple(labels))

    scales: dict[str, ScaleInfo] = {}
    for key, table in top["scales"].items():
        where = f"scale {key!r}"
        _check_name(key, where)
        info = _fields(table, where, {"label": str, "description": str})
        scales[key] = ScaleInfo(key, info["label"], info["description"])

    sections: dict[str, Section] = {}
    for number, table in enumerate(top["sections"], start=1):
        where = _label("section", table, "key", number)
        fields = _fields(table, where, _SECTION, {"private": bool})
        _check_name(fields["key"], where)
        if fields["key"] in sections:
            raise InstrumentError(f"{where}: duplicate section key")
        section = Section(**fields)
        if section.response_scale not in response_scales:
            raise InstrumentError(f"{where}: unknown response scale {section.response_scale!r}")
        if section.perspective not in ("self", "partner"):
            raise InstrumentError(f"{where}: unknown perspective {section.perspective!r}")
        _check_placeholders(section.title + section.intro, where)
        sections[section.key] = section

    items: dict[str, Item] = {}
    for number, table in enumerate(top["items"], start=1):
        where = _label("item", table, "id", number)
        fields = _fields(table, where, _ITEM, {"reverse": bool, "shared": bool})
        item = Item(**fields)
        _check_name(item.id, where)
        if item.id in items:
            raise InstrumentError(f"{where}: duplicate item id")
        if item.section not in sections:
            raise InstrumentError(f"{where}: unknown section {item.section!r}")
        section = sections[item.section]
        if item.scale not in scales:
            raise InstrumentError(f"{where}: unknown scale {item.scale!r}")
        if section.private == item.shared:
            rule = "false in a private" if section.private else "true outside a private"
            raise InstrumentError(f"{where}: shared must be {rule} section")
        _check_placeholders(item.text, where)
        if section.perspective == "partner" and PARTNER_PLACEHOLDER not in item.text:
            raise InstrumentError(f"{where}: partner item must mention {{partner}}")
        items[item.id] = item

    # Scoring averages a scale's items, so they must share one response scale.
    for key in scales:
        used = {sections[i.section].response_scale for i in items.values() if i.scale == key}
        if not used:
            raise InstrumentError(f"scale {key!r}: has no items")
        if len(used) > 1:
            raise InstrumentError(f"scale {key!r}: items mix response scales {sorted(used)}")
    for key in sections:
        if not any(i.section == key for i in items.values()):
            raise InstrumentError(f"section {key!r}: has no items")

    return Instrument(
        key=top["key"],
        version=top["version"],
        title=top["title"],
        response_scales=MappingProxyType(response_scales),
        sections=tuple(sections.values()),
        items=tuple(items.values()),
        scales=MappingProxyType(scales),
    )


def _label(kind: str, table: object, id_key: str, number: int) -> str:
    """Name a section or item in messages by its id, or by position if it has none."""
    if isinstance(table, dict) and isinstance(table.get(id_key), str):
        return f"{kind} {table[id_key]!r}"
    return f"{kind} #{number}"
