"""Describe stage: title, authors, year, DOI, journal and language of a parsed document.

Pure functions over what the parse stage found. Sources in order of trust: front matter
(Markdown case studies), PDF metadata when it looks real, the first page, the file name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import PurePosixPath

from ebp.ingest.legal import LegalDocument, from_file_name, recognise
from ebp.ingest.legal import readable as legal_readable
from ebp.language import detect_language, normalise_language
from ebp.types import DocumentInfo, ParsedDocument

_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-9]\d)(?!\d)")
_JOURNAL_WORDS = re.compile(r"\b(journal|jurnal|proceedings|prosiding|bulletin|buletin|review|annals|lancet)\b", re.I)
_NOT_TITLE = re.compile(
    r"(journal|jurnal|vol\.|volume|issn|doi|https?://|www\.|©|copyright|received|accepted|published|"
    r"open access|licen[cs]e|e-?mail|@|page \d|halaman|\bno\.\s*\d|preprint|arxiv|demo -|issue)",
    re.IGNORECASE,
)
_AFFILIATION = re.compile(
    r"(universit|institut|department|departemen|fakultas|faculty|school of|hospital|center|centre)", re.I
)
_BAD_META_TITLE = re.compile(r"^(untitled|microsoft word|document\d*|title)\b|\.(docx?|pdf|tex|dvi|indd)$", re.I)


def legal_document(doc: ParsedDocument) -> LegalDocument | None:
    """The statute, regulation or court decision a document is, read from its first pages (or, when those are
    unreadable, from a file name such as ``UU_40_2004_SJSN.pdf``); None for anything else."""
    head = "\n".join(p.text for p in doc.pages[:2])
    found = recognise(head)
    if found is None and not legal_readable(head):
        found = from_file_name(PurePosixPath(doc.rel_path).name)
    return found


def describe(doc: ParsedDocument, legal: LegalDocument | None = None) -> DocumentInfo:
    """Bibliographic description with fallbacks; never raises on odd input. A legal document is titled and
    dated by its own form ("UU No. 23 Tahun 2004 tentang …", enacted 2004)."""
    meta = doc.metadata
    first_lines = _lines(doc.pages[0].text if doc.pages else "")
    title = meta.get("title", "").strip() if doc.path.suffix.lower() != ".pdf" else ""
    title = title or _metadata_title(meta) or _first_page_title(first_lines) or _title_from_name(doc.rel_path)
    if legal is not None:
        head_text = "\n".join(p.text for p in doc.pages[:2])
        return DocumentInfo(
            title=legal.title,
            year=legal.year,
            language=normalise_language(meta.get("language") or "") or detect_language(head_text) or "id",
        )
    head_text = "\n".join(p.text for p in doc.pages[:2])
    body = "\n".join(p.text for p in doc.pages[:5])
    return DocumentInfo(
        title=title,
        authors=_authors(meta, first_lines, title),
        year=_year(meta, first_lines),
        doi=_doi(meta, head_text),
        journal=_journal(meta, first_lines),
        language=normalise_language(meta.get("language") or meta.get("lang") or "") or detect_language(body),
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()][:40]


def _metadata_title(meta: dict[str, str]) -> str:
    title = re.sub(r"\s+", " ", meta.get("title", "")).strip()
    if len(title.split()) < 2 or _BAD_META_TITLE.search(title):
        return ""
    return title


def _first_page_title(lines: Sequence[str]) -> str:
    for i, line in enumerate(lines[:15]):
        words = line.split()
        if not 3 <= len(words) <= 30 or _NOT_TITLE.search(line) or not re.search(r"[A-Za-z]{3}", line):
            continue
        if sum(ch.isdigit() for ch in line) > len(line) // 4:
            continue
        title = line
        # A title wrapped over two lines: the next line continues it in lower case or without a full stop.
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if nxt and not title.endswith(".") and len(nxt.split()) <= 15 and nxt[:1].islower():
            title = f"{title} {nxt}"
        return title.rstrip(".")
    return ""


def _title_from_name(rel_path: str) -> str:
    stem = PurePosixPath(rel_path).stem
    return re.sub(r"[_\-]+", " ", stem).strip() or rel_path


def _authors(meta: dict[str, str], lines: Sequence[str], title: str) -> tuple[str, ...]:
    raw = meta.get("authors") or meta.get("author") or ""
    if not raw:
        raw = _author_line(lines, title)
    parts = re.split(r"\s*(?:;|,| and | dan | & )\s*", raw)
    names = [re.sub(r"[\d*†‡§¹²³⁴⁵]+$", "", p).strip() for p in parts]
    return tuple(n for n in names if len(n) > 1 and re.search(r"[A-Za-z]", n))[:20]


def _author_line(lines: Sequence[str], title: str) -> str:
    """The line just below the title, if it reads like a list of names."""
    try:
        start = next(i for i, line in enumerate(lines) if title.startswith(line[:30]) and line)
    except StopIteration:
        return ""
    for line in lines[start + 1 : start + 4]:
        if title.endswith(line):
            continue
        words = line.replace(",", " ").split()
        capitalised = sum(w[:1].isupper() for w in words)
        if (
            2 <= len(words) <= 30
            and capitalised >= len(words) * 0.6
            and not _NOT_TITLE.search(line)
            and not _AFFILIATION.search(line)
        ):
            return line
        break
    return ""


def _year(meta: dict[str, str], lines: Sequence[str]) -> int | None:
    latest = date.today().year + 1
    candidates = [meta.get("year", "")]
    candidates += [line for line in lines if _NOT_TITLE.search(line) or _JOURNAL_WORDS.search(line)]
    candidates += list(lines[:15])
    candidates.append(meta.get("creationdate", ""))
    for text in candidates:
        for match in _YEAR.finditer(text or ""):
            year = int(match.group(1))
            if year <= latest:
                return year
    return None


def _doi(meta: dict[str, str], text: str) -> str | None:
    for source in (meta.get("doi", ""), meta.get("subject", ""), text):
        match = _DOI.search(source or "")
        if match:
            return match.group(1).rstrip(".,;)]")
    return None


def _journal(meta: dict[str, str], lines: Sequence[str]) -> str | None:
    if meta.get("journal"):
        return meta["journal"].strip()
    subject = meta.get("subject", "")
    if _JOURNAL_WORDS.search(subject) and len(subject) < 150:
        return subject.strip()
    for line in lines[:20]:
        if _JOURNAL_WORDS.search(line) and len(line.split()) <= 20:
            name = re.split(r",\s*(?:vol|\d{4})|\s\d{4}\b|;", line, maxsplit=1, flags=re.I)[0]
            return name.strip(" ,.") or None
    return None
