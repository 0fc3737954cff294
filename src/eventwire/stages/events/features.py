"""Turn a text into the string features of the event-type model.

Features are binary: stemmed word unigrams (`w:`) and bigrams (`b:`), the lexicon
categories present (`lex:`), pairs of categories (`pair:`, e.g. a protest with tear gas),
and actor/action sequences (`seq:nonstate>capture` for "rebels captured", against
`seq:state>regain` for "troops retook"). Deterministic and cheap: no spaCy pass is
needed, so typing adds little to the cost of the pipeline.
"""

from __future__ import annotations

import re
from itertools import pairwise

from eventwire.stages.events.resources import PatternTable

__all__ = ["featurize", "stem", "tokenize"]

_TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_NUMBER = re.compile(r"^\d[\d,.]*$")
_SUFFIXES = ("ings", "ing", "ies", "ied", "es", "ed", "s")
_ACTORS = frozenset({"state", "nonstate", "civilian", "protest", "mob"})
_ACTION_NAMES = (
    "capture regain withdraw kill wound arrest kidnap riot livefire teargas disperse loot "
    "clash sexual defuse cache base agree"
)
_ACTIONS = frozenset(_ACTION_NAMES.split())
_WINDOW = 40
_STOP_WORDS = (
    "a an the of in on at to and or for by with from as is was were be been has have had "
    "that this it its their his her they he she which who said says"
)
_STOP = frozenset(_STOP_WORDS.split())


def stem(token: str) -> str:
    """A light suffix stripper: `shelled`, `shelling`, `shells` -> `shell`."""
    if _NUMBER.match(token):
        return "<num>"
    if len(token) <= 4:
        return token
    for suffix in _SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            token = token[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    return token[:-1] if token.endswith("e") and len(token) > 4 else token


def tokenize(text: str) -> list[str]:
    return [stem(token) for token in _TOKEN.findall(text.lower())]


def _pairs(categories: list[str]) -> list[str]:
    present = sorted(set(categories))
    return [f"pair:{a}+{b}" for i, a in enumerate(present) for b in present[i + 1 :]]


def _nearest(
    spans: list[tuple[int, int, str]], start: int, end: int
) -> tuple[str | None, str | None]:
    """The actor categories closest before `start` and after `end`, within the window."""
    before = [(start - e, name) for s, e, name in spans if name in _ACTORS and start >= e]
    after = [(s - end, name) for s, e, name in spans if name in _ACTORS and s >= end]
    near_before = min(before, default=(_WINDOW + 1, None))
    near_after = min(after, default=(_WINDOW + 1, None))
    return (
        near_before[1] if near_before[0] <= _WINDOW else None,
        near_after[1] if near_after[0] <= _WINDOW else None,
    )


def _sequences(spans: list[tuple[int, int, str]]) -> list[str]:
    """`seq:ACTOR>ACTION` for the actor word nearest before an action word, and
    `seq:ACTION>ACTOR` for the one nearest after: a crude who-did-what-to-whom."""
    features = []
    for start, end, action in spans:
        if action not in _ACTIONS:
            continue
        subject, target = _nearest(spans, start, end)
        if subject:
            features.append(f"seq:{subject}>{action}")
        if target:
            features.append(f"seq:{action}>{target}")
    return features


def featurize(text: str, lexicon: PatternTable) -> list[str]:
    """All features of `text`, deduplicated, in a stable order."""
    words = tokenize(text)
    content = [word for word in words if word not in _STOP]
    features = [f"w:{word}" for word in content]
    features += [f"b:{a}_{b}" for a, b in pairwise(words)]
    spans = lexicon.spans(text)
    categories = [name for _, _, name in spans]
    features += [f"lex:{name}" for name in dict.fromkeys(categories)]
    features += _pairs(categories)
    features += _sequences(spans)
    return list(dict.fromkeys(features))
