"""How well ebp.cases.deidentify masks planted identifiers (issue 18): recall by kind and language, over-masking.

An identifier counts as masked when every one of its non-space characters is covered by a mask.
Over-masking is the share of whitespace-separated words outside every gold span that a mask touches.
Targets (benchmarks/deid/GUIDE.md): identifiers masked >= 98 %, other words masked <= 5 %.

Usage: ``.venv/bin/python benchmarks/eval_deid.py [benchmarks/deid/cases.jsonl] [--errors] [--json]``
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ebp.cases.deidentify import find_identifiers
from ebp.cases.patterns import Span

HERE = Path(__file__).resolve().parent
DEFAULT = HERE / "deid" / "cases.jsonl"


@dataclass
class Score:
    gold: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    masked: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    other_words: int = 0
    other_masked: int = 0
    missed: list[str] = field(default_factory=list)
    over: list[str] = field(default_factory=list)

    def recall(self, key: str = "all") -> float:
        return self.masked[key] / self.gold[key] if self.gold[key] else 1.0

    def over_rate(self) -> float:
        return self.other_masked / self.other_words if self.other_words else 0.0


def score(records: list[dict], find: Callable[[str], list[Span]] = find_identifiers) -> Score:  # type: ignore[type-arg]
    """The figures of ``find`` (the whole de-identifier by default; train_tagger.py passes others) on ``records``."""
    result = Score()
    for record in records:
        text, lang = record["text"], record["language"]
        covered = [False] * len(text)
        for span in find(text):
            covered[span.start : span.end] = [True] * (span.end - span.start)
        in_gold = [False] * len(text)
        for gold in record["spans"]:
            in_gold[gold["start"] : gold["end"]] = [True] * (gold["end"] - gold["start"])
            ok = all(covered[i] for i in range(gold["start"], gold["end"]) if not text[i].isspace())
            for key in ("all", gold["kind"], lang, f"{lang}:{gold['kind']}"):
                result.gold[key] += 1
                result.masked[key] += ok
            if not ok:
                result.missed.append(f"{record['id']} {gold['kind']}: {gold['text']!r}")
        for m in re.finditer(r"\S+", text):
            if any(in_gold[m.start() : m.end()]):
                continue
            result.other_words += 1
            if any(covered[m.start() : m.end()]):
                result.other_masked += 1
                result.over.append(f"{record['id']}: {m.group(0)!r}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", action="store_true", help="list the missed identifiers and over-masked words")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = score(records)
    kinds = sorted(k for k in result.gold if ":" not in k and k not in ("all", "id", "en"))
    figures = {
        "notes": len(records),
        "identifiers": result.gold["all"],
        "masked": round(result.recall(), 4),
        "by_language": {lang: round(result.recall(lang), 4) for lang in ("id", "en") if result.gold[lang]},
        "by_kind": {k: [result.masked[k], result.gold[k]] for k in kinds},
        "other_words": result.other_words,
        "other_words_masked": round(result.over_rate(), 4),
    }
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print(f"{args.path.name}: {len(records)} notes, {result.gold['all']} identifiers")
        print(f"identifiers masked: {result.recall():.1%} (target >= 98%)")
        for lang in ("id", "en"):
            if result.gold[lang]:
                print(f"  {lang}: {result.recall(lang):.1%} of {result.gold[lang]}")
        for kind in kinds:
            print(f"  {kind:10} {result.masked[kind]:4}/{result.gold[kind]:<4} {result.recall(kind):.1%}")
        print(
            f"other words masked: {result.other_masked}/{result.other_words} = {result.over_rate():.1%} (target <= 5%)"
        )
    if args.errors:
        print("\nmissed:", *result.missed, sep="\n  ")
        print("\nover-masked:", *result.over, sep="\n  ")


if __name__ == "__main__":
    main()
