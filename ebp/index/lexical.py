"""Lexical side of hybrid retrieval: BM25 over analysed passage text, in English and Indonesian.

``analyze`` turns text into index terms (NFKC, case folding, Unicode word tokens, stop words,
Snowball stemming); ``LexicalIndex`` keeps a bm25s sparse BM25 matrix over those terms plus the
mapping from matrix rows to our int64 passage ids. Each passage is analysed with its own language,
so one index holds both languages; a query in one language over passages in the other simply finds
few shared terms and scores low.

On disk an index is one directory (bm25s arrays and vocabulary, ``ids.npy`` and ``meta.json``),
written whole into a temporary sibling and renamed into place.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
import unicodedata
import uuid
from collections import Counter
from collections.abc import Collection, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ebp.errors import IndexMissingError, SchemaMismatchError
from ebp.index.library_bm25 import LibraryWeights, length_factor, lucene_idf

log = logging.getLogger(__name__)


def _bm25s() -> Any:
    """bm25s, imported on first use. It sets its own logger to DEBUG ("Building index from tokens" on every
    build, in the app's console too); ebp reports what matters itself, so only its warnings are let through."""
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


# BM25 parameters: Lucene/Anserini's values for their "flat" BEIR baselines, which we reproduce
# (benchmarks/bm25_beir.py). Gentle term-frequency saturation (k1 < 1.2) and mild length
# normalisation (b < 0.75) suit scientific abstracts, long because they say more rather than
# because they repeat words. A sweep of k1 0.6–1.5 × b 0.3–0.75 on SciFact train and NFCorpus dev
# (2026-11, never on test) was flat: no cell beat these by more than 0.005 nDCG@10 on either set,
# within noise for a few hundred queries, so we keep the published values.
K1 = 0.9
B = 0.4

# Bump when analysis changes: an index built with other terms would silently mis-match queries.
ANALYZER_VERSION = 1
FORMAT_VERSION = 1
_META = "meta.json"
_IDS = "ids.npy"
_LENGTHS = "lengths.npy"  # index terms per passage (a shard scores at the library's mean length)

# Lucene's English stop set (33 words), the one Anserini's published BM25 baselines use. NLTK's
# 179-word list scored +0.007 nDCG@10 on NFCorpus dev but +0.001 on SciFact train, and it drops
# words such as "after", "during", "against" or "few" that carry meaning in a case description.
STOP_EN = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the their then "
    "there these they this to was will with".split()
)

# A small curated Indonesian list: function words (conjunctions, prepositions, pronouns,
# determiners, auxiliaries, particles) only. Big lists such as stopwords-iso's also drop content
# words a case description needs (e.g. "anak", "ibu", "kerja"), so we keep our own.
STOP_ID = frozenset(
    """
    yang dan di ke dari untuk dengan pada ini itu adalah atau dalam oleh sebagai akan juga telah
    sudah sedang bahwa karena jika kalau maka agar supaya namun tetapi tapi serta para sang si pun
    lah kah nya ia mereka kami kita saya anda dia suatu sebuah seorang tersebut merupakan yaitu
    yakni ada bagi antara hingga sampai sehingga secara saat ketika setelah sebelum bila apabila
    dapat bisa harus lebih sangat hanya masih belum tidak bukan tentang terhadap begitu demikian
    seperti pula lagi pernah setiap tiap semua beberapa
    """.split()
)

# Irregular English plurals that Snowball leaves alone ("children" stems to "children"), limited
# to words a social-work case uses; mapped before stemming so "children" finds "child".
_IRREGULAR_EN = {"children": "child", "women": "woman", "men": "man", "wives": "wife"}

