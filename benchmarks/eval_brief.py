"""How well the evidence rows of the brief match the labelled gold set (``benchmarks/brief/labels.jsonl``).

    .venv/bin/python benchmarks/eval_brief.py [--shared ../shared] [--errors dev|dev2|dev3|dev4|dev5] [--test] [--fresh]
        [--second-reader] [--json]

Each labelled document (demo corpus, real PDFs, SciFact/NFCorpus abstracts, Indonesian abstracts) goes
through ebp's own reading (parse → chunk → appraise → ``ebp.appraise.findings.evidence_row``) and is
compared with the labels written by reading (``benchmarks/brief/GUIDE.md``): key-sentence precision@1
(the first sentence ebp quotes is one of the labelled key sentences) and recall@2 (one of its first
two is), direction accuracy, per-field accuracy (participants, intervention, comparison, outcomes:
right when both are empty or the phrases share at least half their words, by token F1; n: equal) and
how many quoted sentences are found on the page they cite.

The labels are split in two halves by a hash of the document id: the rules were written and revised
while reading mistakes on ``dev`` only; ``test`` is scored only with ``--test`` (each run is reported).
``labels_dev2.jsonl`` (62 more documents labelled by reading on 2026-12-03, key sentences and direction
only) is a second development set, ``dev2``, and ``labels_dev3.jsonl`` (33 more, labelled the same way the
same day, before ebp was run on them) a third, ``dev3``, and ``labels_dev4.jsonl`` (60 abstracts drawn at random on
2026-12-04, labelled blind by a helper session) a fourth, ``dev4``; none is ever mixed into ``test``.
``labels_fresh.jsonl`` (44 abstracts drawn at random on 2026-12-04 from the appraisal benchmark, SciFact and
NFCorpus, none labelled before, labelled blind by a helper session by reading only) is held out like ``test``:
scored only with ``--fresh`` (each run is reported), and apart for ``fresh_unseen``, the abstracts the key-sentence
model's distant supervision could not have read (12 of the 44 are structured abstracts it was trained on, by their
own section labels). ``labels_fresh2.jsonl`` (60 more, drawn and labelled the same way later that day, after
the rules had been revised on dev4) is scored with it, as ``fresh2``. ``labels_second_reader.jsonl``: 40
documents of dev2/dev3
labelled again by a second, independent reader (``--second-reader`` prints how often the two readers agree).
``fields_SET.jsonl`` (``FIELD_TRAINING``: train1, train3, train6, syn5, syn7; and fresh3) hold the fields of those
sets' documents, labelled blind by helper sessions on 2026-12-04 before the learnt choice of fields existed
(``train_fields.py`` learns from the first five; fresh3's are held out with the rest of fresh3).
The training sets (``TRAINING``) are scored by default: train1–train7 (drawn at random, labelled blind) and
syn1–syn8 (abstracts written by helper sessions, ``abstracts/``, labelled blind by others).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from ebp.appraise.assess import assess
from ebp.appraise.findings import EvidenceRow, evidence_row
from ebp.appraise.quotes import Quote, candidate_sentences, locate, normalised
from ebp.ingest.chunk import chunk
from ebp.ingest.describe import describe
from ebp.ingest.parse import parse_file
from ebp.present.brief import on_page as quote_on_page
from ebp.types import Design, DocType, DocumentAppraisal, Page, ParsedDocument

ROOT = Path(__file__).resolve().parents[1]
BRIEF = ROOT / "benchmarks" / "brief"
LABELS = BRIEF / "labels.jsonl"
# The later sets, each file its own split: development sets (read for mistakes) and held-out ones (``--fresh``).
DEVELOPMENT = ("dev2", "dev3", "dev4", "dev5")
# Abstracts written for the training sets by helper sessions, each set in one field's style (``abstracts/``), and
# labelled blind by others; what each writer meant is kept beside them (``*.intent.jsonl``), never read by labellers.
ABSTRACTS = BRIEF / "abstracts"
SYNTHETIC = ("syn1", "syn2", "syn3", "syn4", "syn5", "syn6", "syn7", "syn8")
# Training sets for the learnt parts of the brief (``train_brief_models.py``): read for mistakes, learnt from:
# abstracts drawn at random from the appraisal benchmark (train1–5), SciFact and NFCorpus (train6–7), and written ones.
TRAINING = ("train1", "train2", "train3", "train4", "train5", "train6", "train7", *SYNTHETIC)
HELD_OUT = ("fresh", "fresh2", "fresh3")
# Sets whose fields (participants, n, intervention, comparison, outcomes) were also labelled, blind, by reading
# (``fields_SET.jsonl``, 2026-12-04, before the learnt choice of fields existed): learnt from (train_fields.py),
# except fresh3's, which are held out like the rest of fresh3.
FIELD_TRAINING = ("train1", "train3", "train6", "syn5", "syn7")
FIELD_HELD_OUT = ("fresh3",)
SECOND_READER = BRIEF / "labels_second_reader.jsonl"
# Abstracts of the appraisal benchmark (benchmarks/appraisal/*.jsonl), by their ``source``.
ABSTRACT_FILES = {"sw-en": "social_work", "cr-en": "criminology", "ed-en": "education", "po-en": "policy",
                  "fresh": "fresh", "idj": "id_journals"}  # fmt: skip
FIELDS = ("participants", "intervention", "comparison", "outcomes")


def half(doc: str) -> str:
    """``dev`` or ``test``, fixed by the document id."""
    return "dev" if int(hashlib.sha1(doc.encode()).hexdigest(), 16) % 2 == 0 else "test"


def load_labels() -> list[dict]:
    """Every labelled document with its ``split`` (dev, test, one of ``DEVELOPMENT`` or ``HELD_OUT``)."""
    out = []
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            label = json.loads(line)
            out.append({**label, "split": half(label["doc"])})
    for split in (*DEVELOPMENT, *TRAINING, *HELD_OUT):
        path = BRIEF / f"labels_{split}.jsonl"
        if path.exists():
            fields = _fields(split)
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    label = {**json.loads(line), "split": split}
                    out.append({**label, **fields[label["doc"]], "fields_labelled": True} if label["doc"] in fields
                               else label)  # fmt: skip
    return out


def _fields(split: str) -> dict[str, dict]:
    """The fields labelled for a set's documents (``fields_SET.jsonl``), by document id; none when not labelled."""
    path = BRIEF / f"fields_{split}.jsonl"
    if split not in (*FIELD_TRAINING, *FIELD_HELD_OUT) or not path.exists():
        return {}
    keys = (*FIELDS, "n", "n_unit")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {r["doc"]: {k: r[k] for k in keys} for r in rows}


