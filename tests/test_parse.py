from pathlib import Path

import pytest

from ebp.errors import EmptyFileError, EncryptedError, NotAPdfError, NoTextError, ParseError, UnsupportedError
from ebp.ingest.parse import normalize_text, parse_file
from ebp.types import DocType


def test_pdf_pages_are_numbered_from_one(tmp_path: Path, make_pdf) -> None:
    path = make_pdf(tmp_path / "a.pdf", ["first page words here", "second page words here", "third page zebra"])
    doc = parse_file(path, tmp_path)
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert "zebra" in doc.pages[2].text and "zebra" not in doc.pages[0].text
    assert doc.doc_type is DocType.JOURNAL_ARTICLE
    assert doc.rel_path == "a.pdf"


def test_pdf_metadata_is_read(tmp_path: Path, make_pdf) -> None:
    path = make_pdf(tmp_path / "a.pdf", ["some body text for the page"], title="A Real Title", author="Sari Dewi")
    doc = parse_file(path, tmp_path)
    assert doc.metadata["title"] == "A Real Title"
    assert doc.metadata["author"] == "Sari Dewi"


def test_encrypted_pdf_needs_password(tmp_path: Path, make_pdf) -> None:
    path = make_pdf(tmp_path / "locked.pdf", ["secret text on the page"], user_password="s3cret")
    with pytest.raises(EncryptedError, match="password"):
        parse_file(path, tmp_path)


def test_pdf_with_empty_user_password_opens(tmp_path: Path, make_pdf) -> None:
    path = make_pdf(tmp_path / "owner_only.pdf", ["readable text without a password"], user_password="")
    assert "readable text" in parse_file(path, tmp_path).pages[0].text


def test_not_a_pdf_and_corrupt_and_empty(tmp_path: Path) -> None:
    (tmp_path / "fake.pdf").write_text("hello, I am a text file")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage")
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG....")
    with pytest.raises(NotAPdfError):
        parse_file(tmp_path / "fake.pdf", tmp_path)
    with pytest.raises(ParseError) as info:
        parse_file(tmp_path / "broken.pdf", tmp_path)
    assert info.value.status == "corrupt"
    with pytest.raises(EmptyFileError):
        parse_file(tmp_path / "empty.pdf", tmp_path)
    with pytest.raises(UnsupportedError):
        parse_file(tmp_path / "image.png", tmp_path)


def test_pdf_without_text_is_flagged_for_ocr(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50, style="F")  # a drawing, no text: like a scan
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(NoTextError, match="OCR"):
        parse_file(tmp_path / "scan.pdf", tmp_path)


def test_case_study_rule_folder_and_front_matter(tmp_path: Path) -> None:
    folder = tmp_path / "case_studies"
    folder.mkdir()
    (folder / "kasus.txt").write_text("Seorang anak berusia 9 tahun ditelantarkan oleh orang tuanya di desa.")
    (tmp_path / "note.md").write_text("---\ntitle: Catatan\ndoc_type: case_study\n---\n# Kasus\nIbu A mengalami KDRT.")
    (tmp_path / "article.md").write_text("# Article\nA plain note about elderly care at home and respite.")
    assert parse_file(folder / "kasus.txt", tmp_path).doc_type is DocType.CASE_STUDY
    note = parse_file(tmp_path / "note.md", tmp_path)
    assert note.doc_type is DocType.CASE_STUDY
    assert note.metadata["title"] == "Catatan"
    assert "doc_type" not in note.pages[0].text  # front matter is not body text
    assert parse_file(tmp_path / "article.md", tmp_path).doc_type is DocType.JOURNAL_ARTICLE


def test_text_form_feed_starts_a_page(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("page one text is here\fpage two text is here")
    assert [p.number for p in parse_file(tmp_path / "notes.txt", tmp_path).pages] == [1, 2]


def test_docx_is_read(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Studi kasus", level=1)
    document.add_paragraph("Pekerja sosial mendampingi keluarga penerima bantuan tunai bersyarat.")
    document.save(str(tmp_path / "kasus.docx"))
    doc = parse_file(tmp_path / "kasus.docx", tmp_path)
    assert "bantuan tunai" in doc.pages[0].text


def test_normalize_text() -> None:
    assert normalize_text("inter-\nvention  \ufb01ts") == "intervention fits"
    assert normalize_text("Self-\nEfficacy") == "Self-\nEfficacy"  # a capital after the break: a real hyphen
    assert normalize_text("a\x00b\u00a0c") == "ab c"
