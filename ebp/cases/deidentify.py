"""De-identification of a case text on this machine, before anything of it is saved.

Personal names, NIK and KK numbers, other ID numbers, phone numbers, e-mail addresses, street addresses
and dates of birth are replaced by placeholders: ``[NAMA-1]``, ``[NIK]``, ``[TELEPON]`` … (English:
``[NAME-1]``, ``[PHONE]`` …); each person keeps one number within a case. The union of the rules'
(patterns and name lists: ``ebp.cases.patterns``, ``ebp.cases.names``) and a small CRF token tagger trained on the
labelled notes (``ebp.cases.tagger``), which reaches layouts no rule names. The user sees every mask and corrects it:
``keep`` takes back words wrongly masked, ``also`` masks words the rules missed. Measured by
``benchmarks/eval_deid.py`` on 50 notes with planted identifiers and on the development notes
benchmarks/deid/dev*.jsonl (each first scored before any rule was changed for it).

Example: ``deidentify("Bu Sri, HP 0812-3456-7890").text == "Bu [NAMA-1], HP [TELEPON]"``
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ebp.cases import tagger
from ebp.cases.names import PARTICLES, find_names
from ebp.cases.patterns import KINDS, Span, addresses, dates_of_birth, emails, id_numbers, phones, population_numbers

# When two finds overlap, the earlier kind here wins (a NIK is never read as a phone number).
PRIORITY = ("email", "nik", "kk", "id_number", "phone", "dob", "address", "name")
LABELS = {
    "id": {"name": "NAMA", "nik": "NIK", "kk": "KK", "id_number": "NOMOR-ID", "phone": "TELEPON", "email": "EMAIL",
           "address": "ALAMAT", "dob": "TGL-LAHIR"},
    "en": {"name": "NAME", "nik": "NIK", "kk": "KK", "id_number": "ID-NUMBER", "phone": "PHONE", "email": "EMAIL",
           "address": "ADDRESS", "dob": "DOB"},
}  # fmt: skip
_PLACEHOLDER = re.compile(r"\[(?:" + "|".join(v for d in LABELS.values() for v in d.values()) + r")(?:-\d+)?\]")


@dataclass(frozen=True)
class Mask:
    """One identifier: where it was, what kind, and what replaced it. ``text`` is the identifier itself: it is
    shown to the user in the preview and never saved."""

    start: int
    end: int
    kind: str
    text: str
    placeholder: str


@dataclass(frozen=True)
class Deidentified:
    text: str  # the case with every identifier replaced
    masks: tuple[Mask, ...]

    def counts(self) -> dict[str, int]:
        """Masks per kind, in ``KINDS`` order, kinds with none left out."""
        return {k: n for k in KINDS if (n := sum(m.kind == k for m in self.masks))}


def find_identifiers(
    text: str,
    also: Iterable[str] = (),
    keep: Iterable[str] = (),
    *,
    model: bytes | None = None,
    threshold: float = tagger.THRESHOLD,
) -> list[Span]:
    """Every identifier in ``text`` as non-overlapping spans, in order: the rules' finds and the learned tagger's
    (``ebp.cases.tagger``), united.

    ``also``: words or phrases to mask as names wherever they occur (the user's additions); ``keep``: words
    or phrases found by the rules or the tagger that the user says are no identifier (compared without case).
    ``model`` and ``threshold``: another tagger model (bytes) and threshold, for leave-one-set-out only.
    """
    kept = {" ".join(str(k).split()).casefold() for k in keep}
    chosen = _rules(text, also, kept)
    found = tagger.find(text, threshold, model)
    return unite(text, chosen, found, kept)


def rule_identifiers(text: str) -> list[Span]:
    """The rules' identifiers alone, without the tagger (for the rules-only figures of train_tagger.py)."""
    return [s for s in _rules(text, (), set()) if s.kind != "placeholder"]


def _rules(text: str, also: Iterable[str], kept: set[str]) -> list[Span]:
    """The rules' non-overlapping finds, placeholders of an already masked text among them."""
    found = emails(text) + population_numbers(text) + id_numbers(text) + phones(text) + dates_of_birth(text)
    found += addresses(text) + find_names(text)
    for phrase in {" ".join(str(p).split()) for p in also if str(p).strip()}:
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(w) for w in phrase.split()) + r"(?!\w)"
        found += [Span(m.start(), m.end(), "name") for m in re.finditer(pattern, text, re.IGNORECASE)]
    found = [s for s in found if " ".join(text[s.start : s.end].split()).casefold() not in kept]
    found += [Span(m.start(), m.end(), "placeholder") for m in _PLACEHOLDER.finditer(text)]  # already masked
    chosen: list[Span] = []
    rank = {kind: n for n, kind in enumerate(("placeholder", *PRIORITY))}
    for span in sorted(found, key=lambda s: (rank[s.kind], -(s.end - s.start), s.start)):
        if all(span.end <= c.start or span.start >= c.end for c in chosen):
            chosen.append(span)
    return chosen


