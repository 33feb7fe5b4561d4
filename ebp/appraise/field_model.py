"""Which phrase names a study's participants, intervention, comparison and outcomes: candidates and a learnt choice.

The patterns of ``pico`` (and a few wider ones here: the people a sentence is about in Indonesian, a programme
named by its head noun, the outcome any abstract sentence says changed, what every count counts) propose
candidate phrases, each a contiguous phrase of one sentence. A logistic regression per field scores each
candidate by what is known of it: which pattern found it and whether the rules would have chosen it, where its
sentence stands and the label it stood under, its length, the words it shares with the document's opening line and
with the key findings, how many patterns proposed it, and its first and last words. The best candidate is kept
when its probability clears the field's threshold, learnt with the model; else the field stays empty — a wrong
phrase in an evidence table misleads more than an empty cell. ``benchmarks/train_fields.py`` trains the models
on the brief's labelled fields (never the test half or the held-out sets) and writes ``ebp/data/field_model.json``.

Example: ``choose(candidates(quotes, Design.RCT, 196, findings), "comparison", Design.RCT).text == "usual care"``
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from ebp.appraise.direction import changed_outcome
from ebp.appraise.findings import FieldValue, part
from ebp.appraise.key_ranker import GROUPS
from ebp.appraise.linear import LinearModel, from_json
from ebp.appraise.numbers import NUMBER, number_value
from ebp.appraise.pico import (
    PATTERNS,
    clean,
    comparison_of,
    counted,
    intervention_of,
    names_people,
    outcome_phrase,
    outcomes_of,
    participants_of,
)
from ebp.appraise.quotes import Quote
from ebp.types import Design

MODEL_FILE = "field_model.json"
FIELDS = ("participants", "intervention", "comparison", "outcomes")
SENTENCES = 40  # the fields are read from the opening sentences (the abstract, or a paper's first pages)
PHRASE_SENTENCES = 20  # of which these also give every noun phrase as a candidate (the abstract, as a rule)
_WORD = re.compile(r"[a-z]{3,}", re.I)
_PEOPLE_ID = re.compile(
    r"\b(?:pada|terhadap|kepada|di\s+antara|bagi)\s+((?:\d[\d.,]*\s+)?(?:para\s+)?(?:remaja|anak|siswa|mahasiswa|ibu|"
    r"ayah|orang\s+tua|keluarga|lansia|lanjut\s+usia|pasien|perempuan|wanita|pekerja|pengasuh|korban|penyandang|"
    r"warga|masyarakat|responden|klien|narapidana|petani|nelayan|guru|kader|pemuda|balita|bayi|penerima)"
    r"\b[^.;,()]{0,60}?)(?=\s*(?:[.;,()]|\b(?:yang\s+(?:di|me)|dengan\s+(?:metode|desain|pendekatan)|menggunakan|"
    r"selama|sebanyak)\b|$))",
    re.I,
)
_PROGRAMME = re.compile(
    r"\b((?:[\w-]+\s+){0,5}?(?:programme|program|intervention|therapy|training|counsell?ing|treatment|scheme|"
    r"service|services|model|curriculum|policy|supplementation)s?)\b|"
    r"\b((?:program|pelatihan|terapi|intervensi|layanan|konseling|pendampingan|penyuluhan|edukasi|kebijakan)"
    r"(?:\s+[\w-]+){1,5}?)(?=\s*(?:[.;,()]|\b(?:terhadap|pada|dalam|untuk|bagi|di|yang|dan)\b|$))",
    re.I,
)
# Noun-phrase-like runs of words, for the fields no pattern names: what is left between function words, verbs
# and punctuation ("body weight and fatness", "skor stigma keluarga"); "of", "and", "dari", "dan" may join two.
_TOKEN = re.compile(r"[^\W_][\w'’-]*|[^\w\s]")
_BREAK = frozenset(
    """the a an this these that those which who whom whose what when where while with without within by for from
    to at on in into onto over under after before during between among than as or but nor not no if whether is are
    was were be been being has have had do does did will would can could may might should must shall we our they
    their it its he she his her them there here also only more less most least very such both each other same
    compared versus vs using used use based including included include showed show shows found find reported report
    reports revealed reveal suggest suggests suggested indicate indicates indicated associated significantly
    significant increased increase decreased decrease reduced reduce improved improve higher lower greater fewer
    however although because thus therefore overall about approximately respectively per via among aim aimed
    yang di ke pada untuk dalam dengan oleh sebagai adalah merupakan ini itu tersebut tidak juga lebih serta atau
    bahwa karena secara terhadap antara akan telah sudah dapat bisa ada menunjukkan meningkat menurun setelah
    sebelum selama sejak hingga sampai
    meningkatkan menurunkan berhubungan signifikan bermakna hasil penelitian studi""".split()
)
_JOIN = frozenset({"of", "and", "dari", "dan"})
# What a sentence is for, which says which field its phrases may name.
_SENTENCE_CUES = {
    "aim": re.compile(r"\b(?:aims?|aimed|objectives?|purpose|we\s+(?:examined|investigated|assessed|evaluated|"
                      r"explored)|tujuan|bertujuan|untuk\s+(?:mengetahui|menganalisis|mengevaluasi|menilai))\b", re.I),
    "method": re.compile(r"\b(?:randomi[sz]ed|assigned|allocated|recruited|enrolled|participants|sample|interviewed|"
                         r"design|cohort|surveyed|responden|sampel|informan|diwawancarai|desain)\b", re.I),
    "primary": re.compile(r"\b(?:primary|main)\s+outcome|\bluaran\s+(?:utama|primer)|\bmeasured\b|\bdiukur\b", re.I),
    "result": re.compile(r"\b(?:p\s*[<=]|95\s*%|CI\b|odds|hazard|risk\s+ratio|significant|signifikan|bermakna)", re.I),
}  # fmt: skip
_NUMBER_WORD = re.compile(
    r"^(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|dua|tiga|empat|lima|enam|tujuh|delapan|"
    r"sembilan|sepuluh|sebelas|seratus)\b)",
    re.I,
)
_ARTICLE = re.compile(r"^(?:the|a|an|this|these|our|its|their)\s+", re.I)
_BOUND = (1, 2, 3, 5, 8, 12)


@dataclass(frozen=True)
class Candidate:
    field: str
    source: str  # the pattern that proposed it
    index: int  # its sentence, in the document's order
    text: str
    rule: bool = False  # the phrase the hand-written rules choose for this field


def candidates(
    quotes: Sequence[Quote], design: Design, n: int | None, findings: Sequence[Quote] = ()
) -> list[Candidate]:
    """Every phrase of the opening sentences that might name a field, with the rules' own choice marked."""
    out: list[Candidate] = []
    head = quotes[:SENTENCES]
    for field, patterns in PATTERNS.items():
        for k, pattern in enumerate(patterns):
            for i, q in enumerate(head):
                out += [Candidate(field, f"p{k}", i, clean(m.group(1))) for m in pattern.finditer(q.text) if m.group(1)]
    for i, q in enumerate(head):
        out += [Candidate("participants", "id_people", i, clean(m.group(1))) for m in _PEOPLE_ID.finditer(q.text)]
        for m in NUMBER.finditer(q.text):
            phrase = counted(q.text[m.end() :])
            if names_people(phrase):
                source = "count_n" if number_value(m) == n else "count"
                out.append(Candidate("participants", source, i, clean(q.text[m.start() : m.end()] + phrase)))
        for m in _PROGRAMME.finditer(q.text):
            out.append(Candidate("intervention", "programme", i, clean(_ARTICLE.sub("", m.group(1) or m.group(2)))))
        if i < PHRASE_SENTENCES:
            out += [Candidate(field, "np", i, phrase) for phrase in _chunks(q.text) for field in FIELDS]
        span = changed_outcome(q.text)
        if span:
            out.append(Candidate("outcomes", "changed", i, outcome_phrase(q.text, *span)))
    out += [v for c in out for v in _variants(c, head[c.index].text)]
    rules = {
        "participants": participants_of(quotes, n, design),
        "intervention": intervention_of(quotes, design),
        "comparison": comparison_of(quotes, design),
        "outcomes": outcomes_of(quotes, design, findings),
    }
    index = {q.text: i for i, q in reversed(list(enumerate(head)))}
    for field, value in rules.items():
        if value.text and value.sentence in index:
            out.append(Candidate(field, "rule", index[value.sentence], value.text, rule=True))
    return [c for c in out if 2 <= len(c.text) <= 200 and re.search(r"[^\W\d_]{2}", c.text)]


