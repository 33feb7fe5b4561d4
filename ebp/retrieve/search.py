"""Search: a case description → ranked documents, each with its best passages, pages and reasons.

Hybrid retrieval: the dense side (FAISS, meaning) and the lexical side (BM25, words) each rank
the candidate passages; passages are grouped into documents (a document scores by its best
passage) and the two document rankings are fused by reciprocal rank (RRF).

Languages: BM25 only compares words, so it is used only for documents in the query's language.
A document in another language takes its dense rank in place of a lexical one: cross-lingual
results are ranked by meaning alone, never pushed down by missing word overlap. Multilingual
encoders also prefer any text in the query's own language; ``balance_languages`` removes that
offset by aligning the top dense scores of each document language before ranking.

Indonesian cases over English documents (``translate_queries``): ``ebp.retrieve.bridge`` puts the case's
content words into English. For a clearly Indonesian case, English documents are then ranked by
English BM25 over those terms and take that rank in the fusion instead of their dense rank (when
no English candidate shares a term, the dense rank stands in as before). For a short or ambiguous
case ("kanker darah"), the new English terms are added to the English BM25 query: all its words
are bridged when the language detector leans Indonesian, only the words the library's English
vocabulary does not hold when it leans English ("apel" → apple, while "air pollution" stays as is).
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np

from ebp.appraise.levels import DEFAULT_HIERARCHY, evidence_level
from ebp.embed import Embedder
from ebp.index.generations import Generations, Loaded
from ebp.index.lexical import LexicalIndex
from ebp.index.library_bm25 import LibraryTotals, ShardWeights, shard_weights
from ebp.index.store import PassageRow, Store
from ebp.index.vectors import VectorIndex
from ebp.retrieve.explain import matched_words
from ebp.retrieve.fusion import balance_by_language, boosted_order, near_tie, ranks, rounded, rrf
from ebp.retrieve.queries import (
    QUERY_LANGUAGES,
    CaseQuery,
    LexicalQueries,
    Proposals,
    analyser_language,
    checked_request,
    lexical_queries,
    query_languages,
)
from ebp.types import DocumentHit, Filters, Hierarchy, Mode, PassageHit, SearchOptions, StoredDocument, Why

log = logging.getLogger(__name__)


@dataclass
class _Doc:
    """Per-document evidence gathered from the candidate passages."""

    doc: StoredDocument
    passages: dict[int, PassageRow]
    dense: dict[int, float]
    lexical: dict[int, float]
    cross_lingual: bool
    translated: bool = False  # the lexical scores come from (or include) the bridged English terms
    bridged: bool = False  # ... from those terms alone (a clearly Indonesian case): ranked apart

    def best_dense(self) -> float | None:
        return max(self.dense.values()) if self.dense else None

    def best_lexical(self) -> float | None:
        usable = not self.cross_lingual or self.bridged
        return max(self.lexical.values()) if self.lexical and usable else None


class Searcher:
    """Answers searches from the newest complete generation of an index.

    Safe to share between threads; it notices a newer generation written by an ingest (in this
    or another process) and switches to it before the next search.
    """

    def __init__(self, index_dir: Path, embedder: Embedder) -> None:
        self.store = Store.open_existing(index_dir)
        self.store.check_model(embedder.name, embedder.dim)
        self.embedder = embedder
        self._generations = Generations(index_dir)
        self._lock = threading.Lock()
        self._loaded: Loaded | None = None
        self._english: tuple[LexicalIndex | None, frozenset[str]] = (None, frozenset())
        self.current()

    @property
    def generation(self) -> int:
        """The generation the last search (or the opening) used; -1 before any."""
        return -1 if self._loaded is None else self._loaded.generation

    def current(self) -> Loaded:
        """The live generation's indexes, reloaded after an ingest published a newer one (or a rebuild)."""
        with self._lock:
            generation = self.store.generation()
            loaded = self._loaded
            if loaded is None or (generation, self._generations.stamp(generation)) != (loaded.generation, loaded.stamp):
                loaded = self._loaded = self._generations.load(generation)
            return loaded

    def search(self, case_text: str, options: SearchOptions | None = None, **overrides: object) -> list[DocumentHit]:
        """The most relevant documents for ``case_text``, best first (``options.k`` at most)."""
        text, opts = checked_request(case_text, options, overrides)
        query_langs = query_languages(text)
        query_lang = "+".join(query_langs)
        query = self.embedder.embed_queries([text])[0] if opts.mode is not Mode.BM25 else None
        for attempt in range(2):
            loaded = self.current()
            queries = lexical_queries(text, query_langs, self.english_knows(loaded), opts)
            docs = self._gather(queries, query, query_langs, loaded.vectors, loaded.lexical, opts)
            if docs is not None or attempt == 1:
                break
            log.info("index changed during the search; retrying on the new generation")
        return rank_documents(docs or {}, query_lang, opts, queries.terms, queries.texts)

    def candidates(
        self, case: CaseQuery, totals: LibraryTotals | None = None, chosen: Proposals | None = None
    ) -> dict[int, _Doc]:
        """This index's candidate documents for a case whose queries were built elsewhere (a sharded search asks each
        shard), BM25 per analyser language rescaled to the library's ``totals`` (``ebp.index.library_bm25``);
        only the ``chosen`` passages when given (the library's best of each side that are in this index)."""
        for _ in range(2):
            loaded = self.current()
            weights = shard_weights(loaded.lexical, case.queries.texts, totals)
            docs = self._gather(
                case.queries, case.vector, case.languages, loaded.vectors, loaded.lexical, case.options, weights, chosen
            )
            if docs is not None:
                return docs
        return {}

    def propose(self, case: CaseQuery, totals: LibraryTotals | None) -> Proposals:
        """This index's best passages of each side, scored (a sharded search keeps the library's best of them)."""
        for _ in range(2):
            loaded = self.current()
            try:
                weights = shard_weights(loaded.lexical, case.queries.texts, totals)
                proposed = self._propose(
                    case.queries, case.vector, loaded.vectors, loaded.lexical, case.options, weights or {}
                )
                return dataclasses.replace(proposed, generation=loaded.generation)
            except KeyError:
                continue  # vectors purged by a newer generation: reload and retry
        return Proposals({}, {})

    def english_knows(self, loaded: Loaded) -> Callable[[str], bool] | None:
        """Whether the English documents of ``loaded`` hold a word (None: the library has no English documents)."""
        english = self.english_vocabulary(loaded.generation, loaded.lexical)
        if not english:
            return None
        lexical = loaded.lexical
        return lambda word: lexical.knows(word, "en", english)

    def english_vocabulary(self, generation: int, lexical: LexicalIndex) -> frozenset[str]:
        """Terms of ``generation``'s passages analysed as English (documents not in Indonesian), cached.

        Keyed by the caller's ``lexical`` index itself, so a search still running on an older generation
        (or on the index before a rebuild) never borrows another index's vocabulary.
        """
        cached, vocabulary = self._english
        if cached is not lexical:
            vocabulary = lexical.vocabulary(self.store.passage_ids_except(generation, "id"))
            self._english = (lexical, vocabulary)
        return vocabulary

    def _gather(
        self,
        queries: LexicalQueries,
        query: np.ndarray | None,
        query_langs: tuple[str, ...],
        vectors: VectorIndex,
        lexical: LexicalIndex,
        opts: SearchOptions,
        weights: ShardWeights | None = None,
        chosen: Proposals | None = None,
    ) -> dict[int, _Doc] | None:
        """Candidate passages from both sides (this index's own proposals, or ``chosen`` ones), each scored by both
        sides, grouped by document."""
        weights = weights or {}
        # An approximate index proposes; the full-precision vectors in SQLite score (``ebp.index.vectors``).
        exact_of = None if vectors.kind == "exact" else partial(self.store.vectors_of, dim=vectors.dim)
        try:
            proposed = chosen or self._propose(queries, query, vectors, lexical, opts, weights)
            dense, lex = dict(proposed.dense), {lang: dict(v) for lang, v in proposed.lexical.items()}
            found = set(dense).union(*lex.values())
            # Passages only the bridged English terms found count for English documents only (below).
            bridged_only = set(lex["en"]) - set(dense).union(lex.get("id", {})) if queries.replace else set()
            if opts.mode is Mode.HYBRID and query is not None:  # score every candidate on both sides alike
                missing = np.array([i for i in found if i not in dense], dtype=np.int64)
                dense.update(zip(missing.tolist(), vectors.similarity(query, missing, exact_of).tolist(), strict=True))
                for lang, scores_of in lex.items():
                    texts = queries.texts[lang]
                    missing_ids = [i for i in found if i not in scores_of]
                    scores_of.update(lexical.scores(texts, lang, missing_ids, weights.get(lang)))
        except KeyError:
            return None  # vectors purged by a newer generation: reload and retry
        rows = self.store.passages(list(found))
        documents = self.store.documents({r.doc_id for r in rows.values()})
        if len(rows) < len(found) or len(documents) < len({r.doc_id for r in rows.values()}):
            return None  # rows purged by a newer generation (between the reads, too): reload and retry
        return _group(rows, documents, dense, lex, queries, query_langs, opts, bridged_only)

    def _propose(
        self,
        queries: LexicalQueries,
        query: np.ndarray | None,
        vectors: VectorIndex,
        lexical: LexicalIndex,
        opts: SearchOptions,
        weights: ShardWeights,
    ) -> Proposals:
        """The best passages of each side: the candidates (``opts.candidates`` a side)."""
        n = max(opts.candidates, opts.k * opts.passages_per_doc)
        exact_of = None if vectors.kind == "exact" else partial(self.store.vectors_of, dim=vectors.dim)
        dense: dict[int, float] = {}
        lex: dict[str, dict[int, float]] = {}
        if query is not None:
            scores, ids = vectors.search(query[None, :], n, exact_of)
            dense = {int(i): float(s) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0}
        # BM25 scores per analyser language: a passage counts only under its own language's rules.
        if opts.mode is not Mode.DENSE:
            lex = {lang: dict(lexical.search(q, lang, n, weights.get(lang))) for lang, q in queries.texts.items()}
        return Proposals(dense, lex)


