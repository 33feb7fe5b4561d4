"""Ingest: runs parse → chunk → describe → embed → index over a corpus folder.

``run`` is a generator of progress events ending with the ``IngestReport``; the CLI and the app
draw their own progress bars from it. One bad file becomes one line of the report and the rest of
the corpus is still indexed. Unchanged files (same SHA-256) are not parsed or embedded again.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ebp.chunk import chunk
from ebp.config import Settings
from ebp.describe import assess, describe
from ebp.embed import Embedder
from ebp.errors import IndexBusyError, ParseError
from ebp.index import VectorIndex, lexical_path, remove_stale, vectors_path
from ebp.isolate import IsolatedParser, Limits
from ebp.lexical import LexicalIndex
from ebp.parse import SUPPORTED_SUFFIXES
from ebp.store import FileRecord, Store
from ebp.types import DocumentAppraisal, DocumentInfo, FileReport, ParsedDocument, Passage

log = logging.getLogger(__name__)

LOCK_NAME = ".lock"
EMBED_BUFFER = 256  # passages gathered across small files before one embedding call
OK_STATUSES = frozenset({"ok", "ok_partial"})


@dataclass(frozen=True)
class Progress:
    stage: str  # "scan", "parse", "embed", "write"
    done: int
    total: int
    path: str = ""


@dataclass
class IngestReport:
    files: list[FileReport] = field(default_factory=list)
    documents: int = 0
    pages: int = 0
    passages: int = 0
    seconds: float = 0.0
    generation: int = 0
    embedded: int = 0  # passages embedded in this run

    @property
    def skipped(self) -> list[FileReport]:
        """Files not indexed for a reason the user can act on (encrypted, scanned, unsupported …)."""
        return [f for f in self.files if f.status not in OK_STATUSES | {"unchanged", "removed"}]

    @property
    def failed(self) -> list[FileReport]:
        return [f for f in self.skipped if f.status in {"corrupt", "not_a_pdf", "timeout", "error"}]


@dataclass(frozen=True)
class Source:
    """One thing to index: a file in the corpus folder, or a document already in memory
    (benchmark corpora such as BEIR). ``rel_path`` is the document's key in the index."""

    rel_path: str
    sha256: str
    path: Path | None = None
    document: ParsedDocument | None = None


@dataclass(frozen=True)
class _Failed:
    report: FileReport
    sha256: str


@dataclass(frozen=True)
class _Prepared:
    doc: ParsedDocument
    sha256: str
    info: DocumentInfo
    appraisal: DocumentAppraisal
    passages: tuple[Passage, ...]


def scan(corpus_dir: Path) -> list[Path]:
    """Files ebp will look at: everything not hidden, except ``README*`` files (corpus notes)."""
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {corpus_dir}")
    out = []
    for path in sorted(corpus_dir.rglob("*")):
        rel = path.relative_to(corpus_dir)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if path.name.lower().startswith("readme"):
            continue
        out.append(path)
    return out


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def run(
    corpus_dir: Path, settings: Settings, embedder: Embedder, rebuild: bool = False
) -> Iterator[Progress | IngestReport]:
    """Bring the index in ``settings.index_dir`` up to date with the files of ``corpus_dir``."""
    paths = scan(corpus_dir)
    sources = (Source(p.relative_to(corpus_dir).as_posix(), file_sha256(p), path=p) for p in paths)
    yield from run_sources(sources, settings, embedder, rebuild, corpus_dir=corpus_dir, total=len(paths))


