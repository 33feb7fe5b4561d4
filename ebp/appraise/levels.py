"""Evidence levels: where a study design stands in an evidence hierarchy (default or the user's own).

Example: ``evidence_level("rct").rank == 2``
"""

from __future__ import annotations

from ebp.types import DESIGNS, Hierarchy, Level

DEFAULT_HIERARCHY: Hierarchy = (
    ("systematic_review", ("systematic_review_meta_analysis",)),
    ("randomised_trial", ("rct",)),
    ("quasi_experimental", ("quasi_experimental",)),
    ("analytic_observational", ("cohort", "case_control")),
    ("cross_sectional", ("cross_sectional",)),
    ("qualitative", ("qualitative",)),
    ("case_study", ("case_study",)),
    ("opinion", ("guideline_or_opinion", "review_narrative")),
)
_LEVEL_LABELS = {  # level name → (English, Indonesian)
    "systematic_review": ("Systematic review / meta-analysis", "Tinjauan sistematis / meta-analisis"),
    "randomised_trial": ("Randomised controlled trial", "Uji acak terkontrol"),
    "quasi_experimental": ("Quasi-experimental study", "Studi kuasi eksperimen"),
    "analytic_observational": ("Cohort or case-control study", "Studi kohort atau kasus-kontrol"),
    "cross_sectional": ("Cross-sectional study or survey", "Studi potong lintang atau survei"),
    "qualitative": ("Qualitative study", "Studi kualitatif"),
    "case_study": ("Case study or case report", "Studi kasus atau laporan kasus"),
    "opinion": ("Guideline, expert opinion or narrative review", "Pedoman, pendapat ahli atau tinjauan naratif"),
    "unranked": ("Not ranked", "Tidak diperingkat"),
}


def evidence_level(design: str, hierarchy: Hierarchy = DEFAULT_HIERARCHY) -> Level:
    """Rank of a design in an evidence hierarchy (best first; an empty one is the default); designs outside it
    rank last.

    Example: ``evidence_level("rct").rank == 2`` and ``evidence_level("other").name == "unranked"``
    """
    hierarchy = hierarchy or DEFAULT_HIERARCHY  # as everywhere else: () would rank every design first
    for rank, (name, designs) in enumerate(hierarchy, start=1):
        if design in designs:
            en, id_ = _LEVEL_LABELS.get(name, (name, name))
            return Level(rank=rank, name=name, label_en=en, label_id=id_)
    if design not in DESIGNS:
        raise ValueError(f"unknown study design {design!r}; expected one of {DESIGNS}")
    en, id_ = _LEVEL_LABELS["unranked"]
    return Level(rank=len(hierarchy) + 1, name="unranked", label_en=en, label_id=id_)


def hierarchy_levels(hierarchy: Hierarchy = DEFAULT_HIERARCHY) -> list[Level]:
    """The levels of an evidence hierarchy, strongest first, with their labels.

    Example: ``hierarchy_levels()[1].name == "randomised_trial"``
    """
    return [evidence_level(designs[0], hierarchy or DEFAULT_HIERARCHY) for _, designs in hierarchy or DEFAULT_HIERARCHY]
