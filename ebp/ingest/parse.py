"""Parse stage: a file on disk → pages of text (1-based) and the metadata it declares.

PDFs are read with pypdf, page by page. Case studies and notes may also be ``.txt``, ``.md``
(optional YAML front matter) or ``.docx``.

Document type rule: a file is a ``case_study`` when any folder between the corpus root and the
file is named ``case_studies`` (or ``studi_kasus``), or when its front matter says
``doc_type: case_study``; everything else is a ``journal_article``.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import Path
from typing import Any

from ebp.errors import (
    EmptyFileError,
    EncryptedError,
    NotAPdfError,
    NoTextError,
    ParseError,
    TooLargeError,
    UnsupportedError,
)
from ebp.types import DocType, Page, ParsedDocument

log = logging.getLogger(__name__)

PDF_SUFFIXES = frozenset({".pdf"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
DOCX_SUFFIXES = frozenset({".docx"})
SUPPORTED_SUFFIXES = PDF_SUFFIXES | TEXT_SUFFIXES | DOCX_SUFFIXES
CASE_STUDY_FOLDERS = frozenset({"case_studies", "studi_kasus"})

# A page with fewer characters than this is treated as having no text (scans, blank pages).
MIN_PAGE_CHARS = 20


def parse_file(
    path: Path,
    corpus_root: Path,
    max_bytes: int | None = None,
    password: str | None = None,
    max_pages: int | None = None,
) -> ParsedDocument:
    """Read one file into pages. Raises a ``ParseError`` subclass whose ``status`` names the problem.

    An encrypted PDF is opened with the empty password, as viewers do, then with ``password``; a PDF
    with more than ``max_pages`` pages is refused (``too_large``) before any text is extracted.
    """
    rel = path.relative_to(corpus_root).as_posix()
    size = path.stat().st_size
    if size == 0:
        raise EmptyFileError("the file is empty (0 bytes)")
    if max_bytes is not None and size > max_bytes:
        raise TooLargeError(f"the file is {size / 2**20:.0f} MB, above the {max_bytes / 2**20:.0f} MB limit")
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        pages, metadata, failed = _parse_pdf(path, password, max_pages)
    elif suffix in TEXT_SUFFIXES:
        pages, metadata, failed = _parse_text(path, front_matter=suffix != ".txt")
    elif suffix in DOCX_SUFFIXES:
        pages, metadata, failed = _parse_docx(path), {}, []
    else:
        raise UnsupportedError(f"files of type {suffix or '(no extension)'} are not read by ebp")
    if not any(len(p.text.strip()) >= MIN_PAGE_CHARS for p in pages):
        chars = sum(len(p.text.strip()) for p in pages)
        if suffix in PDF_SUFFIXES and chars == 0:
            raise NoTextError("no text layer (a scanned or image-only PDF; it needs OCR)")
        if suffix in PDF_SUFFIXES:
            raise NoTextError(f"almost no text ({chars} characters): a scan, an image-only PDF or an empty form")
        raise EmptyFileError("the file contains no text")
    return ParsedDocument(
        path=path,
        rel_path=rel,
        doc_type=doc_type_for(rel, metadata),
        pages=tuple(pages),
        metadata=metadata,
        failed_pages=tuple(failed),
    )


def has_pdf_header(head: bytes) -> bool:
    """Whether the first 1024 bytes of a file carry a PDF header, as PDF readers look for it.

    Readers accept a little junk before ``%PDF-`` (a byte-order mark, spaces, binary bytes), but a
    header after text — an HTML page or a Word file that mentions "%PDF-" — is not a PDF.
    Example: ``has_pdf_header(b"\\xef\\xbb\\xbf %PDF-1.4") and not has_pdf_header(b"<html>%PDF-")``
    """
    at = head.find(b"%PDF-", 0, 1024)
    return at >= 0 and not re.search(rb"[A-Za-z<>]", head[:at])


def doc_type_for(rel_path: str, metadata: dict[str, str]) -> DocType:
    """The document type rule of this module's docstring: front matter first, then the folders."""
    declared = metadata.get("doc_type", "").strip().lower()
    if declared in {t.value for t in DocType}:
        return DocType(declared)
    folders = {part.lower() for part in rel_path.split("/")[:-1]}
    return DocType.CASE_STUDY if folders & CASE_STUDY_FOLDERS else DocType.JOURNAL_ARTICLE


