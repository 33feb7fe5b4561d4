"""``ebp bench --cluster`` (issue 16, point 6): a synthetic sharded library served by Ray Serve replicas, measured
beside the same shards in one process and one unsharded index of the same vectors.

The Ray part needs the ``cluster`` extra and the real model: ``.venv-cluster/bin/python -m pytest
tests/test_cluster_bench.py -m slow``. The merge and the argument errors run everywhere.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

from ebp.bench.cluster import merged
from ebp.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_the_library_best_are_merged_from_the_shards_answers() -> None:
    first = (np.array([0.9, 0.5, 0.1], dtype=np.float32), np.array([4, 2, 9]))
    second = (np.array([0.7, 0.5], dtype=np.float32), np.array([17, 1]))
    assert merged([first, second], 4) == [4, 17, 1, 2]  # a tie goes to the smaller id
    assert merged([first, (np.zeros(0), np.zeros(0, dtype=np.int64))], 10) == [4, 2, 9]


def test_a_size_that_is_not_a_number_is_one_line_before_any_ray(capsys: pytest.CaptureFixture[str]) -> None:
    had_ray = "ray" in sys.modules
    assert main(["bench", "--cluster", "local", "--passages", "lots"]) != 0
    assert "--passages takes a number" in capsys.readouterr().err
    assert had_ray or "ray" not in sys.modules  # a wrong argument starts nothing


@pytest.mark.slow
def test_bench_cluster_serves_shards_that_answer_as_one_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.serve")
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(ROOT / "corpus", corpus)
    assert main(["index", str(corpus), "--index", str(index)]) == 0
    monkeypatch.setenv("EBP_REPLICA_CPUS", "0.2")
    monkeypatch.setenv("EBP_EXACT_SEARCH_BELOW", "5000")  # shards of 10,000: an inverted file re-scored, as at scale
    ray.init(num_cpus=2, logging_level="WARNING", log_to_driver=False)
    try:
        argv = ["bench", "--index", str(index), "--cluster", "local", "--passages", "3e4", "--shards", "3",
                "--replicas", "2", "--queries", "12", "--work", str(tmp_path / "work"), "--json"]  # fmt: skip
        assert main(argv) == 0
    finally:
        ray.shutdown()
    figures = json.loads(capsys.readouterr().out)  # stdout holds the figures alone (Ray's warnings go to stderr)
    assert (figures["passages"], figures["shards"], figures["replicas"], figures["queries"]) == (30_000, 3, 2, 12)
    assert figures["kind"] != "exact"
    assert figures["top10_identical"] == figures["in_process_top10_identical"] >= 0.9  # replicas answer as in process
    assert 0 < figures["in_process"]["p50_ms"] and 0 < figures["dense"]["p50_ms"] <= figures["dense"]["p95_ms"]
    assert figures["router_overhead"]["p50_ms"] < figures["dense"]["p50_ms"]  # the shards and the model timed apart
    assert sorted(p.name for p in (tmp_path / "work").glob("shard-*.faiss")) == [f"shard-{n}.faiss" for n in range(3)]
