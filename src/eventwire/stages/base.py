"""The stage protocol: small named components that transform a batch of parcels."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Protocol, runtime_checkable

from eventwire.records import Parcel

__all__ = ["Stage"]


@runtime_checkable
class Stage(Protocol):
    """A per-document pipeline component.

    `name` is versioned (`clean.boilerplate.v1`): a change in output is a new version.
    `requires` and `provides` name parcel facets; the pipeline checks them before a run.
    `__call__` returns a batch of the same length and order; parcels that carry a reject
    must be returned unchanged.
    """

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    provides: ClassVar[tuple[str, ...]]

    def setup(self) -> None:
        """Load heavy state once per worker."""

    def __call__(self, batch: Sequence[Parcel]) -> list[Parcel]: ...
