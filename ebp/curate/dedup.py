"""Duplicates out: the same paper exported twice (two databases, two searches), merged with the reason shown.

Three tests, strongest first: the same DOI; the same normalised title with the same year and first
author (a missing year or author does not block it, a different one does); near-identical abstracts
(word 3-gram overlap). Two records with different DOIs, or years more than one apart, are never merged:
a reprint, an erratum or part 2 of a series is another paper for a reading list.
The merged record keeps the fullest value of each field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from ebp.curate.records import Record

ABSTRACT_OVERLAP = 0.8  # Jaccard of word 3-grams above which two abstracts are one
TITLE_OVERLAP = 0.9  # ... and of title character 4-grams, for titles that differ by a typo or a subtitle mark
MIN_ABSTRACT_WORDS = 40  # shorter abstracts are too often boilerplate to be compared
SHARED_NGRAM_LIMIT = 20  # n-grams found in more records than this (or 0.1 % of them) are not compared
MIN_TITLE_CHARS = 25  # shorter titles ("Editorial", "Introduction") need a DOI or an abstract to be merged


@dataclass(frozen=True)
class Merge:
    """Records that are one paper: ``kept`` (with the others' fields filled in) stands for all of them."""

    kept: str  # key of the record kept
    merged: tuple[str, ...]  # keys of the records merged into it
    reasons: tuple[str, ...]  # "doi", "title", "abstract", "near_title": why each pair was joined


@dataclass(frozen=True)
class DedupResult:
    records: tuple[Record, ...]  # one per paper, in the order of first appearance
    merges: tuple[Merge, ...]


def title_key(title: str) -> str:
    """A title reduced to its letters and digits, accents and case folded.

    Example: ``title_key("Nudging  Doctors: A <i>Trial</i>.") == "nudgingdoctorsatrial"``
    """
    text = unicodedata.normalize("NFKD", re.sub(r"<[^>]{1,40}>", "", title)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", text.lower())


def first_author_key(record: Record) -> str:
    """The first author's family name, folded: "Smith, J." / "John Smith" / "Smith J" → "smith"."""
    if not record.authors:
        return ""
    name = record.authors[0].strip()
    if "," in name:
        family = name.split(",", 1)[0]
    else:
        words = name.split()
        family = words[0] if len(words) > 1 and re.fullmatch(r"[A-Z.-]{1,5}", words[-1]) else words[-1]
    return title_key(family)


def _compatible(a: Record, b: Record) -> bool:
    if a.doi and b.doi and a.doi != b.doi:
        return False
    if a.year and b.year and abs(a.year - b.year) > 1:
        return False
    fa, fb = first_author_key(a), first_author_key(b)
    return not (fa and fb and fa != fb and not (fa.startswith(fb) or fb.startswith(fa)))


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _shingles(texts: Sequence[str], n: int, chars: bool) -> object:
    """A binary sparse matrix of n-gram sets (characters or words, hashed into 2^22 columns), one row per text."""
    from sklearn.feature_extraction.text import HashingVectorizer

    options = {"analyzer": "char"} if chars else {"token_pattern": r"(?u)\b\w+\b"}
    vectorizer = HashingVectorizer(ngram_range=(n, n), n_features=2**22, binary=True, norm=None,
                                   alternate_sign=False, dtype=np.float32, **options)  # type: ignore[arg-type]  # fmt: skip
    matrix = vectorizer.transform(texts).tocsc()
    # n-grams shared by many records ("of the patients", "tion") say nothing about duplicates and make the
    # product below quadratic: 43 s instead of 1 s on SciFact's 5,183 abstracts. A duplicate shares its rare ones.
    df = np.diff(matrix.indptr)
    keep = np.flatnonzero((df > 0) & (df <= max(SHARED_NGRAM_LIMIT, len(texts) // 1000)))
    return matrix[:, keep].tocsr()


def _similar_pairs(
    texts: Sequence[str], rows: Sequence[int], n: int, chars: bool, floor: float
) -> list[tuple[int, int]]:
    """Pairs of ``rows`` whose texts' n-gram sets overlap (Jaccard) at least ``floor``; sparse products, no loop
    over all pairs."""
    if len(rows) < 2:
        return []
    matrix = _shingles([texts[r] for r in rows], n, chars)
    sizes = np.asarray(matrix.sum(axis=1)).ravel()  # type: ignore[attr-defined]
    common = (matrix @ matrix.T).tocoo()  # type: ignore[attr-defined]
    i, j, inter = common.row, common.col, common.data
    keep = i < j
    i, j, inter = i[keep], j[keep], inter[keep]
    jaccard = inter / np.maximum(sizes[i] + sizes[j] - inter, 1)
    return [(rows[a], rows[b]) for a, b in zip(i[jaccard >= floor], j[jaccard >= floor], strict=True)]


def _candidate_pairs(records: Sequence[Record]) -> list[tuple[int, int, str]]:
    pairs: list[tuple[int, int, str]] = []
    by_doi: dict[str, int] = {}
    by_title: dict[str, list[int]] = {}
    for i, record in enumerate(records):
        if record.doi:
            if record.doi in by_doi:
                pairs.append((by_doi[record.doi], i, "doi"))
            by_doi.setdefault(record.doi, i)
        key = title_key(record.title)
        if len(key) >= MIN_TITLE_CHARS:
            for j in by_title.get(key, []):
                pairs.append((j, i, "title"))
            by_title.setdefault(key, []).append(i)
    abstracts = [" ".join(r.abstract.lower().split()) for r in records]
    rows = [i for i, a in enumerate(abstracts) if len(a.split()) >= MIN_ABSTRACT_WORDS]
    pairs += [(i, j, "abstract") for i, j in _similar_pairs(abstracts, rows, 3, False, ABSTRACT_OVERLAP)]
    titles = [title_key(r.title) for r in records]
    rows = [i for i, t in enumerate(titles) if len(t) >= MIN_TITLE_CHARS]
    pairs += [(i, j, "near_title") for i, j in _similar_pairs(titles, rows, 4, True, TITLE_OVERLAP)]
    return pairs


def _near_title_ok(a: Record, b: Record) -> bool:
    """Near-identical titles join only with the same year and first author both known: "Part I" and "Part II"
    of a series differ by one character."""
    return bool(a.year and b.year and first_author_key(a) and first_author_key(a) == first_author_key(b))


def _fill(kept: Record, others: Sequence[Record]) -> Record:
    """``kept`` with each empty field taken from the others, and the longest abstract of all."""
    best_abstract = max([kept.abstract, *(o.abstract for o in others)], key=len)
    return replace(
        kept,
        abstract=best_abstract,
        doi=kept.doi or next((o.doi for o in others if o.doi), None),
        year=kept.year or next((o.year for o in others if o.year), None),
        journal=kept.journal or next((o.journal for o in others if o.journal), None),
        authors=kept.authors or next((o.authors for o in others if o.authors), ()),
        path=kept.path or next((o.path for o in others if o.path), None),
    )


def deduplicate(records: Sequence[Record]) -> DedupResult:
    """One record per paper, and what was merged into what, and why.

    Example: two exports of one trial, one with a DOI and one without, come back as one record with the DOI.
    """
    union = _Union(len(records))
    reasons: dict[tuple[int, int], str] = {}
    for i, j, reason in _candidate_pairs(records):
        a, b = records[i], records[j]
        if reason != "doi" and not _compatible(a, b):
            continue
        if reason == "near_title" and not _near_title_ok(a, b):
            continue
        if reason == "title" and len(title_key(a.title)) < MIN_TITLE_CHARS:
            continue
        union.join(i, j)
        reasons.setdefault((min(i, j), max(i, j)), reason)
    groups: dict[int, list[int]] = {}
    for i in range(len(records)):
        groups.setdefault(union.find(i), []).append(i)
    out: list[Record] = []
    merges: list[Merge] = []
    for members in sorted(groups.values(), key=lambda m: m[0]):
        # Keep the fullest record: the one with an abstract, a DOI, authors; the first on a tie.
        keep = max(members, key=lambda i: (bool(records[i].abstract), bool(records[i].doi), len(records[i].authors)))
        others = [records[i] for i in members if i != keep]
        out.append(_fill(records[keep], others))
        if others:
            why = sorted({r for (i, j), r in reasons.items() if i in members and j in members})
            merges.append(Merge(records[keep].key, tuple(o.key for o in others), tuple(why)))
    return DedupResult(tuple(out), tuple(merges))
