"""Features of an abstract for the design model: the bilingual cue phrases, counted by context.

A cue counts differently by where it stands: in the title, in a sentence about the authors' own
study ("we randomised", "penelitian ini"), in an ordinary sentence, in the opening sentence (usually
background), in a sentence about other studies ("previous trials showed", ``passing``), or in a
sentence that counts included studies ("12 randomised trials met the criteria", ``included``). The
model (``ebp.appraise.model``) learns what each cue is worth in each context; the features are plain
counts, log-scaled. Pure functions; the names are stable and stored with the trained weights.

Example: ``features("A randomised trial", "We randomly assigned 120 mothers.")["rct.3.title"] > 0``
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache

from ebp.appraise import context as ctx
from ebp.appraise.cues import CUES
from ebp.appraise.cues_methods import METHOD_CUES
from ebp.appraise.cues_reviews import Cue
from ebp.text import LazyPattern, sentences

CONTEXTS = ("title", "self", "plain", "opening", "passing", "included")
# How much a cue in each context counts towards its design's rule score (the hand-set weights of the
# first rules, kept as prior knowledge: one feature per design).
_CONTEXT_WEIGHT = {"title": 3.0, "self": 1.5, "plain": 1.0, "opening": 0.6, "passing": 0.15, "included": 0.25}
_SR_TAG = "systematic_review_meta_analysis"
# Whole-text signs, each one feature: what kind of text this is, beyond the design words.
_SIGNS: tuple[tuple[str, LazyPattern], ...] = (
    ("protocol", ctx.PROTOCOL),
    ("results", ctx.RESULTS),
    ("nonhuman", ctx.NONHUMAN),
    ("human", ctx.HUMAN),
    ("secondary", ctx.SECONDARY),
    ("observational", ctx.OBSERVATIONAL),
    ("research", ctx.RESEARCH),
    ("statistics", ctx.STATISTICS),
    ("guideline_topic", ctx.GUIDELINE_AS_TOPIC),
    ("record_review", ctx.RECORD_REVIEW),
    ("random_sampling", ctx.RANDOM_SAMPLING),
    ("mixed_methods", ctx.MIXED_METHODS),
    ("future", ctx.FUTURE),
    ("self", ctx.SELF),
    ("passing", ctx.PASSING_MENTION),
    ("not_randomised", ctx.NOT_RANDOMISED),
    ("animal_or_lab", ctx.ANIMAL_OR_LAB),
    ("narrative_self", ctx.NARRATIVE_SELF),
)
_INDONESIAN = re.compile(r"\b(?:yang|dan|dengan|untuk|pada|dalam|ini|adalah|terhadap|penelitian)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_HEADING = re.compile(r"\b(?:BACKGROUND|OBJECTIVES?|METHODS?|RESULTS|CONCLUSIONS?|DESIGN|SETTING)\b")


def all_cues() -> tuple[Cue, ...]:
    """Every cue group the features count, in a fixed order (the feature names follow it)."""
    return (*CUES, *METHOD_CUES)


@cache
def feature_names() -> tuple[str, ...]:
    """The names of every feature, in the order of the model's weight vectors."""
    names = [f"{tag}.{i}.{c}" for i, (tag, _, _) in enumerate(all_cues()) for c in CONTEXTS]
    names += [f"score.{tag}" for tag in dict.fromkeys(tag for tag, _, _ in all_cues())]
    names += [f"sign.{name}" for name, _ in _SIGNS]
    names += ["sign.protocol_title"]
    names += ["text.numbers", "text.indonesian", "text.headings", "text.short", "text.no_design_word", "text.no_data"]
    return tuple(names)


