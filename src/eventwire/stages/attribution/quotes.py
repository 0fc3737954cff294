"""Quotations: where they are, how far a quoted content reaches, and signed quotes.

Transcript lines ("WALLACE: ...", a headline "Poll: ...") and quotes signed with a dash
("“...” ― Name") are attributions without a verb; the mark is their cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from eventwire.stages.attribution.lexicon import AttributionLexicon
from eventwire.stages.attribution.model import Found, TextSpan
from eventwire.stages.attribution.tokens import QUOTE_TRIM, QUOTES, Doc, Token, text_span

__all__ = ["inside_quote", "quote_regions", "speaker_marks", "widened"]

_MAX_NAME = 4
_MAX_QUOTE = 400
_MAX_QUOTE_CHARS = 3000
_NAME_CHARS = re.compile(r"[.'’-]")


def widened(find: Found, quoted: list[tuple[int, int]], doc: Doc) -> Found:
    """Content that is part of a quotation spanning several sentences takes all of it."""
    content = find.content
    touching = [(s, e + 1) for s, e in quoted if s < content.end and e >= content.start]
    if not touching:
        return find
    start = min(content.start, *(s for s, _ in touching))
    end = max(content.end, *(e for _, e in touching))
    if (start, end) == (content.start, content.end) or find.cue.start in range(start, end):
        return find
    whole = doc.char_span(start, end, alignment_mode="expand")
    if whole is None:
        return find
    return replace(find, content=TextSpan(whole.start_char, whole.end_char, whole.text))


def quote_regions(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges between opening and closing quotation marks."""
    regions, opened = [], None
    for token in doc:
        if token.text in ("“", "``") or (token.text == '"' and opened is None):
            opened = token.idx
        elif token.text in ("”", "''", '"') and opened is not None:
            if token.idx - opened <= _MAX_QUOTE_CHARS:
                regions.append((opened, token.idx))
            opened = None
    return regions


def inside_quote(at: int, regions: list[tuple[int, int]]) -> bool:
    return any(start < at < end for start, end in regions)


def speaker_marks(doc: Doc, lexicon: AttributionLexicon) -> Iterator[Found]:
    """ "NAME: C" (a transcript line, a headline) and "“C” ― NAME" (a signed quote)."""
    for token in doc:
        if not 0 < token.i < len(doc) - 1:
            continue
        mark = token.text.lstrip("”\"'’")  # the tokenizer may glue "”―" together
        if mark not in lexicon.speaker_marks:
            continue
        if mark == ":":
            found = _colon(doc, token, lexicon)
        elif mark != token.text or doc[token.i - 1].text in QUOTES:
            found = _signature(doc, token, glued=mark != token.text, lexicon=lexicon)
        else:
            found = None
        if found is not None:
            yield found


def _name_tokens(tokens: Iterable[Token]) -> list[Token]:
    """The leading run of name words (a name, or a label like "WALLACE")."""
    run: list[Token] = []
    for token in tokens:
        if not (_name_word(token) or (run and token.text == ".")) or len(run) > _MAX_NAME:
            break
        run.append(token)
    return run


def _name_word(token: Token) -> bool:
    """A capitalised word tagged as a name, or all capitals; a line's first word may be any
    capitalised word ("Poll: ...")."""
    text: str = token.text
    if not text[:1].isupper() or not _NAME_CHARS.sub("", text).isalpha():
        return False
    return token.pos_ == "PROPN" or text.isupper() or token.i == 0 or "\n" in token.nbor(-1).text


def _colon(doc: Doc, mark: Token, lexicon: AttributionLexicon) -> Found | None:
    named = _name_tokens(doc[k] for k in range(mark.i - 1, -1, -1))[::-1]
    if not named or (named[0].i > 0 and not _opens_line(doc[named[0].i - 1])):
        return None
    if len(named) == 1 and named[0].pos_ == "NOUN" and not _name_word(named[0]):
        return None
    last = min(len(doc), mark.i + _MAX_QUOTE)
    end = next((t.i for t in doc[mark.i + 1 : last] if "\n" in t.text), last) - 1
    content = text_span(doc, mark.i + 1, end, trim=QUOTE_TRIM)
    return _mark_find(doc, named, mark, content, lexicon)


def _signature(doc: Doc, mark: Token, glued: bool, lexicon: AttributionLexicon) -> Found | None:
    named = _name_tokens(doc[k] for k in range(mark.i + 1, len(doc)))
    closing = mark.i if glued else mark.i - 1
    opening = next(
        (k for k in range(closing - 1, max(-1, mark.i - _MAX_QUOTE), -1) if doc[k].text in QUOTES),
        None,
    )
    if not named or opening is None:
        return None
    content = text_span(doc, opening, closing - 1, trim=QUOTE_TRIM)
    return _mark_find(doc, named, mark, content, lexicon)


def _opens_line(token: Token) -> bool:
    return token.text in QUOTES or token.is_space or token.text in (".", "?", "!")


def _mark_find(
    doc: Doc, named: list[Token], mark: Token, content: TextSpan | None, lexicon: AttributionLexicon
) -> Found | None:
    source = text_span(doc, named[0].i, named[-1].i)
    cue = TextSpan(mark.idx, mark.idx + len(mark.text), mark.text)
    if source is None or content is None or source.text.lower() in lexicon.not_speakers:
        return None
    return Found(source, cue, content, "speaker-mark", person=True)
