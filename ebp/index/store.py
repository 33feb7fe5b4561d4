"""SQLite side of the index: documents, passages (text, page span, section, vector) and metadata.

SQLite is the source of truth; the FAISS file is a fast copy of the live vectors, written once per
generation (see ``ebp.index.vectors``). Every change is made under a new *generation* number: rows are
added with ``added_gen`` and retired with ``removed_gen``, and ``meta.generation`` moves forward
only when the matching FAISS file is on disk. A reader therefore always sees one consistent
generation, and an interrupted ingest leaves the previous generation intact (its new rows stay
pending and are reused by the next run, so nothing is embedded twice).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path

import numpy as np

from ebp.errors import IndexMissingError, ModelMismatchError, SchemaMismatchError
from ebp.index.corrections import Corrections
from ebp.index.migrations import MIGRATIONS, SCHEMA_VERSION
from ebp.index.rows import FileRecord, PassageRow, appraisal_columns, passage_row, section_of, stored_document
from ebp.types import (
    DocumentAppraisal,
    DocumentInfo,
    Page,
    ParsedDocument,
    Passage,
    StoredDocument,
)

SHARD_MANIFEST = "manifest.json"  # a sharded index folder lists its shards here (ebp.cluster.shards)
DB_NAME = "ebp.sqlite"

_VISIBLE = "d.added_gen <= :gen AND (d.removed_gen IS NULL OR d.removed_gen > :gen)"


class Store:
    """Short-lived connections per call: Streamlit serves sessions from several threads."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self.path = index_dir / DB_NAME
        self.corrections = Corrections(index_dir)  # the user's: applied to every document read

    # -- opening ---------------------------------------------------------------------------------
    @classmethod
    def create_or_open(cls, index_dir: Path) -> Store:
        index_dir.mkdir(parents=True, exist_ok=True)
        store = cls(index_dir)
        with store.connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            store._migrate(conn)
        return store

    @classmethod
    def open_existing(cls, index_dir: Path) -> Store:
        store = cls(index_dir)
        if not store.path.exists():
            raise IndexMissingError(
                f"no index at {index_dir} — build one first: ebp index CORPUS_DIR --index {index_dir}"
            )
        with store.connect() as conn:
            version = _schema_version(conn)
        if version != SCHEMA_VERSION:
            raise SchemaMismatchError(
                f"the index at {index_dir} has schema version {version}, this ebp reads {SCHEMA_VERSION}; "
                f"rebuild it: ebp index CORPUS_DIR --index {index_dir} --rebuild"
            )
        return store

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """A connection inside one transaction: committed on success, rolled back on error."""
        with closing(sqlite3.connect(self.path, timeout=30)) as conn:
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys=ON")
            with conn:
                yield conn

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = _schema_version(conn)
        if version > SCHEMA_VERSION:
            raise SchemaMismatchError(
                f"the index at {self.index_dir} was made by a newer ebp (schema {version} > {SCHEMA_VERSION})"
            )
        for number in range(version, SCHEMA_VERSION):
            conn.executescript(f"BEGIN; {MIGRATIONS[number]}; PRAGMA user_version = {number + 1}; COMMIT;")

    # -- metadata --------------------------------------------------------------------------------
    def meta(self) -> dict[str, str]:
        with self.connect() as conn:
            return {row["key"]: row["value"] for row in conn.execute("SELECT key, value FROM meta")}

    def generation(self) -> int:
        with self.connect() as conn:
            return Store.current_generation(conn)

    @staticmethod
    def current_generation(conn: sqlite3.Connection) -> int:
        row = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def check_model(self, name: str, dim: int) -> None:
        """Raise ``ModelMismatchError`` unless the index was made by this model (or holds nothing yet)."""
        meta = self.meta()
        stored, stored_dim = meta.get("model"), meta.get("dim")
        if stored is None:
            return
        if stored != name or int(stored_dim or 0) != dim:
            raise ModelMismatchError(
                f"the index at {self.index_dir} was built with model {stored!r} ({stored_dim} dimensions), "
                f"but ebp is set to use {name!r} ({dim}). Use the same model (EBP_MODEL={stored}) or "
                f"rebuild the index: ebp index CORPUS_DIR --index {self.index_dir} --rebuild"
            )

    # -- writing (ingest) --------------------------------------------------------------------------
    @staticmethod
    def set_meta(conn: sqlite3.Connection, **values: str) -> None:
        conn.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            list(values.items()),
        )

    @staticmethod
    def set_generation(conn: sqlite3.Connection, generation: int) -> None:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'generation'", (str(generation),))

    @staticmethod
    def add_document(
        conn: sqlite3.Connection,
        doc: ParsedDocument,
        sha256: str,
        info: DocumentInfo,
        appraisal: DocumentAppraisal,
        passages: Sequence[Passage],
        vectors: np.ndarray,
        generation: int,
        appraised_by: str = "",
    ) -> int:
        if len(passages) != len(vectors):
            raise ValueError(f"{len(passages)} passages but {len(vectors)} vectors for {doc.rel_path}")
        cur = conn.execute(
            "INSERT INTO documents (path, sha256, doc_type, n_pages, title, authors, year, doi, journal, language,"
            " design, design_confidence, design_cues, needs_checking, appraisal, mixed_methods, appraised_by,"
            " added_gen)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.rel_path,
                sha256,
                doc.doc_type.value,
                len(doc.pages),
                info.title,
                json.dumps(info.authors),
                info.year,
                info.doi,
                info.journal,
                info.language,
                *appraisal_columns(appraisal),
                appraised_by,
                generation,
            ),
        )
        doc_id = int(cur.lastrowid or 0)
        conn.executemany(
            "INSERT INTO pages (doc_id, number, text) VALUES (?, ?, ?)", [(doc_id, p.number, p.text) for p in doc.pages]
        )
        conn.executemany(
            "INSERT INTO passages (doc_id, ordinal, page_start, page_end, section, text, vector)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    doc_id,
                    p.ordinal,
                    p.page_start,
                    p.page_end,
                    p.section.value if p.section else None,
                    p.text,
                    np.asarray(v, dtype=np.float32).tobytes(),
                )
                for p, v in zip(passages, vectors, strict=True)
            ],
        )
        return doc_id

    @staticmethod
    def stale_appraisals(conn: sqlite3.Connection, generation: int, version: str) -> list[int]:
        """Documents visible at ``generation`` whose labels were made by another appraisal than ``version``."""
        rows = conn.execute(
            f"SELECT doc_id FROM documents d WHERE {_VISIBLE} AND appraised_by != :v", {"gen": generation, "v": version}
        )
        return [int(r[0]) for r in rows]

    @staticmethod
    def update_description(
        conn: sqlite3.Connection,
        doc_id: int,
        doc_type: str,
        info: DocumentInfo,
        appraisal: DocumentAppraisal,
        appraised_by: str,
    ) -> None:
        """Replace one document's description and appraisal in place (its passages and vectors stay)."""
        conn.execute(
            "UPDATE documents SET doc_type = ?, title = ?, year = ?, design = ?, design_confidence = ?,"
            " design_cues = ?, needs_checking = ?, appraisal = ?, mixed_methods = ?, appraised_by = ? WHERE doc_id = ?",
            (
                doc_type,
                info.title,
                info.year,
                *appraisal_columns(appraisal),
                appraised_by,
                doc_id,
            ),
        )

    @staticmethod
    def add_pages(conn: sqlite3.Connection, doc_id: int, pages: Sequence[Page]) -> None:
        conn.executemany(
            "INSERT OR REPLACE INTO pages (doc_id, number, text) VALUES (?, ?, ?)",
            [(doc_id, p.number, p.text) for p in pages],
        )

    def page_texts(self, doc_id: int) -> dict[int, str]:
        """Page number → text of one document ({} for a document indexed before pages were kept)."""
        with self.connect() as conn:
            rows = conn.execute("SELECT number, text FROM pages WHERE doc_id = ?", (doc_id,)).fetchall()
        return {int(r[0]): r[1] for r in rows}

    def passages_of_document(self, doc_id: int) -> list[Passage]:
        with self.connect() as conn:
            return Store.passages_of(conn, doc_id)

    @staticmethod
    def passages_of(conn: sqlite3.Connection, doc_id: int) -> list[Passage]:
        """One document's passages, in order."""
        rows = conn.execute(
            "SELECT ordinal, text, page_start, page_end, section FROM passages WHERE doc_id = ? ORDER BY ordinal",
            (doc_id,),
        )
        return [Passage(r[0], r[1], r[2], r[3], section_of(r[4])) for r in rows]

    @staticmethod
    def retire_document(conn: sqlite3.Connection, doc_id: int, generation: int) -> None:
        conn.execute(
            "UPDATE documents SET removed_gen = ? WHERE doc_id = ? AND removed_gen IS NULL", (generation, doc_id)
        )

    @staticmethod
    def purge(conn: sqlite3.Connection, generation: int) -> int:
        """Delete rows retired at or before ``generation`` (their passages go with them)."""
        return conn.execute("DELETE FROM documents WHERE removed_gen <= ?", (generation,)).rowcount

    @staticmethod
    def record_file(conn: sqlite3.Connection, record: FileRecord) -> None:
        conn.execute(
            "INSERT INTO files (path, sha256, status, reason) VALUES (?, ?, ?, ?) ON CONFLICT (path) DO UPDATE"
            " SET sha256 = excluded.sha256, status = excluded.status, reason = excluded.reason",
            (record.path, record.sha256, record.status, record.reason),
        )

    @staticmethod
    def forget_files(conn: sqlite3.Connection, paths: Iterable[str]) -> None:
        conn.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in paths])

    # -- reading ---------------------------------------------------------------------------------
    @staticmethod
    def documents_at(conn: sqlite3.Connection, generation: int) -> dict[str, tuple[int, str]]:
        """path → (doc_id, sha256) of the documents visible at ``generation``."""
        rows = conn.execute(f"SELECT doc_id, path, sha256 FROM documents d WHERE {_VISIBLE}", {"gen": generation})
        return {row["path"]: (row["doc_id"], row["sha256"]) for row in rows}

    @staticmethod
    def pending_changes(conn: sqlite3.Connection, generation: int) -> int:
        """Documents added or retired under ``generation`` and not yet published (an interrupted run's work)."""
        row = conn.execute(
            "SELECT COUNT(*) FROM documents WHERE added_gen = ? OR removed_gen = ?", (generation, generation)
        ).fetchone()
        return int(row[0])

    def document_size(self, doc_id: int) -> tuple[int, int]:
        """(pages, passages) of one stored document."""
        with self.connect() as conn:
            row = conn.execute(
                "SELECT n_pages, (SELECT COUNT(*) FROM passages p WHERE p.doc_id = d.doc_id) FROM documents d"
                " WHERE doc_id = ?",
                (doc_id,),
            ).fetchone()
        return (int(row[0]), int(row[1])) if row else (0, 0)

    @staticmethod
    def files(conn: sqlite3.Connection) -> dict[str, FileRecord]:
        return {row["path"]: FileRecord(**dict(row)) for row in conn.execute("SELECT * FROM files")}

    def vectors_at(self, generation: int, dim: int) -> tuple[np.ndarray, np.ndarray]:
        """(ids int64, vectors float32 n×dim) of every passage visible at ``generation``."""
        with self.connect() as conn:
            rows = conn.execute(
                f"SELECT p.passage_id, p.vector FROM passages p JOIN documents d USING (doc_id) WHERE {_VISIBLE}"
                " ORDER BY p.passage_id",
                {"gen": generation},
            ).fetchall()
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        vectors = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32).reshape(len(rows), dim)
        return ids, vectors

    def vectors_of(self, ids: Sequence[int] | np.ndarray, dim: int) -> np.ndarray:
        """The stored float vectors of ``ids``, in that order (``len(ids)`` × ``dim``)."""
        wanted = [int(i) for i in ids]
        if not wanted:
            return np.zeros((0, dim), dtype=np.float32)
        with self.connect() as conn:
            marks = ",".join("?" * len(wanted))
            rows = dict(conn.execute(f"SELECT passage_id, vector FROM passages WHERE passage_id IN ({marks})", wanted))
        missing = [i for i in wanted if i not in rows]
        if missing:
            raise KeyError(f"passages not in the store: {missing[:5]}")
        return np.frombuffer(b"".join(rows[i] for i in wanted), dtype=np.float32).reshape(len(wanted), dim)

    def texts_at(self, generation: int) -> tuple[list[int], list[str], list[str]]:
        """(ids, texts, document languages) of every passage visible at ``generation``."""
        with self.connect() as conn:
            rows = conn.execute(
                f"SELECT p.passage_id, p.text, d.language FROM passages p JOIN documents d USING (doc_id)"
                f" WHERE {_VISIBLE} ORDER BY p.passage_id",
                {"gen": generation},
            ).fetchall()
        return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]

    def passage_ids_except(self, generation: int, language: str) -> list[int]:
        """Ids of the passages visible at ``generation`` whose document is not in ``language``."""
        with self.connect() as conn:
            rows = conn.execute(
                f"SELECT p.passage_id FROM passages p JOIN documents d USING (doc_id) WHERE {_VISIBLE}"
                " AND d.language != :lang",
                {"gen": generation, "lang": language},
            ).fetchall()
        return [r[0] for r in rows]

    def passages(self, ids: Sequence[int]) -> dict[int, PassageRow]:
        if not ids:
            return {}
        with self.connect() as conn:
            marks = ",".join("?" * len(ids))
            rows = conn.execute(
                "SELECT passage_id, doc_id, ordinal, page_start, page_end, section, text FROM passages"
                f" WHERE passage_id IN ({marks})",
                [int(i) for i in ids],
            ).fetchall()
        return {row["passage_id"]: passage_row(row) for row in rows}

    def documents(self, doc_ids: Iterable[int], corrected: bool = True) -> dict[int, StoredDocument]:
        """Documents by id, as the user corrected them (``corrected=False``: as ebp described them)."""
        ids = sorted({int(i) for i in doc_ids})
        if not ids:
            return {}
        with self.connect() as conn:
            rows = conn.execute(f"SELECT * FROM documents WHERE doc_id IN ({','.join('?' * len(ids))})", ids).fetchall()
        fix = self.corrections.apply if corrected else (lambda d: d)
        return {row["doc_id"]: fix(stored_document(row)) for row in rows}

    def all_documents(self, generation: int, hidden: bool = False) -> list[StoredDocument]:
        """The documents of a generation, as corrected; those the user hid only with ``hidden=True``."""
        with self.connect() as conn:
            rows = conn.execute(f"SELECT * FROM documents d WHERE {_VISIBLE} ORDER BY path", {"gen": generation})
            docs = [self.corrections.apply(stored_document(row)) for row in rows]
        return docs if hidden else [d for d in docs if not d.extra.get("hidden")]

    def counts(self, generation: int) -> dict[str, int]:
        """Documents, pages and passages of a generation, without those the user hid."""
        hidden = {f"h{i}": path for i, path in enumerate(p for p, c in self.corrections.all().items() if c.hidden)}
        where = f"{_VISIBLE} AND d.path NOT IN ({', '.join(':' + k for k in hidden)})" if hidden else _VISIBLE
        params = {"gen": generation, **hidden}
        with self.connect() as conn:
            row = conn.execute(
                "SELECT COUNT(DISTINCT d.doc_id) AS documents, COALESCE(SUM(d.n_pages), 0) AS pages FROM documents d"
                f" WHERE {where}",
                params,
            ).fetchone()
            passages = conn.execute(
                f"SELECT COUNT(*) FROM passages p JOIN documents d USING (doc_id) WHERE {where}", params
            ).fetchone()[0]
        return {"documents": int(row["documents"]), "pages": int(row["pages"]), "passages": int(passages)}


def _schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])
