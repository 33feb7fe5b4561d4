"""``ebp bench --cluster ADDRESS``: dense search over a synthetic sharded library served by Ray Serve replicas, next to
the same shards searched in this process and to one unsharded index of the same vectors (issue 16, point 6).

The library: ``passages`` unit vectors made from the real passage vectors of an ebp index (``--index``, as ``ebp
bench`` makes its synthetic indexes, ``ebp.bench.parts.synthetic_vectors``), cut into ``shards`` contiguous shards;
each shard is a FAISS file of the laptop's kind for its size (exact below ``EBP_EXACT_BELOW``, else an inverted file
of 8-bit codes re-scored with the full vectors) and its full vectors, under ``work`` (storage every node sees). One
Serve deployment per shard (``replicas`` copies) and a router that embeds the case once and fans out; the driver asks
the router. Reported, all in one run on the same queries:

- ``dense``: p50/p95 of a case through the router (embedding, fan-out, merge): the issue's "dense p95";
- ``in_process``: p50/p95 of the same search with the same shards in this process, one after another;
- ``router_overhead``: p50/p95 of what is left of a routed case's time after the router's embedding and the slowest
  shard's own search (both timed where they run): the router's merge, the hops and Ray's scheduling;
- ``router_minus_in_process``: p50/p95 of the per-case difference to the in-process search (what Ray adds, less
  what shards searched in parallel save);
- ``top10_identical``: share of queries whose sharded top 10 equals the unsharded index's on the same vectors.

The issue asks for 10⁷ passages in 10 shards of 10⁶ with 2 replicas; that needs about 15 GB of vectors and a core
per replica. ``--passages`` and ``--shards`` choose a size the machine holds.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ebp.bench.parts import SEARCH_BREADTH, StoredVectors, percentiles, synthetic_vectors
from ebp.errors import EbpError

TOP = 10


@dataclass(frozen=True)
class ClusterBenchOptions:
    address: str
    passages: int = 10_000_000
    shards: int = 10
    replicas: int = 2
    queries: int = 100
    work: Path | None = None


class VectorShard:
    """One shard of the synthetic library: its FAISS index, re-scored with its full vectors (a Serve replica, or a
    plain object in the driver). Passage ids are library-wide."""

    def __init__(self, index_path: str, vectors_path: str, start: int, dim: int) -> None:
        from ebp.index.vectors import VectorIndex

        self.index = VectorIndex.load(Path(index_path))
        self.stored = StoredVectors(Path(vectors_path), dim)
        self.start = start

    def search(self, query: np.ndarray, breadth: int) -> tuple[np.ndarray, np.ndarray, float]:
        """(scores, ids, seconds this shard worked)."""
        start = time.perf_counter()
        scores, ids = self.index.search(query[None, :], breadth, vectors_of=lambda i: self.stored.rows(i - self.start))
        keep = ids[0] >= 0
        return scores[0][keep], ids[0][keep], time.perf_counter() - start


def merged(answers: Sequence[tuple[Any, ...]], k: int = TOP) -> list[int]:
    """The library's ``k`` best passage ids of the shards' answers, each (scores, ids, …) (ties: the smaller id first).

    Example: ``merged([(np.array([.9, .5]), np.array([1, 2])), (np.array([.7]), np.array([7]))], 2) == [1, 7]``
    """
    pooled = sorted((-float(s), int(i)) for scores, ids, *_ in answers for s, i in zip(scores, ids, strict=True))
    return [i for _, i in pooled[:k]]


class VectorRouter:
    """The bench app's ingress: the case embedded once, every shard asked before any is awaited, the best merged."""

    def __init__(self, model: str, *shards: Any) -> None:
        from ebp.embed import load_embedder

        self.embedder = load_embedder(model)
        self.shards = shards

    def search(self, text: str) -> tuple[list[int], float, float]:
        """(the best ids, seconds embedding, seconds the slowest shard worked): what is left of the time the driver
        waits is the router's own, the hops and Ray's."""
        start = time.perf_counter()
        query = self.embedder.embed_queries([text])[0]
        embedded = time.perf_counter() - start
        pending = [s.search.remote(query, SEARCH_BREADTH) for s in self.shards]
        answers = [p.result() for p in pending]
        return merged(answers), embedded, max(a[2] for a in answers)


def same_share(tops: Sequence[list[int]], truth: Sequence[list[int]]) -> float:
    """Share of queries whose top ids equal the truth's, in order."""
    return round(float(np.mean([a == b for a, b in zip(tops, truth, strict=True)])), 4)


def build_library(base: np.ndarray, options: ClusterBenchOptions, work: Path, exact_below: int) -> list[dict[str, Any]]:
    """Write the shards' FAISS and vector files under ``work``; each shard's paths and first id."""
    from ebp.index.vectors import VectorIndex

    vectors = synthetic_vectors(base, options.passages)
    bounds = np.linspace(0, options.passages, options.shards + 1).astype(np.int64)
    shards = []
    for number, (start, end) in enumerate(zip(bounds[:-1], bounds[1:], strict=True)):
        part = vectors[start:end]
        index_path, vectors_path = work / f"shard-{number}.faiss", work / f"shard-{number}.f32"
        VectorIndex.build(np.arange(start, end, dtype=np.int64), part, part.shape[1], exact_below).save(index_path)
        part.tofile(vectors_path)
        shards.append({"index_path": str(index_path), "vectors_path": str(vectors_path), "start": int(start)})
    whole = VectorIndex.build(np.arange(options.passages, dtype=np.int64), vectors, vectors.shape[1], exact_below)
    whole.save(work / "whole.faiss")
    vectors.tofile(work / "whole.f32")
    return shards


