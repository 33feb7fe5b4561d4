"""Rank fusion: reciprocal-rank fusion of the dense and lexical rankings, and the language balance.

Pure functions over scores; ``ebp.retrieve.search`` gathers the scores and calls these.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

import numpy as np

RRF_K = 60  # the usual reciprocal-rank-fusion constant (Cormack et al. 2009)
BALANCE_TOP = 5  # dense scores averaged per language to estimate its offset


def rrf(dense_rank: int | None, lexical_rank: int | None, lexical_weight: float = 1.0) -> float:
    """Reciprocal-rank fusion of two 1-based ranks (``None``: not found by that side).

    Example: ``rrf(1, 1) > rrf(1, None) == rrf(None, 1)``
    """
    score = 0.0
    if dense_rank is not None:
        score += 1.0 / (RRF_K + dense_rank)
    if lexical_rank is not None:
        score += lexical_weight / (RRF_K + lexical_rank)
    return score


def balance_by_language(scores: dict[int, float], languages: dict[int, str]) -> dict[int, float]:
    """Shift each document language's dense scores so that their top scores line up.

    Applied only when at least two languages each have ``BALANCE_TOP`` candidates; otherwise the
    scores are returned unchanged (a one-language corpus is never affected).
    Example: ``balance_by_language({1: .9, 2: .5}, {1: "id", 2: "en"}) == {1: .9, 2: .5}``
    """
    by_lang: dict[str, list[float]] = defaultdict(list)
    for doc_id, score in scores.items():
        by_lang[languages[doc_id]].append(score)
    big = {lang: sorted(v, reverse=True)[:BALANCE_TOP] for lang, v in by_lang.items() if len(v) >= BALANCE_TOP}
    if len(big) < 2:
        return scores
    offsets = {lang: float(np.mean(top)) for lang, top in big.items()}
    reference = max(offsets.values())
    return {d: s - offsets.get(languages[d], reference) + reference for d, s in scores.items()}


def ranks(scores: dict[int, float]) -> dict[int, int]:
    """1-based ranks, best score first, ties by id.

    Example: ``ranks({7: 0.2, 3: 0.9}) == {3: 1, 7: 2}``
    """
    return {d: r for r, d in enumerate(sorted(scores, key=lambda d: (-scores[d], d)), start=1)}


BOOST_MAX_MOVE = 1  # places a design boost may lift a document


def boosted_order(order: list[int], boosts: dict[int, float], comparable: Callable[[int, int], bool]) -> list[int]:
    """``order`` (best first) with documents of a boosted design moved up among documents of comparable relevance
    only: at most ``BOOST_MAX_MOVE`` place, past a document not boosted as much for which ``comparable(doc, above)``
    holds. So a boost settles near-ties; it never lifts an off-topic study over a relevant one.

    Example: ``boosted_order([1, 2], {2: 1.15}, lambda a, b: True) == [2, 1]``; with ``lambda a, b: False``
    it stays ``[1, 2]``
    """
    out = list(order)
    for doc in [d for d in order if boosts.get(d, 1.0) > 1.0]:
        i, moved = out.index(doc), 0
        while i > 0 and moved < BOOST_MAX_MOVE:
            above = out[i - 1]
            if boosts.get(above, 1.0) >= boosts[doc] or not comparable(doc, above):
                break
            out[i - 1], out[i] = doc, above
            i, moved = i - 1, moved + 1
    return out


def near_tie(meaning: dict[int, int], words: dict[int, int], languages: dict[int, str]) -> Callable[[int, int], bool]:
    """``comparable`` for ``boosted_order``: two documents are near-tied when they are in the same language
    (similarities across languages do not compare) and the lower one is at most one place behind on meaning
    (``meaning``: ranks by cosine) and on words (``words``: ranks by BM25; absent = behind all).

    Example: ``near_tie({1: 1, 2: 2}, {1: 2, 2: 1}, {1: "en", 2: "en"})(2, 1) is True``
    """
    behind = max(len(meaning), len(words)) + 1

    def comparable(doc: int, above: int) -> bool:
        if languages.get(doc) != languages.get(above):
            return False
        return all(r.get(doc, behind) <= r.get(above, behind) + 1 for r in (meaning, words))

    return comparable


def rounded(value: float | None) -> float | None:
    """A score as shown in ``--json`` (4 decimals); None stays None."""
    return None if value is None else round(float(value), 4)
