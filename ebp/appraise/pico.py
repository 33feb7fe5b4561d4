"""Participants, intervention (or exposure), comparison and outcomes of a study, as phrases of its own sentences.

Each value is a contiguous phrase of one sentence of the document, with that sentence and its page;
a field the text does not state plainly stays empty (``benchmarks/brief/GUIDE.md``: never guessed).

Example: ``comparison_of(quotes, Design.RCT).text == "usual care"`` for "… randomly assigned to home
visits or usual care."
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebp.appraise.findings import FieldValue, Quote
from ebp.appraise.numbers import NUMBER, number_value
from ebp.types import Design

_STOP = (
    r"(?=\s*(?:[,;:.()]|\b(?:were|was|who|which|that|and\s+(?:were|was)|in\s+a|at\s+baseline|over|during|for\s+\d|"
    r"yang|dan\s+(?:di|ke)|selama|sebanyak)\b|$))"
)
_PHRASE = r"([^.;:]{3,120}?)"
_INTERVENTION = (
    re.compile(
        rf"\b(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to\s+(?:receive\s+)?(?:either\s+)?{_PHRASE}"
        rf"(?=\s+(?:or|versus|vs\.?)\s+|{_STOP})",
        re.I,
    ),  # fmt: skip
    re.compile(
        rf"\b(?:effects?|effectiveness|efficacy|impact)\s+of\s+(?:an?\s+|the\s+)?{_PHRASE}(?=\s+(?:on|for|in|among)\b)",
        re.I,
    ),
    re.compile(rf"\b(?:efektivitas|pengaruh|dampak)\s+{_PHRASE}(?=\s+(?:terhadap|pada|dalam)\b)", re.I),
    re.compile(
        rf"\b(?:received|receiving|participated\s+in|attended|underwent|mengikuti|menerima)\s+{_PHRASE}{_STOP}", re.I
    ),
    re.compile(
        rf"\b(?:exposure\s+to|associated\s+with|berhubungan\s+dengan|hubungan\s+antara)\s+{_PHRASE}{_STOP}", re.I
    ),
)
_COMPARISON = (
    re.compile(
        rf"\b(?:assigned|allocated|randomi[sz]ed)\s+to\s+[^.;]{{3,120}}?\s+(?:or|versus|vs\.?)\s+{_PHRASE}{_STOP}", re.I
    ),  # fmt: skip
    re.compile(
        rf"\b(?:compared\s+(?:with|to)|versus|vs\.?|than\s+(?:those\s+)?(?:in|who|with)?|dibandingkan\s+(?:dengan\s+)?)"
        rf"\s*{_PHRASE}{_STOP}",
        re.I,
    ),  # fmt: skip
    re.compile(
        r"\b(usual\s+care|treatment\s+as\s+usual|placebo|wait-?\s?list(?:ed)?\s+control|standard\s+care|"
        r"kelompok\s+kontrol|layanan\s+biasa|no\s+intervention)\b",
        re.I,
    ),  # fmt: skip
)
_OUTCOMES = (
    re.compile(
        rf"\b(?:the\s+)?(?:primary|main)\s+outcomes?\s+(?:was|were|measure\s+was|included)\s+{_PHRASE}{_STOP}", re.I
    ),
    re.compile(rf"\boutcomes?\s+(?:was|were|included|measures?\s+(?:was|were|included))\s+{_PHRASE}{_STOP}", re.I),
    re.compile(rf"\bluaran\s+(?:utama\s+)?(?:adalah|yaitu|berupa)\s+{_PHRASE}{_STOP}", re.I),
    re.compile(rf"\b(?:effects?|effectiveness|impact)\s+of\s+[^.;]{{3,100}}?\s+on\s+{_PHRASE}{_STOP}", re.I),
    re.compile(rf"\b(?:terhadap)\s+{_PHRASE}{_STOP}", re.I),
)
_EXPLORED = re.compile(
    rf"\b(?:explored?|explores|exploring|describes?|menggali|mengeksplorasi)\s+{_PHRASE}{_STOP}", re.I
)
_WHO = re.compile(r"\b(?:among|in|of)\s+((?:\w+[\s-]+){0,3}?(?:adults?|children|adolescents|women|men|mothers|parents|"
                  r"families|patients|people|students|carers|caregivers|workers|youth|young\s+people|older\s+\w+|"
                  r"veterans|survivors)(?:\s+(?:aged|with|who|living|in|from)\s+[^.;,]{2,60})?)", re.I)  # fmt: skip
_NO_COMPARISON = frozenset({Design.QUALITATIVE, Design.CASE_STUDY, Design.CROSS_SECTIONAL, Design.REVIEW_NARRATIVE,
                            Design.GUIDELINE_OR_OPINION, Design.OTHER})  # fmt: skip


def participants_of(quotes: Sequence[Quote], n: int | None) -> FieldValue:
    """Who was studied: the people the sample-size number counts, else the population a sentence names."""
    for q in quotes[:25]:
        if n is None:
            break
        for m in NUMBER.finditer(q.text):
            if number_value(m) == n:
                phrase = re.match(rf"\s*{_PHRASE}{_STOP}", q.text[m.end() :])
                if phrase and re.search(r"[A-Za-z]{3}", phrase.group(1)):
                    return FieldValue(_clean(phrase.group(1)), q.text, q.page)
    for q in quotes[:15]:
        who = _WHO.search(q.text)
        if who:
            return FieldValue(_clean(who.group(1)), q.text, q.page)
    return FieldValue()


def intervention_of(quotes: Sequence[Quote], design: Design) -> FieldValue:
    if design in (Design.GUIDELINE_OR_OPINION, Design.OTHER):
        return FieldValue()
    return _first(quotes, _INTERVENTION)


def comparison_of(quotes: Sequence[Quote], design: Design) -> FieldValue:
    if design in _NO_COMPARISON:
        return FieldValue()
    return _first(quotes, _COMPARISON)


def outcomes_of(quotes: Sequence[Quote], design: Design) -> FieldValue:
    if design is Design.QUALITATIVE:
        return _first(quotes, (_EXPLORED, *_OUTCOMES))
    if design in (Design.GUIDELINE_OR_OPINION, Design.OTHER):
        return FieldValue()
    return _first(quotes, _OUTCOMES)


def _first(quotes: Sequence[Quote], patterns: Sequence[re.Pattern[str]]) -> FieldValue:
    for pattern in patterns:  # the patterns are in order of trust; the earliest sentence wins within one
        for q in quotes[:40]:
            m = pattern.search(q.text)
            if m and m.group(1).strip():
                return FieldValue(_clean(m.group(1)), q.text, q.page)
    return FieldValue()


def _clean(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(" ,;:()\"'"), flags=re.I)
