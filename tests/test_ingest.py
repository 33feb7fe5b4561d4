"""Contract tests over real SQLite and real FAISS: ids agree, re-index is incremental, changes and
deletions show, an interrupted run leaves the previous index usable, bad files are reported."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from ebp import ingest
from ebp.config import Settings
from ebp.errors import IndexBusyError, ModelMismatchError
from ebp.index.generations import Generations
from ebp.index.store import Store
from ebp.index.vectors import VectorIndex
from ebp.retrieve.search import Searcher

TOPICS = {
    "elderly.pdf": "Elderly people living alone benefit from home visits and respite care for caregivers.",
    "cash.pdf": "Conditional cash transfers reduced poverty and increased school attendance of children.",
    "violence.pdf": "Women survivors of domestic violence need safe shelters and legal aid services.",
}


def _corpus(root: Path, make_pdf) -> Path:
    for name, sentence in TOPICS.items():
        make_pdf(
            root / name,
            [f"{name} study\nAbstract\n" + " ".join([sentence] * 12), "Results\n" + " ".join([sentence] * 12)],
        )
    return root


def _faiss_and_sqlite_agree(settings: Settings) -> set[int]:
    store = Store.open_existing(settings.index_dir)
    generation = store.generation()
    sql_ids, _ = store.vectors_at(generation, 64)
    faiss_ids = VectorIndex.load(Generations(settings.index_dir).vectors_path(generation)).ids()
    assert sorted(sql_ids.tolist()) == sorted(faiss_ids.tolist())
    assert len(set(faiss_ids.tolist())) == len(faiss_ids)
    return set(faiss_ids.tolist())


def test_index_reindex_change_delete(tmp_path: Path, make_pdf, fake_embedder, settings: Settings) -> None:
    corpus = _corpus(tmp_path / "corpus", make_pdf)
    report = ingest.ingest(corpus, settings, fake_embedder)
    assert report.documents == 3 and report.pages == 6 and report.passages >= 3 and not report.skipped
    first_ids = _faiss_and_sqlite_agree(settings)

    embedded_before = fake_embedder.embedded
    again = ingest.ingest(corpus, settings, fake_embedder)
    assert fake_embedder.embedded == embedded_before and again.embedded == 0  # unchanged → nothing embedded
    assert again.generation == report.generation
    assert _faiss_and_sqlite_agree(settings) == first_ids

    make_pdf(corpus / "cash.pdf", ["Cash transfers now discussed with a new unique word: kangaroo. " * 10])
    (corpus / "violence.pdf").unlink()
    changed = ingest.ingest(corpus, settings, fake_embedder)
    assert changed.documents == 2 and changed.generation == report.generation + 1
    assert {f.path: f.status for f in changed.files} == {
        "cash.pdf": "ok",
        "elderly.pdf": "unchanged",
        "violence.pdf": "removed",
    }
    ids = _faiss_and_sqlite_agree(settings)
    assert ids != first_ids
    searcher = Searcher(settings.index_dir, fake_embedder)
    titles = [h.document.path for h in searcher.search("domestic violence shelters legal aid women", k=5)]
    assert "violence.pdf" not in titles
    assert searcher.search("kangaroo", k=1)[0].document.path == "cash.pdf"


def test_save_load_same_results(tmp_path: Path, make_pdf, fake_embedder, settings: Settings) -> None:
    corpus = _corpus(tmp_path / "corpus", make_pdf)
    ingest.ingest(corpus, settings, fake_embedder)
    query = "home visits for elderly people living alone"
    first = Searcher(settings.index_dir, fake_embedder).search(query, k=3)
    second = Searcher(settings.index_dir, fake_embedder).search(query, k=3)  # loads from disk again
    assert [(h.document.doc_id, h.score) for h in first] == [(h.document.doc_id, h.score) for h in second]
    assert first[0].document.path == "elderly.pdf"
    assert all(1 <= p.page_start <= p.page_end <= 2 for h in first for p in h.passages)


def test_bad_files_are_reported_and_the_rest_indexed(
    tmp_path: Path, make_pdf, fake_embedder, settings: Settings
) -> None:
    corpus = _corpus(tmp_path / "corpus", make_pdf)
    (corpus / "corrupt.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    make_pdf(corpus / "locked.pdf", ["secret"], user_password="pw")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (corpus / "README.md").write_text("not a document")
    report = ingest.ingest(corpus, settings, fake_embedder)
    statuses = {f.path: f.status for f in report.files}
    assert statuses == {
        "cash.pdf": "ok",
        "elderly.pdf": "ok",
        "violence.pdf": "ok",
        "corrupt.pdf": "corrupt",
        "locked.pdf": "encrypted",
        "empty.txt": "empty",
        "photo.jpg": "unsupported",
    }
    assert all(f.reason for f in report.skipped)
    assert report.documents == 3


def test_other_model_is_a_clear_error(tmp_path: Path, make_pdf, fake_embedder, settings: Settings) -> None:
    corpus = _corpus(tmp_path / "corpus", make_pdf)
    ingest.ingest(corpus, settings, fake_embedder)

    class Other(type(fake_embedder)):  # type: ignore[misc]
        name = "another-model"

    with pytest.raises(ModelMismatchError, match="--rebuild"):
        Searcher(settings.index_dir, Other())
    with pytest.raises(ModelMismatchError):
        ingest.ingest(corpus, settings, Other())
    rebuilt = ingest.ingest(corpus, settings, Other(), rebuild=True)
    assert rebuilt.documents == 3
    assert Store.open_existing(settings.index_dir).meta()["model"] == "another-model"


def test_interrupted_ingest_keeps_previous_index_and_resumes(
    tmp_path: Path, make_pdf, fake_embedder, settings: Settings
) -> None:
    corpus = _corpus(tmp_path / "corpus", make_pdf)
    ingest.ingest(corpus, settings, fake_embedder)
    before = [(h.document.path, h.score) for h in Searcher(settings.index_dir, fake_embedder).search("cash transfers")]
    make_pdf(
        corpus / "new1.pdf", ["Juvenile justice diversion programmes for children in conflict with the law. " * 10]
    )
    make_pdf(corpus / "new2.pdf", ["Mental health peer support groups in rural villages and community care. " * 10])

    # Crash after the first batch was written but before the vectors were published.
    events = ingest.run(corpus, replace(settings), fake_embedder)
    for event in events:
        if isinstance(event, ingest.Progress) and event.stage == "write":
            break
    events.close()  # like a kill: the generator never reaches the publish step
    searcher = Searcher(settings.index_dir, fake_embedder)
    assert [(h.document.path, h.score) for h in searcher.search("cash transfers")] == before
    assert "new1.pdf" not in {h.document.path for h in searcher.search("juvenile justice diversion", k=10)}

    embedded = fake_embedder.embedded
    resumed = ingest.ingest(corpus, settings, fake_embedder)
    assert resumed.documents == 5
    assert fake_embedder.embedded - embedded == 0  # the interrupted run's passages were kept, not redone
    _faiss_and_sqlite_agree(settings)
    assert searcher.search("juvenile justice diversion", k=1)[0].document.path == "new1.pdf"  # sees the new generation


def test_second_ingest_at_once_is_refused(tmp_path: Path, make_pdf, fake_embedder, settings: Settings) -> None:
    corpus = _corpus(tmp_path / "corpus", make_pdf)
    first = ingest.run(corpus, settings, fake_embedder)
    next(first)  # holds the lock
    with pytest.raises(IndexBusyError, match="another ebp index run"):
        ingest.ingest(corpus, settings, fake_embedder)
    first.close()
    assert ingest.ingest(corpus, settings, fake_embedder).documents == 3


def test_vector_index_search_matches_numpy(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(50, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = np.arange(1000, 1050, dtype=np.int64)
    index = VectorIndex.build(ids, vectors, 8)
    index.save(tmp_path / "v.faiss")
    loaded = VectorIndex.load(tmp_path / "v.faiss")
    scores, found = loaded.search(vectors[:1], 5)
    expected = np.argsort(-(vectors @ vectors[0]))[:5] + 1000
    assert found[0].tolist() == expected.tolist()
    assert scores[0][0] == pytest.approx(1.0, abs=1e-5)


def test_old_schema_is_a_clear_error_then_migrated_by_the_next_index(
    tmp_path: Path, make_pdf, fake_embedder, settings: Settings
) -> None:
    import sqlite3

    from ebp.errors import SchemaMismatchError
    from ebp.index.migrations import MIGRATIONS

    corpus = _corpus(tmp_path / "corpus", make_pdf)
    settings.index_dir.mkdir(parents=True)
    with sqlite3.connect(settings.index_dir / "ebp.sqlite") as conn:  # an index made by schema version 1
        conn.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    with pytest.raises(SchemaMismatchError, match="--rebuild"):
        Searcher(settings.index_dir, fake_embedder)
    report = ingest.ingest(corpus, settings, fake_embedder)
    assert report.documents == 3
    assert Searcher(settings.index_dir, fake_embedder).search("cash transfers")[0].document.path == "cash.pdf"


def test_large_indexes_switch_to_an_inverted_file_with_near_exact_results(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    centres = rng.normal(size=(40, 32)).astype(np.float32)
    vectors = centres[rng.integers(0, 40, 4000)] + 0.3 * rng.normal(size=(4000, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = np.arange(5000, 9000, dtype=np.int64)
    exact = VectorIndex.build(ids, vectors, 32)
    approx = VectorIndex.build(ids, vectors, 32, exact_below=1000)
    approx.save(tmp_path / "v.faiss")
    loaded = VectorIndex.load(tmp_path / "v.faiss")  # memory-mapped
    assert (exact.kind, approx.kind, loaded.kind) == ("exact", "ivf", "ivf")
    queries = vectors[:50] + 0.1 * rng.normal(size=(50, 32)).astype(np.float32)
    _, truth = exact.search(queries, 10)
    _, found = loaded.search(queries, 10)
    recall = np.mean([len(set(t) & set(f)) / 10 for t, f in zip(truth, found, strict=True)])
    assert recall >= 0.95
    _, many = loaded.search(queries[:1], 300)  # more results than the default search breadth
    assert (many >= 0).all() and len(set(many[0].tolist())) == 300
    assert loaded.similarity(vectors[0], ids[:1])[0] == pytest.approx(1.0, abs=0.02)  # 8-bit codes

    def full_precision(wanted: np.ndarray) -> np.ndarray:
        return vectors[wanted - 5000]

    scores, rescored = loaded.search(queries, 10, vectors_of=full_precision)
    assert np.allclose(scores, np.einsum("qd,qkd->qk", queries, full_precision(rescored)), atol=1e-5)
    assert (np.diff(scores, axis=1) <= 0).all()  # best first, by the exact scores
    assert np.mean([len(set(t) & set(f)) / 10 for t, f in zip(truth, rescored, strict=True)]) >= recall
    assert loaded.similarity(vectors[0], ids[:1], full_precision)[0] == pytest.approx(1.0, abs=1e-6)


def test_an_inverted_file_index_is_built_and_searched_through_the_pipeline(
    tmp_path: Path, make_pdf, fake_embedder, settings: Settings
) -> None:
    settings = replace(settings, exact_search_below=1)  # any corpus counts as large
    ingest.ingest(_corpus(settings.corpus_dir, make_pdf), settings, fake_embedder)
    _faiss_and_sqlite_agree(settings)
    searcher = Searcher(settings.index_dir, fake_embedder)
    assert searcher.current().vectors.kind == "ivf"
    store = Store.open_existing(settings.index_dir)
    ids, stored = store.vectors_at(store.generation(), fake_embedder.dim)
    assert np.array_equal(store.vectors_of(ids[::-1], fake_embedder.dim), stored[::-1])
    hits = searcher.search("domestic violence shelters legal aid")
    assert hits[0].document.path == "violence.pdf"