def alternately(texts: Sequence[str], *asks: Callable[[str], list[int]]) -> list[tuple[list[float], list[list[int]]]]:
    """Each ask's latencies (ms) and top ids per text; the asks take turns on every text, so drift on a busy machine
    falls on all alike. One warm-up call each first."""
    for ask in asks:
        ask(texts[0])
    out: list[tuple[list[float], list[list[int]]]] = [([], []) for _ in asks]
    for text in texts:
        for (latencies, tops), ask in zip(out, asks, strict=True):
            start = time.perf_counter()
            tops.append(ask(text))
            latencies.append((time.perf_counter() - start) * 1000)
    return out


def run_cluster_bench(options: ClusterBenchOptions, settings: Any, texts: Sequence[str], say: Any = print) -> dict:  # type: ignore[type-arg]
    """Build the synthetic library, deploy it on the cluster, and measure (see the module's docstring)."""
    import tempfile

    from ebp.cluster.router import connect
    from ebp.embed import load_embedder
    from ebp.index.store import Store
    from ebp.index.vectors import VectorIndex

    if options.shards < 1 or options.replicas < 1 or options.passages < options.shards:
        raise EbpError("--shards and --replicas must be at least 1, and --passages at least --shards")
    store = Store.open_existing(settings.index_dir)
    embedder = load_embedder(settings.model)
    _, base = store.vectors_at(store.generation(), embedder.dim)
    if not len(base):
        raise EbpError(f"the index at {settings.index_dir} holds no passages to derive the synthetic library from")
    work = options.work or Path(tempfile.mkdtemp(prefix="ebp-cluster-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    texts = list(texts)[: options.queries]
    say(f"building {options.passages:,} passages in {options.shards} shards under {work}")
    started = time.perf_counter()
    shards = build_library(base, options, work, settings.exact_search_below)
    built_s = time.perf_counter() - started
    local = [VectorShard(**s, dim=embedder.dim) for s in shards]
    whole = VectorShard(str(work / "whole.faiss"), str(work / "whole.f32"), 0, embedder.dim)

    def in_process(text: str) -> list[int]:
        query = embedder.embed_queries([text])[0]
        return merged([s.search(query, SEARCH_BREADTH) for s in local])

    def unsharded(text: str) -> list[int]:
        return merged([whole.search(embedder.embed_queries([text])[0], SEARCH_BREADTH)])

    serve = connect(options.address)
    reserved = {"num_cpus": settings.replica_cpus}
    deployment = serve.deployment(VectorShard)
    bound = [
        deployment.options(name=f"bench-shard-{n}", num_replicas=options.replicas, ray_actor_options=reserved).bind(
            **s, dim=embedder.dim
        )
        for n, s in enumerate(shards)
    ]
    router = serve.deployment(VectorRouter).options(name="bench-router", ray_actor_options=reserved)
    say(f"deploying {options.shards} shards × {options.replicas} replicas on {options.address}")
    handle = serve.run(router.bind(settings.model, *bound), name="ebp-bench", route_prefix=None)
    try:
        parts: list[tuple[float, float]] = []  # per routed case: (embedding, slowest shard), seconds

        def routed(text: str) -> list[int]:
            top, embedded, slowest = handle.search.remote(text).result()
            parts.append((embedded, slowest))
            return list(top)

        (_, truth), (local_ms, local_tops), (routed_ms, routed_tops) = alternately(texts, unsharded, in_process, routed)
        parts = parts[1:]  # without the warm-up's
    finally:
        serve.delete("ebp-bench")
    differences = [r - p for r, p in zip(routed_ms, local_ms, strict=True)]
    overhead = [total - 1000 * (embed + slowest) for total, (embed, slowest) in zip(routed_ms, parts, strict=True)]
    return {
        "passages": options.passages,
        "shards": options.shards,
        "replicas": options.replicas,
        "kind": VectorIndex.load(Path(shards[0]["index_path"])).kind,
        "queries": len(texts),
        "build_s": round(built_s, 1),
        "dense": percentiles(routed_ms),
        "in_process": percentiles(local_ms),
        "router_overhead": percentiles(overhead) | {"mean": round(statistics.mean(overhead), 1)},
        "router_minus_in_process": percentiles(differences),
        "top10_identical": same_share(routed_tops, truth),
        "in_process_top10_identical": same_share(local_tops, truth),
        "work": str(work),
    }


def format_cluster(figures: dict[str, Any]) -> str:
    """The figures as lines a person reads."""
    lines = [
        f"{figures['passages']:,} passages, {figures['shards']} shards ({figures['kind']}) × {figures['replicas']} "
        f"replicas, {figures['queries']} cases (built in {figures['build_s']} s)",
    ]
    for key, label in (("dense", "through the router"), ("in_process", "shards in this process")):
        lines.append(f"  {label:24} p50 {figures[key]['p50_ms']:8.1f} ms   p95 {figures[key]['p95_ms']:8.1f} ms")
    overhead = figures["router_overhead"]
    lines.append(f"  {'router overhead':24} p50 {overhead['p50_ms']:8.1f} ms   p95 {overhead['p95_ms']:8.1f} ms"
                 "   (beyond embedding and the slowest shard)")  # fmt: skip
    lines.append(f"  top 10 identical to one unsharded index: {figures['top10_identical']:.1%} of cases")
    return "\n".join(lines)
