"""One document from its pages to everything but its vectors: passages, description, kind and appraisal.

``prepare`` is the part of an ingest that runs per document (``ebp.ingest.pipeline`` runs it over a
corpus, in this process, while worker processes read ahead); ``prepare_file`` does it for one file
outside any index (``ebp describe``). A statute or court decision gets its own kind and no appraisal.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ebp.appraise import assess
from ebp.config import Settings
from ebp.errors import ParseError
from ebp.ingest.chunk import chunk
from ebp.ingest.describe import describe, legal_document
from ebp.ingest.isolate import IsolatedParser
from ebp.ingest.legal import LegalDocument
from ebp.ingest.read import Limits, read_document
from ebp.types import (
    Design,
    DocType,
    DocumentAppraisal,
    DocumentInfo,
    FileReport,
    FileStatus,
    Page,
    ParsedDocument,
    Passage,
)

if TYPE_CHECKING:
    from ebp.ingest.pipeline import Source

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Prepared:
    """A document read, cut into passages, described and appraised: everything but its vectors."""

    doc: ParsedDocument
    sha256: str
    info: DocumentInfo
    appraisal: DocumentAppraisal
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class Failed:
    report: FileReport
    sha256: str


def stand_in(rel: str, doc_type: DocType, passages: Sequence[Passage]) -> ParsedDocument:
    """A parsed document rebuilt from stored passages (pages approximated by the passages that start on them)."""
    pages: dict[int, list[str]] = {}
    for p in passages:
        pages.setdefault(p.page_start, []).append(p.text)
    rebuilt = tuple(Page(n, "\n".join(texts)) for n, texts in sorted(pages.items()))
    return ParsedDocument(Path(rel), rel, doc_type, rebuilt)


def legal_appraisal(legal: LegalDocument) -> DocumentAppraisal:
    """A legal document has no study design and no evidence level: design ``other``, sure, no items."""
    return DocumentAppraisal(Design.OTHER, 1.0, (f"{legal.kind} {legal.number}".strip(),), False, ())


def limits_of(settings: Settings) -> Limits:
    """The read limits the settings ask for."""
    return Limits(
        seconds=settings.parse_timeout_s,
        memory_mb=settings.parse_memory_mb,
        max_file_mb=settings.max_file_mb,
        ocr=settings.ocr,
    )


def prepare_all(todo: Sequence[Source], corpus_dir: Path | None, settings: Settings) -> Iterator[Prepared | Failed]:
    """Read files in isolated worker processes (time and memory limits), then chunk, describe and
    appraise in this process while the workers read ahead. In-memory documents skip the reading."""
    files = [s.path for s in todo if s.document is None and s.path is not None]
    if not files or corpus_dir is None:
        yield from (prepare(s.document, s.sha256, settings) for s in todo if s.document is not None)
        return
    with IsolatedParser(limits_of(settings), settings.passwords, workers=settings.workers) as parser:
        parsed = parser.parse_many(files, corpus_dir)
        for source in todo:
            if source.document is not None:
                yield prepare(source.document, source.sha256, settings)
                continue
            yield prepare_read(source.rel_path, source.sha256, next(parsed).result, settings)


def prepare_read(rel: str, sha256: str, result: ParsedDocument | ParseError, settings: Settings) -> Prepared | Failed:
    """What an isolated reader gave for one file (its document or its error), prepared or made a report line."""
    if isinstance(result, ParseError):
        return Failed(FileReport(rel, FileStatus(result.status), str(result)), sha256)
    return prepare(result, sha256, settings)


def prepare(doc: ParsedDocument, sha256: str, settings: Settings) -> Prepared | Failed:
    """Chunk, describe and appraise one read document; any failure becomes a report line."""
    rel = doc.rel_path
    try:
        passages = tuple(chunk(doc.pages, settings.chunk_sizes()))
        if not passages:
            reason = "no indexable text (only a title or a reference list)"
            return Failed(FileReport(rel, FileStatus.NO_TEXT_LAYER, reason), sha256)
        legal = legal_document(doc)
        if legal is not None:  # a statute or a court decision: its own kind, not a study to appraise
            doc = replace(doc, doc_type=DocType.REGULATION)
            info = describe(doc, legal)
            return Prepared(doc, sha256, info, legal_appraisal(legal), passages)
        info = describe(doc)
        return Prepared(doc, sha256, info, assess(doc, info, passages), passages)
    except Exception as exc:  # a bug or an unforeseen library error must not stop the corpus
        log.exception("unexpected error on %s", rel)
        return Failed(FileReport(rel, FileStatus.ERROR, f"unexpected error: {type(exc).__name__}: {exc}"), sha256)


def prepare_file(path: Path, settings: Settings) -> Prepared:
    """Read, chunk, describe and appraise one file as an ingest would, without indexing it.

    Raises the file's ``ParseError`` (or an ``EbpError`` for a file with no indexable text).
    """
    path = path.resolve()
    password = settings.passwords.get(path.name)
    doc = read_document(path, path.parent, password, limits_of(settings))
    prepared = prepare(doc, "", settings)
    if isinstance(prepared, Failed):
        error = ParseError(prepared.report.reason)
        error.status = prepared.report.status
        raise error
    return prepared
