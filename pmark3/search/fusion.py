"""Reciprocal rank fusion, with the constant Azure AI Search uses for hybrid queries."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

K = 60
T = TypeVar("T", bound=Hashable)


def rrf(rankings: Sequence[Sequence[T]], k: int = K) -> list[tuple[T, float]]:
    """Fuse ranked lists: score = sum of 1 / (k + rank), rank from 1; best first, ties by first list."""
    scores: dict[T, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda kv: -kv[1])
