"""How many COPES parts ``ebp.retrieve.copes.copes`` fills in right on the team's 40 cases.

    .venv/bin/python benchmarks/eval_copes.py [--errors dev] [--json]

The cases (``benchmarks/copes/cases.jsonl``, 20 Indonesian, 20 English) and their COPES parts were written
by reading, before and apart from the method (``benchmarks/copes/GUIDE.md``). Five parts are scored per
case: client, option, comparison, expected outcome and question type. A part is right when, after
lower-casing and trimming whitespace and trailing punctuation, it equals the gold or one of the gold's
alternatives; a gold ``""`` is matched only by ``""``. Every part is one of three outcomes:

- right;
- wrong and filled (ebp wrote something that is not the gold: the mistake a practitioner has to undo);
- empty when the gold is not (ebp left it for the practitioner to fill in: the lesser mistake).

The cases are split in two halves by a hash of the case id: the rules were revised while reading the
mistakes on ``dev`` only (``--errors dev``); ``test`` was scored once, at the end. Both halves, all cases
and each language are printed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import string
import sys
from dataclasses import asdict
from pathlib import Path

from ebp.retrieve.copes import copes

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "benchmarks" / "copes" / "cases.jsonl"
PARTS = ("client", "option", "comparison", "expected_outcome", "question_type")
GROUPS = ("dev", "test", "all", "id", "en")


def half(case_id: str) -> str:
    """``dev`` or ``test``, fixed by the case id."""
    return "dev" if int(hashlib.sha1(case_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


def normalised(phrase: str) -> str:
    """The form two parts are compared in. Example: ``normalised(" Korban KDRT. ") == "korban kdrt"``"""
    return " ".join(phrase.lower().split()).rstrip(string.punctuation + " ")


def load_cases(path: Path = CASES) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def outcome(predicted: str, gold: str, alternatives: list[str]) -> str:
    """``right``, ``wrong`` (filled and wrong) or ``empty`` (empty when the gold is not)."""
    accepted = {normalised(gold)} | ({normalised(a) for a in alternatives} if gold.strip() else set())
    if normalised(predicted) in accepted:
        return "right"
    return "wrong" if normalised(predicted) else "empty"


def score_case(case: dict) -> dict:
    """The case's predicted parts and the outcome of each."""
    predicted = asdict(copes(case["case"]))
    alternatives = case.get("alternatives", {})
    return {
        "id": case["id"],
        "language": case["language"],
        "half": half(case["id"]),
        "predicted": {part: predicted[part] for part in PARTS},
        "outcomes": {part: outcome(predicted[part], case[part], alternatives.get(part, [])) for part in PARTS},
    }


def summary(rows: list[dict]) -> dict:
    """Parts right overall and per part, and the two kinds of mistake, as fractions of all parts."""
    if not rows:
        return {"cases": 0}
    outcomes = [row["outcomes"][part] for row in rows for part in PARTS]
    out: dict[str, float | int] = {"cases": len(rows), "parts": len(outcomes)}
    for kind, key in (("right", "parts_right"), ("wrong", "wrong_filled"), ("empty", "empty_missed")):
        out[key] = round(outcomes.count(kind) / len(outcomes), 3)
    for part in PARTS:
        out[part] = round(sum(row["outcomes"][part] == "right" for row in rows) / len(rows), 3)
    return out


def evaluate(cases: list[dict]) -> dict[str, dict]:
    """The summary of the dev and test halves, all cases, and each language."""
    rows = [score_case(case) for case in cases]
    groups = {
        "dev": [r for r in rows if r["half"] == "dev"],
        "test": [r for r in rows if r["half"] == "test"],
        "all": rows,
        "id": [r for r in rows if r["language"] == "id"],
        "en": [r for r in rows if r["language"] == "en"],
    }
    return {name: summary(group) for name, group in groups.items()}


def print_errors(cases: list[dict], which: str) -> None:
    for case in cases:
        if half(case["id"]) != which:
            continue
        row = score_case(case)
        wrong = [part for part in PARTS if row["outcomes"][part] != "right"]
        if not wrong:
            continue
        print(f"--- {case['id']} ({case['language']}): {case['case']}")
        for part in wrong:
            alternatives = case.get("alternatives", {}).get(part, [])
            also = f"  (also {alternatives})" if alternatives else ""
            print(f"  {part:16} {row['outcomes'][part]:5} ebp: {row['predicted'][part]!r}  gold: {case[part]!r}{also}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=("dev",), help="list the mistakes on the dev half")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    cases = load_cases()
    if args.errors:
        print_errors(cases, args.errors)
    report = evaluate(cases)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    for name in GROUPS:
        r = report[name]
        parts = ", ".join(f"{part} {r[part]:.2f}" for part in PARTS)
        mistakes = f"wrong and filled {r['wrong_filled']:.3f}, empty when gold is not {r['empty_missed']:.3f}"
        print(f"{name:4} ({r['cases']:>2} cases): parts right {r['parts_right']:.3f} ({mistakes}); {parts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
