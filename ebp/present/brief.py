"""The evidence brief: what the library says about a case, in sentences quoted from it with their pages.

Nothing in a brief is generated: its own words are fixed, translated phrases (how many documents, of
which designs, whether the evidence is strong), and every finding is a sentence copied from a document
(``ebp.appraise.findings``), checked against the text of the page it cites before it is shown; a quote
that cannot be found on its page is left out. Findings come strongest evidence first; where studies point
different ways the brief says so and keeps both. When nothing clears the relevance floor, or only
opinion, narrative reviews and case reports do, the brief says plainly that the library holds no strong
evidence for this case, and which kind of study would answer it.

Example: ``build_brief(case, hits, store, hierarchy, floor=0.83).findings[0].page``
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ebp.appraise.findings import EvidenceRow, evidence_row
from ebp.appraise.levels import DEFAULT_HIERARCHY, evidence_level
from ebp.appraise.quotes import Quote, candidate_sentences, locate, normalised
from ebp.index.store import Store
from ebp.present.gloss import gloss
from ebp.retrieve.copes import design_boost
from ebp.types import Design, DocType, DocumentHit, DocumentPages, Hierarchy, StoredDocument

MAX_FINDINGS = 7
MIN_FINDINGS = 3
_TESTS = frozenset({"rct", "quasi_experimental", "systematic_review_meta_analysis"})  # designs testing an intervention
_WEAK = frozenset({Design.GUIDELINE_OR_OPINION, Design.REVIEW_NARRATIVE, Design.CASE_STUDY, Design.OTHER})
# The kind of study that would answer each question type (COPES), for "no strong evidence".
ANSWERED_BY = {
    "effectiveness": ("rct", "systematic_review_meta_analysis"),
    "prevention": ("rct", "systematic_review_meta_analysis"),
    "risk": ("cohort", "case_control"),
    "assessment": ("cross_sectional",),
    "description": ("qualitative",),
    "": ("systematic_review_meta_analysis", "rct"),
}
PageReader = Callable[[StoredDocument], dict[int, str]]
# Which results the brief reads, where the model has a window (``ebp.present.cards.near_best_window``): besides the
# absolute floor, a result must be close to the best one, by meaning (cosine within the window of the best) or by
# words (BM25 at least NEAR_BEST_LEXICAL of the best), so that a strong but off-topic study never leads the brief.
# Chosen with the window on half of the team's 40 judged cases and checked on the other half
# (benchmarks/eval_brief_relevance.py): both halves chose the same values.
NEAR_BEST_LEXICAL = 0.7


@dataclass(frozen=True)
class Finding:
    """One quoted key finding, with where it is and what kind of evidence it is."""

    text: str
    doc_id: int
    path: str
    page: int
    direction: str
    design: str
    level: int
    score: float  # the document's relevance to the case (dense similarity)
    citation: int  # [n]: the document's number in the result list (its card)
    language: str = "en"
    gloss: tuple[tuple[str, str], ...] = ()  # (English term, Indonesian) for an English quote


@dataclass(frozen=True)
class Row:
    """The evidence table's row of one document."""

    citation: int
    doc_id: int
    path: str
    title: str
    year: int | None
    design: str
    level: int
    row: EvidenceRow


@dataclass(frozen=True)
class Brief:
    case: str
    question_type: str
    documents: int  # relevant documents considered
    counts_by_design: dict[str, int]
    counts_by_level: dict[int, int]
    no_strong_evidence: bool
    conflicting: bool
    answered_by: tuple[str, ...]  # designs that would answer the question, when the evidence is not strong or off it
    # False when the case asks a kind of question (COPES) that none of the relevant documents' designs answers:
    # a qualitative study and a case report tell how an intervention was lived, not whether it works.
    answers_question: bool = True
    findings: list[Finding] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)


