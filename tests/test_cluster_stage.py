"""The parts of ``ebp.cluster`` that need no Ray: the Parquet staging area and the embedder that answers
from it. (The Ray parts are in ``test_cluster.py``, run where the ``cluster`` extra is installed.)"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import FakeEmbedder, write_pdf

from ebp.cluster.ingest import StagedEmbedder
from ebp.cluster.stage import Staged, clear_staging, read_staged, recipe, staged_path, write_staged
from ebp.config import Settings
from ebp.ingest.prepare import Failed, Prepared, prepare_file
from ebp.types import FileReport, FileStatus


@pytest.fixture
def prepared(tmp_path: Path, settings: Settings) -> Prepared:
    text = "Home visits by social workers reduced loneliness among older adults living alone. " * 60
    return prepare_file(write_pdf(tmp_path / "visits.pdf", [text, text.upper()]), settings)


def test_a_staged_document_reads_back_whole(tmp_path: Path, prepared: Prepared, settings: Settings) -> None:
    tmp_path = tmp_path / "staging"
    vectors = FakeEmbedder().embed_passages([p.text for p in prepared.passages])
    made_by = recipe(settings, "fake-hash-64")
    write_staged(tmp_path, Staged("a/visits.pdf", "ab" * 32, prepared, vectors, made_by))
    back = read_staged(tmp_path, "a/visits.pdf", "ab" * 32, made_by)
    assert back is not None and back.outcome == prepared
    np.testing.assert_array_equal(back.vectors, vectors)
    assert read_staged(tmp_path, "b/visits.pdf", "ab" * 32, made_by) is None  # another copy: its own row
    assert read_staged(tmp_path, "a/visits.pdf", "cd" * 32, made_by) is None  # changed content
    assert read_staged(tmp_path, "a/visits.pdf", "ab" * 32, "another-model|...") is None
    assert [p.name for p in tmp_path.iterdir()] == [staged_path(tmp_path, "a/visits.pdf", "ab" * 32).name]
    clear_staging(tmp_path)
    assert not tmp_path.exists()


def test_a_failure_is_staged_too(tmp_path: Path) -> None:
    failed = Failed(FileReport("slow.pdf", FileStatus.TIMEOUT, "took longer than 60 s"), "ef" * 32)
    write_staged(tmp_path, Staged("slow.pdf", "ef" * 32, failed, np.zeros((0, 0), np.float32), "r"))
    back = read_staged(tmp_path, "slow.pdf", "ef" * 32, "r")
    assert back is not None and back.outcome == failed and back.vectors.shape[0] == 0


def test_a_damaged_staged_file_is_not_trusted(tmp_path: Path) -> None:
    staged_path(tmp_path, "x.pdf", "00" * 32).write_bytes(b"PAR1 half a file")
    assert read_staged(tmp_path, "x.pdf", "00" * 32, "r") is None


def test_the_staged_embedder_answers_from_staging_and_falls_back(prepared: Prepared) -> None:
    base = FakeEmbedder()
    staged = StagedEmbedder(base)
    texts = [p.text for p in prepared.passages]
    vectors = np.eye(len(texts), base.dim, dtype=np.float32)
    staged.add(Staged("visits.pdf", "ab" * 32, prepared, vectors))
    assert staged.name == base.name and staged.dim == base.dim
    np.testing.assert_array_equal(staged.embed_passages(texts), vectors)
    assert base.embedded == 0 and staged.fallbacks == 0
    again = staged.embed_passages(texts[:1])  # used up: embedded by the wrapped embedder
    np.testing.assert_array_equal(again, base.embed_passages(texts[:1]))
    assert staged.fallbacks == 1
    assert staged.embed_passages([]).shape == (0, base.dim)
