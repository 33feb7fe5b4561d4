"""Clean stage: the lines of a page that are not the document's own text, found and left out of passages.

Pure functions. ``clean_pages`` runs before chunking; it drops, conservatively:

- running headers and footers: a line among the first or last lines of a page that repeats on many pages,
  word for word or with a number that follows the page number ("148 A. Sundström et al.", "Page 3 of 10");
- at a page's top or bottom, lines that are only bibliographic apparatus: page numbers, DOIs, ISSNs,
  copyright and licence lines, received/accepted dates, journal citation lines, URLs, e-mail addresses;
- on page 1, before the abstract, the author lines and the affiliations below them (the title stays);
- anywhere, the demo corpus's banner ("DEMO - konten ilustratif ...") and lines that are only a DOI;

and it removes Markdown markup (``#`` heading marks, ``**bold**``, ``[links](url)``), keeping the words.
A line is kept or dropped whole, except for a copyright statement after its last sentence ("... of mortality.
Copyright © 2012 Elsevier Inc."), which is cut off. ``clean_passage`` strips the noise that can
be recognised in a passage's flattened text, for passages stored before this stage existed.
The pages ``describe`` reads are not cleaned: the DOI, authors and journal are found there.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from ebp.types import Page

ZONE = 8  # lines at the top and at the bottom of a page where running headers and apparatus are looked for
FRONT = 40  # lines of page 1 searched for the abstract, which ends the front matter (title, authors)

# The shared noise patterns: anchored versions judge a whole line, the same texts stripped inside a passage.
BANNER = (
    r"DEMO\s*[-–—]+\s*(?:konten\s+ilustratif|illustrative\s+content)\b"
    r"(?:[^.;\n]{0,60};[^.\n]{0,60}?\b(?:nyata|findings)\b)?"  # "...; bukan temuan penelitian nyata"
)
DOI = r"(?:\bdoi\s*:?\s*|\bhttps?://(?:dx\.)?doi\.org/|\bdoi\.org/)10\.\d{4,9}/[^\s\"<>]+"
ISSN = r"\b[ep]?-?ISSN\s*:?\s*\d{4}-?\d{3}[\dXx]\b"
ARXIV = r"\barXiv:\d{4}\.\d{4,5}(?:v\d+)?(?:\s*\[[\w.\-]+\])?(?:\s+\d{1,2}\s+\w{3}\s+\d{4})?"
PAGE_OF = r"\b(?:page|halaman|hal\.)\s*\d{1,4}\s*(?:of|dari|/)\s*\d{1,4}\b"

_HEAD = 600  # characters at the start of a stored passage where its document's authors and journal are looked for
_CITATION_TAIL = r"(?:vol(?:ume)?\.?\s*)?\d{1,4}\s*(?:\(\d{1,3}\))?\s*[:,]\s*\d{1,5}\s*[-–]\s*\d{1,5}"
_BANNER = re.compile(BANNER, re.IGNORECASE)
_DOI_ONLY = re.compile(rf"^\W*(?:{DOI})\W*$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:page|halaman|hal\.?)?\s*\d{1,4}(?:\s*(?:of|dari|/)\s*\d{1,4})?[-–—\s]*$", re.I)
# At the top or bottom of any page: lines that are only apparatus, never a piece of a sentence.
_EDGE_NOISE = re.compile(
    "|".join(
        (
            rf"^\W*(?:{DOI}|{ISSN}|{ARXIV}|{PAGE_OF})\W*$",
            r"^(?:https?://|www\.)\S+$",
            r"^\W{0,3}(?:c?©|\(c\)\s*\d{4}|copyright\b|all rights reserved\b)|^(?:\S+\s+){0,6}all rights reserved\.?$",
            r"^(?:received|accepted|published|submitted|revised|available online|diterima|direvisi|disetujui|"
            r"dipublikasikan|diterbitkan)\b\s*(?:online|on|tanggal)?\s*:?\s*"
            r"(?:\d{1,2}\s+[^\W\d_]+|[^\W\d_]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d\d-\d\d|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})",
            r"^(?:e-?mail\s*:?\s*)?[\w.+-]+@[\w-]+\.[\w.-]+$",  # an e-mail address alone
        )
    ),
    re.IGNORECASE,
)
# On page 1, around the title: also journal citation lines, licences, correspondence, DOIs within a line.
_FRONT_NOISE = re.compile(
    "|".join(
        (
            _EDGE_NOISE.pattern,
            DOI,
            ISSN,
            ARXIV,
            r"©|^\W{0,3}copyright\b|\bcopyright\s*(?:©|\d{4})|\bcreative commons\b|\blicensee\b",
            r"^(?:R\s?E\s?S\s?E\s?A\s?R\s?C\s?H\s+A\s?R\s?T\s?I\s?C\s?L\s?E\s*)?open access$",
            r"^(?:how to cite|cite this article|to cite this article|citation\s*:|sitasi\s*:|cara mengutip)",
            r"^article history",
            r"^(?:corresponding author|correspondence|penulis korespondensi|e-?mail)\b",
            r"[\w.+-]+@[\w-]+\.[\w.-]+",  # an e-mail address
            r"\b(?:19|20)\d\d\s*[,;]\s*\d{1,4}\s*\(\d{1,3}\)",  # "2021, 3(1)", "2010;86(4)"
            r"\d{1,4}\s*\(\d{1,3}\)\s*[:,]\s*\d{1,5}\s*[-–]\s*\d{1,5}",  # "3(1): 22-36"
            r"^vol(?:ume)?\.?\s*\d+\b.{0,80}$|\barticle id\b",
        )
    ),
    re.IGNORECASE,
)
# A copyright statement after the last sentence of an abstract: "... of mortality. Copyright © 2012 Elsevier Inc."
_COPYRIGHT_TAIL = re.compile(
    r"(?<=[.!?])\s+(?:[^.!?©]{0,80}?(?:©|\bcopyright\s*(?:©|\d{4})).*|copyright\s*)$", re.IGNORECASE
)
_ABSTRACT_START = re.compile(r"^(?:abstract|abstrak|summary|ringkasan|intisari|keywords|kata kunci)\b", re.IGNORECASE)
# Footnote marks after a name: "Bell1", "Sundström,1", "Huang,1,2", "DOUGLAS∗1", "Webb†".
_MARKERS = re.compile(r"(?<=[^\W\d_])[\d∗*†‡§¶]+(?:,\s?\d{1,2})*|(?<=,)\s?\d{1,2}(?:,\s?\d{1,2})*(?=\s|$)|[∗*†‡§¶]+")
_NAME_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|\bdan\b|&)\s*")
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "dos", "da", "del", "di", "la", "le", "bin", "binti", "al"})
_INITIALS = re.compile(r"^(?:[^\W\d_]\.-?)+$")
# Words of titles, not of names: a line with one of them is not a list of authors.
_TITLE_WORDS = frozenset(
    "of the for in on with to a an at by from into among after versus vs di ke dari pada untuk yang dengan dalam "
    "terhadap bagi social work health mental care older people family families children women men study review "
    "trial practice services service community research analysis approach programme program policy evaluation "
    "intervention interventions outcomes risk effects model case sosial kesehatan keluarga perempuan masyarakat "
    "studi analisis pelayanan layanan pekerja kekerasan pendampingan penelitian kebijakan".split()
)
_CONNECTORS = frozenset("of and for the de y del di dan und et".split())
_AFFILIATION = re.compile(
    r"^[\d∗*†‡§¶]+\s*[^\W\d_]|\b(?:universit\w*|department|departemen|fakultas|faculty|institut\w*|school of|"
    r"program studi|jurusan|division of|laborator\w*|cent(?:re|er) for|college|hospital|rumah sakit|politeknik|"
    r"sekolah tinggi)\b",
    re.IGNORECASE,
)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$|^\s{0,3}#{1,6}\s*$")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_LINK = re.compile(r"!?\[([^\]\n]+)\]\([^)\s]+(?:\s+\"[^\"]*\")?\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\W\d_])([^*_\n]{1,80}?)(?<=[\w.!?)])\1(?![\w*])")


def clean_pages(pages: Sequence[Page]) -> list[Page]:
    """The pages without the lines that are not the document's text (module docstring), Markdown marks removed.

    Example: ``clean_pages([Page(1, "# Kasus\\nDOI: 10.1/x\\nIbu S. datang.")])[0].text == "Kasus\\nIbu S. datang."``
    """
    lines = _lines(pages)
    dropped = _noise(pages, lines)
    out = []
    for index, page in enumerate(pages):
        kept = [_unmark(line) for i, line in enumerate(lines[index]) if (index, i) not in dropped]
        out.append(Page(page.number, "\n".join(line for line in kept if line is not None)))
    return out


def noise_lines(pages: Sequence[Page]) -> dict[int, list[str]]:
    """The lines ``clean_pages`` leaves out, by page number (for reports and tests)."""
    lines = _lines(pages)
    out: dict[int, list[str]] = defaultdict(list)
    for index, i in sorted(_noise(pages, lines)):
        out[pages[index].number].append(lines[index][i])
    return dict(out)


def clean_passage(text: str, authors: Sequence[str] = (), journal: str = "") -> str:
    """A stored passage's text without the noise recognisable in flattened text: the demo banner, labelled DOIs,
    ISSNs, arXiv stamps, "Page 3 of 10" and Markdown marks; near its start, the document's own author list and
    journal citation when they are given. For passages indexed before ``clean_pages`` existed.

    Example: ``clean_passage("# Kasus DEMO - konten ilustratif Ibu S. datang.") == "Kasus Ibu S. datang."``
    """
    text = _BANNER.sub(" ", text)
    text = re.sub(rf"(?:{DOI})|{ISSN}|{ARXIV}|{PAGE_OF}", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"(?:^|(?<=\s))#{1,6}(?=\s)", " ", text)
    text = _MD_STRONG.sub(r"\2", _MD_LINK.sub(r"\1", text))
    text = " ".join(text.split())
    head, rest = text[:_HEAD], text[_HEAD:]
    names = [re.escape(" ".join(a.split())) for a in authors if len(a.split()) >= 2]
    if names:  # a run of the document's own authors: "Marcus O. Bell, Siobhan Keane, Rafael Mendes"
        one = rf"(?:{'|'.join(names)})[\d∗*†‡§]*"
        least = min(2, len(names))
        head = re.sub(rf"{one}(?:\s*(?:,|;|&|\band\b|\bdan\b)?\s*{one}){{{least - 1},}}\s*", " ", head)
    if journal.strip():  # its citation line: "Demo Journal of Social Work Practice, 2021, 3(1): 22-36"
        name = re.escape(" ".join(journal.split()))
        head = re.sub(rf"{name}\s*[,;]?\s*(?:19|20)\d\d\s*[,;]\s*{_CITATION_TAIL}\s*", " ", head)
    return " ".join((head + rest).split())


# -- which lines are noise -------------------------------------------------------------------------
def _lines(pages: Sequence[Page]) -> list[list[str]]:
    """Each page's lines, a copyright statement after a line's last sentence cut off."""
    return [[_COPYRIGHT_TAIL.sub("", line) for line in page.text.split("\n")] for page in pages]


def _noise(pages: Sequence[Page], lines: Sequence[Sequence[str]]) -> set[tuple[int, int]]:
    """(page index, line index) of every line to leave out."""
    dropped = _running(pages, lines)
    edge_noise = _EDGE_NOISE
    for index, page_lines in enumerate(lines):
        filled = [i for i, line in enumerate(page_lines) if line.strip()]
        edges = set(filled[:ZONE] + filled[-ZONE:])
        for i in filled:
            line = page_lines[i].strip()
            if _BANNER.match(line) or _DOI_ONLY.match(line):
                dropped.add((index, i))
            elif i in edges and (_PAGE_NUMBER.match(line) or _is_noise(line, edge_noise if index else _FRONT_NOISE)):
                dropped.add((index, i))
    if pages:
        dropped |= {(0, i) for i in _front_matter(lines[0])}
    return dropped


def _is_noise(line: str, pattern: re.Pattern[str]) -> bool:
    return len(line.split()) <= 40 and pattern.search(line) is not None


def _running(pages: Sequence[Page], lines: Sequence[Sequence[str]]) -> set[tuple[int, int]]:
    """Lines near a page's edges that repeat on many pages, as they are or with the page's own number in them."""
    text_pages = [p.number for p, page_lines in zip(pages, lines, strict=True) if any(s.strip() for s in page_lines)]
    if len(text_pages) < 3:  # two pages are too few to tell a running header from a repeated line
        return set()
    seen: dict[tuple[str, int | None], set[int]] = defaultdict(set)
    where: dict[tuple[int, int], list[tuple[str, int | None]]] = {}
    for index, (page, page_lines) in enumerate(zip(pages, lines, strict=True)):
        filled = [i for i, line in enumerate(page_lines) if line.strip()]
        for i in dict.fromkeys(filled[:ZONE] + filled[-ZONE:]):
            keys = _keys(page_lines[i], page.number)
            where[(index, i)] = keys
            for key in keys:
                seen[key].add(page.number)
    running = {key for key, on in seen.items() if _frequent(key, on, text_pages)}
    dropped = {at for at, keys in where.items() if running.intersection(keys)}
    return _unless_most_of_the_text(dropped, lines)


def _keys(line: str, page: int) -> list[tuple[str, int | None]]:
    """The line as it is, and once per number in it: the line without that number, and the number's offset from
    the page number."""
    flat = " ".join(line.split()).casefold()
    keys: list[tuple[str, int | None]] = [(flat, None)]
    for m in re.finditer(r"(?<!\d)\d{1,4}(?!\d)", flat):
        # The number left out, not marked: "2 Rehabilitation Research" and "Rehabilitation Research 3" are one header.
        keys.append((" ".join(f"{flat[: m.start()]} {flat[m.end() :]}".split()), int(m.group()) - page))
    return keys


def _frequent(key: tuple[str, int | None], on: set[int], text_pages: Sequence[int]) -> bool:
    """On at least half the pages, or on most pages of one side (headers that alternate left and right).

    At least three pages; five for a word and a number ("Processing 7"), which could be "Table 2" or "Pasal 3"
    landing by chance on consecutive pages.
    """
    label = key[1] is not None and len(key[0].split()) <= 1
    if len(on) < (5 if label else 3):
        return False
    if len(on) >= len(text_pages) / 2:
        return True
    for parity in (0, 1):
        side = [n for n in text_pages[1:] if n % 2 == parity]  # page 1 has its own header
        if len(side) >= 3 and len(on.intersection(side)) >= max(3, 0.6 * len(side)):
            return True
    return False


def _unless_most_of_the_text(dropped: set[tuple[int, int]], lines: Sequence[Sequence[str]]) -> set[tuple[int, int]]:
    """Nothing, when the repeated lines are most of the document: pages that repeat whole (a form, a test) have
    no running header to speak of."""
    lost = sum(len(lines[index][i].split()) for index, i in dropped)
    return dropped if lost * 2 <= sum(len(line.split()) for page_lines in lines for line in page_lines) else set()


def _front_matter(page_lines: Sequence[str]) -> list[int]:
    """Author and affiliation lines of page 1: after the title, before the abstract or the first line of prose."""
    filled = [i for i, line in enumerate(page_lines) if line.strip()][:FRONT]
    end = next((n for n, i in enumerate(filled) if _ABSTRACT_START.match(page_lines[i].strip())), None)
    dropped: list[int] = []
    title_seen = authors_seen = False
    prose = 0
    for i in filled[: end if end is not None else 15]:
        line = page_lines[i].strip()
        if _is_noise(line, _FRONT_NOISE):
            dropped.append(i)
        elif not title_seen:
            title_seen = True  # the first line that is not apparatus begins the title
        elif _is_prose(line):
            prose += 1
            if authors_seen or prose > 1:  # one such line may end a long title; more are the text itself
                break
        elif _is_name_list(line):
            authors_seen = True
            dropped.append(i)
        elif authors_seen and _AFFILIATION.search(line) and len(line.split()) <= 30:
            dropped.append(i)
    return dropped


def _is_prose(line: str) -> bool:
    """Eight words or more, most of them in lower case: a sentence, not a title, a name or an address."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if w.casefold() not in _CONNECTORS]
    return len(words) >= 8 and sum(w[0].islower() for w in words) > len(words) / 2


