"""Study-design and sample-size quality of ebp.appraise on the labelled development set.

    .venv/bin/python benchmarks/eval_appraisal.py [--shared ../shared] [--errors] [--compare-ml]

Reads ``benchmarks/appraisal/dev_labels.jsonl``: Indonesian abstracts carry their text; SciFact and
NFCorpus records carry only an id, looked up in ``shared/data/beir/<source>/corpus.jsonl`` (records
whose corpus is absent are skipped and counted). Prints per-class precision, recall and F1, macro-F1
and the accuracy of the stated sample size (a null label must give None), all from scikit-learn.

The rules have no training step, so their dev figures are not training-set figures; they were still
written while reading this set, so expect held-out numbers to be lower. ``--compare-ml`` runs 5-fold
stratified cross-validation of a TF-IDF + logistic-regression classifier, alone and as a fallback when
the rules are unsure, to show whether a trained model would earn its place (it is never scored on the
data it was trained on).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "benchmarks" / "appraisal" / "dev_labels.jsonl"


def load(shared: Path) -> tuple[list[dict], int]:
    """Dev records with ``text`` filled in; the number skipped because their corpus is absent."""
    records = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted: dict[str, set[str]] = {}
    for r in records:
        if r["source"] != "ebp-id":
            wanted.setdefault(r["source"], set()).add(r["id"])
    corpora = {
        source: dict(_read_corpus(shared / "data" / "beir" / source / "corpus.jsonl", ids))
        for source, ids in wanted.items()
    }
    out, skipped = [], 0
    for r in records:
        if r["source"] == "ebp-id":
            out.append({**r, "abstract": r["abstract"]})
        elif r["id"] in corpora.get(r["source"], {}):
            doc = corpora[r["source"]][r["id"]]
            out.append({**r, "title": doc["title"], "abstract": doc["text"]})
        else:
            skipped += 1
    return out, skipped


def _read_corpus(path: Path, ids: set[str]) -> Iterator[tuple[str, dict]]:
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc["_id"] in ids:
                yield doc["_id"], doc


def evaluate(records: list[dict], show_errors: bool) -> None:
    from sklearn.metrics import accuracy_score, classification_report, f1_score

    from ebp.appraise import classify_design, stated_sample_size
    from ebp.types import DESIGNS

    gold = [r["design"] for r in records]
    designs = [classify_design(r["title"], r["abstract"]) for r in records]
    pred = [d.label for d in designs]
    labels = [d for d in DESIGNS if d in gold or d in pred]
    print(f"study design on {len(records)} abstracts")
    print(classification_report(gold, pred, labels=labels, digits=3, zero_division=0))
    print(f"macro-F1 {f1_score(gold, pred, labels=labels, average='macro', zero_division=0):.3f}")
    checked = [d.needs_checking for d in designs]
    wrong_unflagged = sum(1 for g, d in zip(gold, designs, strict=True) if g != d.label and not d.needs_checking)
    print(
        f"needs_checking on {sum(checked)} ({sum(checked) / len(records):.0%}); wrong and not flagged: "
        f"{wrong_unflagged}"
    )

    size_gold = [str(r["sample_size"]) for r in records]
    size_pred = [str(stated_sample_size(f"{r['title']}.\n\n{r['abstract']}")) for r in records]
    stated = [i for i, r in enumerate(records) if r["sample_size"] is not None]
    print(
        f"\nstated sample size accuracy {accuracy_score(size_gold, size_pred):.3f} on {len(records)} "
        f"(a null label must give None); on the {len(stated)} with a stated N: "
        f"{accuracy_score([size_gold[i] for i in stated], [size_pred[i] for i in stated]):.3f}"
    )
    if show_errors:
        for r, g, d, sg, sp in zip(records, gold, designs, size_gold, size_pred, strict=True):
            if g != d.label:
                print(f"  design {r['source']}:{r['id']} gold={g} pred={d.label} conf={d.confidence} cues={d.cues}")
            if sg != sp:
                print(f"  size   {r['source']}:{r['id']} gold={sg} pred={sp}")


def compare_ml(records: list[dict], folds: int = 5) -> None:
    """Cross-validated TF-IDF + logistic regression, alone and as a fallback to unsure rules."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import make_pipeline

    from ebp.appraise import classify_design

    texts = [f"{r['title']} {r['title']} {r['abstract']}" for r in records]
    gold = [r["design"] for r in records]
    rules = [classify_design(r["title"], r["abstract"]) for r in records]
    ml_pred, hybrid = [""] * len(records), [""] * len(records)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    for train, test in splitter.split(texts, gold):
        model = make_pipeline(
            TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
            LogisticRegression(max_iter=2000, C=5.0, class_weight="balanced"),
        )
        model.fit([texts[i] for i in train], [gold[i] for i in train])
        for i, label in zip(test, model.predict([texts[i] for i in test]), strict=True):
            ml_pred[i] = label
            hybrid[i] = label if rules[i].needs_checking and rules[i].confidence < 0.45 else rules[i].label
    for name, pred in (
        ("rules", [d.label for d in rules]),
        ("tf-idf+lr (cv)", ml_pred),
        ("rules, lr when unsure (cv)", hybrid),
    ):
        print(f"{name:28s} macro-F1 {f1_score(gold, pred, average='macro', zero_division=0):.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--compare-ml", action="store_true", help="cross-validate a trained classifier too")
    args = parser.parse_args()
    records, skipped = load(args.shared)
    if skipped:
        print(f"skipped {skipped} records: their BEIR corpus is not under {args.shared}", file=sys.stderr)
    if not records:
        print("nothing to evaluate", file=sys.stderr)
        return 0
    evaluate(records, args.errors)
    if args.compare_ml:
        print()
        compare_ml(records)
    return 0


if __name__ == "__main__":
    sys.exit(main())
