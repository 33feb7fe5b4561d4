"""OCR for scanned PDFs: poppler's ``pdftoppm`` renders each page, Tesseract reads it.

Optional, and off unless the user switches it on: it needs the ``tesseract`` program with its
Indonesian and English language data, and ``pdftoppm`` from poppler-utils. ``ebp.ingest.isolate`` calls it
inside the parse worker, so the worker's limits hold for the two programs too (they inherit its
address-space cap, and each is given the time left).

Example::

    if ocr_available():
        pages = ocr_pdf(Path("scan.pdf"))  # [Page(1, "..."), Page(2, "...")]
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ebp.errors import OcrError
from ebp.ingest.parse import normalize_text
from ebp.types import Page

log = logging.getLogger(__name__)

DEFAULT_LANGUAGES = "ind+eng"
INSTALL_HINT = (
    "install Tesseract and poppler-utils (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-ind "
    "tesseract-ocr-eng poppler-utils) and the Python package pytesseract"
)
MAX_SIDE_PX = 6000  # a poster-sized page is rendered smaller: Tesseract gains nothing past this
# Page segmentation with orientation detection (--psm 1), so that a page scanned sideways is turned
# before it is read; the default (--psm 3) reads docling's rotated test scan as reversed gibberish.
_CONFIG = "--psm 1"
_OUT_OF_TIME = "OCR ran out of time: it did not finish within the time limit for one file (raise it for long scans)"
_PAGE_SIZE = re.compile(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts", re.MULTILINE)


def ocr_available(languages: str = DEFAULT_LANGUAGES) -> bool:
    """True when ``pdftoppm``, ``pdfinfo``, ``tesseract``, pytesseract and every language asked for
    (``"ind+eng"``) are installed."""
    return _missing(languages) is None


def ocr_pdf(
    path: Path,
    languages: str = DEFAULT_LANGUAGES,
    dpi: int = 200,
    max_pages: int | None = None,
    *,
    password: str | None = None,
    timeout: float | None = None,
) -> list[Page]:
    """Read the text of a scanned PDF, page by page (numbered from 1; a page that fails is empty).

    ``timeout`` bounds the whole file, in seconds. Raises ``OcrError`` when OCR is not installed,
    the PDF cannot be opened, no page can be read, or the time runs out.
    """
    if dpi <= 0 or (max_pages is not None and max_pages <= 0):
        raise ValueError(f"dpi and max_pages must be positive, got dpi={dpi}, max_pages={max_pages}")
    missing = _missing(languages)
    if missing:
        raise OcrError(f"OCR is not available ({missing}): {INSTALL_HINT}")
    deadline = None if timeout is None else time.monotonic() + timeout
    sizes = _page_sizes(path, password, max_pages, deadline)
    if not sizes:
        raise OcrError("OCR found no pages in the PDF")
    pages: list[Page] = []
    failed = 0
    with tempfile.TemporaryDirectory(prefix="ebp-ocr-") as tmp, _one_thread():
        for number, longest_side in sizes:
            resolution = max(1, min(dpi, int(MAX_SIDE_PX * 72 / max(longest_side, 1.0))))
            try:
                image = _render(path, number, resolution, password, Path(tmp), deadline)
                text = _read(image, languages, deadline)
            except _PageError as exc:
                log.warning("%s: OCR of page %d failed: %s", path.name, number, exc)
                failed += 1
                text = ""
            pages.append(Page(number, normalize_text(text)))
    if failed == len(sizes):
        raise OcrError(f"OCR could not read any of the {len(sizes)} pages")
    return pages


class _PageError(Exception):
    """One page could not be rendered or read; the others may still be."""


def _missing(languages: str) -> str | None:
    """What OCR lacks here, in words, or None."""
    programs = [p for p in ("tesseract", "pdftoppm", "pdfinfo") if shutil.which(p) is None]
    if programs:
        return f"{', '.join(programs)} not found"
    try:
        import pytesseract
    except ImportError:
        return "the Python package pytesseract is not installed"
    try:
        installed = set(pytesseract.get_languages())
    except Exception as exc:  # a broken Tesseract install
        return f"tesseract does not run ({exc})"
    lacking = [lang for lang in languages.split("+") if lang not in installed]
    return f"Tesseract has no language data for {', '.join(lacking)}" if lacking else None


def _remaining(deadline: float | None) -> float | None:
    if deadline is None:
        return None
    left = deadline - time.monotonic()
    if left <= 0:
        raise OcrError(_OUT_OF_TIME)
    return left


def _page_sizes(
    path: Path, password: str | None, max_pages: int | None, deadline: float | None
) -> list[tuple[int, float]]:
    """(page number, longest side in points) for the pages to read, from ``pdfinfo``."""
    # Without -l, pdfinfo gives the size of page 1 only; it stops at the last page by itself.
    last = str(max_pages or 2**31 - 1)
    args = ["pdfinfo", *_password_args(password), "-f", "1", "-l", last, str(path)]
    try:
        done = subprocess.run(args, capture_output=True, timeout=_remaining(deadline), check=False)
    except subprocess.TimeoutExpired as exc:
        raise OcrError(_OUT_OF_TIME) from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit code {done.returncode}"]
        raise OcrError(f"the PDF could not be opened for OCR ({detail[0]})")
    found = _PAGE_SIZE.findall(done.stdout.decode("latin-1"))
    return [(int(n), max(float(w), float(h))) for n, w, h in found]


def _render(path: Path, number: int, dpi: int, password: str | None, folder: Path, deadline: float | None) -> Path:
    """One page as a grey-scale PGM image; each page overwrites the last, so one page is on disk at a time."""
    prefix = folder / "page"
    options = ["-f", str(number), "-l", str(number), "-r", str(dpi), "-gray", "-singlefile"]
    args = ["pdftoppm", *_password_args(password), *options, str(path), str(prefix)]
    try:
        done = subprocess.run(args, capture_output=True, timeout=_remaining(deadline), check=False)
    except subprocess.TimeoutExpired as exc:
        raise OcrError(_OUT_OF_TIME) from exc
    image = prefix.with_suffix(".pgm")
    if done.returncode != 0 or not image.exists():
        raise _PageError(done.stderr.decode("utf-8", "replace").strip()[-200:] or f"exit code {done.returncode}")
    return image


def _read(image: Path, languages: str, deadline: float | None) -> str:
    import pytesseract

    left = _remaining(deadline)
    try:
        # pytesseract's timeout=0 means none; it kills Tesseract when the time is up.
        return str(pytesseract.image_to_string(str(image), lang=languages, config=_CONFIG, timeout=left or 0))
    except (RuntimeError, OSError) as exc:  # TesseractError is a RuntimeError, as is pytesseract's timeout
        if isinstance(exc, RuntimeError) and not isinstance(exc, pytesseract.TesseractError):
            raise OcrError(_OUT_OF_TIME) from exc
        raise _PageError(str(exc)) from exc
    finally:
        image.unlink(missing_ok=True)


def _password_args(password: str | None) -> list[str]:
    # poppler takes the password only on its command line, where local users can see it in `ps`;
    # the file is on this computer anyway, and the password is the user's own.
    return ["-upw", password] if password else []


@contextmanager
def _one_thread() -> Iterator[None]:
    """Run Tesseract on one thread. Its OpenMP threads made a page 2.5 times slower here (4.4 s → 10.9 s,
    2026-11) on two cores, and parse workers already use every core. pytesseract passes ``os.environ``
    to Tesseract and takes no environment of its own, so it is set for the duration of the call."""
    before = os.environ.get("OMP_THREAD_LIMIT")
    os.environ["OMP_THREAD_LIMIT"] = before or "1"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("OMP_THREAD_LIMIT", None)
