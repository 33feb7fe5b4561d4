"""What the Ray Serve router adds to a sharded search (issue 16: router overhead p95 ≤ 5 ms), and whether it answers
the same.

    .venv-cluster/bin/python benchmarks/router_latency.py [--set nfcorpus] [--shards 3] [--replicas 1] [--queries 200]

A BEIR set (default NFCorpus, 3,633 documents) is indexed as ``--shards`` shards (vectors from
``.cache/shards/``, as ``benchmarks/shards_vs_laptop.py`` keeps them), then every test query is searched twice in
the same run, alternately: in this process (``ShardedSearcher``: the shards one after another) and through the
search app on a local Ray instance (``ebp.cluster.router``: the router embeds the case, the shard replicas answer in
parallel). Reported: p50/p95 of each, p50/p95 of the per-query difference (the router's overhead: serialisation,
the hops, the replicas' scheduling; negative where the parallel shards win), and the share of queries whose top 10
is the same. The case's embedding is in both paths, so the difference is what Ray adds and saves.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from shards_vs_laptop import ReusingEmbedder  # noqa: E402

from ebp.bench.evaluate import EVAL_CANDIDATES, beir_sources  # noqa: E402
from ebp.bench.metrics import load_beir  # noqa: E402
from ebp.cluster.sharded import ShardedSearcher  # noqa: E402
from ebp.cluster.shards import build_sources  # noqa: E402
from ebp.config import Settings  # noqa: E402
from ebp.embed import load_embedder  # noqa: E402
from ebp.types import SearchOptions  # noqa: E402


def percentiles(values: list[float]) -> dict[str, float]:
    return {"p50": round(float(np.percentile(values, 50)), 1), "p95": round(float(np.percentile(values, 95)), 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--beir", type=Path, default=ROOT.parent / "shared" / "data" / "beir")
    parser.add_argument("--set", default="nfcorpus")
    parser.add_argument("--shards", type=int, default=3)
    parser.add_argument("--replicas", type=int, default=1)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args(argv)
    import ray

    from ebp.cluster.router import ClusterSearcher, deploy

    data = load_beir(args.beir / args.set, "test")
    settings = Settings.from_env({"EBP_REPLICA_CPUS": "0.25"})
    embedder = ReusingEmbedder(load_embedder(settings.model, settings.batch_size, settings.embed_precision))
    cache = ROOT / ".cache" / "shards" / f"{args.set}-{embedder.name.replace('/', '_')}.npz"
    if cache.exists():
        with np.load(cache) as kept:
            embedder.kept = {key: kept[key] for key in kept.files}
    sources = sorted(beir_sources(data), key=lambda s: s.rel_path)
    sizes = {s.rel_path: len(s.document.pages[0].text) if s.document else 0 for s in sources}
    queries = [text for qid, text in data.queries.items() if qid in data.qrels][: args.queries]
    opts = replace(SearchOptions(), k=10, candidates=EVAL_CANDIDATES)
    with tempfile.TemporaryDirectory(prefix="ebp-router-") as work:
        settings = replace(settings, index_dir=Path(work) / "big")
        build_sources(sources, sizes, settings.index_dir, settings, embedder, args.shards)
        local = ShardedSearcher(settings.index_dir, embedder.model)
        ray.init(logging_level="WARNING", log_to_driver=False)
        try:
            deploy(settings, "local", args.replicas)
            remote = ClusterSearcher(settings.index_dir, "local", settings.model)
            for text in queries[:5]:  # warm both paths (the router's model, the replicas' indexes)
                local.search(text, opts), remote.search(text, opts)
            times: dict[str, list[float]] = {"in_process": [], "router": []}
            same = []
            for text in queries:
                started = time.perf_counter()
                here = local.search(text, opts)
                times["in_process"].append(1000 * (time.perf_counter() - started))
                started = time.perf_counter()
                there = remote.search(text, opts)
                times["router"].append(1000 * (time.perf_counter() - started))
                same.append([h.document.path for h in here] == [h.document.path for h in there])
        finally:
            from ray import serve

            serve.shutdown()
            ray.shutdown()
    difference = [r - i for r, i in zip(times["router"], times["in_process"], strict=True)]
    report = {
        "set": args.set,
        "documents": len(sources),
        "shards": args.shards,
        "replicas": args.replicas,
        "queries": len(queries),
        "ms": {name: percentiles(values) for name, values in times.items()},
        "router_minus_in_process_ms": percentiles(difference),
        "top10_identical": round(float(np.mean(same)), 3),
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
