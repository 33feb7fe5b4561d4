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

import re
from dataclasses import dataclass

from ebp.appraise.cues import CUES, PASSING_MENTION
from ebp.text import LazyPattern, any_of, sentences, strip_references

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


_SELF = any_of(
    r"\b(?:this|the\s+present|our|the\s+current)\s+(?:study|trial|review|analysis|paper|article|report|survey|research)",
    r"\bwe\s+(?:conducted|performed|undertook|carried\s+out|did|designed|used|report|present|describe|analy[sz]ed|"
    r"followed|enrolled|recruited|randomi[sz]ed|searched|interviewed|surveyed|studied|examined|evaluated)\b",
    r"\b(?:was|were)\s+(?:designed|conducted|performed|carried\s+out|undertaken|used|evaluated|investigated|"
    r"examined|assessed|studied|compared|measured)\b",
    r"^\s*(?:study\s+)?design\b",
    r"^\s*methods?\b",
    r"\bdesign\s*[:.]",
    r"\bstudy\s+design\b",
    r"\bmethods?\s*[:.]",
    r"\bpurpose\s+of\s+(?:this\s+)?review\b",
    r"\b(?:penelitian|studi|artikel|kajian|tinjauan)\s+ini\b",
    r"\b(?:desain|rancangan|jenis|metode)\s+penelitian\b",
    r"\bmenggunakan\s+(?:desain|rancangan|metode|pendekatan)\b",
    r"\bmerupakan\s+(?:penelitian|studi|uji)\b",
    r"\bkami\s+melakukan\b",
)
_INCLUDED = LazyPattern(r"\b(?:studies|trials|RCTs|articles|reports|publications|studi|artikel)\b", re.IGNORECASE)
_PROTOCOL = any_of(
    r"\bstudy\s+protocol\b",
    r"\btrial\s+protocol\b",
    r"\bprotocol\s+(?:for|of)\s+(?:a|an|the)\b",
    r"\bdesign\s+and\s+(?:methods|rationale)\b",
    r"\brationale\s+and\s+design\b",
    r"\bwill\s+be\s+(?:randomi[sz]ed|recruited|enrolled|allocated|assigned)\b",
    r"\bprotokol\s+(?:penelitian|uji|studi)\b",
    r"\bakan\s+(?:dirandomisasi|diacak|direkrut)\b",
)
_RESULTS = any_of(
    r"\bresults?\s*:",
    r"(?-i:\bRESULTS\b)",
    r"\bfindings\s*:",
    r"\bwe\s+found\b",
    r"\bhasil\s*:",
    r"\b95\s?%\s?(?:CI|confidence)",
    r"\bp\s*[<=]\s*0?[.,]\d",
)
_NONHUMAN = any_of(
    r"\b(?:mice|mouse|murine|rats?|rodents?|zebrafish|drosophila|yeasts?|nematodes?|xenografts?|"
    r"piglets?|pigs?|swine|herds?|boars?|sheep|cattle|monkeys?|macaques?|primates|alligators?|mosquito(?:es)?|"
    r"plasmids?|organoids?|fibroblasts?|tikus|mencit|kelinci)\b",
    r"c\.\s?elegans",
    r"\bin\s+vitro\b",
    r"\bcell\s+lines?\b",
    r"\bcultured\s+cells\b",
    r"\bknock-?out\b",
    r"\btransgenic\b",
    r"\bhewan\s+coba\b",
    r"\bmathematical\s+model\w*",
    r"\bsimulations?\b",
    r"\bsoftware\b",
    r"\bR\s+package\b",
    r"\balgorithms?\b",
    r"\bdatabase\s+of\b",
)
_REVIEWS = ("systematic_review_meta_analysis", "review_narrative")
_SECONDARY = any_of(
    r"secondary\s+analys[ie]s",
    r"post[- ]hoc\s+(?:\w+\s+)?analys[ie]s",
    r"ancillary\s+stud\w+",
    r"sub-?study",
    r"analisis\s+sekunder",
    r"cost[- ]effectiveness\s+analys[ie]s",
    r"economic\s+evaluation",
)
_OBSERVATIONAL = any_of(
    r"\bobservational\b",
    r"\bobservasional\b",
    r"\bpredictors?\s+of\b",
    r"\bprediktor\b",
    r"factors\s+associated\s+with",
    r"faktor\s+yang\s+berhubungan",
)
_RESEARCH = any_of(
    r"\bwe\s+(?:show|demonstrate|found|find|identif(?:y|ied)|observed|measured|report|propose|developed|"
    r"provide\s+evidence|used|tested|analy[sz]ed|investigated)\b",
    r"\bhere,?\s+we\b",
    r"\bour\s+(?:results|data|findings)\b",
    r"\bresults\s+(?:show|indicate|suggest|revealed)\b",
    r"\bthis\s+(?:study|work)\s+(?:identifies|shows|demonstrates|reveals)\b",
    r"\b(?:subjects|participants|patients|respondents|volunteers)\s+(?:were|was)\b",
    r"\bwere\s+(?:obtained|collected|recruited|enrolled)\b",
    r"\bthe\s+(?:aim|purpose|objective)\s+of\s+(?:this|the\s+present)\s+(?:study|work|experiment)",
    r"\bwe\s+(?:have\s+)?(?:conducted|determined|performed|examined|evaluated|studied|quantified)\b",
    r"\bsignificant(?:ly)?\s+(?:increased|decreased|reduced|improved|inhibited|higher|lower|elevated)\b",
    r"\bexperiments?\b",
)
_STATISTICS = any_of(
    r"\bp\s*[<=>]\s*0?[.,]\d",
    r"\bp\s+less\s+than\b",
    r"±",
    r"\+/-",
    r"\b95\s?%",
    r"\b[nN]\s*=\s*\d",
    r"\d\s?%",
    r"\b(?:OR|HR|RR)\b\s*[=:]?\s*\d",
)
_HUMAN = any_of(
    r"\b(?:patients?|participants?|women|men|children|adults|adolescents|volunteers|respondents|individuals|"
    r"subjects|persons|people|infants|mothers|families|pasien|responden|partisipan|peserta|informan|anak|ibu|"
    r"remaja|lansia|keluarga)\b"
)


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
        top in ("review_narrative", "guideline_or_opinion") and top_score < 3.0 and _RESEARCH.search(head)
    ):
        return _without_cues(head)  # a weak review or opinion word in a text that reports its own results
    strength, margin = min(1.0, top_score / 4.0), (top_score - second) / top_score
    confidence = round(0.5 * strength + 0.5 * margin, 2)
    secondary = top == "rct" and bool(_SECONDARY.search(head))
    if secondary and _OBSERVATIONAL.search(head):
        cues = (*_SECONDARY.findall(head)[:1], *_OBSERVATIONAL.findall(head)[:2])
        return DesignLabel(
            "cohort", min(confidence, 0.55), cues, needs_checking=True
        )  # observational use of trial data
    needs = confidence < CHECK_BELOW or second >= 0.6 * top_score or secondary
    return DesignLabel(top, confidence, _cues_for(top, matches), needs_checking=needs)


