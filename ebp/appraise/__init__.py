"""Appraise: what kind of evidence a document is, and the facts a practitioner checks first.

``cues`` (the bilingual cue phrases), ``design`` (study design from title, abstract and body),
``items`` (sample size, randomisation, control group, follow-up, effect size), ``levels``
(the evidence hierarchy), ``assess`` (all of it for one parsed document).
"""

import hashlib
from functools import cache
from importlib import resources

from ebp.appraise.assess import assess
from ebp.appraise.design import CHECK_BELOW, DesignLabel, classify_design
from ebp.appraise.items import appraise, stated_sample_size
from ebp.appraise.levels import DEFAULT_HIERARCHY, evidence_level, hierarchy_levels


@cache
def appraisal_version() -> str:
    """A fingerprint of the appraisal code and weights: a document labelled by another is appraised again."""
    digest = hashlib.sha1()
    package = resources.files("ebp")
    for folder in ("appraise", "ingest"):
        for entry in sorted(package.joinpath(folder).iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".py") and (folder == "appraise" or entry.name in ("legal.py", "describe.py")):
                digest.update(entry.read_bytes())
    for name in ("design_model.json", "sample_model.json"):
        digest.update(package.joinpath(f"data/{name}").read_bytes())
    return digest.hexdigest()[:12]


__all__ = [
    "appraisal_version",
    "CHECK_BELOW",
    "DEFAULT_HIERARCHY",
    "DesignLabel",
    "appraise",
    "assess",
    "classify_design",
    "evidence_level",
    "hierarchy_levels",
    "stated_sample_size",
]
