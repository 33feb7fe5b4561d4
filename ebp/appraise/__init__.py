"""Appraise: what kind of evidence a document is, and the facts a practitioner checks first.

``cues`` (the bilingual cue phrases), ``design`` (study design from title, abstract and body),
``items`` (sample size, randomisation, control group, follow-up, effect size), ``levels``
(the evidence hierarchy), ``assess`` (all of it for one parsed document).
"""

from ebp.appraise.assess import assess
from ebp.appraise.design import CHECK_BELOW, DesignLabel, classify_design
from ebp.appraise.items import appraise, stated_sample_size
from ebp.appraise.levels import DEFAULT_HIERARCHY, evidence_level, hierarchy_levels

__all__ = [
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
