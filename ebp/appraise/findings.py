"""The evidence row of one study, read from its own text: key finding, participants, intervention,
comparison, outcomes and the direction of the finding — each with the sentence and page it came from.

Extractive and deterministic: every value is a sentence (or a phrase of one) copied from the document,
and a field the text does not state is left empty, never guessed. Sentences are scored by rules written
before they were measured (``benchmarks/brief/GUIDE.md`` defines the right answers): a key finding is
a results or conclusion sentence that reports an effect, an association, themes or what happened to a
client — not background, aims, methods or "further research is needed".

Example: ``evidence_row(doc, passages, appraisal).key_findings[0].page``
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from ebp.appraise.context import PASSING_MENTION
from ebp.appraise.finding_cues import (
    ACCOUNT,
    AIM,
    BALANCE,
    CASE_OUTCOME,
    CONCLUDING,
    FUTURE,
    IMPLICATION,
    NOT_FINDING,
    RESULT,
    SECONDARY,
    SIGNIFICANT,
    STATISTIC,
    THEME_COUNT,
    THEMES,
    WE_FOUND,
)
from ebp.appraise.finding_model import CLASSES, default_model
from ebp.text import any_of, sentences
from ebp.types import Design, Passage, Section

_LABEL = re.compile(
    r"^\s*(?:\d+\.?\s*)?(BACKGROUND|INTRODUCTION|OBJECTIVES?|AIMS?|PURPOSE|METHODS?|DESIGN|SETTING|PARTICIPANTS|"
    r"INTERVENTIONS?|MAIN OUTCOME MEASURES?|MEASURES|RESULTS?|FINDINGS|CONCLUSIONS?|INTERPRETATION|IMPLICATIONS|"
    r"Background|Introduction|Objectives?|Aims?|Purpose|Methods?|Design|Setting|Participants|Interventions?|Results?|"
    r"Findings|Conclusions?|Interpretation|Implications|Latar belakang|Tujuan|Metode|Hasil|Kesimpulan|Simpulan)"
    r"\s*[:.]?\s+(?=[A-Z0-9(\"“])"
)
_RESULT_LABELS = frozenset({"results", "result", "findings", "hasil"})
_CONCLUSION_LABELS = frozenset(
    {"conclusions", "conclusion", "interpretation", "implications", "kesimpulan", "simpulan"}
)
_NOT_FINDING_LABELS = frozenset(
    {"background", "introduction", "objective", "objectives", "aim", "aims", "purpose", "methods", "method", "design",
     "setting", "participants", "intervention", "interventions", "latar belakang", "tujuan", "metode", "measures"}
)  # fmt: skip
_MAX_SENTENCE_WORDS = 90
_KEYWORDS = any_of(r"^\s*(?:key\s*words?|kata\s+kunci)\b")
RULE_WEIGHT = 1.0


@dataclass(frozen=True)
class Quote:
    """A sentence copied from the document, with the page it is on (pages counted from 1)."""

    text: str
    page: int
    section: str = ""  # the label or section it stood under ("results", "conclusions", "abstract" …)


@dataclass(frozen=True)
class FieldValue:
    """A short phrase copied from a sentence of the document, with that sentence and its page; empty when not stated."""

    text: str = ""
    sentence: str = ""
    page: int | None = None


@dataclass(frozen=True)
class EvidenceRow:
    key_findings: tuple[Quote, ...]
    direction: str  # benefit | harm | no_difference | mixed | unclear
    participants: FieldValue = field(default_factory=FieldValue)
    n: int | None = None
    n_unit: str = ""
    intervention: FieldValue = field(default_factory=FieldValue)
    comparison: FieldValue = field(default_factory=FieldValue)
    outcomes: FieldValue = field(default_factory=FieldValue)


def candidate_sentences(passages: Sequence[Passage], pages: Mapping[int, str] | None = None) -> list[Quote]:
    """Every sentence of the document once, in order, with its page and the label or section it stood under.

    A run-in label ("Conclusions: …") holds for the sentences after it in its own paragraph only: it ends at a
    keywords line and — where the page texts are given — at a page break, a blank line or a heading line
    between two sentences (a passage can run from the abstract's conclusion into the body's methods); after a
    heading line of background or methods its sentences take the heading's label."""
    seen: set[str] = set()
    out: list[Quote] = []
    blocks = _Blocks(pages or {})
    for p in passages:
        label = p.section.value if p.section else ""
        origin = ""  # where the label came from inside this passage: "run-in", "heading" or "" (the passage's)
        blocks.start(p.page_start)
        for raw in sentences(p.text):
            text, own_label = _strip_label(raw)
            boundary = blocks.boundary_before(text)
            if own_label:
                label, origin = own_label, "run-in"
            elif boundary and origin:  # a heading line after a label: background or methods tell what follows
                label, origin = (boundary, "heading") if boundary in _NOT_FINDING_LABELS else (_after_run_in(p), "")
            elif boundary == Section.OUTCOME:  # a case's outcome told in the same passage as its intervention
                label, origin = boundary, "heading"
            elif origin == "run-in" and (boundary is not None or _KEYWORDS.search(text)):
                label, origin = _after_run_in(p), ""
            key = " ".join(text.split())
            if len(key.split()) < 5 or key in seen:
                continue
            seen.add(key)
            out.append(Quote(key, p.page_start, label))
    return out


