"""Coarse part of speech, morphology and lemmas without spaCy's attribute ruler and lemmatizer.

The small English pipeline sets `pos_`, `morph` and `lemma_` in two components that run a
`Matcher` over every token and then look each token up again: a fifth of the whole pass.
Their output is a function of a token's text, fine tag and dependency label, plus, for a
handful of words ("gon na", "there is"), of a neighbour. `Grammar` reads the model's own
rules and lemmatizer once and gives every token the same values (and the few tags and labels
the rules correct) from caches keyed on exactly those inputs: the model's result, at a
fraction of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["GRAMMAR_PIPE", "REPLACED", "Grammar", "add_grammar", "readable"]

GRAMMAR_PIPE = "eventwire_grammar"
REPLACED = ("attribute_ruler", "lemmatizer")  # loaded but not run: `Grammar` does their work
MAX_CACHED = 200_000  # cached keys, about 60 MB when full; past it the caches start again

Spec = Mapping[str, Any]  # one token of a Matcher pattern: {"TAG": "NN", "LOWER": {"IN": [...]}}
# what a rule sets, as string-store ids (None: left alone): pos, morph, lemma, tag, dep
Result = tuple[int | None, int | None, int | None, int | None, int | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """One attribute-ruler pattern: token specs, the index of the token it sets, and the
    values it sets (string-store ids; None leaves the attribute alone)."""

    specs: tuple[Spec, ...]
    index: int
    values: Result

    @property
    def local(self) -> bool:
        return len(self.specs) == 1


class Grammar:
    """The attribute ruler's and the lemmatizer's work for a spaCy `Doc`, in one pass.

    A rule's conditions are read on the tokens as the parser left them; rules apply in the
    order they were added, a later one winning for the attribute it sets, as in spaCy."""

    def __init__(self, nlp: Any) -> None:
        ruler, self.lemmatizer = (nlp.get_pipe(name) for name in REPLACED)
        self.strings = nlp.vocab.strings
        self.rules = tuple(
            _rule(specs, entry.get("index", 0), entry["attrs"], nlp.vocab)
            for entry in ruler.patterns
            for specs in entry["patterns"]
        )
        # each rule filed under the word or the tag its target token needs (the word when
        # both), so a new token is checked against a few rules, not all of them
        self._by_word: dict[str, list[int]] = {}
        self._by_tag: dict[str, list[int]] = {}
        self._always: list[int] = []
        for k, rule in enumerate(self.rules):
            target = rule.specs[rule.index]
            for field, index in (("LOWER", self._by_word), ("TAG", self._by_tag)):
                values = _required(target.get(field))
                if values:
                    for value in values:
                        index.setdefault(value, []).append(k)
                    break
            else:
                self._always.append(k)
        self._seen: dict[tuple[int, int, int], tuple[Result, tuple[int, ...] | None]] = {}
        self._lemmas: dict[tuple[int, int, int], int] = {}
        self._lemma_tables: dict[str, tuple[frozenset[str], dict[str, list[str]], list[Any]]] = {}

    def __call__(self, doc: Any) -> Any:
        if len(self._seen) + len(self._lemmas) > MAX_CACHED:
            self._seen.clear()  # a long run meets new words without end: memory stays flat
            self._lemmas.clear()
        seen, lemmas = self._seen, self._lemmas
        relabelled: list[tuple[Any, int | None, int | None]] = []
        for token in doc:
            key = (token.lower, token.tag, token.dep)
            known = seen.get(key)
            if known is None:
                known = seen[key] = self._local(token)
            result, contextual = known
            if contextual is not None:
                result = self._values(rule for rule in contextual if _fits(token, self.rules[rule]))
            pos, morph, lemma, tag, dep = result
            if pos is not None:
                token.pos = pos
            if morph is not None:
                token.set_morph(morph)
            if tag is not None or dep is not None:
                relabelled.append((token, tag, dep))
            if lemma is None:
                lemma_key = (token.orth, token.pos, token.morph.key)
                lemma = lemmas.get(lemma_key)
                if lemma is None:
                    lemma = lemmas[lemma_key] = self.strings.add(self._lemma(token))
            token.lemma = lemma
        for token, tag, dep in relabelled:  # last: rules read the tags and labels as parsed
            if tag is not None:
                token.tag = tag
            if dep is not None:
                token.dep = dep
        return doc

    def _local(self, token: Any) -> tuple[Result, tuple[int, ...] | None]:
        """What the rules give a token that only its own text, tag and label decide; when a
        longer rule might apply too, also the rules to check again with its neighbours."""
        candidates = sorted(
            {*self._by_word.get(token.lower_, ()), *self._by_tag.get(token.tag_, ()), *self._always}
        )
        target = [
            k for k in candidates if _matches(token, self.rules[k].specs[self.rules[k].index])
        ]
        local = [k for k in target if self.rules[k].local]
        if len(local) == len(target):
            return self._values(local), None
        return self._values(local), tuple(target)

    def _values(self, fitting: Iterable[int]) -> Result:
        values: list[int | None] = [None] * 5
        for k in fitting:
            for slot, value in enumerate(self.rules[k].values):
                if value is not None:
                    values[slot] = value
        pos, morph, lemma, tag, dep = values
        return pos, morph, lemma, tag, dep

    def _lemma(self, token: Any) -> str:
        """The first form of spaCy's rule lemmatizer (`Lemmatizer.rule_lemmatize`, spaCy 3.8)
        for a token, step for step, with its table of known words read as a set: the model
        stores it as a list, which each lookup scanned (0.1 ms a new word)."""
        string, pos = token.text, token.pos_.lower()
        if pos in ("", "eol", "space") or self.lemmatizer.is_base_form(token):
            return str(string.lower())
        index, exceptions, rules = self._tables(pos)
        if not (index or exceptions or rules):
            return str(string if pos == "propn" else string.lower())
        lowered = string.lower()
        forms: list[str] = []
        unknown: list[str] = []
        for old, new in rules:
            if lowered.endswith(old):
                form = lowered[: len(lowered) - len(old)] + new
                if form and form in index:
                    forms.insert(0, form)
                elif form and not form.isalpha():
                    forms.append(form)
                elif form:
                    unknown.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(lowered, []):
            if form not in forms:
                forms.insert(0, form)
        return str((forms or unknown or [string])[0])

    def _tables(self, pos: str) -> tuple[frozenset[str], dict[str, list[str]], list[Any]]:
        found = self._lemma_tables.get(pos)
        if found is None:
            lookups = self.lemmatizer.lookups
            index, exceptions, rules = (
                lookups.get_table(name, {}).get(pos, empty)
                for name, empty in (("lemma_index", []), ("lemma_exc", {}), ("lemma_rules", []))
            )
            found = self._lemma_tables[pos] = (frozenset(index), dict(exceptions), list(rules))
        return found


def add_grammar(nlp: Any) -> Any:
    """Stop running the attribute ruler and the lemmatizer and add `Grammar` in their place
    (at the end: the entity recogniser reads none of their values). Returns `nlp`."""
    from spacy.language import Language

    if GRAMMAR_PIPE in nlp.pipe_names or not all(name in nlp.pipe_names for name in REPLACED):
        return nlp
    if not readable(nlp.get_pipe(REPLACED[0]).patterns):
        return nlp  # a model whose rules use what `Grammar` cannot read keeps its components
    if not Language.has_factory(GRAMMAR_PIPE):
        Language.factory(GRAMMAR_PIPE, func=_make_grammar)
    nlp.add_pipe(GRAMMAR_PIPE, last=True)
    for name in REPLACED:
        nlp.disable_pipe(name)
    return nlp


def readable(patterns: Iterable[Mapping[str, Any]]) -> bool:
    """Every condition of every rule is one `Grammar` evaluates."""
    specs = [spec for entry in patterns for tokens in entry["patterns"] for spec in tokens]
    return all(
        name in _READ
        and (not isinstance(wanted, dict) or all(operator in _OPERATORS for operator in wanted))
        for spec in specs
        for name, wanted in spec.items()
    )


def _make_grammar(nlp: Any, name: str) -> Grammar:
    return Grammar(nlp)


def _rule(specs: Sequence[Spec], index: int, attrs: Mapping[str, str], vocab: Any) -> Rule:
    def value(name: str) -> int | None:
        if name not in attrs:
            return None
        if name == "MORPH":
            return int(vocab.morphology.add(attrs[name]))
        return int(vocab.strings.add(attrs[name]))

    values = (value("POS"), value("MORPH"), value("LEMMA"), value("TAG"), value("DEP"))
    return Rule(tuple(specs), index % len(specs), values)


def _fits(token: Any, rule: Rule) -> bool:
    first = token.i - rule.index
    doc = token.doc
    if first < 0 or first + len(rule.specs) > len(doc):
        return False
    return all(_matches(doc[first + k], spec) for k, spec in enumerate(rule.specs))


_READ: dict[str, Callable[[Any], Any]] = {
    "TAG": lambda token: token.tag_,
    "LOWER": lambda token: token.lower_,
    "DEP": lambda token: token.dep_,
    "IS_SPACE": lambda token: token.is_space,
}


def _matches(token: Any, spec: Spec) -> bool:
    return all(_holds(_READ[name](token), wanted) for name, wanted in spec.items())


def _required(wanted: Any) -> list[str]:
    """The values a spec accepts, when it names them (a string, or a list under "IN")."""
    if isinstance(wanted, str):
        return [wanted]
    return list(wanted.get("IN", ())) if isinstance(wanted, dict) else []


def _holds(have: Any, wanted: Any) -> bool:
    """One condition of a Matcher spec: a value, or the operators the model's rules use."""
    if not isinstance(wanted, dict):
        return bool(have == wanted)
    return all(_OPERATORS[operator](have, operand) for operator, operand in wanted.items())


_OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "IN": lambda have, values: have in values,
    "NOT_IN": lambda have, values: have not in values,
    "REGEX": lambda have, expression: re.search(expression, have) is not None,
}
