"""Ingest: runs read → chunk → describe → appraise → embed → write over a corpus folder.

``run`` is a generator of progress events ending with the ``IngestReport``; the CLI and the app
draw their own progress bars from it. One bad file becomes one line of the report and the rest of
the corpus is still indexed. Unchanged files (same SHA-256) are not read or embedded again.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ebp.appraise import appraisal_version, assess
from ebp.config import Settings
from ebp.embed import Embedder
from ebp.errors import IndexBusyError, ParseError
from ebp.index.generations import Generations
from ebp.index.store import FileRecord, Store
from ebp.ingest.describe import describe, legal_document
from ebp.ingest.parse import SUPPORTED_SUFFIXES
from ebp.ingest.prepare import Failed, Prepared, legal_appraisal, limits_of, prepare_all, stand_in
from ebp.ingest.read import read_document
from ebp.types import (
    FAILED,
    INDEXED,
    DocType,
    FileReport,
    FileStatus,
    Page,
    ParsedDocument,
    Stage,
)

log = logging.getLogger(__name__)

LOCK_NAME = ".lock"
EMBED_BUFFER = 256  # passages gathered across small files before they are embedded and written together
EMBED_STEP = 64  # passages per embedding call within that batch (one progress event each)
OK_STATUSES = INDEXED  # kept for callers of the earlier name

# What reads, chunks, describes and appraises the planned files: ``prepare_all`` here, Ray actors under
# ``ebp.cluster`` (which keeps this planning, the writing and the generations, and replaces only this).
Preparer = Callable[[Sequence["Source"], Path | None, Settings], Iterator[Prepared | Failed]]


@dataclass(frozen=True)
class Progress:
    stage: Stage
    done: int
    total: int
    path: str = ""
    passages: int = 0  # a file read (PARSE): the passages it gave


@dataclass
class IngestReport:
    files: list[FileReport] = field(default_factory=list)
    documents: int = 0
    pages: int = 0
    passages: int = 0
    seconds: float = 0.0
    generation: int = 0
    embedded: int = 0  # passages embedded in this run
    switched: bool = True  # False: ``generation`` is prepared but not live yet (``run_sources(switch=False)``)

    @property
    def skipped(self) -> list[FileReport]:
        """Files not indexed, for a reason the user can act on (encrypted, scanned …) or because they are broken."""
        return [f for f in self.files if f.status not in INDEXED | {FileStatus.UNCHANGED, FileStatus.REMOVED}]

    @property
    def failed(self) -> list[FileReport]:
        """The skipped files that are broken (damaged, not a PDF, too slow to read, an error in ebp)."""
        return [f for f in self.skipped if f.status in FAILED]


@dataclass(frozen=True)
class Source:
    """One thing to index: a file in the corpus folder, or a document already in memory
    (benchmark corpora such as BEIR). ``rel_path`` is the document's key in the index."""

    rel_path: str
    sha256: str
    path: Path | None = None
    document: ParsedDocument | None = None


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
    corpus_dir: Path, settings: Settings, embedder: Embedder, rebuild: bool = False, preparer: Preparer = prepare_all
) -> Iterator[Progress | IngestReport]:
    """Bring the index in ``settings.index_dir`` up to date with the files of ``corpus_dir``."""
    paths = scan(corpus_dir)
    sources = (Source(p.relative_to(corpus_dir).as_posix(), file_sha256(p), path=p) for p in paths)
    yield from run_sources(sources, settings, embedder, rebuild, corpus_dir, len(paths), preparer)


