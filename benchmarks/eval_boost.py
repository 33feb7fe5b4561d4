"""Does the design boost help or hurt? nDCG@10 on the team's 40 cases, boost off vs on.

    .venv/bin/python benchmarks/eval_boost.py [--index index] [--json]

The cases (``benchmarks/copes/cases.jsonl``, 20 Indonesian, 20 English) and the relevance of each demo
document to each case (``benchmarks/copes/demo_qrels.tsv``, 0/1/2) were written by reading, before the
boost was changed (``benchmarks/copes/GUIDE.md``). Each case is searched on the demo index twice: without a
boost, and with the boost the app turns on by itself (the question type ebp reads from the case, as the
app and ``ebp search --question-type auto`` do). Nothing here is fitted on these cases: the boost's two
bounds (``ebp.retrieve.fusion.BOOST_MAX_MOVE``, ``BOOST_COMPARABLE``) were set from the rule "a boost
reorders near-ties", not tuned on this set.

Needs the demo index (``ebp index`` on ``corpus/``, which the app's first start builds).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "benchmarks" / "copes" / "cases.jsonl"
QRELS = ROOT / "benchmarks" / "copes" / "demo_qrels.tsv"


def ndcg(ranked: list[str], gains: dict[str, int], k: int = 10) -> float:
    """nDCG@k with graded gains (2 = answers the case, 1 = related)."""
    dcg = sum(gains.get(doc, 0) / math.log2(i + 2) for i, doc in enumerate(ranked[:k]))
    ideal = sorted(gains.values(), reverse=True)[:k]
    best = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / best if best else 0.0


def load_judged() -> tuple[list[dict], dict[str, dict[str, int]]]:
    """The team's cases, and each demo document's judged relevance to each case (0, 1 or 2)."""
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    judged: dict[str, dict[str, int]] = {}
    for line in QRELS.read_text(encoding="utf-8").splitlines()[1:]:
        case_id, doc, relevance = line.split("\t")
        judged.setdefault(case_id, {})[doc] = int(relevance)
    return cases, judged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=ROOT / "index")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from ebp.config import Settings
    from ebp.embed import load_embedder
    from ebp.retrieve.copes import copes, design_boost
    from ebp.retrieve.search import Searcher

    if not (args.index / "ebp.sqlite").exists():
        print(f"no index at {args.index}; run `ebp index` on the demo corpus first", file=sys.stderr)
        return 2
    cases, judged = load_judged()
    gains = {c: {d: r for d, r in docs.items() if r > 0} for c, docs in judged.items()}
    gains = {c: g for c, g in gains.items() if g}  # cases with a relevant document

    settings = Settings.from_env()
    searcher = Searcher(args.index, load_embedder(settings.model, settings.batch_size, settings.embed_precision))
    base = replace(settings.search_options(), k=10)
    rows = []
    for case in cases:
        if case["id"] not in gains:
            continue
        question = copes(case["case"]).question_type
        runs = {}
        for name, boost in (("off", {}), ("on", design_boost(question) if question else {})):
            hits = searcher.search(case["case"], replace(base, design_boost=boost))
            runs[name] = [h.document.path for h in hits]
        rows.append(
            {
                "id": case["id"],
                "language": case["language"],
                "question_type": question,
                "off": ndcg(runs["off"], gains[case["id"]]),
                "on": ndcg(runs["on"], gains[case["id"]]),
            }
        )
    summary = {}
    for lang in ("id", "en", "all"):
        part = [r for r in rows if lang == "all" or r["language"] == lang]
        summary[lang] = {
            "cases": len(part),
            "ndcg10_off": round(sum(r["off"] for r in part) / len(part), 4),
            "ndcg10_on": round(sum(r["on"] for r in part) / len(part), 4),
            "worse": sum(r["on"] < r["off"] - 1e-9 for r in part),
            "better": sum(r["on"] > r["off"] + 1e-9 for r in part),
        }
    if args.json:
        print(json.dumps({"summary": summary, "cases": rows}, indent=2))
        return 0
    for lang, s in summary.items():
        print(
            f"{lang:>3}: {s['cases']} cases  nDCG@10 boost off {s['ndcg10_off']:.4f}  on {s['ndcg10_on']:.4f}  "
            f"(on better in {s['better']}, worse in {s['worse']})"
        )
    for r in rows:
        if abs(r["on"] - r["off"]) > 1e-9:
            print(f"  {r['id']} ({r['language']}, {r['question_type'] or '-'}): off {r['off']:.3f} → on {r['on']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
