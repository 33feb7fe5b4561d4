"""The shipped appraisal weights: made by benchmarks/train_appraisal.py from the labelled abstracts, and the
decisions issue 13's second round added (protocols by their title, essays without design words or data,
reviews that search in the passive voice or pool "meta-analytically").

The fast check recomputes the fingerprint of what the weights were made from (the labelled records and the
training code) and fails when they are stale; the slow test trains again into a temporary folder and
compares the numbers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import shared_path

from ebp.appraise import classify_design

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT / "benchmarks" / "train_appraisal.py"
SHIPPED = ROOT / "ebp" / "data"
WEIGHTS = ("design_model.json", "sample_model.json")


def _train(*args: str) -> subprocess.CompletedProcess[str]:
    shared = shared_path("data", "design", "studytypeteller").parents[2]
    return subprocess.run(
        [sys.executable, str(TRAIN), "--shared", str(shared), *args], capture_output=True, text=True, cwd=ROOT
    )


def test_shipped_weights_were_made_from_the_current_data_and_code() -> None:
    done = _train("--check")
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.slow
def test_training_again_reproduces_the_shipped_weights(tmp_path: Path) -> None:
    done = _train("--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    for name in WEIGHTS:
        shipped = json.loads((SHIPPED / name).read_text(encoding="utf-8"))
        again = json.loads((tmp_path / name).read_text(encoding="utf-8"))
        shipped["about"].pop("trained"), again["about"].pop("trained")
        assert _same(again, shipped), name


def _same(a: object, b: object) -> bool:
    """Equal structure and values; numbers may differ in their last written digit (the weights are written with five
    decimals, and the solver's last bits vary with the machine's threads, flipping a rounding now and then)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, int | float) and isinstance(b, int | float) and abs(a - b) <= 2e-5
    return a == b


def test_a_protocol_is_known_by_its_title_even_with_a_results_heading() -> None:
    label = classify_design(
        "Peer support for carers: study protocol for a randomised controlled trial",
        "Methods: 200 carers will be randomly assigned to peer support or usual care. Results: the trial is "
        "recruiting; results will be published in 2027.",
    )
    assert label.label == "other"


def test_an_essay_without_design_words_or_data_is_a_flagged_narrative_review() -> None:
    label = classify_design(
        "Rethinking kinship care",
        "Kinship care has grown in many countries. Grandparents often take on children at short notice and "
        "with little support. Practitioners face questions of loyalty, money and safety that the older "
        "models of foster care did not foresee. Services could learn from the families themselves.",
    )
    assert label.label == "review_narrative" and label.needs_checking


@pytest.mark.parametrize(
    "abstract",
    [
        "MEDLINE, Embase and PsycINFO were searched to 2024. The search yielded 812 records, of which 23 "
        "studies met the inclusion criteria.",
        "We used meta-analytic techniques to combine the effect sizes of school-based prevention programmes.",
    ],
)
def test_reviews_that_search_in_the_passive_or_pool_meta_analytically(abstract: str) -> None:
    assert classify_design("School-based drug prevention revisited", abstract).label == (
        "systematic_review_meta_analysis"
    )
