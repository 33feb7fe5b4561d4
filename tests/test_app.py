"""The Streamlit app, driven with AppTest on a small real corpus and the real default model."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture
def app_env(tmp_path: Path, make_pdf, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = tmp_path / "corpus"
    make_pdf(corpus / "lansia.pdf", ["Dukungan Lansia yang Tinggal Sendiri\nAbstrak\n"
             + "Lansia yang tinggal sendiri membutuhkan kunjungan rumah dan dukungan keluarga. " * 10,
             "Hasil\n" + "Kunjungan rumah mingguan mengurangi kesepian pada lansia. " * 10])
    make_pdf(corpus / "cash.pdf", ["Cash Transfers and Schooling\nAbstract\n"
             + "Conditional cash transfers raised school attendance among poor households. " * 10])
    (corpus / "bad.pdf").write_bytes(b"not a pdf")
    monkeypatch.setenv("EBP_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("EBP_INDEX_DIR", str(tmp_path / "index"))
    return tmp_path


def test_search_shows_ranked_evidence_with_pages(app_env: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    assert "bukti" in at.title[0].value  # Indonesian by default
    at.text_area[0].input("Seorang nenek tinggal sendiri dan merasa kesepian").run()
    at.button[0].click().run()
    assert not at.exception
    titles = [m.value for m in at.markdown if m.value.startswith("**1.")]
    assert titles and "Lansia" in titles[0]
    assert any(m.value.startswith("*hlm.") for m in at.markdown)
    assert (app_env / "index" / "ebp.sqlite").exists()


def test_language_switch_and_skipped_files(app_env: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.sidebar.radio[0].set_value("en").run()
    assert "evidence" in at.title[0].value
    skipped = " ".join(t.value for t in at.sidebar.text)
    assert "bad.pdf" in skipped and "not_a_pdf" in skipped
