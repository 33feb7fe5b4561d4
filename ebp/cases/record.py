"""A workspace out: the supervision record (HTML, Word, PDF) and the teaching case study (Markdown).

The record holds the question, the case as masked, the evidence with its levels and quoted findings
(with pages), the notes, the decision, the planned measures and the outcome log. Everything comes
from the saved, de-identified workspace; every piece of text is escaped for its format. The teaching
case is a Markdown file with front matter ``doc_type: case_study`` and ``teaching_case: true``, so the
next indexing takes it in as a case study, marked as a teaching case.
"""

from __future__ import annotations

import html
import io
import json
from collections.abc import Mapping
from pathlib import Path

from ebp.cases.deidentify import deidentify
from ebp.cases.workspace import Workspace
from ebp.present.export import _HANDOUT_CSS, apa_reference, apa_reference_html, file_stem, md_escape
from ebp.present.i18n import label, level_label, strings

_PARTS = ("client", "option", "comparison", "expected_outcome")
_RECORD_CSS = _HANDOUT_CSS + "table.log td, table.log th { border: 1px solid #bbb; padding: .25em .5em; }\n"


def _question(workspace: Workspace, t: Mapping[str, str]) -> list[tuple[str, str]]:
    rows = [(t[f"copes.{p}"], getattr(workspace.question, p)) for p in _PARTS if getattr(workspace.question, p)]
    if workspace.question.question_type:
        rows.append((t["copes.question_type"], t[f"qtype.{workspace.question.question_type}"]))
    return rows


def _sections(workspace: Workspace, t: Mapping[str, str]) -> list[tuple[str, str]]:
    return [(t[k], v) for k, v in (("cases.notes", workspace.notes), ("cases.decision", workspace.decision),
                                   ("cases.measures", workspace.measures)) if v]  # fmt: skip


def to_html(workspace: Workspace, lang: str = "id") -> str:
    """The supervision record as one printable, self-contained HTML page."""
    t, esc = strings(lang), html.escape
    out = [f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">',
           f"<title>{esc(t['record.title'].format(name=workspace.name))}</title>\n<style>{_RECORD_CSS}</style>",
           "</head>\n<body>", f"<h1>{esc(t['record.title'].format(name=workspace.name))}</h1>",
           f'<p class="meta">{esc(t["record.intro"])}</p>', f"<h2>{esc(t['cases.question'])}</h2>\n<dl>"]  # fmt: skip
    out += [f"<dt><b>{esc(k)}</b></dt><dd>{esc(v)}</dd>" for k, v in _question(workspace, t)]
    out.append("</dl>")
    if workspace.case:
        out.append(f"<h2>{esc(t['cases.case_text'])}</h2>\n<p>{esc(workspace.case)}</p>")
    out.append(f"<h2>{esc(t['cases.evidence'])}</h2>")
    if not workspace.evidence:
        out.append(f"<p>{esc(t['cases.no_evidence'])}</p>")
    out.append('<ol class="refs">')
    for e in workspace.evidence:
        level = t["record.level"].format(rank=e.item.level.rank, label=level_label(e.item.level, lang))
        design = t["export.design"].format(design=label(t, "design", e.item.design))
        quotes = "".join(f"<li><q>{esc(q.text)}</q> ({esc(t['card.page'])} {q.page})</li>" for q in e.findings)
        note = f'<div class="note">{esc(e.item.note)}</div>' if e.item.note else ""
        out.append(f'<li><div class="ref">{apa_reference_html(e.item, lang)}</div><div><span class="level '
                   f'l{e.item.level.rank}">{esc(level)}</span> <span class="meta">{esc(design)}</span></div>'
                   f"{'<ul>' + quotes + '</ul>' if quotes else ''}{note}</li>")  # fmt: skip
    out.append("</ol>")
    out += [f"<h2>{esc(k)}</h2>\n<p>{esc(v)}</p>" for k, v in _sections(workspace, t)]
    out.append(f"<h2>{esc(t['record.outcome_log'])}</h2>")
    if workspace.follow_ups:
        head = "".join(f"<th>{esc(t[k])}</th>" for k in ("cases.fu_date", "cases.fu_measure", "cases.fu_result"))
        body = "".join(f"<tr><td>{esc(f.date)}</td><td>{esc(f.measure)}</td><td>{esc(f.result)}</td></tr>"
                       for f in workspace.follow_ups)  # fmt: skip
        out.append(f'<table class="log"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>')
    else:
        out.append(f"<p>{esc(t['cases.no_follow_ups'])}</p>")
    out.append(f"<footer>{esc(t['export.made_by'])}</footer>\n</body>\n</html>\n")
    return "\n".join(out)


