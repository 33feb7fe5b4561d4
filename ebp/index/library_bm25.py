"""One shard's BM25 turned into the whole library's: the library's IDF and its mean passage length.

bm25s (``method="lucene"``) stores, per term and passage, idf · tf / (tf + k1 · (1 − b + b · dl / avgdl)), with
the IDF and the mean passage length (avgdl) of the index it built. A shard holds part of the library, so both
differ a little from the library's: ``idf_weights`` rescales each term's column by the library's IDF over the
shard's, and ``length_factor`` recovers each stored value's term frequency (the passage's length is kept beside
the index) and scores it again at the library's avgdl. With both, a shard's BM25 is the laptop's over the whole
library, up to float32 rounding.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True)
class LibraryWeights:
    """How a shard's BM25 becomes the library's for one query: a multiplier per term (``idf_weights``) and the
    library's mean passage length in index terms (None: keep the shard's own)."""

    idf: Mapping[str, float] = field(default_factory=dict)
    avgdl: float | None = None


ShardWeights = dict[str, LibraryWeights]  # per analyser language of a query ("en", "id")


@dataclass(frozen=True)
class LibraryTotals:
    """The whole library's BM25 statistics for one query: per analyser language, (passages, passages holding each
    of the query's terms), and the library's mean passage length (None: a shard kept no lengths). Each shard turns
    them into its own ``ShardWeights`` (``shard_weights``)."""

    counts: Mapping[str, tuple[int, Mapping[str, int]]]
    avgdl: float | None = None


def mean_length(lengths: Sequence[tuple[int, int]]) -> float | None:
    """The library's mean passage length in index terms from each shard's (passages, index terms); None when a
    shard kept no lengths (older shards did not), so each keeps its own.

    Example: ``mean_length([(3, 30), (7, 70)]) == 10.0``; ``mean_length([(3, 30), (7, 0)]) is None``
    """
    if not all(terms for _, terms in lengths):
        return None
    return sum(terms for _, terms in lengths) / max(1, sum(passages for passages, _ in lengths))


def shard_weights(lexical: Any, texts: Mapping[str, str], totals: LibraryTotals | None) -> ShardWeights | None:
    """A shard's weights for a query (``texts``: per analyser language) from the library's totals and its own
    ``lexical`` index's term counts; None without totals (a library of one index scores as the laptop does)."""
    if totals is None:
        return None
    return {
        lang: LibraryWeights(idf_weights(lexical.term_counts(text, lang), totals.counts[lang]), totals.avgdl)
        for lang, text in texts.items()
    }


def lucene_idf(passages: int, holding: int) -> float:
    """BM25's IDF as bm25s computes it for ``method="lucene"``: log(1 + (N - df + 0.5) / (df + 0.5))."""
    return math.log(1.0 + (passages - holding + 0.5) / (holding + 0.5))


def idf_weights(local: tuple[int, Mapping[str, int]], total: tuple[int, Mapping[str, int]]) -> dict[str, float]:
    """Per-term multipliers that turn one shard's BM25 (its own IDF) into the whole library's: the library's IDF
    over the shard's, for the terms the shard holds (``term_counts`` of the shard and summed over all shards).

    Example: a shard where a term is rarer than in the library weighs it down: ``idf_weights((10, {"x": 1}),
    (100, {"x": 50}))["x"] < 1``
    """
    n, counts = local
    big_n, big_counts = total
    return {
        term: lucene_idf(big_n, big_counts.get(term, df)) / lucene_idf(n, df)
        for term, df in counts.items()
        if df and lucene_idf(n, df) > 0
    }


def length_factor(
    values: np.ndarray, lengths: np.ndarray, idf: float, own_avgdl: float, avgdl: float, k1: float, b: float
) -> np.ndarray:
    """Per stored BM25 value of one term (passages of ``lengths`` index terms), the factor that turns it from the
    shard's mean passage length ``own_avgdl`` to the library's ``avgdl``.

    Example: the same mean length changes nothing: ``length_factor(np.array([0.5]), np.array([10]), 1.0, 10.0,
    10.0, 1.5, 0.75).tolist() == [1.0]``
    """
    x = np.clip(np.asarray(values, dtype=np.float64) / idf, 0.0, 1.0 - 1e-9)  # tf / (tf + k1 · norm)
    own = 1.0 - b + b * lengths / own_avgdl
    tf = k1 * own * x / (1.0 - x)
    library = 1.0 - b + b * lengths / avgdl
    return np.asarray((tf + k1 * own) / (tf + k1 * library))
