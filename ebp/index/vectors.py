"""Vector side of the index: FAISS inner-product search over stable passage ids.

Saved to a temporary name and renamed into place, so a reader never opens a half-written file
(``ebp.index.generations`` names the file of each generation). Vectors are unit length, so inner
product is cosine similarity.

The index type follows the size: below ``exact_below`` passages (200,000 by default) search is
exact (``IndexFlatIP``, about 15 ms per query at 2·10⁵ on two cores); above it, an inverted file
over 8-bit scalar-quantised vectors (``IndexIVFScalarQuantizer``, √n lists, a quarter of them
probed) proposes the candidates, and their full-precision vectors (kept in SQLite anyway) score
them exactly: about 20 ms a query at 10⁶ with a quarter of the memory, at a small recall cost
that ``ebp bench`` measures against exact search. An inverted file builds in about a minute at
10⁶ on two cores, where an HNSW graph took several; ebp rebuilds the vector file at every ingest,
so build time counts. Files are memory-mapped when FAISS allows, so a large index is paged in as
it is used.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

VectorsOf = Callable[[np.ndarray], np.ndarray]  # passage ids → their full-precision vectors, in order

log = logging.getLogger(__name__)

EXACT_BELOW = 200_000  # passages; above this the index is approximate (inverted file)
PROBE_SHARE = 4  # one list in PROBE_SHARE is searched per query ...
MIN_PROBES = 16  # ... and never fewer than this many
TRAIN_PER_LIST = 64  # k-means sample: this many vectors per list


class VectorIndex:
    """A FAISS ``IndexIDMap2`` over an inner-product index (exact or inverted file); ids are SQLite passage ids."""

    def __init__(self, faiss_index: object, dim: int) -> None:
        import faiss

        self._index = faiss_index
        self.dim = dim
        inner = faiss.downcast_index(faiss_index.index)  # type: ignore[attr-defined]
        # Lists probed per query for an inverted file, None for exact search; read once, not per query.
        self._probes = probes(inner.nlist) if isinstance(inner, faiss.IndexIVF) else None

    @classmethod
    def build(cls, ids: np.ndarray, vectors: np.ndarray, dim: int, exact_below: int = EXACT_BELOW) -> VectorIndex:
        """Exact search for fewer than ``exact_below`` vectors, an inverted file of 8-bit codes from there on.

        Example: ``VectorIndex.build(ids, vectors, 384).kind == "exact"`` for a corpus of 10⁴ passages
        """
        import faiss

        if vectors.shape != (len(ids), dim):
            raise ValueError(f"expected {len(ids)}×{dim} vectors, got {vectors.shape}")
        data = np.ascontiguousarray(vectors, dtype=np.float32)
        inner: Any
        if len(ids) < exact_below:
            inner = faiss.IndexFlatIP(dim)
        else:
            lists = max(1, int(np.sqrt(len(ids))))
            inner = faiss.IndexIVFScalarQuantizer(
                faiss.IndexFlatIP(dim), dim, lists, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
            )
            sample = np.random.default_rng(0).choice(len(data), min(len(data), TRAIN_PER_LIST * lists), replace=False)
            inner.train(data[np.sort(sample)])  # list centroids and the 8-bit ranges
            inner.nprobe = probes(lists)
            inner.make_direct_map()  # lets ``similarity`` read stored vectors back by id
        index = faiss.IndexIDMap2(inner)
        if len(ids):
            index.add_with_ids(data, np.asarray(ids, dtype=np.int64))
        return cls(index, dim)

    @classmethod
    def load(cls, path: Path) -> VectorIndex:
        """Open an index file, memory-mapping its vectors where FAISS allows."""
        import faiss

        try:
            index = faiss.read_index(str(path), faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY)
        except RuntimeError:  # an index type FAISS cannot map: read it into memory
            index = faiss.read_index(str(path))
        return cls(index, index.d)

    @property
    def kind(self) -> str:
        """``exact`` or ``ivf``: how this index searches."""
        return "exact" if self._probes is None else "ivf"

    def save(self, path: Path) -> None:
        import faiss

        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(fd)
        try:
            faiss.write_index(self._index, tmp)  # type: ignore[call-overload]
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    def __len__(self) -> int:
        return int(self._index.ntotal)  # type: ignore[attr-defined]

    def ids(self) -> np.ndarray:
        import faiss

        return faiss.vector_to_array(self._index.id_map).astype(np.int64)  # type: ignore[attr-defined]

    def similarity(self, query: np.ndarray, ids: np.ndarray, vectors_of: VectorsOf | None = None) -> np.ndarray:
        """Inner product of one query vector with the vectors of ``ids`` (from ``vectors_of`` if given,
        else as this index stores them: 8-bit codes are approximate)."""
        if not len(ids):
            return np.zeros(0, dtype=np.float32)
        if vectors_of is not None:
            vectors = vectors_of(np.asarray(ids, dtype=np.int64))
        else:
            vectors = np.vstack([self._index.reconstruct(int(i)) for i in ids])  # type: ignore[attr-defined]
        return vectors @ query.reshape(-1)

    def search(self, queries: np.ndarray, k: int, vectors_of: VectorsOf | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(scores, ids), each ``len(queries) × k``; missing slots have id -1.

        With ``vectors_of``, an approximate index's candidates are re-scored with their
        full-precision vectors and re-sorted, so its 8-bit rounding never decides the order.
        """
        k = max(1, min(k, len(self))) if len(self) else 1
        if not len(self):
            n = len(queries)
            return np.zeros((n, 0), dtype=np.float32), np.zeros((n, 0), dtype=np.int64)
        params = None
        if self._probes is not None:  # per call, so threads sharing this index never change each other's setting
            import faiss

            params = faiss.SearchParametersIVF(nprobe=self._probes)  # type: ignore[call-arg]
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        scores, ids = self._index.search(queries, k, params=params)  # type: ignore[attr-defined]
        if params is not None and vectors_of is not None:
            scores, ids = _rescore(queries, ids, vectors_of)
        return scores, ids


def _rescore(queries: np.ndarray, ids: np.ndarray, vectors_of: VectorsOf) -> tuple[np.ndarray, np.ndarray]:
    """Exact scores for each row's candidate ids, best first (missing slots stay -1 at the end)."""
    scores = np.full(ids.shape, -np.inf, dtype=np.float32)
    ordered = np.full(ids.shape, -1, dtype=np.int64)
    for row, (query, candidates) in enumerate(zip(queries, ids, strict=True)):
        found = candidates[candidates >= 0]
        exact = vectors_of(found) @ query
        order = np.argsort(-exact, kind="stable")
        scores[row, : len(found)], ordered[row, : len(found)] = exact[order], found[order]
    return scores, ordered


def probes(lists: int) -> int:
    """Lists searched per query: a ``PROBE_SHARE``-th of them, at least ``MIN_PROBES``.

    Example: ``probes(1000) == 250``; ``probes(40) == 16``; ``probes(4) == 4``
    """
    return min(lists, max(MIN_PROBES, lists // PROBE_SHARE))
