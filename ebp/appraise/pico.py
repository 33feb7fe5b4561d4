"""Participants, intervention (or exposure), comparison and outcomes of a study, as phrases of its own sentences.

Each value is a contiguous phrase of one sentence of the document, with that sentence and its page;
a field the text does not state plainly stays empty (``benchmarks/brief/GUIDE.md``: never guessed).

Example: ``comparison_of(quotes, Design.RCT).text == "usual care"`` for "… randomly assigned to home
visits or usual care."
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebp.appraise.direction import changed_outcome
from ebp.appraise.findings import FieldValue
from ebp.appraise.numbers import NUMBER, number_value
from ebp.appraise.quotes import Quote
from ebp.types import Design

_STOP = (
    r"(?=\s*(?:[,;:.()]|\b(?:were|was|who|which|that|and\s+(?:were|was)|in\s+a|at\s+baseline|over|during|for\s+\d|"
    r"yang|dan\s+(?:di|ke)|selama|sebanyak)\b|$))"
)
_PHRASE = r"([^.;:]{3,120}?)"
_NOT_A_CHANGE = (
    r"(?!(?:an?\s+|the\s+)?(?:better|worse|higher|lower|more|less|fewer|greater|larger|smaller|reduced|increased|"
    r"decreased|improved|lebih|penurunan|peningkatan)\b)"
)
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
    re.compile(rf"\b(?:efektivitas|pengaruh|dampak)\s+{_PHRASE}(?=\s+(?:terhadap|pada|dalam|untuk|bagi)\b)", re.I),
    re.compile(
        rf"\b(?:received|receiving|participated\s+in|attended|underwent|mengikuti|menerima)\s+(?!\d){_PHRASE}{_STOP}",
        re.I,
    ),  # not "received 24 August 2009"
    re.compile(
        rf"\b(?:associations?|relationships?|relations?|links?)\s+(?:between|of)\s+{_PHRASE}(?=\s+(?:and|with)\s)", re.I
    ),
    re.compile(rf"\bhubungan\s+(?:antara\s+)?{_PHRASE}(?=\s+(?:dengan|dan)\s)", re.I),
    re.compile(
        rf"\b(?:exposure\s+to|associated\s+with|berhubungan\s+dengan|hubungan\s+antara)\s+{_NOT_A_CHANGE}{_PHRASE}{_STOP}",
        re.I,
    ),  # not "associated with better outcomes": that is the outcome
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
_WHO = re.compile(
    r"\b(?:among|in|of)\s+((?:\w+[\s-]+){0,3}?(?:adults?|children|adolescents|women|men|mothers|parents|"
    r"families|patients|people|students|carers|caregivers|workers|youth|young\s+people|older\s+\w+|"
    r"veterans|survivors)(?:\s+(?:aged|with|who|living|in|from)\s+[^.;,]{2,60}(?![\w-]))?)",
    re.I,
)  # the tail ends at a whole word
# Where what a sentence says of the people a number counts ends: its verb, or the end of the clause.
_VERB = re.compile(
    r"\s+(?:were|was|are|is|completed|participated|took\s+part|received|underwent|agreed|answered|responded|filled|"
    r"provided|met|adalah|merupakan|mengikuti|mengisi|menjadi|dipilih|diwawancarai|terlibat|berpartisipasi|memenuhi)\b",
    re.I,
)
_ALLOCATED = re.compile(r"\b(?:randomi[sz]ed|randomly\s+assigned|assigned|allocated|dialokasikan|diacak)\b", re.I)
# Where the outcome a finding names ends: "depressive symptoms | more than sertraline", "gejala depresi | dengan …".
_OUTCOME_END = re.compile(
    r"\s+(?:more|less|than|compared|by|from|at|among|after|versus|vs\.?|relative|dibandingkan|dengan|pada|sebesar|"
    r"sebanyak|hingga|sampai)\b.*$",
    re.I,
)
_DANGLING = re.compile(r"(?:\s+(?:who|that|which|and|or|with|yang|dan|atau|dengan))+\s*$", re.I)
# A case study's client: "an 81-year-old man whose home …", "seorang ibu berusia 31 tahun yang mengalami …".
_CLIENT = re.compile(
    r"\b((?:an?|seorang)\s+(?:[\w-]+\s+){0,3}?(?:man|woman|mother|father|boy|girl|child|adolescent|teenager|widow|"
    r"widower|couple|family|ibu|ayah|bapak|anak|remaja|pemuda|lansia|janda|keluarga|perempuan|laki-laki)\b[^.;]*?)"
    r"(?=[.;]|\s+(?:This|These|The|Over|In|Studi|Kasus|Ini|Pada)\s|$)",  # a title runs into the opening sentence
    re.I,
)
_CONTROL_ARM = re.compile(
    r"\b(?:usual\s+care|treatment\s+as\s+usual|usual\s+services|placebo|wait-?\s?list\w*|waiting\s+list|control|"
    r"no\s+(?:intervention|treatment)|standard\s+care|kontrol|layanan\s+biasa|plasebo)\b",
    re.I,
)
_NO_COMPARISON = frozenset({Design.QUALITATIVE, Design.CASE_STUDY, Design.CROSS_SECTIONAL, Design.REVIEW_NARRATIVE,
                            Design.GUIDELINE_OR_OPINION, Design.OTHER})  # fmt: skip


def participants_of(quotes: Sequence[Quote], n: int | None, design: Design) -> FieldValue:
    """Who was studied, as the text describes them (GUIDE: age, condition, setting as written): the people the
    sample-size number counts, with what the sentence says of them before its verb; in a case study the client;
    else the population a sentence names."""
    if design is Design.CASE_STUDY:
        for q in quotes[:15]:
            client = _CLIENT.search(q.text)
            if client:
                return FieldValue(clean(client.group(1)), q.text, q.page)
    for q in quotes[:25]:
        if n is None:
            break
        for m in NUMBER.finditer(q.text):
            if number_value(m) == n:
                phrase = counted(q.text[m.end() :])
                if _ALLOCATED.search(q.text[: m.start()]):  # "we randomised 196 adults … to exercise or sertraline"
                    phrase = re.split(r"\s+(?:to|into|ke\s+dalam)\s+", phrase, maxsplit=1)[0]
                if names_people(phrase):
                    return FieldValue(clean(q.text[m.start() : m.end()] + phrase), q.text, q.page)
    for q in quotes[:15]:
        who = _WHO.search(q.text)
        if who:
            return FieldValue(clean(who.group(1)), q.text, q.page)
    return FieldValue()


def names_people(counted_phrase: str) -> bool:
    """Whether the words after a count (``counted``) name what it counts: "196 adults …", not "12 of …", "2 to …"."""
    return bool(re.match(r"\s+(?!(?:of|per|to|and|or|dari|atau)\b)", counted_phrase)) and bool(
        re.search(r"[A-Za-z]{3}", counted_phrase)
    )


def counted(rest: str, limit: int = 200) -> str:
    """What the words after a count say of the people counted ("adults (53% female; mean age 44.7) with major
    depression"), up to the sentence's verb or the end of its clause; brackets are kept whole."""
    depth, end = 0, min(len(rest), limit)
    for i, ch in enumerate(rest[:limit]):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            if depth == 0:
                end = i
                break
            depth -= 1
        elif depth == 0 and (ch == ";" or (ch == "." and rest[i + 1 : i + 2] in ("", " "))):
            end = i
            break
        elif depth == 0 and ch == " " and _VERB.match(rest, i):
            end = i
            break
    return _DANGLING.sub("", rest[:end]).rstrip(" ,")


def intervention_of(quotes: Sequence[Quote], design: Design) -> FieldValue:
    if design in (Design.GUIDELINE_OR_OPINION, Design.OTHER):
        return FieldValue()
    if design is Design.CASE_STUDY:  # what a client received or attended is not the worker's intervention
        return _first(quotes, _INTERVENTION[:3])
    arms = _arms(quotes)
    return arms[0] if arms else _first(quotes, _INTERVENTION)


def comparison_of(quotes: Sequence[Quote], design: Design) -> FieldValue:
    if design in _NO_COMPARISON:
        return FieldValue()
    arms = _arms(quotes)
    return arms[1] if arms else _first(quotes, _COMPARISON)


def _arms(quotes: Sequence[Quote]) -> tuple[FieldValue, FieldValue] | None:
    """(intervention, comparison) of the first sentence that allocates to two arms ("assigned to X or Y"), the
    control-like arm as the comparison whichever is named first ("allocated to usual care or to a home-based
    programme")."""
    for q in quotes[:40]:
        first, second = _INTERVENTION[0].search(q.text), _COMPARISON[0].search(q.text)
        if first and second and first.group(1).strip() and second.group(1).strip():
            x = FieldValue(clean(first.group(1)), q.text, q.page)
            y = FieldValue(clean(re.sub(r"^to\s+", "", second.group(1).strip())), q.text, q.page)
            return (y, x) if _CONTROL_ARM.search(x.text) and not _CONTROL_ARM.search(y.text) else (x, y)
    return None


def outcomes_of(quotes: Sequence[Quote], design: Design, findings: Sequence[Quote] = ()) -> FieldValue:
    """The outcome: as the text names it ("the primary outcome was …"), else the one the key finding says changed
    ("reduced *depressive symptoms*")."""
    if design is Design.QUALITATIVE:
        return _first(quotes, (_EXPLORED, *_OUTCOMES))
    if design in (Design.GUIDELINE_OR_OPINION, Design.OTHER):
        return FieldValue()
    if design is Design.CASE_STUDY:
        return _changed(findings[:1])  # what changed for the client ("terhadap seorang anak" names the client)
    primary = _first(quotes, _OUTCOMES[:1])  # "the primary outcome was …"
    if primary.text:
        return primary
    changed = _changed(findings)
    return changed if changed.text else _first(quotes, _OUTCOMES[1:])


def _changed(findings: Sequence[Quote]) -> FieldValue:
    for q in findings:
        span = changed_outcome(q.text)
        if span:
            return FieldValue(outcome_phrase(q.text, span[0], span[1]), q.text, q.page)
    return FieldValue()


def _first(quotes: Sequence[Quote], patterns: Sequence[re.Pattern[str]]) -> FieldValue:
    for pattern in patterns:  # the patterns are in order of trust; the earliest sentence wins within one
        for q in quotes[:40]:
            m = pattern.search(q.text)
            if m and m.group(1).strip():
                return FieldValue(clean(m.group(1)), q.text, q.page)
    return FieldValue()


def clean(phrase: str) -> str:
    """A phrase as a field shows it: trimmed of punctuation and a leading article."""
    return re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(" ,;:()\"'"), flags=re.I)


# The patterns each field's candidates come from (``field_model.candidates``), in the rules' order of trust.
PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "participants": (_WHO, _CLIENT),
    "intervention": _INTERVENTION,
    "comparison": _COMPARISON,
    "outcomes": (*_OUTCOMES, _EXPLORED),
}


def outcome_phrase(text: str, start: int, end: int) -> str:
    """The outcome named from ``start`` of a sentence (its first word ends at ``end``), up to where a finding goes
    on ("than", "by", "dengan"); at most six words."""
    phrase = re.match(rf"{_PHRASE}{_STOP}", text[start:])
    words = _OUTCOME_END.sub("", phrase.group(1) if phrase else text[start:end]).split()[:6]
    return clean(_DANGLING.sub("", " ".join(words)))