def run_sources(
    sources: Iterable[Source],
    settings: Settings,
    embedder: Embedder,
    rebuild: bool = False,
    corpus_dir: Path | None = None,
    total: int | None = None,
    preparer: Preparer = prepare_all,
    switch: bool = True,
) -> Iterator[Progress | IngestReport]:
    """Make the index hold exactly ``sources``: add new, replace changed, retire missing ones. ``switch=False``:
    prepare the new generation without making it live (the caller switches it, ``Generations.switch``)."""
    from filelock import FileLock, Timeout

    index_dir = settings.index_dir
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(index_dir / LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise IndexBusyError(f"another ebp index run is updating {index_dir}; wait for it to finish") from exc
    try:
        started = time.perf_counter()
        if rebuild:
            Generations(index_dir).wipe()
        state = _Run.open(settings, embedder, corpus_dir)
        state.preparer, state.switch = preparer, switch
        yield from state.update(sources, total)
        state.report.seconds = time.perf_counter() - started
        yield state.report
    finally:
        lock.release()


@dataclass
class _Run:
    """What one ingest run works on: the store, the generation it writes, the documents live in it."""

    settings: Settings
    embedder: Embedder
    corpus_dir: Path | None
    store: Store
    current: int  # the live generation
    target: int  # the generation this run writes
    live: dict[str, tuple[int, str]]  # path → (doc_id, sha256) visible at ``target``
    records: dict[str, FileRecord]  # last outcome per file
    changes: int  # documents added or retired under ``target``, including what an interrupted run left
    report: IngestReport = field(default_factory=IngestReport)
    preparer: Preparer = prepare_all
    switch: bool = True  # make the written generation live at the end of the run

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder, corpus_dir: Path | None) -> _Run:
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
            pending = Store.pending_changes(conn, target)
        return cls(settings, embedder, corpus_dir, store, current, target, live, records, pending)

    def update(self, sources: Iterable[Source], total: int | None) -> Iterator[Progress]:
        todo, seen = self._plan(sources)
        yield Progress(Stage.SCAN, len(seen), total or len(seen))
        yield from self._reappraise(seen)
        yield from self._process(todo)
        self._retire_missing(seen)
        generations = Generations(self.settings.index_dir)
        shown = self.current
        if self.changes or not generations.published(self.current):
            shown = self.target if self.changes else self.current
            yield Progress(Stage.WRITE, 0, 1, "index")
            generations.prepare(self.store, shown, self.embedder.dim, self.settings.exact_search_below)
            if self.switch or shown == self.current:
                generations.switch(self.store, shown)
                self.current = shown
        counts = self.store.counts(shown)
        self.report.generation, self.report.switched = shown, shown == self.current
        self.report.documents, self.report.pages = counts["documents"], counts["pages"]
        self.report.passages = counts["passages"]

    def _plan(self, sources: Iterable[Source]) -> tuple[list[Source], set[str]]:
        """The sources to read; unchanged files, and failed files that did not change, get their line now."""
        todo: list[Source] = []
        seen: set[str] = set()
        for source in sources:
            rel, sha = source.rel_path, source.sha256
            seen.add(rel)
            record = self.records.get(rel)
            if rel in self.live and self.live[rel][1] == sha:
                self.report.files.append(self._unchanged(rel))
            elif record is not None and record.sha256 == sha and record.status not in INDEXED:
                reason = record.reason + " (unchanged since last run)"
                self.report.files.append(FileReport(rel, FileStatus(record.status), reason))
            elif source.path is not None and source.path.suffix.lower() not in SUPPORTED_SUFFIXES:
                suffix = source.path.suffix or "(none)"
                self.report.files.append(
                    FileReport(rel, FileStatus.UNSUPPORTED, f"files of type {suffix} are not read")
                )
            else:
                todo.append(source)
        return todo, seen

    def _reappraise(self, seen: set[str]) -> Iterator[Progress]:
        """Documents labelled by an older appraisal are described and appraised again from their stored
        passages (nothing is embedded again); their new labels show at once."""
        version = appraisal_version()
        with self.store.connect() as conn:
            stale = [d for d in Store.stale_appraisals(conn, self.target, version)]
        keep = {doc_id for rel, (doc_id, _) in self.live.items() if rel in seen}
        stale = [d for d in stale if d in keep]
        for done, doc_id in enumerate(stale, start=1):
            doc = self.store.documents([doc_id], corrected=False)[doc_id]
            pages = self._missing_pages(doc.doc_id, doc.path)
            with self.store.connect() as conn:
                if pages:
                    Store.add_pages(conn, doc_id, pages)
                passages = Store.passages_of(conn, doc_id)
                parsed = stand_in(doc.path, doc.doc_type, passages)
                legal = legal_document(parsed)
                kind = DocType.REGULATION if legal else doc.doc_type
                info = describe(parsed, legal) if legal else doc.info
                appraisal = legal_appraisal(legal) if legal else assess(parsed, doc.info, passages)
                Store.update_description(conn, doc_id, kind.value, info, appraisal, version)
            if done % 25 == 0 or done == len(stale):
                yield Progress(Stage.APPRAISE, done, len(stale), doc.path)

    def _missing_pages(self, doc_id: int, rel: str) -> list[Page]:
        """The pages of a document indexed before page texts were kept, read again from its file ([] if it has them)."""
        if self.corpus_dir is None or self.store.page_texts(doc_id):
            return []
        try:
            return list(read_document(self.corpus_dir / rel, self.corpus_dir, None, limits_of(self.settings)).pages)
        except (ParseError, OSError, ValueError):
            return []

    def _unchanged(self, rel: str) -> FileReport:
        pages, passages = self.store.document_size(self.live[rel][0])
        return FileReport(rel, FileStatus.UNCHANGED, "", pages, passages)

    def _process(self, todo: Sequence[Source]) -> Iterator[Progress]:
        buffer: list[Prepared] = []
        for done, result in enumerate(self.preparer(todo, self.corpus_dir, self.settings), start=1):
            if isinstance(result, Failed):
                yield Progress(Stage.PARSE, done, len(todo), result.report.path)
                self._record_failure(result)
                continue
            yield Progress(Stage.PARSE, done, len(todo), result.doc.rel_path, len(result.passages))
            buffer.append(result)
            if sum(len(p.passages) for p in buffer) >= EMBED_BUFFER or done == len(todo):
                yield from self._embed_and_write(buffer)
                buffer = []
        if buffer:
            yield from self._embed_and_write(buffer)

    def _record_failure(self, failed: Failed) -> None:
        failure = failed.report
        self.report.files.append(failure)
        with self.store.connect() as conn:
            Store.record_file(conn, FileRecord(failure.path, failed.sha256, failure.status, failure.reason))
            if failure.path in self.live:  # the file changed and can no longer be read: its old version goes
                Store.retire_document(conn, self.live.pop(failure.path)[0], self.target)
                self.changes += 1

    def _embed_and_write(self, batch: Sequence[Prepared]) -> Iterator[Progress]:
        texts = [p.text for item in batch for p in item.passages]
        parts = []
        for start in range(0, len(texts), EMBED_STEP):  # in steps, so that a progress bar moves while it embeds
            yield Progress(Stage.EMBED, start, len(texts))
            parts.append(self.embedder.embed_passages(texts[start : start + EMBED_STEP]))
        vectors = np.concatenate(parts) if parts else self.embedder.embed_passages([])
        self.report.embedded += len(texts)
        offset = 0
        with self.store.connect() as conn:  # one transaction per batch: all of it or none of it
            for item in batch:
                rel = item.doc.rel_path
                if rel in self.live:
                    Store.retire_document(conn, self.live[rel][0], self.target)
                chunk_vectors = vectors[offset : offset + len(item.passages)]
                offset += len(item.passages)
                doc_id = Store.add_document(
                    conn,
                    item.doc,
                    item.sha256,
                    item.info,
                    item.appraisal,
                    item.passages,
                    chunk_vectors,
                    self.target,
                    appraisal_version(),
                )
                self.live[rel] = (doc_id, item.sha256)
                self.changes += 1
                line = _indexed_line(item)
                Store.record_file(conn, FileRecord(rel, item.sha256, line.status, line.reason))
                self.report.files.append(line)
        yield Progress(Stage.WRITE, len(texts), len(texts))

    def _retire_missing(self, seen: set[str]) -> None:
        gone = sorted(set(self.live) - seen)
        with self.store.connect() as conn:
            for rel in gone:
                Store.retire_document(conn, self.live[rel][0], self.target)
                self.report.files.append(
                    FileReport(rel, FileStatus.REMOVED, "the file is no longer in the corpus folder")
                )
            Store.forget_files(conn, [r for r in Store.files(conn) if r not in seen])
        self.changes += len(gone)


