"""The pages a passage came from, as a small PDF of their own: to open, print or hand out.

A practitioner who reads "p. 4" on a result card wants that page, not a 30-page article to
scroll through. ``page_excerpt`` copies the pages with pypdf (text, images and fonts stay as
they are; nothing is re-rendered).
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from pypdf import PdfReader, PdfWriter

log = logging.getLogger(__name__)


def page_excerpt(path: Path, first: int, last: int | None = None) -> bytes | None:
    """Pages ``first``..``last`` (1-based, inclusive) of the PDF at ``path`` as a new PDF.

    None when the file is not a readable PDF, needs a password, or lacks those pages: the caller
    then offers the whole file instead.
    Example: ``page_excerpt(Path("corpus/report.pdf"), 3)`` → the bytes of a one-page PDF
    """
    last = first if last is None else last
    if path.suffix.lower() != ".pdf" or first < 1 or last < first:
        return None
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            return None
        if last > len(reader.pages):
            return None
        writer = PdfWriter()
        for number in range(first, last + 1):
            writer.add_page(reader.pages[number - 1])
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds of errors on damaged files
        log.info("no page excerpt from %s: %s", path, exc)
        return None
