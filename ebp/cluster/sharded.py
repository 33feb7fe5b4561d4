"""Search over a sharded index (``ebp.cluster.shards``), fused exactly as the laptop fuses one index.

``search_shards`` embeds the case once and builds its BM25 queries once (``ebp.retrieve.queries``), the Indonesian
bridge asking the shards which English words they hold. Each shard proposes its best passages of each side with
BM25 at the whole library's IDF and mean passage length (``ebp.index.library_bm25``); the library's best of them
are scored on both sides by the shards that hold them, and all are ranked by the laptop's own ``rank_documents``
(the same reciprocal-rank fusion, language balance and design boost). With one shard the result is the laptop's,
score for score. A shard is anything that answers the ``Shard`` calls with ``Pending`` results: ``LocalShard`` in
this process (``ShardedSearcher``), a Ray Serve replica of ``ShardService`` (``ebp.cluster.router``), which sends the
candidates unlikely to be shown light and is asked for a shown one that came light afterwards. A hit's document
carries its id across the library (shard number above ``SHARD_BITS``), by which ``ShardedStore`` reads it for the brief.

Each shard's searcher follows its own folder's generations; ``ShardedSearcher`` reopens the shard list when the
manifest file changes.

Example::

    searcher = ShardedSearcher(Path("index"), embedder)
    hits = searcher.search("Lansia tinggal sendiri, menolak perawatan di rumah")
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from ebp.cluster.shards import manifest_stamp, read_manifest
from ebp.cluster.summaries import LibraryStats, ShardSummary, summarise
from ebp.embed import Embedder
from ebp.errors import IndexMissingError
from ebp.index.library_bm25 import LibraryTotals, mean_length
from ebp.index.store import Store
from ebp.retrieve.queries import CaseQuery, LexicalQueries, Proposals, lexical_queries
from ebp.retrieve.search import Searcher, checked_request, query_languages, rank_documents
from ebp.types import DocumentAppraisal, DocumentHit, Mode, Passage, SearchOptions

SHARD_BITS = 40  # a document's key across shards: shard number above these bits, its own id below
BRIDGE_ROUNDS = 8  # rounds of asking the shards which English words they hold (one or two in practice)

T_co = TypeVar("T_co", covariant=True)


class Pending(Protocol[T_co]):
    """A shard's answer: at hand (``Done``), or on its way from a replica (a Ray Serve ``DeploymentResponse``)."""

    def result(self) -> T_co: ...


@dataclass(frozen=True)
class Done(Generic[T_co]):
    value: T_co

    def result(self) -> T_co:
        return self.value


@dataclass(frozen=True)
class ShardStats:
    """A shard's share of the library's BM25 statistics for one query."""

    counts: dict[str, tuple[int, dict[str, int]]]  # per analyser language: (passages, passages holding each term)
    length: tuple[int, int]  # (passages, index terms in them; 0 when the shard kept no lengths)


class ShardService:
    """One shard's side of a sharded search, in plain calls on its ``Searcher``: what runs in this process for a
    local sharded index and what a Ray Serve replica deploys (``ebp.cluster.router``). The case's vector and BM25
    queries come from the caller, so a shard never loads the model."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher

    def stats(self, queries: LexicalQueries) -> ShardStats:
        """Per analyser language, (passages, passages holding each query term), and the passages' total length: all
        read from one generation (a build switching between two reads would mix two)."""
        lexical = self.searcher.current().lexical
        counts = {lang: lexical.term_counts(text, lang) for lang, text in queries.texts.items()}
        return ShardStats(counts, lexical.length_total())

    def summary(self) -> ShardSummary:
        """The shard's BM25 statistics and English vocabulary at its live generation (what a router keeps)."""
        return summarise(self.searcher)

    def knows(self, words: Sequence[str]) -> list[bool] | None:
        """Whether the shard's English documents hold each word (None: it has none)."""
        knowing = self.searcher.english_knows(self.searcher.current())
        return None if knowing is None else [knowing(w) for w in words]

    def propose(self, case: CaseQuery, totals: LibraryTotals | None) -> Proposals:
        return self.searcher.propose(case, totals)

    def candidates(
        self, case: CaseQuery, totals: LibraryTotals | None, chosen: Proposals | None, light: bool = False
    ) -> dict[int, Any]:
        """The shard's candidate documents; ``light``: those unlikely to be shown without their passages' text and
        appraisal items (the ranking reads neither; a shown one is asked whole afterwards, ``rows``), a fraction of
        the bytes to send. Likely shown: the shard's best ``2·k`` by either side."""
        docs = self.searcher.candidates(case, totals, chosen)
        if not light:
            return docs
        whole = _likely_shown(docs, 2 * case.options.k)
        return {doc_id: entry if doc_id in whole else _light(entry) for doc_id, entry in docs.items()}

    def rows(self, doc_ids: Sequence[int], passage_ids: Sequence[int]) -> tuple[dict[int, Any], dict[int, Any]]:
        """Documents and passages as stored (those a newer generation purged are missing)."""
        store = self.searcher.store
        return store.documents(doc_ids), store.passages(list(passage_ids))