def _group(
    rows: dict[int, PassageRow],
    documents: dict[int, StoredDocument],
    dense: dict[int, float],
    lex: dict[str, dict[int, float]],
    queries: LexicalQueries,
    query_langs: tuple[str, ...],
    opts: SearchOptions,
    bridged_only: set[int],
) -> dict[int, _Doc]:
    """The candidate passages that pass the filters, grouped by document with both sides' scores."""
    grouped: dict[int, _Doc] = {}
    for pid, row in rows.items():
        doc = documents.get(row.doc_id)
        if doc is None or not accepts(opts.filters, doc, opts.hierarchy or DEFAULT_HIERARCHY):
            continue
        analyser = analyser_language(doc.info.language)
        if pid in bridged_only and analyser != "en":
            continue
        entry = grouped.get(row.doc_id)
        if entry is None:
            cross = doc.info.language in QUERY_LANGUAGES and doc.info.language not in query_langs
            translated = bool(queries.terms) and analyser == "en"
            entry = grouped[row.doc_id] = _Doc(doc, {}, {}, {}, cross, translated, translated and queries.replace)
        entry.passages[pid] = row
        if pid in dense:
            entry.dense[pid] = dense[pid]
        score = lex.get(analyser, {}).get(pid, 0.0)
        if score > 0:
            entry.lexical[pid] = score
    return grouped


