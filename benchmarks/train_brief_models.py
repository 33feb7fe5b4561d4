"""Train the learnt parts of the evidence row: the key-sentence ranker and the direction model.

    .venv/bin/python benchmarks/train_brief_models.py [--shared ../shared] [--figures | --check] [--out DIR]

Training data: the brief's labelled development and training sets (``benchmarks/brief``: dev, dev2–dev5,
train1–train7, syn1–syn8), labelled by reading (GUIDE.md). Never the test half or the held-out sets (fresh*), which
``eval_brief.py --test --fresh`` scores. Each set is left out in turn to report the figures out of sample:
key-sentence precision@1 and direction accuracy of the rules alone and of the learnt models, per set. The
direction model learns from the ranker's out-of-fold order, as it meets an unseen document. Writes
``ebp/data/key_ranker.json`` and ``ebp/data/direction_model.json`` (about a minute); ``--figures`` only prints
the figures. Both files record a fingerprint of what they were made from (``about.inputs``: the label files and
the code in ``TRAINING_CODE``); ``--check`` only recomputes it and exits 1 when the shipped files are stale.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from ebp.appraise.direction import direction_of
from ebp.appraise.direction_model import MODEL_FILE as DIRECTION_FILE
from ebp.appraise.direction_model import document_features
from ebp.appraise.findings import SentenceScores, results_sentences, sentence_scores
from ebp.appraise.key_ranker import MODEL_FILE as RANKER_FILE
from ebp.appraise.key_ranker import candidate_features, candidates, ranked
from ebp.appraise.linear import LinearModel
from ebp.appraise.quotes import Quote
from ebp.types import Design, DocumentAppraisal

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_brief import (  # noqa: E402
    ABSTRACTS,
    BRIEF,
    DEVELOPMENT,
    TRAINING,
    load_document,
    load_labels,
    same_sentence,
    sentences_of,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "ebp" / "data"
SPLITS = ("dev", *DEVELOPMENT, *TRAINING)
# The code whose change changes what is learnt: the rules and model the features read, the features, the training.
TRAINING_CODE = (
    "ebp/appraise/quotes.py", "ebp/appraise/findings.py", "ebp/appraise/finding_cues.py",
    "ebp/appraise/finding_model.py", "ebp/data/finding_model.json", "ebp/appraise/direction.py",
    "ebp/appraise/key_ranker.py", "ebp/appraise/direction_model.py", "ebp/appraise/linear.py",
    "benchmarks/train_brief_models.py", "benchmarks/eval_brief.py",
)  # fmt: skip
RANKER_C = 0.3  # chosen by the leave-one-set-out figures of 0.1–1 (flat there)
DIRECTION_C = 0.2


@dataclass(frozen=True)
class Example:
    split: str
    quotes: list[Quote]
    design: Design
    scores: SentenceScores
    keys: frozenset[int]  # the sentences that are one of the labelled key sentences
    direction: str


def labelled_sentences(
    shared: Path, keep: Callable[[dict], bool]
) -> Iterator[tuple[dict, list[Quote], DocumentAppraisal, Design]]:
    """Each labelled document ``keep`` takes that can be read: its label, its sentences (as the brief reads them),
    its appraisal and its design. The training scripts' one way to their examples."""
    for label in load_labels():
        if not keep(label):
            continue
        doc = load_document(label, shared)
        if doc is None:
            continue
        quotes, appraisal = sentences_of(doc)
        yield label, quotes, appraisal, Design(appraisal.design)


def examples(shared: Path) -> list[Example]:
    out = []
    reported = labelled_sentences(shared, lambda label: label["split"] in SPLITS and bool(label["key_sentences"]))
    for label, quotes, _, design in reported:
        scores = sentence_scores(quotes, design)
        wanted = [k["text"] for k in label["key_sentences"]]
        keys = frozenset(i for i, q in enumerate(quotes) if any(same_sentence(q.text, w) for w in wanted))
        out.append(Example(label["split"], quotes, design, scores, keys, label["direction"]))
    return out


def fit(rows: Sequence[dict[str, float]], y: Sequence[str], c: float) -> LinearModel:
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=5000).fit(x, np.asarray(y))
    names = {name: i for i, name in enumerate(vectorizer.get_feature_names_out())}
    return LinearModel(tuple(str(c) for c in model.classes_), names, model.coef_, model.intercept_)


def ranker_rows(examples: Sequence[Example]) -> tuple[list[dict[str, float]], list[str]]:
    rows, y = [], []
    for e in examples:
        head = candidates(e.scores)
        if len(head) >= 2:
            rows += candidate_features(e.quotes, e.design, e.scores, head)
            y += ["key" if i in e.keys else "candidate" for i in head]  # sorted: the model's one row is for "key"
    return rows, y


def first_is_key(e: Example, order: Sequence[int]) -> bool:
    return bool(order) and order[0] in e.keys


def direction_rows(examples: Sequence[Example], orders: Sequence[list[int]]) -> list[dict[str, float]]:
    return [
        document_features(e.quotes, e.design, e.scores, order, results_sentences(e.quotes))
        for e, order in zip(examples, orders, strict=True)
    ]


