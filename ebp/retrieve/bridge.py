"""Query bridge: the content words of an Indonesian case, in English, for the English BM25 side.

BM25 cannot match "tekanan darah" with "blood pressure", so an Indonesian case over English
documents used to be ranked by meaning alone. ``translate`` turns each content word into English
terms, in this order:

1. the lexicon ``ebp/data/id_en.tsv`` (written by us), longest Indonesian phrase first, then the
   word's root after Indonesian affixes are stripped ("pengobatan" → "obat" → drug, medication);
2. cognate spelling rules for loanwords ("intervensi" → "intervention", "obesitas" → "obesity"),
   kept only when the index's English vocabulary knows the result;
3. the word itself when the vocabulary knows it (drug and gene names, acronyms: HIV, DNA, BRCA1);
   this is tried before the spelling rules (see ``_word``).

Stop words and words none of these can place are dropped. ``knows`` is the index's vocabulary
test (``LexicalIndex.knows``); nothing leaves the machine.
Example: ``translate("Tekanan darah tinggi pada lansia", index.knows)`` gives
("hypertension", "high blood pressure", "elderly", "older") on an index that knows those words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ebp.index.lexical import STOP_ID, words

Knows = Callable[[str], bool]

# Question words and fillers a case uses that carry no topic (STOP_ID holds the function words).
_STOP_EXTRA = frozenset(
    "apakah bagaimana mengapa kenapa siapa kapan dimana bisakah dapatkah haruskah benarkah cara hal "
    "sekadar benar juga jauh sendiri lain nya".split()
)
STOP = STOP_ID | _STOP_EXTRA
MIN_COGNATE_LENGTH = 5  # shorter words are too often an Indonesian word that spells an English one
COGNATE_ROOTS = 6  # respell the word and its longest roots only ("terinfeksi", "terinfeks", "infeksi" …)
MAX_EDITS = 3  # letter changes besides the ending: "fosforilasi" → "phosphorylation" needs three


def _pairs(spec: str) -> dict[str, tuple[str, ...]]:
    """``"a:b,c d:e"`` → ``{"a": ("b", "c"), "d": ("e",)}`` (an empty replacement is allowed)."""
    return {k: tuple(v.split(",")) for k, v in (item.split(":") for item in spec.split())}


# Indonesian ending → English endings (at most one change of ending per spelling).
_SUFFIXES = _pairs(
    "isasi:ization,isation asi:ation ensi:ence,ency ansi:ance,ancy si:tion,sion,sy,sis itas:ity tas:ty "
    "isme:ism asme:asm logis:logical is:ic,ical,is ika:ics,ic ik:ic,ics,ical if:ive ogi:ogy grafi:graphy "
    "ase:age,ase ur:ure in:ine on:one en:ene,ent at:ate id:ide a:e, i:y,ia"
)
# Spelling changes anywhere in the word.
_LETTERS = tuple((k, v) for k, vs in _pairs("k:c,ch ks:x ku:qu kw:qu f:ph i:y t:th s:c").items() for v in vs)
# English doubles consonants Indonesian writes once ("efektif", "imunitas", "aplikasi"); not r, d, g
# or b, whose doubling more often makes another word ("karotis" → "carrot…").
_DOUBLE = frozenset("cflmnpst")

# Indonesian affixes, for finding a word's root in the lexicon.
_PARTICLES = ("lah", "kah", "pun", "nya", "ku", "mu")
_SUFFIX_ROOT = ("kan", "an", "i")
_PREFIXES = ("di", "ke", "se", "ter", "ber", "be", "per", "memper", "diper")
# meN-/peN- with the root's first sound restored: "menurun" → "turun", "penyakit" → "sakit".
_NASAL = _pairs("meng:,k peng:,k meny:s peny:s mem:,p pem:,p men:,t pen:,t me: pe:")


@dataclass(frozen=True)
class Lexicon:
    """Indonesian phrase (tuple of words) → English terms."""

    entries: dict[tuple[str, ...], tuple[str, ...]]
    longest: int

    def match(self, tokens: list[str], start: int) -> tuple[tuple[str, ...], int]:
        """The English terms of the longest phrase at ``tokens[start:]``, and its length (0: none)."""
        for n in range(min(self.longest, len(tokens) - start), 0, -1):
            found = self.entries.get(tuple(tokens[start : start + n]))
            if found is not None:
                return found, n
        return (), 0


def parse_lexicon(text: str) -> Lexicon:
    """A lexicon from TSV text: ``indonesian<TAB>english, english`` lines; ``#`` starts a comment.

    Example: ``parse_lexicon("tekanan darah\\tblood pressure").entries[("tekanan", "darah")] == ("blood pressure",)``
    """
    entries: dict[tuple[str, ...], tuple[str, ...]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        indonesian, sep, english = line.partition("\t")
        key = tuple(words(indonesian, "id"))  # the same tokens a query gives ("paru-paru" → "paru")
        terms = tuple(t.strip() for t in english.split(",") if t.strip())
        if not sep or not key or not terms:
            raise ValueError(f"lexicon line {number} is not 'indonesian<TAB>english': {line!r}")
        entries.setdefault(key, terms)
    return Lexicon(entries, max((len(k) for k in entries), default=0))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped with ebp (``ebp/data/id_en.tsv``), read once."""
    return parse_lexicon(resources.files("ebp").joinpath("data/id_en.tsv").read_text(encoding="utf-8"))


