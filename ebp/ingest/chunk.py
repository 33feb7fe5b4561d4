"""Chunk stage: pages → passages of about 120–300 words, each with its page span and section.

Pure functions. Sentences are the unit: a passage ends at a sentence boundary when it reaches the
target size, before it would pass the maximum, or at a new section once it is long enough. The
next passage repeats the last sentences of the previous one (the overlap) within a section.
Reference lists (References, Bibliography, Daftar Pustaka …) never become passages, nor do running
headers, author lines, DOIs and the other lines ``ebp.ingest.clean`` leaves out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from ebp.ingest.clean import clean_pages
from ebp.types import ChunkSizes, Page, Passage, Section

_HEADINGS: dict[Section, tuple[str, ...]] = {
    Section.ABSTRACT: ("abstract", "abstrak", "summary", "ringkasan", "intisari"),
    Section.INTRODUCTION: ("introduction", "background", "pendahuluan", "latar belakang"),
    Section.METHODS: (
        "methods",
        "method",
        "methodology",
        "materials and methods",
        "methods and materials",
        "study design",
        "metode",
        "metode penelitian",
        "metodologi",
        "metodologi penelitian",
        "bahan dan metode",
        "metode dan bahan",
    ),
    Section.RESULTS: (
        "results",
        "result",
        "findings",
        "results and discussion",
        "hasil",
        "hasil penelitian",
        "hasil dan pembahasan",
        "temuan",
        "temuan penelitian",
    ),
    Section.DISCUSSION: ("discussion", "pembahasan", "diskusi"),
    Section.CONCLUSION: (
        "conclusion",
        "conclusions",
        "concluding remarks",
        "conclusions and recommendations",
        "kesimpulan",
        "simpulan",
        "kesimpulan dan saran",
        "simpulan dan saran",
        "penutup",
    ),
    Section.CASE: (
        "case",
        "case description",
        "case presentation",
        "case summary",
        "the case",
        "kasus",
        "deskripsi kasus",
        "gambaran kasus",
        "uraian kasus",
        "identitas klien",
        "client background",
        "latar belakang klien",
    ),
    Section.ASSESSMENT: ("assessment", "asesmen", "assesmen", "penilaian", "assessment and planning"),
    Section.INTERVENTION: ("intervention", "interventions", "intervensi", "rencana intervensi", "tindakan"),
    Section.OUTCOME: (
        "outcome",
        "outcomes",
        "hasil intervensi",
        "evaluasi",
        "evaluation",
        "terminasi",
        "evaluasi dan terminasi",
        "reflection",
        "refleksi",
        "lessons learned",
        "pelajaran",
    ),
    Section.REFERENCES: (
        "references",
        "reference",
        "bibliography",
        "literature cited",
        "works cited",
        "daftar pustaka",
        "daftar referensi",
        "referensi",
        "rujukan",
        "pustaka acuan",
    ),
    Section.OTHER: (
        "acknowledgements",
        "acknowledgments",
        "acknowledgement",
        "acknowledgment",
        "funding",
        "conflict of interest",
        "conflicts of interest",
        "competing interests",
        "appendix",
        "appendices",
        "ucapan terima kasih",
        "lampiran",
        "author contributions",
        "limitations",
        "keterbatasan",
        "saran",
        "recommendations",
        "implications for practice",
        "implikasi praktik",
        "implikasi bagi praktik",
    ),
}
_HEADING_LOOKUP = {name: section for section, names in _HEADINGS.items() for name in names}
# "2.", "2.1", "IV." or "A." before a heading; a trailing colon or full stop after it.
_NUMBERING = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.|[A-H]\.)\s+")
# "Abstract: This study …" / "ABSTRACT — …": only the abstract is recognised inline, since
# structured abstracts say "Results: …" inside the abstract itself.
# Markdown heading marks and emphasis around a heading: "## Methods", "**Abstrak**".
_MARKUP = re.compile(r"^#{1,6}\s+|\*\*|__")
_INLINE_ABSTRACT = re.compile(r"^(abstract|abstrak)\s*[:.\u2014\u2013-]\s*(\S.*)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class _Unit:
    """One sentence (or a piece of an over-long one) with where it came from."""

    text: str
    words: int
    page: int
    section: Section | None


def heading_section(line: str) -> Section | None:
    """The section a line announces, if the whole line is a known heading.

    Example: ``heading_section("3. Hasil dan Pembahasan") == Section.RESULTS``
    """
    text = _MARKUP.sub("", line.strip())
    text = _NUMBERING.sub("", text).strip().rstrip(":.").strip().lower()
    if not text or len(text) > 40:
        return None
    return _HEADING_LOOKUP.get(re.sub(r"\s+", " ", text))


def chunk(pages: Sequence[Page], sizes: ChunkSizes | None = None) -> list[Passage]:
    """Split a document's pages into passages. Reference lists and the pages' apparatus (``clean_pages``) are dropped.

    Example: ``chunk([Page(1, "Methods\\nWe asked 12 people.")])[0].section == Section.METHODS``
    """
    sizes = sizes or ChunkSizes()
    units = list(_units(clean_pages(pages), sizes.maximum))
    groups = _pack(units, sizes)
    return [_passage(i, group) for i, group in enumerate(groups)]


def _lines_with_sections(pages: Iterable[Page]) -> Iterator[tuple[int, Section | None, str]]:
    section: Section | None = None
    for page in pages:
        for line in page.text.split("\n"):
            found = heading_section(line)
            if found is not None:
                section = found
                continue
            inline = _INLINE_ABSTRACT.match(line.strip())
            if inline:
                section = Section.ABSTRACT
                line = inline.group(2)
            if section is not Section.REFERENCES and line.strip():
                yield page.number, section, line.strip()


def _units(pages: Iterable[Page], max_words: int) -> Iterator[_Unit]:
    """Sentences, each tagged with its page and section; lines of one block are joined first."""
    block: list[str] = []
    key: tuple[int, Section | None] | None = None
    for page, section, line in _lines_with_sections(pages):
        if key is not None and key != (page, section):
            yield from _sentences(" ".join(block), key, max_words)
            block = []
        key = (page, section)
        block.append(line)
    if key is not None and block:
        yield from _sentences(" ".join(block), key, max_words)


def _sentences(text: str, key: tuple[int, Section | None], max_words: int) -> Iterator[_Unit]:
    page, section = key
    for sentence in _SENTENCE_END.split(text):
        words = sentence.split()
        for start in range(0, len(words), max_words):
            piece = words[start : start + max_words]
            if piece:
                yield _Unit(" ".join(piece), len(piece), page, section)


def _pack(units: Sequence[_Unit], sizes: ChunkSizes) -> list[list[_Unit]]:
    groups: list[list[_Unit]] = []
    current: list[_Unit] = []
    carried = 0  # how many units at the start of `current` repeat the previous passage
    for unit in units:
        if current and _should_cut(current, unit, sizes):
            groups.append(current)
            current = _overlap(current, unit, sizes.overlap)
            carried = len(current)
        current.append(unit)
    if len(current) > carried:
        fresh = current[carried:]
        # A short tail joins the previous passage when that stays within the maximum.
        if groups and _words(current) < sizes.minimum and _words(groups[-1]) + _words(fresh) <= sizes.maximum:
            groups[-1].extend(fresh)
        else:
            groups.append(current)
    return groups


def _words(units: Sequence[_Unit]) -> int:
    return sum(u.words for u in units)


def _should_cut(current: list[_Unit], unit: _Unit, sizes: ChunkSizes) -> bool:
    count = _words(current)
    if count + unit.words > sizes.maximum or count >= sizes.target:
        return True
    return unit.section != current[-1].section and count >= sizes.minimum


def _overlap(previous: list[_Unit], next_unit: _Unit, budget: int) -> list[_Unit]:
    """The last whole sentences of ``previous`` (at most ``budget`` words) in the same section."""
    carried: list[_Unit] = []
    words = 0
    for unit in reversed(previous):
        if unit.section != next_unit.section or words + unit.words > budget:
            break
        carried.insert(0, unit)
        words += unit.words
    return carried


def _passage(ordinal: int, units: Sequence[_Unit]) -> Passage:
    by_section: Counter[Section | None] = Counter()
    for u in units:
        by_section[u.section] += u.words
    section = by_section.most_common(1)[0][0]
    return Passage(
        ordinal=ordinal,
        text=" ".join(u.text for u in units),
        page_start=min(u.page for u in units),
        page_end=max(u.page for u in units),
        section=section,
    )
