"""The dependency finder: attributions read off an existing spaCy parse, in one token pass.

Nothing here parses: the caller hands in a `Doc` (the pipeline's nlp stage made it), and
the finder only walks its tokens. Cases: "X said (that) C", "C, X said", "said X",
"X told Y (that) C", "X wants C" (belief and stance verbs with an object), "according to
X, C", "X, who said C", "adding that C" (subject inherited from the governing verb), and
"C X said" with the comma lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from eventwire.stages.attribution.lexicon import AttributionLexicon
from eventwire.stages.attribution.model import Found, TextSpan
from eventwire.stages.attribution.quotes import inside_quote, quote_regions, speaker_marks, widened
from eventwire.stages.attribution.tokens import (
    QUOTE_TRIM,
    QUOTES,
    Doc,
    Token,
    outside_span,
    sentence_spans,
    subtree_span,
    text_span,
)

__all__ = ["find_in_doc"]


_SUBJECTS = ("nsubj",)
_INHERIT = ("conj", "advcl", "xcomp")
_NOMINAL = ("NOUN", "PROPN", "PRON")
_MAX_PHRASE = 14
_MAX_CLIMB = 3
_MAX_TITLE = 8
_MIN_CLAUSE = 4  # tokens of a clause said before its speaker
_MAX_AFTER = 5  # tokens after the verb of a speaker who ends the sentence ("late on Monday")
_TOLL_NOUNS = frozenset({"life", "victim", "soul"})
_TIME_WORDS = frozenset({"late", "early", "earlier", "later", "today", "tonight", "yesterday"})
# A speaker after these words says something else than the clause before them
_NOT_BEFORE_SPEAKER = frozenset(
    {"and", "but", "or", "what", "as", "than", "to", "while", "although", "though", "so", "because"}
)
_TITLE_POS = frozenset({"DET", "PROPN", "NOUN", "ADJ"})
# not speakers of an attribution: first and second person (the voice of a quote or an
# interview), object pronouns from a misparse, and relative "that" (usually a thing)
_DISCOURSE = frozenset({"i", "you", "we", "us", "me", "that"})
_BREAKS = frozenset({",", ";", ":", "―", "—", "–", "(", ")"})


def find_in_doc(
    doc: Doc, lexicon: AttributionLexicon, sentences: Sequence[tuple[int, int]] | None = None
) -> list[Found]:
    """Every attribution the parse shows, sentence by sentence."""
    finds: list[Found] = []
    quoted = quote_regions(doc)
    sents = list(sentence_spans(doc, sentences))
    for k, sent in enumerate(sents):
        around = (sents[k - 1] if k else None, sents[k + 1] if k + 1 < len(sents) else None)
        finds.extend(_according(sent, doc))
        finds.extend(
            widened(f, quoted, doc)
            for f in _verbal(sent, doc, lexicon, around)
            if not inside_quote(f.cue.start, quoted)
        )
    finds.extend(
        f
        for f in speaker_marks(doc, lexicon)
        if sentences is None or any(s <= f.cue.start < e for s, e in sentences)
    )
    return finds


def _according(sent: Any, doc: Doc) -> Iterator[Found]:
    """ "according to X, C" and "C, according to X"."""
    for token in sent:
        if token.lower_ != "according" or token.i + 1 >= sent.end:
            continue
        to = doc[token.i + 1]
        objects = [child for child in to.children if child.dep_ == "pobj"]
        if to.lower_ != "to" or not objects:
            continue
        source = subtree_span(doc, objects[0])
        content = outside_span(doc, sent, token)
        cue = text_span(doc, token.i, to.i)
        if source and content and cue:
            yield Found(source, cue, content, "according", person=_person(objects[0]))


def _verbal(
    sent: Any, doc: Doc, lexicon: AttributionLexicon, around: tuple[Any, Any]
) -> Iterator[Found]:
    for token in sent:
        if not _is_cue(token, lexicon):
            continue
        subject = _subject(token, lexicon)
        content = _content(token, sent, doc, lexicon) or _neighbour(token, sent, doc, around)
        content = content or _before_speaker(token, subject, sent, doc)
        if content is None:
            continue
        if subject is not None:
            source = _titled(subject, doc, lexicon)
        else:
            source = _left_phrase(token, sent, doc)
        source = _last_line(source, token, doc, sent)
        if source is None or source.text.lower() in _DISCOURSE:
            continue
        if source.overlap(content.start, content.end) and not content.covers(token.idx, token.idx):
            continue
        yield Found(
            source,
            _cue(token, doc),
            content,
            token.lemma_.lower(),
            person=_person(subject) if subject is not None else None,
            statement=_statement(token, lexicon),
            antecedent=_antecedent(token, subject, doc),
        )


def _is_cue(token: Token, lexicon: AttributionLexicon) -> bool:
    """A cue verb, but not an infinitive ("to find"), nor "claimed the lives of"."""
    lemma = token.lemma_.lower()
    if lemma not in lexicon.cue_lemmas:
        return False
    if token.pos_ not in ("VERB", "AUX") and not _mistagged_verb(token):
        return False
    if lemma == "claim" and _takes_lives(token):
        return False  # "the attack claimed the lives of 18 people": a toll, not an assertion
    return not any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children)


def _takes_lives(verb: Token) -> bool:
    """ "claimed the lives of", "claimed dozens of lives", "claimed 18 victims"."""
    objects = [child for child in verb.children if child.dep_ == "dobj"]
    return any(t.lemma_.lower() in _TOLL_NOUNS for obj in objects for t in obj.subtree)


def _titled(subject: Token, doc: Doc, lexicon: AttributionLexicon) -> TextSpan | None:
    """The subject, with a title the parse cut off: "The ministry spokesman, Ali Said, said"."""
    own = subtree_span(doc, subject)
    comma = subject.left_edge.i - 1
    if own is None or comma < 1 or doc[comma].text != "," or subject.pos_ != "PROPN":
        return own
    if doc[comma - 1].lower_ not in lexicon.person_nouns:
        return own
    first = comma - 1
    while first > 0 and comma - first < _MAX_TITLE and doc[first - 1].pos_ in _TITLE_POS:
        first -= 1
    titled = text_span(doc, first, subject.right_edge.i)
    return titled if titled is not None and "\n" not in titled.text else own


def _mistagged_verb(token: Token) -> bool:
    """ "..., state radio reports." often comes out as a noun at the root with a ccomp."""
    return token.dep_ == "ROOT" and any(child.dep_ == "ccomp" for child in token.children)


def _subject(verb: Token, lexicon: AttributionLexicon) -> Token | None:
    """The verb's subject, or the speaker of the verb it hangs from ("and added", "adding").

    A passive verb's speaker is its agent ("was denied by the ministry"), never its subject.
    """
    if any(child.dep_ == "nsubjpass" for child in verb.children):
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
        return agents[0] if agents else None
    own = _own_subject(verb)
    if own is not None:
        return own
    if verb.dep_ in _INHERIT:
        return _inherited(verb, lexicon)
    if verb.dep_ == "pcomp":  # "by telling them", "for saying that"
        return _own_subject(verb.head.head)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):  # "a statement saying"
        governing = _own_subject(verb.head.head)
        return governing if governing is not None and verb.head.dep_ == "dobj" else verb.head
    return None


def _own_subject(token: Token) -> Token | None:
    """The subject; of two (a misparse of "“..., Full stop,” said X"), the one after the verb."""
    subjects = [child for child in token.children if child.dep_ in _SUBJECTS]
    if len(subjects) > 1:
        return next((s for s in subjects if s.i > token.i), subjects[0])
    return subjects[0] if subjects else None


def _inherited(verb: Token, lexicon: AttributionLexicon) -> Token | None:
    """The subject of the nearest governing cue verb ("X said C, adding that C2")."""
    token = verb
    for _ in range(_MAX_CLIMB):
        if token.head.i == token.i:
            break
        token = token.head
        if token.lemma_.lower() in lexicon.cue_lemmas and _own_subject(token) is not None:
            return _own_subject(token)
    return _own_subject(verb.head)


def _last_line(span: TextSpan | None, verb: Token, doc: Doc, sent: Any) -> TextSpan | None:
    """A source never spans a line break, nor sits before one that precedes its verb
    (a headline, timestamp or dateline the parser took for the subject)."""
    if span is None:
        return None
    if span.end < verb.idx and _broken(doc, span.end, verb):
        return _left_phrase(verb, sent, doc, force=True)
    if "\n" not in span.text:
        return span
    cut = span.text.rindex("\n") + 1
    rest = span.text[cut:].strip()
    if not rest:
        return None
    start = span.start + span.text.index(rest, cut)
    return TextSpan(start, start + len(rest), rest)


def _broken(doc: Doc, start: int, verb: Token) -> bool:
    """Is there a line break between character `start` and the verb?"""
    k = verb.i - 1
    while k >= 0 and doc[k].idx >= start:
        if "\n" in doc[k].text_with_ws:
            return True
        k -= 1
    return k >= 0 and "\n" in doc[k].whitespace_


def _left_phrase(verb: Token, sent: Any, doc: Doc, force: bool = False) -> TextSpan | None:
    """When the parse lost the subject: the phrase between the last comma and the verb."""
    if not force and verb.dep_ != "ROOT":
        return None
    if any(child.dep_ == "nsubjpass" for child in verb.children):
        return None
    first = verb.i
    while first > sent.start and not _phrase_break(doc[first - 1]):
        first -= 1
    phrase = doc[first : verb.i]
    if not 0 < len(phrase) <= _MAX_PHRASE or not any(t.pos_ in _NOMINAL for t in phrase):
        return None
    return text_span(doc, first, verb.i - 1)


def _phrase_break(token: Token) -> bool:
    return token.text in _BREAKS or token.text in QUOTES or "\n" in token.text


def _content(verb: Token, sent: Any, doc: Doc, lexicon: AttributionLexicon) -> TextSpan | None:
    lemma = verb.lemma_.lower()
    for dep in ("ccomp", "xcomp"):
        found = [child for child in verb.children if child.dep_ == dep]
        if found:
            return subtree_span(doc, found[0])
    if lemma in lexicon.object_content_verbs:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")] or [
            c
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in lexicon.content_prepositions
        ]
        if objects:
            return subtree_span(doc, objects[0])
    if verb.dep_ == "parataxis" or (verb.dep_ in ("ccomp", "advcl") and verb.i > verb.head.i):
        return outside_span(doc, sent, verb)
    return _quoted(sent, doc, verb)


def _before_speaker(verb: Token, subject: Token | None, sent: Any, doc: Doc) -> TextSpan | None:
    """ "C the monitor said (on Monday)." with the comma lost (scraped text): when the
    parse gives the verb no content, a clause with a verb of its own before the speaker is
    what the speaker said."""
    if subject is None or subject.i > verb.i or verb.i - subject.right_edge.i > 2:
        return None
    if verb.dep_ == "relcl" or not _ends_sentence(verb, sent):
        return None
    last = subject.left_edge.i - 1
    if last < sent.start or doc[last].lower_ in _NOT_BEFORE_SPEAKER:
        return None  # "... but police said otherwise", "contrary to what the army said"
    clause = doc[sent.start : last + 1]
    if len(clause) < _MIN_CLAUSE or not any(t.pos_ in ("VERB", "AUX") for t in clause):
        return None
    return text_span(doc, sent.start, last)


def _ends_sentence(verb: Token, sent: Any) -> bool:
    """Only a time or place, or nothing, follows the verb in its sentence ("said on
    Monday", "reported late on Thursday", "said on state television"): a prepositional or
    time phrase of the verb, no object ("said nothing", "said otherwise"), no clause."""
    after = [t for t in sent if t.i > verb.i and not t.is_punct]
    adjuncts = {
        t.i
        for child in verb.children
        if child.dep_ in ("prep", "npadvmod")
        for t in child.subtree
        if t.pos_ not in ("VERB", "AUX")
    }
    return len(after) <= _MAX_AFTER and all(
        t.i in adjuncts or t.lower_ in _TIME_WORDS or t.ent_type_ in ("DATE", "TIME") for t in after
    )


def _quoted(sent: Any, doc: Doc, verb: Token) -> TextSpan | None:
    """The quotation of a sentence like "“...,” he said" whose parse missed the link."""
    marks = [token.i for token in sent if token.text in QUOTES]
    before = [i for i in marks if i < verb.i]
    after = [i for i in marks if i > verb.i]
    if before:  # a cue inside a quotation is dropped later, so these marks close a quote
        first = before[0] if len(before) >= 2 else sent.start
        return text_span(doc, first, before[-1], trim=QUOTE_TRIM)
    if after:
        last = after[-1] if len(after) >= 2 else sent.end - 1
        return text_span(doc, after[0], last, trim=QUOTE_TRIM)
    return None


def _neighbour(verb: Token, sent: Any, doc: Doc, around: tuple[Any, Any]) -> TextSpan | None:
    """ "“...” <new sentence> Clinton said." and "Trump said: <new sentence> “...”"."""
    if verb.i != sent.root.i or len(sent) > _MAX_PHRASE:
        return None
    before, after = around
    if before is not None and before[-1].text in QUOTES:
        return text_span(doc, before.start, before.end - 1, trim=QUOTE_TRIM)
    if after is not None and after[0].text in QUOTES:
        return text_span(doc, after.start, after.end - 1, trim=QUOTE_TRIM)
    return None


def _cue(verb: Token, doc: Doc) -> TextSpan:
    """The verb with its auxiliaries, negation and particle ("has said", "pointed out")."""
    first = verb.i
    while (
        first > 0
        and doc[first - 1].dep_ in ("aux", "neg", "auxpass")
        and doc[first - 1].head.i == verb.i
    ):
        first -= 1
    last = verb.i
    if last + 1 < len(doc) and doc[last + 1].dep_ == "prt" and doc[last + 1].head.i == verb.i:
        last += 1
    span = text_span(doc, first, last, trim=" ")
    assert span is not None
    return span


def _statement(verb: Token, lexicon: AttributionLexicon) -> bool:
    """ "said in a statement": the speaker wrote a statement that may be cited later."""
    nouns: Iterable[Token] = (
        grandchild
        for child in verb.children
        if child.dep_ == "prep"
        for grandchild in child.children
    )
    return any(noun.lemma_.lower() in lexicon.statement_words for noun in nouns)


def _person(token: Token) -> bool | None:
    if token.ent_type_ == "PERSON" or token.lower_ in ("he", "she"):
        return True
    if token.ent_type_ in ("ORG", "GPE", "NORP") or token.lower_ == "it":
        return False
    return None


def _antecedent(verb: Token, subject: Token | None, doc: Doc) -> str | None:
    """For "X, who said ...": the noun phrase the relative clause attaches to."""
    if subject is None or verb.dep_ != "relcl" or subject.lower_ not in ("who", "which", "that"):
        return None
    head = verb.head
    first = min([head.i, *(c.i for c in head.lefts if c.dep_ in ("compound", "amod", "det"))])
    span = text_span(doc, first, head.i)
    return span.text if span else None
