"""Choose the screening model on SYNERGY, never on nudging.csv (the issue's outside check), beside ASReview's
default model on the same sets, priors and seeds.

The sets are exported first by ``benchmarks/curate/synergy.py`` (nine SYNERGY sets, 7,220 records); each set's
topic is the title of its review. For every set and seed, one include and one exclude are drawn
(``ebp.curate.simulate.prior_rows``); ebp replays with each variant of ``GRID`` until 95 % of the includes are
found, ASReview (elas_u4, its own venv) until the last. The variants were written down before the first run.
Reported: WSS@95 and recall after 10 % per set, then the mean over sets (each set weighs the same).

Rule written before the first run (2026-12-04): the variant with the highest mean WSS@95 over the sets (3 seeds)
replaces the default if it is at least 0.01 higher and the Indonesian NFCorpus check (``tune.py --indonesian``)
is no more than 0.02 lower; nudging.csv is then run once (``benchmarks/curate_vs_asreview.py``), whatever it says.

    .venv/bin/python benchmarks/curate/tune_synergy.py [--seeds 3] [--only NAME ...] [--no-asreview]
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ebp.curate.cli import cached_vectors
from ebp.curate.records import read_records
from ebp.curate.screen import ScreenParams, build_features
from ebp.curate.simulate import prior_rows, replay, work_metrics
from ebp.embed import load_embedder

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from curate_vs_asreview import asreview_orders, start_asreview  # noqa: E402  (benchmarks are scripts, not a package)

SYNERGY = ROOT / ".cache" / "synergy"

GRID = {
    "default": ScreenParams(),
    "before elas_u4 (C 1, classes weighed equally)": ScreenParams(C=1.0, include_ratio=0.0),
    "squared hinge": ScreenParams(loss="squared_hinge"),
    "squared hinge, tfidf only, no topic": ScreenParams(loss="squared_hinge", embedding_weight=0.0, topic_weight=0.0),
    "squared hinge, no topic prior": ScreenParams(loss="squared_hinge", topic_weight=0.0),
    "squared hinge, e5 weight 0.5": ScreenParams(loss="squared_hinge", embedding_weight=0.5),
    "squared hinge, e5 weight 2": ScreenParams(loss="squared_hinge", embedding_weight=2.0),
    # Second round (2026-12-04, written after the first run's table and before this one, same rule):
    "topic record fades (half-life 5 includes)": ScreenParams(topic_record_half_life=5.0),
    "plus a TF-IDF-only model (weight 1)": ScreenParams(tfidf_model_weight=1.0),
    "both": ScreenParams(topic_record_half_life=5.0, tfidf_model_weight=1.0),
    # Third round (2026-12-04, the next stop; written before its run, same rule): the meaning e5 carries helps while
    # few records are labelled, the words tell finer apart once many are, so the e5 block fades as includes come.
    "e5 fades (half-life 10 includes)": ScreenParams(embedding_half_life=10.0),
}


def run_set(name: str, topic: str, seeds: int, variants: list[str], asreview: bool) -> dict[str, list[list[float]]]:
    """One set's replays: {system: [[WSS@95, recall after 10 %] per seed]}."""
    path = SYNERGY / f"{name}.csv"
    records = read_records(path.read_bytes(), path.name).records
    with path.open(encoding="utf-8") as fh:
        assert len(records) == sum(1 for _ in csv.DictReader(fh)), f"{name}: ebp skipped rows ASReview reads"
    labels = [int(r.extra["included"]) for r in records]
    texts = [r.text for r in records]
    priors = {seed: prior_rows(labels, seed) for seed in range(seeds)}
    orders = Path(tempfile.mkdtemp()) / "asreview.jsonl"
    jobs = [{"seed": s, "prior": p} for s, p in priors.items()]
    process = start_asreview(path, jobs, orders) if asreview else None
    embedder = load_embedder("e5-small")
    vectors = cached_vectors(texts, embedder, ROOT / ".cache" / "curate")
    out: dict[str, list[list[float]]] = defaultdict(list)
    for variant in variants:
        params = GRID[variant]
        features = build_features(texts, vectors, topic, embedder, params)
        for seed, prior in priors.items():
            run = replay(features, labels, prior, params, stop_at_recall=0.95)
            wss95, _, recall10 = work_metrics(run.order, labels, prior)
            out[variant].append([wss95, recall10])
            print(f"{name:18} {variant:45} seed {seed} WSS@95 {wss95:.3f} R@10% {recall10:.3f}", flush=True)
    if process is not None:
        process.wait()
        for seed, (order, _, _) in asreview_orders(orders, len(labels)).items():
            wss95, _, recall10 = work_metrics(order, labels, priors[seed])
            out["asreview elas_u4"].append([wss95, recall10])
            print(f"{name:18} {'asreview elas_u4':45} seed {seed} WSS@95 {wss95:.3f} R@10% {recall10:.3f}")
    return dict(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=None, help="variants to run (names of GRID)")
    parser.add_argument("--sets", nargs="*", default=None)
    parser.add_argument("--jobs", type=int, default=2, help="sets replayed at once (default 2)")
    parser.add_argument("--no-asreview", action="store_true")
    args = parser.parse_args()
    topics = json.loads((SYNERGY / "topics.json").read_text(encoding="utf-8"))
    variants = [name for name in GRID if not args.only or name in args.only]
    names = args.sets or sorted(topics)
    start = time.perf_counter()
    with ProcessPoolExecutor(args.jobs) as pool:
        futures = {n: pool.submit(run_set, n, topics[n], args.seeds, variants, not args.no_asreview) for n in names}
        by_set = {n: f.result() for n, f in futures.items()}
    print(f"\n{time.perf_counter() - start:.0f} s. Mean over seeds per set, then over sets:")
    systems = list(dict.fromkeys(system for result in by_set.values() for system in result))
    print(f"{'':45} " + " ".join(f"{n[:8]:>8}" for n in names) + "   WSS@95  R@10%")
    for system in systems:
        per_set = [statistics.mean(w for w, _ in by_set[n][system]) for n in names]
        recall = statistics.mean(statistics.mean(r for _, r in by_set[n][system]) for n in names)
        print(f"{system:45} " + " ".join(f"{v:8.3f}" for v in per_set)
              + f"   {statistics.mean(per_set):.3f}  {recall:.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
