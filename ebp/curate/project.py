"""Screening projects kept across restarts: the records, their e5 vectors, what was merged, and every decision.

All projects live in one SQLite file beside the index (``index/curate.sqlite``), never in ``ebp.sqlite``, so
rebuilding the search index loses none. Connections are short-lived and every write is one transaction
(Streamlit serves sessions from several threads). Decisions are appended with the score the record had when it
was shown (what the stopping estimate calibrates on); undo removes the last one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum
from pathlib import Path

import numpy as np

from ebp.curate.dedup import Merge
from ebp.curate.records import Record
from ebp.errors import EbpError
from ebp.index.sqlite_file import open_versioned, write_transaction

DB_NAME = "curate.sqlite"
SCHEMA_VERSION = 1
MAX_NAME = 120

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE projects (
        project_id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        topic TEXT NOT NULL,
        model TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE TABLE records (
        project_id INTEGER NOT NULL REFERENCES projects (project_id) ON DELETE CASCADE,
        row INTEGER NOT NULL,
        key TEXT NOT NULL,
        title TEXT NOT NULL,
        abstract TEXT NOT NULL,
        authors TEXT NOT NULL,   -- JSON list
        year INTEGER,
        doi TEXT,
        journal TEXT,
        source TEXT NOT NULL,
        path TEXT,
        design TEXT NOT NULL,
        PRIMARY KEY (project_id, row)
    );
    CREATE TABLE merges (
        project_id INTEGER NOT NULL REFERENCES projects (project_id) ON DELETE CASCADE,
        kept TEXT NOT NULL,
        merged TEXT NOT NULL,    -- JSON list of record keys
        reasons TEXT NOT NULL    -- JSON list: doi, title, abstract, near_title
    );
    CREATE TABLE vectors (
        project_id INTEGER PRIMARY KEY REFERENCES projects (project_id) ON DELETE CASCADE,
        dim INTEGER NOT NULL,
        data BLOB NOT NULL       -- float32, row-major, one row per record
    );
    CREATE TABLE decisions (
        project_id INTEGER NOT NULL REFERENCES projects (project_id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        row INTEGER NOT NULL,
        label INTEGER NOT NULL,  -- 1 include, 0 exclude, 2 maybe
        score REAL NOT NULL,     -- the record's score when it was shown
        at TEXT NOT NULL,
        PRIMARY KEY (project_id, seq)
    );
    """,
)


class ProjectError(EbpError):
    """A screening project cannot be used as asked (unknown name, name taken, no records)."""


class Label(IntEnum):
    EXCLUDE = 0
    INCLUDE = 1
    MAYBE = 2


@dataclass(frozen=True)
class Decision:
    row: int
    label: Label
    score: float


@dataclass(frozen=True)
class Project:
    name: str
    topic: str
    model: str
    created: str
    records: tuple[Record, ...]
    designs: tuple[str, ...]  # study design of each record (ebp.appraise on title and abstract)
    merges: tuple[Merge, ...]
    decisions: tuple[Decision, ...]

    def decided_rows(self) -> list[int]:
        return [d.row for d in self.decisions]

    def training(self) -> tuple[list[int], list[int]]:
        """(rows, labels) of the include and exclude decisions: a "maybe" does not train the model."""
        pairs = [(d.row, int(d.label)) for d in self.decisions if d.label != Label.MAYBE]
        return [r for r, _ in pairs], [v for _, v in pairs]

    def included(self) -> list[int]:
        return [d.row for d in self.decisions if d.label == Label.INCLUDE]


