"""Rebuild the shipped appraisal weights from the labelled abstracts (repository + ../shared).

    .venv/bin/python benchmarks/train_appraisal.py [--shared ../shared] [--out DIR] [--check]

Writes ``ebp/data/design_model.json`` (the hierarchy of logistic regressions over the cue features,
``ebp.appraise.model``) and ``ebp/data/sample_model.json`` (the sample-size candidate ranking,
``ebp.appraise.sample``). Both are fitted on every labelled record (StudyTypeTeller train + val from
``../shared``, the dev set, the new domains and the fresh set of ``benchmarks/appraisal/``); their
thresholds (``needs_checking``, abstaining on the sample size) come from leave-one-domain-out
predictions, so they are set on data the models that made those predictions had not seen.
``../shared/data/screening/nudging.csv`` is never read.

Both files record a fingerprint of what they were made from (``about.inputs``: the labelled records and
the code in ``appraisal_model.TRAINING_CODE``). ``--check`` only recomputes it (a second) and exits 1
when the shipped weights are stale; ``--out DIR`` writes the two files there instead (the slow test
retrains into a temporary folder and compares).

"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from appraisal_data import load_all  # the script's own folder is on sys.path
from appraisal_model import (
    featurise,
    fit,
    fit_sample,
    nested_sample_threshold,
    nested_threshold,
    node_labels,
    sample_candidates,
    sample_to_json,
    to_json,
    training_digest,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "ebp" / "data"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=DATA, help="folder to write the two weight files to")
    parser.add_argument("--check", action="store_true", help="only say whether the shipped weights are up to date")
    args = parser.parse_args()
    records = load_all(args.shared)
    if not any(r["domain"] == "psychiatry" for r in records):
        print(f"StudyTypeTeller not found under {args.shared}: refusing to train without it", file=sys.stderr)
        return 1
    inputs = training_digest(records, ROOT)
    if args.check:
        return _check(inputs)
    usable = [r for r in records if node_labels(r)]
    x = featurise(usable)
    threshold = nested_threshold(usable, x)
    model = fit(usable, x, check_below=threshold)
    about = {
        "trained": date.today().isoformat(),
        "records": len(usable),
        "by_domain": dict(Counter(r["domain"] for r in usable)),
        "command": "python benchmarks/train_appraisal.py",
        "inputs": inputs,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    _write(args.out / "design_model.json", to_json(model, about))
    labelled = [r for r in records if r.get("has_sample_label")]
    found = sample_candidates(labelled)
    sample_threshold = nested_sample_threshold(labelled, found)
    sample = fit_sample(labelled, found, threshold=sample_threshold)
    about_sample = {**about, "records": len(labelled), "by_domain": dict(Counter(r["domain"] for r in labelled))}
    _write(args.out / "sample_model.json", sample_to_json(sample, about_sample))
    print(f"design model: {len(usable)} records, needs_checking below {threshold:.3f}")
    print(f"sample-size model: {len(labelled)} records, abstains below {sample_threshold:.3f}")
    return 0


def _check(inputs: str) -> int:
    stale = [
        name
        for name in ("design_model.json", "sample_model.json")
        if json.loads((DATA / name).read_text(encoding="utf-8"))["about"].get("inputs") != inputs
    ]
    if stale:
        print(f"stale: {', '.join(stale)} (inputs now {inputs}); rebuild: python benchmarks/train_appraisal.py")
        return 1
    print(f"up to date (inputs {inputs})")
    return 0


def _write(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
