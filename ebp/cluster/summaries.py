"""What a router keeps of each shard so that a case needs fewer rounds of calls: the shard's BM25 document
frequencies, its passages' total length and its English vocabulary, for one generation.

With them the router builds the Indonesian bridge's queries and the library's BM25 statistics itself, as the
shards would answer them (``ebp.cluster.sharded``: ``knows`` and ``stats``), and asks the shards only to propose
and score. Each shard's proposals say which generation made them; a shard that has moved on since its summary was
taken is asked for a new one and the case is asked again, so a summary never outlives its generation.

Example::

    library = LibraryStats()
    hits = search_shards(shards, embedder, "Lansia tinggal sendiri", opts, library)  # summaries asked once
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ebp.index.lexical import analyze, knows_word
from ebp.retrieve.queries import Proposals


@dataclass(frozen=True)
class ShardSummary:
    """A shard's BM25 statistics and English vocabulary at one generation."""

    generation: int
    frequencies: dict[str, int]  # passages holding each index term
    length: tuple[int, int]  # (passages, index terms in them; 0 terms when the shard kept no lengths)
    english: frozenset[str] | None  # index terms of its English passages (None: it has none)

    def term_counts(self, text: str, lang: str) -> tuple[int, dict[str, int]]:
        """As the shard's ``LexicalIndex.term_counts``: (passages, passages holding each index term of ``text``)."""
        if not self.frequencies:
            return 0, {}
        return self.length[0], {t: self.frequencies.get(t, 0) for t in analyze(text, lang)}


def summarise(searcher: Any) -> ShardSummary:
    """The summary of a shard's live generation (``searcher``: its ``ebp.retrieve.search.Searcher``)."""
    loaded = searcher.current()
    lexical = loaded.lexical
    english = searcher.english_vocabulary(loaded.generation, lexical)
    return ShardSummary(loaded.generation, lexical.document_frequencies(), lexical.length_total(), english or None)


def library_knows(summaries: Sequence[ShardSummary]) -> Callable[[str], bool] | None:
    """Whether any shard's English passages hold a word (None when no shard has English passages), as the
    sharded search's rounds of ``knows`` answer it."""
    vocabularies = [s.english for s in summaries if s.english is not None]
    if not vocabularies:
        return None
    return lambda word: any(knows_word(word, "en", v) for v in vocabularies)


class LibraryStats:
    """The shards' summaries, kept by a router between cases; safe to share between threads."""

    def __init__(self) -> None:
        self._held: dict[int, ShardSummary] = {}
        self._lock = threading.Lock()

    def of(self, shards: Sequence[Any]) -> list[ShardSummary]:
        """Every shard's summary, asking (in one round) those not held."""
        with self._lock:
            held = dict(self._held)
        pending = {i: shards[i].summary() for i in range(len(shards)) if i not in held}
        held.update((i, p.result()) for i, p in pending.items())
        with self._lock:
            self._held.update(held)
        return [held[i] for i in range(len(shards))]

    def stale(self, summaries: Sequence[ShardSummary], proposed: Sequence[Proposals]) -> bool:
        """Whether a shard proposed from another generation than its summary's; those summaries are dropped."""
        moved = [i for i, (s, p) in enumerate(zip(summaries, proposed, strict=True)) if p.generation != s.generation]
        with self._lock:
            for i in moved:
                self._held.pop(i, None)
        return bool(moved)
