"""Appraisal items: the facts a practitioner checks first in a study, with the sentence each came from.

Sample size, randomisation, control group, follow-up and effect size; pure functions over text, English and
Indonesian, rules only (see ebp.appraise for the study design).
"""

from __future__ import annotations

import re

from ebp.appraise.context import PASSING_MENTION, RANDOMISED
from ebp.appraise.sample import SampleSize, candidates, clusters_of, default_sample_model
from ebp.text import LazyPattern, any_of, sentences, strip_references
from ebp.types import AppraisalItem

_MAX_TEXT = 200_000  # characters read by appraise(): a long paper's opening is where its design and N are


def all_sentences(text: str) -> list[str]:
    """The text's sentences without its reference list."""
    return sentences(strip_references((text or "")[:_MAX_TEXT]))


def _own_sentences(text: str) -> list[str]:
    """The text's sentences without its reference list and without passing mentions of other studies."""
    return [s for s in all_sentences(text) if not PASSING_MENTION.search(s) and not _THE_LITERATURE.search(s)]


# What the literature holds, not what this study did: "Randomised trials of diversion are few and mostly small."
_THE_LITERATURE = any_of(
    r"\b(?:trials|studies|RCTs|evaluations)\b[^.;]{0,60}?\b(?:are|remain|were)\s+(?:few|scarce|rare|sparse|lacking)\b",
    r"\b(?:uji|penelitian|studi)\b[^.;]{0,60}?\bmasih\s+(?:sedikit|jarang|terbatas)\b",
)


def appraise(text: str) -> tuple[AppraisalItem, ...]:
    """sample_size, randomisation, control_group, follow_up and effect_size, each with its sentence.

    Example: ``appraise("We randomly assigned 120 women.")[1].status == "present"``
    """
    own = _own_sentences(text)
    size = sample_size(all_sentences(text))  # a passing mention is a feature of each number there
    if size.value is not None:
        items = [AppraisalItem("sample_size", "present", str(size.value), size.sentence, size.unit)]
    else:
        items = [_unknown("sample_size")]
    for name, (present, absent) in _FLAGS.items():
        items.append(_first_flag(name, own, ((absent, "absent"), (present, "present"))))
    follow = _follow_up(own)
    items.append(AppraisalItem("follow_up", *follow) if follow else _unknown("follow_up"))
    effect = _effect_size(own)
    items.append(AppraisalItem("effect_size", "present", *effect) if effect else _unknown("effect_size"))
    return tuple(items)


def stated_sample_size(text: str) -> int | None:
    """The total number of participants the text states (not subgroups, years or percentages); None to abstain.

    Example: ``stated_sample_size("A total of 1,234 women took part.") == 1234``
    """
    return sample_size(all_sentences(text)).value


def sample_size(own: list[str]) -> SampleSize:
    """The stated number of participants (the best-scored candidate, or none), with clusters apart."""
    best = default_sample_model().choose(candidates(own))
    cluster = clusters_of(own)
    return SampleSize(
        best.value if best else None,
        best.noun if best else "",
        best.sentence if best else None,
        cluster[0] if cluster else None,
        cluster[1] if cluster else "",
    )


def _unknown(name: str) -> AppraisalItem:
    return AppraisalItem(name, "unknown", None, None)


def _first_flag(name: str, sentences: list[str], checks: tuple[tuple[LazyPattern, str], ...]) -> AppraisalItem:
    for pattern, status in checks:  # an explicit "non-randomised" / "no control group" wins
        for sentence in sentences:
            m = pattern.search(sentence)
            if m:
                return AppraisalItem(name, status, m.group(0), sentence)
    return _unknown(name)


_FLAGS = {
    "randomisation": (
        any_of(
            RANDOMISED + r"ed\s+(?:to|into|in|controlled|clinical|trial|double|placebo|,)",
            r"(?<![\w-])randomly\s+"
            r"(?:assigned|allocated|divided)",
            RANDOMISED + r"ation",
            r"random\s+(?:allocation|assignment)",
            r"(?<!not\s)(?:were|was)\s+randomi[sz]ed",
            r"dirandomisasi",
            r"\brandomisasi",
            r"diacak\s+ke",
            r"dialokasikan\s+secara\s+acak",
            r"uji\s+(?:klinis\s+)?acak",
            r"alokasi\s+acak",
            r"pengacakan",
        ),
        any_of(
            r"non-?randomi[sz]ed",
            r"not\s+(?:been\s+)?randomi[sz]ed",
            r"without\s+randomi[sz]ation",
            r"quasi-?experiment\w*",
            r"tidak\s+diacak",
            r"tanpa\s+(?:randomisasi|pengacakan)",
            r"kuasi[- ]?eksperimen\w*",
        ),
    ),
    "control_group": (
        any_of(
            r"control\s+(?:group|arm|condition|participants|diet)",
            r"placebo",
            r"usual\s+care",
            r"treatment\s+as\s+usual",
            r"wait-?\s?list",
            r"comparison\s+group",
            r"comparator",
            r"(?:matched|healthy)\s+controls",
            r"kelompok\s+(?:kontrol|pembanding)",
            r"plasebo",
            r"layanan\s+biasa",
            r"daftar\s+tunggu",
        ),
        any_of(
            r"without\s+(?:a\s+)?(?:control|comparison)\s+group",
            r"no\s+(?:control|comparison)\s+group",
            r"uncontrolled",
            r"single[- ](?:group|arm)",
            r"one[- ]group",
            r"tanpa\s+kelompok\s+(?:kontrol|pembanding)",
            r"satu\s+kelompok",
            r"tidak\s+(?:ada|menggunakan)\s+kelompok\s+kontrol",
        ),
    ),
}


