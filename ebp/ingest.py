"""Ingest: runs parse → chunk → describe → embed → index over a corpus folder.

``run`` is a generator of progress events ending with the ``IngestReport``; the CLI and the app
draw their own progress bars from it. One bad file becomes one line of the report and the rest of
the corpus is still indexed. Unchanged files (same SHA-256) are not parsed or embedded again.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from ebp.chunk import ChunkSizes, chunk
from ebp.config import Settings
from ebp.describe import describe
from ebp.embed import Embedder
from ebp.errors import IndexBusyError, ParseError
from ebp.index import VectorIndex, stale_vector_files, vectors_path
from ebp.parse import SUPPORTED_SUFFIXES, parse_file
from ebp.store import FileRecord, Store
from ebp.types import DocumentInfo, FileReport, ParsedDocument, Passage

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
        return [f for f in self.skipped if f.status in {"corrupt", "not_a_pdf", "error"}]


@dataclass(frozen=True)
class _Failed:
    report: FileReport
    sha256: str


@dataclass(frozen=True)
class _Prepared:
    doc: ParsedDocument
    sha256: str
    info: DocumentInfo
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
    """Bring the index in ``settings.index_dir`` up to date with ``corpus_dir``."""
    from filelock import FileLock, Timeout

    index_dir = settings.index_dir
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(index_dir / LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise IndexBusyError(f"another ebp index run is updating {index_dir}; wait for it to finish") from exc
    try:
        yield from _run_locked(corpus_dir, settings, embedder, rebuild)
    finally:
        lock.release()


def _run_locked(
    corpus_dir: Path, settings: Settings, embedder: Embedder, rebuild: bool
) -> Iterator[Progress | IngestReport]:
    started = time.perf_counter()
    if rebuild:
        _wipe(settings.index_dir)
    store = Store.create_or_open(settings.index_dir)
    store.check_model(embedder.name, embedder.dim)
    with store.connect() as conn:
        Store.set_meta(conn, model=embedder.name, dim=str(embedder.dim), corpus_dir=str(corpus_dir.resolve()))
        current = Store.current_generation(conn)
        target = current + 1
        live = Store.documents_at(conn, target)  # includes rows left pending by an interrupted run
        records = Store.files(conn)
        pending_changes = conn.execute(
            "SELECT COUNT(*) FROM documents WHERE added_gen = ? OR removed_gen = ?", (target, target)
        ).fetchone()[0]

    report = IngestReport()
    paths = scan(corpus_dir)
    yield Progress("scan", len(paths), len(paths))
    todo: list[tuple[Path, str]] = []
    for path in paths:
        rel = path.relative_to(corpus_dir).as_posix()
        sha = file_sha256(path)
        if rel in live and live[rel][1] == sha:
            report.files.append(FileReport(rel, "unchanged"))
        elif rel in records and records[rel].sha256 == sha and records[rel].status not in OK_STATUSES:
            report.files.append(
                FileReport(rel, records[rel].status, records[rel].reason + " (unchanged since last run)")
            )
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            report.files.append(FileReport(rel, "unsupported", f"files of type {path.suffix or '(none)'} are not read"))
        else:
            todo.append((path, sha))

    changes = pending_changes
    for event in _process(todo, corpus_dir, settings, embedder, store, live, target, report):
        changes += 1 if isinstance(event, Progress) and event.stage == "write" else 0
        yield event
    changes += _retire_deleted(store, corpus_dir, paths, live, target, report)

    vector_file = vectors_path(settings.index_dir, current)
    if changes or not vector_file.exists():
        generation = target if changes else current
        yield Progress("write", 0, 1, "vectors")
        _publish(store, settings.index_dir, embedder.dim, generation)
        current = generation
    report.generation = current
    report.seconds = time.perf_counter() - started
    counts = store.counts(current)
    report.documents, report.pages, report.passages = counts["documents"], counts["pages"], counts["passages"]
    yield report


def _process(
    todo: Sequence[tuple[Path, str]],
    corpus_dir: Path,
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
    todo: Sequence[tuple[Path, str]], corpus_dir: Path, settings: Settings
) -> Iterator[_Prepared | _Failed]:
    args = [(path, sha, corpus_dir, settings) for path, sha in todo]
    if settings.workers <= 1 or len(args) < 4:
        yield from (_prepare(*a) for a in args)
        return
    # Separate processes parse in parallel; "spawn" keeps torch's threads out of the children.
    with ProcessPoolExecutor(max_workers=settings.workers, mp_context=get_context("spawn")) as pool:
        yield from pool.map(_prepare_star, args, chunksize=4)


def _prepare_star(args: tuple[Path, str, Path, Settings]) -> _Prepared | _Failed:
    return _prepare(*args)


def _prepare(path: Path, sha: str, corpus_dir: Path, settings: Settings) -> _Prepared | _Failed:
    """Parse, chunk and describe one file; any failure becomes a report line."""
    rel = path.relative_to(corpus_dir).as_posix()
    try:
        doc = parse_file(path, corpus_dir, max_bytes=int(settings.max_file_mb * 2**20))
        sizes = ChunkSizes(
            settings.chunk_target_words,
            settings.chunk_min_words,
            settings.chunk_max_words,
            settings.chunk_overlap_words,
        )
        passages = tuple(chunk(doc.pages, sizes))
        if not passages:
            return _Failed(
                FileReport(rel, "no_text_layer", "no indexable text (only a title or a reference list)"), sha
            )
        return _Prepared(doc, sha, describe(doc), passages)
    except ParseError as exc:
        return _Failed(FileReport(rel, exc.status, str(exc)), sha)
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
            doc_id = Store.add_document(conn, item.doc, item.sha256, item.info, item.passages, chunk_vectors, target)
            live[rel] = (doc_id, item.sha256)
            status = "ok_partial" if item.doc.failed_pages else "ok"
            reason = (
                f"pages {', '.join(map(str, item.doc.failed_pages))} could not be read" if item.doc.failed_pages else ""
            )
            Store.record_file(conn, FileRecord(rel, item.sha256, status, reason))
            report.files.append(FileReport(rel, status, reason, len(item.doc.pages), len(item.passages)))
    yield Progress("write", len(texts), len(texts))


def _retire_deleted(
    store: Store,
    corpus_dir: Path,
    paths: Sequence[Path],
    live: dict[str, tuple[int, str]],
    target: int,
    report: IngestReport,
) -> int:
    present = {p.relative_to(corpus_dir).as_posix() for p in paths}
    gone = sorted(set(live) - present)
    with store.connect() as conn:
        for rel in gone:
            Store.retire_document(conn, live[rel][0], target)
            report.files.append(FileReport(rel, "removed", "the file is no longer in the corpus folder"))
        Store.forget_files(conn, [r for r in Store.files(conn) if r not in present])
    return len(gone)


def _publish(store: Store, index_dir: Path, dim: int, generation: int) -> None:
    """Write the FAISS file of ``generation``, then make it current, then clean up."""
    ids, vectors = store.vectors_at(generation, dim)
    VectorIndex.build(ids, vectors, dim).save(vectors_path(index_dir, generation))
    with store.connect() as conn:
        Store.set_generation(conn, generation)
        Store.purge(conn, generation)
    for stale in stale_vector_files(index_dir, keep=generation):
        stale.unlink(missing_ok=True)


def _wipe(index_dir: Path) -> None:
    """Remove the search index (not other files such as reading lists) before a rebuild."""
    for path in index_dir.glob("ebp.sqlite*"):
        path.unlink()
    for path in index_dir.glob("vectors.*"):
        path.unlink()
    cache = index_dir / "lexical"
    if cache.is_dir():
        shutil.rmtree(cache)


def ingest(corpus_dir: Path, settings: Settings, embedder: Embedder, rebuild: bool = False) -> IngestReport:
    """``run`` without progress events."""
    for event in run(corpus_dir, settings, embedder, rebuild):
        if isinstance(event, IngestReport):
            return event
    raise RuntimeError("ingest ended without a report")  # unreachable: run() always ends with one
