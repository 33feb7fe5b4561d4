"""Exports of reading lists, parsed back with the reference managers' own parsers (rispy, bibtexparser)."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from ebp.appraise import evidence_level
from ebp.present import export
from ebp.present.readinglists import ReadingItem, ReadingList

TRIAL = ReadingItem(
    path="en_rct.pdf",
    title="Brief motivational interviewing & substance use: 50% fewer drinking days",
    authors=("Thomas J. Whitfield", "Amara Nwosu", "Demo Guideline Development Group"),
    year=2022,
    journal="Demo Journal of Social Work_Practice",
    doi="10.5555/demo.2022.088",
    language="en",
    design="rct",
    level=evidence_level("rct"),
    pages=(3, 4),
    note="Read the results; compare with {usual care}",
)
CASE = ReadingItem(
    path="case_studies/kdrt.md",
    title="Menyusun rencana keselamatan bersama ibu korban KDRT",
    authors=("Ratih Kusumawardani",),
    year=None,
    language="id",
    doc_type="case_study",
    design="case_study",
    level=evidence_level("case_study"),
)
HOSTILE = ReadingItem(
    path="x.pdf",
    title='=HYPERLINK("http://evil") <script>alert(1)</script> *bold* [link](http://x)',
    authors=("Anon",),
    design="other",
    level=evidence_level("other"),
)
LIST = ReadingList("Pelatihan KDRT & NAPZA", "2026-11-28T00:00:00+00:00", (TRIAL, CASE, HOSTILE))


@pytest.mark.parametrize(
    ("name", "apa"),
    [
        ("Helen M. Carter", "Carter, H. M."),
        ("Jean-Paul K. Sartre", "Sartre, J.-P. K."),
        ("Carter, Helen", "Carter, H."),
        ("Sukarno", "Sukarno"),
        ("Anak Agung Sri Dewi", "Dewi, A. A. S."),
        ("Demo Guideline Development Group", "Demo Guideline Development Group"),
    ],
)
def test_apa_names(name: str, apa: str) -> None:
    assert export.apa_name(name) == apa


def test_apa_author_lists() -> None:
    assert export.apa_authors([]) == ""
    assert export.apa_authors(["Helen M. Carter", "David Osei"]) == "Carter, H. M., & Osei, D."
    three = export.apa_authors(["A B", "C D", "E F"])
    assert three == "B, A., D, C., & F, E."
    many = export.apa_authors([f"Given{i} Family{i}" for i in range(25)])
    assert many.count(",") > 19 and ". . . Family24, G." in many and "Family19" not in many


def test_apa_reference() -> None:
    ref = export.apa_reference(TRIAL, "en")
    assert ref.startswith("Whitfield, T. J., Nwosu, A., & Demo Guideline Development Group (2022). Brief motivational")
    assert ref.endswith("Demo Journal of Social Work_Practice. https://doi.org/10.5555/demo.2022.088")
    case = export.apa_reference(CASE, "id")
    assert case == "Kusumawardani, R. (t.t.). Menyusun rencana keselamatan bersama ibu korban KDRT [Studi kasus]."
    assert "(n.d.)" in export.apa_reference(CASE, "en") and "[Case study]" in export.apa_reference(CASE, "en")


def test_markdown_handout_escapes_pdf_text_and_keeps_the_order() -> None:
    md = export.to_markdown(LIST, "id")
    assert md.startswith("# Pelatihan KDRT & NAPZA\n")
    assert md.index("Brief motivational") < md.index("Menyusun rencana") < md.index("HYPERLINK")
    assert "**Tingkat bukti 2: Uji acak terkontrol**" in md
    assert "*Demo Journal of Social Work\\_Practice*" in md  # the journal in italics, its underscore escaped
    assert "\\*bold\\*" in md and "\\[link\\](http://x)" in md and "\\<script\\>" in md
    assert "Baca terutama hlm. 3, 4" in md and "Catatan: Read the results" in md
    assert "## Tingkat bukti (1 = terkuat)" in md


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_handout_is_escaped_and_complete() -> None:
    page = export.to_html(LIST, "en")
    parser = _Collect()
    parser.feed(page)
    assert "script" not in parser.tags  # the title's <script> is text, not markup
    text = "".join(parser.text)
    assert "<script>alert(1)</script>" in text
    assert "Level of evidence 2: Randomised controlled trial" in text
    assert parser.tags.count("li") == 3 + 8  # three items, then the legend of eight levels
    assert '<html lang="en">' in page and "<i>Demo Journal of Social Work_Practice</i>" in page


def test_ris_round_trip_with_rispy() -> None:
    records = rispy.loads(export.to_ris(LIST.items))
    assert len(records) == 3
    trial, case, hostile = records
    assert trial["type_of_reference"] == "JOUR" and case["type_of_reference"] == "RPRT"
    assert trial["title"] == TRIAL.title
    assert trial["authors"] == ["Whitfield, Thomas J.", "Nwosu, Amara", "Demo Guideline Development Group"]
    assert trial["secondary_title"] == TRIAL.journal and trial["year"] == "2022" and trial["doi"] == TRIAL.doi
    assert trial["keywords"] == ["rct"] and trial["language"] == "en"
    assert "Level of evidence 2" in trial["notes"][0] and "{usual care}" in trial["notes"][0]
    assert "year" not in case and case["authors"] == ["Kusumawardani, Ratih"]
    assert hostile["title"] == HOSTILE.title
    assert export.to_ris([]) == ""


def test_ris_values_stay_on_one_line() -> None:
    broken = ReadingItem(path="y.pdf", title="Line one\nER  - \nTY  - JOUR", note="a\nb")
    records = rispy.loads(export.to_ris([broken]))
    assert len(records) == 1 and records[0]["title"] == "Line one ER - TY - JOUR"


def test_bibtex_round_trip_with_bibtexparser() -> None:
    text = export.to_bibtex([*LIST.items, TRIAL])
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert not library.failed_blocks
    entries = library.entries
    assert [e.entry_type for e in entries] == ["article", "misc", "article", "article"]
    keys = [e.key for e in entries]
    assert len(set(keys)) == 4 and keys[0] == "whitfield2022brief" and keys[3] == "whitfield2022briefa"
    trial = entries[0].fields_dict
    assert trial["title"].value == TRIAL.title  # "&" and "%" escaped in the file, decoded back
    assert trial["journal"].value == TRIAL.journal
    assert trial["author"].value == "Whitfield, Thomas J. and Nwosu, Amara and Demo Guideline Development Group"
    assert "and {Demo Guideline Development Group}" in text  # braced: one name, not "family, given"
    assert trial["year"].value == "2022" and trial["doi"].value == TRIAL.doi
    assert "{usual care}" in trial["note"].value
    assert "year" not in entries[1].fields_dict
    assert entries[2].fields_dict["title"].value == HOSTILE.title


def test_csv_round_trip_and_no_formulas() -> None:
    rows = list(csv.DictReader(io.StringIO(export.to_csv(LIST.items, "id"))))
    assert list(rows[0]) == list(export.CSV_COLUMNS)
    assert [r["position"] for r in rows] == ["1", "2", "3"]
    assert rows[0]["authors"] == "Thomas J. Whitfield; Amara Nwosu; Demo Guideline Development Group"
    assert rows[0]["level"] == "2" and rows[0]["level_label"] == "Uji acak terkontrol" and rows[0]["pages"] == "3, 4"
    assert rows[1]["year"] == "" and rows[1]["doc_type"] == "case_study"
    assert rows[2]["title"].startswith("'=HYPERLINK")  # a spreadsheet shows it, never runs it


def test_file_stem() -> None:
    assert export.file_stem("Pelatihan KDRT & NAPZA") == "pelatihan-kdrt-napza"
    assert export.file_stem("../../") == "reading-list"
    assert export.file_stem("Bacaan: Lansia (2026)") == "bacaan-lansia-2026"
