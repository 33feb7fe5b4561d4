"""Shared building blocks of the appraisal modules: lazily compiled patterns and sentence splitting.

Kept apart so that ebp.appraise (study design) and ebp.appraise_items (sample size, follow-up ...)
share them without importing each other.
"""

from __future__ import annotations

import functools
import re
from typing import Any

_I = re.IGNORECASE


class LazyPattern:
    """A regular expression compiled on first use: importing ebp compiles none of the ~100 patterns here.

    Example: ``LazyPattern(r"\\bcohort\\b", re.I).search("A cohort study") is not None``
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    @functools.cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)

    def __getattr__(self, name: str) -> Any:  # search, match, finditer, findall, split, sub ...
        return getattr(self.compiled, name)


def _rx(*parts: str) -> LazyPattern:
    return LazyPattern("|".join(parts), _I)


_RAND = r"(?<![\w-])(?<!mendelian\s)randomi[sz]"  # not "non-randomised", "quasi-randomised", "Mendelian randomisation"
_PASSING = _rx(  # a sentence about other studies or about studies still to be done
    r"\b(?:previous|prior|earlier|past)\s+(?:\w+\s+){0,2}?(?:stud(?:y|ies)|trials?|research|reviews?|reports?|"
    r"work|literature|investigations?|analys[ie]s|findings|evidence|meta-analys[ie]s|RCTs?|data)\b",
    r"\bpreviously\s+(?:shown|reported|described|published|demonstrated|found|suggested)",
    r"\brecent(?:ly)?\s+(?:studies|trials|reviews|meta-analyses|reports|work)",
    r"\bha(?:ve|s)\s+(?:been\s+)?(?:shown|suggested|reported|demonstrated|found|indicated)",
    r"\b(?:is|are)\s+needed",
    r"\bneeded\s+to\b",
    r"\bneed\s+(?:for|more)\b",
    r"\b(?:is|are)\s+(?:warranted|required|lacking)",
    r"\bfuture\b",
    r"\bfurther\s+(?:\w+\s+)?(?:studies|research|trials|investigation|work)",
    r"\bshould\s+be\b",
    r"\black\s+of\b",
    r"\babsence\s+of\b",
    r"\bno\s+(?:randomi[sz]ed|controlled|previous|published)",
    r"\bfew\s+(?:studies|trials)",
    r"\blimited\s+(?:data|evidence)",
    r"\bunlike\b",
    r"\bin\s+contrast\s+to\b",
    r"\bshown\s+(?:recently|previously)",
    r"\b(?:in|by)\s+a\s+(?:large|recent|previous|published|earlier)\s+"
    r"(?:systematic\s+review|meta-?analysis)",
    r"\b(?:a|one)\s+recent\b",
    r"\bsebelumnya\b",
    r"\bdiperlukan\b",
    r"\bperlu\s+dilakukan\b",
    r"\bpenelitian\s+(?:selanjutnya|lanjutan|berikutnya)",
    r"\bbelum\s+(?:ada|pernah)\b",
    r"\bmasih\s+(?:sedikit|terbatas)\b",
    r"\bberbeda\s+dengan\b",
    r"\bdisarankan\b",
    r"\bdi\s+masa\s+(?:depan|mendatang)",
)

_HEADINGS = (
    r"BACKGROUND|OBJECTIVES?|AIMS?|PURPOSE|CONTEXT|DESIGN|SETTING|PARTICIPANTS|SUBJECTS|INTERVENTIONS?|"
    r"METHODS?|RESULTS|FINDINGS|INTERPRETATION|CONCLUSIONS?|MAIN OUTCOME MEASURES?|DATA SOURCES"
)
_SPLIT = LazyPattern(r"(?<=[.!?])\s+(?=[\"“(\[]?[A-Z0-9])|\s+(?=(?:" + _HEADINGS + r")\b(?![a-z]))")
_REFERENCES = LazyPattern(
    r"^\s*(?:\d+\.?\s*)?(?:references|bibliography|daftar\s+pustaka|kepustakaan|referensi|"
    r"literature\s+cited|rujukan)\s*:?\s*$",
    _I | re.MULTILINE,
)


def _strip_references(text: str) -> str:
    for m in _REFERENCES.finditer(text):
        if m.start() > len(text) * 0.3:  # a "References" heading early on is a table of contents
            return text[: m.start()]
    return text


def _sentences(text: str) -> list[str]:
    text = re.sub(r"(\w)-\n(?=[a-z])", r"\1", text)  # words hyphenated across PDF lines
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        flat = re.sub(r"\s+", " ", paragraph).strip()
        out.extend(s.strip() for s in _SPLIT.split(flat) if s.strip())
    return out
