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
from collections.abc import Sequence
from dataclasses import dataclass, field

from ebp.appraise.context import PASSING_MENTION
from ebp.appraise.direction import direction_of
from ebp.text import LazyPattern, any_of, sentences
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
_RESULT = any_of(
    r"\b(?:reduced|reduces|reduction|decreased|lower(?:ed)?|fewer|less\s+likely|improved|improves|improvements?|"
    r"increased|increases|higher|greater|more\s+likely|raised|effective|efficacious|beneficial|benefit\w*|"
    r"protective|associated\s+with|predicted|correlated|no\s+(?:significant\s+)?(?:difference|effect|association|"
    r"change)|did\s+not\s+(?:differ|improve|reduce|change|increase)|not\s+(?:significantly\s+)?(?:associated|different)|"
    r"was\s+(?:similar|comparable)|prevalence\s+(?:of|was)|themes?\s+(?:emerged|were)|(?:three|four|five|six|two)\s+"
    r"(?:main\s+)?themes)\b",
    r"\b(?:menurunkan|menurun|penurunan|meningkatkan|meningkat|peningkatan|efektif|berpengaruh|pengaruh\s+(?:yang\s+)?"
    r"signifikan|berhubungan|hubungan\s+(?:yang\s+)?(?:signifikan|bermakna)|tidak\s+(?:terdapat|ada)\s+(?:perbedaan|"
    r"hubungan|pengaruh)|lebih\s+(?:rendah|tinggi|baik)|tema|berhasil|membaik|pulih)\b",
)
_STATISTIC = any_of(
    r"\bp\s*[<=>]\s*0?[.,]\d", r"\b95\s?%", r"\b(?:OR|RR|HR|IRR|SMD|MD|aOR|aHR)\b\s*[=:(]?\s*\d", r"\d\s?%",
    r"\b(?:IK|CI)\s?95", r"\bd\s*=\s*-?\d", r"\bp\s+less\s+than\b", r"\bpercentage\s+points?\b",
)  # fmt: skip
_CONCLUDING = any_of(
    r"^\s*in\s+this\s+(?:study|trial|review|cohort|sample|meta-analysis)\b",
    r"^\s*(?:in\s+conclusion|overall|taken\s+together|together,|these\s+(?:findings|results|data)|our\s+(?:findings|"
    r"results)|this\s+(?:study|trial|review)\s+(?:shows|showed|found|suggests|demonstrates|provides))\b",
    r"\b(?:we\s+(?:conclude|found)|findings\s+suggest|results\s+(?:suggest|show|indicate))\b",
    r"\b(?:disimpulkan|dapat\s+disimpulkan|menunjukkan\s+bahwa|hasil\s+penelitian\s+(?:ini\s+)?menunjukkan)\b",
)
_NOT_FINDING = any_of(
    r"\b(?:the\s+)?(?:aim|objective|purpose)s?\s+(?:of\s+this|was|were|is)\b",
    r"\b(?:this|the\s+present|our)\s+(?:study|trial|review|paper|article)\s+(?:aim|examin|investigat|assess|evaluat|"
    r"explor|describ|report)\w*\b",
    r"\bwe\s+(?:aimed|examined|investigated|assessed|evaluated|explored|sought|conducted|recruited|randomly|searched)\b",
    r"\b(?:were|was)\s+(?:randomly\s+)?(?:assigned|allocated|recruited|enrolled|interviewed|collected|measured|"
    r"included|invited|asked)\b",
    r"\b(?:little\s+is\s+known|remains?\s+(?:unclear|unknown)|is\s+(?:a|an)\s+(?:common|major|important|growing))\b",
    r"\b(?:is|are)\s+(?:essential|important|needed|necessary|crucial|warranted|unclear)\b",
    r"^\s*(?:participants|subjects|respondents|informan|responden|partisipan)\s+(?:were|was|adalah|terdiri)\b",
    r"\brecruited\s+(?:from|through|via)\b",
    r"\b(?:mean|median|average)\s+age\b",
    r"\b(?:rerata|rata-rata)\s+(?:usia|umur)\b",
    r"\bbaseline\s+characteristics\b",
    r"\bkarakteristik\s+(?:responden|partisipan|subjek)\b",
    r"\b(?:tujuan\s+penelitian|penelitian\s+ini\s+bertujuan|bertujuan\s+untuk|data\s+dikumpulkan|teknik\s+analisis|"
    r"metode\s+penelitian|jenis\s+penelitian|populasi\s+(?:dalam\s+)?penelitian|sampel\s+(?:dalam\s+)?penelitian)\b",
)
_FUTURE = any_of(
    r"\b(?:further|future|more)\s+(?:\w+\s+){0,2}(?:research|studies|trials|work)\b", r"\blimitations?\b",
    r"\bpenelitian\s+(?:selanjutnya|lanjutan)\b", r"\bdisarankan\b", r"\bneeds?\s+to\s+be\s+(?:tested|confirmed)\b",
)  # fmt: skip
_THEMES = any_of(r"\bthemes?\b", r"\btema\b", r"\bcategor(?:y|ies)\s+(?:emerged|were)\b", r"\bkategori\b")
_THEME_COUNT = any_of(
    r"\b(?:two|three|four|five|six|seven|\d)\s+(?:main\s+|major\s+|key\s+|overarching\s+)?(?:themes|categories)\b",
    r"\b(?:dua|tiga|empat|lima|enam|tujuh|\d)\s+(?:tema|kategori)\b",
)
_SECONDARY = any_of(r"\bsecondary\s+(?:outcomes?|endpoints?|analys[ie]s)\b", r"\bluaran\s+sekunder\b")
_SIGNIFICANT = any_of(
    r"\bsignificant(?:ly)?\b",
    r"\b(?:compared\s+(?:with|to)|relative\s+to|than)\b",
    r"\bsignifikan\b",
    r"\bdibandingkan\b",
    r"\bbermakna\b",
)
_CASE_OUTCOME = any_of(
    r"\b(?:by\s+the\s+end|at\s+(?:the\s+)?(?:end|follow-?up|closure)|after\s+(?:\w+\s+){0,3}(?:months?|weeks?|sessions?))",
    r"\b(?:returned|resumed|reunified|stopped|no\s+longer|was\s+able|managed\s+to|now\s+(?:lives|attends|works))\b",
    r"\b(?:pada\s+akhir|setelah\s+(?:\w+\s+){0,3}(?:bulan|minggu|sesi)|kembali\s+(?:bersekolah|ke)|berhenti|tidak\s+lagi|"
    r"sudah\s+(?:bisa|mampu|dapat))\b",
)  # fmt: skip
_MAX_SENTENCE_WORDS = 90


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


