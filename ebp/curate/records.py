"""Candidate records in: RIS, BibTeX and CSV/TSV exports (Zotero, EndNote, Scopus, PubMed, Garuda, ASReview),
normalised to one ``Record`` shape.

A file that cannot be read gives one line naming the file and what is wrong; a broken entry inside a
readable file is skipped with one line naming the file and the entry, and the rest imports.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ebp.errors import EbpError

MAX_FILE_MB = 50.0
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DOI = re.compile(r"10\.\d{4,9}/\S+", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]{1,40}>")  # <i>, <sup>, <jats:p> in titles and abstracts of database exports


class ImportFileError(EbpError):
    """A file of records cannot be read at all (unknown format, not text, too large)."""


@dataclass(frozen=True)
class Record:
    """One candidate reading: what an export says about it, and where it came from."""

    key: str  # unique within a project: the export's own id when it has one, else the file and position
    title: str
    abstract: str = ""
    authors: tuple[str, ...] = ()
    year: int | None = None
    doi: str | None = None
    journal: str | None = None
    source: str = ""  # file name and entry number, e.g. "garuda.ris #12"
    path: str | None = None  # the corpus path when the record is an indexed document
    extra: Mapping[str, str] = field(default_factory=dict)  # columns we do not interpret (labels, keywords)

    @property
    def text(self) -> str:
        """Title and abstract, the text that is ranked and embedded."""
        return f"{self.title}. {self.abstract}".strip(". ") if self.abstract else self.title


@dataclass(frozen=True)
class ImportResult:
    records: tuple[Record, ...]
    problems: tuple[str, ...]  # one line each: file, entry, what is wrong


def clean_text(text: object) -> str:
    """One line of plain text: markup tags dropped, whitespace folded.

    Example: ``clean_text(" A <i>randomised</i>\\n trial ") == "A randomised trial"``
    """
    return " ".join(_TAGS.sub("", str(text or "")).split())


def normalise_doi(value: object) -> str | None:
    """The DOI alone, lower case, from a bare DOI, a doi.org URL or "doi: ..." text.

    Example: ``normalise_doi("https://doi.org/10.1000/ABC.1") == "10.1000/abc.1"``
    """
    match = _DOI.search(str(value or ""))
    return match.group(0).rstrip(".,;)]").lower() if match else None


def parse_year(value: object) -> int | None:
    """The first plausible year in a date field ("2019/05/01", "May 2019", "2019").

    Example: ``parse_year("2019///") == 2019``
    """
    match = _YEAR.search(str(value or ""))
    return int(match.group(1)) if match else None


def split_authors(value: object) -> tuple[str, ...]:
    """Authors from one field: "A; B", "Last, F. and Last2, G." (BibTeX) or "Smith J, Doe A" (PubMed, Scopus).

    Example: ``split_authors("Smith J, Doe AB") == ("Smith J", "Doe AB")``
    """
    text = clean_text(value).strip(" ;")
    if re.search(r"[^,] [A-Z]{1,5}\.$", text):  # PubMed ends its list with a full stop: "Patel MS, Asch DA."
        text = text[:-1]
    if not text:
        return ()
    if ";" in text:
        parts = text.split(";")
    elif re.search(r"\s+and\s+", text) and "," in text:
        parts = re.split(r"\s+and\s+", text)
    elif "," in text and all(re.fullmatch(r"[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*)* [A-Z.-]{1,5}", p.strip())
                             for p in text.split(",")):  # fmt: skip
        parts = text.split(",")  # "Smith J, Doe AB": family name and initials, comma between authors
    elif re.search(r"\s+and\s+", text):
        parts = re.split(r"\s+and\s+", text)
    else:
        parts = [text]
    return tuple(p.strip(" {}") for p in parts if p.strip(" .{}"))


# -- RIS -----------------------------------------------------------------------------------------
_RIS_TITLE = ("title", "primary_title", "translated_title", "short_title")
_RIS_ABSTRACT = ("abstract", "notes_abstract")
_RIS_AUTHORS = ("authors", "first_authors")
_RIS_JOURNAL = ("secondary_title", "journal_name", "alternate_title3", "alternate_title2", "alternate_title1")
_RIS_YEAR = ("year", "publication_year", "date")
_RIS_START = re.compile(r"^TY  -", re.MULTILINE)


def _first(entry: Mapping[str, Any], names: Sequence[str]) -> str:
    for name in names:
        value = entry.get(name)
        if isinstance(value, list):
            value = " ".join(str(v) for v in value)
        if value and str(value).strip():
            return clean_text(value)
    return ""


def _ris_record(entry: Mapping[str, Any], key: str, source: str) -> Record:
    authors: list[str] = []
    for name in _RIS_AUTHORS:
        authors += [clean_text(a) for a in entry.get(name) or [] if clean_text(a)]
    doi = normalise_doi(entry.get("doi")) or normalise_doi(" ".join(entry.get("urls") or []))
    doi = doi or normalise_doi(entry.get("type_of_work"))  # EndNote puts the DOI in M3
    return Record(
        key=clean_text(entry.get("id")) or key,
        title=_first(entry, _RIS_TITLE),
        abstract=_first(entry, _RIS_ABSTRACT),
        authors=tuple(dict.fromkeys(authors)),
        year=parse_year(_first(entry, _RIS_YEAR)),
        doi=doi,
        journal=_first(entry, _RIS_JOURNAL) or None,
        source=source,
    )


def read_ris(text: str, name: str) -> ImportResult:
    """RIS records (Zotero, EndNote, Scopus, Mendeley, Garuda); each ``TY`` … ``ER`` block on its own."""
    import rispy

    starts = [m.start() for m in _RIS_START.finditer(text)]
    if not starts:
        raise ImportFileError(f"{name}: no RIS records found (no line starts with 'TY  -')")
    records, problems = [], []
    for number, (start, end) in enumerate(zip(starts, [*starts[1:], len(text)], strict=True), start=1):
        block = text[start:end]
        if not re.search(r"^ER  -", block, re.MULTILINE):
            block += "\nER  - \n"
        try:
            entries = rispy.loads(block, skip_unknown_tags=True)
        except Exception as exc:  # rispy raises several kinds on a malformed block
            problems.append(f"{name} #{number}: not a readable RIS record ({exc})")
            continue
        for entry in entries:
            records.append(_ris_record(entry, f"{name}#{number}", f"{name} #{number}"))
    return ImportResult(tuple(records), tuple(problems))


# -- BibTeX --------------------------------------------------------------------------------------
def _bib_value(text: str) -> str:
    r"""BibTeX braces and the common LaTeX escapes removed: ``{\"o}`` → ö is left to the braces, ``\&`` → &."""
    text = re.sub(r"\\([&%$#_{}])", r"\1", text)
    text = re.sub(r"\\[a-zA-Z]+\s*", "", text)
    return clean_text(text.replace("{", "").replace("}", "").replace("~", " "))


def read_bibtex(text: str, name: str) -> ImportResult:
    """BibTeX entries (Zotero, JabRef, Google Scholar, Scopus): title, abstract, author, year/date, doi, journal."""
    import logging

    import bibtexparser

    logging.getLogger("bibtexparser").setLevel(logging.ERROR)  # a broken block is reported below, as one line
    try:
        library = bibtexparser.parse_string(text)
    except Exception as exc:
        raise ImportFileError(f"{name}: not readable as BibTeX ({exc})") from exc
    problems = [
        f"{name}: an entry could not be read (starts {clean_text(b.raw)[:60]!r})" for b in library.failed_blocks
    ]
    records = []
    for number, entry in enumerate(library.entries, start=1):
        fields = {k.lower(): _bib_value(str(v.value)) for k, v in entry.fields_dict.items()}
        records.append(
            Record(
                key=entry.key or f"{name}#{number}",
                title=fields.get("title", ""),
                abstract=fields.get("abstract", ""),
                authors=split_authors(fields.get("author", "").replace(" and ", "; ")),
                year=parse_year(fields.get("year") or fields.get("date")),
                doi=normalise_doi(fields.get("doi") or fields.get("url")),
                journal=fields.get("journal") or fields.get("journaltitle") or fields.get("booktitle") or None,
                source=f"{name} #{number}",
            )
        )
    if not records and not problems:
        raise ImportFileError(f"{name}: no BibTeX entries found (no line starts with '@')")
    return ImportResult(tuple(records), tuple(problems))


# -- CSV -----------------------------------------------------------------------------------------
# Column names of the usual exports, compared lower case without spaces, dots or underscores.
COLUMNS: dict[str, tuple[str, ...]] = {
    "key": ("id", "recordid", "key", "pmid", "eid", "accessionnumber", "recordnumber"),
    "title": ("title", "primarytitle", "articletitle", "documenttitle", "ti", "judul"),
    "abstract": ("abstract", "abstractnote", "abstracttext", "ab", "notesabstract", "abstrak", "description"),
    "authors": ("authors", "author", "authorfullnames", "au", "firstauthors", "penulis", "creators"),
    "year": ("year", "publicationyear", "py", "pubyear", "date", "publicationdate", "createdate", "tahun"),
    "doi": ("doi", "do", "digitalobjectidentifier", "url", "link"),
    "journal": ("journal", "publicationtitle", "sourcetitle", "journalbook", "secondarytitle", "source",
                "journalname", "jurnal"),
}  # fmt: skip


def _column_key(name: str) -> str:
    return re.sub(r"[\s._/()-]+", "", name.strip().lstrip("\ufeff").lower())


def _columns(header: Sequence[str]) -> dict[str, str]:
    """Our field → the header's column, first alias found (in the alias order)."""
    by_key = {_column_key(h): h for h in header}
    found: dict[str, str] = {}
    for ours, aliases in COLUMNS.items():
        for alias in aliases:
            if alias in by_key and by_key[alias] not in found.values():
                found[ours] = by_key[alias]
                break
    return found


def read_csv(text: str, name: str) -> ImportResult:
    """CSV or tab-separated records with a header row; a title column is required."""
    # The delimiter is the header's most frequent of , ; and tab; quoting is Excel's (doubled quotes inside quotes),
    # which every export we know writes: csv.Sniffer guessed it wrong from one line.
    header_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header_line.count)
    reader = csv.DictReader(io.StringIO(text), dialect=csv.excel, delimiter=delimiter)
    header = reader.fieldnames or []
    columns = _columns(header)
    if "title" not in columns:
        raise ImportFileError(f"{name}: no title column (columns are {', '.join(header[:12]) or 'missing'})")
    used = set(columns.values())
    records, problems = [], []
    for number, row in enumerate(reader, start=1):
        if None in row:  # more cells than the header has columns
            problems.append(f"{name} row {number + 1}: {len(row[None]) + len(header)} cells for {len(header)} columns")
        get = {ours: str(row.get(col) or "") for ours, col in columns.items()}
        title = clean_text(get.get("title"))
        if not title:
            problems.append(f"{name} row {number + 1}: no title, skipped")
            continue
        records.append(
            Record(
                key=clean_text(get.get("key")) or f"{name}#{number}",
                title=title,
                abstract=clean_text(get.get("abstract")),
                authors=split_authors(get.get("authors")),
                year=parse_year(get.get("year")),
                doi=normalise_doi(get.get("doi")),
                journal=clean_text(get.get("journal")) or None,
                source=f"{name} row {number + 1}",
                extra={k: str(v) for k, v in row.items() if k is not None and k not in used and v},
            )
        )
    return ImportResult(tuple(records), tuple(problems))


