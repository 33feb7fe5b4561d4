"""Enumerations and dataclasses that cross module borders: the ground floor, importing nothing of ebp.

Pages are numbered from 1, as people count them. Every ``StrEnum`` compares equal to its value, so
JSON contracts, SQLite columns and settings keep plain strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol


class DocType(StrEnum):
    JOURNAL_ARTICLE = "journal_article"
    CASE_STUDY = "case_study"
    REGULATION = "regulation"  # statutes, regulations, court decisions: not a study, no evidence level


class Design(StrEnum):
    """Study designs, strongest evidence first (``other`` is outside the hierarchy)."""

    SYSTEMATIC_REVIEW = "systematic_review_meta_analysis"
    RCT = "rct"
    QUASI_EXPERIMENTAL = "quasi_experimental"
    COHORT = "cohort"
    CASE_CONTROL = "case_control"
    CROSS_SECTIONAL = "cross_sectional"
    QUALITATIVE = "qualitative"
    CASE_STUDY = "case_study"
    REVIEW_NARRATIVE = "review_narrative"
    GUIDELINE_OR_OPINION = "guideline_or_opinion"
    OTHER = "other"


DESIGNS: tuple[str, ...] = tuple(d.value for d in Design)


class FileStatus(StrEnum):
    """One file's line in the ingest report (README: "Ingest report statuses")."""

    OK = "ok"
    OK_PARTIAL = "ok_partial"
    UNCHANGED = "unchanged"
    REMOVED = "removed"
    ENCRYPTED = "encrypted"
    NO_TEXT_LAYER = "no_text_layer"
    NOT_A_PDF = "not_a_pdf"
    CORRUPT = "corrupt"
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    UNSUPPORTED = "unsupported"
    TIMEOUT = "timeout"
    ERROR = "error"


INDEXED = frozenset({FileStatus.OK, FileStatus.OK_PARTIAL})
# Not indexed because the file itself is broken, as opposed to skipped for a reason the user can act on.
FAILED = frozenset({FileStatus.CORRUPT, FileStatus.NOT_A_PDF, FileStatus.TIMEOUT, FileStatus.ERROR})


class Stage(StrEnum):
    """Where an ingest run is (``ebp.ingest.Progress``)."""

    SCAN = "scan"
    APPRAISE = "appraise"  # documents labelled by an older appraisal, labelled again
    PARSE = "parse"
    EMBED = "embed"
    WRITE = "write"


class Section(StrEnum):
    ABSTRACT = "abstract"
    INTRODUCTION = "introduction"
    METHODS = "methods"
    RESULTS = "results"
    DISCUSSION = "discussion"
    CONCLUSION = "conclusion"
    # Practice case studies
    CASE = "case"
    ASSESSMENT = "assessment"
    INTERVENTION = "intervention"
    OUTCOME = "outcome"
    REFERENCES = "references"
    OTHER = "other"  # a heading we recognise as a heading but not as one of the above


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    text: str


@dataclass(frozen=True)
class ParsedDocument:
    """What the parse stage knows about one file: its pages and the metadata it declares."""

    path: Path  # as found on disk
    rel_path: str  # relative to the corpus folder, with forward slashes; the document's key
    doc_type: DocType
    pages: tuple[Page, ...]
    metadata: dict[str, str] = field(default_factory=dict)  # PDF info / front matter, lower-case keys
    failed_pages: tuple[int, ...] = ()  # pages whose text could not be extracted


@dataclass(frozen=True)
class Passage:
    """A chunk of one document; never crosses documents."""

    ordinal: int  # 0-based position in the document
    text: str
    page_start: int
    page_end: int
    section: Section | None


@dataclass(frozen=True)
class ChunkSizes:
    """Passage sizes in words (``ebp.ingest.chunk``)."""

    target: int = 200
    minimum: int = 120
    maximum: int = 300
    overlap: int = 40


@dataclass(frozen=True)
class DocumentInfo:
    """Bibliographic description of a document (the describe stage)."""

    title: str
    authors: tuple[str, ...] = ()
    year: int | None = None
    doi: str | None = None
    journal: str | None = None
    language: str = "und"  # ISO 639-1 ("en", "id", ...) or "und" when unknown