def _after_run_in(p: Passage) -> str:
    """The label of a sentence after a run-in label's paragraph: the passage's own section, unless that section
    is one a label would have given (abstract, results, conclusion) — the body after an abstract is neither."""
    section = p.section.value if p.section else ""
    return "" if section in ("abstract", "results", "conclusion") else section


_HEADING_LINE = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:\d+(?:\.\d+)*\.?\s*|[IVX]+\.\s*)?(abstract|abstrak|introduction|background|pendahuluan|"
    r"latar\s+belakang|outcomes?|evaluasi(?:\s+dan\s+terminasi)?|terminasi|"
    r"(?:materials?\s+and\s+)?methods?|methodology|metode(?:\s+penelitian)?|metodologi|results?(?:\s+and\s+discussion)?|"
    r"findings|hasil(?:\s+dan\s+pembahasan)?|hasil\s+penelitian|discussion|pembahasan|conclusions?|kesimpulan|simpulan|"
    r"references|daftar\s+pustaka|key\s*words?|kata\s+kunci|tinjauan\s+pustaka|study\s+design|participants|"
    r"procedure|measures|data\s+analysis|limitations)\b[^.]{0,60}$",
    re.IGNORECASE,
)
# The label a heading line gives the sentences under it (a key of _LABEL's groups where there is one).
_HEADING_LABEL = {"abstract": "abstract", "abstrak": "abstract", "introduction": "introduction",
                  "background": "background", "pendahuluan": "introduction", "latar": "background",
                  "method": "methods", "material": "methods", "metode": "methods", "metodologi": "methods",
                  "study": "methods", "participants": "methods", "procedure": "methods", "measures": "methods",
                  "data": "methods", "result": "results", "finding": "results", "participant": "methods",
                  "measure": "methods", "discussion": "discussion", "hasil": "results",
                  "conclusion": "conclusions", "kesimpulan": "conclusions", "simpulan": "conclusions",
                  "outcome": "outcome", "evaluasi": "outcome", "terminasi": "outcome"}  # fmt: skip
_MARK = "\u00b6"