class Projects:
    """All screening projects in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        open_versioned(path, MIGRATIONS[:SCHEMA_VERSION], ProjectError)

    @classmethod
    def in_index(cls, index_dir: Path) -> Projects:
        return cls(Path(index_dir) / DB_NAME)

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        return write_transaction(self.path)

    def names(self) -> list[str]:
        with self._transaction() as conn:
            rows = conn.execute("SELECT name FROM projects").fetchall()
        return sorted((r["name"] for r in rows), key=str.casefold)

    def create(
        self,
        name: str,
        topic: str,
        records: Sequence[Record],
        designs: Sequence[str],
        vectors: np.ndarray,
        model: str,
        merges: Sequence[Merge] = (),
    ) -> str:
        """A new project of deduplicated ``records`` (with their designs and e5 vectors); returns its clean name."""
        clean = " ".join(str(name or "").split())[:MAX_NAME]
        if not clean:
            raise ProjectError("a screening project needs a name")
        if not records:
            raise ProjectError("a screening project needs records: no file gave any")
        if not len(records) == len(designs) == len(vectors):
            raise ValueError(f"records, designs and vectors differ: {len(records)}, {len(designs)}, {len(vectors)}")
        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM projects WHERE name = ?", (clean,)).fetchone():
                raise ProjectError(f"a screening project named {clean!r} already exists")
            pid = int(conn.execute("INSERT INTO projects (name, topic, model, created) VALUES (?, ?, ?, ?)",
                                   (clean, topic.strip(), model, _now())).lastrowid or 0)  # fmt: skip
            conn.executemany(
                "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(pid, row, r.key, r.title, r.abstract, json.dumps(list(r.authors), ensure_ascii=False), r.year,
                  r.doi, r.journal, r.source, r.path, design)
                 for row, (r, design) in enumerate(zip(records, designs, strict=True))],
            )  # fmt: skip
            conn.executemany(
                "INSERT INTO merges VALUES (?, ?, ?, ?)",
                [(pid, m.kept, json.dumps(list(m.merged)), json.dumps(list(m.reasons))) for m in merges],
            )
            data = np.ascontiguousarray(vectors, dtype=np.float32)
            conn.execute("INSERT INTO vectors VALUES (?, ?, ?)", (pid, int(data.shape[1]), data.tobytes()))
        return clean

    def get(self, name: str) -> Project:
        with self._transaction() as conn:
            pid, project = _project(conn, name)
            rows = conn.execute("SELECT * FROM records WHERE project_id = ? ORDER BY row", (pid,)).fetchall()
            merges = conn.execute("SELECT * FROM merges WHERE project_id = ?", (pid,)).fetchall()
            decisions = conn.execute("SELECT * FROM decisions WHERE project_id = ? ORDER BY seq", (pid,)).fetchall()
        records = tuple(
            Record(r["key"], r["title"], r["abstract"], tuple(json.loads(r["authors"])), r["year"], r["doi"],
                   r["journal"], r["source"], r["path"])
            for r in rows
        )  # fmt: skip
        return Project(
            name=project["name"],
            topic=project["topic"],
            model=project["model"],
            created=project["created"],
            records=records,
            designs=tuple(r["design"] for r in rows),
            merges=tuple(
                Merge(m["kept"], tuple(json.loads(m["merged"])), tuple(json.loads(m["reasons"]))) for m in merges
            ),
            decisions=tuple(Decision(d["row"], Label(d["label"]), d["score"]) for d in decisions),
        )

    def vectors(self, name: str) -> np.ndarray:
        with self._transaction() as conn:
            pid, _ = _project(conn, name)
            row = conn.execute("SELECT dim, data FROM vectors WHERE project_id = ?", (pid,)).fetchone()
        return np.frombuffer(row["data"], dtype=np.float32).reshape(-1, int(row["dim"])).copy()

    def decide(self, name: str, row: int, label: Label, score: float = 0.0) -> None:
        """Record a decision on ``row``; deciding a record again replaces the earlier decision."""
        with self._transaction() as conn:
            pid, _ = _project(conn, name)
            if conn.execute("SELECT 1 FROM records WHERE project_id = ? AND row = ?", (pid, row)).fetchone() is None:
                raise ProjectError(f"project {name!r} has no record {row}")
            conn.execute("DELETE FROM decisions WHERE project_id = ? AND row = ?", (pid, row))
            last = conn.execute("SELECT MAX(seq) FROM decisions WHERE project_id = ?", (pid,)).fetchone()[0]
            conn.execute("INSERT INTO decisions VALUES (?, ?, ?, ?, ?, ?)",
                         (pid, (last or 0) + 1, row, int(label), float(score), _now()))  # fmt: skip

    def undo(self, name: str) -> Decision | None:
        """Take back the last decision; returns it (None when there was none)."""
        with self._transaction() as conn:
            pid, _ = _project(conn, name)
            last = conn.execute(
                "SELECT * FROM decisions WHERE project_id = ? ORDER BY seq DESC LIMIT 1", (pid,)
            ).fetchone()
            if last is None:
                return None
            conn.execute("DELETE FROM decisions WHERE project_id = ? AND seq = ?", (pid, last["seq"]))
        return Decision(last["row"], Label(last["label"]), last["score"])

    def set_topic(self, name: str, topic: str) -> None:
        with self._transaction() as conn:
            pid, _ = _project(conn, name)
            conn.execute("UPDATE projects SET topic = ? WHERE project_id = ?", (topic.strip(), pid))

    def delete(self, name: str) -> None:
        with self._transaction() as conn:
            pid, _ = _project(conn, name)
            conn.execute("DELETE FROM projects WHERE project_id = ?", (pid,))


def _project(conn: sqlite3.Connection, name: str) -> tuple[int, sqlite3.Row]:
    row = conn.execute("SELECT * FROM projects WHERE name = ?", (name,)).fetchone()
    if row is None:
        raise ProjectError(f"no screening project named {name!r}")
    return int(row["project_id"]), row


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
