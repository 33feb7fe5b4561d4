"""Why a document ranked, in words a practitioner reads: the case's words that its passages contain."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ebp.index.lexical import analyze, words
from ebp.language import is_content_word

MAX_WORDS = 8


def matched_words(query: str, passages: Sequence[str], lang: str) -> tuple[str, ...]:
    """The words of ``passages`` that share a stem with a content word of ``query`` (``is_content_word``),
    as the passages write them (case-folded), at most ``MAX_WORDS``.

    Example: ``matched_words("ibu korban KDRT", ["Ibu korban KDRT dan anaknya"], "id") == ("korban", "kdrt")``
    """
    wanted = set(analyze(" ".join(w for w in words(query, lang) if is_content_word(w)), lang))
    found: dict[str, None] = {}
    for text in passages:
        for word in words(text, lang):
            if len(found) >= MAX_WORDS:
                return tuple(found)
            if word not in found and is_content_word(word) and _stems(word, lang) & wanted:
                found[word] = None
    return tuple(found)


@lru_cache(maxsize=50_000)
def _stems(word: str, lang: str) -> frozenset[str]:
    return frozenset(analyze(word, lang))
