"""Slow: the real default model over the 49 real PDFs in ../shared (English articles, Indonesian
statutes and papers). A practitioner's case must bring up a sensible document, in both languages."""

from __future__ import annotations

import pytest
from conftest import shared_path

from ebp import ingest
from ebp.config import Settings
from ebp.retrieve.search import Searcher

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def real_index(tmp_path_factory: pytest.TempPathFactory, real_embedder) -> Searcher:  # type: ignore[no-untyped-def]
    corpus = shared_path("data", "pdfs", "real")
    settings = Settings.from_env({}, index_dir=tmp_path_factory.mktemp("real") / "index", workers=2)
    report = ingest.ingest(corpus, settings, real_embedder)
    assert report.documents >= 45, [f for f in report.skipped]
    return Searcher(settings.index_dir, real_embedder)


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("An older woman with dementia and depression; what do psychogeriatric services offer?", "psychogeriatrics"),
        ("Patients with heart failure describe their experience of living with the illness", "heart_failure"),
        ("Seorang istri mengalami kekerasan fisik dan psikis dari suaminya di rumah", "PKDRT"),
        ("Anak terlantar dan korban eksploitasi membutuhkan perlindungan khusus", "perlindungan_anak"),
    ],
)
def test_case_finds_a_sensible_document(real_index: Searcher, case: str, expected: str) -> None:
    hits = real_index.search(case, k=3)
    paths = [h.document.path for h in hits]
    assert any(expected in p for p in paths), paths
    for hit in hits:
        for passage in hit.passages:
            assert 1 <= passage.page_start <= passage.page_end <= hit.document.n_pages


def test_languages_are_detected(real_index: Searcher) -> None:
    docs = real_index.store.all_documents(real_index.generation)
    wrong = [d.path for d in docs if d.path.startswith(("en/", "id/")) and d.info.language != d.path[:2]]
    assert len(wrong) <= 2, wrong