def features(
    cands: Sequence[Candidate], quotes: Sequence[Quote], design: Design, findings: Sequence[Quote] = ()
) -> list[dict[str, float]]:
    """Named features of each candidate (all of one field of one document)."""
    group = GROUPS[design]
    opening = _words(quotes[0].text) if quotes else set()
    key_words = _words(" ".join(q.text for q in findings[:2]))
    key_sentences = {q.text for q in findings[:2]}
    texts = [c.text.lower() for c in cands]
    ruled = {c.text.lower() for c in cands if c.rule}
    counts = Counter(texts)
    joined = "\x00".join(counts)  # each distinct phrase once: one found twice in it is inside another
    seen: dict[str, int] = {}
    seen_text: dict[str, int] = {}
    cues: dict[int, dict[str, float]] = {}
    out = []
    for c, text in zip(cands, texts, strict=True):
        words = _words(c.text)
        tokens = c.text.lower().split()
        order = seen[c.source] = seen.get(c.source, -1) + 1
        sentence = quotes[c.index]
        f = {
            f"src={c.source}": 1.0,
            f"{group}|src={c.source}": 1.0,
            f"g={group}": 1.0,
            f"order={min(order, 3)}": 1.0,
            f"pos={_bucket(c.index)}": 1.0,
            f"part={part(sentence)}": 1.0,
            f"len={_bucket(len(tokens))}": 1.0,
            "rule": float(text in ruled),
            "opening": len(words & opening) / max(len(words), 1),
            "key": len(words & key_words) / max(len(words), 1),
            "in_key": float(sentence.text in key_sentences),
            "agree": float(counts[text] > 1),
            "inside": float(joined.count(text) > 1),  # inside another candidate's phrase as well as its own
            "digit": float(bool(re.search(r"\d", c.text))),
            f"first={tokens[0]}": 1.0,
            f"last={tokens[-1]}": 1.0,
        }
        f.update({f"w={w}": 1.0 for w in words})
        at = sentence.text.find(c.text)
        before = _words_in(sentence.text[max(at, 0) - 40 : max(at, 0)])[-2:] if at >= 0 else []
        after = _words_in(sentence.text[at + len(c.text) : at + len(c.text) + 30])[:1] if at >= 0 else []
        for k, w in enumerate(reversed(before)):
            f[f"prev{k}={w}"] = 1.0
        for w in after:
            f[f"next={w}"] = 1.0
        if c.index not in cues:
            cues[c.index] = {f"cue={name}": 1.0 for name, cue in _SENTENCE_CUES.items() if cue.search(sentence.text)}
        f.update(cues[c.index])
        f["early"] = float(seen_text.setdefault(text, c.index) == c.index)
        out.append(f)
    return out


