"""Choose the screening model's parameters on NFCorpus, never on the benchmark set (nudging.csv).

Each simulation: an NFCorpus *train* query is the seminar topic, its qrels-relevant documents are the includes,
and a random sample of the other documents fills a pool of 1,500 records (about 2-7 % included, like a database
export). Prior: one include and one exclude drawn by the seed. The e5 vectors of the corpus are computed once and
cached in .cache/curate/. ``--indonesian`` uses the NFCorpus *dev* queries translated into Indonesian
(benchmarks/queries/nfcorpus_dev_id.jsonl) as topics instead, to check the Indonesian path.

    .venv/bin/python benchmarks/curate/tune.py [--queries 8] [--seeds 2] [--indonesian]
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from ebp.curate.screen import ScreenParams, build_features
from ebp.curate.simulate import prior_rows, replay, work_metrics
from ebp.embed import load_embedder

ROOT = Path(__file__).resolve().parents[2]
BEIR = ROOT.parent / "shared" / "data" / "beir" / "nfcorpus"
CACHE = ROOT / ".cache" / "curate"
POOL = 1500

GRID = {
    "tfidf only (no e5, no topic)": ScreenParams(embedding_weight=0.0, topic_weight=0.0),
    "tfidf + e5, no topic prior": ScreenParams(topic_weight=0.0),
    "default": ScreenParams(),
    "before elas_u4 (C 1, classes weighed equally)": ScreenParams(C=1.0, include_ratio=0.0),
    "e5 weight 2": ScreenParams(embedding_weight=2.0),
    "topic weight 3": ScreenParams(topic_weight=3.0),
}


def corpus() -> tuple[list[str], list[str], np.ndarray]:
    docs = [json.loads(line) for line in (BEIR / "corpus.jsonl").open(encoding="utf-8")]
    ids = [d["_id"] for d in docs]
    texts = [f"{d.get('title', '')}. {d.get('text', '')}".strip() for d in docs]
    cached = CACHE / "nfcorpus-e5.npy"
    if cached.exists():
        return ids, texts, np.load(cached)
    vectors = load_embedder("e5-small").embed_passages(texts)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(cached, vectors)
    return ids, texts, vectors


def topics(split: str, indonesian: bool, count: int) -> list[tuple[str, set[str]]]:
    relevant: dict[str, set[str]] = defaultdict(set)
    with (BEIR / "qrels" / f"{split}.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if int(row["score"]) > 0:
                relevant[row["query-id"]].add(row["corpus-id"])
    source = ROOT / "benchmarks" / "queries" / "nfcorpus_dev_id.jsonl" if indonesian else BEIR / "queries.jsonl"
    texts = {}
    for line in source.open(encoding="utf-8"):
        q = json.loads(line)
        texts[q.get("_id") or q.get("id")] = q.get("text") or q.get("query")
    chosen = sorted(q for q, docs in relevant.items() if 25 <= len(docs) <= 100 and q in texts)
    rng = np.random.default_rng(0)
    picked = rng.choice(chosen, min(count, len(chosen)), replace=False)
    return [(texts[q], relevant[q]) for q in picked]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--queries", type=int, default=8)
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--indonesian", action="store_true")
    parser.add_argument("--only", nargs="*", default=None, help="grid names to run")
    args = parser.parse_args()
    ids, texts, vectors = corpus()
    embedder = load_embedder("e5-small")
    results: dict[str, list[tuple[float, float]]] = defaultdict(list)
    rng = np.random.default_rng(1)
    for topic, relevant in topics("dev" if args.indonesian else "train", args.indonesian, args.queries):
        inc = [i for i, d in enumerate(ids) if d in relevant]
        rest = [i for i, d in enumerate(ids) if d not in relevant]
        rows = sorted(inc + list(rng.choice(rest, POOL - len(inc), replace=False)))
        labels = [int(ids[r] in relevant) for r in rows]
        pool_texts = [texts[r] for r in rows]
        for name, params in GRID.items():
            if args.only and name not in args.only:
                continue
            features = build_features(pool_texts, vectors[rows], topic, embedder, params)
            for seed in range(args.seeds):
                prior = prior_rows(labels, seed)
                start = time.perf_counter()
                run = replay(features, labels, prior, params, stop_at_recall=0.95)
                wss95, _, recall10 = work_metrics(run.order, labels, prior)
                results[name].append((wss95, recall10))
                print(f"{topic[:40]:40} {len(inc):3} {name:30} seed {seed} WSS@95 {wss95:.3f} "
                      f"R@10% {recall10:.3f} ({time.perf_counter() - start:.0f} s)", flush=True)  # fmt: skip
    print("\nmean over topics and seeds:")
    for name, values in results.items():
        w, r = zip(*values, strict=True)
        print(f"{name:30} WSS@95 {statistics.mean(w):.3f} ± {statistics.stdev(w):.3f}   "
              f"recall@10% {statistics.mean(r):.3f}   n={len(w)}")  # fmt: skip


if __name__ == "__main__":
    main()
