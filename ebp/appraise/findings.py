"""The evidence row of one study, read from its own text: key finding, participants, intervention,
comparison, outcomes and the direction of the finding — each with the sentence and page it came from.

Extractive and deterministic: every value is a sentence (or a phrase of one) copied from the document,
and a field the text does not state is left empty, never guessed. Sentences are scored by rules written
before they were measured (``benchmarks/brief/GUIDE.md`` defines the right answers) and a distantly
supervised model (``finding_model``): a key finding is a results or conclusion sentence that reports an
effect, an association, themes or what happened to a client — not background, aims, methods or "further
research is needed". Their best candidates are put in order by a ranker learnt from labelled abstracts
(``key_ranker``), and the direction is weighed by a model learnt the same way (``direction_model``).

Example: ``evidence_row(candidate_sentences(passages, pages), Design.RCT).key_findings[0].page``
"""

from __future__ import annotations

from collections.abc import Sequence
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
from ebp.appraise.quotes import (
    CONCLUSION_LABELS,
    KEYWORDS,
    NOT_FINDING_LABELS,
    RESULT_LABELS,
    Quote,
)
from ebp.types import Design, Section

_MAX_SENTENCE_WORDS = 90
RULE_WEIGHT = 1.0
FLOOR = 2.0  # the rules' score of a sentence worth quoting at all


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


def key_findings(quotes: Sequence[Quote], design: Design, limit: int = 2) -> tuple[Quote, ...]:
    """The sentences that state the study's main result, best first (at most ``limit``): the rules' and the
    model's best candidates (``sentence_scores``), put in order by the ranker learnt from labelled abstracts
    (``key_ranker``)."""
    from ebp.appraise.key_ranker import ranked

    return tuple(quotes[i] for i in ranked(quotes, design, sentence_scores(quotes, design))[:limit])


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
    if quote.section in RESULT_LABELS or quote.section == Section.RESULTS:
        return "results"
    if quote.section in CONCLUSION_LABELS or quote.section == Section.CONCLUSION:
        return "conclusion"
    return ""


def _reported(quotes: Sequence[Quote], scores: Sequence[float], design: Design) -> list[int]:
    """The abstract's sentences that report a result, in order: among those worth quoting at all (``FLOOR``; every
    sentence of the abstract has some small score from the model), after the opening one (background, or an
    abstract record's title run into it)."""
    return [i for i in abstract_span(quotes) if i > 0 and scores[i] >= FLOOR and _reports(quotes[i].text, design)]


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
    out = [quotes[i].text for i in span if part(quotes[i]) == "results"]
    return [t for t in out if not FUTURE.search(t)][:limit]


def abstract_span(quotes: Sequence[Quote]) -> range:
    """The sentences of the abstract: up to the keywords line; a short text whole; else the first 15."""
    for i, q in enumerate(quotes[:60]):
        if i >= 3 and KEYWORDS.search(q.text):
            return range(i)
    return range(len(quotes)) if len(quotes) <= 40 else range(15)


def _excluded(q: Quote) -> bool:
    return q.section in NOT_FINDING_LABELS or len(q.text.split()) > _MAX_SENTENCE_WORDS or bool(FUTURE.search(q.text))


def _finding_score(q: Quote, position: int, total: int, design: Design) -> float:
    text, label = q.text, q.section
    if label in NOT_FINDING_LABELS or len(text.split()) > _MAX_SENTENCE_WORDS:
        return 0.0
    if FUTURE.search(text) or (PASSING_MENTION.search(text) and not CONCLUDING.search(text)):
        return 0.0
    score = {"results": 2.5, "conclusion": 3.0}.get(part(q), 0.0)
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
    return score if score >= FLOOR else 0.0


def _abstract_closing(quotes: Sequence[Quote]) -> set[int]:
    """The last two sentences of the abstract (or, with no abstract marked, of a short text): the conclusion."""
    marked = [i for i, q in enumerate(quotes) if q.section in ("abstract", Section.ABSTRACT)]
    if marked:
        return set(marked[-2:])
    return {len(quotes) - 2, len(quotes) - 1} if 0 < len(quotes) <= 20 else set()


def evidence_row(quotes: Sequence[Quote], design: Design, n: int | None = None, n_unit: str = "") -> EvidenceRow:
    """The evidence row of a document from its sentences (``candidate_sentences``) and its appraisal."""
    from ebp.appraise.direction_model import direction
    from ebp.appraise.field_model import candidates, choose
    from ebp.appraise.key_ranker import ranked

    scores = sentence_scores(quotes, design)
    order = ranked(quotes, design, scores)
    top = tuple(quotes[i] for i in order[:3])
    found = top[:2]
    cands = candidates(quotes, design, n, top)
    return EvidenceRow(
        key_findings=found,
        direction=direction(quotes, design, scores, order, results_sentences(quotes)),
        participants=choose(cands, "participants", quotes, design, top),
        n=n if design is not Design.CASE_STUDY else None,
        n_unit=n_unit,
        intervention=choose(cands, "intervention", quotes, design, top),
        comparison=choose(cands, "comparison", quotes, design, top),
        outcomes=choose(cands, "outcomes", quotes, design, top),
    )