def translate(text: str, knows: Knows, lexicon: Lexicon | None = None) -> tuple[str, ...]:
    """English terms for the content words of the Indonesian ``text``; only terms ``knows`` accepts."""
    lexicon = lexicon or default_lexicon()
    tokens = words(text, "id")
    terms: list[str] = []
    i = 0
    while i < len(tokens):
        found, n = lexicon.match(tokens, i)
        if n > 1 or (n and tokens[i] not in STOP):  # a phrase may hold a stop word: "kekerasan dalam rumah tangga"
            terms.extend(t for t in found if any(knows(w) for w in t.split()))
        elif tokens[i] not in STOP:
            terms.extend(_word(tokens[i], lexicon, knows))
        i += max(n, 1)
    return tuple(dict.fromkeys(terms))


def unfamiliar(text: str, knows: Knows) -> str:
    """The words of ``text`` that ``knows`` rejects, in order: what to bridge of a case that may be English.

    Example: ``unfamiliar("air desa", {"air"}.__contains__) == "desa"`` ("air" stays English: not water)
    """
    return " ".join(w for w in words(text, "id") if not knows(w))


def _word(word: str, lexicon: Lexicon, knows: Knows) -> list[str]:
    candidates = roots(word)
    for root in candidates[1:]:
        found = lexicon.entries.get((root,))
        if found:
            return [t for t in found if any(knows(w) for w in t.split())]
    # A word the English vocabulary already holds is taken as it is, before any respelling: it is a
    # name or a shared term ("metastasis", "lovastatin"), and a respelling that stems to a different
    # known word is more often wrong ("karotis" → "carrotic" → carrot) than right.
    if knows(word):
        return [word]
    for root in candidates[:COGNATE_ROOTS]:
        if len(root) >= MIN_COGNATE_LENGTH and root.isalpha():  # not "hnf4a"
            english = next((c for c in cognates(root) if knows(c)), None)
            if english:
                return [english]
    return []


@lru_cache(maxsize=8192)
def roots(word: str) -> list[str]:
    """``word`` and the roots left by stripping Indonesian affixes, longest first.

    Example: ``"obat" in roots("pengobatan") and "turun" in roots("menurunkan")``
    """
    found = [word]
    stems = [word] + [word[: -len(p)] for p in _PARTICLES if word.endswith(p) and len(word) - len(p) >= 3]
    for stem in list(stems):
        stems += [stem[: -len(s)] for s in _SUFFIX_ROOT if stem.endswith(s) and len(stem) - len(s) >= 3]
    for stem in stems:
        found.append(stem)
        found += list(_unprefix(stem))
    return sorted(dict.fromkeys(r for r in found if len(r) >= 3), key=lambda r: (r != word, -len(r)))


def _unprefix(stem: str, stacked: bool = False) -> Iterator[str]:
    for prefix in _PREFIXES:
        rest = stem[len(prefix) :]
        if stem.startswith(prefix) and len(rest) >= 3:
            yield rest
            if not stacked:  # one more prefix inside: "keber-sih-an", "diper-kuat"
                yield from _unprefix(rest, True)
    for prefix, restored in _NASAL.items():
        rest = stem[len(prefix) :]
        if not stem.startswith(prefix) or len(rest) < 3:
            continue
        if rest[0] in "aeiou":  # the nasal replaced the root's first sound, or the root starts with a vowel
            yield from (first + rest for first in restored)
        elif "" in restored and (len(prefix) > 2 or rest[0] in "lmnrwy"):  # "mendeteksi", "melihat"
            yield rest


@lru_cache(maxsize=8192)
def cognates(word: str) -> tuple[str, ...]:
    """English spellings of an Indonesian loanword by rule, fewest changes first (most are not words).

    Example: ``"intervention" in cognates("intervensi") and "obesity" in cognates("obesitas")``
    """
    # (stem, English ending, -length of the Indonesian ending): a longer ending is the likelier
    # reading at equal cost ("fosforil-asi" → phosphorylation before "fosforila-si" → phosphorylasion).
    bases = [(word, "", 0)]
    for ending, replacements in _SUFFIXES.items():  # every ending that fits: "intervensi" is -ensi and -si
        if word.endswith(ending) and len(word) > len(ending) + 2:
            bases += [(word[: -len(ending)], english, -len(ending)) for english in replacements]
    found: dict[str, tuple[int, int]] = {}
    for stem, english, cut in bases:
        for spelling, changes in _respellings(stem, MAX_EDITS).items():
            candidate, rank = spelling + english, (changes + (cut < 0), cut)
            if candidate != word and rank < found.get(candidate, (MAX_EDITS + 2, 0)):
                found[candidate] = rank
    return tuple(sorted(found, key=lambda c: (found[c], c)))


def _respellings(stem: str, budget: int) -> dict[str, int]:
    """``stem`` with up to ``budget`` letter changes (at most one doubled consonant) → changes used."""
    out = {stem: 0}
    level = {(stem, False)}
    for changes in range(1, budget + 1):
        following = set()
        for spelling, doubled in level:
            following |= set(_letter_edits(spelling, doubled))
        following = {(s, d) for s, d in following if s not in out}
        out.update((s, changes) for s, _ in following)
        level = following
    return out


def _letter_edits(spelling: str, doubled: bool) -> Iterator[tuple[str, bool]]:
    for old, new in _LETTERS:
        start = spelling.find(old)
        while start >= 0:
            yield spelling[:start] + new + spelling[start + len(old) :], doubled
            start = spelling.find(old, start + 1)
    if not doubled:
        for i in range(1, len(spelling)):
            if spelling[i] in _DOUBLE and spelling[i - 1] != spelling[i]:
                yield spelling[:i] + spelling[i] + spelling[i:], True
