"""Vector side of the index: FAISS inner-product search over stable passage ids.

One file per generation, ``vectors.<generation>.faiss``, written to a temporary name and renamed
into place, so a reader never opens a half-written file. Vectors are unit length, so inner
product is cosine similarity.
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


def vectors_path(index_dir: Path, generation: int) -> Path:
    return index_dir / f"vectors.{generation}.faiss"


def lexical_path(index_dir: Path, generation: int) -> Path:
    """Folder of the BM25 index (``ebp.lexical``) of one generation."""
    return index_dir / f"lexical.{generation}"


class VectorIndex:
    """A FAISS ``IndexIDMap2`` over an exact inner-product index; ids are SQLite passage ids."""

    def __init__(self, faiss_index: object, dim: int) -> None:
        self._index = faiss_index
        self.dim = dim

    @classmethod
    def build(cls, ids: np.ndarray, vectors: np.ndarray, dim: int) -> VectorIndex:
        import faiss

        if vectors.shape != (len(ids), dim):
            raise ValueError(f"expected {len(ids)}×{dim} vectors, got {vectors.shape}")
        index = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))
        if len(ids):
            index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), np.asarray(ids, dtype=np.int64))
        return cls(index, dim)

    @classmethod
    def load(cls, path: Path) -> VectorIndex:
        import faiss

        index = faiss.read_index(str(path))
        return cls(index, index.d)

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
        scores, ids = self._index.search(np.ascontiguousarray(queries, dtype=np.float32), k)  # type: ignore[attr-defined]
        return scores, ids


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
