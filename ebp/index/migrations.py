"""The SQLite schema of ``index/ebp.sqlite``, as numbered migrations (``PRAGMA user_version``).

``MIGRATIONS[i]`` brings schema version i to i + 1. Never edit a shipped one: add the next.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE documents (
        doc_id INTEGER PRIMARY KEY AUTOINCREMENT,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        doc_type TEXT NOT NULL,
        n_pages INTEGER NOT NULL,
        title TEXT NOT NULL,
        authors TEXT NOT NULL,          -- JSON list
        year INTEGER,
        doi TEXT,
        journal TEXT,
        language TEXT NOT NULL,
        extra TEXT NOT NULL DEFAULT '{}', -- JSON: what later stages add (appraisal ...)
        added_gen INTEGER NOT NULL,
        removed_gen INTEGER
    );
    CREATE INDEX documents_path ON documents (path);
    CREATE TABLE passages (
        passage_id INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id INTEGER NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        page_start INTEGER NOT NULL,
        page_end INTEGER NOT NULL,
        section TEXT,
        text TEXT NOT NULL,
        vector BLOB NOT NULL            -- float32, L2-normalised
    );
    CREATE INDEX passages_doc ON passages (doc_id);
    CREATE TABLE files (              -- last outcome per file, for the ingest report
        path TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        status TEXT NOT NULL,
        reason TEXT NOT NULL
    );
    INSERT INTO meta (key, value) VALUES ('generation', '0');
    """,
    # 2: appraisal columns. Existing documents lose their hash, so the next `ebp index` describes
    # (and embeds) them again instead of keeping the placeholder design.
    """
    ALTER TABLE documents ADD COLUMN design TEXT NOT NULL DEFAULT 'other';
    ALTER TABLE documents ADD COLUMN design_confidence REAL NOT NULL DEFAULT 0;
    ALTER TABLE documents ADD COLUMN design_cues TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE documents ADD COLUMN needs_checking INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE documents ADD COLUMN appraisal TEXT NOT NULL DEFAULT '[]';
    UPDATE documents SET sha256 = '';
    """,
    # 3: the trained appraisal (issue 13). Documents remember which appraisal made their labels; an older one is
    # re-appraised from the stored passages at the next `ebp index`, without embedding anything again.
    """
    ALTER TABLE documents ADD COLUMN mixed_methods INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE documents ADD COLUMN appraised_by TEXT NOT NULL DEFAULT '';
    """,
    # 4: the text of every page, so that a quoted sentence is checked against the page it cites (the evidence
    # brief). Documents indexed before have none; the brief reads their pages from the file.
    """
    CREATE TABLE pages (
        doc_id INTEGER NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (doc_id, number)
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
