"""Study design of a document: the trained model's reading of its title and abstract, in a methodologist's order.

``classify_design`` turns the text into cue features (``ebp.appraise.features``), lets the decisive
statements settle what they settle (a study that says it randomised; a review that says it is
systematic), and otherwise takes the likeliest design of the hierarchy of decisions in
``ebp.appraise.model``. Confidence is that design's probability; below the model's threshold — set
so that unflagged labels were right at least 90 % of the time on fields the model had not seen — the
label ``needs_checking``. A mixed-methods study is named as such.

Labelling decisions (``benchmarks/appraisal/GUIDE.md``): a protocol is ``other`` (not evidence yet);
an observational analysis of trial data is ``cohort``; animal, laboratory and modelling studies are
``other``, a meta-analysis of them is still one; a review *about* guidelines or trials is a review.
"""

from __future__ import annotations

from dataclasses import dataclass

from ebp.appraise.context import ANIMAL_OR_LAB, PROTOCOL
from ebp.appraise.features import features, matched_cues
from ebp.appraise.model import decide, default_model
from ebp.text import strip_references

CHECK_BELOW = 0.6  # kept for callers of the first rules; the model's own threshold is ``default_model().check_below``
_ABSTRACT_STAND_IN = 3000  # characters of the body that stand in for a missing abstract
# The cue tags whose phrases are shown as the reasons for a design.
_TAGS = {
    "systematic_review_meta_analysis": {"systematic_review_meta_analysis"},
    "review_narrative": {"review_narrative", "review_any"},
    "guideline_or_opinion": {"guideline_or_opinion"},
    "rct": {"rct"},
    "quasi_experimental": {"quasi_experimental", "intervention"},
    "cohort": {"cohort"},
    "case_control": {"case_control"},
    "cross_sectional": {"cross_sectional"},
    "qualitative": {"qualitative"},
    "case_study": {"case_study"},
    "other": {"other"},
}


@dataclass(frozen=True)
class DesignLabel:
    """A study design as the classifier reads it."""

    label: str  # one of DESIGNS
    confidence: float  # 0..1: the model's probability for it
    cues: tuple[str, ...]  # phrases that speak for it, as they appear in the text
    needs_checking: bool
    mixed_methods: bool = False


def classify_design(title: str, abstract: str, body: str = "", doc_type: str = "journal_article") -> DesignLabel:
    """Study design from the title and abstract (the body's opening when there is no abstract); never raises.

    Example: ``classify_design("Parenting support: a randomised controlled trial", "").label == "rct"``
    """
    title = title or ""
    abstract = (abstract or "").strip() or strip_references(body or "")[:_ABSTRACT_STAND_IN]
    values = features(title, abstract)
    model = default_model()
    design, confidence = decide(model.probabilities(values), values)
    mixed = values.get("sign.mixed_methods", 0.0) > 0
    filed = doc_type == "case_study"
    if design == "case_study" or (filed and design not in ("rct", "systematic_review_meta_analysis")):
        # A file the user filed as a case study is one, unless the text plainly says it is a trial or a review.
        sure = filed or confidence >= model.check_below
        confidence = max(confidence, 0.8) if filed else confidence
        return DesignLabel("case_study", round(confidence, 2), matched_cues(title, abstract, _TAGS["case_study"]),
                           not sure, mixed)  # fmt: skip
    cues = matched_cues(title, abstract, _TAGS[design])
    if design == "other":  # what made it "other": a protocol's future tense, animals or cells
        found = [m.group(0) for rx in (PROTOCOL, ANIMAL_OR_LAB) for m in rx.finditer(f"{title} {abstract}")]
        cues = tuple(dict.fromkeys([*found, *cues]))[:5]
    nothing_to_go_on = not any(k.startswith("score.") for k in values)  # no design word at all: a guess
    return DesignLabel(design, round(confidence, 2), cues, confidence < model.check_below or nothing_to_go_on, mixed)
