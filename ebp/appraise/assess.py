"""The appraisal of one parsed document: study design and the appraisal items, from its passages."""

from __future__ import annotations

from collections.abc import Sequence

from ebp.appraise.design import classify_design
from ebp.appraise.items import appraise
from ebp.types import Design, DocumentAppraisal, DocumentInfo, ParsedDocument, Passage, Section


def assess(doc: ParsedDocument, info: DocumentInfo, passages: Sequence[Passage]) -> DocumentAppraisal:
    """Study design and appraisal items from the title, the abstract (or the opening words) and the body.

    Reference lists are already out of ``passages``, so other studies' designs do not leak in.
    """
    abstract = " ".join(p.text for p in passages if p.section is Section.ABSTRACT)
    body_passages = [p for p in passages if p.section is not Section.ABSTRACT]
    if not abstract and body_passages:
        abstract, body_passages = body_passages[0].text, body_passages[1:]
    body = " ".join(p.text for p in body_passages)
    design = classify_design(info.title, abstract, body, doc.doc_type.value)
    items = appraise(f"{abstract} {body}")
    return DocumentAppraisal(Design(design.label), design.confidence, design.cues, design.needs_checking, items)
