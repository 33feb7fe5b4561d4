"""Statutes, regulations and court decisions: their own kind, a title from their own text, their year."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import shared_path

from ebp import ingest
from ebp.cli import main
from ebp.index.store import Store
from ebp.ingest.legal import from_file_name, readable, recognise
from ebp.retrieve.search import Searcher
from ebp.types import DocType, Filters


@pytest.mark.parametrize(
    ("head", "title", "year"),
    [
        (
            "UNDANG-UNDANG REPUBLIK INDONESIA\nNOMOR 23 TAHUN 2004\nTENTANG\nPENGHAPUSAN KEKERASAN DALAM RUMAH TANGGA\n"
            "DENGAN RAHMAT TUHAN YANG MAHA ESA",
            "UU No. 23 Tahun 2004 tentang Penghapusan Kekerasan dalam Rumah Tangga",
            2004,
        ),
        (
            "PERATURAN MENTERI SOSIAL REPUBLIK INDONESIA NOMOR 7 TAHUN 2022 TENTANG PENDAMPINGAN SOSIAL BAGI ODGJ "
            "DENGAN RAHMAT TUHAN YANG MAHA ESA MENTERI SOSIAL REPUBLIK INDONESIA,",
            "Permen No. 7 Tahun 2022 tentang Pendampingan Sosial bagi ODGJ",
            2022,
        ),
        (
            "UNDANG – UNDANG REPUBLIK INDONESIA\nNOMOR 5 TAHUN 1997\nTENTANG\nP S I K O T R O P I K A\nDENGAN RAHMAT",
            "UU No. 5 Tahun 1997 tentang Psikotropika",
            1997,
        ),
        (
            "Direktori Putusan Mahkamah Agung\nP U T U S A N\nNomor 690/Pdt.G/2024/PN Jkt.Utr\nDEMI KEADILAN "
            "BERDASARKAN KETUHANAN YANG MAHA ESA\nPengadilan Negeri Jakarta Utara yang memeriksa",
            "Putusan Pengadilan Negeri Jakarta Utara No. 690/Pdt.G/2024/PN Jkt.Utr",
            2024,
        ),
        ("Children and Families Act 2014\nPART 1 ADOPTION AND CONTACT", "Children and Families Act 2014", 2014),
    ],
)
def test_a_legal_document_is_titled_and_dated_by_its_own_form(head: str, title: str, year: int) -> None:
    found = recognise(head)
    assert found is not None and (found.title, found.year) == (title, year)


def test_a_study_of_a_law_is_not_the_law() -> None:
    study = (
        "Implementasi UU Nomor 35 Tahun 2014 tentang Perlindungan Anak di Kabupaten Sleman\n"
        "Abstrak: Penelitian ini menggunakan metode kualitatif dengan wawancara mendalam kepada tujuh informan."
    )
    assert recognise(study) is None
    assert from_file_name("notes_on_UU_reform.pdf") is None
    assert readable("Pekerja sosial menyusun rencana keselamatan bersama ibu.") and not readable(
        "#$%&’#()#(*+%&’%(’%,’"
    )


def test_every_indonesian_statute_and_decision_of_the_shared_set_gets_its_title_and_year() -> None:
    from pypdf import PdfReader

    from ebp.ingest.describe import legal_document
    from ebp.ingest.parse import normalize_text
    from ebp.types import Page, ParsedDocument

    folder = shared_path("data", "pdfs", "real", "id")
    legal = sorted(p for p in folder.glob("*.pdf") if p.name.startswith(("id_UU", "id_putusan")))
    assert len(legal) == 20
    for pdf in legal:  # the first two pages are what ebp reads a legal form from
        pages = tuple(
            Page(i + 1, normalize_text(pg.extract_text() or "")) for i, pg in enumerate(PdfReader(pdf).pages[:2])
        )
        found = legal_document(ParsedDocument(pdf, pdf.name, DocType.JOURNAL_ARTICLE, pages))
        assert found is not None, pdf.name
        assert found.title.startswith(("UU No. ", "PP No. ", "Putusan ")) and str(found.year) in found.title, (
            found.title
        )
        assert "UNDANG-UNDANG REPUBLIK" not in found.title
    paper = folder / "id_paper_GEMASTIK_LAPOR_NER.pdf"
    pages = tuple(Page(i + 1, pg.extract_text() or "") for i, pg in enumerate(PdfReader(paper).pages[:2]))
    assert legal_document(ParsedDocument(paper, paper.name, DocType.JOURNAL_ARTICLE, pages)) is None


def test_statutes_are_indexed_as_their_own_kind_and_filtered_by_it(tmp_path: Path, fake_embedder, settings) -> None:  # type: ignore[no-untyped-def]
    folder = shared_path("data", "pdfs", "real", "id")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("id_UU_23_2004_PKDRT_kekerasan_rumah_tangga.pdf", "id_putusan_PN_JakUtara_690_2024.pdf"):
        (corpus / name).symlink_to(folder / name)
    ingest.ingest(corpus, settings, fake_embedder)
    store = Store.open_existing(settings.index_dir)
    docs = {d.path: d for d in store.all_documents(store.generation())}
    law = docs["id_UU_23_2004_PKDRT_kekerasan_rumah_tangga.pdf"]
    assert law.doc_type is DocType.REGULATION and law.info.year == 2004 and law.appraisal.items == ()
    assert law.info.title == "UU No. 23 Tahun 2004 tentang Penghapusan Kekerasan dalam Rumah Tangga"
    searcher = Searcher(settings.index_dir, fake_embedder)
    only_law = searcher.search("kekerasan dalam rumah tangga", k=20, filters=Filters(doc_type="regulation"))
    assert only_law and all(h.document.doc_type is DocType.REGULATION for h in only_law)


def test_describe_prints_the_legal_kind_and_no_level(capsys: pytest.CaptureFixture[str]) -> None:
    pdf = shared_path("data", "pdfs", "real", "id", "id_UU_35_2014_perlindungan_anak.pdf")
    assert main(["describe", str(pdf)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["doc_type"] == "regulation" and out["year"] == 2014 and out["level"]["name"] == "not_applicable"
    assert out["title"].startswith("UU No. 35 Tahun 2014 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2002")