def main() -> int:
    args = arguments(__doc__ or "", "the two files")
    inputs = fingerprint(TRAINING_CODE)
    if args.check:
        return check(inputs, (RANKER_FILE, DIRECTION_FILE))
    data = examples(args.shared)
    orders = out_of_fold_orders(data)
    features = direction_rows(data, orders)
    report(data, orders, out_of_fold_directions(data, features))
    if args.figures:
        return 0
    ranker = fit(*ranker_rows(data), c=RANKER_C)
    direction = fit(features, [e.direction for e in data], c=DIRECTION_C)
    about = {"inputs": inputs, "documents": len(data), "splits": [s for s in SPLITS if any(e.split == s for e in data)]}
    args.out.mkdir(parents=True, exist_ok=True)
    for model, file in ((ranker, RANKER_FILE), (direction, DIRECTION_FILE)):
        (args.out / file).write_text(
            json.dumps({**model.to_json(), "about": about}, separators=(",", ":")) + "\n", encoding="utf-8"
        )
        print(f"wrote {args.out / file} ({len(model.names)} features)")
    return 0


def arguments(doc: str, written: str) -> argparse.Namespace:
    """The command line of the brief's training scripts: ``--shared``, ``--figures``, ``--check``, ``--out``."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--figures", action="store_true", help="print the out-of-sample figures, write nothing")
    parser.add_argument("--check", action="store_true", help="only say whether the shipped models are up to date")
    parser.add_argument("--out", type=Path, default=DATA, help=f"where to write {written} (default: ebp/data)")
    return parser.parse_args()


def out_of_fold_orders(data: Sequence[Example]) -> list[list[int]]:
    """Each document's sentences in the order of a ranker that never saw its set."""
    orders: list[list[int]] = [[] for _ in data]
    for held in {e.split for e in data}:
        ranker = fit(*ranker_rows([e for e in data if e.split != held]), c=RANKER_C)
        for k, e in enumerate(data):
            if e.split == held:
                orders[k] = ranked(e.quotes, e.design, e.scores, ranker)
    return orders


def out_of_fold_directions(data: Sequence[Example], features: Sequence[dict[str, float]]) -> list[str]:
    """Each document's direction by a model that never saw its set."""
    predicted = [""] * len(data)
    for held in {e.split for e in data}:
        train = [k for k, e in enumerate(data) if e.split != held]
        model = fit([features[k] for k in train], [data[k].direction for k in train], c=DIRECTION_C)
        test = [k for k, e in enumerate(data) if e.split == held]
        for k, p in zip(test, model.predict([features[k] for k in test]), strict=True):
            predicted[k] = p
    return predicted


def report(data: Sequence[Example], orders: Sequence[list[int]], predicted: Sequence[str]) -> None:
    print(f"{'set':8} {'docs':>4}  P@1 rules  ranker   direction rules  model   (each set left out in turn)")
    groups = [(s, [k for k, e in enumerate(data) if e.split == s]) for s in SPLITS]
    groups += [("training", [k for k, e in enumerate(data) if e.split in TRAINING]), ("all", list(range(len(data))))]
    for name, ks in groups:
        if not ks:
            continue
        rules_p1 = np.mean([first_is_key(data[k], data[k].scores.order()) for k in ks])
        model_p1 = np.mean([first_is_key(data[k], orders[k]) for k in ks])
        rules_dir = np.mean([_rules_direction(data[k]) == data[k].direction for k in ks])
        model_dir = np.mean([predicted[k] == data[k].direction for k in ks])
        print(f"{name:8} {len(ks):>4}  {rules_p1:9.2f} {model_p1:7.2f}   {rules_dir:15.2f} {model_dir:6.2f}")


def fingerprint(code: Sequence[str], *globs: str) -> str:
    """A fingerprint of the training inputs: the label files of the training splits (``labels*.jsonl`` and
    ``globs`` under ``benchmarks/brief``), the written abstracts, and the files in ``code``."""
    h = hashlib.sha256()
    files = [ROOT / name for name in code]
    for pattern in ("labels*.jsonl", *globs):
        files += sorted(BRIEF.glob(pattern))
    files += sorted(ABSTRACTS.glob("*.jsonl"))
    for path in files:
        h.update(path.relative_to(ROOT).as_posix().encode() + b"\x00" + path.read_bytes())
    return h.hexdigest()[:20]


def check(inputs: str, files: Sequence[str]) -> int:
    """0 when every shipped model in ``files`` (``ebp/data``) was made from ``inputs``; else 1, with what to run."""
    stale = [
        name
        for name in files
        if json.loads((DATA / name).read_text(encoding="utf-8")).get("about", {}).get("inputs") != inputs
    ]
    if stale:
        script = Path(sys.argv[0]).name
        print(f"stale: {', '.join(stale)} (inputs now {inputs}); rebuild: python benchmarks/{script}")
        return 1
    print(f"up to date (inputs {inputs})")
    return 0


def _rules_direction(e: Example) -> str:
    """The rules' direction over the rules' own key findings (as before the learnt models)."""
    top = [e.quotes[i].text for i in e.scores.order()[:3]]
    return direction_of(top, e.design, results_sentences(e.quotes))


if __name__ == "__main__":
    sys.exit(main())
