"""A short Indonesian gloss of an English quote's key terms: the bridge's Indonesian→English lexicon read the other way.

Example: ``("depression", "depresi") in gloss("Exercise reduced depression in older adults.")``
"""

from __future__ import annotations

import re
from functools import lru_cache


def gloss(english: str, limit: int = 5) -> tuple[tuple[str, str], ...]:
    """Key terms of an English sentence with their Indonesian words (the bridge's lexicon read the other way),
    longest phrases first, in the order they appear.

    Example: ``("depression", "depresi") in gloss("Exercise reduced depression in older adults.")``
    """
    reverse = _reverse_lexicon()
    words = re.findall(r"[a-z][a-z'-]*", english.lower())
    found: list[tuple[int, str, str]] = []
    used: set[int] = set()
    for n in (4, 3, 2, 1):
        for start in range(len(words) - n + 1):
            span = set(range(start, start + n))
            term = " ".join(words[start : start + n])
            verb_like = n == 1 and term.endswith(("ed", "ly", "ing"))  # "reduced", "significantly": not key terms
            if term in reverse and len(term) > 3 and not verb_like and not span & used:
                found.append((start, term, reverse[term]))
                used |= span
    found.sort()
    return tuple((term, indonesian) for _, term, indonesian in found[:limit])


@lru_cache(maxsize=1)
def _reverse_lexicon() -> dict[str, str]:
    """English term → Indonesian: the first entry that gives the term as its main (first) sense, else the only entry
    that gives it at all. "delivery" is only a second sense, of two entries (*melahirkan*, *persalinan*): it gets no
    gloss rather than a wrong one."""
    from ebp.retrieve.bridge import default_lexicon

    main: dict[str, str] = {}
    other: dict[str, set[str]] = {}
    for indonesian, terms in default_lexicon().entries.items():
        word = " ".join(indonesian)
        for k, term in enumerate(terms):
            english = term.lower()
            if term.isascii() and english != word:
                if k == 0:
                    main.setdefault(english, word)
                else:
                    other.setdefault(english, set()).add(word)
    single = {english: next(iter(words)) for english, words in other.items() if len(words) == 1}
    return {k: v for k, v in {**single, **main}.items() if k not in _STOP_GLOSS}


# Words every reader knows or that carry no finding: function words, numbers, time, plain size and quality.
_STOP_GLOSS = frozenset(
    """with from that this were have than more less also which their these other after among one two three four
    five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand first second third half
    whole small large little high long short good better best same many much most some each every year years month
    months week weeks time times help make made take give given show found find kept used""".split()
)