def _likely_shown(docs: dict[int, Any], m: int) -> set[int]:
    """The documents among the shard's ``m`` best by their best dense or best BM25 passage: the library's shown
    documents are nearly always among them (those that are not are asked whole afterwards)."""
    dense = sorted((d for d in docs if docs[d].best_dense() is not None), key=lambda d: -docs[d].best_dense())
    lexical = sorted((d for d in docs if docs[d].best_lexical() is not None), key=lambda d: -docs[d].best_lexical())
    return set(dense[:m]) | set(lexical[:m])


def _is_light(entry: Any) -> bool:
    return any(not row.text for row in entry.passages.values())


def _light(entry: Any) -> Any:
    """A candidate document as the ranking reads it: its scores, language and design, no passage text."""
    doc = entry.doc
    appraisal = DocumentAppraisal(design=doc.appraisal.design)
    passages = {pid: dataclasses.replace(row, text="") for pid, row in entry.passages.items()}
    return dataclasses.replace(entry, doc=dataclasses.replace(doc, appraisal=appraisal, extra={}), passages=passages)


class Shard(Protocol):
    """What the sharded search asks of a shard; each call answers a ``Pending`` so replicas work in parallel."""

    sends_light: bool  # whether candidates should come light (without text) and the shown documents be asked after

    def stats(self, queries: LexicalQueries) -> Pending[ShardStats]: ...
    def summary(self) -> Pending[ShardSummary]: ...
    def knows(self, words: Sequence[str]) -> Pending[list[bool] | None]: ...
    def propose(self, case: CaseQuery, totals: LibraryTotals | None) -> Pending[Proposals]: ...
    def candidates(
        self, case: CaseQuery, totals: LibraryTotals | None, chosen: Proposals | None, light: bool
    ) -> Pending[dict[int, Any]]: ...
    def rows(
        self, doc_ids: Sequence[int], passage_ids: Sequence[int]
    ) -> Pending[tuple[dict[int, Any], dict[int, Any]]]: ...


class LocalShard:
    """A ``Shard`` in this process: its ``ShardService``'s answers, at hand."""

    sends_light = False  # nothing to send: candidates come whole

    def __init__(self, searcher: Searcher) -> None:
        self.service = ShardService(searcher)

    def __getattr__(self, name: str) -> Any:
        call = getattr(self.service, name)
        return lambda *args: Done(call(*args))


def search_shards(
    shards: Sequence[Shard],
    embedder: Embedder,
    case_text: str,
    opts: SearchOptions,
    library: LibraryStats | None = None,
) -> list[DocumentHit]:
    """The most relevant documents for ``case_text`` over ``shards``, fused exactly as the laptop fuses one index:
    the case embedded once, its BM25 queries built once, the shards' BM25 at the library's statistics, the
    library's best candidates of each side, the laptop's ``rank_documents``. With ``library`` (a router's), the
    bridge and the statistics come from the shards' kept summaries (``ebp.cluster.summaries``), not from rounds of
    calls; a shard whose generation moved since has its summary asked again, and the case with it."""
    query_langs = query_languages(case_text)
    query = embedder.embed_queries([case_text])[0] if opts.mode is not Mode.BM25 else None
    for _ in range(2):
        totals: LibraryTotals | None
        if library is None:
            queries = _bridged_queries(shards, case_text, query_langs, opts)
            totals = _library_totals([p.result() for p in [s.stats(queries) for s in shards]], queries)
        else:
            kept = library.of(shards)
            queries = lexical_queries(case_text, query_langs, kept.knows(), opts)
            totals = kept.totals(queries)
        if len(shards) == 1:
            totals = None  # one index scores with its own statistics: the laptop's, score for score
        # The laptop's candidates are its n best passages of each side; here the library's n best of the shards'.
        case = CaseQuery(queries, query, query_langs, opts)
        proposed = [p.result() for p in [s.propose(case, totals) for s in shards]]
        if library is None or not library.stale(kept, proposed):
            break
    chosen = _best_of(proposed, max(opts.candidates, opts.k * opts.passages_per_doc)) if len(shards) > 1 else proposed
    # Remote shards send light candidates; the shown documents are then asked whole (a generation that moved in
    # between is asked once more, then for whole candidates). Shards in this process send them whole at once.
    rounds = (True, True, False) if all(s.sends_light for s in shards) else (False,)
    for light in rounds:
        asked = [s.candidates(case, totals, chosen[i], light) for i, s in enumerate(shards)]
        docs = {}
        for number, answer in enumerate(asked):
            for doc_id, entry in answer.result().items():
                key = (number << SHARD_BITS) | doc_id  # the document's id across the library (``ShardedStore``)
                docs[key] = dataclasses.replace(entry, doc=dataclasses.replace(entry.doc, doc_id=key))
        hits = rank_documents(docs, "+".join(query_langs), opts, queries.terms, queries.texts)
        missing = [h.document.doc_id for h in hits if _is_light(docs[h.document.doc_id])] if light else []
        if not missing:
            return hits
        if _fill(shards, docs, missing):  # the shown documents sent light, asked whole, then ranked again
            return rank_documents(docs, "+".join(query_langs), opts, queries.terms, queries.texts)
    raise AssertionError("unreachable: the last round asks whole candidates")


