"""The appraisal of one parsed document: study design and the appraisal items, from its passages."""

from __future__ import annotations

from collections.abc import Sequence

from ebp.appraise.design import classify_design
from ebp.appraise.items import appraise
from ebp.types import AppraisalItem, Design, DocType, DocumentAppraisal, DocumentInfo, ParsedDocument, Passage, Section

# Items that describe the document's own study; a review's or an essay's mentions of them are about other studies.
_OWN_STUDY_ITEMS = frozenset({"randomisation", "control_group", "follow_up"})
_NOT_OWN_STUDY = frozenset(
    {Design.SYSTEMATIC_REVIEW, Design.REVIEW_NARRATIVE, Design.GUIDELINE_OR_OPINION, Design.OTHER}
)


def assess(doc: ParsedDocument, info: DocumentInfo, passages: Sequence[Passage]) -> DocumentAppraisal:
    """Study design and appraisal items from the title, the abstract (or the opening words) and the body.

    Reference lists are already out of ``passages``, so other studies' designs do not leak in. A practice
    case description (``doc_type: case_study``) gets its design but no items: it is not a study to appraise.
    """
    abstract = " ".join(p.text for p in passages if p.section is Section.ABSTRACT)
    body_passages = [p for p in passages if p.section is not Section.ABSTRACT]
    if not abstract and body_passages:
        abstract, body_passages = body_passages[0].text, body_passages[1:]
    body = " ".join(p.text for p in body_passages)
    label = classify_design(info.title, abstract, body, doc.doc_type.value)
    design = Design(label.label)
    items = () if doc.doc_type is DocType.CASE_STUDY else relevant_items(design, appraise(f"{abstract} {body}"))
    return DocumentAppraisal(design, label.confidence, label.cues, label.needs_checking, items, label.mixed_methods)


def relevant_items(design: Design, items: Sequence[AppraisalItem]) -> tuple[AppraisalItem, ...]:
    """The items that say something about this kind of document: a review's randomisation or follow-up belongs
    to its included studies; a case report has no sample."""
    out = []
    for item in items:
        if design in _NOT_OWN_STUDY and item.name in _OWN_STUDY_ITEMS:
            continue
        if design is Design.CASE_STUDY and item.name in ("sample_size", "randomisation", "control_group"):
            continue
        out.append(item)
    return tuple(out)