# -- files ---------------------------------------------------------------------------------------
def read_records(data: bytes, name: str) -> ImportResult:
    """Records from one uploaded or local file, its format told by its extension, else by its content."""
    if len(data) > MAX_FILE_MB * 1024 * 1024:
        raise ImportFileError(f"{name}: larger than {MAX_FILE_MB:.0f} MB")
    if b"\x00" in data[:4096]:
        raise ImportFileError(f"{name}: not a text file (RIS, BibTeX or CSV expected)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    suffix = Path(name).suffix.lower()
    head = text.lstrip()[:2000]
    if suffix in (".ris", ".enw") or (suffix in (".txt", "") and _RIS_START.search(head)):
        return read_ris(text, name)
    if suffix in (".bib", ".bibtex") or head.startswith("@"):
        return read_bibtex(text, name)
    if suffix in (".csv", ".tsv", ".txt", ""):
        return read_csv(text, name)
    raise ImportFileError(f"{name}: unknown format {suffix!r} (RIS, BibTeX or CSV expected)")


def read_files(paths: Iterable[Path]) -> ImportResult:
    """Records of several files; a file that cannot be read adds one problem line and the others import."""
    records: list[Record] = []
    problems: list[str] = []
    for path in paths:
        try:
            result = read_records(Path(path).read_bytes(), Path(path).name)
        except (OSError, ImportFileError) as exc:
            problems.append(str(exc) if isinstance(exc, ImportFileError) else f"{path}: {exc.strerror or exc}")
            continue
        records += result.records
        problems += result.problems
    return ImportResult(tuple(unique_keys(records)), tuple(problems))


def unique_keys(records: Iterable[Record]) -> list[Record]:
    """The records with keys made unique ("12", "12~2") where two files used the same id."""
    from dataclasses import replace

    seen: dict[str, int] = {}
    out = []
    for record in records:
        count = seen.get(record.key, 0) + 1
        seen[record.key] = count
        out.append(record if count == 1 else replace(record, key=f"{record.key}~{count}"))
    return out
