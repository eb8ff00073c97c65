"""Database ids typed by people (command arguments, form and URL values), read one way."""

from __future__ import annotations

# A 64-bit id has at most 19 digits; 18 keeps every accepted value inside it.
MAX_ID_DIGITS = 18


def parse_id(value: object) -> int | None:
    """The id written in ``value``, or None when it is not one.

    ASCII digits only ("²".isdigit() is true, and int() refuses it) and at most
    ``MAX_ID_DIGITS`` of them (int() of thousands of digits is an error).
    """
    text = value if isinstance(value, str) else str(value)
    if text.isascii() and text.isdigit() and len(text) <= MAX_ID_DIGITS:
        return int(text)
    return None