def build_brief(
    case: str,
    hits: Sequence[DocumentHit],
    store: DocumentPages,
    hierarchy: Hierarchy = DEFAULT_HIERARCHY,
    floor: float = 0.0,
    question_type: str = "",
    read_pages: PageReader | None = None,
    near_best: float | None = None,
) -> Brief:
    """The brief for ``case`` from its search results (best first). ``read_pages`` gives a document's page
    texts when the index does not hold them (indexes made before pages were kept); ``near_best``, the model's
    window (``close_to_best``; None: every result above the floor is read)."""
    relevant = [h for h in hits if h.why is None or h.why.dense_score is None or h.why.dense_score >= floor]
    # [n] is the result's number in the list below the brief (the app's cards, ``ebp search``), where the relevant
    # results come first in their order: a citation leads to its card even when the brief reads only some results.
    number = {id(h): n for n, h in enumerate(relevant, start=1)}
    if near_best is not None:
        relevant = close_to_best(relevant, near_best)
    studies = [h for h in relevant if h.document.doc_type is not DocType.REGULATION]
    rows = [_row(number[id(h)], h, store, hierarchy, read_pages) for h in studies]
    designs = Counter(r.design for r in rows)
    strong = [r for r in rows if Design(r.design) not in _WEAK and r.row.key_findings]
    findings = _findings(rows)
    # Studies point different ways when trials and reviews of an intervention do; a survey's risk factor ("harm") and
    # a trial's benefit answer different questions.
    tested = {
        f.direction for f in findings if f.direction in ("benefit", "harm", "no_difference") and f.design in _TESTS
    }
    no_strong = not strong
    answering = design_boost(question_type) if question_type else {}
    answers = not answering or any(r.design in answering for r in rows)
    return Brief(
        case=case,
        question_type=question_type,
        documents=len(rows),
        counts_by_design=dict(designs.most_common()),
        counts_by_level=dict(sorted(Counter(r.level for r in rows).items())),
        no_strong_evidence=no_strong,
        conflicting=len(tested) > 1,
        answered_by=ANSWERED_BY.get(question_type, ANSWERED_BY[""]) if no_strong or not answers else (),
        answers_question=answers,
        findings=findings if rows else [],
        rows=rows,
    )


def close_to_best(
    hits: Sequence[DocumentHit], window: float | None, lexical_share: float | None = NEAR_BEST_LEXICAL
) -> list[DocumentHit]:
    """The results about as relevant as the best one: a cosine within ``window`` of the best, or a BM25 score at
    least ``lexical_share`` of the best (None: that side is not asked; both None: every result); a result whose
    relevance was not scored (no ``why``) is kept. ``benchmarks/eval_brief_relevance.py`` chose the values.

    Example: of two hits with cosine 0.90 and 0.84 and no BM25 score, ``close_to_best(hits, 0.01)`` keeps the first
    """
    if window is None and lexical_share is None:
        return list(hits)
    dense = [h.why.dense_score for h in hits if h.why is not None and h.why.dense_score is not None]
    lexical = [h.why.lexical_score for h in hits if h.why is not None and h.why.lexical_score]
    best_dense, best_lexical = max(dense, default=None), max(lexical, default=None)

    def near(hit: DocumentHit) -> bool:
        why = hit.why
        if why is None or (why.dense_score is None and not why.lexical_score):
            return True
        if window is not None and why.dense_score is not None and best_dense is not None:
            if why.dense_score >= best_dense - window:
                return True
        return bool(
            lexical_share is not None
            and why.lexical_score
            and best_lexical
            and why.lexical_score >= lexical_share * best_lexical
        )

    return [h for h in hits if near(h)]


def _row(
    citation: int, hit: DocumentHit, store: DocumentPages, hierarchy: Hierarchy, read_pages: PageReader | None
) -> Row:
    return document_row(citation, hit.document, store, hierarchy, read_pages)


