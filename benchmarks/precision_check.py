"""Passage embedding in float32 and under bfloat16 autocast: speed ratio and how close the vectors are.

Run from the project root:  python benchmarks/precision_check.py [--passages 256] [--rounds 2]

The same e5-small model (``ebp.embed``, default batch size) embeds the same SciFact abstracts
(title + text, as ``ebp eval`` indexes them) in both precisions, alternating, ``--rounds`` times
each; the figures are medians, so both precisions see the same machine load. Prints one JSON
object: passages/s per precision, their ratio, the cosine between the two vectors of each passage
(min, mean), and the CPU's bfloat16 units. On a CPU without them bfloat16 is emulated (slow).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import numpy as np

from ebp.embed import SentenceTransformerEmbedder, native_bfloat16, resolve

SCIFACT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "beir" / "scifact" / "corpus.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=256)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--corpus", type=Path, default=SCIFACT)
    args = parser.parse_args()
    if not args.corpus.is_file():
        raise SystemExit(f"SciFact corpus not found at {args.corpus} (pass --corpus)")
    with args.corpus.open(encoding="utf-8") as lines:
        records = [json.loads(line) for _, line in zip(range(args.passages), lines, strict=False)]
    texts = [f"{r['title']}\n{r['text']}" for r in records]

    spec = resolve("e5-small")
    embedders = {p: SentenceTransformerEmbedder(spec, precision=p) for p in ("float32", "bfloat16")}
    embedders["float32"].embed_passages(texts[:8])  # warm-up: torch's first call is slow
    embedders["bfloat16"].embed_passages(texts[:8])
    rates: dict[str, list[float]] = {p: [] for p in embedders}
    vectors: dict[str, np.ndarray] = {}
    for _ in range(args.rounds):
        for precision, embedder in embedders.items():
            started = time.perf_counter()
            vectors[precision] = embedder.embed_passages(texts)
            rates[precision].append(len(texts) / (time.perf_counter() - started))
    cosine = (vectors["float32"] * vectors["bfloat16"]).sum(axis=1)
    fp32, bf16 = statistics.median(rates["float32"]), statistics.median(rates["bfloat16"])
    report = {
        "passages": len(texts),
        "native_bfloat16": native_bfloat16(),
        "float32_passages_per_s": round(fp32, 2),
        "bfloat16_passages_per_s": round(bf16, 2),
        "speedup": round(bf16 / fp32, 2),
        "cosine_min": round(float(cosine.min()), 6),
        "cosine_mean": round(float(cosine.mean()), 6),
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