def accepts(filters: Filters, doc: StoredDocument, hierarchy: Hierarchy = DEFAULT_HIERARCHY) -> bool:
    """Whether ``doc`` passes ``filters`` (an empty filter lets everything but a document the user hid through).

    Example: ``accepts(Filters(language="id"), doc)`` is False for an English document
    """
    info = doc.info
    if doc.extra.get("hidden"):
        return False
    if filters.language and info.language != filters.language:
        return False
    if filters.doc_type and doc.doc_type.value != filters.doc_type:
        return False
    if filters.year_from and (info.year or 0) < filters.year_from:
        return False
    if filters.year_to and (info.year is None or info.year > filters.year_to):
        return False
    if filters.designs and doc.appraisal.design not in filters.designs:
        return False
    return not (filters.min_level and evidence_level(doc.appraisal.design, hierarchy).rank > filters.min_level)


def rank_documents(
    docs: dict[int, _Doc],
    query_lang: str,
    opts: SearchOptions,
    terms: tuple[str, ...] = (),
    query_texts: dict[str, str] | None = None,
) -> list[DocumentHit]:
    cosine = {d: s for d, e in docs.items() if (s := e.best_dense()) is not None}
    dense_scores = cosine
    if opts.balance_languages:
        dense_scores = balance_by_language(dense_scores, {d: docs[d].doc.info.language for d in dense_scores})
    lexical_scores = {d: s for d, e in docs.items() if (s := e.best_lexical()) is not None}
    dense_rank = ranks(dense_scores)
    # Documents scored by the bridged terms alone are ranked among themselves: their BM25 scores
    # answer another query than the case's own and do not compare with the others'.
    lexical_rank = ranks({d: s for d, s in lexical_scores.items() if not docs[d].bridged})
    bridged_rank = ranks({d: s for d, s in lexical_scores.items() if docs[d].bridged})
    fused: dict[int, float] = {}
    for doc_id, entry in docs.items():
        if opts.mode is Mode.DENSE:
            fused[doc_id] = dense_scores.get(doc_id, float("-inf"))
        elif opts.mode is Mode.BM25:
            fused[doc_id] = lexical_scores.get(doc_id, float("-inf"))
        else:
            fused[doc_id] = rrf(
                dense_rank.get(doc_id),
                _lexical_rank(doc_id, entry, dense_rank, lexical_rank, bridged_rank),
                opts.lexical_weight,
            )
    boosts = {d: opts.design_boost.get(e.doc.appraisal.design, 1.0) for d, e in docs.items()}
    plain = sorted((d for d in fused if fused[d] != float("-inf")), key=lambda d: (-fused[d], d))
    languages = {d: e.doc.info.language for d, e in docs.items()}
    order = boosted_order(plain, boosts, near_tie(ranks(cosine), ranks(lexical_scores), languages))[: opts.k]
    hits = []
    for position, doc_id in enumerate(order, start=1):
        entry = docs[doc_id]
        lex_rank = (bridged_rank if entry.bridged else lexical_rank).get(doc_id)
        source = None if lex_rank is None else "translated" if entry.translated else "query"
        passages = _best_passages(entry, opts)
        translated = terms if source == "translated" else ()
        why = Why(
            mode=opts.mode.value,
            fused_rank=position,
            fused_score=round(fused[doc_id], 6),
            dense_score=rounded(entry.best_dense()),
            dense_rank=dense_rank.get(doc_id),
            lexical_score=rounded(entry.best_lexical()),
            lexical_rank=lex_rank,
            query_language=query_lang,
            document_language=entry.doc.info.language,
            cross_lingual=entry.cross_lingual,
            design_boost=boosts[doc_id],
            lexical_source=source,
            translated_terms=translated,
            boost_moved=max(0, plain.index(doc_id) + 1 - position),
            matched_terms=_matched_words(entry, passages, query_texts, translated),
        )
        score = entry.best_dense() if opts.mode is not Mode.BM25 else entry.best_lexical()
        hits.append(DocumentHit(entry.doc, round(float(score or 0.0), 4), passages, why))
    return hits


