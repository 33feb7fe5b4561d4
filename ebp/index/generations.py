"""Generations: the one owner of which index generation is live and of its files.

Every ingest that changes something writes a new *generation*: SQLite rows are added and retired
under its number, then its FAISS file (``vectors.<n>.faiss``) and BM25 folder (``lexical.<n>``) are
written under temporary names and renamed into place, and only then does ``meta.generation`` move.
A reader therefore always opens one complete generation; an interrupted ingest leaves the previous
one live. Older generations' files are removed once a newer one is live.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ebp.errors import IndexMissingError
from ebp.index.lexical import LexicalIndex
from ebp.index.store import DB_NAME, Store
from ebp.index.vectors import EXACT_BELOW, VectorIndex

_NAME = re.compile(r"^(vectors|lexical)\.(\d+)(\.faiss)?$")


@dataclass(frozen=True)
class Loaded:
    """One generation's search indexes, opened. ``stamp`` tells its files from those a rebuild later wrote
    under the same generation number (a rebuild starts counting again)."""

    generation: int
    vectors: VectorIndex
    lexical: LexicalIndex
    stamp: tuple[int, int] = (0, 0)


class Generations:
    """The generation files of one index folder.

    Example: ``Generations(Path("index")).vectors_path(3) == Path("index/vectors.3.faiss")``
    """

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir

    def vectors_path(self, generation: int) -> Path:
        return self.index_dir / f"vectors.{generation}.faiss"

    def lexical_path(self, generation: int) -> Path:
        """Folder of the BM25 index (``ebp.index.lexical``) of one generation."""
        return self.index_dir / f"lexical.{generation}"

    def published(self, generation: int) -> bool:
        """Whether both search files of ``generation`` are on disk."""
        return self.vectors_path(generation).exists() and self.lexical_path(generation).exists()

    def publish(self, store: Store, generation: int, dim: int, exact_below: int = EXACT_BELOW) -> None:
        """Write ``generation``'s FAISS and BM25 files from SQLite, make it live, then clean up."""
        self.prepare(store, generation, dim, exact_below)
        self.switch(store, generation)

    def prepare(self, store: Store, generation: int, dim: int, exact_below: int = EXACT_BELOW) -> None:
        """Write ``generation``'s FAISS and BM25 files from SQLite; searches go on reading the live one. A sharded
        library prepares every changed shard, moves its manifest, then switches them (``ebp.cluster.shards``)."""
        ids, vectors = store.vectors_at(generation, dim)
        VectorIndex.build(ids, vectors, dim, exact_below).save(self.vectors_path(generation))
        text_ids, texts, langs = store.texts_at(generation)
        LexicalIndex.build(text_ids, texts, langs).save(self.lexical_path(generation))

    def switch(self, store: Store, generation: int) -> None:
        """Make the prepared ``generation`` live, then drop what only older generations used."""
        with store.connect() as conn:
            Store.set_generation(conn, generation)
            Store.purge(conn, generation)
        self.remove_stale(keep=generation)

    def stamp(self, generation: int) -> tuple[int, int]:
        """Inode and modification time of ``generation``'s vector file; (0, 0) when it is missing."""
        try:
            info = self.vectors_path(generation).stat()
        except OSError:
            return (0, 0)
        return (info.st_ino, info.st_mtime_ns)

    def load(self, generation: int) -> Loaded:
        """Open ``generation``'s search files; a clear error when they are missing."""
        path = self.vectors_path(generation)
        if not path.exists():
            raise IndexMissingError(
                f"the index at {self.index_dir} is incomplete (no {path.name}); run ebp index again"
            )
        stamp = self.stamp(generation)
        return Loaded(generation, VectorIndex.load(path), LexicalIndex.load(self.lexical_path(generation)), stamp)

    def wipe(self) -> None:
        """Remove the search index (not other files such as reading lists) before a rebuild."""
        for path in self.index_dir.glob(f"{DB_NAME}*"):
            path.unlink()
        self.remove_stale(keep=-1)

    def remove_stale(self, keep: int) -> None:
        """Delete vector and lexical files of generations other than ``keep``, and leftover temp files."""
        candidates = [p for pattern in ("vectors.*", "lexical.*", ".lexical.*") for p in self.index_dir.glob(pattern)]
        for path in candidates:
            match = _NAME.match(path.name)
            if match and int(match.group(2)) == keep and not path.name.endswith((".tmp", ".old")):
                continue
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
