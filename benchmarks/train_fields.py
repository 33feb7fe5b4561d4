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
from eval_brief import FIELD_TRAINING, same_field, sample_size  # noqa: E402
from train_brief_models import arguments, check, fingerprint, fit, labelled_sentences  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "ebp" / "data"
SPLITS = ("dev", *FIELD_TRAINING)
TRAINING_CODE = (
    "ebp/appraise/pico.py", "ebp/appraise/field_model.py", "ebp/appraise/direction.py", "ebp/appraise/quotes.py",
    "ebp/appraise/findings.py", "ebp/data/key_ranker.json", "benchmarks/train_fields.py", "benchmarks/eval_brief.py",
)  # fmt: skip
C = 0.3
Bests = dict[int, tuple[int, float]]  # document → (its best candidate, that candidate's value), out of fold


@dataclass(frozen=True)
class Example:
    split: str
    quotes: list[Quote]
    design: Design
    findings: tuple[Quote, ...]
    cands: list[Candidate]
    gold: dict[str, str]


def examples(shared: Path) -> list[Example]:
    out = []
    labelled = labelled_sentences(shared, lambda label: label["split"] in SPLITS and label.get("fields_labelled", True))
    for label, quotes, appraisal, design in labelled:
        n, _ = sample_size(appraisal)
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
        ys.append([same_field(c.text, e.gold[field]) for c in mine])  # a candidate is never empty
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


def out_of_fold(data: Sequence[Example], ks: Sequence[int], xs: Sequence, ys: Sequence) -> Bests:
    """For each document ``k`` of ``ks``: its best candidate and that candidate's value, by a model learnt from the
    other sets among ``ks`` (none when those hold no right candidate)."""
    out = {}
    for held in {data[k].split for k in ks}:
        inside = [k for k in ks if data[k].split != held]
        if not any(y for k in inside for y in ys[k]):
            continue
        model = train([xs[k] for k in inside], [ys[k] for k in inside])
        out.update({k: best(model, xs[k]) for k in ks if data[k].split == held})
    return out


def threshold(data: Sequence[Example], field: str, ys: Sequence, bests: Bests) -> float:
    """The decision value under which the field stays empty: the most right answers over the documents of ``bests``,
    each scored by a model that never saw its set."""
    scored = [(v, i >= 0 and ys[k][i], not data[k].gold[field]) for k, (i, v) in bests.items()]
    grid = sorted({round(v, 2) for v, _, _ in scored if np.isfinite(v)}) or [0.0]
    return max(grid, key=lambda t: sum(kept if v >= t else empty for v, kept, empty in scored))


def report(data: Sequence[Example], field: str, xs: Sequence, ys: Sequence, bests: Bests) -> None:
    """The rules' and the learnt choice's accuracy on ``field``, each set left out in turn (``bests``), the
    threshold chosen inside the other sets, each of them left out in turn."""
    got = [""] * len(data)
    everything = range(len(data))
    for held in {e.split for e in data}:
        inside = [k for k in everything if data[k].split != held]
        tau = threshold(data, field, ys, out_of_fold(data, inside, xs, ys))
        for k in everything:
            i, value = bests.get(k, (-1, -np.inf))
            if data[k].split == held and i >= 0 and value >= tau:
                got[k] = [c for c in data[k].cands if c.field == field][i].text
    rules = [next((c.text for c in e.cands if c.field == field and c.rule), "") for e in data]
    r = np.mean([same_field(rules[k], e.gold[field]) for k, e in enumerate(data)])
    m = np.mean([same_field(got[k], e.gold[field]) for k, e in enumerate(data)])
    reach = np.mean([any(ys[k]) or not e.gold[field] for k, e in enumerate(data)])
    print(f"{field:13} {len(data):>4}  {r:5.2f}  {m:5.2f}  (a right candidate or an empty label: {reach:.2f})")


def main() -> int:
    args = arguments(__doc__ or "", "the model")
    inputs = fingerprint(TRAINING_CODE, "fields_*.jsonl")
    if args.check:
        return check(inputs, (MODEL_FILE,))
    data = examples(args.shared)
    print(f"{'field':13} {'docs':>4}  rules  model  (each set left out in turn; the threshold chosen inside)")
    fields, thresholds = {}, {}
    for field in FIELDS:
        xs, ys = rows(data, field)
        bests = out_of_fold(data, range(len(data)), xs, ys)
        report(data, field, xs, ys, bests)
        fields[field] = train(xs, ys).to_json()
        thresholds[field] = threshold(data, field, ys, bests)
    if args.figures:
        return 0
    about = {"inputs": inputs, "documents": len(data), "splits": [s for s in SPLITS if any(e.split == s for e in data)]}
    args.out.mkdir(parents=True, exist_ok=True)
    out = {"fields": fields, "thresholds": thresholds, "about": about}
    (args.out / MODEL_FILE).write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out / MODEL_FILE} (thresholds {thresholds})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
