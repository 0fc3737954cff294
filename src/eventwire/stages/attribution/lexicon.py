"""The attribution lexicon (`resources/attribution.v1.json`): cue verbs and claimant types."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import cast

from eventwire.errors import Code, EventwireError
from eventwire.resources import read_json

__all__ = ["LEXICON_FILE", "AttributionLexicon", "load_lexicon", "personhood", "phrase_pattern"]

LEXICON_FILE = "attribution.v1.json"


@dataclass(frozen=True)
class AttributionLexicon:
    """Word lists of the attribution lexicon; immutable, so safe to share between workers."""

    version: str
    cue_verbs: dict[str, tuple[str, ...]]
    listener_verbs: frozenset[str]
    object_content_verbs: frozenset[str]
    plain_lemmas: frozenset[str]
    according_cues: tuple[str, ...]
    anaphors: dict[str, tuple[str, ...]]
    statement_words: frozenset[str]
    claimant_types: dict[str, tuple[str, ...]]
    type_priority: tuple[str, ...]
    person_nouns: frozenset[str]
    body_nouns: frozenset[str]
    content_prepositions: frozenset[str]
    speaker_marks: tuple[str, ...]
    not_speakers: frozenset[str]
    noun_like_forms: frozenset[str]
    determiners: frozenset[str]
    clause_openers: tuple[str, ...]

    @cached_property
    def type_patterns(self) -> dict[str, re.Pattern[str]]:
        """Claimant type -> a compiled whole-word pattern of its phrases."""
        return {kind: phrase_pattern(words) for kind, words in self.claimant_types.items()}

    @cached_property
    def cue_lemmas(self) -> frozenset[str]:
        return frozenset(self.cue_verbs)

    @cached_property
    def cue_forms(self) -> dict[str, str]:
        """Inflected form -> lemma."""
        return {form: lemma for lemma, forms in self.cue_verbs.items() for form in forms}

    def anaphor_kind(self, text: str) -> str | None:
        """ "person", "thing", "plural", "relative" or "definite" for an anaphoric source."""
        lowered = " ".join(text.lower().split())
        for kind, words in self.anaphors.items():
            if lowered in words:
                return kind
        return None


_HEAD_END = re.compile(r",| of | from | at | in | who | which | for ", re.IGNORECASE)


def personhood(lexicon: AttributionLexicon, text: str) -> bool | None:
    """True for a person ("the spokesman"), False for a body ("the General Command")."""
    words = _HEAD_END.split(text, maxsplit=1)[0].lower().split()
    if not words:
        return None
    if words[-1] in lexicon.person_nouns:
        return True
    if words[-1] in lexicon.body_nouns:
        return False
    return None


def _strings(data: dict[str, object], key: str) -> tuple[str, ...]:
    return tuple(cast(list[str], data[key]))


def _groups(data: dict[str, object], key: str) -> dict[str, tuple[str, ...]]:
    return {name: tuple(words) for name, words in cast(dict[str, list[str]], data[key]).items()}


@lru_cache(maxsize=1)
def load_lexicon() -> AttributionLexicon:
    """Read the packaged lexicon once (it is immutable, so the cache never changes results)."""
    try:
        data = cast(dict[str, object], read_json(LEXICON_FILE))
        return AttributionLexicon(
            version=cast(str, data["version"]),
            cue_verbs=_groups(data, "cue_verbs"),
            listener_verbs=frozenset(_strings(data, "listener_verbs")),
            object_content_verbs=frozenset(_strings(data, "object_content_verbs")),
            plain_lemmas=frozenset(_strings(data, "plain_lemmas")),
            according_cues=_strings(data, "according_cues"),
            anaphors=_groups(data, "anaphors"),
            statement_words=frozenset(_strings(data, "statement_words")),
            claimant_types=_groups(data, "claimant_types"),
            type_priority=_strings(data, "type_priority"),
            person_nouns=frozenset(_strings(data, "person_nouns")),
            body_nouns=frozenset(_strings(data, "body_nouns")),
            content_prepositions=frozenset(_strings(data, "content_prepositions")),
            speaker_marks=_strings(data, "speaker_marks"),
            not_speakers=frozenset(_strings(data, "not_speakers")),
            noun_like_forms=frozenset(_strings(data, "noun_like_forms")),
            determiners=frozenset(_strings(data, "determiners")),
            clause_openers=_strings(data, "clause_openers"),
        )
    except (OSError, KeyError, ValueError) as error:
        raise EventwireError(Code.RESOURCE_MISSING, detail=f"{LEXICON_FILE} ({error})") from None


def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """A case-insensitive whole-word alternation of phrases, longest first."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
