"""Independent sources: credited outlets and near-duplicate texts share one origin."""

from __future__ import annotations

from eventwire.fuse import ArticleView, article_view
from eventwire.fuse.corroborate import Signatures, corroboration
from eventwire.fuse.features import minhash, tokens_of

TEXT = "Army units took full control of Tel Harun on Wednesday after a long siege, a monitor said."


def article(
    article_id: str, outlet: str, text: str = TEXT, credits: tuple[str, ...] = ()
) -> ArticleView:
    row = {"article_id": article_id, "document": article_id, "ordinal": 0, "outlet": outlet,
           "credits": list(credits), "published": "2013-06-06", "text": text}  # fmt: skip
    return article_view(row)


def test_corroborate_near_duplicate_texts_share_an_origin() -> None:
    copied = [article("a", "Desert Wire"), article("b", "Levant Post")]
    other = [article("a", "Desert Wire"), article("c", "Levant Post", "Rebels shelled a dam.")]
    assert corroboration(copied, 0.5)["independent_source_count"] == 1
    assert corroboration(other, 0.5)["independent_source_count"] == 2


def test_corroborate_signatures_are_made_once_per_article() -> None:
    signatures = Signatures()
    one, two = article("a", "Desert Wire"), article("b", "Levant Post")
    shared = corroboration([one, two], 0.5, signatures)
    assert shared == corroboration([one, two], 0.5, signatures) == corroboration([one, two], 0.5)
    assert set(signatures.known) == {"a", "b"}
    assert signatures(one) is signatures.known["a"]
    assert signatures(one).jaccard(minhash(tokens_of(TEXT))) == 1.0


def test_corroborate_one_outlet_signs_nothing() -> None:
    signatures = Signatures()
    corroboration([article("a", "Desert Wire"), article("b", "Desert Wire")], 0.5, signatures)
    assert signatures.known == {}


def test_corroborate_outlets_of_one_origin_are_not_compared() -> None:
    """A credit already joins the two outlets: their texts need no signature."""
    signatures = Signatures()
    crediting = article("b", "Levant Post", "Rebels shelled a dam.", credits=("Desert Wire",))
    found = corroboration([article("a", "Desert Wire"), crediting], 0.5, signatures)
    assert found["independent_source_count"] == 1
    assert signatures.known == {}