def labelled_documents() -> set[tuple[str, str]]:
    """(source, id) of every labelled document, of every split: never training data."""
    return {(label["source"], label["doc"]) for label in load_labels()}


def load_document(label: dict, shared: Path) -> ParsedDocument | None:
    source, doc = label["source"], label["doc"]
    if source == "demo":
        path = ROOT / doc
        return parse_file(path, path.parent)
    if source == "real":
        path = shared / "data" / "pdfs" / "real" / doc
        return parse_file(path, path.parent) if path.exists() else None
    if source in ("scifact", "nfcorpus"):
        record = _beir(shared / "data" / "beir" / source / "corpus.jsonl", doc)
        if record is None:
            return None
        text = f"{record['title']}\n{record['text']}"
        return ParsedDocument(Path(doc), doc, DocType.JOURNAL_ARTICLE, (Page(1, text),), {"title": record["title"]})
    appraisal = ROOT / "benchmarks" / "appraisal"
    if source == "ebp-id":
        return _abstract(appraisal / "dev_labels.jsonl", "id", doc)
    if source in SYNTHETIC:
        return _abstract(ABSTRACTS / f"{source}.jsonl", "doc", doc)
    if source in ABSTRACT_FILES:
        return _abstract(appraisal / f"{ABSTRACT_FILES[source]}.jsonl", "id", doc)
    return None


