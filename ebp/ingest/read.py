"""Read policy: how ebp reads one file — size and page limits, the file's password, OCR for scans.

``read_document`` is what a worker process of ``ebp.ingest.isolate`` runs for each file; the format
readers themselves are in ``ebp.ingest.parse`` and ``ebp.ingest.ocr``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from ebp.errors import NoTextError
from ebp.ingest.parse import MIN_PAGE_CHARS, PDF_SUFFIXES, doc_type_for, parse_file
from ebp.types import ParsedDocument

_OCR_MARGIN_SECONDS = 2.0  # OCR stops this long before the worker's deadline, to say why itself


@dataclass(frozen=True)
class Limits:
    """What one file may cost before it is given up on."""

    seconds: float = 60
    """Wall-clock time to parse one file (a worker's start-up is not counted)."""
    memory_mb: int = 1536
    """Address-space cap of a worker process (``RLIMIT_AS``); not applied on Windows or macOS."""
    max_pages: int = 2000
    """PDFs with more pages are skipped with status ``too_large`` before any text is extracted."""
    max_file_mb: float | None = None
    """Files larger than this are skipped with status ``too_large`` without being opened."""
    ocr: bool = False
    """Read PDFs without a text layer with Tesseract (``ebp.ingest.ocr``), within the same time limit."""

    def __post_init__(self) -> None:
        if self.seconds <= 0 or self.memory_mb <= 0 or self.max_pages <= 0:
            raise ValueError(f"limits must be positive: {self}")


DEFAULT_LIMITS = Limits()


def read_document(
    path: Path, corpus_root: Path, password: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> ParsedDocument:
    """One file's pages under ebp's read policy: size and page limits, the file's password, and OCR of a
    scan when ``limits.ocr``. Runs in the calling process; ``ebp.ingest.isolate`` runs it in workers."""
    started = time.monotonic()
    max_bytes = None if limits.max_file_mb is None else int(limits.max_file_mb * 2**20)
    try:
        return parse_file(path, corpus_root, max_bytes=max_bytes, password=password, max_pages=limits.max_pages)
    except NoTextError as exc:
        if not limits.ocr or path.suffix.lower() not in PDF_SUFFIXES:
            raise
        budget = limits.seconds - (time.monotonic() - started) - _OCR_MARGIN_SECONDS
        return _ocr_document(path, corpus_root, password, limits.max_pages, budget, exc)


def _ocr_document(
    path: Path, corpus_root: Path, password: str | None, max_pages: int, budget: float, no_text: NoTextError
) -> ParsedDocument:
    """The scan's text from Tesseract; ``metadata["ocr"]`` says so. Without Tesseract, or when OCR
    finds no text either, the file stays ``no_text_layer`` with a reason that says what to do."""
    from ebp.ingest.ocr import INSTALL_HINT, ocr_available, ocr_pdf

    if not ocr_available():
        reason = f"a scan without a text layer; OCR is switched on but not installed here: {INSTALL_HINT}"
        raise NoTextError(reason) from no_text
    pages = ocr_pdf(path, max_pages=max_pages, password=password, timeout=max(budget, 0.001))
    if not any(len(p.text) >= MIN_PAGE_CHARS for p in pages):
        chars = sum(len(p.text) for p in pages)
        raise NoTextError(f"almost no text, even with OCR ({chars} characters): a blank scan or an empty form")
    rel = path.relative_to(corpus_root).as_posix()
    return ParsedDocument(path, rel, doc_type_for(rel, {}), tuple(pages), metadata={"ocr": "tesseract"})
