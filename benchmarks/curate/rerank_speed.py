"""How long one re-rank takes at 10,000 records (the issue asks for at most 1 s on 2 cores).

Records: SciFact's and NFCorpus's 8,816 abstracts plus 1,184 of them again with their words shuffled, so TF-IDF
has the vocabulary of real abstracts; e5 vectors are random unit vectors of e5's 384 dimensions (the time of a
re-rank does not depend on their values, and embedding is done once, at import). A re-rank = fitting the model on
the decisions so far and scoring every record (``ebp.curate.screen.rank``), timed after 50, 200 and 1,000 decisions.

    .venv/bin/python benchmarks/curate/rerank_speed.py
"""

from __future__ import annotations

import json
import random
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ebp.curate.screen import build_features, rank

ROOT = Path(__file__).resolve().parents[2]
BEIR = ROOT.parent / "shared" / "data" / "beir"
DIM = 384


class RandomTopic:
    name = "random-384"
    dim = DIM

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        v = np.random.default_rng(1).normal(size=(len(texts), DIM)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)

    embed_passages = embed_queries


def main() -> None:
    texts = []
    for name in ("scifact", "nfcorpus"):
        for line in (BEIR / name / "corpus.jsonl").open(encoding="utf-8"):
            doc = json.loads(line)
            texts.append(f"{doc.get('title', '')}. {doc.get('text', '')}")
    rng = random.Random(0)
    while len(texts) < 10_000:
        words = rng.choice(texts).split()
        rng.shuffle(words)
        texts.append(" ".join(words))
    vectors = np.random.default_rng(0).normal(size=(len(texts), DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    start = time.perf_counter()
    features = build_features(texts, vectors, "exercise and depression in older adults", RandomTopic())  # type: ignore[arg-type]
    build = time.perf_counter() - start
    result = {"records": len(texts), "features_built_once_s": round(build, 2)}
    for decisions in (50, 200, 1000):
        rows = rng.sample(range(len(texts)), decisions)
        labels = [1 if i % 10 == 0 else 0 for i in range(decisions)]
        times = []
        for _ in range(5):
            start = time.perf_counter()
            rank(features, rows, labels)
            times.append(time.perf_counter() - start)
        result[f"rerank_s_after_{decisions}"] = round(statistics.median(times), 3)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
