"""Sample size as a ranking of candidates: every number in the abstract, weighed by what surrounds it.

Each number (digits, English and Indonesian number words) becomes a candidate with features: the
noun after it (a person — participants, *-ians*, *-ists*, *-ers*, roles, *responden, peserta,
keluarga* — or a unit that is not people: clinics, schools, prescriptions, visits), the verbs around
it (enrolled, randomised, took part, responded, *menjadi responden*), its place in a recruitment
funnel (invited → eligible → enrolled → analysed), "a total of", "n =", lists of subgroups. Arms that
are listed together ("118 to the intervention and 121 to usual care") add up to a further candidate.
A trained logistic regression (``ebp/data/sample_model.json``, ``benchmarks/train_appraisal.py``)
scores the candidates; the best one is the sample size when its score clears the model's threshold,
else ebp abstains. Clusters (villages, schools, clinics the people were sampled in) are found apart.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from ebp.appraise.context import PASSING_MENTION
from ebp.appraise.numbers import CLUSTER, NOT_PERSON, NUMBER, PERSON, PERSON_SUFFIX, noun_after, number_value
from ebp.appraise.sample_rules import rule_tier
from ebp.text import LazyPattern

MODEL_FILE = "sample_model.json"

_OWN_STUDY = LazyPattern(
    r"\b(?:we|our|kami|peneliti|penelitian\s+ini|studi\s+ini|this\s+(?:study|trial|survey|evaluation))\b", re.I
)
_UNIT_AFTER = LazyPattern(
    r"^\s*(?:%|percent|persen|[-–]?\s*(?:decades?|years?|yrs?|y|tahun|months?|mo|bulan|weeks?|wk|minggu|days?|d|hari|"
    r"hours?|h|jam|min|minutes?|mg|µg|g|kg|ml|l|mmol|cm|mm|m|km|kcal|times|kali|fold|sd|points?|poin|x)\b)",
    re.IGNORECASE,
)
_BAD_BEFORE = LazyPattern(
    r"(?:aged?|ages|usia|umur|berusia|mean|median|±|\+/-|[<>≤≥$£€]|\b(?:OR|RR|HR|CI|IK|p|SD|rp|us|usd|idr)\s*[=:.]?|"
    r"score\s+of|from\s+\d+\s+to|between|since|during|until|type|grade|stage|phase|step|day|week|wave|round|table|"
    r"figure|fig\.|tipe|tahap|kelas|version|item|question|chapter|section|no\.|nomor|tahun|year|"
    r"jan(?:uary|uari)?|feb(?:ruary|ruari)?|mar(?:ch|et)?|apr(?:il)?|may|mei|june?|juni|july?|juli|aug(?:ust)?|agustus|"
    r"sep(?:tember)?|oct(?:ober)?|oktober|nov(?:ember)?|dec(?:ember)?|desember)\s*,?\s*$",
    re.IGNORECASE,
)
_FEATURE_PATTERNS: dict[str, tuple[str, LazyPattern]] = {  # name → (where: before/after/sentence, pattern)
    "total": (
        "before",
        LazyPattern(
            r"(?:a\s+total\s+of|in\s+total|total(?:l?ing)?(?:\s+of)?|altogether|overall|"
            r"sebanyak|seluruhnya|berjumlah|jumlah\s+\w+)\s*:?\s*(?:\w+\s+)?$",
            re.I,
        ),
    ),
    "sample_of": (
        "before",
        LazyPattern(
            r"(?:sample\s+(?:size\s+)?(?:of|was|were|comprised|included|consisted\s+of)|"
            r"sampel\s+(?:penelitian\s+)?(?:sebanyak|berjumlah|terdiri\s+(?:atas|dari)|"
            r"adalah|yaitu)?|study\s+population)\s*:?\s*$",
            re.I,
        ),
    ),
    "n_equals": ("before", LazyPattern(r"\b[nN]\s*=\s*$")),
    "enrol_before": (
        "before",
        LazyPattern(
            r"(?:enrolled|recruited|randomi[sz]ed|included|involving|involved|"
            r"comprised|comprising|surveyed|interviewed|studied|analy[sz]ed|followed|"
            r"assessed|melibatkan|merekrut|mewawancarai|terhadap|among)\s+"
            r"(?:approximately\s+|about\s+|some\s+|nearly\s+|over\s+|the\s+|all\s+)?$",
            re.I,
        ),
    ),
    "enrol_after": (
        "after",
        LazyPattern(
            r"^[^.;]{0,60}?\b(?:were|was)\s+(?:enrolled|recruited|randomi[sz]ed|included|"
            r"interviewed|surveyed|analy[sz]ed|assessed|allocated|assigned)",
            re.I,
        ),
    ),
    "took_part": (
        "after",
        LazyPattern(
            r"^[^.;]{0,60}?\b(?:took\s+part|participated|responded|completed|consented|"
            r"agreed|menjadi\s+(?:responden|sampel|partisipan|informan)|berpartisipasi|"
            r"mengikuti|terlibat|bersedia)",
            re.I,
        ),
    ),
    "early_funnel": (
        "before",
        LazyPattern(
            r"(?:invited|approached|screened|contacted|eligible|eligibility|identified|"
            r"assessed\s+for|sampled|mailed|diundang|memenuhi\s+syarat)\b[^.]{0,40}$",
            re.I,
        ),
    ),
    "early_after": (
        "after",
        LazyPattern(
            r"^[^.;]{0,40}?\b(?:were\s+)?(?:invited|approached|screened|contacted|"
            r"eligible|identified|assessed\s+for\s+eligibility)",
            re.I,
        ),
    ),
    "late_funnel": (
        "sentence",
        LazyPattern(
            r"\b(?:analy[sz]ed|analysis\s+included|completed|remained|final\s+sample|"
            r"followed[- ]up|retained|dianalisis|menyelesaikan)\b",
            re.I,
        ),
    ),
    "subset_after": (
        "after",
        LazyPattern(r"^\s*(?:\([^)]*\)\s*)?(?:of\s+(?:whom|these|them)|di\s+antaranya|dari\s+jumlah)", re.I),
    ),
    "of_these_before": (
        "before",
        LazyPattern(
            r"(?:of\s+(?:these|whom|them|those)|among\s+(?:these|them)|dari\s+"
            r"(?:jumlah\s+)?(?:tersebut|itu))\s*,?\s*$",
            re.I,
        ),
    ),
    "percent_after": ("after", LazyPattern(r"^\s*\(\s*\d+(?:[.,]\d+)?\s*%")),
    "reviewing": ("sentence", LazyPattern(r"\b(?:studies|trials|articles|publications|reviews|studi|artikel)\b", re.I)),
    "versus": ("sentence", LazyPattern(r"\b(?:versus|vs\.?|compared\s+with|and)\b", re.I)),
    "of_before": ("before", LazyPattern(r"\b(?:of|dari)\s+(?:the\s+|all\s+|approximately\s+|about\s+)?$", re.I)),
    "per_unit": ("before", LazyPattern(r"\b(?:each|every|per|setiap|tiap|masing-masing)\b[^.;]{0,60}$", re.I)),
    "arm_after": (
        "after",
        LazyPattern(
            r"^\s*(?:\w+\s+)?(?:to|in|into|received|ke|di|pada|dalam)\s+(?:the\s+|a\s+)?"
            r"(?:intervention|control|treatment|usual|comparison|experimental|wait|standard|"
            r"placebo|program|programme|kelompok)",
            re.I,
        ),
    ),
    "passing": ("sentence", PASSING_MENTION),
}
FEATURES = (
    "person",
    "person_suffix",
    "not_person",
    "cluster_unit",
    "no_noun",
    "noun_gap",
    *_FEATURE_PATTERNS,
    "words",
    "paren",
    "log_value",
    "small",
    "yearlike",
    "largest_person",
    "first_person_number",
    "person_numbers",
    "sum",
    "arms",
    "sentence_position",
    "in_title",
    "rule_none",
    "rule_1",
    "rule_2",
    "rule_3",
    "rule_4",
    "rule_best",
    "inherits_noun",
    "funnel_step",
)
# Evidence that counts only together ("no noun" is bad unless the number inherits one and people "responded"):
# every pair of these is a feature too.
_PAIRED = (
    "person",
    "no_noun",
    "inherits_noun",
    "funnel_step",
    "took_part",
    "enrol_before",
    "enrol_after",
    "early_funnel",
    "early_after",
    "of_before",
    "total",
    "sample_of",
    "n_equals",
    "sum",
    "rule_best",
    "percent_after",
    "late_funnel",
    "reviewing",
    "passing",
    "per_unit",
    "arm_after",
    "cluster_unit",
    "not_person",
    "subset_after",
)
FEATURES = (*FEATURES, *(f"{a}*{b}" for i, a in enumerate(_PAIRED) for b in _PAIRED[i + 1 :]))


@dataclass(frozen=True)
class Candidate:
    value: int
    noun: str  # the unit it counts, as written ("" when none)
    sentence: str
    features: dict[str, float]


@dataclass(frozen=True)
class SampleSize:
    """The stated number of participants and what they were; clusters apart."""

    value: int | None
    unit: str
    sentence: str | None
    clusters: int | None = None
    cluster_unit: str = ""


def candidates(sentences: list[str], title_sentences: int = 0) -> list[Candidate]:
    """Every number that could be the sample size, with its features; arms listed together add up."""
    found: list[Candidate] = []
    lone_n = sum(len(re.findall(r"\b[nN]\s*=\s*\d", s)) for s in sentences) == 1
    best_rule: tuple[int, int] | None = None
    for position, sentence in enumerate(sentences):
        in_sentence: list[Candidate] = []
        for m in NUMBER.finditer(sentence):
            value = number_value(m)
            if value is None or value < 3:  # "dua anak", "two children": a case, not a sample (GUIDE.md)
                continue
            cand = _candidate(sentence, m, value, position, position < title_sentences)
            if cand is not None:
                tier = rule_tier(sentence, m.start(), m.end(), value, lone_n)
                cand.features[f"rule_{tier or 'none'}"] = 1.0
                if tier is not None and (best_rule is None or (tier, value) > best_rule):
                    best_rule = (tier, value)
                in_sentence.append(cand)
        found.extend(in_sentence)
        found.extend(_sums(in_sentence))
    found.extend(_n_equals_total(found))
    for cand in found:
        cand.features["rule_best"] = float(
            best_rule is not None and cand.value == best_rule[1] and not cand.features.get("sum")
        )
    _relative_features(found)
    for cand in found:
        f = cand.features
        for i, a in enumerate(_PAIRED):
            if f.get(a):
                for b in _PAIRED[i + 1 :]:
                    if f.get(b):
                        f[f"{a}*{b}"] = f[a] * f[b]
    return found


def _candidate(sentence: str, m: re.Match[str], value: int, position: int, in_title: bool) -> Candidate | None:
    before, after = sentence[max(0, m.start() - 80) : m.start()], sentence[m.end() : m.end() + 100]
    if _UNIT_AFTER.match(after) or re.match(r"\s*[-–/]\s*\d", after) or _BAD_BEFORE.search(before):
        return None
    if after.startswith(")") and value < 30 and re.search(r"(?:^|[\s;:])$", before):
        return None  # "4) patient follow-up": an enumeration
    if 1900 <= value <= 2100 and (before.rstrip().endswith(",") or after.lstrip()[:1].isupper()):
        return None  # a year: "Jurnal Pekerjaan Sosial, 2023 Pekerja sosial …"
    if PASSING_MENTION.search(sentence) and not _OWN_STUDY.search(sentence):
        return None  # "previous trials randomly assigned 500 children": another study's sample
    noun, gap = noun_after(after)
    f: dict[str, float] = {}
    f["person"] = float(bool(noun) and bool(PERSON.match(noun)))
    f["person_suffix"] = float(
        bool(noun) and not f["person"] and bool(PERSON_SUFFIX.match(noun)) and not NOT_PERSON.match(noun)
    )
    f["not_person"] = float(bool(noun) and bool(NOT_PERSON.match(noun)))
    f["cluster_unit"] = float(bool(noun) and bool(CLUSTER.match(noun)))
    f["no_noun"] = float(not noun)
    f["noun_gap"] = float(gap)
    for name, (where, pattern) in _FEATURE_PATTERNS.items():
        text = before if where == "before" else after if where == "after" else sentence
        f[name] = float(bool(pattern.search(text)))
    f["words"] = float(bool(m.group(2)))
    f["paren"] = float(bool(m.group(3)))
    f["log_value"] = math.log10(value)
    f["small"] = float(value < 10)
    f["yearlike"] = float(1900 <= value <= 2100)
    f["sentence_position"] = min(position, 10) / 10
    f["in_title"] = float(in_title)
    return Candidate(value, noun, sentence, f)


def _sums(found: list[Candidate]) -> list[Candidate]:
    """Arms or groups listed in one sentence ("118 … and 121 …", "n = 94; … n = 101") add up to candidates:
    every pair and triple of counts of people, or of "n =" values."""
    from itertools import combinations

    parts = [
        c
        for c in found
        if c.features["person"] or c.features["person_suffix"] or c.features["n_equals"] or c.features["arm_after"]
    ]
    out: list[Candidate] = []
    for k in (2, 3):
        for group in combinations(parts[:6], k):
            total = sum(c.value for c in group)
            f = dict(group[0].features)
            f.update(
                sum=1.0,
                arms=float(k),
                log_value=math.log10(total),
                small=float(total < 10),
                total=0.0,
                n_equals=float(all(c.features["n_equals"] for c in group)),
            )
            out.append(Candidate(total, group[0].noun, group[0].sentence, f))
    return out


def _n_equals_total(found: list[Candidate]) -> list[Candidate]:
    """Two to four "n =" samples across the abstract ("first sample (n = 612) … second sample (n = 587)")."""
    ns = [c for c in found if c.features["n_equals"] and not c.features.get("sum")]
    if not 2 <= len(ns) <= 4 or len({c.sentence for c in ns}) < 2:
        return []
    total = sum(c.value for c in ns)
    f = dict(ns[0].features)
    f.update(sum=1.0, arms=float(len(ns)), log_value=math.log10(total), small=0.0)
    return [Candidate(total, ns[0].noun, ns[0].sentence, f)]


def _relative_features(found: list[Candidate]) -> None:
    people = [c for c in found if c.features["person"] or c.features["person_suffix"]]
    # A recruitment funnel: "Of 2,544 teachers recruited, 1,860 responded": the later, smaller number of the
    # same sentence counts the same people; it inherits their noun.
    for i, c in enumerate(found):
        earlier = [
            p for p in people[:] if p.sentence == c.sentence and found.index(p) < i and not p.features.get("sum")
        ]
        c.features["inherits_noun"] = float(bool(c.features["no_noun"]) and bool(earlier))
        c.features["funnel_step"] = float(any(p.value > c.value for p in earlier) and not c.features.get("sum"))
    largest = max((c.value for c in people if not c.features.get("sum")), default=0)
    first = next((c for c in people if not c.features.get("sum")), None)
    for c in found:
        c.features["largest_person"] = float(c.value == largest and c in people)
        c.features["first_person_number"] = float(c is first)
        c.features["person_numbers"] = min(len(people), 6) / 6
        c.features.setdefault("sum", 0.0)
        c.features.setdefault("arms", 0.0)


@dataclass(frozen=True)
class SampleModel:
    weights: np.ndarray
    bias: float
    threshold: float

    def score(self, cand: Candidate) -> float:
        x = np.asarray([cand.features.get(name, 0.0) for name in FEATURES])
        return float(1.0 / (1.0 + math.exp(-(self.weights @ x + self.bias))))

    def choose(self, found: list[Candidate]) -> Candidate | None:
        scored = [(self.score(c), c) for c in found]
        if not scored:
            return None
        best_score, best = max(scored, key=lambda sc: sc[0])
        return best if best_score >= self.threshold else None


@cache
def default_sample_model() -> SampleModel:
    data = json.loads(resources.files("ebp").joinpath(f"data/{MODEL_FILE}").read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise RuntimeError(
            "the shipped sample-size model is for other features; retrain: python benchmarks/train_appraisal.py"
        )
    return SampleModel(np.asarray(data["weights"], dtype=float), float(data["bias"]), float(data["threshold"]))


def clusters_of(sentences: list[str]) -> tuple[int, str] | None:
    """The units people were sampled in ("pupils in 48 schools", "responden dari 12 desa"), when stated."""
    for sentence in sentences:
        for m in NUMBER.finditer(sentence):
            value = number_value(m)
            noun, _ = noun_after(sentence[m.end() : m.end() + 100])
            if value and value >= 2 and noun and CLUSTER.match(noun):
                return value, noun
    return None