@dataclass(frozen=True)
class AppraisalItem:
    """A fact a practitioner checks first, as the text states it, with the sentence it came from."""

    name: str  # sample_size | randomisation | control_group | follow_up | effect_size
    status: str  # present | absent | unknown
    value: str | None
    sentence: str | None
    unit: str = ""  # what a sample size counts ("parents", "responden"), as written


@dataclass(frozen=True)
class Level:
    """A design's place in an evidence hierarchy."""

    rank: int  # 1 = strongest; designs outside the hierarchy rank after every level
    name: str
    label_en: str = ""
    label_id: str = ""


Hierarchy = tuple[tuple[str, tuple[str, ...]], ...]  # (level name, designs), strongest first


@dataclass(frozen=True)
class DocumentAppraisal:
    """Study design (with the cue phrases that decided it) and the appraisal items the text states."""

    design: Design = Design.OTHER
    confidence: float = 0.0
    cues: tuple[str, ...] = ()
    needs_checking: bool = True
    items: tuple[AppraisalItem, ...] = ()
    mixed_methods: bool = False


@dataclass(frozen=True)
class StoredDocument:
    doc_id: int
    path: str  # relative to the corpus folder
    doc_type: DocType
    n_pages: int
    sha256: str
    info: DocumentInfo
    appraisal: DocumentAppraisal = field(default_factory=DocumentAppraisal)
    extra: dict[str, Any] = field(default_factory=dict)


class DocumentPages(Protocol):
    """What is read of a document to quote it (the brief): an index's ``Store``, or a sharded library's
    ``ShardedStore`` (``ebp.cluster.sharded``)."""

    def passages_of_document(self, doc_id: int) -> list[Passage]: ...

    def page_texts(self, doc_id: int) -> dict[int, str]: ...


@dataclass(frozen=True)
class PassageHit:
    passage_id: int
    page_start: int
    page_end: int
    section: Section | None
    text: str
    score: float


@dataclass(frozen=True)
class Why:
    """Why a document ranked where it did (shown to the user, and in ``--json`` as ``why``)."""

    mode: str  # dense, bm25 or hybrid
    fused_rank: int
    fused_score: float
    dense_score: float | None  # best passage's cosine similarity to the case
    dense_rank: int | None
    lexical_score: float | None  # best passage's BM25 score; None when not used for this document
    lexical_rank: int | None
    query_language: str
    document_language: str
    cross_lingual: bool  # query and document in different languages (by meaning only unless translated)
    design_boost: float = 1.0  # multiplier for a design that answers the question type (COPES)
    lexical_source: str | None = None  # the words ranked: "query" (the case's own), "translated" or None
    translated_terms: tuple[str, ...] = ()  # English terms of an Indonesian case (ebp.retrieve.bridge), when used
    boost_moved: int = 0  # places the design boost moved this document (positive = up); bounded
    matched_terms: tuple[str, ...] = ()  # the case's words (or their translations) found in the shown passages


@dataclass(frozen=True)
class DocumentHit:
    document: StoredDocument
    score: float
    passages: tuple[PassageHit, ...]
    why: Why | None = None


@dataclass(frozen=True)
class FileReport:
    """One line of the ingest report."""

    path: str
    status: FileStatus
    reason: str = ""
    pages: int = 0
    passages: int = 0


class Mode(StrEnum):
    DENSE = "dense"
    BM25 = "bm25"
    HYBRID = "hybrid"


@dataclass(frozen=True)
class Filters:
    """Keep only documents that match; empty or ``None`` means no restriction."""

    language: str | None = None
    doc_type: str | None = None
    year_from: int | None = None
    year_to: int | None = None  # inclusive; documents without a year fail either bound
    designs: tuple[str, ...] = ()
    min_level: int | None = None  # keep evidence levels 1..min_level (1 = strongest)


@dataclass(frozen=True)
class SearchOptions:
    k: int = 10
    mode: Mode = Mode.HYBRID
    passages_per_doc: int = 3
    candidates: int = 200
    lexical_weight: float = 1.0
    balance_languages: bool = True
    translate_queries: bool = True  # put an Indonesian case's words into English for English documents
    filters: Filters = field(default_factory=Filters)
    hierarchy: Hierarchy = ()  # () → ebp.appraise.levels.DEFAULT_HIERARCHY
    design_boost: dict[str, float] = field(default_factory=dict)  # design → multiplier (COPES question type)
