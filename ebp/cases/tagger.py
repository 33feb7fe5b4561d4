"""A learned token tagger beside the de-identifier's rules: a linear-chain CRF (python-crfsuite).

Why: each round of rules written on fresh notes reached ~99 % on them but only 93–96 % on the next notes written
blind; the rules see a layout only once somebody wrote a rule for it. A CRF trained on every labelled note
(benchmarks/deid/*.jsonl) weighs many weak hints at once — the word, its shape, its neighbours, the label before it
on its line ("NIK:", "Alamat", "Ref."), the word lists — and so reaches identifiers in layouts no rule names. It
does not see the rules' decision: the rules were written on those same notes and are near perfect there, so a
tagger given their decision learned to copy it and added little on a held-out set (leave-one-set-out, dev8:
95.3 -> 95.5 % with it, -> 96.8 % without).
``ebp.cases.deidentify.find_identifiers`` masks the union of the rules' spans and the tagger's.

The model is ``ebp/data/deid_tagger.crfsuite``, written by ``benchmarks/deid/train_tagger.py`` (deterministic; its
``--check`` retrains and compares). A missing model is an error, never a silent fall-back to the rules alone: a
user would otherwise get weaker masking without knowing it.

Labels are BIO over the eight kinds. A token is masked when the tagger's marginal probability that it is part of an
identifier (any B-/I- label) reaches ``THRESHOLD`` (chosen by leave-one-set-out, never on one set in-sample).
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import pycrfsuite

from ebp.cases.name_words import HONORIFICS, INSTITUTION, ROLES, lines
from ebp.cases.patterns import MONTHS, Span, is_date

MODEL = "deid_tagger.crfsuite"
THRESHOLD = 0.3  # marginal P(identifier) at which a token is masked; chosen by leave-one-set-out
_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")  # a run of letters/digits, or one punctuation mark
# Words that name the field after them on a line: "NIK:", "Alamat", "Ref.", "HP/WA" (lower case, no dot).
_LABEL_WORD = re.compile(r"[^\W\d_]{2,}")
# The speaker of a chat line: after a time stamp that opens the line ("[Thu 10:03]", "[14/09/25, 9:11 am]",
# "08:14"), the words before the next colon ("will k (sw):", "Bung Rendy Peksos:").
_SPEAKER = re.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{1,40}\]|\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?)[ \t]*[-–]?[ \t]*"
    r"(?P<who>[^:\n\[\]]{1,40}?)[ \t]*:",
    re.IGNORECASE,
)


class TaggerMissing(RuntimeError):
    """The tagger's model file is not where the package expects it."""


@functools.cache
def model_bytes() -> bytes:
    """The shipped model, read once. Each call of ``find`` opens its own tagger on these bytes (a tagger holds the
    sequence it was last given, so one shared tagger would not be safe across the app's threads)."""
    path = resources.files("ebp").joinpath(f"data/{MODEL}")
    if not path.is_file():
        raise TaggerMissing(f"ebp/data/{MODEL} is missing: rebuild it with benchmarks/deid/train_tagger.py")
    return path.read_bytes()


@functools.cache
def _lists() -> dict[str, frozenset[str]]:
    return {
        "name": lines("deid_names.txt") | lines("deid_names_extra.txt"),
        "vocab": lines("deid_vocab.txt") | lines("deid_vocab_extra.txt"),
        "root": lines("deid_vocab_id.txt"),
        "place": lines("deid_places.txt"),
        "town": lines("deid_places_geo.txt"),
        "honor": HONORIFICS,
        "inst": INSTITUTION,
        "role": ROLES,
        "month": MONTHS,
    }


def tokens(text: str) -> list[tuple[int, int]]:
    """Token offsets: letter/digit runs and single punctuation marks (so "0812-3456" is three tokens)."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _shape(word: str) -> str:
    out = re.sub(r"[A-Z]", "X", word)
    out = re.sub(r"[^\W\d_]", "x", out)
    return re.sub(r"\d", "d", out)


def _short(shape: str) -> str:
    """A shape with runs collapsed: "Xxxxx" -> "Xx", "dddd" -> "d", "XXdd" -> "Xd"."""
    return re.sub(r"(.)\1+", r"\1", shape)


def _word_features(word: str) -> list[str]:
    low = word.lower()
    shape = _shape(word)
    digits = sum(c.isdigit() for c in word)
    lists = _lists()
    feats = [
        "w=" + low,
        "sh=" + (shape if len(shape) <= 8 else shape[:4] + "~" + shape[-3:]),
        "ss=" + _short(shape),
        "p2=" + low[:2],
        "p3=" + low[:3],
        "s2=" + low[-2:],
        "s3=" + low[-3:],
        "len=" + str(min(len(word), 12)),
        "dig=" + str(min(digits, 20)),
    ]
    if word[:1].isupper():
        feats.append("cap")
    if word.isupper() and len(word) > 1:
        feats.append("upper")
    if digits and digits < len(word):
        feats.append("mixed")
    feats += ["in:" + key for key, words in lists.items() if low in words]
    return feats


def _line_features(text: str, toks: list[tuple[int, int]]) -> list[list[str]]:
    """Where each token stands on its line: first on the line, how far in, after a colon, and the label that
    opens the line before the colon ("nama", "alamat", "nik") or the last word before a colon ("Ref.:")."""
    out: list[list[str]] = []
    line_no, pos, label, last_words, colon = -1, 0, "", "", False
    for i, (start, end) in enumerate(toks):
        gap = text[toks[i - 1][1] : start] if i else "\n"
        if "\n" in gap or i == 0:
            line_no, pos, label, last_words, colon = line_no + 1, 0, "", "", False
        feats = [f"pos={min(pos, 6)}"]
        if pos == 0:
            feats.append("bol")
        if colon:
            feats += ["after_colon", "label=" + label]
        elif last_words:
            feats.append("lastw=" + last_words)
        if "\n\n" in gap:
            feats.append("para")
        if not gap:
            feats.append("glued")
        word = text[start:end]
        if word == ":" and not colon:
            colon, label = True, last_words
        elif _LABEL_WORD.fullmatch(word):
            last_words = word.lower()
        pos += 1
        out.append(feats)
    return out


def features(text: str) -> tuple[list[tuple[int, int]], list[list[str]]]:
    """The tokens of ``text`` and each one's features."""
    toks = tokens(text)
    words = [text[s:e] for s, e in toks]
    own = [_word_features(w) for w in words]
    line = _line_features(text, toks)
    _speakers(text, toks, words, line)
    seqs: list[list[str]] = []
    for i, word in enumerate(words):
        feats = [*own[i], *line[i], "bias"]
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < len(words):
                ctx = own[j]
                feats += [f"{off}:{ctx[0]}", f"{off}:{ctx[2]}"]
                if abs(off) == 1:
                    feats += [f"{off}:{f}" for f in ctx[9:] if f.startswith("in:") or f == "cap"]
            else:
                feats.append(f"{off}:none")
        if i and word[:1].isalnum():
            feats.append("prev+w=" + words[i - 1].lower() + "|" + word.lower())
        seqs.append(feats)
    return toks, seqs


