"""Search over a sharded index (``ebp.cluster.shards``), fused exactly as the laptop fuses one index.

The case is embedded once and its BM25 queries are built once (``ebp.retrieve.queries``), the Indonesian
bridge asking the union of the shards' English vocabularies. Each shard proposes its own candidates, scored on
both sides by its own ``Searcher``, with BM25 rescaled to the whole library's IDF (the shards' term counts
summed) and mean passage length (``ebp.index.library_bm25``), so a term rare in one shard but common in the
library weighs what it weighs in the library. The candidates of all shards are then ranked together by the
laptop's own ``rank_documents``: the same reciprocal-rank fusion, language balance and design boost. With one shard the
result is the laptop's, score for score. A Ray Serve router (issue 16) puts shard replicas behind the same
calls; this module runs them in one process.

Each shard's searcher follows its own folder's generations; the searcher reopens the shard list when the
manifest's generation moves.

Example::

    searcher = ShardedSearcher(Path("index"), embedder)
    hits = searcher.search("Lansia tinggal sendiri, menolak perawatan di rumah")
"""

from __future__ import annotations

import threading
from pathlib import Path

from ebp.cluster.shards import MANIFEST, read_manifest
from ebp.embed import Embedder
from ebp.errors import IndexMissingError
from ebp.index.library_bm25 import LibraryWeights, ShardWeights, idf_weights
from ebp.index.store import Store
from ebp.retrieve.queries import Proposals, lexical_queries
from ebp.retrieve.search import Searcher, checked_request, query_languages, rank_documents
from ebp.types import DocumentHit, Mode, SearchOptions

SHARD_BITS = 40  # a document's key across shards: shard number above these bits, its own id below


class ShardedSearcher:
    """Answers searches from every shard of a sharded index; safe to share between threads."""

    def __init__(self, index_dir: Path, embedder: Embedder) -> None:
        self.index_dir = Path(index_dir)
        self.embedder = embedder
        self._lock = threading.Lock()
        self._open: tuple[tuple[int, int, int], list[Searcher]] | None = None  # the manifest file's stamp
        self.shards()

    def shards(self) -> list[Searcher]:
        """A searcher per shard of the current manifest, reopened when the manifest moved. The manifest lists every
        document, so it is parsed again only when the file changed (a new one is renamed into place: a new inode)."""
        try:
            info = (self.index_dir / MANIFEST).stat()
        except FileNotFoundError:
            raise IndexMissingError(f"no sharded index at {self.index_dir}: run `ebp index --shards N` first") from None
        stamp = (info.st_ino, info.st_mtime_ns, info.st_size)
        with self._lock:
            if self._open is None or self._open[0] != stamp:
                manifest = read_manifest(self.index_dir)
                if manifest is None:
                    raise IndexMissingError(f"no sharded index at {self.index_dir}: run `ebp index --shards N` first")
                kept = {s.store.index_dir: s for s in self._open[1]} if self._open else {}
                searchers = []
                for shard in manifest.shards:
                    folder = self.index_dir / shard.name
                    searchers.append(kept.get(folder) or Searcher(folder, self.embedder))
                self._open = (stamp, searchers)
            return self._open[1]

    @property
    def store(self) -> Store:
        """The first shard's store: what every shard shares (model, corpus folder), for callers that show results.
        A document's own rows are in its shard's store (``shards()``)."""
        return self.shards()[0].store

    def search(self, case_text: str, options: SearchOptions | None = None, **overrides: object) -> list[DocumentHit]:
        """The most relevant documents for ``case_text`` over all shards, best first (``options.k`` at most)."""
        text, opts = checked_request(case_text, options, overrides)
        shards = self.shards()
        query_langs = query_languages(text)
        query = self.embedder.embed_queries([text])[0] if opts.mode is not Mode.BM25 else None
        knowing = [k for k in (s.english_knows(s.current()) for s in shards) if k is not None]
        queries = lexical_queries(text, query_langs, (lambda w: any(k(w) for k in knowing)) if knowing else None, opts)
        counts = [s.term_counts(queries) for s in shards]
        weights: list[ShardWeights | None] = [None] * len(shards)
        if len(shards) > 1:
            lengths = [s.current().lexical.length_total() for s in shards]
            # The library's mean passage length, when every shard kept its passages' lengths (older shards did not).
            avgdl = (
                sum(t for _, t in lengths) / max(1, sum(n for n, _ in lengths)) if all(t for _, t in lengths) else None
            )
            weights = [
                {lang: LibraryWeights(idf_weights(own[lang], _summed(counts, lang)), avgdl) for lang in queries.texts}
                for own in counts
            ]
        # The laptop's candidates are its n best passages of each side; here the library's n best of the shards'.
        proposed = [shard.propose(queries, query, opts, w) for shard, w in zip(shards, weights, strict=True)]
        chosen = _best_of(proposed, max(opts.candidates, opts.k * opts.passages_per_doc)) if len(shards) > 1 else None
        docs = {}
        for number, shard in enumerate(shards):
            mine = chosen[number] if chosen is not None else proposed[number]
            for doc_id, entry in shard.candidates(queries, query, query_langs, opts, weights[number], mine).items():
                docs[(number << SHARD_BITS) | doc_id] = entry
        return rank_documents(docs, "+".join(query_langs), opts, queries.terms, queries.texts)


def _best_of(proposed: list[Proposals], n: int) -> list[Proposals]:
    """Per shard, its passages among the library's ``n`` best of each side (by score; ties by shard, then id)."""

    def best(sides: list[dict[int, float]]) -> list[dict[int, float]]:
        pooled = sorted((-score, shard, pid) for shard, side in enumerate(sides) for pid, score in side.items())
        out: list[dict[int, float]] = [{} for _ in sides]
        for negative, shard, pid in pooled[:n]:
            out[shard][pid] = -negative
        return out

    dense = best([p.dense for p in proposed])
    languages = sorted({lang for p in proposed for lang in p.lexical})
    lexical = {lang: best([p.lexical.get(lang, {}) for p in proposed]) for lang in languages}
    return [
        Proposals(dense[i], {lang: lexical[lang][i] for lang in languages if lang in proposed[i].lexical})
        for i in range(len(proposed))
    ]


def _summed(counts: list[dict[str, tuple[int, dict[str, int]]]], lang: str) -> tuple[int, dict[str, int]]:
    """The library's (passages, passages holding each term) for one analyser language: the shards' summed."""
    total, holding = 0, dict[str, int]()
    for shard in counts:
        n, terms = shard[lang]
        total += n
        for term, df in terms.items():
            holding[term] = holding.get(term, 0) + df
    return total, holding
