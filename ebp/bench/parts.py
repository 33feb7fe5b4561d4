"""The measured parts of ``ebp bench``; each runs in its own process so its peak memory is its own.

``python -m ebp.bench.parts PART ARGS_JSON`` prints one JSON object. Parts:

- ``ebp_ingest``: parse speed, a full ingest of a folder (embedding timed apart), an unchanged
  re-run, hybrid query latency; leaves the passages, their vectors and the query vectors behind
  for the other parts.
- ``txtai_ingest``: the peer — pypdf text of the same files, then txtai indexing the same passages
  with the same model and prefixes, and txtai query latency.
- ``scale_build`` / ``scale_query``: a synthetic index of N passages made from the real passage
  vectors, searched with real query embeddings (embedding + retrieval + grouping into documents).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

PASSAGES_PER_DOC = 5  # synthetic corpora: passage id // 5 is the document
SEARCH_BREADTH = 200  # passages fetched per query, as ebp's search does (``candidates``)
SUFFIXES = (".pdf", ".txt", ".md", ".docx")


def peak_rss_mib(children: bool = False) -> float:
    """Peak resident memory of this process (or of its finished children), in MiB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def percentiles(samples_ms: Sequence[float]) -> dict[str, float]:
    """p50 and p95 of latencies in milliseconds.

    Example: ``percentiles([1, 2, 3, 4]) == {"p50_ms": 2.5, "p95_ms": 3.85}``
    """
    values = np.asarray(samples_ms, dtype=np.float64)
    return {"p50_ms": round(float(np.percentile(values, 50)), 2), "p95_ms": round(float(np.percentile(values, 95)), 2)}


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


