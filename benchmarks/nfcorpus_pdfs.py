"""End-to-end quality on real judgments: the 3,633 NFCorpus PDFs → ebp index → NFCorpus test queries.

    .venv/bin/python benchmarks/nfcorpus_pdfs.py [--shared ../shared] [--index DIR] [--model minilm]

Indexes ``shared/data/pdfs/nfcorpus/files`` (cached in --index: a second run embeds nothing), maps
each result PDF back to its NFCorpus doc id(s) with ``pdf_to_medid.csv`` (a PDF listed with two ids
— identical titles — credits both), runs every test query and prints nDCG@10, R@100 and MRR@10
computed by ir-measures, with timings.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--index", type=Path, default=Path.home() / ".cache/ebp/bench/nfcorpus-pdfs")
    parser.add_argument("--model", default="minilm")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--split", default="test")
    args = parser.parse_args()

    import ir_measures
    from ir_measures import RR, R, nDCG

    from ebp import ingest
    from ebp.config import Settings
    from ebp.embed import load_embedder
    from ebp.retrieve.search import Searcher

    pdfs = args.shared / "data/pdfs/nfcorpus"
    beir = args.shared / "data/beir/nfcorpus"
    if not pdfs.exists():
        print(f"skipped: {pdfs} not found", file=sys.stderr)
        return 0
    settings = Settings.from_env(
        index_dir=args.index / args.model.replace("/", "_"), model=args.model, workers=args.workers
    )
    embedder = load_embedder(settings.model, settings.batch_size)
    started = time.perf_counter()
    report = ingest.ingest(pdfs / "files", settings, embedder)
    ingest_s = time.perf_counter() - started
    print(
        f"ingest: {report.documents} documents, {report.pages} pages, {report.passages} passages, "
        f"embedded {report.embedded}, skipped {len(report.skipped)}, {ingest_s:.1f} s"
    )

    to_ids = {}
    with (pdfs / "pdf_to_medid.csv").open(newline="") as fh:
        for row in csv.DictReader(fh):
            to_ids[row["pdf"]] = row["med_ids"].split(";")
    qrels = list(ir_measures.read_trec_qrels(_trec_qrels(beir / "qrels" / f"{args.split}.tsv")))
    wanted = {q.query_id for q in qrels}
    queries = {}
    with (beir / "queries.jsonl").open() as fh:
        for line in fh:
            record = json.loads(line)
            if record["_id"] in wanted:
                queries[record["_id"]] = record["text"]

    searcher = Searcher(settings.index_dir, embedder)
    run: list[ir_measures.ScoredDoc] = []
    started = time.perf_counter()
    for qid, text in queries.items():
        for hit in searcher.search(text, k=100, passages_per_doc=1, candidates=1000):
            for med_id in to_ids.get(Path(hit.document.path).name, []):
                run.append(ir_measures.ScoredDoc(qid, med_id, hit.score))
    query_s = time.perf_counter() - started
    measures = ir_measures.calc_aggregate([nDCG @ 10, R @ 100, RR @ 10], qrels, run)
    print(f"queries: {len(queries)} ({args.split}), {1000 * query_s / max(1, len(queries)):.0f} ms/query")
    print(
        f"model {embedder.name}: nDCG@10 {measures[nDCG @ 10]:.4f}  R@100 {measures[R @ 100]:.4f}  "
        f"MRR@10 {measures[RR @ 10]:.4f}"
    )
    return 0


def _trec_qrels(path: Path) -> str:
    """BEIR qrels (tsv with a header) → a TREC qrels file ir-measures reads."""
    out = path.with_suffix(".trec.tmp")
    lines = path.read_text().splitlines()[1:]
    target = Path("/tmp") / f"ebp-{path.parent.parent.name}-{out.name}"
    target.write_text("".join(f"{q} 0 {d} {s}\n" for q, d, s in (line.split("\t") for line in lines)))
    return str(target)


if __name__ == "__main__":
    raise SystemExit(main())