def _abstract(path: Path, key: str, doc: str) -> ParsedDocument | None:
    """The abstract record whose ``key`` is ``doc`` in a JSONL file, as a one-page document (title, abstract)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r[key] == doc:
            text = f"{r['title']}\n{r['abstract']}"
            return ParsedDocument(Path(doc), doc, DocType.JOURNAL_ARTICLE, (Page(1, text),), {"title": r["title"]})
    return None


def _beir(path: Path, doc_id: str) -> dict | None:
    if not path.exists():
        return None
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if f'"{doc_id}"' in line:
                record = json.loads(line)
                if record["_id"] == doc_id:
                    return record
    return None


def read(doc: ParsedDocument) -> tuple[EvidenceRow, Design]:
    """ebp's evidence row of a document, as the brief shows it: quotes not found on their page are dropped."""
    quotes, appraisal = sentences_of(doc)
    n, unit = sample_size(appraisal)
    row = evidence_row(quotes, Design(appraisal.design), n, unit)
    pages = {p.number: p.text for p in doc.pages}
    return replace(row, key_findings=tuple(q for q in row.key_findings if quote_on_page(q, pages))), Design(
        appraisal.design
    )


def sample_size(appraisal: DocumentAppraisal) -> tuple[int | None, str]:
    """The appraisal's sample size and its unit, as the evidence row is given them; (None, "") when not stated."""
    size = next((i for i in appraisal.items if i.name == "sample_size" and i.value), None)
    return (int(size.value), size.unit) if size is not None and size.value else (None, "")


def sentences_of(doc: ParsedDocument) -> tuple[list[Quote], DocumentAppraisal]:
    """The document's sentences with their pages (as the brief reads them) and its appraisal."""
    passages = chunk(doc.pages)
    appraisal = assess(doc, describe(doc), passages)
    pages = {p.number: p.text for p in doc.pages}
    return [locate(q, pages) for q in candidate_sentences(passages, pages)], appraisal


def same_sentence(a: str, b: str) -> bool:
    x, y = normalised(a), normalised(b)
    if not x or not y:
        return False
    if x in y or y in x:
        return min(len(x), len(y)) >= 0.6 * max(len(x), len(y))
    return _f1(x, y) >= 0.8


def same_field(got: str, want: str) -> bool:
    """A field is right when both are empty or the phrases share at least half their words (token F1)."""
    return (not want and not got) or (bool(want) and bool(got) and _f1(want, got) >= 0.5)


def _f1(a: str, b: str) -> float:
    ta, tb = re.findall(r"\w+", a.lower()), re.findall(r"\w+", b.lower())
    if not ta or not tb:
        return 0.0
    common = sum(min(ta.count(w), tb.count(w)) for w in set(ta))
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def on_page(doc: ParsedDocument, text: str, page: int) -> bool:
    pages = {p.number: normalised(p.text) for p in doc.pages}
    return normalised(text)[:200] in pages.get(page, "")


