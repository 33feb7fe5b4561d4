"""The trained design model: a hierarchy of small logistic regressions over the cue features.

The decisions follow a methodologist's order (``benchmarks/appraisal/GUIDE.md``):

    kind:          a primary study, a review, opinion/guideline, a protocol, or other (animal, lab, model)
    review:        systematic or narrative
    primary:       investigators assigned an intervention, observed, qualitative, or a case
    randomised:    by chance (rct) or not (quasi_experimental)
    observational: cohort, case_control or cross_sectional

A design's probability is the product along its path. The weights are trained by
``benchmarks/train_appraisal.py`` on the labelled abstracts in the repository and ``../shared`` and
shipped in ``ebp/data/design_model.json`` (numbers only; inference is plain numpy). ``check_below`` is
the probability under which a label is flagged ``needs_checking``, chosen so that unflagged labels
were right at least 90 % of the time on domains the model had not seen.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from ebp.appraise.features import feature_names, vector

MODEL_FILE = "design_model.json"
# design → the node decisions on its path
PATHS: dict[str, tuple[tuple[str, str], ...]] = {
    "systematic_review_meta_analysis": (("kind", "review"), ("review", "systematic")),
    "review_narrative": (("kind", "review"), ("review", "narrative")),
    "guideline_or_opinion": (("kind", "opinion"),),
    "rct": (("kind", "primary"), ("primary", "interventional"), ("randomised", "rct")),
    "quasi_experimental": (("kind", "primary"), ("primary", "interventional"), ("randomised", "quasi")),
    "cohort": (("kind", "primary"), ("primary", "observational"), ("observational", "cohort")),
    "case_control": (("kind", "primary"), ("primary", "observational"), ("observational", "case_control")),
    "cross_sectional": (("kind", "primary"), ("primary", "observational"), ("observational", "cross_sectional")),
    "qualitative": (("kind", "primary"), ("primary", "qualitative")),
    "case_study": (("kind", "primary"), ("primary", "case")),
}
OTHER_KINDS = ("protocol", "other")  # both make the design "other"
PRIMARY = frozenset(d for d, path in PATHS.items() if path[0] == ("kind", "primary"))


@dataclass(frozen=True)
class Node:
    """One decision: a multinomial logistic regression (a binary one is stored as two rows)."""

    classes: tuple[str, ...]
    coef: np.ndarray  # classes × features
    intercept: np.ndarray  # classes

    def probabilities(self, x: np.ndarray) -> dict[str, float]:
        z = self.coef @ x + self.intercept
        z = np.exp(z - z.max())
        p = z / z.sum()
        return {c: float(v) for c, v in zip(self.classes, p, strict=True)}


@dataclass(frozen=True)
class DesignModel:
    features: tuple[str, ...]
    nodes: dict[str, Node]
    check_below: float

    @classmethod
    def from_json(cls, data: dict) -> DesignModel:  # type: ignore[type-arg]
        if tuple(data["features"]) != feature_names():
            raise RuntimeError(
                "the shipped design model was trained on other features than this ebp extracts; "
                "retrain it: python benchmarks/train_appraisal.py"
            )
        nodes = {
            name: Node(tuple(n["classes"]), np.asarray(n["coef"], dtype=float), np.asarray(n["intercept"], dtype=float))
            for name, n in data["nodes"].items()
        }
        return cls(tuple(data["features"]), nodes, float(data["check_below"]))

    def node_probabilities(self, values: dict[str, float]) -> dict[str, dict[str, float]]:
        x = np.asarray(vector(values, self.features), dtype=float)
        return {name: node.probabilities(x) for name, node in self.nodes.items()}

    def probabilities(self, values: dict[str, float]) -> dict[str, float]:
        """Every design's probability for one abstract's features (they sum to 1)."""
        return design_probabilities(self.node_probabilities(values))


def design_probabilities(nodes: dict[str, dict[str, float]]) -> dict[str, float]:
    """Designs from node decisions: the product along each design's path.

    Example: ``design_probabilities({"kind": {"opinion": 1.0, ...}, ...})["guideline_or_opinion"] == 1.0``
    """
    out = {design: float(np.prod([nodes[node][choice] for node, choice in path])) for design, path in PATHS.items()}
    out["other"] = sum(nodes["kind"].get(k, 0.0) for k in OTHER_KINDS)
    return out


@cache
def default_model() -> DesignModel:
    """The model shipped with ebp (loaded once)."""
    text = resources.files("ebp").joinpath(f"data/{MODEL_FILE}").read_text(encoding="utf-8")
    return DesignModel.from_json(json.loads(text))


def _fired(values: dict[str, float], tag: str, weights: tuple[float, ...], zones: tuple[str, ...]) -> bool:
    from ebp.appraise.features import all_cues

    return any(
        values.get(f"{t}.{i}.{zone}", 0.0) > 0
        for i, (t, w, _) in enumerate(all_cues())
        if t == tag and w in weights
        for zone in zones
    )


def decisive(values: dict[str, float]) -> str | None:
    """A design the text settles by itself, whatever the weights say: a methodologist's first reading.

    The study says it randomised (a randomised trial in the title or about its own study; participants
    randomly assigned, randomised to arms, a lottery) and does not say it did not: ``rct``, unless it is a
    protocol or an observational analysis of trial data. A review that calls itself systematic or a
    meta-analysis, in the title or about itself: ``systematic_review_meta_analysis``, unless a protocol.
    """
    if values.get("sign.protocol_title", 0.0) > 0:
        return "other"  # "study protocol for a randomised trial": a protocol is not evidence yet (GUIDE.md, step 1)
    protocol = values.get("sign.protocol", 0.0) > 0 and values.get("sign.results", 0.0) == 0
    if protocol:
        return None
    named = _fired(values, "systematic_review_meta_analysis", (3.0,), ("title", "self"))
    searched = _fired(values, "systematic_review_meta_analysis", (2.0,), ("title", "self", "plain", "opening"))
    narrative = values.get("sign.narrative_self", 0.0) > 0  # "this narrative review … drew on systematic reviews"
    if not narrative and (named or (searched and values.get("score.systematic_review_meta_analysis", 0.0) >= 1.6)):
        return "systematic_review_meta_analysis"
    said = _fired(values, "rct", (3.0,), ("title", "self")) or _fired(values, "rct", (2.0,), ("title", "self", "plain"))
    denied = values.get("sign.not_randomised", 0.0) > 0
    observational = values.get("sign.secondary", 0.0) > 0 and values.get("sign.observational", 0.0) > 0
    animals = values.get("sign.animal_or_lab", 0.0) >= math.log1p(2) and values.get(
        "sign.animal_or_lab", 0.0
    ) > values.get("sign.human", 0.0)  # "mice were randomly assigned": an animal experiment, "other" by the guide
    if said and observational:
        return "cohort"  # an observational question asked of a trial's data (GUIDE.md, step 3)
    if said and not denied and not animals:
        return "rct"
    return None


def decide(probabilities: dict[str, float], values: dict[str, float]) -> tuple[str, float]:
    """The design and its confidence: a decisive statement of the text first, else the likeliest design."""
    settled = decisive(values)
    if settled is not None:
        return settled, max(probabilities[settled], DECISIVE_CONFIDENCE)
    best = max(probabilities, key=probabilities.__getitem__)
    if best in PRIMARY and values.get("text.no_design_word", 0.0) > 0 and values.get("text.no_data", 0.0) > 0:
        # No design named and no data of its own (no results, statistics or research verbs): an essay or a
        # narrative review, the first rules' default (GUIDE.md, step 2) — a guess, with the guess's probability.
        return "review_narrative", probabilities["review_narrative"] + probabilities["guideline_or_opinion"]
    if best == "systematic_review_meta_analysis" and values.get("sign.narrative_self", 0.0) > 0:
        # "This narrative review … drew on systematic reviews": the review says what it is
        return "review_narrative", probabilities["review_narrative"] + probabilities[best]
    return best, probabilities[best]


# How sure a decisive statement makes a label (below any flag threshold the model has been given: the
# leave-one-domain-out figures show how often such labels were right).
DECISIVE_CONFIDENCE = 0.95
