"""Which sentences of an abstract state its result: a small trained model over cheap sentence features.

Structured abstracts label their own parts ("RESULTS:", "CONCLUSIONS:", "Hasil:", "Kesimpulan:"). With
those labels stripped, their sentences teach a logistic regression (distant supervision, no hand labels)
to tell the opening of the conclusion, the other conclusion sentences and the results from background,
aims and methods, from what any abstract has: where the sentence stands, its cue words (hedges, "we
found", statistics, aims, methods, "further research"), its words. ``benchmarks/train_brief.py`` trains
it on NFCorpus and the appraisal benchmark's abstracts — never a document of the brief's labelled set —
and writes ``ebp/data/finding_model.json`` (numbers only; inference is plain numpy, well under a
millisecond per abstract).

Example: ``key_probabilities(["We asked 40 women.", "Pain fell by half (p < 0.01)."])[1] > 0.5``
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from ebp.appraise.finding_cues import (
    AIM,
    COMPARE,
    CONCLUDING,
    FUTURE,
    HEDGE,
    NEGATIVE,
    NOT_FINDING,
    RESULT,
    SECONDARY,
    SIGNIFICANT,
    STATISTIC,
    THEMES,
    THESE,
    WE_FOUND,
)
from ebp.text import any_of

MODEL_FILE = "finding_model.json"
CLASSES = ("other", "result", "conclusion_first", "conclusion_rest")

_METHOD = any_of(
    r"\b(?:randomi[sz]ed|randomly|recruited|enrolled|questionnaires?|interviews?|regression|analy[sz]ed|analysis|"
    r"measured|assessed|searched|databases?|included|were\s+(?:asked|followed|collected)|we\s+used|using|design|"
    r"data\s+(?:were|from)|follow-up|sampel|responden|wawancara|kuesioner|dianalisis|menggunakan|metode|desain)\b"
)
_BACKGROUND = any_of(
    r"\b(?:has\s+been|have\s+been|is\s+known|are\s+known|little\s+is\s+known|remains?|is\s+(?:a|an|the)\s+(?:common|major|"
    r"leading|important)|widely|increasingly|growing|however,\s+(?:few|little)|merupakan|masih)\b"
)
_ADVICE = any_of(
    r"\b(?:should|need\s+to|needs\s+to|recommend\w*|must|implications?|policy|practice|perlu|disarankan|direkomendasikan)\b"
)
_COUNT = any_of(r"^\s*(?:a\s+total\s+of|of\s+the|sebanyak|total)\b|\b(?:participants|patients|subjects)\s+were\b")
_COPYRIGHT = any_of(r"copyright|all\s+rights\s+reserved|©|\bpublished\s+by\b|\blicen[cs]e\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_WORD = re.compile(r"[a-z][a-z-]{1,}")
_CUES = {
    "result": RESULT, "statistic": STATISTIC, "concluding": CONCLUDING, "not_finding": NOT_FINDING, "future": FUTURE,
    "significant": SIGNIFICANT, "secondary": SECONDARY, "themes": THEMES, "hedge": HEDGE, "aim": AIM,
    "method": _METHOD, "background": _BACKGROUND, "we_found": WE_FOUND, "these": THESE, "advice": _ADVICE,
    "compare": COMPARE, "negative": NEGATIVE, "count": _COUNT, "copyright": _COPYRIGHT,
}  # fmt: skip


def sentence_features(texts: Sequence[str]) -> list[dict[str, float]]:
    """Named features of each sentence of one abstract (in order): position, cues, numbers and its words."""
    n = len(texts)
    out = []
    for i, text in enumerate(texts):
        f: dict[str, float] = {"bias": 1.0, "pos": i / max(n - 1, 1), "log_words": math.log1p(len(text.split()))}
        f[f"start_{min(i, 3)}"] = 1.0
        f[f"end_{min(n - 1 - i, 5)}"] = 1.0
        f["pos_sq"] = f["pos"] ** 2
        for name, pattern in _CUES.items():
            if pattern.search(text):
                f[name] = 1.0
        numbers = len(_NUMBER.findall(text))
        f["numbers"] = math.log1p(numbers)
        for word in set(_WORD.findall(text.lower())):
            f["w:" + word] = 1.0
        out.append(f)
    return out


@dataclass(frozen=True)
class FindingModel:
    names: dict[str, int]  # feature name → column
    coef: np.ndarray  # classes × features
    intercept: np.ndarray
    weights: dict[str, float]  # class → weight in the key-finding score
    scale: float = 10.0  # the score's weight beside the rules' (``findings.key_findings``)

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """sentences × classes."""
        x = np.zeros((len(texts), len(self.names)))
        for row, feats in enumerate(sentence_features(texts)):
            for name, value in feats.items():
                col = self.names.get(name)
                if col is not None:
                    x[row, col] = value
        z = x @ self.coef.T + self.intercept
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)

    def key_scores(self, texts: Sequence[str]) -> list[float]:
        """How much each sentence reads like the abstract's key finding (0–1): the weighted class probabilities."""
        if not texts:
            return []
        return self.key_scores_of(self.probabilities(texts))

    def key_scores_of(self, probabilities: np.ndarray) -> list[float]:
        """``key_scores`` from the sentences' class probabilities (``probabilities``)."""
        w = np.array([self.weights.get(c, 0.0) for c in CLASSES])
        return [float(v) for v in probabilities @ w]


def from_json(data: dict) -> FindingModel:
    names = {name: i for i, name in enumerate(data["features"])}
    return FindingModel(names, np.array(data["coef"], dtype=float), np.array(data["intercept"], dtype=float),
                        {k: float(v) for k, v in data["weights"].items()}, float(data.get("scale", 10.0)))  # fmt: skip


@cache
def default_model() -> FindingModel:
    text = resources.files("ebp.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return from_json(json.loads(text))


def key_probabilities(texts: Sequence[str]) -> list[float]:
    """The shipped model's key-finding score of each sentence of one abstract."""
    return default_model().key_scores(texts)
