"""Appraisal stage: study design, evidence level and the facts a practitioner checks first.

The design cue phrases live in ebp.appraise.cues, the facts (sample size, follow-up ...) in
ebp.appraise.items; this module re-exports the public names, so ``from ebp.appraise import appraise`` works.

Pure functions over text, English and Indonesian. Rules only: cue phrases are weighted by where
they occur (title > abstract > body) and discounted when a sentence mentions a design only in
passing ("previous RCTs have shown", "diperlukan tinjauan sistematis"). A TF-IDF + logistic
regression model trained on benchmarks/appraisal/dev_labels.jsonl did not beat the rules under
cross-validation (benchmarks/eval_appraisal.py --compare-ml), so none ships.

Labelling decisions (the dev set follows them):
- a protocol (a planned study, no results) is ``other`` and needs checking: it is not evidence yet;
- a secondary, post hoc or economic analysis of a randomised trial stays ``rct`` and needs
  checking, unless it says it is observational (predictors, factors associated with ...): then
  it is ``cohort``, the trial being only the source of participants;
- no design named at all: ``other`` when the text reports its own data, else ``review_narrative``;
- animal, in-vitro and modelling studies are ``other``; a meta-analysis of them is still one.
"""

from __future__ import annotations

from dataclasses import dataclass

from ebp.appraise.context import (
    HUMAN,
    INCLUDED,
    NONHUMAN,
    OBSERVATIONAL,
    PASSING_MENTION,
    PROTOCOL,
    RESEARCH,
    RESULTS,
    REVIEWS,
    SECONDARY,
    SELF,
    STATISTICS,
)
from ebp.appraise.cues import CUES
from ebp.text import sentences, strip_references

CHECK_BELOW = 0.6  # confidence under which a person should check the label
_ZONE_WEIGHT = {"title": 3.0, "abstract": 1.0, "body": 0.35}
_BODY_CAP = 3.0  # body text can tip a decision but not outvote the title and abstract alone


@dataclass(frozen=True)
class DesignLabel:
    """A study design as the classifier reads it."""

    label: str  # one of DESIGNS
    confidence: float  # 0..1
    cues: tuple[str, ...]  # phrases that decided, as they appear in the text
    needs_checking: bool


@dataclass(frozen=True)
class _Match:
    design: str
    weight: float
    text: str
    zone: str


def classify_design(title: str, abstract: str, body: str = "", doc_type: str = "journal_article") -> DesignLabel:
    """Study design from title, abstract and optional body text; never raises on odd input.

    Example: ``classify_design("Parenting support: a randomised controlled trial", "").label == "rct"``
    """
    zones = _zones(title or "", abstract or "", body or "")
    head = " ".join(text for zone, text in zones[:2])
    matches = [m for zone, text in zones[:2] for m in _zone_matches(zone, text)]
    scores = _scores(matches)
    ranked = sorted(scores.values(), reverse=True) + [0.0, 0.0]
    if ranked[0] - ranked[1] <= _BODY_CAP + 0.5:  # otherwise the capped body cannot change the label: skip it
        matches += _zone_matches(*zones[2])
        scores = _scores(matches)
    special = _protocol_or_nonhuman(head, scores)
    if special is not None:
        return special
    by_score = sorted(scores.items(), key=lambda kv: kv[1], reverse=True) or [("other", 0.0)]
    top, top_score = by_score[0]
    second = by_score[1][1] if len(by_score) > 1 else 0.0
    if doc_type == "case_study" and (top_score < 4.0 or top == "case_study"):
        return DesignLabel("case_study", 0.8, _cues_for("case_study", matches) or ("doc_type: case_study",), False)
    if top_score < 0.5 or (
        top in ("review_narrative", "guideline_or_opinion") and top_score < 3.0 and RESEARCH.search(head)
    ):
        return _without_cues(head)  # a weak review or opinion word in a text that reports its own results
    strength, margin = min(1.0, top_score / 4.0), (top_score - second) / top_score
    confidence = round(0.5 * strength + 0.5 * margin, 2)
    secondary = top == "rct" and bool(SECONDARY.search(head))
    if secondary and OBSERVATIONAL.search(head):
        cues = (*SECONDARY.findall(head)[:1], *OBSERVATIONAL.findall(head)[:2])
        return DesignLabel(
            "cohort", min(confidence, 0.55), cues, needs_checking=True
        )  # observational use of trial data
    needs = confidence < CHECK_BELOW or second >= 0.6 * top_score or secondary
    return DesignLabel(top, confidence, _cues_for(top, matches), needs_checking=needs)


