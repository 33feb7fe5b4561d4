"""ebp's screening against ASReview's default model (elas_u4), same data, same prior records, same seeds, one run.

For each seed, one include and one exclude are drawn (``ebp.curate.simulate.prior_rows``) and both systems start
from those two records; each then screens until every include is found, re-ranking after every decision.
Metrics without the prior records (as asreview-insights): WSS@95, WSS@100, recall after 10 % screened.
ASReview runs in its own virtual environment (.venv-asreview, ``pip install asreview==3.0.8``) through
``benchmarks/curate/asreview_runner.py``; ebp runs here. ebp's parameters were chosen on NFCorpus
(``benchmarks/curate/tune.py``), not on this data.

    .venv/bin/python benchmarks/curate_vs_asreview.py [--csv ../shared/data/screening/nudging.csv] [--seeds 10]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from ebp.curate.cli import cached_vectors
from ebp.curate.records import read_records
from ebp.curate.screen import build_features
from ebp.curate.simulate import prior_rows, replay, work_metrics
from ebp.embed import load_embedder

ROOT = Path(__file__).resolve().parents[1]
NUDGING = ROOT.parent / "shared" / "data" / "screening" / "nudging.csv"
ASREVIEW_PYTHON = ROOT / ".venv-asreview" / "bin" / "python"
# Written from the review's subject (Nagtegaal et al. 2019, nudging healthcare professionals towards
# evidence-based medicine), not from its included records.
TOPICS = {
    "en": "Nudging healthcare professionals towards evidence-based medicine: choice architecture interventions such"
    " as defaults, reminders, feedback and social norms that change the clinical decisions of physicians and nurses",
    "id": "Nudging tenaga kesehatan menuju kedokteran berbasis bukti: intervensi arsitektur pilihan seperti pilihan"
    " bawaan, pengingat, umpan balik dan norma sosial yang mengubah keputusan klinis dokter dan perawat",
}


def summary(values: list[float]) -> dict[str, float]:
    return {
        "mean": round(statistics.mean(values), 4),
        "sd": round(statistics.stdev(values), 4) if len(values) > 1 else 0.0,
    }


def start_asreview(csv: Path, jobs: list[dict[str, object]], out: Path) -> subprocess.Popen[bytes]:
    """ASReview in its own venv, started first so that it runs beside ebp's replays (one core each); its screening
    orders go to ``out``, one JSON line per seed."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(jobs, fh)
    runner = ROOT / "benchmarks" / "curate" / "asreview_runner.py"
    with out.open("w") as sink:
        # In the output's folder: ASReview's dataset module leaves an HTTP cache (synergy_cache.sqlite) where it runs.
        return subprocess.Popen([str(ASREVIEW_PYTHON), str(runner), str(csv.resolve()), fh.name], stdout=sink,
                                stderr=subprocess.DEVNULL, cwd=out.parent)  # fmt: skip


def asreview_orders(orders: Path, records: int) -> dict[int, tuple[list[int], int, float]]:
    """Per seed, from the runner's output: ASReview's screening order with every record in it (it stops at the
    last include: the rest follow in row order), how many records it read itself, and the seconds it took."""
    out = {}
    for done in [json.loads(line) for line in orders.read_text().splitlines() if line.startswith("{")]:
        order = [int(r) for r in done["order"]]
        out[int(done["seed"])] = (order + sorted(set(range(records)) - set(order)), len(order), float(done["seconds"]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", type=Path, default=NUDGING)
    parser.add_argument("--label-column", default="included")
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--topics", nargs="*", default=["en", "id"], choices=sorted(TOPICS))
    parser.add_argument("--no-asreview", action="store_true")
    args = parser.parse_args()
    records = read_records(args.csv.read_bytes(), args.csv.name).records
    labels = [int(float(r.extra[args.label_column])) for r in records]
    texts = [r.text for r in records]
    priors = {seed: prior_rows(labels, seed) for seed in range(args.seeds)}
    orders = Path(tempfile.mkdtemp()) / "asreview.jsonl"
    jobs = [{"seed": s, "prior": p} for s, p in priors.items()]
    asreview = None if args.no_asreview else start_asreview(args.csv, jobs, orders)
    embedder = load_embedder("e5-small")
    vectors = cached_vectors(texts, embedder, ROOT / ".cache" / "curate")
    results: dict[str, dict[str, list[float]]] = {}

    def add(system: str, order: list[int], prior: list[int], seconds: float, seed: int) -> None:
        wss95, wss100, recall10 = work_metrics(order, labels, prior)
        row = results.setdefault(system, {"wss95": [], "wss100": [], "recall_at_10pct": [], "s_per_decision": []})
        for key, value in zip(row, (wss95, wss100, recall10, seconds), strict=True):
            row[key].append(value)
        print(f"{system:12} seed {seed} WSS@95 {wss95:.3f} WSS@100 {wss100:.3f} R@10% {recall10:.3f} "
              f"({seconds:.3f} s/decision)", flush=True)  # fmt: skip

    start = time.perf_counter()
    features = {lang: build_features(texts, vectors, TOPICS[lang], embedder) for lang in args.topics}
    for seed, prior in priors.items():  # seed by seed, both topics: an interrupted run still compares like with like
        for lang in args.topics:
            run = replay(features[lang], labels, prior)
            add(f"ebp ({lang})", list(run.order), prior, run.seconds_per_decision, seed)
    if asreview is not None:
        asreview.wait()
        for seed, (order, read, seconds) in asreview_orders(orders, len(labels)).items():
            add("asreview", order, priors[seed], seconds / max(1, read - len(priors[seed])), seed)
    print(f"{time.perf_counter() - start:.0f} s in all", flush=True)
    report = {
        "data": str(args.csv.name),
        "records": len(records),
        "included": sum(labels),
        "seeds": args.seeds,
        "prior": "1 include + 1 exclude per seed, the same for both systems",
        "systems": {name: {k: summary(v) for k, v in metrics.items()} for name, metrics in results.items()},
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