def unite(text: str, chosen: list[Span], found: list[Span], kept: set[str]) -> list[Span]:
    """The rules' spans (``chosen``) and the parts of the tagger's spans (``found``) that no rule span covers;
    a tagger part that touches a span of its own kind across blanks joins it ("Jl. Mawar" + "No. 7"), and so does
    one across a single mark on the line when the kind is no name ("Unit 12" + ", Toronto"; "PO 412" + "/2025"):
    left apart, the mark between them stays in the text and the address is cut in two. Two names are never
    joined across a mark ("Budi, Ani" are two persons).
    A rule's name wholly inside a tagger's address or ID number, with the tagger's span reaching past it on both
    sides, is read as part of it ("Jl. Dr. Kayadoe No. 34"): the rules saw the capitalised word, the tagger the
    street around it."""
    inside = [
        c
        for c in chosen
        if c.kind == "name"
        and any(f.kind in ("address", "id_number") and f.start < c.start and c.end < f.end for f in found)
    ]
    chosen = [c for c in chosen if c not in inside]
    covered = [False] * len(text)
    for span in chosen:
        covered[span.start : span.end] = [True] * (span.end - span.start)
    pieces: list[Span] = []
    for span in found:
        i = span.start
        while i < span.end:
            j = i
            while j < span.end and not covered[j]:
                j += 1
            piece = _trim(text, i, j, span.kind)
            if piece and " ".join(text[piece.start : piece.end].split()).casefold() not in kept:
                pieces.append(piece)
            i = j + 1
    spans = sorted([s for s in chosen if s.kind != "placeholder"] + pieces, key=lambda s: s.start)
    out: list[Span] = []
    for span in spans:
        last = out[-1] if out else None
        gap = text[last.end : span.start] if last is not None else ""
        joins = last is not None and last.kind == span.kind and (not gap.strip() or _mark(gap, span.kind))
        if joins and last is not None and (span in pieces or last in pieces):
            out[-1] = Span(last.start, span.end, span.kind)
        else:
            out.append(span)
    return out


def _mark(gap: str, kind: str) -> bool:
    """Whether ``gap`` is one punctuation mark between blanks on one line, between two finds of a kind (not a name)
    that it may join."""
    return kind != "name" and re.fullmatch(r"[ \t]*[,./:;\-–][ \t]*", gap) is not None


def _trim(text: str, start: int, end: int, kind: str) -> Span | None:
    """The piece without the blanks and punctuation at its ends; None when no letter or digit is left."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return Span(start, end, kind) if start < end else None


def deidentify(
    text: str,
    lang: str = "id",
    also: Iterable[str] = (),
    keep: Iterable[str] = (),
    people: list[set[str]] | None = None,
) -> Deidentified:
    """The case with its identifiers replaced by placeholders in ``lang`` (id or en), and what was masked.

    ``people``: the persons numbered so far (their name words), shared by the texts of one case so that a
    person keeps one number across them; it grows with the persons met here.
    """
    text = str(text or "")
    labels = LABELS.get(lang, LABELS["id"])
    people = [] if people is None else people  # the name words of each person met so far
    masks, out, pos = [], [], 0
    for span in find_identifiers(text, also, keep):
        original = text[span.start : span.end]
        placeholder = f"[{labels[span.kind]}]"
        if span.kind == "name":
            placeholder = f"[{labels['name']}-{_person(people, original)}]"
        masks.append(Mask(span.start, span.end, span.kind, original, placeholder))
        out += [text[pos : span.start], placeholder]
        pos = span.end
    out.append(text[pos:])
    return Deidentified("".join(out), tuple(masks))


def _person(people: list[set[str]], name: str) -> int:
    """The 1-based number of the person ``name`` belongs to: one who shares a name word, else a new one."""
    words = {w.casefold() for w in re.findall(r"[^\W\d_][\w'’-]*", name) if w.casefold() not in PARTICLES}
    for number, known in enumerate(people, start=1):
        if words & known:
            known |= words
            return number
    people.append(words)
    return len(people)
