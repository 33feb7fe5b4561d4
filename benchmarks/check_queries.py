"""Pick the fresh Indonesian check queries (40 SciFact train, 40 NFCorpus dev) deterministically.

Eligible ids: the source split's qrels (SciFact ``train.tsv``, NFCorpus ``dev.tsv``) minus every id
already in ``benchmarks/queries/*_id.jsonl`` minus every id in the dataset's ``qrels/test.tsv``.
Sorted numerically, ``k = floor(len(eligible) / 40)``, take ``eligible[k // 2 :: k][:40]`` (the
middle of each stride, so no pick sits next to an id of the tuning files by construction).

    python benchmarks/check_queries.py ../shared/data/beir         # writes the *_check_en.jsonl files
    python benchmarks/check_queries.py ../shared/data/beir --verify  # checks the *_check_id.jsonl files
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "queries"
N = 40
SETS = {"scifact": ("train", "scifact_train"), "nfcorpus": ("dev", "nfcorpus_dev")}


def _ids(tsv: Path) -> set[str]:
    lines = tsv.read_text(encoding="utf-8").splitlines()[1:]
    return {line.split("\t")[0] for line in lines if line.strip()}


def _number(qid: str) -> int:
    return int(re.sub(r"\D", "", qid))


def pick(beir: Path, dataset: str) -> list[str]:
    split, stem = SETS[dataset]
    used = {json.loads(line)["_id"] for line in (HERE / f"{stem}_id.jsonl").read_text(encoding="utf-8").splitlines()}
    test = _ids(beir / dataset / "qrels" / "test.tsv")
    eligible = sorted(_ids(beir / dataset / "qrels" / f"{split}.tsv") - used - test, key=_number)
    k = len(eligible) // N
    return eligible[k // 2 :: k][:N]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("beir", type=Path)
    parser.add_argument("--verify", action="store_true")
    args = parser.parse_args()
    for dataset, (_, stem) in SETS.items():
        ids = pick(args.beir, dataset)
        test = _ids(args.beir / dataset / "qrels" / "test.tsv")
        if len(ids) != N or set(ids) & test:
            raise SystemExit(f"{dataset}: selection broken")
        if args.verify:
            for lang in ("en", "id"):
                got = [json.loads(x)["_id"] for x in (HERE / f"{stem}_check_{lang}.jsonl").read_text().splitlines()]
                if got != ids:
                    raise SystemExit(f"{stem}_check_{lang}.jsonl does not follow the selection rule")
            print(f"{dataset}: {N} check ids follow the rule; none is a test query")
            continue
        texts = {}
        for line in (args.beir / dataset / "queries.jsonl").read_text(encoding="utf-8").splitlines():
            q = json.loads(line)
            texts[q["_id"]] = q["text"]
        with open(HERE / f"{stem}_check_en.jsonl", "w", encoding="utf-8") as out:
            for qid in ids:
                out.write(json.dumps({"_id": qid, "text": texts[qid]}, ensure_ascii=False) + "\n")
        print(f"{dataset}: k={len(ids)} written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
