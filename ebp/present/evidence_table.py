"""The evidence table of a reading list: one row per study, every cell copied from the study with its page.

Markdown and HTML sections for the handouts, a CSV of the table, and a Word handout (python-docx) with
the references, the evidence table and the key findings per item, for trainers.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Callable, Mapping, Sequence

from ebp.appraise.levels import DEFAULT_HIERARCHY
from ebp.present.brief import Row
from ebp.present.i18n import label, strings
from ebp.present.readinglists import ReadingItem, ReadingList
from ebp.types import Hierarchy

COLUMNS = ("position", "title", "design", "level", "participants", "n", "intervention", "comparison", "outcomes",
           "key_finding", "page", "direction")  # fmt: skip


def cells(row: Row, lang: str) -> dict[str, str]:
    """One table row as text cells (empty where the study does not state a field)."""
    t = strings(lang)
    found = row.row.key_findings[0] if row.row.key_findings else None
    participants = balanced(row.row.participants.text)
    n = f"{row.row.n} {row.row.n_unit}".strip() if row.row.n else ""
    if n and re.search(rf"(?<![\d.,]){row.row.n}(?![\d.,])", participants.replace(",", "").replace(".", "")):
        n = ""  # "1,146 children aged 2-5": the count is in the phrase already
    intervention, outcomes = balanced(row.row.intervention.text), balanced(row.row.outcomes.text)
    if outcomes.casefold() == intervention.casefold():
        outcomes = ""  # one phrase is not both (seen for a narrative review): kept as what the study is about
    return {
        "title": row.title,
        "design": label(t, "design", row.design),
        "level": str(row.level),
        "participants": participants,
        "n": n,
        "intervention": intervention,
        "comparison": balanced(row.row.comparison.text),
        "outcomes": outcomes,
        "key_finding": found.text if found else "",
        "page": str(found.page) if found else "",
        "direction": label(t, "direction", row.row.direction),
    }


def balanced(phrase: str) -> str:
    """A field's phrase without a bracket it leaves open or a closing one it never opened, which a phrase cut from
    its sentence can carry: "families (N = 312" → "families", "OR 2.64; 95% CI 1.51-4.62)" → "OR 2.64; 95% CI
    1.51-4.62".

    Example: ``balanced("keluarga sebagai peserta (N = 312") == "keluarga sebagai peserta"``
    """
    depth, cut = 0, len(phrase)
    out: list[str] = []
    for ch in phrase:
        if ch == "(":
            depth += 1
            if depth == 1:
                cut = len(out)
        elif ch == ")":
            if depth == 0:
                continue  # closes nothing in the phrase
            depth -= 1
        out.append(ch)
        if depth == 0:
            cut = len(out)
    return "".join(out[:cut] if depth else out).strip(" ,;:")


def _listed(items: Sequence[ReadingItem], rows: Mapping[str, Row]) -> list[tuple[int, Row]]:
    """(number in the list, evidence row) of the items that have a row, in the list's order."""
    return [(number, rows[item.path]) for number, item in enumerate(items, start=1) if item.path in rows]


def _head(t: Mapping[str, str]) -> list[str]:
    return [
        "#", t["card.design"], t["row.participants"], t["row.intervention"], t["row.comparison"], t["row.outcomes"],
        t["row.finding"], t["row.direction"],
    ]  # fmt: skip


def _quote(c: Mapping[str, str], t: Mapping[str, str]) -> str:
    """The key finding in quotation marks with its page, as plain text (empty when none was found)."""
    return f"“{c['key_finding']}” ({t['card.page']} {c['page']})" if c["key_finding"] else ""


def _values(number: int, c: Mapping[str, str], finding: str, text: Callable[[str], str] = str) -> list[str]:
    """One row's cells as the handouts show them, in ``_head``'s order: ``text`` makes a cell safe for the format,
    ``finding`` is the key finding as the format writes it."""
    who = " ".join(x for x in (c["participants"], c["n"]) if x)
    plain = [str(number), f"{c['design']} (L{c['level']})", who, c["intervention"], c["comparison"], c["outcomes"]]
    return [*map(text, plain), finding, text(c["direction"])]