def features(title: str, abstract: str) -> dict[str, float]:
    """Log-scaled counts of every cue by context, whole-text signs and a few shape measures."""
    title, abstract = _plain(title)[:2000], _plain(abstract)[:20000]
    counts: dict[str, float] = {}
    cues = all_cues()
    for zone, sentence, reviewing in _sentences_in_context(title, abstract):
        silent = _topic_words(sentence)
        for i, (tag, weight, pattern) in enumerate(cues):
            if tag in silent:
                continue
            found = len(pattern.findall(sentence))
            if found:
                # In "we pooled 12 randomised trials" the design names describe the included studies.
                where = "included" if reviewing and tag != _SR_TAG and zone in ("self", "plain", "opening") else zone
                key = f"{tag}.{i}.{where}"
                counts[key] = counts.get(key, 0.0) + found
                counts[f"score.{tag}"] = counts.get(f"score.{tag}", 0.0) + weight * _CONTEXT_WEIGHT[where] * found
    text = f"{title}\n{abstract}"
    for name, pattern in _SIGNS:
        counts[f"sign.{name}"] = len(pattern.findall(text))
    counts["sign.protocol_title"] = len(ctx.PROTOCOL_TITLE.findall(title))
    words = max(len(text.split()), 1)
    counts["text.numbers"] = 10.0 * len(_NUMBER.findall(text)) / words  # results sections are full of numbers
    counts["text.indonesian"] = 10.0 * len(_INDONESIAN.findall(text)) / words
    counts["text.headings"] = len(_HEADING.findall(abstract))
    counts["text.short"] = 1.0 if words < 60 else 0.0  # a title with a line or two: little to go on
    # The first rules' default, as two signs the model weighs: no design named at all, and no own data
    # reported (no results, statistics or research verbs): an essay or a narrative review.
    counts["text.no_design_word"] = 0.0 if any(k.startswith("score.") for k in counts) else 1.0
    data = ("sign.results", "sign.statistics", "sign.research")
    counts["text.no_data"] = 0.0 if any(counts.get(k) for k in data) or counts["text.numbers"] > 0.5 else 1.0
    return {k: math.log1p(v) for k, v in counts.items()}


_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})


def _plain(text: str | None) -> str:
    """Unicode hyphens and dashes as "-" ("meta‐analysis" with U+2010 is a meta-analysis)."""
    return (text or "").translate(_DASHES)


def vector(values: dict[str, float], names: Sequence[str]) -> list[float]:
    """``values`` in the order of ``names`` (0 for a feature that did not fire)."""
    return [values.get(name, 0.0) for name in names]


def matched_cues(title: str, abstract: str, tags: set[str]) -> tuple[str, ...]:
    """Cue phrases of the given design tags as they appear, from the title and the authors' own sentences first."""
    found: dict[str, int] = {}
    order = {"title": 0, "self": 1, "plain": 2, "opening": 3}
    for zone, sentence, _ in _sentences_in_context(_plain(title), _plain(abstract)):
        if zone not in order:
            continue
        for tag, _, pattern in all_cues():
            if tag in tags:
                for m in pattern.finditer(sentence):
                    phrase = m.group(0).strip()
                    found[phrase] = min(found.get(phrase, 9), order[zone])
    return tuple(sorted(found, key=lambda p: (found[p], -len(p))))[:5]


def _topic_words(sentence: str) -> frozenset[str]:
    """Design tags whose words are the sentence's topic, not its design: "adherence to guidelines",
    "we reviewed 1,062 case files" (issue 13)."""
    silent: set[str] = set()
    if ctx.GUIDELINE_AS_TOPIC.search(sentence):
        silent.add("guideline_or_opinion")
    if ctx.RECORD_REVIEW.search(sentence):
        silent.update(("review_any", "review_narrative"))
    return frozenset(silent)


def _sentences_in_context(title: str, abstract: str) -> list[tuple[str, str, bool]]:
    """(context, sentence, reviewing): reviewing when the sentence counts studies or names a review."""
    out = [("title", s, False) for s in sentences(title)]
    parts = sentences(abstract)
    for i, sentence in enumerate(parts):
        reviewing = bool(ctx.INCLUDED.search(sentence)) or any(p.search(sentence) for t, _, p in CUES if t == _SR_TAG)
        out.append((_context(sentence, i, len(parts)), sentence, reviewing))
    return out


def _context(sentence: str, position: int, total: int) -> str:
    if ctx.PASSING_MENTION.search(sentence):
        return "passing"
    if ctx.SELF.search(sentence):
        return "self"
    if position == 0 and total > 2:
        return "opening"
    return "plain"
