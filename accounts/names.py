"""Display names: what a partner sees, in pages and in email subjects.

A name may be in any script ("Zoë Ångström", "李小龍", "محمد"), but it must
show something: characters that draw nothing or change the direction of the
text around them are taken out, line breaks become spaces, and a name left
with no visible character is refused.
"""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NAME_MAX_LENGTH = 60

# Explicit direction controls (embeddings, overrides, isolates, marks) and
# characters that take no space. ZWJ and ZWNJ stay: some scripts (Persian,
# the Indic scripts) and emoji need them to spell a name.
_INVISIBLE = frozenset(
    "\u061c\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f\ufeff\u180e\u00ad"
)
# Letters, marks, numbers, punctuation and symbols draw something.
_VISIBLE_CATEGORIES = ("L", "M", "N", "P", "S")


def _kept(char: str) -> str:
    category = unicodedata.category(char)
    if char in _INVISIBLE:
        return ""
    if category in ("Cc", "Zl", "Zp") or (category.startswith("Z") and char != " "):
        # Newlines, tabs and unusual spaces read as one plain space.
        return " "
    if category in ("Cs", "Co", "Cn"):
        return ""
    return char


def _visible(char: str) -> bool:
    return unicodedata.category(char)[0] in _VISIBLE_CATEGORIES and char not in "\u200c\u200d"


def display_name_clean(raw: str) -> str:
    """The name as it will be stored and shown, or ``ValidationError`` if nothing visible is left."""
    name = unicodedata.normalize("NFC", raw)
    name = "".join(_kept(char) for char in name)
    name = re.sub(r" {2,}", " ", name).strip()
    if not any(_visible(char) for char in name):
        raise ValidationError(
            _("Please enter a name your partner can read, with at least one letter or visible sign."),
            code="invisible",
        )
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError(
            _("Please keep the name to %(max)d characters or fewer.") % {"max": NAME_MAX_LENGTH},
            code="max_length",
        )
    return name


class DisplayNameField(forms.CharField):
    """A form field for a display name; every form that takes a name uses it."""

    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("max_length", NAME_MAX_LENGTH * 2)  # long input is cleaned before it is measured
        kwargs.setdefault("strip", False)
        super().__init__(**kwargs)  # type: ignore[arg-type]

    def clean(self, value: object) -> str:
        value = super().clean(value)
        if not value and not self.required:
            return ""
        return display_name_clean(str(value))