def document_row(
    citation: int, doc: StoredDocument, store: DocumentPages, hierarchy: Hierarchy, read_pages: PageReader | None = None
) -> Row:
    """The evidence row of one stored document, its quotes checked against their pages."""
    passages = store.passages_of_document(doc.doc_id)
    pages = store.page_texts(doc.doc_id) or (read_pages(doc) if read_pages else {})
    quotes = (
        [locate(q, pages) for q in candidate_sentences(passages, pages)] if pages else candidate_sentences(passages)
    )
    size = next((i for i in doc.appraisal.items if i.name == "sample_size" and i.value), None)
    n = int(size.value) if size is not None and size.value else None
    row = evidence_row(quotes, Design(doc.appraisal.design), n, size.unit if size is not None else "")
    verified = tuple(q for q in row.key_findings if on_page(q, pages))  # a quote not found on its page is not shown
    row = EvidenceRow(verified, row.direction if verified else "unclear", row.participants, row.n, row.n_unit,
                      row.intervention, row.comparison, row.outcomes)  # fmt: skip
    level = evidence_level(doc.appraisal.design, hierarchy).rank
    return Row(citation, doc.doc_id, doc.path, doc.info.title, doc.info.year, doc.appraisal.design, level, row)


def on_page(quote: Quote, pages: Mapping[int, str]) -> bool:
    """Whether the quoted sentence is in the text of the page it cites."""
    return bool(pages) and normalised(quote.text)[:160] in normalised(pages.get(quote.page, ""))


def _findings(rows: Sequence[Row]) -> list[Finding]:
    """One finding per document (its first key finding), strongest evidence first, then the most relevant;
    where directions differ, at least one of each is kept."""
    candidates = [r for r in rows if r.row.key_findings]
    ordered = sorted(candidates, key=lambda r: (r.level, r.citation))
    chosen = ordered[:MAX_FINDINGS]
    for direction in ("benefit", "harm", "no_difference", "mixed"):
        if not any(r.row.direction == direction for r in chosen):
            extra = next((r for r in ordered if r.row.direction == direction), None)
            if extra is not None and len(chosen) >= MAX_FINDINGS:
                chosen[-1] = extra
            elif extra is not None:
                chosen.append(extra)
    out = []
    for r in sorted(chosen, key=lambda r: (r.level, r.citation)):
        quote = r.row.key_findings[0]
        language = "id" if _looks_indonesian(quote.text) else "en"
        out.append(Finding(quote.text, r.doc_id, r.path, quote.page, r.row.direction, r.design, r.level, 0.0,
                           r.citation, language, gloss(quote.text) if language == "en" else ()))  # fmt: skip
    return out


_ID_WORDS = re.compile(r"\b(?:yang|dan|dengan|pada|untuk|dalam|tidak|adalah|terhadap)\b", re.I)


def _looks_indonesian(text: str) -> bool:
    return len(_ID_WORDS.findall(text)) >= 2


def read_pages_from_file(corpus_dir: Path) -> PageReader:
    """A page reader for documents indexed before page texts were kept: the file's pages, read again."""

    def read(doc: StoredDocument) -> dict[int, str]:
        from ebp.errors import ParseError
        from ebp.ingest.parse import parse_file

        path = corpus_dir / doc.path
        try:
            parsed = parse_file(path, corpus_dir)
        except (ParseError, OSError, ValueError):
            return {}
        return {p.number: p.text for p in parsed.pages}

    return read


def brief_json(brief: Brief, corpus_dir: Path, copes: Mapping[str, str] | None = None) -> dict[str, object]:
    """The ``ebp brief --json`` contract: keep these field names."""
    return {
        "case": brief.case,
        "copes": dict(copes or {}),
        "summary": {
            "counts": {
                "documents": brief.documents,
                "by_design": brief.counts_by_design,
                "by_level": {str(k): v for k, v in brief.counts_by_level.items()},
            },  # fmt: skip
            "no_strong_evidence": brief.no_strong_evidence,
            "conflicting": brief.conflicting,
            "answered_by": list(brief.answered_by),
            "answers_question": brief.answers_question,
        },
        "findings": [
            {
                "text": f.text,
                "doc_id": f.doc_id,
                "path": str(corpus_dir / f.path),
                "page": f.page,
                "direction": f.direction,
                "design": f.design,
                "level": f.level,
                "score": f.score,
                "citation": f.citation,
                "gloss": [{"en": en, "id": id_} for en, id_ in f.gloss],
            }
            for f in brief.findings
        ],
        "rows": [_row_json(r, corpus_dir) for r in brief.rows],
    }


