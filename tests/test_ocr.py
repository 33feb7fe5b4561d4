"""OCR of scanned PDFs: image-only PDFs made here (text drawn with Pillow, placed with fpdf2), the
scans among ../shared/data/pdfs/edge, and the worker's OCR switch. Tests that need Tesseract skip
with a message where it is not installed."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import require_system

from ebp.errors import NoTextError, OcrError
from ebp.ingest.isolate import IsolatedParser
from ebp.ingest.ocr import DEFAULT_LANGUAGES, ocr_available, ocr_pdf
from ebp.ingest.read import Limits, read_document

EDGE_FILES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "pdfs" / "edge" / "files"


@pytest.fixture
def _tesseract() -> None:
    require_system(
        ocr_available(),
        f"OCR (tesseract with {DEFAULT_LANGUAGES}, poppler-utils, pytesseract)",
        "apt-get install tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng poppler-utils",
    )


needs_tesseract = pytest.mark.usefixtures("_tesseract")

ENGLISH = ["Family support programmes", "reduce child neglect", "in randomised trials."]
INDONESIAN = ["Dukungan keluarga", "mengurangi penelantaran anak", "di desa dan kota."]


def scanned_pdf(path: Path, pages: Sequence[Sequence[str]], password: str | None = None) -> Path:
    """A PDF whose pages are only pictures of text, as a scanner makes them: no text layer at all."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    pdf = FPDF()
    if password is not None:
        pdf.set_encryption(owner_password="owner-secret", user_password=password)
    font = ImageFont.load_default(size=44)  # Pillow's own font: no system fonts needed
    for number, lines in enumerate(pages, start=1):
        picture = Image.new("L", (1400, 90 * len(lines) + 100), 255)
        draw = ImageDraw.Draw(picture)
        for row, line in enumerate(lines):
            draw.text((60, 50 + 90 * row), line, font=font, fill=0)
        png = path.with_name(f"{path.stem}-{number}.png")
        picture.save(png)
        pdf.add_page()
        pdf.image(str(png), x=15, y=20, w=180)
    pdf.output(str(path))
    return path


def words(text: str) -> set[str]:
    return {w.strip(".,").lower() for w in text.split()}


@needs_tesseract
def test_english_and_indonesian_scans_are_read_page_by_page(tmp_path: Path) -> None:
    pdf = scanned_pdf(tmp_path / "scan.pdf", [ENGLISH, INDONESIAN])
    pages = ocr_pdf(pdf)
    assert [p.number for p in pages] == [1, 2]
    assert {"family", "support", "neglect", "randomised"} <= words(pages[0].text)
    assert {"dukungan", "keluarga", "penelantaran", "anak", "desa"} <= words(pages[1].text)
    assert "  " not in pages[0].text and pages[0].text == pages[0].text.strip()  # normalised


@needs_tesseract
def test_max_pages_reads_only_the_first_pages(tmp_path: Path) -> None:
    pdf = scanned_pdf(tmp_path / "scan.pdf", [ENGLISH, INDONESIAN])
    (page,) = ocr_pdf(pdf, max_pages=1)
    assert page.number == 1 and "neglect" in page.text


@needs_tesseract
def test_ocr_errors_are_parse_errors_with_a_reason(tmp_path: Path) -> None:
    not_a_pdf = tmp_path / "notes.pdf"
    not_a_pdf.write_text("just some words")
    with pytest.raises(OcrError, match="could not be opened"):
        ocr_pdf(not_a_pdf)
    pdf = scanned_pdf(tmp_path / "scan.pdf", [ENGLISH])
    with pytest.raises(OcrError, match="ran out of time"):
        ocr_pdf(pdf, timeout=0.05)
    with pytest.raises(ValueError, match="dpi"):
        ocr_pdf(pdf, dpi=0)


def test_without_tesseract_ocr_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract, pdftoppm or pdfinfo to be found
    assert not ocr_available()
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(OcrError, match="apt-get install tesseract-ocr"):
        ocr_pdf(pdf)


def test_switched_on_without_tesseract_the_scan_stays_no_text_layer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = scanned_pdf(tmp_path / "scan.pdf", [ENGLISH])
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(NoTextError, match="switched on but not installed.*tesseract-ocr-ind") as caught:
        read_document(pdf, tmp_path, limits=Limits(ocr=True))
    assert caught.value.status == "no_text_layer"


@needs_tesseract
def test_the_worker_reads_a_scan_only_when_ocr_is_switched_on(tmp_path: Path) -> None:
    (tmp_path / "studi_kasus").mkdir()
    pdf = scanned_pdf(tmp_path / "studi_kasus" / "scan.pdf", [INDONESIAN, ENGLISH])
    with IsolatedParser(Limits(seconds=30)) as parser:
        (off,) = parser.parse_many([pdf], tmp_path)
    assert off.status == "no_text_layer"
    with IsolatedParser(Limits(seconds=30, ocr=True)) as parser:
        (on,) = parser.parse_many([pdf], tmp_path)
    assert on.status == "ok", on.result
    doc = on.result
    assert doc.metadata == {"ocr": "tesseract"}  # type: ignore[union-attr]
    assert doc.rel_path == "studi_kasus/scan.pdf" and doc.doc_type == "case_study"  # type: ignore[union-attr]
    assert [p.number for p in doc.pages] == [1, 2]  # type: ignore[union-attr]
    assert "penelantaran" in doc.pages[0].text and "neglect" in doc.pages[1].text  # type: ignore[union-attr]


@needs_tesseract
def test_a_password_protected_scan_is_read_with_its_password(tmp_path: Path) -> None:
    pdf = scanned_pdf(tmp_path / "locked.pdf", [ENGLISH], password="rahasia")
    with IsolatedParser(Limits(seconds=30, ocr=True), passwords={"locked.pdf": "rahasia"}) as parser:
        (outcome,) = parser.parse_many([pdf], tmp_path)
    assert outcome.status == "ok", outcome.result
    assert "neglect" in outcome.result.pages[0].text  # type: ignore[union-attr]


# The scans among the shared edge-case PDFs: file -> a word OCR must find, or None when the scan
# holds (almost) no text and must stay no_text_layer with a reason that says OCR was tried.
EDGE_SCANS: dict[str, str | None] = {
    "docling_scanned_rotated_90.pdf": "markdown",  # turned sideways: read only with orientation detection
    "pypdf_encrypted_no_ID.pdf": "patent",  # page 2 is a scanned patent page
    "pdfjs_scan_bad.pdf": None,  # the scan says only "pdf.js"
    "pysample_image_only_CCITTfax.pdf": None,  # a 16 x 16 pixel image
}
# pysample_image_only_imagemagick.pdf is six more such pages: 5 s of Tesseract start-ups for nothing new.


@needs_tesseract
def test_the_shared_scans_yield_their_text() -> None:
    if not EDGE_FILES.is_dir():
        pytest.skip(f"shared edge-case PDFs not available: {EDGE_FILES}")
    started = time.monotonic()
    with IsolatedParser(Limits(seconds=30, ocr=True), workers=2) as parser:
        outcomes = {o.path.name: o for o in parser.parse_many([EDGE_FILES / n for n in EDGE_SCANS], EDGE_FILES)}
    for name, word in EDGE_SCANS.items():
        outcome = outcomes[name]
        if word is None:
            assert outcome.status == "no_text_layer", outcome.result
            assert "even with OCR" in str(outcome.result)
        else:
            assert outcome.status == "ok", outcome.result
            text = " ".join(p.text for p in outcome.result.pages).lower()  # type: ignore[union-attr]
            assert word in text, text
    assert time.monotonic() - started < 60  # four small scans on two workers
