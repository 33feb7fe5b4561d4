"""Does a sharded library find what the laptop's single index finds? nDCG@10 on SciFact and NFCorpus, both ways.

    .venv/bin/python benchmarks/shards_vs_laptop.py [--beir ../shared/data/beir] [--shards 3] [--sets scifact nfcorpus]

Each BEIR set is indexed twice through ebp's own pipeline: once as one ordinary index (the laptop), once as
``--shards`` shards (``ebp.cluster.shards.build_sources``: documents whole, split by size). Both are searched with
every test query as ``ebp eval`` searches (hybrid, top 100, one passage per document): the laptop by
``ebp.retrieve.search.Searcher``, the shards by ``ebp.cluster.sharded.ShardedSearcher`` (BM25 at the whole
library's IDF, the laptop's fusion). Printed: nDCG@10 and recall@100 of each, their difference (issue 16: within
0.005), the share of queries whose top 10 is identical, and the query times. Passage vectors are computed once:
the shards' ingest reuses the laptop's vectors (same texts, same model), so only the indexing differs; they are
kept in ``.cache/shards/`` for the next run.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from ebp import ingest
from ebp.bench.evaluate import EVAL_CANDIDATES, EVAL_K, beir_sources
from ebp.bench.metrics import evaluate, load_beir
from ebp.cluster.sharded import ShardedSearcher
from ebp.cluster.shards import build_sources
from ebp.config import Settings
from ebp.embed import Embedder, load_embedder
from ebp.retrieve.search import Searcher
from ebp.types import SearchOptions

ROOT = Path(__file__).resolve().parents[1]


class ReusingEmbedder:
    """The model, with each passage's vector kept by its text: the second index embeds nothing again."""

    def __init__(self, model: Embedder) -> None:
        self.model = model
        self.name = model.name
        self.precision = getattr(model, "precision", "float32")
        self.kept: dict[str, np.ndarray] = {}

    @property
    def dim(self) -> int:
        return self.model.dim

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        missing = [i for i, k in enumerate(keys) if k not in self.kept]
        if missing:
            vectors = self.model.embed_passages([texts[i] for i in missing])
            for i, vector in zip(missing, vectors, strict=True):
                self.kept[keys[i]] = np.asarray(vector, dtype=np.float32)
        return np.stack([self.kept[k] for k in keys]) if keys else np.zeros((0, self.dim), dtype=np.float32)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.model.embed_queries(texts)


def run_set(beir_dir: Path, shards: int, work: Path, embedder: ReusingEmbedder) -> dict[str, object]:
    data = load_beir(beir_dir, "test")
    qrels = {q: rel for q, rel in data.qrels.items() if q in data.queries}
    # In path order, as `ebp index` reads a corpus folder: documents whose fused scores tie are then ordered alike
    # by the laptop (its document ids) and the shards (a first build fills them in path order).
    sources = sorted(beir_sources(data), key=lambda s: s.rel_path)
    settings = Settings.from_env({}, index_dir=work / "laptop")
    started = time.perf_counter()
    ingest.ingest_sources(sources, settings, embedder)
    laptop_s = time.perf_counter() - started
    sizes = {s.rel_path: len(s.document.pages[0].text) if s.document else 0 for s in sources}
    started = time.perf_counter()
    manifest = build_sources(sources, sizes, work / "sharded", settings, embedder, shards)
    sharded_s = time.perf_counter() - started
    opts = replace(SearchOptions(), k=EVAL_K, passages_per_doc=1, candidates=EVAL_CANDIDATES)
    searchers = {"laptop": Searcher(work / "laptop", embedder), "sharded": ShardedSearcher(work / "sharded", embedder)}
    runs: dict[str, dict[str, dict[str, float]]] = {name: {} for name in searchers}
    tops: dict[str, dict[str, list[str]]] = {name: {} for name in searchers}
    ms: dict[str, float] = {}
    for name, searcher in searchers.items():
        started = time.perf_counter()
        for qid, text in data.queries.items():
            if qid not in qrels:
                continue
            hits = searcher.search(text, opts)
            runs[name][qid] = {h.document.path: float(len(hits) - i) for i, h in enumerate(hits)}
            tops[name][qid] = [h.document.path for h in hits[:10]]
        ms[name] = 1000 * (time.perf_counter() - started) / max(1, len(qrels))
    figures = {name: evaluate(run, qrels) for name, run in runs.items()}
    same = np.mean([tops["laptop"][q] == tops["sharded"][q] for q in tops["laptop"]])
    return {
        "set": beir_dir.name,
        "documents": len(sources),
        "queries": len(qrels),
        "shards": [len(s.documents) for s in manifest.shards],
        "laptop": {k: round(figures["laptop"][k], 4) for k in ("ndcg@10", "recall@100")},
        "sharded": {k: round(figures["sharded"][k], 4) for k in ("ndcg@10", "recall@100")},
        "ndcg@10_difference": round(figures["sharded"]["ndcg@10"] - figures["laptop"]["ndcg@10"], 4),
        "top10_identical": round(float(same), 3),
        "query_ms": {k: round(v, 1) for k, v in ms.items()},
        "index_s": {"laptop (embeds)": round(laptop_s, 1), "sharded (vectors reused)": round(sharded_s, 1)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--beir", type=Path, default=ROOT.parent / "shared" / "data" / "beir")
    parser.add_argument("--shards", type=int, default=3)
    parser.add_argument("--sets", nargs="*", default=["scifact", "nfcorpus"])
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    embedder = ReusingEmbedder(load_embedder(settings.model, settings.batch_size, settings.embed_precision))
    for name in args.sets:
        cache = ROOT / ".cache" / "shards" / f"{name}-{embedder.name.replace('/', '_')}.npz"
        if cache.exists():
            with np.load(cache) as kept:
                embedder.kept = {key: kept[key] for key in kept.files}
        with tempfile.TemporaryDirectory(prefix=f"ebp-shards-{name}-") as work:
            print(json.dumps(run_set(args.beir / name, args.shards, Path(work), embedder)), flush=True)
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, **embedder.kept)
        embedder.kept.clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())