class _Blocks:
    """Where a passage's sentences lie in the page texts, to tell whether a paragraph break, a heading line or a
    page break stands between one sentence and the next. Without page texts nothing is a boundary."""

    def __init__(self, pages: Mapping[int, str]) -> None:
        self.pages = {n: _marked(t) for n, t in pages.items()}
        self.page, self.offset, self.placed = 0, 0, False

    def start(self, page: int) -> None:
        self.page, self.offset, self.placed = page, 0, False

    def boundary_before(self, sentence: str) -> str | None:
        """None when the sentence follows the previous one in the same paragraph (or cannot be placed); else the
        label of the last heading line between them ("" for a paragraph or page break without one)."""
        wanted = normalised(sentence)[:60]
        if not self.pages or len(wanted) < 12:
            return None
        for number in sorted(n for n in self.pages if n >= self.page):
            start = self.offset if number == self.page else 0
            found = self.pages[number].find(wanted, start)
            if found < 0:
                continue
            between = self.pages[number][self.offset : found] if number == self.page else self.pages[number][:found]
            crossed = self.placed and (number != self.page or _MARK in between)
            self.page, self.offset, self.placed = number, found + len(wanted), True
            if not crossed:
                return None
            headings = [h for h in re.findall(_MARK + r"([a-z]*)", between) if h]  # not the blank lines around them
            return _HEADING_LABEL.get(headings[-1], "") if headings else ""
        return None


def _marked(page: str) -> str:
    """A page's text normalised as ``normalised`` does, with a mark for each blank or heading line."""
    lines = []
    for line in page.split("\n"):
        heading = _HEADING_LINE.match(line)
        if heading or not line.strip():
            line = _MARK + (re.sub(r"s$", "", heading.group(1).split()[0].lower()) if heading else "") + " "
        lines.append(line)
    return normalised("\n".join(lines))


def _strip_label(sentence: str) -> tuple[str, str]:
    m = _LABEL.match(sentence)
    if not m:
        return sentence.strip(), ""
    return sentence[m.end() :].strip(), m.group(1).lower()


@dataclass(frozen=True)
class SentenceScores:
    """How each sentence of a document reads as its key finding, to the rules and to the trained model."""

    rules: tuple[float, ...]  # the rules' score (``_finding_score``, the abstract's closing included)
    scores: tuple[float, ...]  # rules and model together; 0 for a sentence never quoted (``_excluded``)
    final: tuple[float, ...]  # with the first result preferred and implications penalised (reporting designs)
    probabilities: np.ndarray  # sentences × ``finding_model.CLASSES``; zero outside the abstract and for a case
    reported: tuple[int, ...]  # the abstract's sentences that report a result, in order (reporting designs)

    def penalised(self, i: int) -> bool:
        """Whether the rules lowered sentence ``i`` as an implication or a comparison before the intervention."""
        return self.final[i] < self.scores[i]

    def order(self) -> list[int]:
        """The sentences worth quoting (final score above 0), best first."""
        return sorted((i for i, s in enumerate(self.final) if s > 0), key=lambda i: (-self.final[i], i))


def sentence_scores(quotes: Sequence[Quote], design: Design) -> SentenceScores:
    """The rules' score of each sentence and, inside the abstract, the trained model's (``finding_model``),
    combined; then, for designs that report their own results, the first result preferred and implications
    penalised."""
    closing = _abstract_closing(quotes) if design is not Design.CASE_STUDY else set()
    rules = [_finding_score(q, i, len(quotes), design) + (1.5 if i in closing else 0.0) for i, q in enumerate(quotes)]
    scores = [RULE_WEIGHT * r for r in rules]
    probabilities = np.zeros((len(quotes), len(CLASSES)))
    if design is not Design.CASE_STUDY:  # a case's outcome is told at its end, not in an abstract
        span = list(abstract_span(quotes))
        model = default_model()
        if span:
            probabilities[span] = model.probabilities([quotes[i].text for i in span])
            for i, p in zip(span, model.key_scores_of(probabilities[span]), strict=True):
                scores[i] += model.scale * p
    # Never a key finding, whatever else it has (the guide): "more research is needed", limitations, too long.
    scores = [0.0 if _excluded(q) else score for q, score in zip(quotes, scores, strict=True)]
    final, reported = scores, []
    if design in _REPORTING_DESIGNS:
        reported = _reported(quotes, scores, design)
        final = _results_before_implications(quotes, scores, design, reported)
    return SentenceScores(tuple(rules), tuple(scores), tuple(final), probabilities, tuple(reported))


