"""Where a relayed assertion comes from: "Syria's request", "the Syrian government's concerns"."""

from __future__ import annotations

import re

__all__ = ["find_origin"]

_ORIGIN = re.compile(
    r"\b((?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}(?:\s+[a-z][\w-]*)?)['’]s?\s+"
    r"(?:request|requests|concerns?|accusations?|allegations?|claims?|charges?|complaints?"
    r"|information|evidence|version|account)\b"
)
_NOT_ORIGINS = frozenset({"the", "this", "that", "its", "their", "his", "her"})


def find_origin(text: str) -> str | None:
    """The party whose request, concern or accusation the text relays, as written."""
    for match in _ORIGIN.finditer(text):
        name = re.sub(r"^the\s+", "", match[1], flags=re.IGNORECASE).strip()
        if name.lower() not in _NOT_ORIGINS:
            return name
    return None
