"""Vector side of the index: FAISS inner-product search over stable passage ids.

One file per generation, ``vectors.<generation>.faiss``, written to a temporary name and renamed
into place, so a reader never opens a half-written file. Vectors are unit length, so inner
product is cosine similarity.

The index type follows the size: below ``exact_below`` passages (200,000 by default) search is
exact (``IndexFlatIP``, about 15 ms per query at 2·10⁵ on two cores); above it, an inverted file
over 8-bit scalar-quantised vectors (``IndexIVFScalarQuantizer``, √n lists, a sixteenth of them
probed) answers in a few milliseconds at 10⁶ with a quarter of the memory, at a small recall cost
that ``ebp bench`` measures against exact search. An inverted file builds in about a minute at
10⁶ on two cores, where an HNSW graph took several; ebp rebuilds the vector file at every ingest,
so build time counts. Files are memory-mapped when FAISS allows, so a large index is paged in as
it is used.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

_NAME = re.compile(r"^(vectors|lexical)\.(\d+)(\.faiss)?$")
EXACT_BELOW = 200_000  # passages; above this the index is approximate (inverted file)
PROBE_SHARE = 16  # one list in PROBE_SHARE is searched per query ...
MIN_PROBES = 16  # ... and never fewer than this many
TRAIN_PER_LIST = 64  # k-means sample: this many vectors per list


def vectors_path(index_dir: Path, generation: int) -> Path:
    return index_dir / f"vectors.{generation}.faiss"


def lexical_path(index_dir: Path, generation: int) -> Path:
    """Folder of the BM25 index (``ebp.lexical``) of one generation."""
    return index_dir / f"lexical.{generation}"


class VectorIndex:
    """A FAISS ``IndexIDMap2`` over an inner-product index (exact or inverted file); ids are SQLite passage ids."""

    def __init__(self, faiss_index: object, dim: int) -> None:
        self._index = faiss_index
        self.dim = dim

    @classmethod
    def build(cls, ids: np.ndarray, vectors: np.ndarray, dim: int, exact_below: int = EXACT_BELOW) -> VectorIndex:
        """Exact search for fewer than ``exact_below`` vectors, an inverted file of 8-bit codes from there on.

        Example: ``VectorIndex.build(ids, vectors, 384).kind == "exact"`` for a corpus of 10⁴ passages
        """
        import faiss

        if vectors.shape != (len(ids), dim):
            raise ValueError(f"expected {len(ids)}×{dim} vectors, got {vectors.shape}")
        data = np.ascontiguousarray(vectors, dtype=np.float32)
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
        import faiss

        inner = faiss.downcast_index(self._index.index)  # type: ignore[attr-defined]
        return "ivf" if isinstance(inner, faiss.IndexIVF) else "exact"

    def save(self, path: Path) -> None:
        import faiss

        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(fd)
        try:
            faiss.write_index(self._index, tmp)
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

    def similarity(self, query: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """Inner product of one query vector with the stored vectors of ``ids``."""
        if not len(ids):
            return np.zeros(0, dtype=np.float32)
        vectors = np.vstack([self._index.reconstruct(int(i)) for i in ids])  # type: ignore[attr-defined]
        return vectors @ query.reshape(-1)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores, ids), each ``len(queries) × k``; missing slots have id -1."""
        k = max(1, min(k, len(self))) if len(self) else 1
        if not len(self):
            n = len(queries)
            return np.zeros((n, 0), dtype=np.float32), np.zeros((n, 0), dtype=np.int64)
        params = None
        if self.kind == "ivf":  # per call, so threads sharing this index never change each other's setting
            import faiss

            lists = faiss.downcast_index(self._index.index).nlist  # type: ignore[attr-defined]
            params = faiss.SearchParametersIVF(nprobe=probes(lists))
        scores, ids = self._index.search(  # type: ignore[attr-defined]
            np.ascontiguousarray(queries, dtype=np.float32), k, params=params
        )
        return scores, ids


def probes(lists: int) -> int:
    """Lists searched per query: a ``PROBE_SHARE``-th of them, at least ``MIN_PROBES``.

    Example: ``probes(1000) == 62``; ``probes(100) == 16``; ``probes(4) == 4``
    """
    return min(lists, max(MIN_PROBES, lists // PROBE_SHARE))


def remove_stale(index_dir: Path, keep: int) -> None:
    """Delete vector and lexical files of generations other than ``keep``, and leftover temp files."""
    import shutil

    candidates = [p for pattern in ("vectors.*", "lexical.*", ".lexical.*") for p in index_dir.glob(pattern)]
    for path in candidates:
        match = _NAME.match(path.name)
        if match and int(match.group(2)) == keep and not path.name.endswith((".tmp", ".old")):
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
