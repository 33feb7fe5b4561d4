"""The matched page inside the app (issue 15.11): a real PDF page drawn by PDFium with the passage marked."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from ebp.present.page_view import locate, page_count, render_page


def test_locate_compares_letters_and_digits_only() -> None:
    page = "Intro.  Home-visits  re-\nduced loneliness by 12 %. End of page."
    start, end = locate(page, "home visits reduced loneliness by 12%") or (0, 0)
    assert page[start:end] == "Home-visits  re-\nduced loneliness by 12"
    assert locate(page, "a passage that is elsewhere entirely") is None
    assert locate(page, "Intro") is None  # too short to place with confidence


def test_a_page_is_drawn_with_its_passage_marked(tmp_path: Path, make_pdf) -> None:  # type: ignore[no-untyped-def]
    passage = "Weekly home visits reduced loneliness among older people who live alone."
    pdf = make_pdf(tmp_path / "a.pdf", ["First page about something else. " * 20, "Results\n" + passage * 3])
    assert page_count(pdf) == 2
    plain = render_page(pdf, 2)
    marked = render_page(pdf, 2, passage)
    assert marked.marked and not plain.marked and (marked.page, marked.pages) == (2, 2)
    a, b = (Image.open(io.BytesIO(x.png)).convert("RGB") for x in (plain, marked))
    assert a.size == b.size and a.tobytes() != b.tobytes()  # yellow where the passage is
    assert not render_page(pdf, 1, passage).marked  # not on page 1: nothing marked
    with pytest.raises(ValueError):
        render_page(pdf, 3)
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    with pytest.raises(OSError):
        render_page(tmp_path / "bad.pdf", 1)


def test_a_text_files_page_is_shown_cleaned_in_paragraphs_with_the_case_words_marked() -> None:
    """Seen in the English walk: a Markdown case study's page showed '#', '##' and the demo banner in one block."""
    from ebp.present.page_view import page_html

    text = (
        "# Working with self-neglect: an older man living alone\n"
        "DEMO - illustrative content written for ebp; not real research findings\n\n"
        "## Summary\nThis case study follows an 81-year-old man whose home had become unsafe.\n\n"
        "## Background\nMr H. had lived alone since his wife died."
    )
    shown = page_html(text, frozenset({"home"}), "en")
    assert "#" not in shown and "DEMO" not in shown
    assert shown.count("<p>") == 5 and "<mark>home</mark>" in shown
    assert shown.startswith("<p>Working with self-neglect: an older man living alone")