def run_sources(
    sources: Iterable[Source],
    settings: Settings,
    embedder: Embedder,
    rebuild: bool = False,
    corpus_dir: Path | None = None,
    total: int | None = None,
) -> Iterator[Progress | IngestReport]:
    """Make the index hold exactly ``sources``: add new, replace changed, retire missing ones."""
    from filelock import FileLock, Timeout

    index_dir = settings.index_dir
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(index_dir / LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise IndexBusyError(f"another ebp index run is updating {index_dir}; wait for it to finish") from exc
    try:
        yield from _run_locked(sources, settings, embedder, rebuild, corpus_dir, total)
    finally:
        lock.release()


def _run_locked(
    sources: Iterable[Source],
    settings: Settings,
    embedder: Embedder,
    rebuild: bool,
    corpus_dir: Path | None,
    total: int | None,
) -> Iterator[Progress | IngestReport]:
    started = time.perf_counter()
    if rebuild:
        _wipe(settings.index_dir)
    store = Store.create_or_open(settings.index_dir)
    store.check_model(embedder.name, embedder.dim)
    with store.connect() as conn:
        meta = {"model": embedder.name, "dim": str(embedder.dim)}
        if corpus_dir is not None:
            meta["corpus_dir"] = str(corpus_dir.resolve())
        Store.set_meta(conn, **meta)
        current = Store.current_generation(conn)
        target = current + 1
        live = Store.documents_at(conn, target)  # includes rows left pending by an interrupted run
        records = Store.files(conn)
        pending_changes = conn.execute(
            "SELECT COUNT(*) FROM documents WHERE added_gen = ? OR removed_gen = ?", (target, target)
        ).fetchone()[0]

    report = IngestReport()
    todo: list[Source] = []
    seen: set[str] = set()
    for source in sources:
        rel, sha = source.rel_path, source.sha256
        seen.add(rel)
        if rel in live and live[rel][1] == sha:
            report.files.append(FileReport(rel, "unchanged"))
        elif rel in records and records[rel].sha256 == sha and records[rel].status not in OK_STATUSES:
            reason = records[rel].reason + " (unchanged since last run)"
            report.files.append(FileReport(rel, records[rel].status, reason))
        elif source.path is not None and source.path.suffix.lower() not in SUPPORTED_SUFFIXES:
            suffix = source.path.suffix or "(none)"
            report.files.append(FileReport(rel, "unsupported", f"files of type {suffix} are not read"))
        else:
            todo.append(source)
    yield Progress("scan", len(seen), total or len(seen))

    changes = pending_changes
    for event in _process(todo, corpus_dir, settings, embedder, store, live, target, report):
        changes += 1 if isinstance(event, Progress) and event.stage == "write" else 0
        yield event
    changes += _retire_missing(store, seen, live, target, report)

    if changes or not published(settings.index_dir, current):
        generation = target if changes else current
        yield Progress("write", 0, 1, "index")
        _publish(store, settings.index_dir, embedder.dim, generation, settings.exact_search_below)
        current = generation
    report.generation = current
    report.seconds = time.perf_counter() - started
    counts = store.counts(current)
    report.documents, report.pages, report.passages = counts["documents"], counts["pages"], counts["passages"]
    yield report


def _process(
    todo: Sequence[Source],
    corpus_dir: Path | None,
    settings: Settings,
    embedder: Embedder,
    store: Store,
    live: dict[str, tuple[int, str]],
    target: int,
    report: IngestReport,
) -> Iterator[Progress]:
    buffer: list[_Prepared] = []
    for done, result in enumerate(_prepare_all(todo, corpus_dir, settings), start=1):
        if isinstance(result, _Failed):
            failure = result.report
            yield Progress("parse", done, len(todo), failure.path)
            report.files.append(failure)
            with store.connect() as conn:
                Store.record_file(conn, FileRecord(failure.path, result.sha256, failure.status, failure.reason))
                if failure.path in live:  # the file changed and can no longer be read
                    Store.retire_document(conn, live.pop(failure.path)[0], target)
            continue
        yield Progress("parse", done, len(todo), result.doc.rel_path)
        buffer.append(result)
        if sum(len(p.passages) for p in buffer) >= EMBED_BUFFER or done == len(todo):
            yield from _embed_and_write(buffer, embedder, store, live, target, report)
            buffer = []
    if buffer:
        yield from _embed_and_write(buffer, embedder, store, live, target, report)


def _prepare_all(
    todo: Sequence[Source], corpus_dir: Path | None, settings: Settings
) -> Iterator[_Prepared | _Failed]:
    """Parse files in isolated worker processes (time and memory limits), then chunk and describe
    in this process while the workers parse ahead. In-memory documents skip the parse."""
    files = [s.path for s in todo if s.document is None and s.path is not None]
    if not files or corpus_dir is None:
        yield from (_prepare_document(s, s.document, settings) for s in todo if s.document is not None)
        return
    limits = Limits(
        seconds=settings.parse_timeout_s,
        memory_mb=settings.parse_memory_mb,
        max_file_mb=settings.max_file_mb,
        ocr=settings.ocr,
    )
    with IsolatedParser(limits, settings.passwords, workers=settings.workers) as parser:
        parsed = parser.parse_many(files, corpus_dir)
        for source in todo:
            if source.document is not None:
                yield _prepare_document(source, source.document, settings)
                continue
            outcome = next(parsed)
            if isinstance(outcome.result, ParseError):
                error = outcome.result
                yield _Failed(FileReport(source.rel_path, error.status, str(error)), source.sha256)
            else:
                yield _prepare_document(source, outcome.result, settings)


def _prepare_document(source: Source, doc: ParsedDocument, settings: Settings) -> _Prepared | _Failed:
    """Chunk, describe and appraise one parsed document; any failure becomes a report line."""
    rel, sha = source.rel_path, source.sha256
    try:
        passages = tuple(chunk(doc.pages, settings.chunk_sizes()))
        if not passages:
            reason = "no indexable text (only a title or a reference list)"
            return _Failed(FileReport(rel, "no_text_layer", reason), sha)
        info = describe(doc)
        return _Prepared(doc, sha, info, assess(doc, info, passages), passages)
    except Exception as exc:  # a bug or an unforeseen library error must not stop the corpus
        log.exception("unexpected error on %s", rel)
        return _Failed(FileReport(rel, "error", f"unexpected error: {type(exc).__name__}: {exc}"), sha)


def _embed_and_write(
    batch: Sequence[_Prepared],
    embedder: Embedder,
    store: Store,
    live: dict[str, tuple[int, str]],
    target: int,
    report: IngestReport,
) -> Iterator[Progress]:
    texts = [p.text for item in batch for p in item.passages]
    yield Progress("embed", 0, len(texts))
    vectors = embedder.embed_passages(texts)
    report.embedded += len(texts)
    offset = 0
    with store.connect() as conn:  # one transaction per batch: all of it or none of it
        for item in batch:
            rel = item.doc.rel_path
            if rel in live:
                Store.retire_document(conn, live[rel][0], target)
            chunk_vectors = vectors[offset : offset + len(item.passages)]
            offset += len(item.passages)
            doc_id = Store.add_document(
                conn, item.doc, item.sha256, item.info, item.appraisal, item.passages, chunk_vectors, target
            )
            live[rel] = (doc_id, item.sha256)
            status = "ok_partial" if item.doc.failed_pages else "ok"
            reason = (
                f"pages {', '.join(map(str, item.doc.failed_pages))} could not be read" if item.doc.failed_pages else ""
            )
            if not item.doc.failed_pages and item.doc.metadata.get("ocr"):
                reason = "text from OCR"
            Store.record_file(conn, FileRecord(rel, item.sha256, status, reason))
            report.files.append(FileReport(rel, status, reason, len(item.doc.pages), len(item.passages)))
    yield Progress("write", len(texts), len(texts))


def _retire_missing(
    store: Store, seen: set[str], live: dict[str, tuple[int, str]], target: int, report: IngestReport
) -> int:
    gone = sorted(set(live) - seen)
    with store.connect() as conn:
        for rel in gone:
            Store.retire_document(conn, live[rel][0], target)
            report.files.append(FileReport(rel, "removed", "the file is no longer in the corpus folder"))
        Store.forget_files(conn, [r for r in Store.files(conn) if r not in seen])
    return len(gone)


def published(index_dir: Path, generation: int) -> bool:
    return vectors_path(index_dir, generation).exists() and lexical_path(index_dir, generation).exists()


def _publish(store: Store, index_dir: Path, dim: int, generation: int, exact_below: int) -> None:
    """Write the FAISS and BM25 files of ``generation``, then make it current, then clean up."""
    ids, vectors = store.vectors_at(generation, dim)
    VectorIndex.build(ids, vectors, dim, exact_below).save(vectors_path(index_dir, generation))
    text_ids, texts, langs = store.texts_at(generation)
    LexicalIndex.build(text_ids, texts, langs).save(lexical_path(index_dir, generation))
    with store.connect() as conn:
        Store.set_generation(conn, generation)
        Store.purge(conn, generation)
    remove_stale(index_dir, keep=generation)


def _wipe(index_dir: Path) -> None:
    """Remove the search index (not other files such as reading lists) before a rebuild."""
    for path in index_dir.glob("ebp.sqlite*"):
        path.unlink()
    remove_stale(index_dir, keep=-1)


def ingest(corpus_dir: Path, settings: Settings, embedder: Embedder, rebuild: bool = False) -> IngestReport:
    """``run`` without progress events."""
    return _last_report(run(corpus_dir, settings, embedder, rebuild))


def ingest_sources(sources: Iterable[Source], settings: Settings, embedder: Embedder) -> IngestReport:
    """``run_sources`` without progress events."""
    return _last_report(run_sources(sources, settings, embedder))


def _last_report(events: Iterator[Progress | IngestReport]) -> IngestReport:
    for event in events:
        if isinstance(event, IngestReport):
            return event
    raise RuntimeError("ingest ended without a report")  # unreachable: runs always end with one