class TimedEmbedder:
    """Wraps an embedder and adds up the time spent embedding passages."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.passage_seconds = 0.0

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        vectors, seconds = timed(lambda: self.inner.embed_passages(texts))
        self.passage_seconds += seconds
        return vectors

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_queries(texts)


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def ebp_ingest(corpus: str, work: str, model: str, workers: int, queries: list[str]) -> dict[str, Any]:
    from ebp import ingest
    from ebp.config import Settings
    from ebp.embed import load_embedder
    from ebp.index.store import Store
    from ebp.ingest.isolate import IsolatedParser
    from ebp.ingest.read import Limits
    from ebp.retrieve.search import Searcher

    root, out = Path(corpus), Path(work)
    settings = Settings.from_env(corpus_dir=root, index_dir=out / "ebp-index", model=model, workers=workers)
    embedder, load_s = timed(lambda: TimedEmbedder(load_embedder(model, settings.batch_size, settings.embed_precision)))
    files = corpus_files(root)
    with IsolatedParser(Limits(seconds=settings.parse_timeout_s), settings.passwords, workers=workers) as parser:
        outcomes, parse_s = timed(lambda: list(parser.parse_many(files, root)))
    pages = sum(len(o.result.pages) for o in outcomes if o.status in ("ok", "ok_partial"))  # type: ignore[union-attr]
    report, ingest_s = timed(lambda: ingest.ingest(root, settings, embedder, rebuild=True))
    again, rerun_s = timed(lambda: ingest.ingest(root, settings, embedder))
    searcher = Searcher(settings.index_dir, embedder)
    searcher.search(queries[0])  # warm-up
    latencies = [timed(partial(searcher.search, q))[1] * 1000 for q in queries]
    store = Store.open_existing(settings.index_dir)
    _, vectors = store.vectors_at(store.generation(), embedder.dim)
    _, texts, _ = store.texts_at(store.generation())
    np.save(out / "passage_vectors.npy", vectors)
    np.save(out / "query_vectors.npy", embedder.embed_queries(queries))
    (out / "passages.json").write_text(json.dumps(texts), encoding="utf-8")
    return {
        "files": len(files),
        "pages": pages,
        "passages": report.passages,
        "model_load_s": round(load_s, 1),
        "parse_s": round(parse_s, 1),
        "parse_pages_per_s": round(pages / parse_s, 1),
        "ingest_s": round(ingest_s, 1),
        "embed_s": round(embedder.passage_seconds, 1),
        "passages_per_s_embedded": round(report.embedded / max(embedder.passage_seconds, 1e-9), 2),
        "passages_per_s_end_to_end": round(report.passages / ingest_s, 2),
        "rerun_s": round(rerun_s, 2),
        "rerun_embedded": again.embedded,
        "query": percentiles(latencies),
        "peak_rss_mib": peak_rss_mib(),
        "parse_workers_peak_rss_mib": peak_rss_mib(children=True),
    }


def txtai_ingest(corpus: str, work: str, model: str, queries: list[str]) -> dict[str, Any]:
    from pypdf import PdfReader
    from txtai import Embeddings

    from ebp.embed import resolve

    spec = resolve(model)
    out = Path(work)
    texts = json.loads((out / "passages.json").read_text(encoding="utf-8"))

    def load() -> Any:
        return Embeddings(
            path=spec.location(),
            method="sentence-transformers",
            content=False,
            backend="faiss",
            instructions={"query": spec.query_prefix, "data": spec.passage_prefix},
        )

    embeddings, load_s = timed(load)

    def parse() -> int:  # what a txtai user does offline: pypdf text, page by page, in one process
        pages = 0
        for path in corpus_files(Path(corpus)):
            if path.suffix.lower() != ".pdf":
                continue
            try:
                pages += sum(1 for page in PdfReader(path).pages if page.extract_text() is not None)
            except Exception:  # noqa: BLE001 - the peer skips unreadable files, as ebp reports them
                continue
        return pages

    pages, parse_s = timed(parse)
    _, index_s = timed(lambda: embeddings.index(list(enumerate(texts))))
    embeddings.search(queries[0], 10)  # warm-up
    latencies = [timed(partial(embeddings.search, q, 10))[1] * 1000 for q in queries]
    return {
        "pages": pages,
        "passages": len(texts),
        "model_load_s": round(load_s, 1),
        "parse_s": round(parse_s, 1),
        "parse_pages_per_s": round(pages / parse_s, 1),
        "index_s": round(index_s, 1),
        "passages_per_s_embedded": round(len(texts) / index_s, 2),
        "passages_per_s_end_to_end": round(len(texts) / (parse_s + index_s), 2),
        "query": percentiles(latencies),
        "peak_rss_mib": peak_rss_mib(),
    }


def synthetic_vectors(base: np.ndarray, n: int, seed: int = 0) -> np.ndarray:
    """``n`` unit vectors spread like the real ones: each mixes two real passage vectors plus noise."""
    rng = np.random.default_rng(seed)
    out = np.empty((n, base.shape[1]), dtype=np.float32)
    for start in range(0, n, 100_000):
        m = min(100_000, n - start)
        mixed = base[rng.integers(0, len(base), m)] + 0.5 * base[rng.integers(0, len(base), m)]
        mixed += rng.normal(0.0, 0.02, mixed.shape).astype(np.float32)
        out[start : start + m] = mixed / np.linalg.norm(mixed, axis=1, keepdims=True)
    return out


def scale_build(work: str, n: int, exact_below: int) -> dict[str, Any]:
    import faiss

    from ebp.index.vectors import VectorIndex

    out = Path(work)
    vectors = synthetic_vectors(np.load(out / "passage_vectors.npy"), n)
    queries = np.load(out / "query_vectors.npy")
    index, build_s = timed(
        lambda: VectorIndex.build(np.arange(n, dtype=np.int64), vectors, vectors.shape[1], exact_below)
    )
    path = out / f"scale-{n}.faiss"
    index.save(path)
    vectors.tofile(out / f"scale-{n}-vectors.f32")  # stands in for the vectors ebp keeps in SQLite
    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    _, truth = exact.search(queries, 10)
    np.save(out / f"scale-{n}-truth.npy", truth)
    return {"n": n, "kind": index.kind, "build_s": round(build_s, 1), "disk_mib": round(path.stat().st_size / 2**20, 1)}


class StoredVectors:
    """Full-precision vectors read row by row from a file, as ebp reads them from SQLite (no mmap)."""

    def __init__(self, path: Path, dim: int) -> None:
        self.fd, self.row_bytes, self.dim = os.open(path, os.O_RDONLY), 4 * dim, dim

    def rows(self, ids: np.ndarray) -> np.ndarray:
        data = b"".join(os.pread(self.fd, self.row_bytes, int(i) * self.row_bytes) for i in ids)
        return np.frombuffer(data, dtype=np.float32).reshape(len(ids), self.dim)


def scale_query(work: str, n: int, model: str, queries: list[str]) -> dict[str, Any]:
    from ebp.embed import load_embedder
    from ebp.index.vectors import VectorIndex

    out = Path(work)
    embedder = load_embedder(model)
    index = VectorIndex.load(out / f"scale-{n}.faiss")
    truth = np.load(out / f"scale-{n}-truth.npy")
    stored = StoredVectors(out / f"scale-{n}-vectors.f32", embedder.dim)

    def answer(text: str) -> tuple[list[int], list[int]]:
        query = embedder.embed_queries([text])
        scores, ids = index.search(query, SEARCH_BREADTH, vectors_of=stored.rows)
        best: dict[int, float] = {}
        for pid, score in zip(ids[0].tolist(), scores[0].tolist(), strict=True):
            if pid >= 0:
                doc = pid // PASSAGES_PER_DOC
                best[doc] = max(best.get(doc, -1.0), score)
        return ids[0][:10].tolist(), sorted(best, key=best.__getitem__, reverse=True)[:10]

    answer(queries[0])  # warm-up
    latencies, recalls = [], []
    for row, text in enumerate(queries):
        (top, _docs), seconds = timed(partial(answer, text))
        latencies.append(seconds * 1000)
        recalls.append(len(set(top) & set(truth[row].tolist())) / 10)
    return {
        "n": n,
        "kind": index.kind,
        **percentiles(latencies),
        "recall_at_10_vs_exact": round(float(np.mean(recalls)), 4),
        "rss_mib": peak_rss_mib(),
    }


PARTS: dict[str, Callable[..., dict[str, Any]]] = {
    "ebp_ingest": ebp_ingest,
    "txtai_ingest": txtai_ingest,
    "scale_build": scale_build,
    "scale_query": scale_query,
}

if __name__ == "__main__":
    print(json.dumps(PARTS[sys.argv[1]](**json.loads(sys.argv[2]))))