def _is_name_list(line: str) -> bool:
    """A line of personal names: "Marcus O. Bell, Siobhan Keane", "Rui Wang1 and Günter Neumann2".

    Each name has two to five capitalised words or initials; a line of two or more names needs a comma,
    an initial or a footnote marker, so that a title such as "Stress and Coping" is not taken for names.
    """
    marked = _MARKERS.search(line) is not None
    plain = _MARKERS.sub(" ", line)
    if re.search(r"\d", plain):  # "NOMOR 11 TAHUN 2009", "7935, South Africa": numbers that are not footnote marks
        return False
    parts = [p.strip(" .") for p in _NAME_SEPARATORS.split(plain) if p.strip(" .")]
    if not parts or len(parts) > 40:
        return False
    words = [w for p in parts for w in p.split()]
    if any(w.casefold() in _TITLE_WORDS for w in words):
        return False
    if not all(2 <= len(p.split()) <= 5 and all(_is_name_word(w) for w in p.split()) for p in parts):
        return False
    initials = any(_INITIALS.match(w) for w in words)
    return initials or marked or ("," in plain and len(parts) >= 2)


def _is_name_word(word: str) -> bool:
    if word.casefold() in _PARTICLES or _INITIALS.match(word):
        return True
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    return letters.isalpha() and word[0].isupper()


# -- Markdown --------------------------------------------------------------------------------------
def _unmark(line: str) -> str | None:
    """The line without Markdown marks (None for a rule or an empty heading); other lines unchanged."""
    if _MD_RULE.match(line):
        return None
    line = _BANNER.sub("", line) if _BANNER.search(line) else line
    line = _MD_QUOTE.sub("", _MD_HEADING.sub("", line))
    line = _MD_LINK.sub(r"\1", line)
    return _MD_EMPHASIS.sub(r"\2", _MD_STRONG.sub(r"\2", line))