def _library_totals(stats: list[ShardStats], queries: LexicalQueries) -> LibraryTotals:
    """The library's BM25 totals for a case, summed from the shards' ``stats``: per analyser language, passages and
    passages holding each term, and the mean passage length when every shard kept its passages' lengths (older
    shards did not)."""
    counts = [st.counts for st in stats]
    return LibraryTotals(
        {lang: _summed(counts, lang) for lang in queries.texts}, mean_length([st.length for st in stats])
    )


def _fill(shards: Sequence[Shard], docs: dict[int, Any], keys: list[int]) -> bool:
    """Replace the light candidates ``keys`` by their documents and passages as stored (a round to their shards);
    False when a shard no longer holds one (a newer generation purged it)."""
    wanted: dict[int, list[int]] = {}
    for key in keys:
        wanted.setdefault(key >> SHARD_BITS, []).append(key)
    mask = (1 << SHARD_BITS) - 1
    pending = {
        n: shards[n].rows([k & mask for k in ks], [pid for k in ks for pid in docs[k].passages])
        for n, ks in wanted.items()
    }
    for number, answer in pending.items():
        documents, rows = answer.result()
        for key in wanted[number]:
            entry = docs[key]
            if key & mask not in documents or any(pid not in rows for pid in entry.passages):
                return False
            whole = dataclasses.replace(documents[key & mask], doc_id=key)
            docs[key] = dataclasses.replace(entry, doc=whole, passages={pid: rows[pid] for pid in entry.passages})
    return True


def _bridged_queries(
    shards: Sequence[Shard], text: str, query_langs: tuple[str, ...], opts: SearchOptions
) -> LexicalQueries:
    """``lexical_queries`` with the shards' English vocabularies (a word is known when any shard holds it), asked
    in batches: build the queries with the answers so far, ask the shards about the words that build asked and
    nobody had answered, until a build asks nothing new; its queries are then those of one index."""
    known: dict[str, bool] = {}
    new: list[str] = []  # words the last build asked that no shard had answered

    def knows(word: str) -> bool:
        if word not in known and word not in new:
            new.append(word)
        return known.get(word, False)

    queries = lexical_queries(text, query_langs, knows, opts)
    for _ in range(BRIDGE_ROUNDS):
        if not new:
            break
        answers = [p.result() for p in [s.knows(list(new)) for s in shards]]
        held = [a for a in answers if a is not None]
        if not held:
            return lexical_queries(text, query_langs, None, opts)  # no shard holds an English document
        known.update((w, any(a[i] for a in held)) for i, w in enumerate(new))
        new.clear()
        queries = lexical_queries(text, query_langs, knows, opts)
    return queries


class ShardedStore:
    """The documents of a sharded library as the brief reads them (``ebp.present.brief``): a hit's document id is
    its shard's number above ``SHARD_BITS`` and its own id below (``search_shards``), so each call goes to the store
    of the shard that holds it. ``meta`` is the first shard's (model, corpus folder: what every shard shares)."""

    def __init__(self, stores: Sequence[Store]) -> None:
        self.stores = list(stores)

    def _holding(self, key: int) -> tuple[Store, int]:
        return self.stores[key >> SHARD_BITS], key & ((1 << SHARD_BITS) - 1)

    def passages_of_document(self, key: int) -> list[Passage]:
        store, doc_id = self._holding(key)
        return store.passages_of_document(doc_id)

    def page_texts(self, key: int) -> dict[int, str]:
        store, doc_id = self._holding(key)
        return store.page_texts(doc_id)

    def meta(self) -> dict[str, str]:
        return self.stores[0].meta()


class ShardedSearcher:
    """Answers searches from every shard of a sharded index in this process; safe to share between threads."""

    def __init__(self, index_dir: Path, embedder: Embedder) -> None:
        self.index_dir = Path(index_dir)
        self.embedder = embedder
        self._lock = threading.Lock()
        self._open: tuple[tuple[int, int, int], list[Searcher]] | None = None  # the manifest file's stamp
        self.shards()

    def shards(self) -> list[Searcher]:
        """A searcher per shard of the current manifest, reopened when the manifest moved. The manifest lists every
        document, so it is parsed again only when the file changed (a new one is renamed into place: a new inode)."""
        stamp = manifest_stamp(self.index_dir)
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
    def store(self) -> ShardedStore:
        """The shards' stores, read by a document's library-wide id (what the brief and the printed results read)."""
        return ShardedStore([s.store for s in self.shards()])

    def search(self, case_text: str, options: SearchOptions | None = None, **overrides: object) -> list[DocumentHit]:
        """The most relevant documents for ``case_text`` over all shards, best first (``options.k`` at most)."""
        text, opts = checked_request(case_text, options, overrides)
        return search_shards([LocalShard(s) for s in self.shards()], self.embedder, text, opts)


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
