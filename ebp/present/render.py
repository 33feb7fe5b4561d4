"""Search results as JSON (the ``ebp search --json`` contract) and as text, for the CLI and the app.

One place renders a result's reasons (``why_text``): the app shows them in the UI language, the CLI
in English.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ebp.appraise.levels import DEFAULT_HIERARCHY, evidence_level
from ebp.present.i18n import counted, strings
from ebp.types import DocType, DocumentAppraisal, DocumentHit, Hierarchy, Level


def record_json(record: Mapping[str, Any], hierarchy: Hierarchy) -> dict[str, Any]:
    """``ebp describe --jsonl``'s line for one record ``{id, title, abstract}``: its design, level and sample size."""
    from ebp.appraise import classify_design, stated_sample_size

    title, abstract = str(record.get("title") or ""), str(record.get("abstract") or "")
    design = classify_design(title, abstract)
    return {
        "id": record.get("id"),
        "design": design.label,
        "level": evidence_level(design.label, hierarchy).rank,
        "confidence": design.confidence,
        "cues": list(design.cues),
        "sample_size": stated_sample_size(f"{title}. {abstract}"),
        "needs_checking": design.needs_checking,
        "mixed_methods": design.mixed_methods,
    }


def appraisal_json(appraisal: DocumentAppraisal, hierarchy: Hierarchy, doc_type: str = "") -> dict[str, Any]:
    """The appraisal fields of the JSON contracts (``ebp search --json``, ``ebp describe``)."""
    level = evidence_level(appraisal.design, hierarchy)
    if doc_type == DocType.REGULATION:  # a law or a court decision has no level of evidence
        level = Level(len(hierarchy or DEFAULT_HIERARCHY) + 1, "not_applicable", "Not a study", "Bukan penelitian")
    return {
        "design": appraisal.design,
        "level": {"rank": level.rank, "name": level.name, "label_en": level.label_en, "label_id": level.label_id},
        "design_confidence": appraisal.confidence,
        "design_cues": list(appraisal.cues),
        "needs_checking": appraisal.needs_checking,
        "mixed_methods": appraisal.mixed_methods,
        "appraisal": [asdict(item) for item in appraisal.items],
    }


def hit_json(hit: DocumentHit, corpus_dir: Path, hierarchy: Hierarchy = ()) -> dict[str, Any]:
    """The ``ebp search --json`` contract: keep these field names."""
    doc = hit.document
    return {
        "doc_id": doc.doc_id,
        "path": str(corpus_dir / doc.path),
        "title": doc.info.title,
        "authors": list(doc.info.authors),
        "year": doc.info.year,
        "language": doc.info.language,
        "doc_type": doc.doc_type.value,
        "journal": doc.info.journal,
        "doi": doc.info.doi,
        "score": hit.score,
        "passages": [
            {"page_start": p.page_start, "page_end": p.page_end, "section": p.section, "text": p.text, "score": p.score}
            for p in hit.passages
        ],
        "why": asdict(hit.why) if hit.why else None,
        **appraisal_json(hit.document.appraisal, hierarchy or DEFAULT_HIERARCHY, doc.doc_type),
    }


def format_hits(hits: Sequence[DocumentHit], corpus_dir: Path, hierarchy: Hierarchy = (), floor: float = 0.0) -> str:
    lines = []
    for rank, hit in enumerate(hits, start=1):
        info = hit.document.info
        authors = ", ".join(info.authors[:2]) + (" et al." if len(info.authors) > 2 else "")
        byline = ", ".join(x for x in (authors, str(info.year or "n.d.")) if x)
        lines.append(f"{rank}. {info.title} ({byline})")
        where = corpus_dir / hit.document.path
        lines.append(f"   {hit.document.doc_type.value}, {info.language}, score {hit.score:.3f} — {where}")
        appraisal = hit.document.appraisal
        level = evidence_level(appraisal.design, hierarchy or DEFAULT_HIERARCHY)
        check = ", needs checking" if appraisal.needs_checking else ""
        cues = "; ".join(appraisal.cues[:3])
        lines.append(
            f"   design {appraisal.design} ({appraisal.confidence:.2f}{check}; cues: {cues or '-'})"
            f" — evidence level {level.rank}: {level.label_en}"
        )
        if hit.why:
            lines.append(f"   why: {why_text(hit, strings('en'), floor)}")
        for p in hit.passages:
            pages = f"p. {p.page_start}" if p.page_start == p.page_end else f"pp. {p.page_start}-{p.page_end}"
            location = f"{pages}, {p.section}" if p.section else pages
            snippet = textwrap.shorten(p.text, width=300, placeholder=" …")
            lines.append(
                textwrap.fill(f"[{location}] {snippet}", width=100, initial_indent="   ", subsequent_indent="   ")
            )
        lines.append("")
    return "\n".join(lines)


MEANING_CLOSE = 0.04  # a similarity this far above the relevance floor reads as "very close in meaning"


def why_text(hit: DocumentHit, t: Mapping[str, str], floor: float = 0.0) -> str:
    """Why a document ranked where it did, in words a practitioner reads: the case's words its passages contain,
    how close it is in meaning (against the model's relevance ``floor``; not said without one), another language,
    and a design boost with the places it moved. These are the signals that ordered the list; no raw scores.
    """
    why = hit.why
    if why is None:
        return ""
    parts = []
    if why.matched_terms:
        words = ", ".join(why.matched_terms)
        parts.append(t["why.translated" if why.translated_terms else "why.words"].format(words=words))
    elif why.dense_score is not None:
        parts.append(t["why.no_words"])
    if why.dense_score is not None and floor > 0:
        band = "high" if why.dense_score >= floor + MEANING_CLOSE else "mid" if why.dense_score >= floor else "low"
        parts.append(t[f"why.meaning_{band}"])
    if why.cross_lingual and not why.translated_terms:
        parts.append(t["why.cross"])
    if why.design_boost > 1.0:
        parts.append(counted(t, "why.boost_moved", why.boost_moved) if why.boost_moved else t["why.boost"])
    return " · ".join(parts)