@dataclass(frozen=True)
class Scored:
    quote: Quote
    score: float
    order: int


def candidate_sentences(passages: Sequence[Passage]) -> list[Quote]:
    """Every sentence of the document once, in order, with its page and the label or section it stood under."""
    seen: set[str] = set()
    out: list[Quote] = []
    for p in passages:
        label = p.section.value if p.section else ""
        for raw in sentences(p.text):
            text, own_label = _strip_label(raw)
            label = own_label or label
            key = " ".join(text.split())
            if len(key.split()) < 5 or key in seen:
                continue
            seen.add(key)
            out.append(Quote(key, p.page_start, label))
    return out


def _strip_label(sentence: str) -> tuple[str, str]:
    m = _LABEL.match(sentence)
    if not m:
        return sentence.strip(), ""
    return sentence[m.end() :].strip(), m.group(1).lower()


def key_findings(quotes: Sequence[Quote], design: Design, limit: int = 2) -> tuple[Quote, ...]:
    """The sentences that state the study's main result, best first (at most ``limit``)."""
    closing = _abstract_closing(quotes) if design is not Design.CASE_STUDY else set()
    scored = [Scored(q, _finding_score(q, i, len(quotes), design) + (1.5 if i in closing else 0.0), i)
              for i, q in enumerate(quotes)]  # fmt: skip
    good = sorted((s for s in scored if s.score > 0), key=lambda s: (-s.score, s.order))
    return tuple(s.quote for s in good[:limit])


def _finding_score(q: Quote, position: int, total: int, design: Design) -> float:
    text, label = q.text, q.section
    if label in _NOT_FINDING_LABELS or len(text.split()) > _MAX_SENTENCE_WORDS:
        return 0.0
    if _FUTURE.search(text) or (PASSING_MENTION.search(text) and not _CONCLUDING.search(text)):
        return 0.0
    score = 0.0
    if label in _RESULT_LABELS or label == Section.RESULTS:
        score += 2.5
    if label in _CONCLUSION_LABELS or label == Section.CONCLUSION:
        score += 3.0
    if label in (Section.ABSTRACT, "abstract") or position < 12:
        score += 1.0  # the abstract states the main result most plainly
    score += (
        2.0 * bool(_RESULT.search(text)) + 1.5 * bool(_STATISTIC.search(text)) + 2.0 * bool(_CONCLUDING.search(text))
    )
    if _NOT_FINDING.search(text):
        score -= 4.0
    if design is Design.QUALITATIVE and _THEMES.search(text):
        score += 2.0 + 2.0 * bool(_THEME_COUNT.search(text))
    score += 1.0 * bool(_SIGNIFICANT.search(text)) - 2.5 * bool(_SECONDARY.search(text))
    if design is Design.CASE_STUDY and (label == Section.OUTCOME or _CASE_OUTCOME.search(text)):
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
    from ebp.appraise.pico import comparison_of, intervention_of, outcomes_of, participants_of

    found = key_findings(quotes, design)
    return EvidenceRow(
        key_findings=found,
        direction=direction_of([q.text for q in found], design),
        participants=participants_of(quotes, n),
        n=n if design is not Design.CASE_STUDY else None,
        n_unit=n_unit,
        intervention=intervention_of(quotes, design),
        comparison=comparison_of(quotes, design),
        outcomes=outcomes_of(quotes, design),
    )


_SPACE = LazyPattern(r"\s+")


def normalised(text: str) -> str:
    """Whitespace folded and ligatures undone, for comparing a quote with a page's text."""
    return " ".join(text.replace("ﬁ", "fi").replace("ﬂ", "fl").replace("ﬀ", "ff").split()).lower()