def score(label: dict, row, doc: ParsedDocument) -> dict:  # type: ignore[no-untyped-def]
    gold = [k["text"] for k in label["key_sentences"]]
    found = [q.text for q in row.key_findings]
    out = {
        "p_at_1": bool(found) and any(same_sentence(found[0], g) for g in gold),
        "r_at_2": any(same_sentence(f, g) for f in found[:2] for g in gold),
        "direction": row.direction == label["direction"],
        "quotes_on_page": [on_page(doc, q.text, q.page) for q in row.key_findings],
    }
    if not label.get("fields_labelled", True):
        return out
    out["n"] = row.n == label["n"]
    for name in FIELDS:
        want, got = label[name]["text"], getattr(row, name).text
        out[name] = same_field(got, want)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "--errors", choices=("dev", *DEVELOPMENT, *TRAINING), help="list the mistakes on a development set"
    )
    parser.add_argument("--test", action="store_true", help="score the test half too (report every such run)")
    parser.add_argument("--fresh", action="store_true", help="score the fresh held-out sets too (report every run)")
    parser.add_argument("--second-reader", action="store_true", help="how often two readers' labels agree")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.second_reader:
        return second_reader()
    present = [split for split in (*DEVELOPMENT, *TRAINING) if (BRIEF / f"labels_{split}.jsonl").exists()]
    splits = ("dev", *present, *(("test",) if args.test else ()), *(HELD_OUT if args.fresh else ()))
    results: dict[str, list[dict]] = {name: [] for name in splits}
    skipped = 0
    for label in load_labels():
        if label["split"] not in results or not label["key_sentences"]:
            continue  # another split, or a document that reports no findings (GUIDE: skipped, not labelled)
        doc = load_document(label, args.shared)
        if doc is None:
            skipped += 1
            continue
        row, design = read(doc)
        scored = score(label, row, doc)
        results[label["split"]].append(scored)
        if label["split"].startswith("fresh") and not _trained_on(doc):
            results.setdefault(f"{label['split']}_unseen", []).append(scored)
        if args.errors == label["split"] and not (scored["p_at_1"] and scored["direction"]):
            print(f"--- {label['source']}:{label['doc']} ({design}) direction {row.direction}/{label['direction']}")
            print(f"  ebp : {row.key_findings[0].text if row.key_findings else '-'}")
            print(f"  gold: {label['key_sentences'][0]['text']}")
    everything = [r for name, rows in results.items() if not name.endswith("_unseen") for r in rows]
    pooled = {"all": everything}
    if args.test and args.fresh:  # every document no rule or model was fitted on, together
        pooled["held-out"] = [r for name in ("test", *HELD_OUT) for r in results[name]]
    report: dict[str, Any] = {name: _summary(rows) for name, rows in {**results, **pooled}.items()}
    report["skipped"] = skipped
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for name in (*results, *pooled):  # "all": the splits printed above
            r = report[name]
            fields = ", ".join(f"{f} {r[f]:.2f}" for f in (*FIELDS, "n") if f in r)
            key = f"key sentence P@1 {r['p_at_1']:.2f}, R@2 {r['r_at_2']:.2f}"
            print(f"{name:4} ({r['documents']:>2} documents): {key}; direction {r['direction']:.2f}; {fields}; "
                  f"quotes on their page {r['quotes_on_page']:.3f}")  # fmt: skip
        print("(dev, dev2–dev5 and train*: the key-sentence ranker and the direction model learnt from them, so these "
              "figures are in sample; out of sample: benchmarks/train_brief_models.py --figures)")  # fmt: skip
        if skipped:
            print(f"({skipped} labelled documents not found: their source is not under {args.shared})")
    return 0


def _trained_on(doc: ParsedDocument) -> bool:
    """Whether the key-sentence model's distant supervision could have read this abstract: a structured abstract
    (``train_brief.examples``) that was not yet labelled when the model was trained (the fresh set was not)."""
    from train_brief import examples  # a script beside this one; it imports this module

    title, _, text = doc.pages[0].text.partition("\n")
    return examples(title, text) is not None


def second_reader() -> int:
    """How often a second reader's labels agree with the first's: the first key sentence of either among the
    other's key sentences (the readers' own precision@1) and the same direction."""
    first = {(label["source"], label["doc"]): label for label in load_labels()}
    pairs = [
        (first[(b["source"], b["doc"])], b)
        for b in map(json.loads, SECOND_READER.read_text(encoding="utf-8").splitlines())
        if (b["source"], b["doc"]) in first
    ]

    def agrees(x: dict, y: dict) -> bool:
        return any(same_sentence(x["key_sentences"][0]["text"], k["text"]) for k in y["key_sentences"])

    n = len(pairs)
    print(f"{n} documents read twice: second reader's first key sentence among the first's "
          f"{sum(agrees(b, a) for a, b in pairs) / n:.2f}, the first's among the second's "
          f"{sum(agrees(a, b) for a, b in pairs) / n:.2f}; same direction "
          f"{sum(a['direction'] == b['direction'] for a, b in pairs) / n:.2f}")  # fmt: skip
    return 0


def _summary(rows: list[dict]) -> dict:
    if not rows:
        return {"documents": 0}
    out: dict[str, float] = {"documents": len(rows)}
    for key in ("p_at_1", "r_at_2", "direction", "n", *FIELDS):
        values = [r[key] for r in rows if key in r]
        if values:
            out[key] = round(float(np.mean(values)), 3)
    quotes = [ok for r in rows for ok in r["quotes_on_page"]]
    out["quotes_on_page"] = round(float(np.mean(quotes)), 3) if quotes else 1.0
    return out


if __name__ == "__main__":
    sys.exit(main())
