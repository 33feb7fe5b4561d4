"""Page excerpts: the pages of a hit as their own PDF."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from ebp.present.excerpt import page_excerpt


def test_excerpt_holds_exactly_the_asked_pages(tmp_path: Path, make_pdf) -> None:
    pdf = make_pdf(tmp_path / "a.pdf", ["Halaman satu", "Halaman dua tentang lansia", "Halaman tiga"])
    one = PdfReader(io.BytesIO(page_excerpt(pdf, 2) or b""))
    assert len(one.pages) == 1 and "lansia" in one.pages[0].extract_text()
    two = PdfReader(io.BytesIO(page_excerpt(pdf, 2, 3) or b""))
    assert [p.extract_text().split()[1] for p in two.pages] == ["dua", "tiga"]


def test_no_excerpt_for_missing_pages_or_files_that_are_not_pdfs(tmp_path: Path, make_pdf) -> None:
    pdf = make_pdf(tmp_path / "a.pdf", ["Only page"])
    assert page_excerpt(pdf, 2) is None and page_excerpt(pdf, 0) is None
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n garbage")
    assert page_excerpt(broken, 1) is None
    note = tmp_path / "case.md"
    note.write_text("# Kasus")
    assert page_excerpt(note, 1) is None