def _row_json(r: Row, corpus_dir: Path) -> dict[str, object]:
    def field_json(value: object) -> dict[str, object]:
        return {"text": value.text, "sentence": value.sentence, "page": value.page}  # type: ignore[attr-defined]

    return {
        "citation": r.citation,
        "doc_id": r.doc_id,
        "path": str(corpus_dir / r.path),
        "title": r.title,
        "year": r.year,
        "design": r.design,
        "level": r.level,
        "key_findings": [{"text": q.text, "page": q.page} for q in r.row.key_findings],
        "direction": r.row.direction,
        "participants": field_json(r.row.participants),
        "n": r.row.n,
        "n_unit": r.row.n_unit,
        "intervention": field_json(r.row.intervention),
        "comparison": field_json(r.row.comparison),
        "outcomes": field_json(r.row.outcomes),
    }


def summary_lines(brief: Brief, t: Mapping[str, str]) -> list[str]:
    """The brief's own words, in the UI language: how much evidence, of which kinds, and what it cannot say."""
    from ebp.present.i18n import counted, label

    lines = []
    if brief.documents:
        # "2 × case study", not "2 case study": a design's label has no plural
        designs = ", ".join(f"{n} × {_lower_first(label(t, 'design', d))}" for d, n in brief.counts_by_design.items())
        lines.append(counted(t, "brief.counts", brief.documents, designs=designs))
    answered = ", ".join(_lower_first(label(t, "design", d)) for d in brief.answered_by)
    if brief.no_strong_evidence:
        lines.extend([t["brief.none"], t["brief.would_answer"].format(designs=answered)])
    elif brief.documents and not brief.answers_question:
        question = _lower_first(label(t, "qtype", brief.question_type))
        lines.append(t["brief.off_question"].format(question=question, designs=answered))
    if brief.conflicting and not brief.no_strong_evidence:
        lines.append(t["brief.conflict"])
    return lines


def _lower_first(name: str) -> str:
    """A label inside a sentence: "Randomised controlled trial (RCT)" → "randomised controlled trial (RCT)"."""
    return name[:1].lower() + name[1:]


def brief_text(brief: Brief, t: Mapping[str, str]) -> str:
    """The brief as plain text (the CLI): its own sentences, then each quoted finding with its citation and page."""
    from ebp.present.i18n import label

    lines = [t["brief.title"], *summary_lines(brief, t)]
    if brief.findings:
        lines.append(t["brief.findings"])
    for f in brief.findings:
        where = f"[{f.citation}] {f.path}, {t['card.page']} {f.page}"
        lines.append(f'- "{f.text}" ({where}; {label(t, "design", f.design)}; {label(t, "direction", f.direction)})')
        if f.gloss:
            lines.append("  " + t["brief.gloss"] + ": " + "; ".join(f"{en} = {id_}" for en, id_ in f.gloss))
    return "\n".join(lines)


def rows_for_paths(
    paths: Sequence[str], store: Store, hierarchy: Hierarchy, read_pages: PageReader | None = None
) -> dict[str, Row]:
    """Evidence rows of the documents at ``paths`` (a reading list's items) that are in the index."""
    documents = {d.path: d for d in store.all_documents(store.generation())}
    return {
        path: document_row(number, documents[path], store, hierarchy, read_pages)
        for number, path in enumerate(paths, start=1)
        if path in documents and documents[path].doc_type is not DocType.REGULATION
    }
