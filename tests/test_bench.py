"""``ebp bench``: the JSON contract, the helpers it measures with, and (slow) one real small run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from ebp.bench import format_table, summary
from ebp.bench.parts import percentiles, synthetic_vectors
from ebp.index.vectors import VectorIndex, probes

ROOT = Path(__file__).resolve().parents[1]


def _part_result(n: int, kind: str, p95: float) -> dict[str, object]:
    return {"n": n, "kind": kind, "build_s": 1.0, "disk_mib": n / 1000, "p50_ms": p95 / 2, "p95_ms": p95,
            "recall_at_10_vs_exact": 1.0 if kind == "exact" else 0.96, "rss_mib": 500.0 + n / 1000}  # fmt: skip


def _result(with_peer: bool = True) -> dict[str, object]:
    ebp_run = {
        "parse_pages_per_s": 50.0, "passages_per_s_embedded": 6.0, "passages_per_s_end_to_end": 5.0,
        "ingest_s": 200.0, "peak_rss_mib": 2000.0, "rerun_s": 0.5, "query": {"p50_ms": 30, "p95_ms": 45},
    }  # fmt: skip
    peer = {"passages_per_s_embedded": 4.0, "passages_per_s_end_to_end": 4.0, "query": {"p50_ms": 20, "p95_ms": 25}}
    sizes = ((10**4, "exact", 40), (10**5, "exact", 50), (10**6, "ivf", 60))
    scale = {str(n): _part_result(n, k, p) for n, k, p in sizes}
    return {
        "machine": {"cpus": 2, "cpu": "test", "ram_gib": 24, "date": "2026-11-29"},
        "model": "e5-small",
        "ingest_real": {"ebp": ebp_run, "txtai": peer if with_peer else None},
        "scale": scale,
        "seconds": 1.0,
    }


def test_summary_has_every_key_the_checks_rely_on() -> None:
    s = summary(_result())
    assert set(s["ingest"]) >= {"pages_per_s", "passages_per_s", "txtai_ratio"}
    for key in ("query_p95_ms", "recall_at_10_vs_exact", "rss_mib"):
        assert set(s[key]) >= {"1e5", "1e6"}
    assert set(s["query_p95_ms"]) == {"1e4", "1e5", "1e6"}
    assert s["ingest"]["txtai_ratio"] == 1.25  # 5.0 / 4.0 passages/s end to end
    assert s["ingest"]["rerun_fraction"] == 0.0025
    json.dumps(s)  # plain JSON


def test_summary_and_table_without_the_peer() -> None:
    result = _result(with_peer=False)
    result["summary"] = summary(result)
    assert result["summary"]["ingest"]["txtai_ratio"] is None
    table = format_table(result)
    assert "ebp/txtai" not in table and "1e6 | ivf | 30.0 | 60" in table


def test_percentiles_and_synthetic_vectors() -> None:
    assert percentiles([1, 2, 3, 4]) == {"p50_ms": 2.5, "p95_ms": 3.85}
    base = np.random.default_rng(0).normal(size=(50, 16)).astype(np.float32)
    vectors = synthetic_vectors(base, 1000)
    assert vectors.shape == (1000, 16)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_probes_scale_with_the_number_of_lists() -> None:
    assert [probes(n) for n in (4, 100, 1000, 4000)] == [4, 25, 250, 1000]
    ids = np.arange(300, dtype=np.int64)
    vectors = np.random.default_rng(2).normal(size=(300, 8)).astype(np.float32)
    assert VectorIndex.build(ids, vectors, 8, exact_below=301).kind == "exact"
    assert VectorIndex.build(ids, vectors, 8, exact_below=300).kind == "ivf"


@pytest.mark.slow
def test_a_small_real_benchmark_prints_the_json_contract(tmp_path: Path, make_pdf) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, topic in enumerate(("cash transfers and school attendance", "family therapy for adolescent drug use")):
        make_pdf(corpus / f"doc{i}.pdf", [f"A study of {topic}. " * 30, f"Results on {topic}. " * 30])
    done = subprocess.run(
        [sys.executable, "-m", "ebp", "bench", "--corpus", str(corpus), "--no-txtai", "--sizes", "3000", "--json"],
        capture_output=True, text=True, cwd=ROOT, timeout=900, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout)
    assert out["ingest"]["pages_per_s"] > 0 and out["ingest"]["passages_per_s"] > 0
    assert out["query_p95_ms"]["3000"] > 0 and out["recall_at_10_vs_exact"]["3000"] == 1.0
    assert out["ingest"]["rerun_fraction"] < 0.5