def _without_cues(head: str) -> DesignLabel:
    """No design named: a text that reports its own results is ``other``; one that only discusses is a review."""
    if RESEARCH.search(head) or STATISTICS.search(head) or len(NONHUMAN.findall(head)) >= 2:
        return DesignLabel("other", 0.3, (), needs_checking=True)
    return DesignLabel("review_narrative", 0.35, (), needs_checking=True)


def _zones(title: str, abstract: str, body: str) -> list[tuple[str, str]]:
    body = strip_references(body)
    if not abstract.strip() and body.strip():
        abstract, body = body[:3000], body[3000:]  # no separate abstract: the opening of the body stands in
    return [("title", title[:2000]), ("abstract", abstract[:20000]), ("body", body[:60000])]


def _zone_matches(zone: str, text: str) -> list[_Match]:
    out: list[_Match] = []
    parts = sentences(text)
    for i, sentence in enumerate(parts):
        factor = _ZONE_WEIGHT[zone]
        if PASSING_MENTION.search(sentence):
            factor *= 0.15
        elif SELF.search(sentence):
            factor *= 1.5
        elif zone == "abstract" and i == 0 and len(parts) > 2:
            factor *= 0.6  # an abstract's opening sentence is usually background
        found = [(d, w, m) for d, w, rx in CUES for m in rx.finditer(sentence)]
        reviewing = any(d == "systematic_review_meta_analysis" for d, _, _ in found) or INCLUDED.search(sentence)
        for design, weight, m in found:
            # In "we pooled 12 randomised trials" the design names describe included studies.
            f = factor * (0.25 if reviewing and design != "systematic_review_meta_analysis" else 1.0)
            out.append(_Match(design, weight * f, m.group(0), zone))
    return out


def _scores(matches: list[_Match]) -> dict[str, float]:
    scores: dict[str, float] = {}
    body: dict[str, float] = {}
    for m in matches:
        zone_scores = body if m.zone == "body" else scores
        zone_scores[m.design] = zone_scores.get(m.design, 0.0) + m.weight
    for design, value in body.items():
        scores[design] = scores.get(design, 0.0) + min(value, _BODY_CAP)
    generic = scores.pop("review_any", 0.0)
    if generic:
        systematic = scores.get("systematic_review_meta_analysis", 0.0)
        # "A narrative review" that draws on systematic ones stays narrative when it says so clearly.
        target = (
            "systematic_review_meta_analysis"
            if systematic >= 2.0 and systematic > scores.get("review_narrative", 0.0) - 2.0
            else "review_narrative"
        )
        scores[target] = scores.get(target, 0.0) + generic
    return scores


def _protocol_or_nonhuman(head: str, scores: dict[str, float]) -> DesignLabel | None:
    """Protocols and non-human studies are ``other`` whatever design words they use."""
    review = scores.get("systematic_review_meta_analysis", 0.0)
    protocol = [m.group(0) for m in PROTOCOL.finditer(head)]
    if protocol and not RESULTS.search(head) and review < 6.0:
        return DesignLabel("other", 0.7, tuple(dict.fromkeys(protocol))[:4], needs_checking=True)
    nonhuman = [m.group(0) for m in NONHUMAN.finditer(head)]
    best = max(scores.values(), default=0.0)
    top = max(scores, key=scores.__getitem__, default="other")
    if top in ("systematic_review_meta_analysis", "review_narrative", "guideline_or_opinion") and best >= 1.0:
        return None  # a review or guideline about animal or laboratory research is still a review
    if len(nonhuman) >= 2 and len(nonhuman) > len(HUMAN.findall(head)) and best < 8.0:
        cues = tuple(dict.fromkeys(nonhuman))[:4]
        return DesignLabel("other", 0.8 if best < 2.0 else 0.6, cues, needs_checking=best >= 2.0)
    return None


def _cues_for(design: str, matches: list[_Match]) -> tuple[str, ...]:
    best: dict[str, tuple[float, str]] = {}
    for m in matches:
        key = m.text.strip().lower()
        same = m.design == design or (m.design == "review_any" and design in REVIEWS)
        if same and m.weight > best.get(key, (0.0, ""))[0]:
            best[key] = (m.weight, m.text.strip())
    return tuple(text for _, text in sorted(best.values(), reverse=True)[:5])
