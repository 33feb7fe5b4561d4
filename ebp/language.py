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


# Words of a case that say nothing about its topic: question words, pronouns, people in general, numbers
# written out and everyday verbs. They are not highlighted nor given as a reason ("ibu, anak, apa" matched
# in every document of a social-work library). Content words ("KDRT", "pengasuhan", "caregiver") are.
GENERAL_WORDS = frozenset(
    # Indonesian
    "apa apakah bagaimana mengapa kenapa siapa kapan dimana mana berapa seorang satu dua tiga empat lima enam "
    "tujuh delapan sembilan sepuluh saya aku kami kita dia ia mereka beliau anda kamu ibu bapak ayah anak orang "
    "klien pak bu nya ini itu ada adalah bisa dapat mau ingin perlu harus sudah belum masih sedang akan lebih "
    "sangat juga hanya yang untuk dengan dan atau dari ke di pada dalam oleh karena agar supaya tahun th bulan "
    "minggu hari kali sering baru lama tidak bukan jika kalau tentang seperti efektif cara hal setelah sesudah "
    "sebelum selama sejak sambil ketika saat tanpa antara bagi kepada terhadap para "
    # English
    "what how why whether does do did can could would should which who whom whose when where one two three four "
    "five six seven eight nine ten i me my we our you your he she his her they them their it its this that these "
    "those mother father child children person people man woman men women client clients mr mrs ms is are was "
    "were be been has have had will want wants need needs help helps make year years old month months week weeks "
    "day days time times new also only very more most much many some any about like effective way ways thing "
    "things self intervention interventions intervensi program programme after before during while since until "
    "him hers us at on in to of for from with without into onto over under between than then there here so but "
    "if not no nor a an the and or as by up down out off again once all each both few other such own same too "
    "just now".split()
)


def is_content_word(word: str) -> bool:
    """True when ``word`` (case-folded) can tell documents apart: not a general word, not a number.

    Example: ``is_content_word("kdrt") and not is_content_word("ibu") and not is_content_word("14")``
    """
    return len(word) > 1 and not word.isdigit() and word.casefold() not in GENERAL_WORDS
