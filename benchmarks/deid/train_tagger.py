"""Train the de-identifier's CRF tagger (ebp/cases/tagger.py) on every development set, and measure it honestly.

Rebuild the shipped model (deterministic: L-BFGS from zero, the sets in a fixed order):
    .venv/bin/python benchmarks/deid/train_tagger.py
Check that ebp/data/deid_tagger.crfsuite is what the current data, features and word lists give (exit 1 if stale):
    .venv/bin/python benchmarks/deid/train_tagger.py --check
Leave-one-set-out (train on all sets but one, score the held-out one with rules ∪ tagger; the way C1, C2 and the
threshold were chosen):
    .venv/bin/python benchmarks/deid/train_tagger.py --loso [--grid]

Training data: SETS below, all development data. The held-out sets (blind*.jsonl) are never read here.
The model depends on the labelled notes, the tagger's features (ebp/cases/tagger.py) and the word lists
(ebp/data/deid_*.txt), not on the rules; a change to any of these needs a rebuild, and tests/test_deidentify.py runs
``--check`` so that a stale model fails.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from multiprocessing import Pool
from pathlib import Path

import pycrfsuite

from ebp.cases import tagger
from ebp.cases.deidentify import find_identifiers, rule_identifiers
from ebp.cases.patterns import Span

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SETS = ("cases", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9")
C1, C2 = 0.03, 0.01  # chosen with tagger.THRESHOLD by --loso --grid (pooled identifiers masked, then other words)
MIN_FREQ = 2  # features seen fewer times are dropped (keeps the model small)
MAX_ITERATIONS = 200
OUT = ROOT / "ebp" / "data" / tagger.MODEL

_spec = importlib.util.spec_from_file_location("eval_deid", HERE.parent / "eval_deid.py")
assert _spec and _spec.loader
eval_deid = importlib.util.module_from_spec(_spec)
sys.modules["eval_deid"] = eval_deid
_spec.loader.exec_module(eval_deid)


def load(name: str) -> list[dict]:  # type: ignore[type-arg]
    path = HERE / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def examples(records: list[dict]) -> list[tuple[list[list[str]], list[str]]]:  # type: ignore[type-arg]
    out = []
    for record in records:
        toks, seqs = tagger.features(record["text"])
        gold = [Span(g["start"], g["end"], g["kind"]) for g in record["spans"]]
        out.append((seqs, tagger.labels(toks, gold)))
    return out


def train(data: list[tuple[list[list[str]], list[str]]], c1: float = C1, c2: float = C2) -> bytes:
    trainer = pycrfsuite.Trainer(verbose=False)
    for seqs, labels in data:
        trainer.append(seqs, labels)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": MAX_ITERATIONS, "feature.minfreq": MIN_FREQ})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.crfsuite"
        trainer.train(str(path))
        return path.read_bytes()


def _fold(args: tuple[str, float, float, tuple[float, ...]]) -> dict[str, object]:
    """One held-out set: its figures for the rules alone and for rules ∪ tagger at each threshold."""
    held, c1, c2, thresholds = args
    model = train([x for name in SETS if name != held for x in examples(load(name))], c1, c2)
    records = load(held)
    rules = {r["text"]: rule_identifiers(r["text"]) for r in records}
    row: dict[str, object] = {"set": held, "rules": eval_deid.score(records, lambda text: rules[text])}
    for th in thresholds:  # the app's own function, with the fold's model
        row[th] = eval_deid.score(records, lambda text, th=th: find_identifiers(text, model=model, threshold=th))
    return row


def loso(c1: float, c2: float, thresholds: tuple[float, ...], workers: int = 2) -> list[dict[str, object]]:
    with Pool(workers) as pool:
        return pool.map(_fold, [(held, c1, c2, thresholds) for held in SETS])


def _totals(rows: list[dict[str, object]], key: object) -> tuple[float, float, float]:
    """Identifiers masked (pooled), other words masked (pooled), and the worst set's identifiers masked."""
    scores = [row[key] for row in rows]
    gold = sum(s.gold["all"] for s in scores)  # type: ignore[attr-defined]
    masked = sum(s.masked["all"] for s in scores)  # type: ignore[attr-defined]
    words = sum(s.other_words for s in scores)  # type: ignore[attr-defined]
    over = sum(s.other_masked for s in scores)  # type: ignore[attr-defined]
    return masked / gold, over / words, min(s.recall() for s in scores)  # type: ignore[attr-defined]


def report(rows: list[dict[str, object]], th: float) -> None:
    print(f"{'set':6} {'ids':>5} | rules alone: ids  other | rules ∪ tagger (t={th}): ids  other")
    for row in rows:
        r, u = row["rules"], row[th]
        print(
            f"{row['set']:6} {r.gold['all']:5} | {r.recall():17.1%} {r.over_rate():6.2%} |"  # type: ignore[attr-defined]
            f" {u.recall():27.1%} {u.over_rate():6.2%}"  # type: ignore[attr-defined]
        )
    a, b = _totals(rows, "rules"), _totals(rows, th)
    print(f"{'pooled':12} | {a[0]:17.1%} {a[1]:6.2%} | {b[0]:27.1%} {b[1]:6.2%}   worst set {a[2]:.1%} -> {b[2]:.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the shipped model is stale")
    parser.add_argument("--loso", action="store_true", help="leave-one-set-out figures")
    parser.add_argument("--grid", action="store_true", help="with --loso: try several C1, C2, thresholds")
    args = parser.parse_args()
    if args.loso:
        thresholds = (0.2, 0.3, 0.4, 0.5, 0.6) if args.grid else (tagger.THRESHOLD,)
        grid = [(0.03, 0.01), (0.3, 0.01), (0.1, 0.1), (0.1, 0.001), (1.0, 0.01)] if args.grid else [(C1, C2)]
        for c1, c2 in grid:
            rows = loso(c1, c2, thresholds)
            for th in thresholds:
                ids, other, worst = _totals(rows, th)
                print(f"c1={c1} c2={c2} t={th}: ids {ids:.2%} other {other:.2%} worst set {worst:.1%}", flush=True)
        if not args.grid:
            report(rows, tagger.THRESHOLD)
        return
    model = train([x for name in SETS for x in examples(load(name))])
    if args.check:
        fresh = OUT.is_file() and OUT.read_bytes() == model
        print("model up to date" if fresh else f"{OUT.name} is stale: rebuild with {Path(__file__).name}")
        raise SystemExit(0 if fresh else 1)
    OUT.write_bytes(model)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(model) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