def key_findings(
    quotes: Sequence[Quote], design: Design, limit: int = 2, scores: SentenceScores | None = None
) -> tuple[Quote, ...]:
    """The sentences that state the study's main result, best first (at most ``limit``): the rules' and the
    model's best candidates (``sentence_scores``), put in order by the ranker learnt from labelled abstracts
    (``key_ranker``)."""
    from ebp.appraise.key_ranker import ranked

    scores = scores if scores is not None else sentence_scores(quotes, design)
    return tuple(quotes[i] for i in ranked(quotes, design, scores)[:limit])


# Designs whose abstracts report their own results, the primary outcome first (CONSORT, STROBE, PRISMA).
_REPORTING_DESIGNS = frozenset(Design) - {Design.CASE_STUDY, Design.REVIEW_NARRATIVE, Design.GUIDELINE_OR_OPINION,
                                          Design.OTHER}  # fmt: skip
FIRST_RESULT_BONUS = 5.0
# A qualitative abstract lists its themes and accounts and closes on what they imply; the model, taught mostly on
# structured abstracts that close on their result, leans to that close more than for other designs (dev4).
FIRST_ACCOUNT_BONUS = 9.0
IMPLICATION_PENALTY = 8.0


def part(quote: Quote) -> str:
    """The part of the abstract or paper a sentence stood under: "results", "conclusion" or "" (any other)."""
    if quote.section in _RESULT_LABELS or quote.section == Section.RESULTS:
        return "results"
    if quote.section in _CONCLUSION_LABELS or quote.section == Section.CONCLUSION:
        return "conclusion"
    return ""


def _reported(quotes: Sequence[Quote], scores: Sequence[float], design: Design) -> list[int]:
    """The abstract's sentences that report a result, in order: among those worth quoting at all (the rules' floor,
    2; every sentence of the abstract has some small score from the model), after the opening one (background, or
    an abstract record's title run into it)."""
    return [i for i in abstract_span(quotes) if i > 0 and scores[i] >= 2.0 and _reports(quotes[i].text, design)]


def _results_before_implications(
    quotes: Sequence[Quote], scores: Sequence[float], design: Design, reported: Sequence[int]
) -> list[float]:
    """The abstract's first sentence that reports a result gains (the primary outcome is reported first); a
    sentence that draws an implication loses (it says what the authors advise, not what they found), and so does
    one that compares the groups before the intervention (part of the method). Values checked on the development
    sets together, the qualitative one on dev4 (GUIDE: the primary outcome's result)."""
    out = [max(s - IMPLICATION_PENALTY, 0.01) if s > 0 and (IMPLICATION.search(q.text) or BALANCE.search(q.text)) else s
           for q, s in zip(quotes, scores, strict=True)]  # fmt: skip
    if reported:
        out[reported[0]] += FIRST_ACCOUNT_BONUS if design is Design.QUALITATIVE else FIRST_RESULT_BONUS
    return out


def _reports(text: str, design: Design) -> bool:
    """A sentence that reports a result: a change, an association or a statistic (in a qualitative study, what
    the participants described, or its themes), not an aim, a method or advice."""
    if NOT_FINDING.search(text) or AIM.search(text) or IMPLICATION.search(text) or BALANCE.search(text):
        return False
    if design is Design.QUALITATIVE and (ACCOUNT.search(text) or THEMES.search(text)):
        return True
    return bool(STATISTIC.search(text) or RESULT.search(text) or WE_FOUND.search(text))


def results_sentences(quotes: Sequence[Quote], limit: int = 8) -> list[str]:
    """The abstract's results sentences (under a "Results:" label or a results section), for reading direction."""
    span = abstract_span(quotes)
    out = [quotes[i].text for i in span if quotes[i].section in _RESULT_LABELS or quotes[i].section == Section.RESULTS]
    return [t for t in out if not FUTURE.search(t)][:limit]


def abstract_span(quotes: Sequence[Quote]) -> range:
    """The sentences of the abstract: up to the keywords line; a short text whole; else the first 15."""
    for i, q in enumerate(quotes[:60]):
        if i >= 3 and _KEYWORDS.search(q.text):
            return range(i)
    return range(len(quotes)) if len(quotes) <= 40 else range(15)