def _parse_pdf(path: Path, password: str | None, max_pages: int | None) -> tuple[list[Page], dict[str, str], list[int]]:
    # Imported here so `python -m ebp --help` stays instant.
    from pypdf import PdfReader

    with path.open("rb") as fh:
        head = fh.read(1024)
    if not has_pdf_header(head):
        raise NotAPdfError("not a PDF file (no %PDF- header)")
    try:
        reader = PdfReader(path, strict=False)
        _unlock(reader, password)
        metadata = _pdf_metadata(reader)
        count = len(reader.pages)
        _check_count(count, max_pages)
    except ParseError:
        raise
    except Exception as exc:  # pypdf raises TypeError, AttributeError ... as well as its own errors
        raise ParseError(f"the PDF is damaged and could not be opened ({type(exc).__name__}: {exc})") from exc
    pages: list[Page] = []
    failed: list[int] = []
    for number in range(1, count + 1):
        try:
            text = reader.pages[number - 1].extract_text() or ""
        except MemoryError:
            raise  # not a bad page: the whole file is too big for the memory cap
        except Exception as exc:  # one bad page must not lose the others
            log.warning("%s: page %d could not be read: %s", path.name, number, exc)
            failed.append(number)
            text = ""
        pages.append(Page(number, normalize_text(text)))
    if failed and len(failed) == count:
        raise ParseError(f"no page of the PDF could be read ({count} pages)")
    return pages, metadata, failed


def _unlock(reader: Any, password: str | None) -> None:
    """Open an encrypted PDF with the empty password, as viewers do, then with ``password``; else ask for one."""
    if not getattr(reader, "is_encrypted", False):
        return
    for attempt in ("", password):
        if attempt is None:
            continue
        try:
            if reader.decrypt(attempt):
                return
        except Exception as exc:
            raise EncryptedError(f"encrypted PDF that could not be opened ({exc})") from exc
    if password:
        raise EncryptedError("encrypted PDF: the password given for it does not open it")
    raise EncryptedError("encrypted PDF: a password is needed to open it")


def _check_count(count: int, max_pages: int | None) -> None:
    if max_pages is not None and count > max_pages:
        raise TooLargeError(f"the PDF has {count} pages, above the {max_pages}-page limit")
    if count == 0:
        raise EmptyFileError("the PDF has no pages")


def _pdf_metadata(reader: object) -> dict[str, str]:
    info = getattr(reader, "metadata", None)
    if not info:
        return {}
    out: dict[str, str] = {}
    for key, value in dict(info).items():
        name = str(key).lstrip("/").lower()
        text = str(value).strip() if value is not None else ""
        if text and name in {"title", "author", "subject", "keywords", "creationdate", "moddate"}:
            out[name] = normalize_text(text)
    return out


def _parse_text(path: Path, front_matter: bool) -> tuple[list[Page], dict[str, str], list[int]]:
    text = path.read_text(encoding="utf-8", errors="replace")
    metadata: dict[str, str] = {}
    if front_matter:
        metadata, text = _split_front_matter(text)
    return _pages_from_text(text), metadata, []


def _pages_from_text(text: str) -> list[Page]:
    """Plain text has no pages; a form feed (\\f) starts a new one, as in ``pdftotext`` output."""
    return [Page(i, normalize_text(chunk)) for i, chunk in enumerate(text.split("\f"), start=1)]


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    import frontmatter

    try:
        post = frontmatter.loads(text)
    except Exception as exc:  # malformed YAML: keep the text, ignore the header
        log.warning("front matter could not be read: %s", exc)
        return {}, text
    meta: dict[str, str] = {}
    for key, value in post.metadata.items():
        if isinstance(value, (list, tuple)):
            value = "; ".join(str(v) for v in value)
        meta[str(key).lower()] = str(value)
    return meta, post.content


def _parse_docx(path: Path) -> list[Page]:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise ParseError(f"the Word file could not be opened ({type(exc).__name__}: {exc})") from exc
    # .docx has no fixed pages: the whole document is page 1.
    return [Page(1, normalize_text("\n".join(p.text for p in document.paragraphs)))]


_HYPHEN_BREAK = re.compile(r"(\w)-\n(?=[a-z])")
_SPACES = re.compile(r"[ \t\u00a0]+")


def normalize_text(text: str) -> str:
    """Unicode NFKC (ligatures such as "ﬁ" → "fi"), re-join words hyphenated at a line end,
    squeeze spaces, drop control characters. Line breaks are kept: headings are found by line.

    Example: ``normalize_text("inter-\\nvention  ﬁts") == "intervention fits"``
    """
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    text = _HYPHEN_BREAK.sub(r"\1", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines).strip()
