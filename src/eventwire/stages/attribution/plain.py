"""The plain finder: attributions from surface patterns, for text without a parse.

Per sentence: "according to X, C" / "C, according to X"; "C, X said" and "C, said X"
(the cue near the end of the sentence); "X said (that) C" and "X told Y that C" (the
source is the clause before the cue, at most a dozen words). Participles after a comma
("..., adding that C") have no source of their own: resolution gives them the last one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

from eventwire.stages.attribution.lexicon import AttributionLexicon
from eventwire.stages.attribution.model import Found, TextSpan

__all__ = ["find_in_text", "split_sentences"]

_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’]?\s+(?=[“\"A-Z])|\n\s*\n")
_TRIM = " ,.;:-—–\n\t"
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_CLAUSE_BREAK = re.compile(r"[,;:“”\"(]")
_MAX_SOURCE_WORDS = 12
_MAX_TAIL_WORDS = 8
_LISTENER_REACH = 8
# not speakers: first and second person, and "having said that"
_NOT_SPEAKERS = frozenset({"i", "you", "we", "us", "me", "having", "''", '"', "“", "”"})


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence offsets, used only when the caller gives none."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start() + len(match.group().rstrip())))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def find_in_text(
    text: str, lexicon: AttributionLexicon, sentences: Sequence[tuple[int, int]] | None = None
) -> list[Found]:
    finds: list[Found] = []
    forms = lexicon.cue_forms
    for start, end in sentences if sentences is not None else split_sentences(text):
        finds.extend(_according(text, start, end, lexicon))
        finds.extend(_verbal(text, start, end, lexicon, forms))
    return finds


def _trimmed(text: str, start: int, end: int) -> TextSpan | None:
    chunk = text[start:end]
    left = len(chunk) - len(chunk.lstrip(_TRIM))
    right = len(chunk.rstrip(_TRIM))
    if right <= left:
        return None
    return TextSpan(start + left, start + right, chunk[left:right])


def _according(text: str, start: int, end: int, lexicon: AttributionLexicon) -> Iterator[Found]:
    for match in _according_pattern(lexicon.according_cues).finditer(text, start, end):
        source = _trimmed(text, match.start(1), match.end(1))
        cue = TextSpan(match.start(), match.start(1) - 1, text[match.start() : match.start(1) - 1])
        before = _trimmed(text, start, match.start())
        content = before or _trimmed(text, match.end(), end)
        if source and content:
            yield Found(source, cue, content, "according")


@lru_cache(maxsize=4)
def _according_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(cue) for cue in cues)
    return re.compile(rf"\b(?:{alternation})\s+([^,.;:“”\"]+)", re.IGNORECASE)


def _verbal(
    text: str, start: int, end: int, lexicon: AttributionLexicon, forms: dict[str, str]
) -> Iterator[Found]:
    for word in _WORD.finditer(text, start, end):
        lemma = forms.get(word.group().lower())
        if (
            lemma is None
            or lemma not in lexicon.plain_lemmas
            or _in_quotes(text, start, word.start())
        ):
            continue
        if _noun_use(text, word, lexicon):
            continue
        cue = TextSpan(word.start(), word.end(), word.group())
        find = _trailing(text, start, end, cue, lemma) or _leading(
            text, start, end, cue, lemma, lexicon
        )
        if find is None or find.source is None:
            if find is not None:
                yield find
            continue
        source = _speaker(find.source, lexicon)
        if source is not None:
            yield replace(find, source=source)


def _noun_use(text: str, word: re.Match[str], lexicon: AttributionLexicon) -> bool:
    """ "the United States", "his tweets", "a report": a cue form used as a noun."""
    if word.group().lower() not in lexicon.noun_like_forms:
        return False
    if not word.group().islower():
        return True
    before = _WORD.findall(text[max(0, word.start() - 20) : word.start()])
    return bool(before) and before[-1].lower() in lexicon.determiners


@lru_cache(maxsize=4)
def _leader(openers: tuple[str, ...]) -> re.Pattern[str]:
    """A conjunction or adverb that opens a clause before its speaker ("But he said")."""
    return re.compile(rf"\s*(?:{'|'.join(map(re.escape, openers))})\b\s*", re.IGNORECASE)


def _speaker(source: TextSpan, lexicon: AttributionLexicon) -> TextSpan | None:
    """The speaker in a clause start: one line, leading conjunctions dropped ("But he")."""
    text = source.text
    cut = text.rfind("\n") + 1
    while True:
        match = _leader(lexicon.clause_openers).match(text, cut)
        if match is None:
            break
        cut = match.end()
    rest = text[cut:].strip()
    if not rest or rest.endswith(("'s", "’s")) or rest.split()[0].lower() in _NOT_SPEAKERS:
        return None
    start = source.start + text.index(rest, cut)
    return TextSpan(start, start + len(rest), rest)


def _in_quotes(text: str, start: int, at: int) -> bool:
    before = text[start:at]
    straight = before.count('"') % 2 == 1
    return straight or before.count("“") > before.count("”")


def _trailing(text: str, start: int, end: int, cue: TextSpan, lemma: str) -> Found | None:
    """ "C, X said [on Wednesday]." and "C, said X."."""
    tail = text[cue.end : end]
    if len(_WORD.findall(tail)) > _MAX_TAIL_WORDS or "that" in tail.split():
        return None
    head = text[start : cue.start]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    if not breaks:
        return None
    cut = start + breaks[-1].end()
    between = _trimmed(text, cut, cue.start)
    content = _trimmed(text, start, start + breaks[-1].start())
    if content is None:
        return None
    if between is None:
        source = _trimmed(text, cue.end, cue.end + len(re.split(r"[,.;]", tail)[0]))
        return Found(source, cue, content, lemma) if source else None
    if len(_WORD.findall(between.text)) > _MAX_SOURCE_WORDS:
        return None
    return Found(between, cue, content, lemma)


def _leading(
    text: str, start: int, end: int, cue: TextSpan, lemma: str, lexicon: AttributionLexicon
) -> Found | None:
    """ "X said (that) C" and "X told Y that C"; "..., adding that C" has no source."""
    head = text[start : cue.start]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    cut = start + breaks[-1].end() if breaks else start
    source = _trimmed(text, cut, cue.start)
    if source is not None and len(_WORD.findall(source.text)) > _MAX_SOURCE_WORDS:
        return None
    if source is None and not cue.text.lower().endswith("ing"):
        return None
    content = _content_after(text, cue.end, end, lemma in lexicon.listener_verbs)
    return Found(source, cue, content, lemma) if content else None


def _content_after(text: str, at: int, end: int, has_listener: bool) -> TextSpan | None:
    rest = text[at:end]
    that = re.search(r"\bthat\b", rest)
    if that is not None and len(_WORD.findall(rest[: that.start()])) <= _LISTENER_REACH:
        return _trimmed(text, at + that.start(), end)
    if has_listener:
        return None
    return _trimmed(text, at, end)