def to_docx(workspace: Workspace, lang: str = "id") -> bytes:
    """The supervision record as a Word document."""
    import docx

    t = strings(lang)
    document = docx.Document()
    document.add_heading(t["record.title"].format(name=workspace.name), level=1)
    document.add_paragraph(t["record.intro"])
    document.add_heading(t["cases.question"], level=2)
    for key, value in _question(workspace, t):
        document.add_paragraph(f"{key}: {value}")
    if workspace.case:
        document.add_heading(t["cases.case_text"], level=2)
        document.add_paragraph(workspace.case)
    document.add_heading(t["cases.evidence"], level=2)
    for number, e in enumerate(workspace.evidence, start=1):
        document.add_paragraph(f"{number}. {apa_reference(e.item, lang)}")
        level = t["record.level"].format(rank=e.item.level.rank, label=level_label(e.item.level, lang))
        document.add_paragraph(level)
        for q in e.findings:
            document.add_paragraph(f"“{q.text}” ({t['card.page']} {q.page})", style="List Bullet")
        if e.item.note:
            document.add_paragraph(e.item.note)
    for key, value in _sections(workspace, t):
        document.add_heading(key, level=2)
        document.add_paragraph(value)
    document.add_heading(t["record.outcome_log"], level=2)
    if workspace.follow_ups:
        table = document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, key in zip(
            table.rows[0].cells, ("cases.fu_date", "cases.fu_measure", "cases.fu_result"), strict=True
        ):
            cell.text = t[key]
        for f in workspace.follow_ups:
            for cell, text in zip(table.add_row().cells, (f.date, f.measure, f.result), strict=True):
                cell.text = text
    else:
        document.add_paragraph(t["cases.no_follow_ups"])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _latin(text: str) -> str:
    """PDF core fonts speak Latin-1: typographic quotes and dashes as their plain forms, the rest replaced."""
    table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "•": "-"})
    return text.translate(table).encode("latin-1", "replace").decode("latin-1")


def to_pdf(workspace: Workspace, lang: str = "id") -> bytes:
    """The supervision record as a PDF (fpdf2, core fonts)."""
    from fpdf import FPDF

    t = strings(lang)
    pdf = FPDF()
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()

    def heading(text: str, size: int = 12) -> None:
        pdf.set_font("Helvetica", "B", size)
        pdf.multi_cell(0, 7, _latin(text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=10)

    def para(text: str) -> None:
        pdf.multi_cell(0, 5, _latin(text), new_x="LMARGIN", new_y="NEXT")

    heading(t["record.title"].format(name=workspace.name), 15)
    para(t["record.intro"])
    heading(t["cases.question"])
    for key, value in _question(workspace, t):
        para(f"{key}: {value}")
    if workspace.case:
        heading(t["cases.case_text"])
        para(workspace.case)
    heading(t["cases.evidence"])
    for number, e in enumerate(workspace.evidence, start=1):
        para(f"{number}. {apa_reference(e.item, lang)}")
        para(t["record.level"].format(rank=e.item.level.rank, label=level_label(e.item.level, lang)))
        for q in e.findings:
            para(f'  - "{q.text}" ({t["card.page"]} {q.page})')
    for key, value in _sections(workspace, t):
        heading(key)
        para(value)
    heading(t["record.outcome_log"])
    for f in workspace.follow_ups:
        para(f"{f.date}  {f.measure}: {f.result}" if f.measure else f"{f.date}  {f.result}")
    if not workspace.follow_ups:
        para(t["cases.no_follow_ups"])
    return bytes(pdf.output())


def to_teaching_markdown(workspace: Workspace, lang: str = "id") -> str:
    """The workspace as a teaching case study: Markdown with front matter that marks it a ``case_study``."""
    t = strings(lang)
    masked = workspace.masked()
    title = t["record.teaching_title"].format(name=masked.name)
    front = {"title": title, "doc_type": "case_study", "teaching_case": True, "language": lang,
             "keywords": ["teaching case", "kasus ajar"]}  # fmt: skip
    lines = ["---", *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in front.items()), "---", "",
             f"# {md_escape(title)}", "", f"*{md_escape(t['record.teaching_note'])}*", "", "## Case", "",
             md_escape(masked.case), ""]  # fmt: skip
    question = _question(masked, t)
    if question:
        lines += [f"## {t['cases.question']}", "", *(f"- {k}: {md_escape(v)}" for k, v in question), ""]
    if masked.evidence:
        lines += [f"## {t['cases.evidence']}", ""]
        for e in masked.evidence:
            lines.append(f"- {md_escape(apa_reference(e.item, lang))}")
            lines += [f"  - “{md_escape(q.text)}” ({t['card.page']} {q.page})" for q in e.findings]
        lines.append("")
    for key, value in _sections(masked, t):
        lines += [f"## {key}", "", md_escape(value), ""]
    if masked.follow_ups:
        lines += [f"## {t['record.outcome_log']}", ""]
        lines += [f"- {f.date}: {md_escape(f.measure + ': ' if f.measure else '')}{md_escape(f.result)}"
                  for f in masked.follow_ups]  # fmt: skip
    return "\n".join(lines) + "\n"


def write_teaching_case(workspace: Workspace, corpus_dir: Path, lang: str = "id") -> Path:
    """Write the teaching case into the corpus's uploads (case studies folder); never over another file."""
    from ebp.ingest.uploads import UPLOADS

    folder = Path(corpus_dir) / UPLOADS / "case_studies"
    folder.mkdir(parents=True, exist_ok=True)
    stem = "teaching-" + file_stem(deidentify(workspace.name, lang).text)
    path, number = folder / f"{stem}.md", 1
    while path.exists():
        number += 1
        path = folder / f"{stem}-{number}.md"
    tmp = path.with_suffix(".md.tmp")
    tmp.write_text(to_teaching_markdown(workspace, lang), encoding="utf-8")
    tmp.replace(path)
    return path
