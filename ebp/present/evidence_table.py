"""The evidence table of a reading list: one row per study, every cell copied from the study with its page.

Markdown and HTML sections for the handouts, a CSV of the table, and a Word handout (python-docx) with
the references, the evidence table and the key findings per item, for trainers.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Mapping, Sequence

from ebp.present.brief import Row
from ebp.present.i18n import label, strings
from ebp.present.readinglists import ReadingItem, ReadingList

COLUMNS = ("position", "title", "design", "level", "participants", "n", "intervention", "comparison", "outcomes",
           "key_finding", "page", "direction")  # fmt: skip


def cells(row: Row, lang: str) -> dict[str, str]:
    """One table row as text cells (empty where the study does not state a field)."""
    t = strings(lang)
    found = row.row.key_findings[0] if row.row.key_findings else None
    n = f"{row.row.n} {row.row.n_unit}".strip() if row.row.n else ""
    return {
        "title": row.title,
        "design": label(t, "design", row.design),
        "level": str(row.level),
        "participants": row.row.participants.text,
        "n": n,
        "intervention": row.row.intervention.text,
        "comparison": row.row.comparison.text,
        "outcomes": row.row.outcomes.text,
        "key_finding": found.text if found else "",
        "page": str(found.page) if found else "",
        "direction": label(t, "direction", row.row.direction),
    }


def markdown_table(items: Sequence[ReadingItem], rows: Mapping[str, Row], lang: str) -> list[str]:
    from ebp.present.export import md_escape

    t = strings(lang)
    present = [(i, rows[item.path]) for i, item in enumerate(items, start=1) if item.path in rows]
    if not present:
        return []
    head = ["#", t["card.design"], t["row.participants"], t["row.intervention"], t["row.comparison"],
            t["row.outcomes"], t["row.finding"], t["row.direction"]]  # fmt: skip
    lines = [f"## {t['brief.table']}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for number, row in present:
        c = cells(row, lang)
        finding = f"“{c['key_finding']}” ({t['card.page']} {c['page']})" if c["key_finding"] else ""
        values = [str(number), f"{c['design']} (L{c['level']})", " ".join(x for x in (c["participants"], c["n"]) if x),
                  c["intervention"], c["comparison"], c["outcomes"], finding, c["direction"]]  # fmt: skip
        lines.append("| " + " | ".join(md_escape(v) for v in values) + " |")
    return [*lines, ""]


def html_table(items: Sequence[ReadingItem], rows: Mapping[str, Row], lang: str) -> str:
    t = strings(lang)
    esc = html.escape
    body = []
    for number, item in enumerate(items, start=1):
        if item.path not in rows:
            continue
        c = cells(rows[item.path], lang)
        finding = f"<q>{esc(c['key_finding'])}</q> ({esc(t['card.page'])} {esc(c['page'])})" if c["key_finding"] else ""
        values = [esc(str(number)), f"{esc(c['design'])} (L{esc(c['level'])})",
                  esc(" ".join(x for x in (c["participants"], c["n"]) if x)), esc(c["intervention"]),
                  esc(c["comparison"]), esc(c["outcomes"]), finding, esc(c["direction"])]  # fmt: skip
        body.append("<tr>" + "".join(f"<td>{v}</td>" for v in values) + "</tr>")
    if not body:
        return ""
    head = ["#", t["card.design"], t["row.participants"], t["row.intervention"], t["row.comparison"],
            t["row.outcomes"], t["row.finding"], t["row.direction"]]  # fmt: skip
    header = "".join(f"<th>{esc(h)}</th>" for h in head)
    return (f'<h2>{esc(t["brief.table"])}</h2>\n<table class="evidence"><thead><tr>{header}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>\n")  # fmt: skip


def table_csv(items: Sequence[ReadingItem], rows: Mapping[str, Row], lang: str = "id") -> str:
    """The evidence table as CSV (cells a spreadsheet would run as a formula are made inert)."""
    from ebp.present.export import _cell

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for number, item in enumerate(items, start=1):
        if item.path in rows:
            c = cells(rows[item.path], lang)
            writer.writerow([number, *(_cell(c[k]) for k in COLUMNS[1:])])
    return out.getvalue()


def to_docx(reading_list: ReadingList, rows: Mapping[str, Row], lang: str = "id") -> bytes:
    """A Word handout for trainers: the references, then the evidence table, then each item's key findings."""
    import docx

    from ebp.present.export import apa_reference

    t = strings(lang)
    document = docx.Document()
    document.add_heading(reading_list.name, level=1)
    for number, item in enumerate(reading_list.items, start=1):
        document.add_paragraph(f"{number}. {apa_reference(item, lang)}")
        if item.note:
            document.add_paragraph(f"{t['export.note']}: {item.note}")
    present = [(i, rows[item.path]) for i, item in enumerate(reading_list.items, start=1) if item.path in rows]
    if present:
        document.add_heading(t["brief.table"], level=2)
        head = ["#", t["card.design"], t["row.participants"], t["row.intervention"], t["row.outcomes"],
                t["row.finding"], t["row.direction"]]  # fmt: skip
        table = document.add_table(rows=1, cols=len(head))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, head, strict=True):
            cell.text = text
        for number, row in present:
            c = cells(row, lang)
            finding = f"“{c['key_finding']}” ({t['card.page']} {c['page']})" if c["key_finding"] else ""
            who = " ".join(x for x in (c["participants"], c["n"]) if x)
            values = [str(number), f"{c['design']} (L{c['level']})", who, c["intervention"], c["outcomes"], finding,
                      c["direction"]]  # fmt: skip
            for cell, text in zip(table.add_row().cells, values, strict=True):
                cell.text = text
        document.add_heading(t["brief.findings"].rstrip(":"), level=2)
        for number, row in present:
            for quote in row.row.key_findings:
                document.add_paragraph(
                    f"[{number}] “{quote.text}” ({t['card.page']} {quote.page})", style="List Bullet"
                )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
