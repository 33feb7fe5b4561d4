"""A page of a PDF as a picture, with the matched passage marked, to read the evidence where it is.

PDFium (``pypdfium2``, the engine of Chrome's PDF viewer, as a wheel with no system dependency) draws
the page and tells where each character sits. The passage ebp matched is found on the page by its
letters and digits alone (PDF text and the indexed text differ in spaces, hyphens and ligatures), and
the lines it covers are marked in yellow, the way a reader marks a printed page. A Markdown, Word or text
file's page is shown as its text (``page_html``), cleaned as passages are.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ebp.ingest.clean import clean_pages
from ebp.present.cards import highlight
from ebp.types import Page

SCALE = 1.6  # pixels per PDF point: readable on a laptop screen, ~150 kB a page
ANCHOR = 48  # letters and digits of the passage's start (and end) looked for on the page
_KEEP = re.compile(r"[^\W_]", re.UNICODE)


@dataclass(frozen=True)
class PageImage:
    png: bytes
    page: int  # 1-based
    pages: int  # pages in the document
    marked: bool  # the passage was found and marked


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def render_page(path: Path, page: int, passage: str = "", scale: float = SCALE) -> PageImage:
    """Page ``page`` (1-based) of the PDF at ``path`` as PNG, with ``passage`` marked where it is found.

    Raises ``ValueError`` for a page outside the document and ``OSError`` for a file PDFium cannot open.
    Example: ``render_page(Path("a.pdf"), 2, "Home visits reduced loneliness").marked``
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise OSError(f"the PDF cannot be shown: {exc}") from exc
    try:
        if not 1 <= page <= len(pdf):
            raise ValueError(f"page {page} is outside the document's {len(pdf)} pages")
        pdf_page = pdf[page - 1]
        image = pdf_page.render(scale=scale).to_pil().convert("RGB")
        boxes = passage_boxes(pdf_page, passage) if passage.strip() else []
        if boxes:
            _mark(image, boxes, pdf_page.get_height(), scale)
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=True)
        return PageImage(out.getvalue(), page, len(pdf), bool(boxes))
    finally:
        pdf.close()


def passage_boxes(pdf_page: Any, passage: str) -> list[tuple[float, float, float, float]]:
    """The text rectangles (left, bottom, right, top in PDF points) of ``passage`` on the page; [] if not found."""
    text_page = pdf_page.get_textpage()
    try:
        chars = text_page.count_chars()
        page_text = text_page.get_text_range(0, chars) if chars else ""
        span = locate(page_text, passage)
        if span is None:
            return []
        start, end = span
        count = text_page.count_rects(start, end - start)
        return [text_page.get_rect(i) for i in range(count)]
    finally:
        text_page.close()


def locate(page_text: str, passage: str) -> tuple[int, int] | None:
    """Where ``passage`` lies in ``page_text`` as (start, end) character offsets, comparing letters and digits
    only (case-folded); the passage's start and end are looked for separately, so a passage that runs onto the
    next page is marked from its start to the foot of this page.

    Example: ``locate("Intro.  Home-visits  re-\\nduced it. End", "home visits reduced it") == (8, 33)``
    """
    letters, where = [], []
    for i, ch in enumerate(page_text):
        if _KEEP.match(ch):
            letters.append(ch.casefold())
            where.append(i)
    flat = "".join(letters)
    wanted = "".join(ch.casefold() for ch in passage if _KEEP.match(ch))
    if len(wanted) < 12 or not flat:
        return None
    head = flat.find(wanted[:ANCHOR])
    if head < 0:
        return None
    tail_text = wanted[-ANCHOR:]
    tail = flat.find(tail_text, head)
    stop = tail + len(tail_text) if tail >= 0 else min(len(flat), head + len(wanted))
    return where[head], where[stop - 1] + 1


def _mark(image: Any, boxes: list[tuple[float, float, float, float]], height: float, scale: float) -> None:
    from PIL import Image, ImageDraw

    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for left, bottom, right, top in boxes:
        draw.rectangle(
            ((left * scale - 2, (height - top) * scale - 2), (right * scale + 2, (height - bottom) * scale + 2)),
            fill=(255, 221, 0, 90),
        )
    image.paste(Image.alpha_composite(image.convert("RGBA"), layer).convert("RGB"))


def page_html(text: str, terms: frozenset[str], lang: str) -> str:
    """A text file's page as HTML paragraphs (headings apart), without what passages leave out
    (Markdown marks, the demo banner, author lines), the words that share a stem with ``terms`` marked.

    Example: ``page_html("# Kasus\n\nIbu S. datang.", frozenset(), "id") == "<p>Kasus</p><p>Ibu S. datang.</p>"``
    """
    apart = re.sub(r"^(\s{0,3}#{1,6}\s.*)$", r"\n\1\n", text, flags=re.MULTILINE)  # a heading is its own paragraph
    cleaned = clean_pages([Page(1, apart)])[0].text
    paragraphs = re.split(r"\n\s*\n", cleaned)  # lines wrapped inside a paragraph flow together again
    return "".join(f"<p>{highlight(p, terms, lang)}</p>" for p in paragraphs if p.strip())
