"""Slow: the full SciFact evaluation with the default model (index ~8 min on 2 cores, cached after)."""

from __future__ import annotations

import json

import pytest
from conftest import shared_path

from ebp import cli

pytestmark = pytest.mark.slow


def test_scifact_hybrid_ndcg(capsys: pytest.CaptureFixture[str]) -> None:
    beir = shared_path("data", "beir", "scifact")
    assert cli.main(["eval", "--beir", str(beir), "--split", "test", "--mode", "hybrid", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["queries"] == 300
    assert result["ndcg@10"] >= 0.70, result
