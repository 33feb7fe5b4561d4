"""COPES: turn a practitioner's case description into a searchable practice question.

Client, Option, comparison (Pembanding), Expected outcome and the question type, found by rules in
English or Indonesian (the spans: ``ebp.retrieve.copes_spans``). Pure and forgiving: any text gives an
answer, and a part the case does not state is an empty string, never a default such as "usual care":
the practitioner fills in an empty field, but has to notice and undo a wrong one. Measured on the team's
40 cases by ``benchmarks/eval_copes.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ebp.retrieve.copes_spans import Sentences, client, option_and_comparison, outcome
from ebp.text import LazyPattern
from ebp.types import DESIGNS

QUESTION_TYPES = ("effectiveness", "prevention", "assessment", "description", "risk")
_MAX_CHARS = 20000  # a case is a paragraph or two; longer input is cut rather than scanned


@dataclass(frozen=True)
class Copes:
    client: str  # who, with the problem when stated: "14-year-old girl who self-harms"
    option: str  # the intervention considered: "cognitive behavioural therapy", "konseling kelompok"
    comparison: str  # what the case itself weighs it against ("rather than B", "A atau B"); never a default
    expected_outcome: str  # "reduce self-harm", "meningkatkan kepercayaan diri"
    question_type: str  # one of QUESTION_TYPES, or "" when the text gives no clue


_QUESTION_CUES = {
    "risk": (
        1.0,
        LazyPattern(
            r"\b(?:risks?|risk\s+factors?|likely|likelihood|predict\w*|prognos\w*|faktor\s+risiko|"
            r"berisiko|risiko|kemungkinan|memprediksi)\b",
            re.IGNORECASE,
        ),
    ),
    "prevention": (2.0, LazyPattern(r"\b(?:prevent\w*|pencegahan|mencegah|menghindari|preventif)\b", re.IGNORECASE)),
    "assessment": (
        1.5,
        LazyPattern(
            r"\b(?:assess\w*|screen\w*|measur\w*|instruments?|tools?|scales?|diagnos\w*|"
            r"detect\w*|asesmen|skrining|penapisan|alat\s+ukur|instrumen|mengukur|mendeteksi|"
            r"menilai)\b",
            re.IGNORECASE,
        ),
    ),
    "description": (
        1.0,
        LazyPattern(
            r"\b(?:experiences?|experienced|perceptions?|perceive\w*|feelings?|meanings?|"
            r"views|what\s+is\s+it\s+like|lived|pengalaman|persepsi|makna|perasaan|pandangan|"
            r"memahami)\b",
            re.IGNORECASE,
        ),
    ),
    "effectiveness": (
        1.0,
        LazyPattern(
            r"\b(?:effective\w*|efficacy|works?|helps?|improve\w*|reduc\w*|better|best|"
            r"impact|efektif\w*|efektivitas|pengaruh|dampak|membantu|mengurangi|menurunkan|"
            r"meningkatkan)\b",
            re.IGNORECASE,
        ),
    ),
}
_BOOSTS: dict[str, dict[str, float]] = {
    "effectiveness": {"systematic_review_meta_analysis": 1.15, "rct": 1.15, "quasi_experimental": 1.08},
    "prevention": {"systematic_review_meta_analysis": 1.15, "rct": 1.12, "quasi_experimental": 1.06, "cohort": 1.06},
    "assessment": {"cross_sectional": 1.12, "systematic_review_meta_analysis": 1.08, "cohort": 1.05},
    "description": {
        "qualitative": 1.15,
        "cross_sectional": 1.06,
        "case_study": 1.05,
        "systematic_review_meta_analysis": 1.05,
    },
    "risk": {"cohort": 1.15, "case_control": 1.12, "systematic_review_meta_analysis": 1.08, "cross_sectional": 1.04},
}
# Every boosted design must be a known design: a typo here would silently boost nothing.
if not all(design in DESIGNS for boosts in _BOOSTS.values() for design in boosts):  # pragma: no cover
    raise RuntimeError("design_boost names an unknown design")


def copes(case_text: str) -> Copes:
    """The COPES parts of a case description; never raises, whatever the input.

    Example: ``copes("Seorang ibu rumah tangga mengalami KDRT. Apakah konseling kelompok efektif untuk
    menurunkan depresi?").option == "konseling kelompok"``
    """
    text = re.sub(r"\s+", " ", str(case_text or ""))[:_MAX_CHARS].strip()
    if not text:
        return Copes("", "", "", "", "")
    sentences = Sentences.of(text)
    option, comparison = option_and_comparison(sentences)
    question_type = _question_type(text, bool(option))
    if question_type in ("risk", "description"):  # an exposure or a setting, not an intervention considered
        option, comparison = "", ""
    # The measured or predicted thing of a risk, assessment or description question is not a hoped-for outcome.
    wanted = outcome(sentences, option) if question_type in ("effectiveness", "prevention") else ""
    return Copes(client(sentences), option, comparison, wanted, question_type)


def design_boost(question_type: str) -> dict[str, float]:
    """Small multiplicative boosts for the designs that answer a question type best (1.0 = no change).

    Example: ``design_boost("risk")["cohort"] > 1.0``; ``design_boost("") == {}``
    """
    if question_type and question_type not in QUESTION_TYPES:
        raise ValueError(f"unknown question type {question_type!r}; expected one of {QUESTION_TYPES}")
    return dict(_BOOSTS.get(question_type, {}))


def _question_type(text: str, has_option: bool) -> str:
    scores = {kind: weight * len(pattern.findall(text)) for kind, (weight, pattern) in _QUESTION_CUES.items()}
    if has_option and not scores["assessment"]:  # the option of an assessment question is the tool to use
        scores["effectiveness"] += 1.5
    best = max(QUESTION_TYPES, key=lambda kind: scores[kind])  # ties keep QUESTION_TYPES order
    return best if scores[best] > 0 else ""
