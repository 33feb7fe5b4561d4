"""Clean passages (issue 15.8): no running headers or footers, author lines, DOIs, demo banner or Markdown
marks in what is indexed and shown, the body text kept whole, pages and sections still right."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import shared_path

from ebp import ingest
from ebp.config import Settings
from ebp.index.store import Store
from ebp.ingest import chunk as chunk_module
from ebp.ingest.chunk import chunk
from ebp.ingest.clean import clean_pages, clean_passage, noise_lines
from ebp.ingest.parse import parse_file
from ebp.types import ChunkSizes, Page, Section

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
BANNER = re.compile(r"DEMO\s*-|konten ilustratif|illustrative content", re.IGNORECASE)


def _page(n: int, subject: str) -> str:
    body = " ".join(f"Page {n} sentence {i} says that {subject} helped the family with marker{n}." for i in range(12))
    return f"Journal of Community Practice 12(3)\n{body}\nHarsono et al. Page {n} of 4"


def test_running_header_footer_authors_and_doi_leave_the_passages(
    tmp_path: Path, make_pdf, fake_embedder, settings: Settings
) -> None:
    first = (
        "Home visits for older people living alone\nAnna K. Harsono, Budi Santoso, Citra Dewi\n"
        "DOI: 10.1234/jcp.2024.001\nAbstract\n" + _page(1, "the home visit").split("\n", 1)[1]
    )
    pages = [first, _page(2, "the social worker"), "Methods\n" + _page(3, "the interview"), _page(4, "respite care")]
    make_pdf(tmp_path / "corpus" / "visits.pdf", pages)
    report = ingest.ingest(tmp_path / "corpus", settings, fake_embedder)
    assert report.documents == 1 and report.passages >= 2
    store = Store.open_existing(settings.index_dir)
    (doc,) = store.all_documents(store.generation())
    passages = store.passages_of_document(doc.doc_id)
    text = " ".join(p.text for p in passages)
    for noise in ("Journal of Community Practice", "Page 2 of 4", "Harsono et al.", "Budi Santoso", "10.1234"):
        assert noise not in text
    assert text.startswith("Home visits for older people living alone")  # the title stays
    for n in range(1, 5):  # every page's own words are still there, on that page
        assert any(f"marker{n}" in p.text and p.page_start <= n <= p.page_end for p in passages)
    assert {Section.ABSTRACT, Section.METHODS} <= {p.section for p in passages}
    assert doc.info.doi == "10.1234/jcp.2024.001"  # the description still reads the uncleaned first page


def test_markdown_case_study_keeps_its_headings_as_sections_without_marks(tmp_path: Path) -> None:
    md = tmp_path / "kasus.md"
    md.write_text(
        "---\ntitle: Ibu S.\ndoc_type: case_study\n---\n\n# Menyusun rencana keselamatan bersama Ibu S.\n\n"
        "DEMO - konten ilustratif untuk ebp; bukan temuan penelitian nyata\n\n## Asesmen\n\n"
        + "Pekerja sosial menilai **risiko** kekerasan bersama Ibu S. di rumah aman. " * 25
        + "\n\n## Intervensi\n\n"
        + "Rencana keselamatan disusun dengan [pendamping hukum](https://example.org) dan keluarga. " * 25,
        encoding="utf-8",
    )
    passages = chunk(parse_file(md, tmp_path).pages)
    text = " ".join(p.text for p in passages)
    assert "#" not in text and "**" not in text and "](" not in text and not BANNER.search(text)
    assert "Menyusun rencana keselamatan bersama Ibu S." in text and "pendamping hukum dan keluarga" in text
    assert {Section.ASSESSMENT, Section.INTERVENTION} <= {p.section for p in passages}


@pytest.mark.parametrize("path", sorted(p for p in CORPUS.rglob("*") if p.suffix in {".pdf", ".md"}), ids=str)
def test_demo_corpus_passages_have_no_banner_doi_or_author_line(path: Path) -> None:
    if path.name == "README.md":
        pytest.skip("the corpus's own README is not a document")
    doc = parse_file(path, CORPUS)
    passages = chunk(doc.pages)
    assert passages
    text = " ".join(p.text for p in passages)
    assert not BANNER.search(text) and "DOI" not in text and "10.5555" not in text and "#" not in text
    assert not re.search(r"(?:Jurnal|Journal|Review|Bulletin)[^.]*, 20\d\d, \d+\(\d\)", text)  # citation line
    head = " ".join(doc.pages[0].text.split("\n")[:6])
    authors = re.search(r"\n([A-Z][^\n]*, [A-Z][^\n]*)\n(?:Demo|Jurnal)", doc.pages[0].text)
    if authors:  # the PDFs' author line: "Marcus O. Bell, Siobhan Keane, Rafael Mendes"
        assert authors.group(1) in head and authors.group(1) not in text


OLD = (
    "# Pre-court diversion and reoffending among young people: a five-year prospective cohort study Marcus O. Bell, "
    "Siobhan Keane, Rafael Mendes Demo Journal of Social Work Practice, 2021, 3(1): 22-36 DOI: 10.5555/demo.2021.022 "
    "DEMO - illustrative content written for ebp; not real research findings Aims: To compare **reoffending**."
)


def test_clean_passage_strips_the_noise_of_an_old_passage() -> None:
    authors, journal = ("Marcus O. Bell", "Siobhan Keane", "Rafael Mendes"), "Demo Journal of Social Work Practice"
    assert clean_passage(OLD, authors, journal) == (
        "Pre-court diversion and reoffending among young people: a five-year prospective cohort study "
        "Aims: To compare reoffending."
    )
    without_metadata = clean_passage(OLD)
    assert "DOI" not in without_metadata and "DEMO" not in without_metadata and "#" not in without_metadata
    assert clean_passage("Studi kasus ini DEMO - konten ilustratif untuk ebp; bukan temuan penelitian nyata ok") == (
        "Studi kasus ini ok"
    )


def test_clean_passage_leaves_body_text_alone() -> None:
    body = "As Marcus O. Bell argued in Demo Journal of Social Work Practice in 2019, C# and item #1 matter (p < .05*)."
    assert clean_passage(body, ("Marcus O. Bell", "Siobhan Keane"), "Demo Journal of Social Work Practice") == body
    assert clean_passage("") == ""


def test_what_is_not_noise_stays() -> None:
    statute = [
        Page(1, "UNDANG-UNDANG REPUBLIK INDONESIA\nNOMOR 11 TAHUN 2009\nTENTANG\nKESEJAHTERAAN SOSIAL\nPasal 1"),
        *(
            Page(n, f"- {n} -\nPasal {n + 2}\nSetiap orang berhak atas layanan {n}.\nPasal {n + 5} . . .")
            for n in (2, 3)
        ),
        Page(4, "- 4 -\nPasal 9\nCukup jelas."),
    ]
    dropped = [line for lines in noise_lines(statute).values() for line in lines]
    assert dropped == ["- 2 -", "- 3 -", "- 4 -"]
    title = [
        Page(1, "Loneliness in Later Life:\nSocial Work, Mental Health and Older People\nAbstract\nWe asked 40 carers.")
    ]
    assert clean_pages(title) == title  # a title in capitals is not an author line without initials or marks
    twice = [Page(n, "Social workers visited the family every week.\nMore text.") for n in (1, 2)]
    assert clean_pages(twice) == twice  # two pages are too few to call a repeated line a running header


def test_alternating_running_headers_with_page_numbers() -> None:
    pages = [Page(1, "Title of the paper\nBody one.")]
    for n in range(2, 9):
        header = f"{146 + n} A. Sundstrom et al." if n % 2 == 0 else f"Life events and dementia {146 + n}"
        pages.append(
            Page(n, f"{header}\nThe carers of family {'ABCDEFGH'[n - 1]} were interviewed.\nTable {n % 3 + 1}")
        )
    cleaned = clean_pages(pages)
    assert all("Sundstrom" not in p.text and "Life events" not in p.text for p in cleaned)
    assert all(f"family {'ABCDEFGH'[p.number - 1]} " in p.text and "Table" in p.text for p in cleaned[1:])


REAL = {  # file → (noise that must go, text that must stay)
    "en/en_cermine_example1_intl_psychogeriatrics.pdf": ("A. Sundström et al.", "Stressful life events"),
    "en/en_cermine_example2_healthcare_QI_malawi.pdf": ("Page 3 of 10", "quality improvement"),
    "en/en_cermine_example3_clinical_science_ACE.pdf": ("Journal compilation", "angiotensin"),
    "en/en_cermine_test1_trauma_DVT_systematic_review.pdf": ("Page 10 of 11", "thromboprophylaxis"),
    "en/en_cermine_test2_heart_failure_patient_experiences.pdf": ("Received 9 November 2010", "Structured"),
    "en/en_grobid_Wang_AVE2008.pdf": ("neumann@dfki.de", "Answer Validation"),
    "id/id_UU_11_2009_Kesejahteraan_Sosial.pdf": ("- 2 -", "NOMOR 11 TAHUN 2009"),
    "id/id_UU_23_2004_PKDRT_kekerasan_rumah_tangga.pdf": ("DEMO", "Pasal 4"),
    "id/id_putusan_MA_814_K_Pdt_2019.pdf": ("Direktori Putusan", "Mahkamah Agung"),
}


def _words(texts: list[str]) -> Counter[str]:
    return Counter(w for t in texts for w in re.findall(r"[^\W\d_]{2,}", t))


@pytest.mark.parametrize("rel", sorted(REAL))
def test_real_pdfs_lose_their_apparatus_and_keep_their_body_text(rel: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = shared_path("data", "pdfs", "real", rel)
    doc = parse_file(path, path.parent)
    sizes = ChunkSizes(overlap=0)  # passages that partition the text, so that words can be counted
    passages = chunk(doc.pages, sizes)
    text = " ".join(p.text for p in passages)
    gone, kept = REAL[rel]
    assert gone not in text and kept in text
    assert all(1 <= p.page_start <= p.page_end <= len(doc.pages) for p in passages)
    monkeypatch.setattr(chunk_module, "clean_pages", list)
    raw = _words([p.text for p in chunk(doc.pages, sizes)])
    body = raw - _words([line for lines in noise_lines(doc.pages).values() for line in lines])
    assert sum((body & _words([p.text for p in passages])).values()) >= 0.97 * sum(body.values())
