"""Names read off a note's layout rather than off the words themselves: chat speakers, greetings, nicknames, joints.

A name list never holds every name, but the places where a name must stand are few and keep their shape from one note
to the next: the label after a chat message's time stamp ("[14.02] Rina PKH: siap"), the words a greeting is
addressed to ("hi wei ling, did u …"), a nickname in quotes between a given name and a surname (Thomas "Tommy" Reid),
and the Malaysian and Singaporean joints "s/o", "d/o", "a/l", "a/p" between a name and the father's name. Each function
takes the finder of ebp.cases.names and adds the token indices it reads as name words to ``finder.found``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ebp.cases.name_words import HONORIFICS, INSTITUTION, KIN, ROLES, SPEAKER

if TYPE_CHECKING:
    from ebp.cases.names import _Finder

# A chat line: its time stamp, then a speaker's label of one to three words and a colon.
_STAMPED = re.compile(
    r"^[ \t]*(?:\[[^\]\n]{1,20}\]|\d{1,2}[:.]\d{2}(?:[ \t]*[AaPp][Mm])?[ \t]*[-–]?)[ \t]*"
    r"(?P<label>[^\W\d_][\w'’-]*(?:[ \t][^\W\d_][\w'’-]*){0,2})[ \t]*:[ \t]*\S",
    re.MULTILINE,
)
# A greeting opening a message or a line, and the one or two words it is addressed to, closed by a comma or a mark.
_GREETING = re.compile(
    r"(?:^|(?<=:\s)|(?<=[.!?]\s))(?i:hi|hai|halo|hallo|hello|hey|dear|thanks|thank\s+you|thx|makasih|"
    r"terima\s+kasih|morning|pagi)[ \t,]+(?P<who>[^\W\d_][\w'’-]*(?:[ \t][^\W\d_][\w'’-]*)?)[ \t]*(?=[,!?\n]|$)",
    re.MULTILINE,
)
_NOT_ADDRESSED = frozenset(
    "all everyone everybody team there guys folks again so much very you again semua juga kakak kak bu pak mbak mas "
    "bapak ibu tim rekan teman kawan dok sir madam maam ma'am colleague colleagues both friends".split()
)
_JOINT = re.compile(r"(?<=\w) (?:[sSdD]/[oO]|[aA]/[lLpP]) (?=[A-Z])")  # "Arun s/o Krishnan", "Siti d/o Ahmad"
_QUOTED = re.compile(r"\s[\"“']([A-Z][\w'’-]*)[\"”']\s")  # Thomas "Tommy" Reid


def _index(finder: _Finder) -> dict[int, int]:
    return {t.start: i for i, t in enumerate(finder.toks)}


def speakers(finder: _Finder) -> None:
    """Chat lines opened by a speaker's name ("jess: saw him", "[09:12] Dan: ok"): a known name or no ordinary
    word that opens two lines or more as such a label, and once that makes it a chat, one that opens a line."""
    labels: dict[str, list[int]] = {}
    for m in SPEAKER.finditer(finder.text):
        labels.setdefault(m.group(1).lower(), []).append(m.start(1))
    starts = _index(finder)
    ok = {low for low, where in labels.items() if where[0] in starts and len(low) > 1 and low not in HONORIFICS and
          (low in finder.names or not finder.common(finder.toks[starts[where[0]]]))}  # fmt: skip
    chat = any(len(labels[low]) > 1 for low in ok)
    for low in ok if chat else ():
        finder.found.update(starts[w] for w in labels[low] if w in starts)


def chat_speakers(finder: _Finder) -> None:
    """A time-stamped chat line's speaker label: its capitalised words that are no acronym, title, role, kin word or
    institution's word are the speaker's name ("Rina PKH", "Wei Ling", "Dewi Kartika"). An ordinary word alone
    (Admin, Petugas) is no name; one beside another name word is ("Wei Ling")."""
    at = _index(finder)
    for m in _STAMPED.finditer(finder.text):
        start = m.start("label")
        words = [at[w.start() + start] for w in re.finditer(r"\S+", m.group("label")) if w.start() + start in at]
        keep = [i for i in words if _speaker_word(finder, i)]
        if len(keep) == 1 and finder.toks[keep[0]].low not in finder.names and finder.common(finder.toks[keep[0]]):
            continue
        finder.found.update(keep)


def _speaker_word(finder: _Finder, i: int) -> bool:
    t = finder.toks[i]
    return (
        t.upper
        and not t.acronym
        and len(t.text) > 1
        and not {t.low} & (HONORIFICS | ROLES | INSTITUTION)
        and not KIN.fullmatch(t.low)
        and not any(c.isdigit() for c in t.text)
    )


def greetings(finder: _Finder) -> None:
    """ "hi wei ling, did u …", "Makasih Rina!": the words a greeting is addressed to, when they are no group word
    (all, team, semua) or title, are a person's name, even ordinary words."""
    at = _index(finder)
    for m in _GREETING.finditer(finder.text):
        words = list(re.finditer(r"\S+", m.group("who")))
        idx = [at.get(w.start() + m.start("who")) for w in words]
        if None in idx or any(finder.toks[i].low in _NOT_ADDRESSED | HONORIFICS | ROLES for i in idx):  # type: ignore[index]
            continue
        if any(finder.toks[i].acronym for i in idx):  # type: ignore[index]
            continue
        formal = m.group(0)[:1].isupper()  # "Dear colleague": a letter's greeting names a person with capitals
        if formal and any(not finder.toks[i].upper for i in idx):  # type: ignore[index]
            continue
        finder.found.update(i for i in idx if i is not None)


def nicknames(finder: _Finder) -> None:
    """A capitalised word in quotes right after a found name word is that person's nickname (Thomas "Tommy")."""
    at = _index(finder)
    for m in _QUOTED.finditer(finder.text):
        i = at.get(m.start(1))
        if i is not None and i - 1 in finder.found and finder.toks[i - 1].end == m.start():
            finder.found.add(i)


def joints(finder: _Finder) -> None:
    """ "s/o", "d/o", "a/l", "a/p" (son of, daughter of) between two found name words belong to the name."""
    at = _index(finder)
    ends = {t.end: i for i, t in enumerate(finder.toks)}
    for m in _JOINT.finditer(finder.text):
        before, after = ends.get(m.start()), at.get(m.end())
        if before in finder.found and after in finder.found:
            finder.found.update(i for i in (at.get(m.start() + 1), at.get(m.start() + 3)) if i is not None)


def beside_capital(finder: _Finder, i: int) -> bool:
    """Token i has a capitalised word or a name joint ("s/o", "bin") beside it: it may be part of a name."""
    after = finder.adjacent(i) and finder.toks[i + 1].upper and not finder.toks[i + 1].acronym
    after = after or bool(
        re.match(r" (?:[sSdD]/[oO]|[aA]/[lLpP]|bin|binti|ap) [A-Z]", finder.text[finder.toks[i].end :])
    )
    return bool(after or i and finder.adjacent(i - 1) and finder.toks[i - 1].upper and not finder.toks[i - 1].initial)


def list_item(finder: _Finder, i: int) -> bool:
    """Token i opens a list item ("– Zulkarnain (Ketua RT)", "2. Rahma (kader)")."""
    line = finder.text[: finder.toks[i].start].rsplit("\n", 1)[-1]
    return bool(re.fullmatch(r"[ \t]*(?:[-–—•*]|\d{1,2}[.)])[ \t]*", line))
