"""Small SQLite files of their own beside the index (reading lists, screening projects, case workspaces):
opened at their schema version, then a short-lived connection per write transaction.

Example: ``with write_transaction(path) as conn: conn.execute("INSERT …")``
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path

from ebp.errors import EbpError


def open_versioned(path: Path, migrations: Sequence[str], error: type[EbpError], pragmas: Sequence[str] = ()) -> None:
    """Create ``path`` or bring it to ``len(migrations)`` (``PRAGMA user_version``), in WAL mode; ``error`` when
    a newer ebp made it. Each migration is one or more statements separated by semicolons."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path, timeout=30)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
    with write_transaction(path, pragmas) as conn:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > len(migrations):
            raise error(f"{path} was made by a newer ebp (schema {version} > {len(migrations)})")
        for number in range(version, len(migrations)):
            for statement in migrations[number].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")


@contextmanager
def write_transaction(path: Path, pragmas: Sequence[str] = ("PRAGMA foreign_keys=ON",)) -> Iterator[sqlite3.Connection]:
    """One short-lived connection (rows by column name) inside one write transaction, taken at once
    (``BEGIN IMMEDIATE``: what is read is then written): committed on success, else rolled back."""
    with closing(sqlite3.connect(path, timeout=30, isolation_level=None)) as conn:
        conn.row_factory = sqlite3.Row
        for pragma in pragmas:
            conn.execute(pragma)
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
