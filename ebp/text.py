"""Shared building blocks of the appraisal modules: lazily compiled patterns and sentence splitting.

Kept apart so that ebp.appraise (study design) and ebp.appraise.items (sample size, follow-up ...)
share them without importing each other.
"""

from __future__ import annotations

import functools
import re
from typing import Any


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


def any_of(*parts: str) -> LazyPattern:
    """One case-insensitive pattern matching any of ``parts``.

    Example: ``any_of(r"\\bcohort\\b", r"\\bkohort\\b").search("Studi kohort") is not None``
    """
    return LazyPattern("|".join(parts), re.IGNORECASE)


_HEADINGS = (
    r"BACKGROUND|OBJECTIVES?|AIMS?|PURPOSE|CONTEXT|DESIGN|SETTING|PARTICIPANTS|SUBJECTS|INTERVENTIONS?|"
    r"METHODS?|RESULTS|FINDINGS|INTERPRETATION|CONCLUSIONS?|MAIN OUTCOME MEASURES?|DATA SOURCES"
)
_SENTENCE_BREAK = LazyPattern(r"(?<=[.!?])\s+(?=[\"“(\[]?[A-Z0-9])|\s+(?=(?:" + _HEADINGS + r")\b(?![a-z]))")
_REFERENCES_HEADING = LazyPattern(
    r"^\s*(?:\d+\.?\s*)?(?:references|bibliography|daftar\s+pustaka|kepustakaan|referensi|"
    r"literature\s+cited|rujukan)\s*:?\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def strip_references(text: str) -> str:
    """``text`` without its reference list (a "References" / "Daftar Pustaka" heading past the first 30 %)."""
    for m in _REFERENCES_HEADING.finditer(text):
        if m.start() > len(text) * 0.3:  # a "References" heading early on is a table of contents
            return text[: m.start()]
    return text


def sentences(text: str) -> list[str]:
    """Sentences of ``text``: paragraphs are kept apart, structured-abstract headings start a sentence.

    Example: ``sentences("We asked 40 women. RESULTS Pain fell.") == ["We asked 40 women.", "RESULTS Pain fell."]``
    """
    text = re.sub(r"(\w)-\n(?=[a-z])", r"\1", text)  # words hyphenated across PDF lines
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        flat = re.sub(r"\s+", " ", paragraph).strip()
        out.extend(s.strip() for s in _SENTENCE_BREAK.split(flat) if s.strip())
    return out
