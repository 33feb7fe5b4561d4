"""Which way a study's finding points, learnt from labelled abstracts over what the rules read.

The rules (``direction``) read each sentence's words: a change and the outcome it changes, a null result, a
risk ratio. Alone they decide too often by the first sentence that points somewhere, and a design's usual answer
(a trial's benefit, a survey's description, a risk-factor study's harm) escapes them. A multinomial logistic
regression weighs, together: the rules' document direction and the study's design family, the rules' reading of
the two key findings, of the abstract's results sentences and of every sentence worth quoting (weighted by how
much the finding model takes it for a result or conclusion), and the key findings' words.
``benchmarks/train_brief_models.py`` trains it on the brief's development and training sets (never the test
half or the held-out sets) and writes ``ebp/data/direction_model.json``.

Example: ``direction(quotes, Design.RCT, scores, ranked_indices, results) in DIRECTIONS``
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ebp.appraise.direction import direction_of, reading
from ebp.appraise.findings import SentenceScores, abstract_span
from ebp.appraise.key_ranker import GROUPS
from ebp.appraise.linear import shipped
from ebp.appraise.quotes import Quote
from ebp.types import Design

MODEL_FILE = "direction_model.json"
DIRECTIONS = ("benefit", "harm", "no_difference", "mixed", "unclear")
_WORD = re.compile(r"[a-z]{2,}")  # "no" too


def direction(
    quotes: Sequence[Quote], design: Design, scores: SentenceScores, ranked: Sequence[int], results: Sequence[str]
) -> str:
    """benefit | harm | no_difference | mixed | unclear, for a document whose key-finding candidates are
    ``ranked`` (indices into ``quotes``, best first) and whose abstract reports ``results``."""
    return shipped(MODEL_FILE).predict([document_features(quotes, design, scores, ranked, results)])[0]


def document_features(
    quotes: Sequence[Quote], design: Design, scores: SentenceScores, ranked: Sequence[int], results: Sequence[str]
) -> dict[str, float]:
    """Named features of one document's direction (see the module's docstring)."""
    group = GROUPS[design]
    findings = [quotes[i].text for i in ranked[:3]]
    rule = direction_of(findings, design, results)
    f = {f"rule={rule}": 1.0, f"g={group}": 1.0, f"{group}_rule={rule}": 1.0}
    for j, text in enumerate(findings[:2]):
        read = reading(text)
        _add(f, f"s{j}_", read)
        f.update({f"{group}_s{j}_{name}": 1.0 for name in read if name.startswith("sd=")})
    for text in results:
        _add(f, "res_", reading(text), 0.5)
    for i in abstract_span(quotes):
        if scores.final[i] > 0:
            _add(f, "all_", reading(quotes[i].text), float(scores.probabilities[i, 1:].sum()))
    f.update({f"w:{w}": 1.0 for w in _WORD.findall(" ".join(findings[:2]).lower())})
    return f


def _add(features: dict[str, float], prefix: str, read: dict[str, float], weight: float = 1.0) -> None:
    for name, value in read.items():
        features[prefix + name] = features.get(prefix + name, 0.0) + weight * value
