"""Reading lists: named, ordered lists of documents with a note per item, kept across restarts.

They live in their own SQLite file (``index/readinglists.sqlite``), never in ``ebp.sqlite``, so
rebuilding the search index does not lose them. Each item carries the document's bibliographic
description and evidence level, keyed by its corpus path: a list still reads and exports after the
document was re-indexed, changed or removed. Connections are short-lived (one per call) and every
write is one transaction, because Streamlit serves sessions from several threads.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from ebp.appraise.levels import DEFAULT_HIERARCHY, evidence_level
from ebp.errors import EbpError
from ebp.index.sqlite_file import open_versioned, write_transaction
from ebp.types import Hierarchy, Level, StoredDocument

DB_NAME = "readinglists.sqlite"
SCHEMA_VERSION = 2
MAX_NAME = 120  # characters of a list name

# Numbered migrations: MIGRATIONS[i] brings schema version i to i + 1. Never edit a shipped one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE lists (
        list_id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL
    );
    CREATE TABLE items (
        list_id INTEGER NOT NULL REFERENCES lists (list_id) ON DELETE CASCADE,
        path TEXT NOT NULL,              -- corpus-relative path: the document's key
        position INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL,
        authors TEXT NOT NULL,           -- JSON list
        year INTEGER,
        journal TEXT,
        doi TEXT,
        language TEXT NOT NULL,
        doc_type TEXT NOT NULL,
        design TEXT NOT NULL,
        level_rank INTEGER NOT NULL,
        level_name TEXT NOT NULL,
        level_en TEXT NOT NULL,
        level_id TEXT NOT NULL,
        pages TEXT NOT NULL DEFAULT '[]', -- JSON list: pages of the passages that matched
        added TEXT NOT NULL,
        PRIMARY KEY (list_id, path)
    );
    """,
    # 2: the abstract of a record that is not an indexed document (a screening project's include, ebp.curate)
    "ALTER TABLE items ADD COLUMN abstract TEXT NOT NULL DEFAULT ''",
)

_UNRANKED = evidence_level("other")


class ReadingListError(EbpError):
    """A reading list cannot be changed as asked (unknown name, name taken, empty name)."""


@dataclass(frozen=True)
class ReadingItem:
    """One document in a reading list, described well enough to cite it without the index."""

    path: str
    title: str
    authors: tuple[str, ...] = ()
    year: int | None = None
    journal: str | None = None
    doi: str | None = None
    language: str = "und"
    doc_type: str = "journal_article"
    design: str = "other"
    level: Level = _UNRANKED
    pages: tuple[int, ...] = ()  # pages worth reading first (where the search matched)
    note: str = ""
    abstract: str = ""  # kept for records that are not indexed documents (a screening project's includes)


@dataclass(frozen=True)
class ReadingList:
    name: str
    created: str  # ISO 8601, UTC
    items: tuple[ReadingItem, ...]


def item_from_document(
    doc: StoredDocument, hierarchy: Hierarchy = DEFAULT_HIERARCHY, pages: Iterable[int] = (), note: str = ""
) -> ReadingItem:
    """The reading-list item for an indexed document.

    Example: ``item_from_document(hit.document, pages=[3]).level.rank``
    """
    info = doc.info
    return ReadingItem(
        path=doc.path,
        title=info.title,
        authors=tuple(info.authors),
        year=info.year,
        journal=info.journal,
        doi=info.doi,
        language=info.language,
        doc_type=doc.doc_type.value,
        design=doc.appraisal.design,
        level=evidence_level(doc.appraisal.design, hierarchy or DEFAULT_HIERARCHY),
        pages=tuple(sorted(set(pages))),
        note=note,
    )


