"""Reading lists out: APA-style references, Markdown and HTML handouts, RIS, BibTeX and CSV.

Pure functions from ``ReadingItem``s to text. Everything that came from a PDF (titles, authors,
journals) is escaped for the target format: HTML entities, Markdown punctuation, BibTeX specials,
RIS line breaks, and CSV cells that a spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from ebp.appraise.levels import DEFAULT_HIERARCHY, hierarchy_levels
from ebp.present.i18n import counted, label, level_label, strings
from ebp.present.readinglists import ReadingItem, ReadingList
from ebp.types import Hierarchy

if TYPE_CHECKING:
    from ebp.present.brief import Row

_ORGANISATION = re.compile(
    r"\b(?:group|organi[sz]ation|ministry|kementerian|association|asosiasi|institute|institut|committee|komite|"
    r"council|dinas|badan|lembaga|department|departemen|agency|network|jaringan|foundation|yayasan|team|tim|"
    r"cent(?:re|er)|pusat|university|universitas|unicef|who|world|bank|programme|program|office|kantor)\b",
    re.IGNORECASE,
)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#$])")
_BIB_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIB_RE = re.compile("|".join(re.escape(c) for c in _BIB_SPECIAL))
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet runs such a cell as a formula
CSV_COLUMNS = (
    "position",
    "title",
    "authors",
    "year",
    "journal",
    "doi",
    "design",
    "level",
    "level_label",
    "language",
    "doc_type",
    "pages",
    "note",
    "path",
)


# -- names ---------------------------------------------------------------------------------------
def split_name(name: str) -> tuple[str, str]:
    """(family name, given names) of an author; an organisation or a single name has no given names.

    Example: ``split_name("Helen M. Carter") == ("Carter", "Helen M.")``
    """
    name = " ".join(name.split())
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        return family, given
    words = name.split()
    if len(words) < 2 or _ORGANISATION.search(name):
        return name, ""
    return words[-1], " ".join(words[:-1])


def apa_name(name: str) -> str:
    """An author as APA writes them: family name, then initials.

    Example: ``apa_name("Jean-Paul K. Sartre") == "Sartre, J.-P. K."``
    """
    family, given = split_name(name)
    if not given:
        return family
    initials = []
    for word in given.replace(".", ". ").split():
        parts = [p for p in word.split("-") if p]
        initials.append("-".join(f"{p[0].upper()}." for p in parts if p[0].isalpha()))
    return f"{family}, {' '.join(i for i in initials if i)}".rstrip(", ")


def apa_authors(authors: Sequence[str]) -> str:
    """APA 7 author list: up to 20 names, "&" before the last; beyond 20, the first 19, ". . .", the last.

    Example: ``apa_authors(["Helen M. Carter", "David Osei"]) == "Carter, H. M., & Osei, D."``
    """
    names = [apa_name(a) for a in authors if a.strip()]
    if len(names) <= 1:
        return "".join(names)
    if len(names) == 2:
        return f"{names[0]}, & {names[1]}"
    if len(names) > 20:
        return ", ".join(names[:19]) + ", . . . " + names[-1]
    return ", ".join(names[:-1]) + ", & " + names[-1]


# -- references ----------------------------------------------------------------------------------
def _reference(item: ReadingItem, lang: str, esc: Callable[[str], str], emph: Callable[[str], str]) -> str:
    t = strings(lang)
    year = f"({item.year})" if item.year else f"({t['export.no_date']})"
    title = _sentence(item.title.strip() or item.path)
    if item.doc_type == "case_study":
        title = f"{title.rstrip('.')} [{t['export.case_study']}]."
    authors = apa_authors(item.authors)
    parts = [f"{esc(authors)} {year}.", esc(title)] if authors else [esc(title), f"{year}."]
    if item.journal:
        parts.append(emph(esc(item.journal.strip())) + ".")
    if item.doi:
        parts.append(esc(doi_url(item.doi)))
    return " ".join(parts)


def apa_reference(item: ReadingItem, lang: str = "id") -> str:
    """A plain-text APA-style reference (no volume or pages: the index does not know them).

    Example: ``Carter, H. M., & Osei, D. (2023). Parenting interventions. Demo Journal. https://doi.org/10.5555/x``
    """
    return _reference(item, lang, lambda s: s, lambda s: s)


def apa_reference_html(item: ReadingItem, lang: str = "id") -> str:
    """The APA-style reference as safe HTML, the journal in italics."""
    return _reference(item, lang, html.escape, lambda s: f"<i>{s}</i>")


def doi_url(doi: str) -> str:
    doi = doi.strip()
    return doi if doi.lower().startswith("http") else f"https://doi.org/{doi}"


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "?", "!")) else text + "."


def page_list(pages: Sequence[int]) -> str:
    return ", ".join(str(p) for p in pages)


def level_line(item: ReadingItem, lang: str) -> str:
    return strings(lang)["export.level"].format(rank=item.level.rank, label=level_label(item.level, lang))


# -- handouts ------------------------------------------------------------------------------------
def md_escape(text: str) -> str:
    r"""Text shown literally by a Markdown renderer (one line).

    Example: ``md_escape("*Not* [a link]") == "\\*Not\\* \\[a link\\]"``
    """
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def to_markdown(
    reading_list: ReadingList,
    lang: str = "id",
    hierarchy: Hierarchy = DEFAULT_HIERARCHY,
    rows: Mapping[str, Row] | None = None,
) -> str:
    """A handout in Markdown: numbered APA references, each with its level of evidence and note, then the
    evidence table when ``rows`` (path → evidence row) are given."""
    from ebp.present.evidence_table import markdown_table

    t = strings(lang)
    lines = [f"# {md_escape(reading_list.name)}", "", counted(t, "export.count", len(reading_list.items)), ""]
    for number, item in enumerate(reading_list.items, start=1):
        lines.append(f"{number}. {_reference(item, lang, md_escape, lambda s: f'*{s}*')}  ")
        details = [
            f"**{md_escape(level_line(item, lang))}**",
            md_escape(t["export.design"].format(design=label(t, "design", item.design))),
        ]
        if item.pages:
            details.append(md_escape(t["export.pages"].format(pages=page_list(item.pages))))
        lines.append("   " + " · ".join(details) + ("  " if item.note else ""))
        if item.note:
            lines.append(f"   {t['export.note']}: {md_escape(item.note)}")
        lines.append("")
    lines += markdown_table(reading_list.items, rows or {}, lang)
    lines += [f"## {t['export.legend']}", ""]
    lines += [f"{rank}. {md_escape(name)}" for rank, name in legend_entries(lang, hierarchy)]
    lines += ["", f"*{md_escape(t['export.made_by'])}*", ""]
    return "\n".join(lines)


_HANDOUT_CSS = """
body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; max-width: 46em; margin: 2em auto; color: #222;
       line-height: 1.45; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
