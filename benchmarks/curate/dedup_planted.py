"""Deduplication on an RIS export with planted duplicates: how many are merged, and whether two different papers
ever are.

Base records: SciFact's 5,183 abstracts (real titles and abstracts) given made-up authors, years and DOIs, written
as RIS. Planted: 500 duplicates of random records, each changed the way two database exports of one paper differ
(DOI dropped or written as a URL, title case, punctuation, markup, a typo or a subtitle separator, author written
"J. Smith" instead of "Smith, J.", year one off, abstract re-wrapped or with a copyright line, a few words changed).
Hard non-duplicates: 100 pairs of different papers with the same title (an editorial, part I and II of a series,
a title reused years later by other authors). The file is read back with ``ebp.curate.records.read_ris``.

    .venv/bin/python benchmarks/curate/dedup_planted.py [--duplicates 500]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from ebp.curate.dedup import deduplicate
from ebp.curate.records import read_ris

ROOT = Path(__file__).resolve().parents[2]
SCIFACT = ROOT.parent / "shared" / "data" / "beir" / "scifact" / "corpus.jsonl"
FAMILIES = ["Smith", "Wijaya", "Nguyen", "Okafor", "Müller", "García", "Tanaka", "Kowalski", "Hassan", "Brown"]
GIVEN = ["John", "Siti", "Anh", "Chidi", "Anna", "María", "Yuki", "Piotr", "Amina", "Lee"]


def ris(entry: dict[str, object]) -> str:
    lines = ["TY  - JOUR", f"TI  - {entry['title']}"]
    lines += [f"AU  - {a}" for a in entry["authors"]]  # type: ignore[attr-defined]
    if entry.get("year"):
        lines.append(f"PY  - {entry['year']}")
    if entry.get("doi"):
        lines.append(f"DO  - {entry['doi']}")
    if entry.get("url"):
        lines.append(f"UR  - {entry['url']}")
    if entry.get("abstract"):
        lines.append(f"AB  - {entry['abstract']}")
    lines.append(f"ID  - {entry['id']}")
    return "\n".join(lines) + "\nER  - \n"


def variant(base: dict[str, object], rng: random.Random, number: int) -> dict[str, object]:
    """Another export of the same paper."""
    dup = dict(base, id=f"dup{number}:{base['id']}")
    title = str(base["title"])
    change = rng.choice(["case", "punct", "markup", "typo", "colon"])
    if change == "case":
        title = title.upper() if rng.random() < 0.5 else title.lower()
    elif change == "punct":
        title = title.rstrip(".") + "." if not title.endswith(".") else title.rstrip(".")
    elif change == "markup":
        words = title.split()
        i = rng.randrange(len(words))
        words[i] = f"<i>{words[i]}</i>"
        title = " ".join(words)
    elif change == "typo" and len(title) > 30:
        i = rng.randrange(5, len(title) - 5)
        title = title[:i] + title[i + 1 :]
    else:
        title = title.replace(":", " -", 1) if ":" in title else title + " "
    dup["title"] = title
    if rng.random() < 0.5:
        dup["doi"] = None
        if rng.random() < 0.4:
            dup["url"] = f"https://doi.org/{base['doi']}"
    if rng.random() < 0.3:
        dup["year"] = int(base["year"]) + 1  # type: ignore[call-overload]  # online first, then in print
    authors = list(base["authors"])  # type: ignore[call-overload]
    if rng.random() < 0.5:
        authors = [f"{a.split(', ')[1]} {a.split(', ')[0]}" for a in authors]
    dup["authors"] = authors
    abstract = str(base["abstract"])
    if rng.random() < 0.3:
        abstract += " © 2019 The Authors. Published by Elsevier Inc."
    if rng.random() < 0.3:
        words = abstract.split()
        for _ in range(3):
            words[rng.randrange(len(words))] = rng.choice(["the", "a", "of"])
        abstract = " ".join(words)
    dup["abstract"] = abstract
    return dup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duplicates", type=int, default=500)
    parser.add_argument("--same-title-pairs", type=int, default=100)
    args = parser.parse_args()
    rng = random.Random(7)
    base = []
    for i, line in enumerate(SCIFACT.open(encoding="utf-8")):
        doc = json.loads(line)
        if not doc.get("title"):
            continue
        k = rng.randrange(len(FAMILIES))
        authors = [f"{FAMILIES[k]}, {GIVEN[k]}", f"{FAMILIES[(k + 3) % 10]}, {GIVEN[(k + 5) % 10]}"]
        base.append({"id": f"sf{doc['_id']}", "title": doc["title"], "abstract": doc["text"], "authors": authors,
                     "year": 1990 + i % 30, "doi": f"10.5555/sf.{doc['_id']}"})  # fmt: skip
    entries = list(base)
    planted = {}
    for number, original in enumerate(rng.sample(base, args.duplicates)):
        dup = variant(original, rng, number)
        planted[dup["id"]] = original["id"]
        entries.append(dup)
    different = []
    for number, original in enumerate(rng.sample(base, args.same_title_pairs)):
        other = {"id": f"other{number}", "title": original["title"], "abstract": "", "doi": f"10.5555/other.{number}",
                 "authors": ["Kim, Jae"], "year": int(original["year"]) + 6}  # type: ignore[call-overload]  # fmt: skip
        if number % 2:  # no DOI: only the year and author tell them apart
            other["doi"] = None
        different.append((other["id"], original["id"]))
        entries.append(other)
    rng.shuffle(entries)
    text = "\n".join(ris(e) for e in entries)
    records = read_ris(text, "planted.ris").records
    start = time.perf_counter()
    result = deduplicate(records)
    seconds = time.perf_counter() - start
    group_of = {}
    for merge in result.merges:
        for key in (merge.kept, *merge.merged):
            group_of[key] = merge.kept
    merged = sum(1 for dup, original in planted.items() if group_of.get(dup, dup) == group_of.get(original, original))
    false_pairs = sum(1 for a, b in different if group_of.get(a, a) == group_of.get(b, b))
    originals = {e["id"] for e in base}
    wrong_groups = sum(
        1 for m in result.merges if len({planted.get(k, k) for k in (m.kept, *m.merged)} & originals) > 1
    )
    print(json.dumps({"records": len(records), "planted_duplicates": len(planted), "merged": merged,
                      "merged_share": round(merged / len(planted), 4), "same_title_different_papers": len(different),
                      "false_merges_same_title": false_pairs, "groups_joining_two_originals": wrong_groups,
                      "seconds": round(seconds, 2)}, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