def markdown_table(items: Sequence[ReadingItem], rows: Mapping[str, Row], lang: str) -> list[str]:
    from ebp.present.export import md_escape

    t = strings(lang)
    present = _listed(items, rows)
    if not present:
        return []
    head = _head(t)
    lines = [f"## {t['brief.table']}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for number, row in present:
        c = cells(row, lang)
        lines.append("| " + " | ".join(_values(number, c, md_escape(_quote(c, t)), md_escape)) + " |")
    return [*lines, ""]


def html_table(items: Sequence[ReadingItem], rows: Mapping[str, Row], lang: str) -> str:
    t = strings(lang)
    esc = html.escape
    body = []
    for number, row in _listed(items, rows):
        c = cells(row, lang)
        finding = f"<q>{esc(c['key_finding'])}</q> ({esc(t['card.page'])} {esc(c['page'])})" if c["key_finding"] else ""
        body.append("<tr>" + "".join(f"<td>{v}</td>" for v in _values(number, c, finding, esc)) + "</tr>")
    if not body:
        return ""
    header = "".join(f"<th>{esc(h)}</th>" for h in _head(t))
    return (f'<h2>{esc(t["brief.table"])}</h2>\n<table class="evidence"><thead><tr>{header}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>\n")  # fmt: skip


def table_csv(items: Sequence[ReadingItem], rows: Mapping[str, Row], lang: str = "id") -> str:
    """The evidence table as CSV (cells a spreadsheet would run as a formula are made inert)."""
    from ebp.present.export import _cell

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for number, row in _listed(items, rows):
        c = cells(row, lang)
        writer.writerow([number, *(_cell(c[k]) for k in COLUMNS[1:])])
    return out.getvalue()


def to_docx(
    reading_list: ReadingList, rows: Mapping[str, Row], lang: str = "id", hierarchy: Hierarchy = DEFAULT_HIERARCHY
) -> bytes:
    """A Word handout for trainers (A4), as the Markdown and HTML ones: the references with their level of evidence,
    design, pages and note, the evidence table, each item's key findings (strongest evidence first) and the key to
    the levels."""
    import docx
    from docx.shared import Cm

    from ebp.present.export import apa_reference, legend_entries, level_line, page_list

    t = strings(lang)
    document = docx.Document()
    for section in document.sections:  # A4, as printed in Indonesia (python-docx's template is US Letter)
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.0)
    document.add_heading(reading_list.name, level=1)
    for number, item in enumerate(reading_list.items, start=1):
        document.add_paragraph(f"{number}. {apa_reference(item, lang)}")
        details = [level_line(item, lang), t["export.design"].format(design=label(t, "design", item.design))]
        if item.pages:
            details.append(t["export.pages"].format(pages=page_list(item.pages)))
        document.add_paragraph(" · ".join(details))
        if item.note:
            document.add_paragraph(f"{t['export.note']}: {item.note}")
    present = _listed(reading_list.items, rows)
    if present:
        document.add_heading(t["brief.table"], level=2)
        head = _head(t)
        table = document.add_table(rows=1, cols=len(head))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, head, strict=True):
            cell.text = text
        for number, row in present:
            c = cells(row, lang)
            for cell, text in zip(table.add_row().cells, _values(number, c, _quote(c, t)), strict=True):
                cell.text = text
        document.add_heading(t["brief.findings"].rstrip(":"), level=2)
        for number, row in sorted(present, key=lambda p: (p[1].level, p[0])):  # strongest evidence first
            for quote in row.row.key_findings:
                document.add_paragraph(
                    f"[{number}] “{quote.text}” ({t['card.page']} {quote.page})", style="List Bullet"
                )
    document.add_heading(t["export.legend"], level=2)
    for rank, name in legend_entries(lang, hierarchy):
        document.add_paragraph(f"{rank}. {name}")
    document.add_paragraph(t["export.made_by"]).runs[0].italic = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
