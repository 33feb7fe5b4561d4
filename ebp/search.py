"""Search: a case description → ranked documents, each with its best passages and their pages."""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ebp.embed import Embedder
from ebp.errors import EbpError, IndexMissingError
from ebp.index import VectorIndex, vectors_path
from ebp.store import PassageRow, Store
from ebp.types import DocumentHit, PassageHit

log = logging.getLogger(__name__)


class Searcher:
    """Answers searches from the newest complete generation of an index.

    Safe to share between threads; it notices a newer generation written by an ingest (in this
    or another process) and switches to it before the next search.
    """

    def __init__(self, index_dir: Path, embedder: Embedder) -> None:
        self.store = Store.open_existing(index_dir)
        self.store.check_model(embedder.name, embedder.dim)
        self.embedder = embedder
        self._lock = threading.Lock()
        self._generation = -1
        self._vectors: VectorIndex | None = None
        self._refresh()

    @property
    def generation(self) -> int:
        return self._generation

    def _refresh(self) -> VectorIndex:
        with self._lock:
            generation = self.store.generation()
            if self._vectors is None or generation != self._generation:
                path = vectors_path(self.store.index_dir, generation)
                if not path.exists():
                    raise IndexMissingError(
                        f"the index at {self.store.index_dir} is incomplete (no {path.name}); run ebp index again"
                    )
                self._vectors = VectorIndex.load(path)
                self._generation = generation
            return self._vectors

    def search(
        self, case_text: str, k: int = 10, passages_per_doc: int = 3, candidates: int = 200
    ) -> list[DocumentHit]:
        """The ``k`` most relevant documents for ``case_text``, best first."""
        if not case_text or not case_text.strip():
            raise EbpError("the case description is empty: describe the client's situation in a few words")
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        query = self.embedder.embed_queries([case_text.strip()])
        for attempt in range(2):
            vectors = self._refresh()
            scores, ids = vectors.search(query, max(candidates, k * passages_per_doc))
            hits = [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]
            rows = self.store.passages([i for i, _ in hits])
            if len(rows) == len(hits) or attempt == 1:
                break
            log.info("index changed during the search; retrying on the new generation")
        return self._group(hits, rows, k, passages_per_doc)

    def _group(
        self, hits: Sequence[tuple[int, float]], rows: dict[int, PassageRow], k: int, per_doc: int
    ) -> list[DocumentHit]:
        by_doc: dict[int, list[tuple[float, PassageRow]]] = defaultdict(list)
        for pid, score in hits:
            if pid in rows:
                by_doc[rows[pid].doc_id].append((score, rows[pid]))
        ranked = sorted(by_doc.items(), key=lambda item: -max(s for s, _ in item[1]))[:k]
        documents = self.store.documents(doc_id for doc_id, _ in ranked)
        out = []
        for doc_id, scored in ranked:
            if doc_id not in documents:
                continue
            best = sorted(scored, key=lambda sr: -sr[0])[:per_doc]
            passages = tuple(
                PassageHit(r.passage_id, r.page_start, r.page_end, r.section, r.text, round(s, 4)) for s, r in best
            )
            out.append(DocumentHit(documents[doc_id], round(float(np.float32(best[0][0])), 4), passages))
        return out
