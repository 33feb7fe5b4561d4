"""Evaluation: index a BEIR-layout folder through the normal pipeline, run its queries, score them.

The corpus is indexed once per (data set, model, chunk sizes) in a cache folder; a second run
embeds nothing. Each BEIR record becomes a one-page document (title on the first line).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ebp import ingest
from ebp.bench.metrics import BeirSet, evaluate, load_beir
from ebp.config import Settings
from ebp.embed import Embedder
from ebp.retrieve.search import Mode, Searcher, SearchOptions
from ebp.types import DocType, Page, ParsedDocument

log = logging.getLogger(__name__)

EVAL_K = 100  # documents per query: enough for recall@100
EVAL_CANDIDATES = 400  # passages per side before grouping (abstracts give ~1.2 passages each)


@dataclass(frozen=True)
class EvalResult:
    dataset: str
    split: str
    mode: str
    model: str
    queries: int
    ndcg_at_10: float
    recall_at_100: float
    mrr_at_10: float
    index_seconds: float
    query_ms: float

    def as_json(self) -> dict[str, object]:
        return {
            "dataset": self.dataset,
            "split": self.split,
            "mode": self.mode,
            "model": self.model,
            "queries": self.queries,
            "ndcg@10": round(self.ndcg_at_10, 4),
            "recall@100": round(self.recall_at_100, 4),
            "mrr@10": round(self.mrr_at_10, 4),
            "index_seconds": round(self.index_seconds, 1),
            "query_ms": round(self.query_ms, 1),
        }


def default_cache(beir_dir: Path, settings: Settings, model_name: str, precision: str = "float32") -> Path:
    """Cache folder of one data set indexed with one model, one passage precision and one chunking."""
    where = hashlib.sha1(str(beir_dir.resolve()).encode()).hexdigest()[:8]
    sizes = settings.chunk_sizes()
    model = model_name.replace("/", "_") + ("" if precision == "float32" else f"-{precision}")
    key = f"{model}-c{sizes.target}-{sizes.minimum}-{sizes.maximum}-{sizes.overlap}"
    return Path.home() / ".cache" / "ebp" / "eval" / f"{beir_dir.resolve().name}-{where}" / key


def beir_sources(data: BeirSet) -> Iterator[ingest.Source]:
    for doc_id, (title, text) in data.corpus.items():
        body = f"{title}\n{text}" if title else text
        sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
        document = ParsedDocument(
            path=Path(doc_id),
            rel_path=doc_id,
            doc_type=DocType.JOURNAL_ARTICLE,
            pages=(Page(1, body),),
            metadata={"title": title or doc_id},
        )
        yield ingest.Source(doc_id, sha, document=document)


def run_eval(
    beir_dir: Path,
    settings: Settings,
    embedder: Embedder,
    split: str = "test",
    mode: Mode = Mode.HYBRID,
    queries_file: Path | None = None,
    index_dir: Path | None = None,
    options: SearchOptions | None = None,
) -> EvalResult:
    data = load_beir(beir_dir, split, queries_file)
    qrels = {q: rel for q, rel in data.qrels.items() if q in data.queries}  # translated subsets score their own
    if not qrels:
        raise ValueError(f"no query of {queries_file or 'queries.jsonl'} is judged in the {split} split")
    precision = getattr(embedder, "precision", "float32")
    cache = index_dir or default_cache(beir_dir, settings, embedder.name, precision)
    started = time.perf_counter()
    sources = list(beir_sources(data))
    report = ingest.ingest_sources(sources, replace(settings, index_dir=cache), embedder)
    index_seconds = time.perf_counter() - started
    log.info("indexed %d documents (%d embedded) in %.1f s", report.documents, report.embedded, index_seconds)

    searcher = Searcher(cache, embedder)
    opts = replace(
        options or SearchOptions(),
        k=EVAL_K,
        mode=mode,
        passages_per_doc=1,
        candidates=max(EVAL_CANDIDATES, (options or SearchOptions()).candidates),
    )
    run: dict[str, dict[str, float]] = {}
    started = time.perf_counter()
    for qid, text in data.queries.items():
        hits = searcher.search(text, opts)
        # Ranks, not raw scores, go to the scorer: fused scores can tie across documents.
        run[qid] = {h.document.path: float(len(hits) - i) for i, h in enumerate(hits)}
    query_ms = 1000 * (time.perf_counter() - started) / max(1, len(data.queries))
    figures = evaluate(run, qrels)
    return EvalResult(
        dataset=beir_dir.resolve().name,
        split=split,
        mode=mode.value,
        model=embedder.name,
        queries=len(qrels),
        ndcg_at_10=figures["ndcg@10"],
        recall_at_100=figures["recall@100"],
        mrr_at_10=figures["mrr@10"],
        index_seconds=index_seconds,
        query_ms=query_ms,
    )
