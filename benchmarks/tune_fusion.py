"""Tune the fusion on train/dev splits only (never test): SciFact train, NFCorpus dev.

    .venv/bin/python benchmarks/tune_fusion.py [--model minilm] [--weights 0.5,0.75,1,1.5]

Prints nDCG@10 for each lexical weight (RRF) and mode, plus the Indonesian-vs-English figures
on the translated train/dev queries in benchmarks/queries/. The corpus index is cached per model.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from ebp.bench.evaluate import run_eval
from ebp.config import Settings
from ebp.embed import load_embedder
from ebp.types import Mode

ROOT = Path(__file__).resolve().parents[1]
SETS = (("scifact", "train"), ("nfcorpus", "dev"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--model", default=None)
    parser.add_argument("--weights", default="0.5,0.75,1,1.5")
    args = parser.parse_args()
    beir = args.shared / "data" / "beir"
    if not beir.exists():
        print(f"skipped: {beir} not found", file=sys.stderr)
        return 0
    settings = Settings.from_env(model=args.model)
    embedder = load_embedder(settings.model, settings.batch_size)
    base = settings.search_options()
    print(f"model {embedder.name}")
    print("| set | split | queries | mode | lexical weight | nDCG@10 | R@100 | MRR@10 |")
    print("|---|---|---|---|---|---|---|---|")
    for name, split in SETS:
        runs = [(Mode.DENSE, 1.0), (Mode.BM25, 1.0)] + [(Mode.HYBRID, float(w)) for w in args.weights.split(",")]
        for mode, weight in runs:
            result = run_eval(
                beir / name, settings, embedder, split=split, mode=mode, options=replace(base, lexical_weight=weight)
            )
            _row(name, split, result, weight)
        for lang in ("en", "id"):
            queries = ROOT / "benchmarks" / "queries" / f"{name}_{split}_{lang}.jsonl"
            for mode in (Mode.DENSE, Mode.HYBRID):
                result = run_eval(
                    beir / name, settings, embedder, split=split, mode=mode, queries_file=queries, options=base
                )
                _row(f"{name} ({lang} queries)", split, result, base.lexical_weight)
    return 0


def _row(name: str, split: str, result, weight: float) -> None:  # type: ignore[no-untyped-def]
    print(
        f"| {name} | {split} | {result.queries} | {result.mode} | {weight:g} | {result.ndcg_at_10:.4f} "
        f"| {result.recall_at_100:.4f} | {result.mrr_at_10:.4f} |",
        flush=True,
    )


if __name__ == "__main__":
    raise SystemExit(main())
