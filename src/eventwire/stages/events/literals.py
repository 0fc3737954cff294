"""The literal strings a regular expression needs: a cheap proof that it cannot match a text.

`required_literals(re.compile(r"\\bsuicide (?:bomb|vest)s?"))` is {"suicide "}: every match
contains it, so a text without it has no match and the regex need not run. Read from the
standard library's own parse of the pattern (`re._parser`), so the pattern's syntax is
understood exactly as it is compiled; an operation it does not know asks for no literal,
so a change in that private parser can only make it skip less. `LiteralIndex` finds, in
one scan of a text, which of several patterns can match it.
"""

from __future__ import annotations

import re
import re._parser as sre_parser  # type: ignore[import-not-found]  # no stub for the parser
from collections.abc import Iterable, Sequence
from typing import Any

from eventwire.stages.prefix_tree import prefix_tree

__all__ = ["LiteralIndex", "required_literals"]

Needs = frozenset[str] | None  # every match contains one of the strings; None: unknown
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})
# a literal's first characters are required as well: longer ones add nothing to the scan
# and would make the prefix tree deeper than Python's recursion allows
MAX_LITERAL = 32


def required_literals(pattern: re.Pattern[str]) -> Needs:
    """Strings one of which is in every text `pattern` matches; None when none is known.

    Case-insensitive parts ask for no literal (their case can differ from the text's).
    """
    if pattern.flags & re.IGNORECASE:
        return None
    items: Iterable[tuple[Any, Any]] = sre_parser.parse(pattern.pattern, pattern.flags)
    return _sequence(items)


def _sequence(items: Iterable[tuple[Any, Any]]) -> Needs:
    """The most selective of the needs of the items that follow each other in a match."""
    options: list[frozenset[str]] = []
    run: list[str] = []  # adjacent literal characters
    for op, arg in items:
        if str(op) == "LITERAL":
            run.append(chr(arg))
            continue
        if run:
            options.append(frozenset({"".join(run)[:MAX_LITERAL]}))
            run = []
        needs = _item(str(op), arg)
        if needs:
            options.append(needs)
    if run:
        options.append(frozenset({"".join(run)[:MAX_LITERAL]}))
    return max(options, key=_selectivity, default=None)


def _item(op: str, arg: Any) -> Needs:
    """The needs of one item: a group, an alternation or a repeat; None for the rest
    (classes, any character, assertions, back-references)."""
    if op == "SUBPATTERN":
        _, add_flags, _, body = arg
        return None if add_flags & re.IGNORECASE else _sequence(body)
    if op == "ATOMIC_GROUP":
        return _sequence(arg)
    if op == "BRANCH":
        branches = [_sequence(body) for body in arg[1]]
        if not all(branches):
            return None
        return frozenset().union(*(needs for needs in branches if needs))
    if op in _REPEATS:
        least, _, body = arg
        return _sequence(body) if least >= 1 else None
    return None


def _selectivity(needs: frozenset[str]) -> tuple[int, int]:
    """Longer strings are rarer; fewer strings are quicker to look for."""
    return min(map(len, needs)), -len(needs)


class LiteralIndex:
    """Which of several patterns can match a text: those with a required literal in it.

    One scan finds, at each position, the longest literal that starts there; the shorter
    ones starting there are its prefixes, so a literal found stands for its prefixes too.
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        needs = [required_literals(pattern) for pattern in patterns]
        self._always = frozenset(i for i, found in enumerate(needs) if found is None)
        needed_by: dict[str, set[int]] = {}
        for i, found in enumerate(needs):
            for literal in found or ():
                needed_by.setdefault(literal, set()).add(i)
        self._owners = {
            literal: frozenset().union(
                *(needed_by.get(literal[:end], ()) for end in range(1, len(literal) + 1))
            )
            for literal in needed_by
        }
        self._scan = re.compile(f"(?=({prefix_tree(needed_by)}))") if needed_by else None

    def possible(self, text: str) -> list[int]:
        """The indices of the patterns that can match `text`, in order."""
        if self._scan is None:
            return sorted(self._always)
        found = (self._owners[match[1]] for match in self._scan.finditer(text))
        return sorted(self._always.union(*found))
