"""Sources of an event and how many of them are independent (`fuse.corroborate.v1`).

Outlets that share an origin count once: an article's outlet shares the origin of every
outlet the article credits ("..., SANA reported"), and two articles whose texts are
near-duplicates share one origin. Origins are the connected groups of that relation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from datasketch import MinHash

from eventwire.fuse.features import ArticleView, minhash, resemblance, tokens_of

__all__ = ["Signatures", "corroboration"]


class Signatures:
    """MinHash signatures of article texts, each made when first asked and then kept: only
    articles of events reported by several outlets are compared (fewer than half of the
    articles, on FA-KES), some of them for several events."""

    def __init__(self) -> None:
        self.known: dict[str, MinHash] = {}

    def __call__(self, article: ArticleView) -> MinHash:
        if article.article_id not in self.known:
            self.known[article.article_id] = minhash(tokens_of(article.text))
        return self.known[article.article_id]


class Origins:
    """Union-find over outlet names."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, name: str) -> str:
        self.parent.setdefault(name, name)
        while self.parent[name] != name:
            self.parent[name] = self.parent[self.parent[name]]
            name = self.parent[name]
        return name

    def join(self, one: str, two: str) -> None:
        root_one, root_two = self.find(one), self.find(two)
        if root_one != root_two:
            self.parent[max(root_one, root_two)] = min(root_one, root_two)


def outlet_of(article: ArticleView) -> str:
    return article.outlet or f"article {article.article_id}"


def norm(name: str) -> str:
    return " ".join(name.lower().split())


def corroboration(
    articles: Sequence[ArticleView],
    duplicate: float,
    signature: Callable[[ArticleView], MinHash] | None = None,
) -> dict[str, object]:
    """`sources`, `source_count`, `independent_source_count` over the reporting articles
    (their texts signed by `signature`, which may remember signatures across events)."""
    signature = signature or Signatures()
    origins = Origins()
    for article in articles:
        for credit in article.credits:
            origins.join(norm(outlet_of(article)), norm(credit))
    for one, two in pairs(articles):
        names = norm(outlet_of(one)), norm(outlet_of(two))
        if origins.find(names[0]) == origins.find(names[1]):
            continue  # one origin already: nothing to compare
        if resemblance(signature(one), signature(two)) >= duplicate:
            origins.join(*names)
    sources = sorted({outlet_of(article) for article in articles})
    independent = {origins.find(norm(name)) for name in sources}
    return {
        "sources": sources,
        "source_count": len(sources),
        "independent_source_count": len(independent),
    }


def pairs(articles: Sequence[ArticleView]) -> Iterable[tuple[ArticleView, ArticleView]]:
    for index, one in enumerate(articles):
        for two in articles[index + 1 :]:
            if outlet_of(one) != outlet_of(two):
                yield one, two
