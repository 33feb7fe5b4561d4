"""Saved cases (workspaces): a case's question, the evidence chosen, the decision and the outcome log.

Only what the user saves with a click is written, and only de-identified: ``CaseStore.save`` runs every
free text of a workspace through ``deidentify`` (the words the user said are no identifier kept), so a
name typed later into a note or a follow-up is masked too. Workspaces live in their own SQLite file
beside the index (``index/cases.sqlite``), apart from the reading lists and the search index. Each save
is one transaction in WAL mode, so a crash or a kill in the middle of a save loses only that save;
``secure_delete`` overwrites what a delete or an update frees, and a delete compacts the file (VACUUM and
a truncated WAL), so the deleted words are gone from the disk. A workspace's content may be encrypted
with a passphrase (``ebp.cases.crypto``): then its name is inside the encrypted content too, and only an
opaque id and the dates stay readable, to list it.
"""

from __future__ import annotations

import base64
import json
import re
import sqlite3
import uuid
from contextlib import AbstractContextManager, closing
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ebp.cases import crypto
from ebp.cases.deidentify import deidentify
from ebp.errors import EbpError
from ebp.index.sqlite_file import open_versioned, write_transaction
from ebp.present.readinglists import ReadingItem
from ebp.types import Level

DB_NAME = "cases.sqlite"
SCHEMA_VERSION = 1
# Freed pages are zeroed (deleted words leave the file); every commit reaches the disk.
_PRAGMAS = ("PRAGMA secure_delete=ON", "PRAGMA synchronous=FULL")
FILE_FORMAT = "ebp-case"
MAX_NAME = 120
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE workspaces (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',  -- empty when encrypted: the name is inside the content
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        encrypted INTEGER NOT NULL DEFAULT 0,
        salt BLOB,
        content BLOB NOT NULL     -- JSON (UTF-8), or a Fernet token when encrypted
    );
    """,
)


_NUMBERED = re.compile(r"\[(?:NAMA|NAME)-(\d+)\]")


class CaseError(EbpError):
    """A workspace cannot be read or changed as asked."""


@dataclass(frozen=True)
class Quote:
    text: str
    page: int


@dataclass(frozen=True)
class Evidence:
    """A document chosen for the case, with the findings that mattered (quoted, with their pages)."""

    item: ReadingItem
    findings: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class FollowUp:
    date: str  # ISO date (YYYY-MM-DD)
    result: str
    measure: str = ""


@dataclass(frozen=True)
class Question:
    """The COPES practice question."""

    client: str = ""
    option: str = ""
    comparison: str = ""
    expected_outcome: str = ""
    question_type: str = ""


@dataclass(frozen=True)
class Workspace:
    name: str
    case: str = ""  # de-identified case text
    question: Question = field(default_factory=Question)
    evidence: tuple[Evidence, ...] = ()
    notes: str = ""
    decision: str = ""  # what was decided with the client
    measures: str = ""  # planned outcome measures
    follow_ups: tuple[FollowUp, ...] = ()
    keep: tuple[str, ...] = ()  # words the user said are no identifier (not masked again)
    lang: str = "id"  # language of the placeholders
    id: str = ""  # the store's key, given at the first save
    created: str = ""
    updated: str = ""

    def masked(self) -> Workspace:
        """This workspace with every free text de-identified (masked text stays as it is)."""

        # One numbering for the whole case: a person keeps their number across the texts, and a name typed
        # later (into a note) gets a number after those already in the workspace.
        texts = [self.name, self.case, self.notes, self.decision, self.measures, *(f.result for f in self.follow_ups)]
        taken = [int(n) for text in texts for n in _NUMBERED.findall(text)]
        people: list[set[str]] = [{f"\0{i}"} for i in range(max(taken, default=0))]

        def m(text: str) -> str:
            return deidentify(text, self.lang, keep=self.keep, people=people).text if text else text

        case = m(self.case)
        q = self.question
        question = Question(m(q.client), m(q.option), m(q.comparison), m(q.expected_outcome), q.question_type)
        return replace(
            self,
            name=m(self.name),
            case=case,
            question=question,
            notes=m(self.notes),
            decision=m(self.decision),
            measures=m(self.measures),
            evidence=tuple(replace(e, item=replace(e.item, note=m(e.item.note))) for e in self.evidence),
            follow_ups=tuple(FollowUp(f.date, m(f.result), m(f.measure)) for f in self.follow_ups),
        )


def to_json(workspace: Workspace) -> str:
    return json.dumps(asdict(workspace), ensure_ascii=False)


def from_json(text: str) -> Workspace:
    data: dict[str, Any] = json.loads(text)
    evidence = []
    for e in data.get("evidence", []):
        item = dict(e["item"])
        item["level"] = Level(**item["level"])
        item["authors"], item["pages"] = tuple(item.get("authors", ())), tuple(item.get("pages", ()))
        evidence.append(Evidence(ReadingItem(**item), tuple(Quote(**q) for q in e.get("findings", []))))
    return Workspace(
        name=data["name"],
        case=data.get("case", ""),
        question=Question(**data.get("question", {})),
        evidence=tuple(evidence),
        notes=data.get("notes", ""),
        decision=data.get("decision", ""),
        measures=data.get("measures", ""),
        follow_ups=tuple(FollowUp(**f) for f in data.get("follow_ups", [])),
        keep=tuple(data.get("keep", ())),
        lang=data.get("lang", "id"),
        created=data.get("created", ""),
        updated=data.get("updated", ""),
    )


@dataclass(frozen=True)
class Summary:
    id: str
    name: str  # empty for an encrypted workspace
    created: str
    updated: str
    encrypted: bool

    def label(self) -> str:
        return self.name or f"🔒 {self.id} ({self.updated[:10]})"


class CaseStore:
    """All workspaces in one SQLite file; a short-lived connection per call (Streamlit's threads)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        open_versioned(path, MIGRATIONS[:SCHEMA_VERSION], CaseError, _PRAGMAS)

    @classmethod
    def in_index(cls, index_dir: Path) -> CaseStore:
        """The workspaces kept beside the search index (in their own file)."""
        return cls(Path(index_dir) / DB_NAME)

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        return write_transaction(self.path, _PRAGMAS)

    def summaries(self) -> list[Summary]:
        with self._transaction() as conn:
            rows = conn.execute("SELECT id, name, created, updated, encrypted FROM workspaces").fetchall()
        out = (Summary(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows)
        return sorted(out, key=lambda s: (s.updated, s.id), reverse=True)

    def names(self) -> list[str]:
        """The names of the workspaces that are not encrypted."""
        return [s.name for s in self.summaries() if s.name]

    def is_encrypted(self, key: str) -> bool:
        return any(s.encrypted for s in self.summaries() if key in (s.id, s.name))

    def save(self, workspace: Workspace, passphrase: str = "") -> Workspace:
        """Write ``workspace`` de-identified (a new one, or over the one with its id); encrypted when a passphrase
        is given. Returns what was written."""
        now = _now()
        name = _clean_name(deidentify(workspace.name, workspace.lang, keep=workspace.keep).text)
        key = workspace.id or uuid.uuid4().hex[:12]
        written = replace(workspace.masked(), name=name, id=key, updated=now, created=workspace.created or now)
        data = to_json(written).encode("utf-8")
        salt, content = crypto.encrypt(data, passphrase) if passphrase else (None, data)
        with self._transaction() as conn:
            clash = conn.execute("SELECT id FROM workspaces WHERE name = ? AND id != ?", (name, key)).fetchone()
            if clash and not passphrase:
                raise CaseError(f"a workspace named {name!r} already exists")
            conn.execute("DELETE FROM workspaces WHERE id = ?", (key,))
            conn.execute(
                "INSERT INTO workspaces (id, name, created, updated, encrypted, salt, content)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, "" if passphrase else name, written.created, now, int(bool(passphrase)), salt, content),
            )
        return written

    def get(self, key: str, passphrase: str = "") -> Workspace:
        """The workspace with this id (or this name, when it is not encrypted)."""
        row_id, salt, content, encrypted = self._row(key)
        if encrypted:
            if not passphrase:
                raise crypto.WrongPassphrase(f"the workspace {key!r} is encrypted: give its passphrase")
            content = crypto.decrypt(content, salt or b"", passphrase)
        return replace(from_json(bytes(content).decode("utf-8")), id=row_id)

    def delete(self, key: str) -> None:
        """Delete a workspace and compact the file, so none of its words stay on the disk."""
        row_id = self._row(key)[0]
        with self._transaction() as conn:
            conn.execute("DELETE FROM workspaces WHERE id = ?", (row_id,))
        with closing(sqlite3.connect(self.path, timeout=30, isolation_level=None)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("VACUUM")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def export_file(self, key: str) -> bytes:
        """One workspace as a file (JSON; an encrypted one stays encrypted, its name too)."""
        _, salt, content, encrypted = self._row(key)
        payload: dict[str, Any] = {"format": FILE_FORMAT, "version": SCHEMA_VERSION, "encrypted": encrypted}
        if encrypted:
            payload |= {"salt": base64.b64encode(salt or b"").decode(), "content": bytes(content).decode("ascii")}
        else:
            payload["workspace"] = json.loads(bytes(content).decode("utf-8"))
            payload["name"] = payload["workspace"]["name"]
        return json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")

    def import_file(self, data: bytes) -> Summary:
        """Add a workspace exported by ``export_file`` (under a new id); returns its line in the list."""
        try:
            payload = json.loads(data.decode("utf-8"))
            if payload.get("format") != FILE_FORMAT:
                raise ValueError("not an ebp case file")
            encrypted, name = bool(payload["encrypted"]), ""
            if encrypted:
                salt, content = base64.b64decode(payload["salt"]), payload["content"].encode("ascii")
            else:
                workspace = from_json(json.dumps(payload["workspace"]))
                name = _clean_name(workspace.name)
                salt, content = None, to_json(replace(workspace.masked(), name=name)).encode("utf-8")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise CaseError(f"not a workspace file exported by ebp ({exc})") from exc
        key, now = uuid.uuid4().hex[:12], _now()
        with self._transaction() as conn:
            if name and conn.execute("SELECT 1 FROM workspaces WHERE name = ?", (name,)).fetchone():
                raise CaseError(f"a workspace named {name!r} already exists")
            conn.execute(
                "INSERT INTO workspaces (id, name, created, updated, encrypted, salt, content)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, name, now, now, int(encrypted), salt, content),
            )
        return Summary(key, name, now, now, encrypted)

    def _row(self, key: str) -> tuple[str, bytes | None, bytes, bool]:
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT id, salt, content, encrypted FROM workspaces WHERE id = ? OR (name = ? AND name != '')",
                (key, key),
            ).fetchone()
        if row is None:
            raise CaseError(f"no workspace named {key!r}")
        content = row[2].encode("utf-8") if isinstance(row[2], str) else bytes(row[2])
        return row[0], row[1], content, bool(row[3])


def add_follow_up(workspace: Workspace, date: str, result: str, measure: str = "") -> Workspace:
    """The workspace with one more outcome entry, the log kept in date order."""
    try:
        datetime.strptime(date, "%Y-%m-%d")
    except ValueError as exc:
        raise CaseError(f"a follow-up needs a date as YYYY-MM-DD, got {date!r}") from exc
    entries = sorted((*workspace.follow_ups, FollowUp(date, result.strip(), measure.strip())), key=lambda f: f.date)
    return replace(workspace, follow_ups=tuple(entries))


def _clean_name(name: str) -> str:
    clean = " ".join(str(name or "").split())[:MAX_NAME]
    if not clean:
        raise CaseError("a workspace needs a name")
    return clean


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
