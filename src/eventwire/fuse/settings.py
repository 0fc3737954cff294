"""Options for fusion: one frozen object, every threshold named and documented in docs/fusion.md."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["FuseSettings", "FuseSummary"]


@dataclass(frozen=True, slots=True)
class FuseSettings:
    """Thresholds of `fuse.cluster.v2`; see docs/fusion.md for why each value."""

    attach: float = 0.5  # a mention joins the most similar event at or above this
    found: float = 0.6  # a mention must score this to start an event on its own
    found_background: float = 0.9  # ... or this, when it reports something well before the article
    near_copy: float = 0.7  # MinHash Jaccard of word 3-shingles: a repost or near-copy
    duplicate_article: float = 0.5  # article texts this similar share one origin
    claim_gap: int = 0  # chars beyond a member sentence where a claim still belongs to it
    acled_only: bool = True  # only ACLED-typed mentions (disorder_type set) form events
    party_types: tuple[str, ...] = field(default=("government", "military", "armed group"))
    chunk_articles: int = 500  # pending mentions are fused this many articles at a time


@dataclass(slots=True)
class FuseSummary:
    """What one fusion pass did."""

    mentions_seen: int = 0
    attached: int = 0
    founded: int = 0
    left_out: int = 0
    events_touched: int = 0
    events_total: int = 0

    def counts(self) -> dict[str, int]:
        return {
            "mentions_seen": self.mentions_seen,
            "attached": self.attached,
            "founded": self.founded,
            "left_out": self.left_out,
            "events_touched": self.events_touched,
            "events_total": self.events_total,
        }