ol.refs > li { margin-bottom: 1em; padding-left: .3em; }
.ref { text-indent: -1.5em; padding-left: 1.5em; }
.level { display: inline-block; border-radius: .8em; padding: .05em .6em; font-size: .85em; background: #e8eef8;
         border: 1px solid #9db3d9; }
.level.l1, .level.l2 { background: #e3f4e6; border-color: #7fbf8a; }
.meta { color: #555; font-size: .9em; }
.note { background: #fff8e1; border-left: 3px solid #e0b400; padding: .3em .6em; margin-top: .3em; }
footer { color: #666; font-size: .85em; margin-top: 2em; }
table.evidence { border-collapse: collapse; font-size: .85em; } table.evidence td, table.evidence th {
  border: 1px solid #bbb; padding: .25em .4em; vertical-align: top; text-align: left; }
@media print { body { margin: 0; } .level { border: 1px solid #888; } }
"""


def to_html(
    reading_list: ReadingList,
    lang: str = "id",
    hierarchy: Hierarchy = DEFAULT_HIERARCHY,
    rows: Mapping[str, Row] | None = None,
) -> str:
    """A printable, self-contained HTML handout (with the evidence table when ``rows`` are given); every piece of
    document text is escaped."""
    from ebp.present.evidence_table import html_table

    t = strings(lang)
    esc = html.escape
    items = []
    for item in reading_list.items:
        ref = apa_reference_html(item, lang)
        meta = [esc(t["export.design"].format(design=label(t, "design", item.design)))]
        if item.pages:
            meta.append(esc(t["export.pages"].format(pages=page_list(item.pages))))
        note = f'<div class="note"><b>{esc(t["export.note"])}:</b> {esc(item.note)}</div>' if item.note else ""
        items.append(
            f'<li><div class="ref">{ref}</div>'
            f'<div><span class="level l{item.level.rank}">{esc(level_line(item, lang))}</span> '
            f'<span class="meta">{" · ".join(meta)}</span></div>{note}</li>'
        )
    legend = "".join(f"<li>{esc(name)}</li>" for _, name in legend_entries(lang, hierarchy))
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(reading_list.name)}</title>\n<style>{_HANDOUT_CSS}</style>\n</head>\n<body>\n"
        f'<h1>{esc(reading_list.name)}</h1>\n<p class="meta">{esc(counted(t, "export.count", len(items)))}</p>\n'
        f'<ol class="refs">\n'
        + "\n".join(items)
        + "\n</ol>\n"
        + html_table(reading_list.items, rows or {}, lang)
        + f"<h2>{esc(t['export.legend'])}</h2>\n<ol>{legend}</ol>\n"
        f"<footer>{esc(t['export.made_by'])}</footer>\n</body>\n</html>\n"
    )


def legend_entries(lang: str, hierarchy: Hierarchy) -> list[tuple[int, str]]:
    return [(level.rank, level_label(level, lang)) for level in hierarchy_levels(hierarchy)]


# -- reference-manager formats -------------------------------------------------------------------
def _line(text: object) -> str:
    return " ".join(str(text).split())


def to_ris(items: Sequence[ReadingItem], lang: str = "en") -> str:
    """RIS records (Zotero, Mendeley, EndNote): JOUR for articles, RPRT for case studies."""
    out = []
    for item in items:
        lines = [f"TY  - {'RPRT' if item.doc_type == 'case_study' else 'JOUR'}"]
        for author in item.authors:
            family, given = split_name(author)
            lines.append(f"AU  - {_line(family)}" + (f", {_line(given)}" if given else ""))
        lines.append(f"TI  - {_line(item.title)}")
        if item.journal:
            lines.append(f"T2  - {_line(item.journal)}")
        if item.year:
            lines.append(f"PY  - {item.year}")
        if item.doi:
            lines.append(f"DO  - {_line(item.doi)}")
        if item.abstract:
            lines.append(f"AB  - {_line(item.abstract)}")
        if item.language and item.language != "und":
            lines.append(f"LA  - {item.language}")
        lines.append(f"KW  - {item.design}")
        lines.append(f"N1  - {_line(_notes(item, lang))}")
        lines.append("ER  - ")
        out.append("\n".join(lines))
    return "\n\n".join(out) + ("\n" if out else "")


def _notes(item: ReadingItem, lang: str) -> str:
    t = strings(lang)
    parts = [level_line(item, lang) + "."]
    if item.pages:
        parts.append(t["export.pages"].format(pages=page_list(item.pages)) + ".")
    if item.note:
        parts.append(f"{t['export.note']}: {item.note}")
    return " ".join(parts)


def bib_escape(text: str) -> str:
    r"""Text that BibTeX and LaTeX print as written.

    Example: ``bib_escape("50% & more") == r"50\% \& more"``
    """
    return _BIB_RE.sub(lambda m: _BIB_SPECIAL[m.group(0)], _line(text))


def to_bibtex(items: Sequence[ReadingItem], lang: str = "en") -> str:
    """BibTeX entries: @article for articles, @misc for case studies; keys are unique and ASCII."""
    used: set[str] = set()
    out = []
    for item in items:
        key = _bib_key(item, used)
        fields: list[tuple[str, str]] = []
        if item.authors:
            fields.append(("author", " and ".join(_bib_author(a) for a in item.authors)))
        fields.append(("title", bib_escape(item.title)))
        if item.journal:
            fields.append(("journal" if item.doc_type != "case_study" else "howpublished", bib_escape(item.journal)))
        if item.year:
            fields.append(("year", str(item.year)))
        if item.doi:
            fields.append(("doi", re.sub(r"[{}\s]", "", item.doi)))
        if item.language and item.language != "und":
            fields.append(("language", item.language))
        if item.abstract:
            fields.append(("abstract", bib_escape(item.abstract)))
        fields.append(("keywords", bib_escape(item.design)))
        fields.append(("note", bib_escape(_notes(item, lang))))
        kind = "misc" if item.doc_type == "case_study" else "article"
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        out.append(f"@{kind}{{{key},\n{body}\n}}")
    return "\n\n".join(out) + ("\n" if out else "")


def _bib_author(name: str) -> str:
    family, given = split_name(name)
    if not given:
        return "{" + bib_escape(family) + "}"  # braces: an organisation is one name, not "family, given"
    return f"{bib_escape(family)}, {bib_escape(given)}"


def _ascii(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower())


def _bib_key(item: ReadingItem, used: set[str]) -> str:
    family = _ascii(split_name(item.authors[0])[0]) if item.authors else ""
    words = [w for w in (_ascii(w) for w in item.title.split()) if len(w) > 3]
    base = (family or "anon") + (str(item.year) if item.year else "") + (words[0] if words else "")
    key, suffix = base, 0
    while key in used:
        suffix += 1
        key = base + chr(ord("a") + (suffix - 1) % 26) + (str((suffix - 1) // 26) if suffix > 26 else "")
    used.add(key)
    return key


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(items: Sequence[ReadingItem], lang: str = "id") -> str:
    """One row per item, in list order, with the columns of ``CSV_COLUMNS``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for position, item in enumerate(items, start=1):
        row = (
            position,
            item.title,
            "; ".join(item.authors),
            item.year,
            item.journal,
            item.doi,
            item.design,
            item.level.rank,
            level_label(item.level, lang),
            item.language,
            item.doc_type,
            page_list(item.pages),
            item.note,
            item.path,
        )
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue()


def file_stem(name: str) -> str:
    """A safe file name stem for a list's exports.

    Example: ``file_stem("Topik: KDRT & anak") == "topik-kdrt-anak"``
    """
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", _ascii_words(name))).strip("-") or "reading-list"


def _ascii_words(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