class ReadingLists:
    """All reading lists in one SQLite file; safe to use from several threads and processes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        open_versioned(path, MIGRATIONS[:SCHEMA_VERSION], ReadingListError)

    @classmethod
    def in_index(cls, index_dir: Path) -> ReadingLists:
        """The reading lists kept beside the search index (in their own file)."""
        return cls(Path(index_dir) / DB_NAME)

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        return write_transaction(self.path)

    # -- lists -------------------------------------------------------------------------------------
    def names(self) -> list[str]:
        with self._transaction() as conn:
            rows = conn.execute("SELECT name FROM lists").fetchall()
        return sorted((row["name"] for row in rows), key=str.casefold)

    def create(self, name: str, items: Sequence[ReadingItem] = ()) -> str:
        """Create a list (optionally filled, in the given order); returns its cleaned name."""
        clean = _clean_name(name)
        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM lists WHERE name = ?", (clean,)).fetchone():
                raise ReadingListError(f"a reading list named {clean!r} already exists")
            list_id = conn.execute("INSERT INTO lists (name, created) VALUES (?, ?)", (clean, _now())).lastrowid
            for position, item in enumerate(_unique(items)):
                _insert(conn, int(list_id or 0), item, position)
        return clean

    def rename(self, name: str, new_name: str) -> str:
        clean = _clean_name(new_name)
        with self._transaction() as conn:
            list_id = _list_id(conn, name)
            if clean != name and conn.execute("SELECT 1 FROM lists WHERE name = ?", (clean,)).fetchone():
                raise ReadingListError(f"a reading list named {clean!r} already exists")
            conn.execute("UPDATE lists SET name = ? WHERE list_id = ?", (clean, list_id))
        return clean

    def delete(self, name: str) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM lists WHERE list_id = ?", (_list_id(conn, name),))

    def get(self, name: str) -> ReadingList:
        with self._transaction() as conn:
            list_id = _list_id(conn, name)
            created = conn.execute("SELECT created FROM lists WHERE list_id = ?", (list_id,)).fetchone()[0]
            rows = conn.execute(
                "SELECT * FROM items WHERE list_id = ? ORDER BY position, added, path", (list_id,)
            ).fetchall()
        return ReadingList(name, created, tuple(_item(row) for row in rows))

    # -- items -------------------------------------------------------------------------------------
    def add(self, name: str, item: ReadingItem) -> bool:
        """Append ``item``; False when its document is already in the list (its description is
        refreshed, its note and place are kept)."""
        with self._transaction() as conn:
            list_id = _list_id(conn, name)
            existing = conn.execute(
                "SELECT position, note, pages FROM items WHERE list_id = ? AND path = ?", (list_id, item.path)
            ).fetchone()
            if existing is not None:
                pages = tuple(sorted(set(json.loads(existing["pages"])) | set(item.pages)))
                note = existing["note"] or item.note
                conn.execute("DELETE FROM items WHERE list_id = ? AND path = ?", (list_id, item.path))
                _insert(conn, list_id, replace(item, pages=pages, note=note), existing["position"])
                return False
            last = conn.execute("SELECT MAX(position) FROM items WHERE list_id = ?", (list_id,)).fetchone()[0]
            _insert(conn, list_id, item, -1 if last is None else last + 1)
        return True

    def remove(self, name: str, path: str) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM items WHERE list_id = ? AND path = ?", (_list_id(conn, name), path))

    def set_note(self, name: str, path: str, note: str) -> None:
        with self._transaction() as conn:
            cur = conn.execute(
                "UPDATE items SET note = ? WHERE list_id = ? AND path = ?", (note.strip(), _list_id(conn, name), path)
            )
            if cur.rowcount == 0:
                raise ReadingListError(f"{path!r} is not in the reading list {name!r}")

    def move(self, name: str, path: str, offset: int) -> None:
        """Move an item ``offset`` places (negative: towards the top), stopping at either end."""
        with self._transaction() as conn:
            list_id = _list_id(conn, name)
            paths = _paths(conn, list_id)
            if path not in paths:
                raise ReadingListError(f"{path!r} is not in the reading list {name!r}")
            old = paths.index(path)
            paths.insert(max(0, min(len(paths) - 1, old + offset)), paths.pop(old))
            _renumber(conn, list_id, paths)

    def reorder(self, name: str, paths: Sequence[str]) -> None:
        """Put the items in the order of ``paths`` (the same documents, in a new order)."""
        with self._transaction() as conn:
            list_id = _list_id(conn, name)
            current = _paths(conn, list_id)
            if sorted(current) != sorted(paths):
                raise ReadingListError(f"a new order must name each item of {name!r} once")
            _renumber(conn, list_id, list(paths))


def _clean_name(name: str) -> str:
    clean = " ".join(str(name or "").split())[:MAX_NAME]
    if not clean:
        raise ReadingListError("a reading list needs a name")
    return clean


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _unique(items: Sequence[ReadingItem]) -> list[ReadingItem]:
    """The first item of each document, in order."""
    by_path: dict[str, ReadingItem] = {}
    for item in items:
        by_path.setdefault(item.path, item)
    return list(by_path.values())


def _list_id(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute("SELECT list_id FROM lists WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise ReadingListError(f"no reading list named {name!r}")
    return int(row[0])


def _paths(conn: sqlite3.Connection, list_id: int) -> list[str]:
    rows = conn.execute("SELECT path FROM items WHERE list_id = ? ORDER BY position, added, path", (list_id,))
    return [row[0] for row in rows]


def _renumber(conn: sqlite3.Connection, list_id: int, paths: list[str]) -> None:
    conn.executemany(
        "UPDATE items SET position = ? WHERE list_id = ? AND path = ?",
        [(position, list_id, path) for position, path in enumerate(paths)],
    )


def _insert(conn: sqlite3.Connection, list_id: int, item: ReadingItem, position: int) -> None:
    if position < 0:
        position = 0
    conn.execute(
        "INSERT INTO items (list_id, path, position, note, title, authors, year, journal, doi, language, doc_type,"
        " design, level_rank, level_name, level_en, level_id, pages, added, abstract)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            list_id,
            item.path,
            position,
            item.note,
            item.title,
            json.dumps(list(item.authors), ensure_ascii=False),
            item.year,
            item.journal,
            item.doi,
            item.language,
            item.doc_type,
            item.design,
            item.level.rank,
            item.level.name,
            item.level.label_en,
            item.level.label_id,
            json.dumps(list(item.pages)),
            _now(),
            item.abstract,
        ),
    )


def _item(row: sqlite3.Row) -> ReadingItem:
    return ReadingItem(
        path=row["path"],
        title=row["title"],
        authors=tuple(json.loads(row["authors"])),
        year=row["year"],
        journal=row["journal"],
        doi=row["doi"],
        language=row["language"],
        doc_type=row["doc_type"],
        design=row["design"],
        level=Level(row["level_rank"], row["level_name"], row["level_en"], row["level_id"]),
        pages=tuple(json.loads(row["pages"])),
        note=row["note"],
        abstract=row["abstract"],
    )
