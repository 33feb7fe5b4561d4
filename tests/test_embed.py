"""Embedding precision: bfloat16 passages on CPUs built for it, float32 queries, interchangeable vectors."""

from __future__ import annotations

import numpy as np
import pytest

from ebp.config import Settings
from ebp.embed import SentenceTransformerEmbedder, passage_precision, resolve

PASSAGES = [
    "Cognitive behavioural therapy reduced depressive symptoms in adolescents compared with usual care.",
    "Program pengasuhan positif menurunkan penelantaran anak pada keluarga miskin di desa.",
    "A cash transfer raised school attendance. " * 30,  # long: several hundred tokens
]


def test_auto_precision_follows_the_cpu_and_bad_values_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from ebp import embed

    monkeypatch.setattr(embed, "native_bfloat16", lambda: True)  # a CPU with AMX
    assert passage_precision("auto") == "bfloat16" and passage_precision("float32") == "float32"
    monkeypatch.setattr(embed, "native_bfloat16", lambda: False)  # a laptop without it
    assert passage_precision("auto") == "float32" and passage_precision("bfloat16") == "bfloat16"
    with pytest.raises(ValueError, match="auto, float32, bfloat16"):
        passage_precision("fp16")
    assert Settings.from_env({"EBP_EMBED_PRECISION": "float32"}).embed_precision == "float32"
    with pytest.raises(ValueError, match="embed_precision"):
        Settings.from_env({"EBP_EMBED_PRECISION": "half"})


@pytest.mark.slow
def test_bfloat16_passages_are_unit_vectors_close_to_float32_and_queries_unchanged() -> None:
    spec = resolve("e5-small")
    exact = SentenceTransformerEmbedder(spec, precision="float32")
    fast = SentenceTransformerEmbedder(spec, precision="bfloat16")
    a, b = exact.embed_passages(PASSAGES), fast.embed_passages(PASSAGES)
    assert b.dtype == np.float32 and b.shape == a.shape
    np.testing.assert_allclose(np.linalg.norm(b, axis=1), 1.0, atol=1e-5)
    assert float((a * b).sum(axis=1).min()) > 0.999
    query = ["anak korban penelantaran"]
    np.testing.assert_array_equal(exact.embed_queries(query), fast.embed_queries(query))


def test_eval_cache_keeps_float32_and_bfloat16_indexes_apart(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ebp.bench.evaluate import default_cache

    settings = Settings.from_env({})
    float32 = default_cache(tmp_path, settings, "multilingual-e5-small")
    assert float32.name == "multilingual-e5-small-c200-120-300-40"  # caches built before precision existed stay valid
    assert default_cache(tmp_path, settings, "multilingual-e5-small", "bfloat16") != float32