def _lexical_rank(
    doc_id: int, entry: _Doc, dense_rank: dict[int, int], lexical_rank: dict[int, int], bridged_rank: dict[int, int]
) -> int | None:
    """The rank a document's lexical side contributes to the fusion.

    A document scored by the bridged English terms takes its rank under them when the bridge matched
    any candidate; otherwise a cross-lingual document takes its dense rank (never below dense-only).
    """
    if entry.bridged and bridged_rank:
        return bridged_rank.get(doc_id)
    return dense_rank.get(doc_id) if entry.cross_lingual else lexical_rank.get(doc_id)


def _best_passages(entry: _Doc, opts: SearchOptions) -> tuple[PassageHit, ...]:
    """The document's best passages: by meaning first, then by words, ties by page order."""
    dense_rank = ranks(entry.dense)
    usable = opts.mode is not Mode.DENSE and entry.best_lexical() is not None
    lexical_rank = ranks(entry.lexical) if usable else {}

    def key(pid: int) -> tuple[float, int]:
        return (-rrf(dense_rank.get(pid), lexical_rank.get(pid), opts.lexical_weight), entry.passages[pid].ordinal)

    chosen = sorted(entry.passages, key=key)[: opts.passages_per_doc]
    return tuple(
        PassageHit(
            pid,
            entry.passages[pid].page_start,
            entry.passages[pid].page_end,
            entry.passages[pid].section,
            entry.passages[pid].text,
            round(entry.dense.get(pid, entry.lexical.get(pid, 0.0)), 4),
        )
        for pid in chosen
    )


def _matched_words(
    entry: _Doc, passages: tuple[PassageHit, ...], query_texts: dict[str, str] | None, translated: tuple[str, ...]
) -> tuple[str, ...]:
    """The case's content words (or, for a bridged English document, their English terms) in the shown passages."""
    if not query_texts:
        return ()
    lang = analyser_language(entry.doc.info.language)
    query = " ".join(translated) if translated else query_texts.get(lang, next(iter(query_texts.values())))
    return matched_words(query, [p.text for p in passages], lang)