def _excluded(q: Quote) -> bool:
    return q.section in _NOT_FINDING_LABELS or len(q.text.split()) > _MAX_SENTENCE_WORDS or bool(FUTURE.search(q.text))


def _finding_score(q: Quote, position: int, total: int, design: Design) -> float:
    text, label = q.text, q.section
    if label in _NOT_FINDING_LABELS or len(text.split()) > _MAX_SENTENCE_WORDS:
        return 0.0
    if FUTURE.search(text) or (PASSING_MENTION.search(text) and not CONCLUDING.search(text)):
        return 0.0
    score = 0.0
    if label in _RESULT_LABELS or label == Section.RESULTS:
        score += 2.5
    if label in _CONCLUSION_LABELS or label == Section.CONCLUSION:
        score += 3.0
    if label in (Section.ABSTRACT, "abstract") or position < 12:
        score += 1.0  # the abstract states the main result most plainly
    score += 2.0 * bool(RESULT.search(text)) + 1.5 * bool(STATISTIC.search(text)) + 2.0 * bool(CONCLUDING.search(text))
    if NOT_FINDING.search(text):
        score -= 4.0
    if design is Design.QUALITATIVE and THEMES.search(text):
        score += 2.0 + 2.0 * bool(THEME_COUNT.search(text))
    score += 1.0 * bool(SIGNIFICANT.search(text)) - 2.5 * bool(SECONDARY.search(text))
    if design is Design.CASE_STUDY and (label == Section.OUTCOME or CASE_OUTCOME.search(text)):
        score += 4.0  # what came of the work, not how the case looked at the start
    if design is Design.CASE_STUDY and label in (Section.CASE, Section.ASSESSMENT, "case", "assessment"):
        score -= 3.0  # the situation at referral, not what came of the work
    if position == 0 and total > 3:
        score -= 1.5  # the opening sentence is background
    return max(score, 0.0) if score >= 2.0 else 0.0


def _abstract_closing(quotes: Sequence[Quote]) -> set[int]:
    """The last two sentences of the abstract (or, with no abstract marked, of a short text): the conclusion."""
    marked = [i for i, q in enumerate(quotes) if q.section in ("abstract", Section.ABSTRACT)]
    if marked:
        return set(marked[-2:])
    return {len(quotes) - 2, len(quotes) - 1} if 0 < len(quotes) <= 20 else set()


def locate(quote: Quote, pages: dict[int, str]) -> Quote:
    """The quote with the page its text is really on (a passage can run over a page break): the first page
    from the passage's own on whose text the sentence is found. ``pages``: page number → text."""
    wanted = normalised(quote.text)[:160]
    for number in sorted(n for n in pages if n >= quote.page):
        if wanted in normalised(pages[number]):
            return Quote(quote.text, number, quote.section)
    return quote


def evidence_row(quotes: Sequence[Quote], design: Design, n: int | None = None, n_unit: str = "") -> EvidenceRow:
    """The evidence row of a document from its sentences (``candidate_sentences``) and its appraisal."""
    from ebp.appraise.direction_model import direction
    from ebp.appraise.key_ranker import ranked
    from ebp.appraise.pico import comparison_of, intervention_of, outcomes_of, participants_of

    scores = sentence_scores(quotes, design)
    order = ranked(quotes, design, scores)
    found = tuple(quotes[i] for i in order[:2])
    return EvidenceRow(
        key_findings=found,
        direction=direction(quotes, design, scores, order, results_sentences(quotes)),
        participants=participants_of(quotes, n, design),
        n=n if design is not Design.CASE_STUDY else None,
        n_unit=n_unit,
        intervention=intervention_of(quotes, design),
        comparison=comparison_of(quotes, design),
        outcomes=outcomes_of(quotes, design, tuple(quotes[i] for i in order[:3])),
    )


def normalised(text: str) -> str:
    """Whitespace folded and ligatures undone, for comparing a quote with a page's text."""
    return " ".join(text.replace("ﬁ", "fi").replace("ﬂ", "fl").replace("ﬀ", "ff").split()).lower()
