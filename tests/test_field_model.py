"""The evidence row's participants, intervention, comparison and outcomes: candidate phrases and the learnt choice.

The model is made by benchmarks/train_fields.py from the fields labelled by reading in benchmarks/brief. The fast
checks: its fingerprint, that every value is copied from its sentence, that an unsure field stays empty, and a plain
trial read right by the shipped model; the slow test trains again and compares, and checks the out-of-fold figures
the README quotes (the learnt choice ahead of the rules)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import numpy as np
import pytest
from test_appraise_weights import _same
from test_brief_models import run_training

from ebp.appraise.field_model import FIELDS, _chunks, candidates, choose, shipped_models
from ebp.appraise.findings import evidence_row
from ebp.appraise.linear import LinearModel
from ebp.appraise.quotes import Quote, candidate_sentences, locate
from ebp.ingest.chunk import chunk
from ebp.ingest.parse import parse_file
from ebp.types import Design

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT / "benchmarks" / "train_fields.py"
TRIAL = [
    "Loneliness is common among older people living alone.",
    "240 older adults living alone were randomly assigned to weekly home visits by volunteers or to usual care.",
    "The primary outcome was loneliness at six months (UCLA scale).",
    "Home visits reduced loneliness compared with usual care (mean difference -4.1, 95% CI -5.9 to -2.3).",
    "Volunteer home visits should be offered to older people who live alone.",
]


def _train(*args: str) -> subprocess.CompletedProcess[str]:
    return run_training(TRAIN, *args)


def test_shipped_field_model_was_made_from_the_current_labels_and_code() -> None:
    done = _train("--check")
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_plain_trial_gets_its_fields() -> None:
    quotes = [Quote(text, 1, "") for text in TRIAL]
    row = evidence_row(quotes, Design.RCT, 240, "older adults")
    assert "older adults" in row.participants.text
    assert row.comparison.text == "usual care"
    assert "loneliness" in row.outcomes.text.lower()
    assert "home visits" in row.intervention.text


def test_every_field_is_copied_from_its_sentence_on_its_page() -> None:
    path = ROOT / "corpus" / "en_rct_motivational_interviewing_substance_use.pdf"
    doc = parse_file(path, path.parent)
    pages = {p.number: p.text for p in doc.pages}
    quotes = [locate(q, pages) for q in candidate_sentences(chunk(doc.pages), pages)]
    row = evidence_row(quotes, Design.RCT, None)
    filled = [getattr(row, name) for name in FIELDS if getattr(row, name).text]
    assert len(filled) >= 3
    for value in filled:
        assert value.text in value.sentence
        assert " ".join(value.sentence.split())[:80] in " ".join(pages[value.page].split())


def test_noun_phrase_candidates_are_verbatim_and_split_at_verbs() -> None:
    sentence = "Changes in haemoglobin  concentrations and serum ferritin were measured in 120 children aged 5–9 years."
    chunks = _chunks(sentence)
    assert all(c in sentence for c in chunks)
    assert "haemoglobin  concentrations and serum ferritin" in chunks  # the sentence's own spacing
    assert not any("were" in c.split() for c in chunks)


def test_a_field_the_model_is_unsure_of_stays_empty() -> None:
    quotes = [Quote(text, 1, "") for text in TRIAL]
    cands = candidates(quotes, Design.RCT, 240)
    linear, _ = shipped_models()["comparison"]
    assert choose(cands, "comparison", quotes, Design.RCT, model=(linear, -np.inf)).text
    assert choose(cands, "comparison", quotes, Design.RCT, model=(linear, np.inf)).text == ""
    nothing = LinearModel(("no", "yes"), {}, np.zeros((1, 0)), np.array([0.0]))
    assert choose([], "outcomes", quotes, Design.RCT, model=(nothing, 0.0)).text == ""


@pytest.mark.slow
def test_training_again_reproduces_the_shipped_field_model(tmp_path: Path) -> None:
    done = _train("--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    name = "field_model.json"
    shipped = json.loads((ROOT / "ebp" / "data" / name).read_text(encoding="utf-8"))
    again = json.loads((tmp_path / name).read_text(encoding="utf-8"))
    assert _same(again, shipped)
    # Out of fold (each labelled set left out in turn): the learnt choice ahead of the rules on the free-text fields.
    figures = dict(re.findall(r"^(\w+)\s+\d+\s+([\d.]+\s+[\d.]+)", done.stdout, re.MULTILINE))
    for field in ("participants", "outcomes"):
        rules, model = map(float, figures[field].split())
        assert model > rules, done.stdout


def test_a_population_phrase_ends_at_a_whole_word() -> None:
    sentence = (
        "A prospective cohort study of all young people aged 12 to 17 who had a first recorded offence in two "
        "regions during 2015 and 2016."
    )
    found = [c.text for c in candidates([Quote(sentence, 1, "")], Design.COHORT, None) if c.field == "participants"]
    assert "all young people aged 12 to 17 who had a first recorded offence in two regions" in found
    assert all(re.search(rf"\b{re.escape(text.split()[-1])}\b", sentence) for text in found)  # no "… dur"
