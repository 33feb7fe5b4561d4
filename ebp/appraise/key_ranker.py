"""Which of the best-scored sentences is the key finding: a ranker learnt from labelled abstracts.

The rules and the distantly supervised model (``findings.sentence_scores``) find the candidates; their best
``CANDIDATES`` are put in order by a logistic regression over what is known of each: its scores and rank,
where it stands, whether it is the abstract's first result, the model's class probabilities, the cue phrases it
has (alone and by the study's design family) and its words. ``benchmarks/train_brief_models.py`` trains it on
the brief's development and training sets (never the test half or the held-out sets) and writes
``ebp/data/key_ranker.json``.

Example: ``ranked(quotes, Design.RCT, sentence_scores(quotes, Design.RCT))[0]`` is the key finding's index.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from ebp.appraise import finding_cues as cues
from ebp.appraise.finding_model import CLASSES
from ebp.appraise.findings import FLOOR, SentenceScores, abstract_span, part
from ebp.appraise.linear import LinearModel, shipped
from ebp.appraise.quotes import Quote
from ebp.types import Design

MODEL_FILE = "key_ranker.json"
CANDIDATES = 5  # how many of the rules' best the ranker reorders (the rest keep the rules' order)
# The design families the learnt parts of the brief condition on (a trial reports differently from a survey).
GROUPS = {
    Design.RCT: "trial", Design.QUASI_EXPERIMENTAL: "trial", Design.COHORT: "obs", Design.CASE_CONTROL: "obs",
    Design.CROSS_SECTIONAL: "survey", Design.SYSTEMATIC_REVIEW: "review", Design.QUALITATIVE: "qual",
    Design.CASE_STUDY: "case", Design.REVIEW_NARRATIVE: "narrative", Design.GUIDELINE_OR_OPINION: "narrative",
    Design.OTHER: "other",
}  # fmt: skip
_CUES = {
    "stat": cues.STATISTIC, "result": cues.RESULT, "concl": cues.CONCLUDING, "impl": cues.IMPLICATION,
    "bal": cues.BALANCE, "sec": cues.SECONDARY, "themes": cues.THEMES, "wefound": cues.WE_FOUND,
    "account": cues.ACCOUNT, "hedge": cues.HEDGE, "these": cues.THESE, "compare": cues.COMPARE, "neg": cues.NEGATIVE,
    "aim": cues.AIM, "notf": cues.NOT_FINDING, "sig": cues.SIGNIFICANT,
}  # fmt: skip
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_WORD = re.compile(r"[a-z]{3,}")


def ranked(
    quotes: Sequence[Quote], design: Design, scores: SentenceScores, model: LinearModel | None = None
) -> list[int]:
    """The sentences worth quoting, best first: the rules' best candidates (``candidates``) in the learnt
    ranker's order (``model``: the shipped one unless given), then the rest in the rules' order."""
    order, head = scores.order(), candidates(scores)
    if len(head) < 2:
        return order
    values = (model or shipped(MODEL_FILE)).decision(candidate_features(quotes, design, scores, head))[:, 0]
    chosen = [head[r] for r in sorted(range(len(head)), key=lambda r: (-values[r], r))]
    return chosen + [i for i in order if i not in head]


def candidates(scores: SentenceScores) -> list[int]:
    """The rules' best ``CANDIDATES`` sentences above the rules' floor; one the rules penalised as an implication or
    a comparison before the intervention stays where the rules put it."""
    return [i for i in scores.order()[:CANDIDATES] if scores.final[i] >= FLOOR and not scores.penalised(i)]


def candidate_features(
    quotes: Sequence[Quote], design: Design, scores: SentenceScores, head: Sequence[int]
) -> list[dict[str, float]]:
    """Named features of each candidate in ``head`` (the rules' best, best first)."""
    group, total, span = GROUPS[design], len(quotes), abstract_span(quotes)
    top = max(scores.final[head[0]], 1e-6)
    reported = list(scores.reported)
    out = []
    for rank, i in enumerate(head):
        text = quotes[i].text
        f = {
            "final": scores.final[i] / top,
            "gap": (top - scores.final[i]) / 10,
            "rank0": float(rank == 0),
            "rank1": float(rank == 1),
            "rules": scores.rules[i] / 10,
            "pos": i / max(total - 1, 1),
            "first_result": float(bool(reported) and reported[0] == i),
            "result_index": (reported.index(i) if i in reported else 5) / 5,
            "in_abstract": float(i in span),
            "words": math.log1p(len(text.split())),
            "numbers": math.log1p(len(_NUMBER.findall(text))),
        }
        f.update({f"p_{c}": float(scores.probabilities[i, k]) for k, c in enumerate(CLASSES)})
        if part(quotes[i]):
            f[f"part_{part(quotes[i])}"] = f[f"{group}_part_{part(quotes[i])}"] = 1.0
        for name, pattern in _CUES.items():
            if pattern.search(text):
                f[name] = f[f"{group}_{name}"] = 1.0
        for name in ("rank0", "first_result", "pos"):
            f[f"{group}_{name}"] = f[name]
        f.update({f"w:{w}": 1.0 for w in _WORD.findall(text.lower())})
        out.append(f)
    return out