def _without_cues(head: str) -> DesignLabel:
    """No design named: a text that reports its own results is ``other``; one that only discusses is a review."""
    if _RESEARCH.search(head) or _STATISTICS.search(head) or len(_NONHUMAN.findall(head)) >= 2:
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
        elif _SELF.search(sentence):
            factor *= 1.5
        elif zone == "abstract" and i == 0 and len(parts) > 2:
            factor *= 0.6  # an abstract's opening sentence is usually background
        found = [(d, w, m) for d, w, rx in CUES for m in rx.finditer(sentence)]
        reviewing = any(d == "systematic_review_meta_analysis" for d, _, _ in found) or _INCLUDED.search(sentence)
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
    protocol = [m.group(0) for m in _PROTOCOL.finditer(head)]
    if protocol and not _RESULTS.search(head) and review < 6.0:
        return DesignLabel("other", 0.7, tuple(dict.fromkeys(protocol))[:4], needs_checking=True)
    nonhuman = [m.group(0) for m in _NONHUMAN.finditer(head)]
    best = max(scores.values(), default=0.0)
    top = max(scores, key=scores.__getitem__, default="other")
    if top in ("systematic_review_meta_analysis", "review_narrative", "guideline_or_opinion") and best >= 1.0:
        return None  # a review or guideline about animal or laboratory research is still a review
    if len(nonhuman) >= 2 and len(nonhuman) > len(_HUMAN.findall(head)) and best < 8.0:
        cues = tuple(dict.fromkeys(nonhuman))[:4]
        return DesignLabel("other", 0.8 if best < 2.0 else 0.6, cues, needs_checking=best >= 2.0)
    return None


def _cues_for(design: str, matches: list[_Match]) -> tuple[str, ...]:
    best: dict[str, tuple[float, str]] = {}
    for m in matches:
        key = m.text.strip().lower()
        same = m.design == design or (m.design == "review_any" and design in _REVIEWS)
        if same and m.weight > best.get(key, (0.0, ""))[0]:
            best[key] = (m.weight, m.text.strip())
    return tuple(text for _, text in sorted(best.values(), reverse=True)[:5])