# Words: runs of letters/digits in any script, joined by an inner apostrophe ("don't") or, between
# digits, by a decimal point or comma ("3.5", "1,000"). Hyphens and underscores split words.
_WORD = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+(?:'[^\W_]+)*")
# Indonesian full reduplication marks a plural ("anak-anak"); index it once, as its base word.
_REDUPLICATION = re.compile(r"\b([^\W_]+)-\1\b")
_POSSESSIVE = re.compile(r"'s$")


@lru_cache(maxsize=4)
def _stemmer(algorithm: str) -> Any:
    # Snowball stemmers from PyStemmer (MIT/BSD). For Indonesian we use Snowball's rule-based
    # stemmer (BSD, after Tala 2003) rather than a dictionary stemmer such as Sastrawi
    # (Nazief–Adriani): those need a root-word dictionary, and the one Sastrawi ships comes from
    # Kateglo under CC BY-NC-SA, a non-commercial licence we cannot pass on to users. The cost is
    # the occasional miss, e.g. "meneliti" → "elit" but "diteliti" → "telit".
    import Stemmer

    return Stemmer.Stemmer(algorithm)


def words(text: str, lang: str) -> list[str]:
    """The normalised words of ``text``, before stop words and stemming (shared with ``ebp.retrieve.bridge``).

    Example: words("Anak-anak dan Lansia", "id") == ["anak", "dan", "lansia"]
    """
    # PDFs often give typographic apostrophes; fold them so "don’t" and "don't" are one term.
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    if lang == "id":
        text = _REDUPLICATION.sub(r"\1", text)
    return _WORD.findall(text)


_PLAIN = re.compile(r"[a-z]+")


def _plain_english_term(word: str) -> list[str]:
    """``analyze(word, "en")`` for one lower-case ASCII word, some 20 times faster (the bridge asks often)."""
    if word in STOP_EN:
        return []
    return [_stemmer("english").stemWord(_IRREGULAR_EN.get(word, word))]


def word_terms(word: str, lang: str) -> list[str]:
    """The index terms of one word as ``knows`` reads them (``analyze``, faster for a plain English word)."""
    return _plain_english_term(word) if lang != "id" and _PLAIN.fullmatch(word) else analyze(word, lang)


def knows_word(word: str, lang: str, vocabulary: Collection[str]) -> bool:
    """Whether every index term of ``word`` (analysed as ``lang``) is in ``vocabulary`` (``LexicalIndex.knows``)."""
    terms = word_terms(word, lang)
    return bool(terms) and all(t in vocabulary for t in terms)


def analyze(text: str, lang: str) -> list[str]:
    """Index terms of ``text`` under the rules of ``lang`` ("id" Indonesian, anything else English).

    Example: analyze("The children's families", "en") == ["child", "famili"]
    """
    if lang == "id":
        stems: list[str] = _stemmer("indonesian").stemWords([w for w in words(text, lang) if w not in STOP_ID])
        return stems
    kept = []
    for word in words(text, lang):
        word = _POSSESSIVE.sub("", word)
        if word not in STOP_EN:
            kept.append(_IRREGULAR_EN.get(word, word))
    stems = _stemmer("english").stemWords(kept)
    return stems


class LexicalIndex:
    """BM25 over analysed passages, keyed by arbitrary int64 passage ids."""

    def __init__(self, bm25: Any, ids: np.ndarray, lengths: np.ndarray | None = None) -> None:
        self._bm25 = bm25  # bm25s.BM25, or None for an empty index
        self._ids = ids
        self._lengths = lengths  # index terms per row (None: an index saved before lengths were kept)
        self._terms = int(lengths.sum()) if lengths is not None else 0  # index terms in all passages
        self._row_of: dict[int, int] | None = None  # passage id → matrix row, built on first use

    @classmethod
    def build(
        cls,
        ids: Sequence[int],
        texts: Sequence[str],
        langs: Sequence[str],
        *,
        k1: float = K1,
        b: float = B,
    ) -> LexicalIndex:
        """Index ``texts[i]`` (analysed as ``langs[i]``) under passage id ``ids[i]``."""
        if not len(ids) == len(texts) == len(langs):
            raise ValueError(f"ids, texts and langs differ in length: {len(ids)}, {len(texts)}, {len(langs)}")
        id_array = np.asarray(ids, dtype=np.int64).reshape(-1)
        if len(np.unique(id_array)) != len(id_array):
            raise ValueError("passage ids must be unique")
        if not len(id_array):
            return cls(None, id_array)
        bm25 = _bm25s().BM25(k1=k1, b=b, method="lucene")
        tokens = [analyze(text, lang) for text, lang in zip(texts, langs, strict=True)]
        bm25.index(tokens, show_progress=False)
        return cls(bm25, id_array, np.array([len(t) for t in tokens], dtype=np.int32))

    def __len__(self) -> int:
        return len(self._ids)

    def search(
        self, query: str, lang: str, k: int = 100, weights: LibraryWeights | None = None
    ) -> list[tuple[int, float]]:
        """Up to ``k`` (passage id, BM25 score) pairs, best first; only passages sharing a term. ``weights``: a
        shard's BM25 turned into the whole library's (``ebp.index.library_bm25``)."""
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        if self._bm25 is None:
            return []
        scores = self._query_scores(query, lang, weights)
        if scores is None:
            return []
        rows = np.flatnonzero(scores > 0)
        if len(rows) > k:
            rows = np.sort(rows[np.argpartition(-scores[rows], k - 1)[:k]])
        # Best score first; ties go to the earlier-indexed passage, so results are deterministic.
        order = rows[np.lexsort((rows, -scores[rows]))]
        return [(int(self._ids[r]), float(scores[r])) for r in order]

    def _query_scores(self, query: str, lang: str, weights: LibraryWeights | None) -> np.ndarray | None:
        """BM25 of ``query`` for every passage row (None when no query term is in the index)."""
        vocab = self._bm25.vocab_dict
        # A repeated query term counts once per repetition, as in Anserini's bag-of-words queries.
        terms = [t for t in analyze(query, lang) if t in vocab]
        if not terms:
            return None
        if weights is None:
            return np.asarray(self._bm25.get_scores_from_ids([vocab[t] for t in terms]))
        # bm25s keeps one column of a sparse matrix per term, each value already multiplied by the term's IDF.
        matrix, n = self._bm25.scores, len(self._ids)
        indptr, indices, data = matrix["indptr"], matrix["indices"], matrix["data"]
        lengths = self._lengths if weights.avgdl and self._terms else None  # None: the shard's own lengths stand
        own_avgdl = self._terms / n
        total = np.zeros(n, dtype=np.float64)
        for term, count in Counter(terms).items():
            start, end = int(indptr[vocab[term]]), int(indptr[vocab[term] + 1])
            rows, values = np.asarray(indices[start:end]), np.asarray(data[start:end], dtype=np.float64)
            if lengths is not None and weights.avgdl:
                idf, k1, b = lucene_idf(n, end - start), self._bm25.k1, self._bm25.b
                values = values * length_factor(values, lengths[rows], idf, own_avgdl, weights.avgdl, k1, b)
            total[rows] += count * weights.idf.get(term, 1.0) * values  # a column holds each row once
        return total

    def length_total(self) -> tuple[int, int]:
        """(passages, index terms in them): a shard's share of the library's mean passage length (0 terms: an
        index saved before lengths were kept)."""
        return len(self._ids), self._terms

    def term_counts(self, query: str, lang: str) -> tuple[int, dict[str, int]]:
        """(passages in the index, passages holding each of the query's index terms): a shard's share of the
        whole library's BM25 statistics."""
        if self._bm25 is None:
            return 0, {}
        vocab = self._bm25.vocab_dict
        indptr = np.asarray(self._bm25.scores["indptr"])
        counts = {t: int(indptr[vocab[t] + 1] - indptr[vocab[t]]) if t in vocab else 0 for t in analyze(query, lang)}
        return len(self._ids), counts

    def document_frequencies(self) -> dict[str, int]:
        """Passages holding each index term, for every term (``term_counts`` of the whole vocabulary at once)."""
        if self._bm25 is None:
            return {}
        held = np.diff(np.asarray(self._bm25.scores["indptr"]))
        # bm25s adds the empty token to its vocabulary without a column of scores: no passage holds it.
        return {term: int(held[column]) for term, column in self._bm25.vocab_dict.items() if column < len(held)}

    def knows(self, word: str, lang: str = "en", vocabulary: frozenset[str] | None = None) -> bool:
        """Whether every index term of ``word`` (analysed as ``lang``) is in ``vocabulary`` (default: the index's).

        A set lookup per term, cheap enough to test hundreds of spellings per query.
        Example: an index over "blood pressure" knows "pressures" but not "pressure cooker"
        """
        if self._bm25 is None:
            return False
        return knows_word(word, lang, self._bm25.vocab_dict if vocabulary is None else vocabulary)

    def vocabulary(self, ids: Sequence[int] | None = None) -> frozenset[str]:
        """The index terms that occur in the passages ``ids`` (default: in any passage)."""
        if self._bm25 is None:
            return frozenset()
        vocab: dict[str, int] = self._bm25.vocab_dict
        if ids is None:
            return frozenset(vocab)
        rows = self._rows()
        chosen = np.zeros(len(self._ids), dtype=bool)
        chosen[[rows[int(i)] for i in ids if int(i) in rows]] = True
        # bm25s keeps one column of a sparse matrix per term: indptr[t]..indptr[t+1] are its passages.
        matrix = self._bm25.scores
        hits = np.concatenate([[0], np.cumsum(chosen[np.asarray(matrix["indices"])])])
        indptr = np.asarray(matrix["indptr"])
        present = hits[indptr[1:]] > hits[indptr[:-1]]
        return frozenset(term for term, column in vocab.items() if term and present[column])

    def scores(
        self, query: str, lang: str, ids: Sequence[int], weights: LibraryWeights | None = None
    ) -> dict[int, float]:
        """BM25 score of ``query`` for each passage id in ``ids`` (0.0 where no term is shared)."""
        all_scores = None if self._bm25 is None or not len(ids) else self._query_scores(query, lang, weights)
        if all_scores is None:
            return dict.fromkeys((int(i) for i in ids), 0.0)
        rows = self._rows()
        return {int(i): float(all_scores[rows[int(i)]]) if int(i) in rows else 0.0 for i in ids}

    def _rows(self) -> dict[int, int]:
        if self._row_of is None:
            self._row_of = {int(pid): row for row, pid in enumerate(self._ids)}
        return self._row_of

    def save(self, directory: Path) -> None:
        """Write the index to ``directory``, replacing any index there only once the new one is complete."""
        directory = Path(directory)
        directory.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", suffix=".tmp", dir=directory.parent))
        try:
            self._write(tmp)
            _swap_into_place(tmp, directory)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def _write(self, directory: Path) -> None:
        if self._bm25 is not None:
            self._bm25.save(directory, show_progress=False)
        np.save(directory / _IDS, self._ids)
        if self._lengths is not None:
            np.save(directory / _LENGTHS, self._lengths)
        meta = {"format": FORMAT_VERSION, "analyzer": ANALYZER_VERSION, "passages": len(self._ids)}
        (directory / _META).write_text(json.dumps(meta), encoding="utf-8")
        for path in directory.iterdir():
            with open(path, "rb") as fh:
                os.fsync(fh.fileno())

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        directory = _existing(Path(directory))
        try:
            meta = json.loads((directory / _META).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise IndexMissingError(f"no lexical index at {directory}; rebuild the index") from exc
        if meta.get("format") != FORMAT_VERSION or meta.get("analyzer") != ANALYZER_VERSION:
            raise SchemaMismatchError(
                f"the lexical index at {directory} was built by another version of ebp "
                f"(format {meta.get('format')}, analyzer {meta.get('analyzer')}); rebuild the index"
            )
        ids = np.load(directory / _IDS, allow_pickle=False).astype(np.int64)
        if not len(ids):
            return cls(None, ids)
        bm25 = _bm25s().BM25.load(directory, show_progress=False)
        if bm25.scores["num_docs"] != len(ids):
            raise SchemaMismatchError(f"the lexical index at {directory} is inconsistent; rebuild the index")
        lengths = np.load(directory / _LENGTHS, allow_pickle=False) if (directory / _LENGTHS).exists() else None
        return cls(bm25, ids, lengths if lengths is not None and len(lengths) == len(ids) else None)


def _swap_into_place(new: Path, target: Path) -> None:
    """Rename ``new`` to ``target``; an existing ``target`` is moved aside first and restored on failure."""
    if not target.exists():
        os.replace(new, target)
        return
    # os.replace cannot put a directory over a non-empty one, so the old one steps aside first.
    old = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.old")
    os.replace(target, old)
    try:
        os.replace(new, target)
    except BaseException:
        os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _existing(directory: Path) -> Path:
    """``directory``, or the old index set aside by a save that was killed between its two renames."""
    if directory.exists():
        return directory
    olds = sorted(directory.parent.glob(f".{directory.name}.*.old"), key=lambda p: p.stat().st_mtime)
    if olds:
        log.warning("using %s: a save of %s was interrupted", olds[-1], directory)
        return olds[-1]
    raise IndexMissingError(f"no lexical index at {directory}; rebuild the index")
