"""The learnt parts of the evidence row: the key-sentence ranker and the direction model.

Both are made by benchmarks/train_brief_models.py from the labelled sets in benchmarks/brief. The fast check
recomputes the fingerprint of what they were made from; the slow tests train again and compare, and check the
out-of-fold figures the README quotes (learnt models ahead of the rules alone)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import shared_path
from test_appraise_weights import _same

from ebp.appraise.direction_model import DIRECTIONS, direction
from ebp.appraise.findings import results_sentences, sentence_scores
from ebp.appraise.key_ranker import candidates, ranked
from ebp.appraise.linear import LinearModel, from_json
from ebp.appraise.quotes import Quote
from ebp.types import Design

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT / "benchmarks" / "train_brief_models.py"
MODELS = ("key_ranker.json", "direction_model.json")


def run_training(script: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """One of the brief's training scripts, on the shared data."""
    shared = shared_path("data", "beir").parents[1]
    return subprocess.run(
        [sys.executable, str(script), "--shared", str(shared), *args], capture_output=True, text=True, cwd=ROOT
    )


def _train(*args: str) -> subprocess.CompletedProcess[str]:
    return run_training(TRAIN, *args)


def test_a_linear_model_keeps_its_numbers_and_ignores_unknown_features() -> None:
    model = LinearModel(("a", "b"), {"x": 0, "y": 1}, np.array([[1.5, -2.0]]), np.array([0.25]))
    again = from_json(json.loads(json.dumps(model.to_json())))
    rows = [{"x": 1.0}, {"y": 1.0, "never seen": 5.0}, {}]
    assert np.allclose(again.decision(rows)[:, 0], [1.75, -1.75, 0.25])
    three = LinearModel(("p", "q", "r"), {"x": 0}, np.array([[0.0], [1.0], [-1.0]]), np.zeros(3))
    assert three.predict([{"x": 1.0}, {"x": -1.0}]) == ["q", "r"]


def test_shipped_brief_models_were_made_from_the_current_labels_and_code() -> None:
    done = _train("--check")
    assert done.returncode == 0, done.stdout + done.stderr


TRIAL = [
    "Loneliness is common among older people living alone.",
    "We randomly assigned 240 older adults to weekly home visits by volunteers or to usual care.",
    "The primary outcome was loneliness at six months (UCLA scale).",
    "Home visits reduced loneliness compared with usual care (mean difference -4.1, 95% CI -5.9 to -2.3).",
    "Depressive symptoms did not differ between the groups.",
    "Volunteer home visits should be offered to older people who live alone.",
]


def test_the_ranker_only_reorders_the_rules_candidates() -> None:
    quotes = [Quote(text, 1, "") for text in TRIAL]
    scores = sentence_scores(quotes, Design.RCT)
    order = ranked(quotes, Design.RCT, scores)
    assert sorted(order) == sorted(scores.order())  # the same sentences worth quoting, none added or dropped
    assert order[0] == 3  # the primary outcome's result
    assert 5 not in candidates(scores) and order.index(5) > order.index(3)  # the closing advice stays behind


@pytest.mark.parametrize(
    ("design", "abstract", "expected"),
    [
        (Design.RCT, TRIAL, "benefit"),
        (
            Design.RCT,
            [
                "Group counselling is offered to women who have left a violent partner.",
                "We randomly assigned 180 women to group counselling or a waiting list.",
                "There was no significant difference in depressive symptoms between the groups at six months "
                "(p = 0.42).",
                "Group counselling did not reduce depressive symptoms.",
            ],
            "no_difference",
        ),
        (
            Design.QUALITATIVE,
            [
                "We interviewed 18 kinship carers in Central Java about their first year of care.",
                "Three themes emerged: sudden responsibility, financial strain and support from neighbours.",
                "Carers described feeling unprepared but valued the help of village cadres.",
            ],
            "unclear",
        ),
    ],
)
def test_the_direction_model_reads_plain_findings(design: Design, abstract: list[str], expected: str) -> None:
    quotes = [Quote(text, 1, "") for text in abstract]
    scores = sentence_scores(quotes, design)
    found = direction(quotes, design, scores, ranked(quotes, design, scores), results_sentences(quotes))
    assert found in DIRECTIONS and found == expected


@pytest.mark.slow
def test_training_again_reproduces_the_shipped_brief_models(tmp_path: Path) -> None:
    done = _train("--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    for name in MODELS:
        shipped = json.loads((ROOT / "ebp" / "data" / name).read_text(encoding="utf-8"))
        again = json.loads((tmp_path / name).read_text(encoding="utf-8"))
        assert _same(again, shipped), name
    # The out-of-fold figures (each labelled set left out in turn): the learnt models ahead of the rules alone.
    row = re.search(r"^all\s+\d+\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)$", done.stdout, re.MULTILINE)
    assert row, done.stdout
    rules_p1, ranker_p1, rules_direction, model_direction = map(float, row.groups())
    assert ranker_p1 > rules_p1 and model_direction > rules_direction
