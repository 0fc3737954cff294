"""Feature extraction for the event-type model."""

from __future__ import annotations

import pytest

from eventwire.stages.events.features import featurize, stem, tokenize
from eventwire.stages.events.resources import parse_patterns


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("shelled", "shell"),
        ("shelling", "shell"),
        ("shells", "shell"),
        ("clashes", "clash"),
        ("militias", "militia"),
        ("casualties", "casualty"),
        ("seized", "seiz"),
        ("seize", "seiz"),
        ("gas", "gas"),
        ("1,500", "<num>"),
    ],
)
def test_stem_strips_common_suffixes(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_tokenize_lowercases_and_keeps_hyphenated_words() -> None:
    assert tokenize("Pro-government Forces SHELLED 3 villages") == [
        "pro-government",
        "forc",
        "shell",
        "<num>",
        "villag",
    ]


def test_parse_patterns_groups_rows_and_skips_comments() -> None:
    table = parse_patterns("# comment\nair\tair ?strikes?\nair\tdrones?\n\nchem\tsarin\n")
    assert [name for name, _ in table.patterns] == ["air", "chem"]
    assert table.matches("A DRONE hit the car") == ["air"]
    assert table.matches("a drone-free zone") == ["air"]
    assert table.matches("nothing here") == []


def test_featurize_adds_lexicon_pairs_and_actor_sequences() -> None:
    table = parse_patterns("state\tsoldiers?\ncapture\tcaptured\nnonstate\trebels?\n")
    features = featurize("Rebels captured the post from soldiers.", table)
    assert "w:rebel" in features
    assert "b:rebel_captur" in features
    assert "lex:capture" in features
    assert "pair:capture+nonstate" in features
    assert "seq:nonstate>capture" in features
    assert "seq:capture>state" in features
    assert len(features) == len(set(features))


def test_featurize_is_stable() -> None:
    table = parse_patterns("kill\tkilled\n")
    text = "Gunmen killed two traders in the market."
    assert featurize(text, table) == featurize(text, table)
