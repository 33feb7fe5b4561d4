"""Status and reason of each malformed or edge-case PDF, as a Markdown table.

    .venv/bin/python benchmarks/edge_status_table.py [../shared/data/pdfs/edge] [--workers 2] [--seconds 60]
        [--no-passwords]

Parses every file of ``<edge>/files`` with ``ebp.ingest.isolate.IsolatedParser`` (worker processes with a
time limit and a memory cap), with the passwords the edge README gives unless --no-passwords, and
prints one row per file: status, reason, pages, seconds, and what the manifest expects; then the
count per status and the total time.
"""

from __future__ import annotations

import argparse
import csv
import logging
import sys
import time
from collections import Counter
from pathlib import Path

from ebp.errors import ParseError
from ebp.ingest.isolate import IsolatedParser, Limits

DEFAULT_EDGE = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "pdfs" / "edge"
PASSWORDS = {  # from the edge README; unstructured's password.pdf also opens with 'password'
    "pypdf_enc_r2_rc4_40_userpw.pdf": "asdfzxcv",
    "pypdf_enc_r4_aes128_userpw.pdf": "asdfzxcv",
    "pypdf_enc_r6_aes256_userpw.pdf": "asdfzxcv",
    "pypdf_crazyones_aes256_pw_password.pdf": "password",
    "pysample_libreoffice_pw_openpassword.pdf": "openpassword",
    "unstructured_password.pdf": "password",
}


def cell(text: str, width: int = 110) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= width else text[: width - 1] + "…"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edge_dir", type=Path, nargs="?", default=DEFAULT_EDGE)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=60.0, help="time limit per file")
    parser.add_argument("--memory-mb", type=int, default=1536, help="memory cap per worker")
    parser.add_argument("--no-passwords", action="store_true", help="do not supply the known passwords")
    args = parser.parse_args()
    files = args.edge_dir / "files"
    if not files.is_dir():
        print(f"skipped: {files} not found", file=sys.stderr)
        return 0
    logging.basicConfig(level=logging.ERROR)  # the table gives each file's reason
    with (args.edge_dir / "manifest.csv").open(newline="", encoding="utf-8") as fh:
        expected = {row["file"]: row["expected_behaviour"] for row in csv.DictReader(fh)}

    passwords = {} if args.no_passwords else PASSWORDS
    limits = Limits(seconds=args.seconds, memory_mb=args.memory_mb)
    started = time.perf_counter()
    counts: Counter[str] = Counter()
    print("| file | status | reason | pages | s | manifest expects |")
    print("|---|---|---|---:|---:|---|")
    with IsolatedParser(limits, passwords=passwords, workers=args.workers) as isolated:
        for outcome in isolated.parse_many(sorted(files.iterdir()), files):
            counts[outcome.status] += 1
            result = outcome.result
            if isinstance(result, ParseError):
                reason, pages = str(result), ""
            else:
                failed = ", ".join(map(str, result.failed_pages))
                reason, pages = (f"pages {failed} could not be read" if failed else ""), str(len(result.pages))
            if outcome.path.name in passwords and outcome.status != "encrypted":
                reason = f"(password supplied) {reason}".strip()
            row = [outcome.path.name, outcome.status, cell(reason), pages, f"{outcome.seconds:.2f}"]
            print("| " + " | ".join([*row, cell(expected.get(outcome.path.name, "?"), 70)]) + " |")
        restarts = isolated.restarts
    total = time.perf_counter() - started
    summary = ", ".join(f"{status} {n}" for status, n in counts.most_common())
    print(f"\n{sum(counts.values())} files in {total:.1f} s ({args.workers} workers, {restarts} restarts): {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