_FU_NUM = (
    r"(\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"satu|dua|tiga|empat|lima|enam|sepuluh)"
)
_FU_UNIT = r"(years?|yrs?|y|months?|mo|weeks?|wk|days?|tahun|bulan|minggu|hari)\b"
_FOLLOW_UP = (
    LazyPattern(_FU_NUM + r"[\s-]+" + _FU_UNIT + r"[\s-]+follow[\s-]?up", re.IGNORECASE),
    LazyPattern(
        r"follow[\s-]?up(?:\s+(?:period|duration|time))?\s+(?:of|was|for|at|lasted)\s+(?:up\s+to\s+|approximately\s+|"
        r"about\s+|a\s+(?:median|mean)\s+of\s+)?" + _FU_NUM + r"\s*" + _FU_UNIT,
        re.IGNORECASE,
    ),
    LazyPattern(
        r"(?:median|mean|average)\s+(?:duration\s+of\s+)?follow[\s-]?up\s+(?:of\s+|was\s+|time\s+(?:of|was)\s+)?"
        + _FU_NUM
        + r"\s*"
        + _FU_UNIT,
        re.IGNORECASE,
    ),
    LazyPattern(
        r"followed\s+(?:up\s+)?(?:for|over)\s+(?:a\s+(?:median|mean|total)\s+of\s+|up\s+to\s+|an\s+average\s+of\s+)?"
        + _FU_NUM
        + r"\s*"
        + _FU_UNIT,
        re.IGNORECASE,
    ),
    LazyPattern(_FU_NUM + r"\s*" + _FU_UNIT + r"\s+of\s+follow[\s-]?up", re.IGNORECASE),
    LazyPattern(
        r"(?:diikuti|dipantau|tindak\s+lanjut|follow[\s-]?up|pemantauan)\s+(?:selama|hingga|sampai)\s+"
        + _FU_NUM
        + r"\s*"
        + _FU_UNIT,
        re.IGNORECASE,
    ),
)
_FOLLOW_UP_ABSENT = any_of(
    r"\bno\s+follow[\s-]?up", r"without\s+(?:a\s+)?follow[\s-]?up", r"tanpa\s+(?:tindak\s+lanjut|follow[\s-]?up)"
)
_FOLLOW_UP_ANY = any_of(r"\bfollow[\s-]?up\b", r"\btindak\s+lanjut\b", r"\bdiikuti\s+selama\b")


def _follow_up(sentences: list[str]) -> tuple[str, str | None, str] | None:
    for sentence in sentences:
        if _FOLLOW_UP_ABSENT.search(sentence):
            return "absent", None, sentence
        for pattern in _FOLLOW_UP:
            m = pattern.search(sentence)
            if m:
                return "present", f"{m.group(1)} {m.group(2)}", sentence
    for sentence in sentences:
        if _FOLLOW_UP_ANY.search(sentence):
            return "present", None, sentence
    return None


_DEC = r"[-−–]?\d*[.,]\d+"
_EFFECT = (
    LazyPattern(r"\b(?:Cohen'?s\s+)?d\s*=\s*" + _DEC),
    LazyPattern(r"\b(?:Hedges'?\s+)?g\s*=\s*" + _DEC),
    LazyPattern(
        r"\b(?:adjusted\s+)?a?(?:OR|RR|HR|IRR|SMD|WMD|MD|RD|ARR)s?\b\s*(?:\([^()]{0,30}\)\s*)?[=:,]?\s*" + _DEC
    ),
    LazyPattern(r"(?:odds|risk|hazard|rate|prevalence)\s+ratios?\b[^.;]{0,60}?" + _DEC, re.IGNORECASE),
    LazyPattern(r"(?:standardi[sz]ed\s+)?mean\s+differences?[^.;]{0,40}?" + _DEC, re.IGNORECASE),
    LazyPattern(r"(?:effect\s+sizes?|ukuran\s+efek|selisih\s+rerata)[^.;]{0,40}?" + _DEC, re.IGNORECASE),
    LazyPattern(
        r"\b95\s?%\s?(?:CI|confidence\s+intervals?)|\b(?:IK|CI|KI)\s?95\s?%|selang\s+kepercayaan\s+95\s?%",
        re.IGNORECASE,
    ),
)
_CI_TAIL = LazyPattern(
    r"[^.)]{0,12}?(?:95\s?%\s?(?:CI|confidence\s+intervals?)|(?:IK|CI)\s?95\s?%)[^);]{0,45}\)?", re.IGNORECASE
)


def _effect_size(sentences: list[str]) -> tuple[str, str] | None:
    for sentence in sentences:
        found = [(m.start(), i, m) for i, pattern in enumerate(_EFFECT) for m in pattern.finditer(sentence)]
        if found:
            _, kind, m = min(found, key=lambda x: x[:2])
            tail = _CI_TAIL.match(sentence, m.end()) if kind < len(_EFFECT) - 1 else None  # last: a bare CI
            end = tail.end() if tail else m.end()
            return sentence[m.start() : end].strip(" ;,("), sentence
    return None
