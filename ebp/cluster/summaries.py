"""What a router keeps of the shards so that a case needs fewer rounds of calls: the library's BM25 document
frequencies, passage counts and lengths, and which shards' English passages hold each term, for one generation of
every shard.

With them the router builds the Indonesian bridge's queries and the library's BM25 totals itself, as the shards
would answer them (``ebp.cluster.sharded``: ``knows`` and ``stats``), and asks the shards only to propose and
score. The shards' summaries (``ShardSummary``) are merged into one table over the library's vocabulary, so the
router holds the vocabulary once, not once per shard. Each shard's proposals say which generation made them; when a
shard has moved on, every summary is asked again and merged anew, and the case is asked again.

Example::

    library = LibraryStats()
    hits = search_shards(shards, embedder, "Lansia tinggal sendiri", opts, library)  # summaries asked once
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ebp.index.lexical import analyze, word_terms
from ebp.index.library_bm25 import LibraryTotals, mean_length
from ebp.retrieve.queries import LexicalQueries, Proposals


@dataclass(frozen=True)
class ShardSummary:
    """A shard's BM25 statistics and English vocabulary at one generation."""

    generation: int
    frequencies: dict[str, int]  # passages holding each index term
    length: tuple[int, int]  # (passages, index terms in them; 0 terms when the shard kept no lengths)
    english: frozenset[str] | None  # index terms of its English passages (None: it has none)


def summarise(searcher: Any) -> ShardSummary:
    """The summary of a shard's live generation (``searcher``: its ``ebp.retrieve.search.Searcher``)."""
    loaded = searcher.current()
    lexical = loaded.lexical
    english = searcher.english_vocabulary(loaded.generation, lexical)
    return ShardSummary(loaded.generation, lexical.document_frequencies(), lexical.length_total(), english or None)


@dataclass(frozen=True)
class Library:
    """The shards' summaries merged: what the rounds of ``stats`` and ``knows`` calls would sum up."""

    generations: tuple[int, ...]
    passages: int  # passages of the shards that have a BM25 index (the IDF's N)
    frequencies: dict[str, int]  # passages holding each term, over the library
    avgdl: float | None  # the library's mean passage length (None: a shard kept no lengths)
    english: dict[str, int] | None  # per term, the shards whose English passages hold it (bit i: shard i)

    @classmethod
    def merged(cls, summaries: Sequence[ShardSummary]) -> Library:
        frequencies: dict[str, int] = {}
        english: dict[str, int] = {}
        for number, summary in enumerate(summaries):
            for term, held in summary.frequencies.items():
                frequencies[term] = frequencies.get(term, 0) + held
            for term in summary.english or ():
                english[term] = english.get(term, 0) | (1 << number)
        return cls(
            tuple(s.generation for s in summaries),
            sum(s.length[0] for s in summaries if s.frequencies),
            frequencies,
            mean_length([s.length for s in summaries]),
            english if any(s.english is not None for s in summaries) else None,
        )

    def knows(self) -> Callable[[str], bool] | None:
        """Whether one shard's English passages hold every term of a word (None: no shard has English passages),
        as the rounds of ``knows`` answer it."""
        english = self.english
        if english is None:
            return None

        def known(word: str) -> bool:
            terms = word_terms(word, "en")
            shards = -1  # every shard, until a term says otherwise
            for term in terms:
                shards &= english.get(term, 0)
            return bool(terms) and shards != 0

        return known

    def totals(self, queries: LexicalQueries) -> LibraryTotals:
        """The library's BM25 totals for a case's queries, as the shards' ``stats`` summed give them."""
        counts = {
            lang: (self.passages, {t: self.frequencies.get(t, 0) for t in analyze(text, lang)})
            if self.frequencies
            else (0, {})
            for lang, text in queries.texts.items()
        }
        return LibraryTotals(counts, self.avgdl)


class LibraryStats:
    """The merged summaries, kept by a router between cases; safe to share between threads."""

    def __init__(self) -> None:
        self._library: Library | None = None
        self._lock = threading.Lock()

    def of(self, shards: Sequence[Any]) -> Library:
        """The merged summaries, asking every shard for its own (one round) when none are held."""
        with self._lock:
            library = self._library
        if library is None or len(library.generations) != len(shards):
            library = Library.merged([p.result() for p in [s.summary() for s in shards]])
            with self._lock:
                self._library = library
        return library

    def stale(self, library: Library, proposed: Sequence[Proposals]) -> bool:
        """Whether a shard proposed from another generation than ``library``'s; then it is dropped."""
        if all(p.generation == g for p, g in zip(proposed, library.generations, strict=True)):
            return False
        with self._lock:
            if self._library is library:
                self._library = None
        return True