def _speakers(text: str, toks: list[tuple[int, int]], words: list[str], line: list[list[str]]) -> None:
    """Mark the words of chat speakers ("speaker") and, anywhere in the note, the words that also speak
    ("speaks"). Why: chat notes are often all lower case, so a name there has neither a capital nor a title; the
    time stamp before it and the colon after it say it is a person, and that person is named again in the
    messages ("tanushree be careful")."""
    spans = [m.span("who") for m in _SPEAKER.finditer(text)]
    said: set[str] = set()
    for i, (start, end) in enumerate(toks):
        if any(a <= start and end <= b for a, b in spans):
            line[i].append("speaker")
            if _LABEL_WORD.fullmatch(words[i]):
                said.add(words[i].lower())
    for i, word in enumerate(words):
        if word.lower() in said:
            line[i].append("speaks")


def labels(toks: list[tuple[int, int]], gold: list[Span]) -> list[str]:
    """BIO labels of the tokens from labelled spans (training only): "B-kind"/"I-kind" of the span that covers a
    token, else "O"."""
    out = ["O"] * len(toks)
    spans = sorted(gold, key=lambda s: s.start)
    j = 0
    for i, (start, end) in enumerate(toks):
        while j < len(spans) and spans[j].end <= start:
            j += 1
        if j < len(spans) and spans[j].start < end:
            first = i == 0 or toks[i - 1][1] <= spans[j].start
            out[i] = ("B-" if first else "I-") + spans[j].kind
    return out


def find(text: str, threshold: float = THRESHOLD, model: bytes | None = None) -> list[Span]:
    """The identifiers the tagger finds in ``text``: maximal runs of tokens whose marginal probability of being
    part of an identifier reaches ``threshold``, each with the kind most probable over its tokens.

    ``model``: a model's bytes, for leave-one-set-out; the shipped model by default.
    """
    found = spans_from(*marginals(text, model), threshold)
    # A bare date is a date of birth or nothing (benchmarks/deid/GUIDE.md): the tagger, seeing digits after a label,
    # would sometimes call a visit's date an ID number; the rules keep that convention and so does the tagger.
    return [s for s in found if s.kind == "dob" or not is_date(text[s.start : s.end])]


def marginals(text: str, model: bytes | None = None) -> tuple[list[tuple[int, int]], list[dict[str, float]]]:
    """The tokens of ``text`` and, for each, the marginal probability of every label but "O"."""
    toks, seqs = features(text)
    if not toks:
        return [], []
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(model if model is not None else model_bytes())
    try:
        tagger.set(seqs)
        names = [n for n in tagger.labels() if n != "O"]
        return toks, [{n: tagger.marginal(n, i) for n in names} for i in range(len(toks))]
    finally:
        tagger.close()


def spans_from(toks: list[tuple[int, int]], probs: list[dict[str, float]], threshold: float) -> list[Span]:
    """Runs of tokens at or above ``threshold``; a new span starts where the kind changes or a B- label leads."""
    out: list[Span] = []
    current: tuple[int, int, str] | None = None
    for (start, end), p in zip(toks, probs, strict=True):
        if sum(p.values()) < threshold:
            _close(out, current)
            current = None
            continue
        by_kind: dict[str, float] = {}
        for name, value in p.items():
            by_kind[name[2:]] = by_kind.get(name[2:], 0.0) + value
        kind = max(by_kind, key=lambda k: by_kind[k])
        begins = p.get("B-" + kind, 0.0) > p.get("I-" + kind, 0.0)
        if current is not None and (current[2] != kind or begins):
            _close(out, current)
            current = None
        current = (current[0] if current else start, end, kind)
    _close(out, current)
    return out


def _close(out: list[Span], current: tuple[int, int, str] | None) -> None:
    if current is not None:
        out.append(Span(*current))
