"""Pick the fresh Indonesian check queries (SciFact train, NFCorpus dev) deterministically.

Round 1 (40 + 40, ``*_check_*.jsonl``): eligible ids are the source split's qrels (SciFact
``train.tsv``, NFCorpus ``dev.tsv``) minus every id already in ``benchmarks/queries/<stem>_id.jsonl``
minus every id in the dataset's ``qrels/test.tsv``. Sorted numerically, ``k = floor(len(eligible) / N)``,
take ``eligible[k // 2 :: k][:N]`` (the middle of each stride, so no pick sits next to an id of the
tuning files by construction).

Round 2 (60 + 60, ``*_check2_*.jsonl``): the same rule with N = 60, also minus every id of the round-1
check files. Each round excludes the tuning file and the check files of all earlier rounds.

    python benchmarks/check_queries.py ../shared/data/beir                      # writes the *_check_en.jsonl files
    python benchmarks/check_queries.py ../shared/data/beir --verify             # checks the round-1 files
    python benchmarks/check_queries.py ../shared/data/beir --round 2 --verify   # same for round 2 (*_check2_*)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "queries"
ROUNDS = {1: 40, 2: 60}  # round -> queries per dataset
SETS = {"scifact": ("train", "scifact_train"), "nfcorpus": ("dev", "nfcorpus_dev")}


def _ids(tsv: Path) -> set[str]:
    lines = tsv.read_text(encoding="utf-8").splitlines()[1:]
    return {line.split("\t")[0] for line in lines if line.strip()}


def _number(qid: str) -> int:
    return int(re.sub(r"\D", "", qid))


def _suffix(rnd: int) -> str:
    return "check" if rnd == 1 else f"check{rnd}"


def _file_ids(path: Path) -> list[str]:
    return [json.loads(line)["_id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def pick(beir: Path, dataset: str, rnd: int = 1) -> list[str]:
    split, stem = SETS[dataset]
    used = set(_file_ids(HERE / f"{stem}_id.jsonl"))
    for earlier in range(1, rnd):
        used |= set(_file_ids(HERE / f"{stem}_{_suffix(earlier)}_id.jsonl"))
    test = _ids(beir / dataset / "qrels" / "test.tsv")
    eligible = sorted(_ids(beir / dataset / "qrels" / f"{split}.tsv") - used - test, key=_number)
    n = ROUNDS[rnd]
    k = len(eligible) // n
    return eligible[k // 2 :: k][:n]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("beir", type=Path)
    parser.add_argument("--round", type=int, choices=sorted(ROUNDS), default=1, dest="rnd")
    parser.add_argument("--verify", action="store_true")
    args = parser.parse_args()
    n, suffix = ROUNDS[args.rnd], _suffix(args.rnd)
    for dataset, (_, stem) in SETS.items():
        ids = pick(args.beir, dataset, args.rnd)
        test = _ids(args.beir / dataset / "qrels" / "test.tsv")
        if len(ids) != n or set(ids) & test:
            raise SystemExit(f"{dataset}: selection broken")
        if args.verify:
            for lang in ("en", "id"):
                if _file_ids(HERE / f"{stem}_{suffix}_{lang}.jsonl") != ids:
                    raise SystemExit(f"{stem}_{suffix}_{lang}.jsonl does not follow the selection rule")
            print(f"{dataset}: {n} round-{args.rnd} check ids follow the rule; none is a test query")
            continue
        texts = {}
        for line in (args.beir / dataset / "queries.jsonl").read_text(encoding="utf-8").splitlines():
            q = json.loads(line)
            texts[q["_id"]] = q["text"]
        with open(HERE / f"{stem}_{suffix}_en.jsonl", "w", encoding="utf-8") as out:
            for qid in ids:
                out.write(json.dumps({"_id": qid, "text": texts[qid]}, ensure_ascii=False) + "\n")
        print(f"{dataset}: {len(ids)} ids written to {stem}_{suffix}_en.jsonl", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