def choose(
    cands: Sequence[Candidate],
    field: str,
    quotes: Sequence[Quote],
    design: Design,
    findings: Sequence[Quote] = (),
    model: tuple[LinearModel, float] | None = None,
) -> FieldValue:
    """The field's best candidate when the model (the shipped one unless given) is sure enough; else empty."""
    mine = [c for c in cands if c.field == field]
    if not mine:
        return FieldValue()
    linear, threshold = model or shipped_models()[field]
    scores = linear.decision(features(mine, quotes, design, findings))[:, 0]
    best = int(np.argmax(scores))
    if scores[best] < threshold:
        return FieldValue()
    q = quotes[mine[best].index]
    return FieldValue(mine[best].text, q.text, q.page)


@cache
def shipped_models() -> dict[str, tuple[LinearModel, float]]:
    """Each field's model and threshold (on its decision value), read once from ``ebp/data``."""
    data = json.loads(resources.files("ebp.data").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    return {name: (from_json(m), float(data["thresholds"][name])) for name, m in data["fields"].items()}


_LEADING_COUNT = re.compile(r"^(?:\d[\d.,]*|[A-Z]?[a-z]+-?[a-z]*)\s+(?=[^\W\d])")
_CLAUSE_END = re.compile(r"[.;:(]|,\s+(?:and|but|while|which|dan|tetapi)\b|\s+(?:were|was|are|is|had|have|completed|"
                         r"participated|received|took|adalah|merupakan|mengikuti)\b")  # fmt: skip


def _variants(c: Candidate, sentence: str) -> list[Candidate]:
    """The same phrase at other lengths: without its leading count ("1,146 children …" → "children …") and run on
    to the end of its clause ("grandmothers aged 50 and over" → "… who were the primary carers of …")."""
    out = []
    bare = _LEADING_COUNT.sub("", c.text) if _NUMBER_WORD.match(c.text) else c.text
    if bare != c.text:
        out.append(Candidate(c.field, c.source + "-bare", c.index, bare))
    at = sentence.find(c.text)
    if at >= 0:
        rest = sentence[at + len(c.text) :]
        stop = _CLAUSE_END.search(rest)
        if stop and re.search(r"\b(?:who|whose|that|which|yang)\s*$", rest[: stop.start()]):
            stop = re.search(r"[.;:(]", rest)  # "… who were …": the verb is the relative clause's
        longer = clean(c.text + rest[: stop.start() if stop else min(len(rest), 120)])
        if longer != c.text and len(longer.split()) <= 25:
            out.append(Candidate(c.field, c.source + "-long", c.index, longer))
            if bare != c.text:
                out.append(Candidate(c.field, c.source + "-bare-long", c.index, _LEADING_COUNT.sub("", longer)))
    return out


def _chunks(text: str) -> list[str]:
    """The sentence's runs of content words (at most eight), split at function words, verbs and punctuation; each
    copied from the sentence as it stands."""
    out: list[str] = []
    run: list[re.Match[str]] = []
    for m in [*_TOKEN.finditer(text), None]:
        token = m.group() if m else "."
        low = token.lower()
        if m and run and low in _JOIN:
            run.append(m)
        elif m and token[0].isalnum() and low not in _BREAK and not (token.isdigit() and not run):
            run.append(m)
        else:
            while run and run[-1].group().lower() in _JOIN:
                run.pop()
            if run and len(run) <= 8:
                out.append(text[run[0].start() : run[-1].end()])
            run = []
    return out


def _words_in(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W\d_]+", text)]


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _bucket(value: int) -> int:
    return next((b for b in _BOUND if value <= b), 99)
