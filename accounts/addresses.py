"""One canonical form for an email address, compared exactly.

A case-insensitive database match is not an address comparison: in
PostgreSQL the upper case of the dotless i (U+0131) is a plain I, so a
verified "b<dotless i>ll@example.org" once matched an invitation to
bill@example.org, and "ma<dotless i>l.example.org" (a different, registrable
domain) matched mail.example.org.

The canonical form is what a mail server would deliver to:

- the domain in lower case and IDNA 2008 ASCII form (punycode). Characters
  IDNA 2008 disallows (fullwidth letters, the Kelvin sign) make the address
  invalid rather than being mapped onto a look-alike ASCII domain;
- the local part with ASCII letters in lower case (every provider we know
  treats those alike) and every other character exactly as it was typed, not
  normalised: the dotless i (U+0131), the Kelvin sign (U+212A) or a
  fullwidth b (U+FF42) make different mailboxes from i, K and b.

Two addresses are the same when their canonical forms are equal, character
for character.
"""

import idna
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ASCII_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _domain_lower(char: str) -> str:
    # Domains compare without regard to case, but a letter whose lower case is
    # ASCII only when it is not ASCII itself (the Kelvin sign) stays as typed,
    # so that IDNA 2008 refuses it instead of it becoming a look-alike "k".
    lower = char.lower()
    if not char.isascii() and lower.isascii():
        return char
    return lower


class AddressInvalid(ValueError):
    """The address cannot be delivered to as written (no @, or a domain IDNA 2008 refuses)."""


def email_canonical(address: str) -> str:
    """``address`` in its canonical form; ``AddressInvalid`` if it has none."""
    local, at, domain = address.strip().rpartition("@")
    if not at or not local or not domain:
        raise AddressInvalid(address)
    domain = "".join(_domain_lower(char) for char in domain).rstrip(".")
    try:
        ascii_domain = idna.encode(domain, uts46=False).decode("ascii")
    except (idna.IDNAError, UnicodeError) as error:
        raise AddressInvalid(address) from error
    return f"{local.translate(ASCII_UPPER)}@{ascii_domain}"


def email_canonical_or_none(address: str) -> str | None:
    """``email_canonical`` for stored data that may predate the rule: None where it has no canonical form."""
    try:
        return email_canonical(address)
    except AddressInvalid:
        return None


def emails_same(first: str, second: str) -> bool:
    """Whether two addresses reach the same mailbox: equal canonical forms, both valid."""
    a, b = email_canonical_or_none(first), email_canonical_or_none(second)
    return a is not None and a == b


def undeliverable_message() -> str:
    return str(
        _(
            "This address has characters a mail server cannot take in that place "
            "(for example wide or look-alike letters in the part after the @). "
            "Please type it again with ordinary letters."
        )
    )


def validate_deliverable(address: str) -> None:
    """A form validator: refuse an address that has no canonical form, saying why."""
    try:
        email_canonical(address)
    except AddressInvalid as error:
        raise ValidationError(undeliverable_message(), code="undeliverable") from error
