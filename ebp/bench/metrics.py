"""IR metrics for benchmarks: nDCG@10, R@100 and MRR@10 by ir-measures, and a BEIR folder reader.

Figures are averaged over the queries in the qrels, so a query the system returned nothing for
counts 0 (trec_eval would silently leave it out of the mean). nDCG uses the graded relevance as
gain (NFCorpus: 1 or 2); recall and reciprocal rank count any relevance ≥ 1 as relevant.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

# Our names → ir-measures names (parsed lazily, so importing this module stays instant).
MEASURES = {"ndcg@10": "nDCG@10", "recall@100": "R@100", "mrr@10": "RR@10"}


def evaluate(run: dict[str, dict[str, float]], qrels: dict[str, dict[str, int]]) -> dict[str, float]:
    """Mean nDCG@10, R@100 and MRR@10 over the queries of ``qrels``.

    ``run`` maps query id → {doc id: score} (higher is better); ``qrels`` maps query id →
    {doc id: relevance}. Queries in ``run`` but not in ``qrels`` are ignored.
    """
    if not qrels:
        raise ValueError("qrels is empty: nothing to evaluate")
    import ir_measures

    names = {str(ir_measures.parse_measure(m)): ours for ours, m in MEASURES.items()}
    totals = dict.fromkeys(MEASURES, 0.0)
    judged_run = {q: {d: float(s) for d, s in docs.items()} for q, docs in run.items() if q in qrels and docs}
    if judged_run:
        measures = [ir_measures.parse_measure(m) for m in MEASURES.values()]
        for metric in ir_measures.iter_calc(measures, qrels, judged_run):
            totals[names[str(metric.measure)]] += metric.value
    return {name: total / len(qrels) for name, total in totals.items()}


@dataclass(frozen=True)
class BeirSet:
    """One split of a BEIR data set: the whole corpus, the split's queries and their judgments."""

    corpus: dict[str, tuple[str, str]]  # doc id → (title, text)
    queries: dict[str, str]  # query id → text, only queries judged in this split
    qrels: dict[str, dict[str, int]]  # query id → {doc id: relevance}


def load_beir(directory: Path, split: str, queries_file: Path | None = None) -> BeirSet:
    """Read ``corpus.jsonl``, ``queries.jsonl`` (or ``queries_file``) and ``qrels/<split>.tsv``.

    Example: load_beir(Path("beir/scifact"), "test").queries["1"]
    """
    directory = Path(directory)
    qrels = _read_qrels(directory / "qrels" / f"{split}.tsv")
    corpus = {}
    for row in _read_jsonl(directory / "corpus.jsonl"):
        corpus[str(row["_id"])] = (row.get("title") or "", row.get("text") or "")
    queries = {}
    for row in _read_jsonl(queries_file or directory / "queries.jsonl"):
        if str(row["_id"]) in qrels:
            queries[str(row["_id"])] = row["text"]
    return BeirSet(corpus=corpus, queries=queries, qrels=qrels)


def _read_jsonl(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _read_qrels(path: Path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh, delimiter="\t")
        header = next(rows, None)
        if header is None or [h.strip() for h in header[:3]] != ["query-id", "corpus-id", "score"]:
            raise ValueError(f"{path}: expected the header 'query-id corpus-id score', got {header!r}")
        for line_no, row in enumerate(rows, start=2):
            if not row:
                continue
            if len(row) < 3:
                raise ValueError(f"{path}:{line_no}: expected three tab-separated fields, got {row!r}")
            qrels.setdefault(row[0], {})[row[1]] = int(row[2])
    return qrels
