"""Train the choice of the evidence row's participants, intervention, comparison and outcomes phrases.

    .venv/bin/python benchmarks/train_fields.py [--shared ../shared] [--figures | --check] [--out DIR]

Training data: the documents whose fields were labelled by reading (``benchmarks/brief/GUIDE.md``): the ``dev``
half of ``labels.jsonl`` and the sets in ``FIELD_TRAINING`` (``fields_SET.jsonl``, labelled blind by helper
sessions). Never the test half or the held-out sets, which ``eval_brief.py --test --fresh`` scores. Each set is left
out in turn to report the figures out of sample: per field, how often the rules (``pico``) and the learnt choice
(``field_model``) give the labelled phrase (or leave the field empty when the label is empty). The threshold under
which a field stays empty is chosen inside the training sets, each of them left out in turn. Writes
``ebp/data/field_model.json``; ``--check`` only recomputes the fingerprint of its inputs and exits 1 when stale.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ebp.appraise.field_model import FIELDS, MODEL_FILE, Candidate, candidates, features
from ebp.appraise.findings import sentence_scores
from ebp.appraise.key_ranker import ranked
from ebp.appraise.linear import LinearModel
from ebp.appraise.quotes import Quote
from ebp.types import Design

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_brief import FIELD_TRAINING, _f1, load_document, load_labels, sentences_of  # noqa: E402
from train_brief_models import check, fingerprint, fit  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "ebp" / "data"
SPLITS = ("dev", *FIELD_TRAINING)
TRAINING_CODE = (
    "ebp/appraise/pico.py", "ebp/appraise/field_model.py", "ebp/appraise/direction.py", "ebp/appraise/quotes.py",
    "ebp/appraise/findings.py", "ebp/data/key_ranker.json", "benchmarks/train_fields.py", "benchmarks/eval_brief.py",
)  # fmt: skip
C = 0.3


@dataclass(frozen=True)
class Example:
    split: str
    quotes: list[Quote]
    design: Design
    findings: tuple[Quote, ...]
    cands: list[Candidate]
    gold: dict[str, str]


def right(chosen: str, gold: str) -> bool:
    """The metric of ``eval_brief``: both empty, or the phrases share at least half their words (token F1)."""
    return (not chosen and not gold) or (bool(chosen) and bool(gold) and _f1(chosen, gold) >= 0.5)


def examples(shared: Path) -> list[Example]:
    out = []
    for label in load_labels():
        if label["split"] not in SPLITS or not label.get("fields_labelled", True):
            continue
        doc = load_document(label, shared)
        if doc is None:
            continue
        quotes, appraisal = sentences_of(doc)
        design = Design(appraisal.design)
        size = next((i for i in appraisal.items if i.name == "sample_size" and i.value), None)
        n = int(size.value) if size is not None and size.value else None
        findings = tuple(quotes[i] for i in ranked(quotes, design, sentence_scores(quotes, design))[:3])
        gold = {f: label[f]["text"] for f in FIELDS}
        out.append(Example(label["split"], quotes, design, findings, candidates(quotes, design, n, findings), gold))
    return out


def rows(data: Sequence[Example], field: str) -> tuple[list[list[dict[str, float]]], list[list[bool]]]:
    """Per document, the features and the rightness of each of its candidates for ``field``."""
    xs, ys = [], []
    for e in data:
        mine = [c for c in e.cands if c.field == field]
        xs.append(features(mine, e.quotes, e.design, e.findings) if mine else [])
        ys.append([bool(e.gold[field]) and _f1(c.text, e.gold[field]) >= 0.5 for c in mine])
    return xs, ys


def train(xs: Sequence[list[dict[str, float]]], ys: Sequence[list[bool]]) -> LinearModel:
    flat = [f for x in xs for f in x]
    labels = ["yes" if y else "no" for ylist in ys for y in ylist]
    return fit(flat, labels, c=C)


def best(model: LinearModel, x: list[dict[str, float]]) -> tuple[int, float]:
    if not x:
        return -1, -np.inf
    values = model.decision(x)[:, 0]
    return int(np.argmax(values)), float(values.max())


def threshold(data: Sequence[Example], field: str) -> float:
    """The decision value under which the field stays empty: the most right answers over ``data``'s sets, each
    scored by a model that never saw it."""
    xs, ys = rows(data, field)
    scored = []  # (best value, right if kept, right if empty)
    for held in {e.split for e in data}:
        inside = [k for k, e in enumerate(data) if e.split != held]
        if not any(y for k in inside for y in ys[k]):
            continue
        model = train([xs[k] for k in inside], [ys[k] for k in inside])
        for k, e in enumerate(data):
            if e.split == held:
                i, value = best(model, xs[k])
                kept = i >= 0 and ys[k][i]
                scored.append((value, kept, not e.gold[field]))
    grid = sorted({round(v, 2) for v, _, _ in scored if np.isfinite(v)}) or [0.0]
    return max(grid, key=lambda t: sum(k if v >= t else empty for v, k, empty in scored))


def choose(model: LinearModel, tau: float, e: Example, x: list[dict[str, float]], field: str) -> str:
    i, value = best(model, x)
    mine = [c for c in e.cands if c.field == field]
    return mine[i].text if i >= 0 and value >= tau else ""


def report(data: Sequence[Example]) -> None:
    """Each set left out in turn: per field, the rules' and the learnt choice's accuracy."""
    print(f"{'field':13} {'docs':>4}  rules  model  (each set left out in turn; the threshold chosen inside)")
    for field in FIELDS:
        xs, ys = rows(data, field)
        got = [""] * len(data)
        for held in {e.split for e in data}:
            inside = [k for k, e in enumerate(data) if e.split != held]
            model = train([xs[k] for k in inside], [ys[k] for k in inside])
            tau = threshold([data[k] for k in inside], field)
            for k, e in enumerate(data):
                if e.split == held:
                    got[k] = choose(model, tau, e, xs[k], field)
        rules = [next((c.text for c in e.cands if c.field == field and c.rule), "") for e in data]
        r = np.mean([right(rules[k], e.gold[field]) for k, e in enumerate(data)])
        m = np.mean([right(got[k], e.gold[field]) for k, e in enumerate(data)])
        reach = np.mean([any(ys[k]) or not e.gold[field] for k, e in enumerate(data)])
        print(f"{field:13} {len(data):>4}  {r:5.2f}  {m:5.2f}  (a right candidate or an empty label: {reach:.2f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--figures", action="store_true", help="print the out-of-sample figures, write nothing")
    parser.add_argument("--check", action="store_true", help="only say whether the shipped model is up to date")
    parser.add_argument("--out", type=Path, default=DATA, help="where to write the model (default: ebp/data)")
    args = parser.parse_args()
    inputs = fingerprint(TRAINING_CODE, "fields_*.jsonl")
    if args.check:
        return check(inputs, (MODEL_FILE,))
    data = examples(args.shared)
    report(data)
    if args.figures:
        return 0
    fields, thresholds = {}, {}
    for field in FIELDS:
        fields[field] = train(*rows(data, field)).to_json()
        thresholds[field] = threshold(data, field)
    about = {"inputs": inputs, "documents": len(data), "splits": [s for s in SPLITS if any(e.split == s for e in data)]}
    args.out.mkdir(parents=True, exist_ok=True)
    out = {"fields": fields, "thresholds": thresholds, "about": about}
    (args.out / MODEL_FILE).write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out / MODEL_FILE} (thresholds {thresholds})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
