"""Which language a text is in (py3langid, offline); Malay is read as Indonesian."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

_ALIASES = {"ms": "id"}  # Malay and Indonesian are close; our users write Indonesian


def detect_language(text: str, candidates: Sequence[str] | None = None) -> str:
    """ISO 639-1 code of ``text`` ("und" if there is no text). ``candidates`` narrows the choice,
    which helps for short case descriptions.

    Example: ``detect_language("anak korban kekerasan", ("en", "id")) == "id"``
    """
    return language_confidence(text, candidates)[0]


def language_confidence(text: str, candidates: Sequence[str] | None = None) -> tuple[str, float]:
    """``detect_language`` with the detector's probability (0..1) for its answer."""
    sample = text[:6000]
    if not re.search(r"\w{2,}", sample):
        return "und", 0.0
    identifier = _identifier(tuple(candidates) if candidates else None)
    code, probability = identifier.classify(sample)
    return _ALIASES.get(code, code), float(probability)


def normalise_language(value: str) -> str:
    """A declared language ("EN", "ms", "id-ID") as an ISO 639-1 code, or "" when it is not one.

    Example: ``normalise_language("ms") == "id"``
    """
    code = value.strip().lower()[:2]
    return _ALIASES.get(code, code) if re.fullmatch(r"[a-z]{2}", code) else ""


@functools.cache
def _identifier(candidates: tuple[str, ...] | None) -> Any:
    # Lazily built: loading the language model takes a moment and is not needed for --help.
    import py3langid.langid as langid_module
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_modelpath(langid_module.MODEL_DIR / MODEL_FILE, norm_probs=True)
    if candidates:
        identifier.set_languages(list(candidates))
    return identifier
