"""Replay a fully labelled set of records as if an organiser screened it with ebp, and measure the work saved.

Metrics (computed without the prior records, as ASReview's ``asreview-insights`` does): WSS@r = the share of
records never read when r of the includes were found, minus (1 − r); recall after 10 % = the share of the
includes found in the first 10 % of the records read.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ebp.curate.screen import DEFAULT_PARAMS, Features, ScreenParams, rank


@dataclass(frozen=True)
class Replay:
    order: tuple[int, ...]  # record rows in the order read, prior records first
    prior: tuple[int, ...]
    seconds_per_decision: float


@dataclass(frozen=True)
class Metrics:
    wss95: float
    wss100: float
    recall_at_10: float
    seconds_per_decision: float


def replay(
    features: Features,
    labels: Sequence[int],
    prior: Sequence[int],
    params: ScreenParams = DEFAULT_PARAMS,
    stop_at_recall: float = 1.0,
) -> Replay:
    """Screen every record in the model's order from the ``prior`` rows (already labelled), re-ranking after each
    decision, until ``stop_at_recall`` of the includes are found (the rest are appended in the last ranking)."""
    y = np.asarray(labels, dtype=np.int64)
    screened = [int(r) for r in prior]
    wanted = int(np.ceil(stop_at_recall * y.sum() - 1e-9))
    found = int(y[screened].sum())
    elapsed, decisions = 0.0, 0
    ranking = None
    while len(screened) < len(y) and found < wanted:
        start = time.perf_counter()
        ranking = rank(features, screened, y[screened].tolist(), params)
        elapsed += time.perf_counter() - start
        decisions += 1
        best = int(ranking.order[0])
        screened.append(best)
        found += int(y[best])
    if len(screened) < len(y):
        ranking = rank(features, screened, y[screened].tolist(), params)
        screened += [int(r) for r in ranking.order]
    return Replay(tuple(screened), tuple(int(r) for r in prior), elapsed / max(decisions, 1))


def work_metrics(order: Sequence[int], labels: Sequence[int], prior: Sequence[int]) -> tuple[float, float, float]:
    """(WSS@95, WSS@100, recall after 10 %) of a reading ``order``, prior records left out.

    Example: ``work_metrics([0, 1, 2, 3], [1, 0, 0, 0], [])`` reads the one include first: WSS@100 = 0.75.
    """
    skip = set(int(p) for p in prior)
    y = np.asarray([labels[int(r)] for r in order if int(r) not in skip], dtype=np.int64)
    n, relevant = len(y), int(y.sum())
    if not relevant:
        raise ValueError("no included records outside the prior ones: nothing to measure")
    found = np.cumsum(y)

    def wss(recall: float) -> float:
        needed = int(np.ceil(recall * relevant - 1e-9))
        read = int(np.searchsorted(found, needed) + 1)
        return (n - read) / n - (1 - recall)

    tenth = max(1, int(round(0.1 * n)))
    return wss(0.95), wss(1.0), float(found[tenth - 1]) / relevant


def prior_rows(labels: Sequence[int], seed: int, included: int = 1, excluded: int = 1) -> list[int]:
    """The prior records of one seed: ``included`` includes and ``excluded`` excludes drawn at random."""
    rng = np.random.default_rng(seed)
    y = np.asarray(labels)
    inc = rng.choice(np.flatnonzero(y == 1), included, replace=False)
    exc = rng.choice(np.flatnonzero(y == 0), excluded, replace=False)
    return [int(r) for r in (*inc, *exc)]


def simulate(
    features: Features, labels: Sequence[int], prior: Sequence[int], params: ScreenParams = DEFAULT_PARAMS
) -> Metrics:
    """Replay and measure one screening."""
    result = replay(features, labels, prior, params)
    wss95, wss100, recall10 = work_metrics(result.order, labels, prior)
    return Metrics(wss95, wss100, recall10, result.seconds_per_decision)
