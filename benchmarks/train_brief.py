"""Train the key-finding sentence model (``ebp.appraise.finding_model``) by distant supervision.

    .venv/bin/python benchmarks/train_brief.py [--shared ../shared] [--check]

Training data: structured abstracts, whose own labels say which part a sentence is in — NFCorpus and
SciFact (``../shared/data/beir``) and the appraisal benchmark's abstracts (``benchmarks/appraisal/*.jsonl``:
social work, criminology, education, policy, fresh, Indonesian journals). The labels are stripped; each
sentence's class is its part: ``conclusion_first`` (the first sentence of the conclusion),
``conclusion_rest``, ``result`` or ``other`` (background, aims, methods; copyright lines and "further
research" sentences of a conclusion). No document of the brief's labelled set (``benchmarks/brief``: dev,
test and dev2) is used, by source and id. Writes ``ebp/data/finding_model.json``; ``--check`` only
prints what would be trained.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from ebp.appraise.finding_cues import FUTURE
from ebp.appraise.finding_model import CLASSES, sentence_features
from ebp.text import sentences

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_brief import ABSTRACT_FILES, labelled_documents  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "ebp" / "data" / "finding_model.json"
CONCLUSION = {"conclusion", "conclusions", "interpretation", "conclusions and relevance", "authors' conclusions",
              "kesimpulan", "simpulan", "conclusion and relevance", "implications",
              "conclusions/significance"}  # fmt: skip
RESULT = {"results", "result", "findings", "main results", "hasil", "principal findings", "measurements and results"}
OTHER = {"background", "objective", "objectives", "aim", "aims", "purpose", "methods", "method", "design", "setting",
         "participants", "subjects", "introduction", "context", "importance", "main outcome measures",
         "main outcome measure", "main outcomes and measures", "interventions", "intervention", "materials and methods",
         "data sources", "study selection", "data extraction", "search methods", "selection criteria",
         "data collection and analysis", "study design", "patients and methods", "methods and analysis",
         "latar belakang", "tujuan", "metode", "exposures", "exposure", "measurements", "patients", "population",
         "design, setting, and participants", "rationale", "aim of the study", "hypothesis", "methodology"}  # fmt: skip
# A label run-in: "RESULTS:", "Results:", "CONCLUSIONS AND RELEVANCE" (SciFact drops the colon of capitals).
_LABEL = re.compile(
    r"(?:(?<=^)|(?<=[.?!)]\s))((?:[A-Z][A-Z,'/]*(?:\s+(?:AND|OF|[A-Z][A-Z,'/]+))*)|(?:[A-Z][a-z']+(?:\s+[a-z]+){0,3}))"
    r"(?::\s+|\s+(?=[A-Z0-9]))"
)
_FEATURE_MIN_DOCS = 30


def sections(text: str) -> list[tuple[str, str]] | None:
    """(label, text) parts of a structured abstract; None when a part's label is not known."""
    marks = [m for m in _LABEL.finditer(text) if _known(m.group(1))]
    if len(marks) < 2 or not any(_kind(m.group(1)) in ("result", "conclusion") for m in marks):
        return None
    if marks[0].start() > 0 and text[: marks[0].start()].strip():
        return None  # text before the first label: not a structured abstract
    out = []
    for m, nxt in zip(marks, [*marks[1:], None], strict=True):
        out.append((m.group(1).lower(), text[m.end() : nxt.start() if nxt else len(text)].strip()))
    return out


def _known(label: str) -> bool:
    return _kind(label) is not None


def _kind(label: str) -> str | None:
    low = label.lower().strip()
    if low in CONCLUSION:
        return "conclusion"
    if low in RESULT:
        return "result"
    if low in OTHER:
        return "other"
    return None


def examples(title: str, text: str) -> tuple[list[str], list[str]] | None:
    """The abstract's sentences (title first, labels stripped) and their classes."""
    parts = sections(" ".join(text.split()))
    if parts is None:
        return None
    texts, classes = [title], ["other"]
    for label, body in parts:
        kind = _kind(label)
        first = True
        for sentence in sentences(body):
            texts.append(sentence)
            if (
                kind == "conclusion"
                and not FUTURE.search(sentence)
                and not re.search(r"copyright|©|rights", sentence, re.I)
            ):
                classes.append("conclusion_first" if first else "conclusion_rest")
                first = False
            elif kind == "result":
                classes.append("result")
            else:
                classes.append("other")
    return texts, classes


def abstracts(shared: Path) -> list[tuple[str, str, str, str]]:
    """(source, id, title, text) of every candidate training abstract."""
    out = []
    for source in ("nfcorpus", "scifact"):
        path = shared / "data" / "beir" / source / "corpus.jsonl"
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                out.append((source, r["_id"], r["title"], r["text"]))
    for source, name in ABSTRACT_FILES.items():
        for line in (ROOT / "benchmarks" / "appraisal" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            out.append((source, r["id"], r["title"], r["abstract"]))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    held_out = labelled_documents()
    rows: list[dict[str, float]] = []
    ys: list[str] = []
    used: dict[str, int] = {}
    excluded = 0
    for source, doc_id, title, text in abstracts(args.shared):
        if (source, doc_id) in held_out:
            excluded += 1
            continue
        ex = examples(title, text)
        if ex is None:
            continue
        rows += sentence_features(ex[0])
        ys += ex[1]
        used[source] = used.get(source, 0) + 1
    print(f"abstracts used: {used}; labelled documents left out: {excluded}; sentences: {len(ys)}")
    print({c: ys.count(c) for c in CLASSES})
    doc_freq: dict[str, int] = {}
    for r in rows:
        for k in r:
            doc_freq[k] = doc_freq.get(k, 0) + 1
    keep = {k for k, v in doc_freq.items() if not k.startswith("w:") or v >= _FEATURE_MIN_DOCS}
    rows = [{k: v for k, v in r.items() if k in keep} for r in rows]
    vec = DictVectorizer(sparse=True)
    x = vec.fit_transform(rows)
    y = np.array([CLASSES.index(c) for c in ys])
    clf = LogisticRegression(C=0.5, max_iter=2000, fit_intercept=False)
    clf.fit(x, y)
    print(f"features: {x.shape[1]}; training accuracy {clf.score(x, y):.3f}")
    if args.check:
        return 0
    data = {
        "about": {
            "trained_by": "benchmarks/train_brief.py",
            "abstracts": used,
            "sentences": len(ys),
            "left_out_labelled_documents": excluded,
        },
        "classes": list(CLASSES),
        "features": list(vec.feature_names_),
        "coef": np.round(clf.coef_, 3).tolist(),
        "intercept": [0.0] * len(CLASSES),
        "weights": {"other": 0.0, "result": 0.35, "conclusion_first": 1.0, "conclusion_rest": 0.3},
        "scale": 20.0,  # beside the rules' score (weight 1); chosen on dev and dev2
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