def _indexed_line(item: Prepared) -> FileReport:
    failed = item.doc.failed_pages
    status = FileStatus.OK_PARTIAL if failed else FileStatus.OK
    reason = f"pages {', '.join(map(str, failed))} could not be read" if failed else ""
    if not failed and item.doc.metadata.get("ocr"):
        reason = "text from OCR"
    return FileReport(item.doc.rel_path, status, reason, len(item.doc.pages), len(item.passages))


def ingest(corpus_dir: Path, settings: Settings, embedder: Embedder, rebuild: bool = False) -> IngestReport:
    """``run`` without progress events."""
    return _last_report(run(corpus_dir, settings, embedder, rebuild))


def ingest_sources(
    sources: Iterable[Source],
    settings: Settings,
    embedder: Embedder,
    corpus_dir: Path | None = None,
    switch: bool = True,
) -> IngestReport:
    """``run_sources`` without progress events (``corpus_dir``: the folder file sources are under)."""
    return _last_report(run_sources(sources, settings, embedder, corpus_dir=corpus_dir, switch=switch))


def _last_report(events: Iterator[Progress | IngestReport]) -> IngestReport:
    for event in events:
        if isinstance(event, IngestReport):
            return event
    raise RuntimeError("ingest ended without a report")  # unreachable: runs always end with one
