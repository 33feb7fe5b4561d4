"""SYNERGY (ASReview's 26 labelled screening sets; CC0, OpenAlex metadata) as CSV files for tuning ebp's screening
model, so that nudging.csv stays an outside check: Nudging is not one of SYNERGY's sets.

SYNERGY's v1 release keeps each set as OpenAlex works (title, abstract as an inverted index) and a labels file.
Get it once, then export the sets used for tuning, ``SETS``: the nine sets of at most 3,000 records (so that a
tuning run fits two cores) whose works were in the snapshot we had (the others' works files were absent from
it); chosen before any was simulated, 7,234 records, 9 to 96 included each:

    git clone --branch releases/v1 https://github.com/asreview/synergy-dataset ../synergy-v1
    .venv/bin/python benchmarks/curate/synergy.py ../synergy-v1     # -> .cache/synergy/NAME.csv

A bare git repository (a mirror) works too: its ``releases/v1`` branch is read. Each CSV has the columns
title, abstract, included (records without a title left out, as ebp's importer would skip them); the topic of
each set is the title of the review it came from (``topics.json``), used as written, never edited after
looking at the records.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / ".cache" / "synergy"
SETS = (
    "Chou_2004",
    "Donners_2021",
    "Jeyaraman_2020",
    "Meijboom_2021",
    "Menon_2022",
    "Nelson_2002",
    "Oud_2018",
    "Sep_2021",
    "van_der_Valk_2021",
)
BRANCH = "releases/v1"


def reader(source: Path):  # type: ignore[no-untyped-def]
    """A function reading a file of the v1 release: from a checkout, or from a bare repository's branch."""
    if (source / "Nelson_2002").is_dir():
        return lambda name: (source / name).read_bytes()
    return lambda name: (
        subprocess.run(
            ["git", "--git-dir", str(source), "show", f"{BRANCH}:{name}"], check=True, capture_output=True
        ).stdout
    )


def abstract(inverted: dict[str, list[int]] | None) -> str:
    """OpenAlex's inverted index back to text.

    Example: ``abstract({"b": [1], "a": [0]}) == "a b"``
    """
    if not inverted:
        return ""
    at = {position: word for word, positions in inverted.items() for position in positions}
    return " ".join(at[i] for i in sorted(at))


def export(read, name: str) -> tuple[list[dict[str, str]], str]:  # type: ignore[no-untyped-def]
    """The set's records (in labels.csv order) and its review's title."""
    works: dict[str, dict] = {}  # type: ignore[type-arg]
    with zipfile.ZipFile(io.BytesIO(read(f"{name}/works_1.zip"))) as archive:
        for member in archive.namelist():
            for work in json.loads(archive.read(member)):
                works[work["id"]] = work
    rows = []
    for label in csv.DictReader(io.StringIO(read(f"{name}/labels.csv").decode("utf-8"))):
        work = works.get(label["openalex_id"])
        if work is None or not (work.get("title") or "").strip():
            continue  # ebp's importer skips a record without a title; both systems must see the same rows
        rows.append({
            "title": (work.get("title") or "").strip(),
            "abstract": abstract(work.get("abstract_inverted_index")),
            "included": str(int(float(label["label_included"]))),
        })  # fmt: skip
    review = json.loads(read(f"{name}/metadata_publication.json"))
    return rows, (review.get("title") or review.get("display_name") or "").strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="a checkout of SYNERGY's releases/v1 branch, or a bare repository")
    args = parser.parse_args()
    source = args.source.resolve()
    read = reader(source)
    names = SETS
    OUT.mkdir(parents=True, exist_ok=True)
    topics = {}
    for name in names:
        rows, title = export(read, name)
        with (OUT / f"{name}.csv").open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=["title", "abstract", "included"])
            writer.writeheader()
            writer.writerows(rows)
        topics[name] = title
        included = sum(int(r["included"]) for r in rows)
        print(f"{name:26} {len(rows):5} records {included:4} included  topic: {title}")
    (OUT / "topics.json").write_text(json.dumps(topics, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
