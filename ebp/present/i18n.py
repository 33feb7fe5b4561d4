"""Every string the app and the handouts show, in Bahasa Indonesia (the default) and English.

One flat dict per language with the same keys (a test checks it). Grouped keys name a value of
the package: ``design.rct``, ``status.not_a_pdf``, ``item.sample_size``, ``qtype.risk`` …; use
``label(t, "design", value)``, which falls back to the value itself for anything not listed.
"""

from __future__ import annotations

from collections.abc import Mapping

from ebp.present import strings_cases, strings_curate
from ebp.present.strings_en import EN, EN_ONE
from ebp.present.strings_id import ID
from ebp.types import Level

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}  # shown in their own language

# The curation and case-workspace pages keep their strings in their own modules (same keys in both languages).
# A count of one has its own string under "<key>.one"; Indonesian nouns do not change with the number.
_ID_ALL = {**ID, **strings_curate.ID, **strings_cases.ID}
STRINGS: dict[str, dict[str, str]] = {
    "id": {**_ID_ALL, **{f"{key}.one": _ID_ALL[key] for key in EN_ONE}},
    "en": {**EN, **strings_curate.EN, **strings_cases.EN, **{f"{key}.one": text for key, text in EN_ONE.items()}},
}


def strings(lang: str) -> Mapping[str, str]:
    """The UI strings of ``lang``; Indonesian for an unknown language.

    Example: ``strings("en")["search.button"] == "Find evidence"``
    """
    return STRINGS.get(lang, STRINGS[DEFAULT_LANGUAGE])


def counted(t: Mapping[str, str], key: str, n: int, **values: object) -> str:
    """The string ``key`` for ``n`` things, in the singular when there is one.

    Example: ``counted(strings("en"), "lists.count", 1) == "1 document"``
    """
    return t.get(f"{key}.one" if n == 1 else key, t[key]).format(n=n, **values)


def label(t: Mapping[str, str], group: str, value: str) -> str:
    """The display name of a package value (a design, a status …), or the value itself.

    Example: ``label(strings("id"), "design", "rct") == "Uji acak terkontrol (RCT)"``
    """
    return t.get(f"{group}.{value}", value)


def level_label(level: Level, lang: str) -> str:
    """An evidence level's label in ``lang`` (Indonesian unless English is asked for)."""
    return (level.label_en if lang == "en" else level.label_id) or level.name
