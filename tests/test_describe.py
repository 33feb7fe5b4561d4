from pathlib import Path

from ebp.ingest.describe import describe
from ebp.language import detect_language
from ebp.types import DocType, Page, ParsedDocument


def _doc(first_page: str, metadata: dict[str, str] | None = None, name: str = "paper.pdf") -> ParsedDocument:
    return ParsedDocument(Path(name), name, DocType.JOURNAL_ARTICLE, (Page(1, first_page),), metadata or {})


FIRST_PAGE = """Parenting Support for Families in Child Protection Services
Sari Dewi, Budi Santoso and Jane Smith
Demo Journal of Social Work Practice, 2021, 5(2): 14-27
DOI: 10.5555/demo.2021.014.
Abstract
This randomised trial asked whether a group parenting programme reduces harsh discipline."""


def test_first_page_fields() -> None:
    info = describe(_doc(FIRST_PAGE))
    assert info.title == "Parenting Support for Families in Child Protection Services"
    assert info.authors == ("Sari Dewi", "Budi Santoso", "Jane Smith")
    assert info.year == 2021
    assert info.doi == "10.5555/demo.2021.014"
    assert info.journal == "Demo Journal of Social Work Practice"
    assert info.language == "en"


def test_metadata_title_wins_when_real_and_filename_is_last_resort() -> None:
    meta = {"title": "Lansia dan Dukungan Keluarga", "author": "Rina A.; Dedi B."}
    info = describe(_doc("12\n", meta))
    assert info.title == "Lansia dan Dukungan Keluarga"
    assert info.authors == ("Rina A.", "Dedi B.")
    junk = describe(_doc("12\n", {"title": "Microsoft Word - draft3.docx"}, name="studi_kasus_lansia.pdf"))
    assert junk.title == "studi kasus lansia"


def test_language_detection() -> None:
    assert detect_language("Anak korban kekerasan dalam rumah tangga membutuhkan pendampingan psikososial.") == "id"
    assert detect_language("Children exposed to domestic violence need psychosocial support.") == "en"
    assert detect_language("lansia terlantar", ("en", "id")) == "id"
    assert detect_language("   ") == "und"
    assert (
        describe(
            _doc(
                "Judul Penelitian tentang Kemiskinan\nPenelitian ini mengkaji program bantuan tunai "
                "bersyarat bagi keluarga miskin di pedesaan dan dampaknya."
            )
        ).language
        == "id"
    )


def test_front_matter_fields_for_markdown() -> None:
    doc = ParsedDocument(
        Path("kasus.md"),
        "case_studies/kasus.md",
        DocType.CASE_STUDY,
        (Page(1, "Isi kasus."),),
        {"title": "Kasus Ibu A", "authors": "Tim ebp", "year": "2024", "language": "id"},
    )
    info = describe(doc)
    assert (info.title, info.authors, info.year, info.language) == ("Kasus Ibu A", ("Tim ebp",), 2024, "id")
