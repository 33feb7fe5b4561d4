"""Which search results should the evidence brief read? Precision and recall of the brief's documents against
the team's judged cases, with the floor alone and with the "close to the best" rule.

    .venv/bin/python benchmarks/eval_brief_relevance.py [--index index] [--json]

The 40 cases (``benchmarks/copes/cases.jsonl``, 20 Indonesian, 20 English) and the relevance of each demo document
to each case (``benchmarks/copes/demo_qrels.tsv``, 0/1/2, written by reading before this rule existed) are searched
on the demo index (top 10, as ``ebp brief``). A document counts as relevant when judged 1 or 2. Per case: precision
(share of the brief's documents that are relevant) and recall (share of the relevant documents in the top 10 that
the brief reads), averaged over cases. The rule's two values (the model's window,
``ebp.present.cards.MODEL_NEAR_BEST``, and ``ebp.present.brief.NEAR_BEST_LEXICAL``) are chosen on the
odd-numbered cases and scored on the even ones, and the other way round; the script prints both choices and the
held-out figures.

Needs the demo index (``ebp index`` on ``corpus/``, which the app's first start builds).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
from eval_boost import load_judged  # the script's own folder is on sys.path

ROOT = Path(__file__).resolve().parents[1]
DENSE_GRID = (None, 0.01, 0.02, 0.03, 0.05)
LEXICAL_GRID = (None, 0.3, 0.4, 0.5, 0.6, 0.7)


def kept(rows: list[dict], floor: float, dense: float | None, lexical: float | None) -> list[dict]:
    """The rows the brief reads: above the floor, then ``ebp.present.brief.close_to_best`` with these values."""
    from ebp.present.brief import close_to_best

    above = [r for r in rows if r["hit"].why.dense_score is None or r["hit"].why.dense_score >= floor]
    chosen = {id(h) for h in close_to_best([r["hit"] for r in above], dense, lexical)}
    return [r for r in above if id(r["hit"]) in chosen]


def figures(cases: list[dict], floor: float, dense: float | None, lexical: float | None) -> dict[str, float]:
    precision, recall = [], []
    for case in cases:
        chosen = kept(case["rows"], floor, dense, lexical)
        relevant = sum(r["relevance"] > 0 for r in case["rows"])
        hits = sum(r["relevance"] > 0 for r in chosen)
        precision.append(hits / len(chosen) if chosen else float(relevant == 0))
        recall.append(hits / relevant if relevant else 1.0)
    p, r = float(np.mean(precision)), float(np.mean(recall))
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=ROOT / "index")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from ebp.config import Settings
    from ebp.embed import load_embedder
    from ebp.present.brief import NEAR_BEST_LEXICAL
    from ebp.present.cards import near_best_window, relevance_floor
    from ebp.retrieve.search import Searcher

    if not (args.index / "ebp.sqlite").exists():
        print(f"no index at {args.index}; run `ebp index` on the demo corpus first", file=sys.stderr)
        return 2
    judged_cases, judged = load_judged()
    settings = Settings.from_env()
    searcher = Searcher(args.index, load_embedder(settings.model, settings.batch_size, settings.embed_precision))
    floor = relevance_floor(searcher.embedder.name, settings.relevance_floor)
    options = replace(settings.search_options(), k=10)
    cases = []
    for case in judged_cases:
        if case["id"] not in judged:
            continue
        rows = [
            {"hit": h, "relevance": judged[case["id"]].get(str(h.document.path), 0)}
            for h in searcher.search(case["case"], options)
        ]
        cases.append({"id": case["id"], "rows": rows})
    halves = {
        "odd": [c for c in cases if int(c["id"][1:]) % 2],
        "even": [c for c in cases if not int(c["id"][1:]) % 2],
    }
    grid = [(d, w) for d in DENSE_GRID for w in LEXICAL_GRID if (d, w) != (None, None)]
    window = near_best_window(searcher.embedder.name)
    report: dict = {"cases": len(cases), "floor": floor, "shipped": [window, NEAR_BEST_LEXICAL]}
    report["floor_only"] = figures(cases, floor, None, None)
    report["shipped_rule"] = figures(cases, floor, window, NEAR_BEST_LEXICAL if window is not None else None)
    for tune, test in (("odd", "even"), ("even", "odd")):
        best = max(grid, key=lambda g: (figures(halves[tune], floor, *g)["f1"], g[0] or 0, -(g[1] or 0)))
        report[f"chosen_on_{tune}"] = {
            "values": list(best),
            f"held_out_{test}": figures(halves[test], floor, *best),
            f"floor_only_{test}": figures(halves[test], floor, None, None),
        }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{report['cases']} judged cases, top 10 each, relevance floor {floor}")
    print(f"floor only:                  {report['floor_only']}")
    print(f"shipped rule {report['shipped']}: {report['shipped_rule']}")
    for tune, test in (("odd", "even"), ("even", "odd")):
        chosen = report[f"chosen_on_{tune}"]
        print(
            f"chosen on {tune} cases {chosen['values']}: held-out {test} {chosen[f'held_out_{test}']} "
            f"(floor only {chosen[f'floor_only_{test}']})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
