"""SQLite rows of the index as the dataclasses the rest of ebp uses, and back (``ebp.index.store`` runs the SQL)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass

from ebp.types import AppraisalItem, Design, DocType, DocumentAppraisal, DocumentInfo, Section, StoredDocument


@dataclass(frozen=True)
class PassageRow:
    passage_id: int
    doc_id: int
    ordinal: int
    page_start: int
    page_end: int
    section: Section | None
    text: str


@dataclass(frozen=True)
class FileRecord:
    path: str
    sha256: str
    status: str
    reason: str


def passage_row(row: sqlite3.Row) -> PassageRow:
    section = row["section"]
    return PassageRow(
        passage_id=row["passage_id"],
        doc_id=row["doc_id"],
        ordinal=row["ordinal"],
        page_start=row["page_start"],
        page_end=row["page_end"],
        section=section_of(section),
        text=row["text"],
    )


def stored_document(row: sqlite3.Row) -> StoredDocument:
    return StoredDocument(
        doc_id=row["doc_id"],
        path=row["path"],
        doc_type=DocType(row["doc_type"]),
        n_pages=row["n_pages"],
        sha256=row["sha256"],
        info=DocumentInfo(
            title=row["title"],
            authors=tuple(json.loads(row["authors"])),
            year=row["year"],
            doi=row["doi"],
            journal=row["journal"],
            language=row["language"],
        ),
        appraisal=DocumentAppraisal(
            design=Design(row["design"]),
            confidence=row["design_confidence"],
            cues=tuple(json.loads(row["design_cues"])),
            needs_checking=bool(row["needs_checking"]),
            items=tuple(AppraisalItem(**item) for item in json.loads(row["appraisal"])),
            mixed_methods=bool(row["mixed_methods"]),
        ),
        extra=json.loads(row["extra"]),
    )


def section_of(value: str | None) -> Section | None:
    """A stored section name as a ``Section`` (None when absent or from an older ebp)."""
    return Section(value) if value is not None and value in Section._value2member_map_ else None


def appraisal_columns(appraisal: DocumentAppraisal) -> tuple[object, ...]:
    """(design, design_confidence, design_cues, needs_checking, appraisal, mixed_methods) as stored."""
    return (
        appraisal.design,
        appraisal.confidence,
        json.dumps(appraisal.cues, ensure_ascii=False),
        int(appraisal.needs_checking),
        json.dumps([asdict(item) for item in appraisal.items], ensure_ascii=False),
        int(appraisal.mixed_methods),
    )
