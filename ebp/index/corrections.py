"""The user's corrections to how a document is described, and the documents they hid.

A practitioner knows better than the describe and appraise stages when they are wrong: a title read
from a running header, a missing year, a narrative review labelled a systematic one, the demo files
they do not want in their results. Corrections are kept by the document's path in
``corrections.json`` beside the index (like the reading lists), not in the index itself, so they
survive re-indexing, a changed file and ``ebp index --rebuild``. The store applies them whenever it
reads a document; filters, cards, the brief and every export therefore see the corrected values.

Example: ``Corrections(index_dir).set("a.pdf", Correction(year=1997))`` and from then on the store's
documents for ``a.pdf`` have ``info.year == 1997``.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from ebp.types import Design, DocType, StoredDocument

FILE_NAME = "corrections.json"


@dataclass(frozen=True)
class Correction:
    """What the user set for one document; None keeps ebp's own value."""

    title: str | None = None
    authors: tuple[str, ...] | None = None
    year: int | None = None
    design: str | None = None
    doc_type: str | None = None
    hidden: bool = False  # left out of searches, topics and counts until shown again

    def __post_init__(self) -> None:
        if self.design is not None and self.design not in {d.value for d in Design}:
            raise ValueError(f"unknown study design {self.design!r}")
        if self.doc_type is not None and self.doc_type not in {d.value for d in DocType}:
            raise ValueError(f"unknown document kind {self.doc_type!r}")
        if self.year is not None and not 1800 <= self.year <= 2100:
            raise ValueError(f"a publication year between 1800 and 2100, not {self.year}")
        if self.title is not None and not self.title.strip():
            raise ValueError("a title cannot be empty")

    @property
    def empty(self) -> bool:
        return self == Correction()

    def apply(self, doc: StoredDocument) -> StoredDocument:
        """``doc`` as the user described it."""
        info = doc.info
        info = replace(
            info,
            title=self.title if self.title is not None else info.title,
            authors=self.authors if self.authors is not None else info.authors,
            year=self.year if self.year is not None else info.year,
        )
        appraisal = doc.appraisal
        if self.design is not None:
            appraisal = replace(appraisal, design=Design(self.design), confidence=1.0, needs_checking=False, cues=())
        doc_type = DocType(self.doc_type) if self.doc_type is not None else doc.doc_type
        corrected = [f.name for f in fields(self) if f.name != "hidden" and getattr(self, f.name) is not None]
        extra = {**doc.extra, "corrected": corrected, "hidden": self.hidden}
        return replace(doc, info=info, appraisal=appraisal, doc_type=doc_type, extra=extra)


def _to_json(correction: Correction) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(correction).items() if v not in (None, False)}


def _from_json(raw: dict[str, Any]) -> Correction:
    known = {f.name for f in fields(Correction)}
    values = {k: v for k, v in raw.items() if k in known}
    if values.get("authors") is not None:
        values["authors"] = tuple(str(a) for a in values["authors"])
    return Correction(**values)


class Corrections:
    """The corrections file of one index folder; re-read when it changes on disk."""

    def __init__(self, index_dir: Path) -> None:
        self.path = Path(index_dir) / FILE_NAME
        self._lock = threading.Lock()
        self._seen: tuple[float, int] | None = None
        self._cache: dict[str, Correction] = {}

    def all(self) -> dict[str, Correction]:
        with self._lock:
            try:
                stat = self.path.stat()
            except FileNotFoundError:
                self._seen, self._cache = None, {}
                return {}
            key = (stat.st_mtime, stat.st_size)
            if key != self._seen:
                raw = json.loads(self.path.read_text(encoding="utf-8") or "{}")
                self._cache = {path: _from_json(value) for path, value in raw.items()}
                self._seen = key
            return dict(self._cache)

    def get(self, path: str) -> Correction:
        return self.all().get(path, Correction())

    def apply(self, doc: StoredDocument) -> StoredDocument:
        correction = self.all().get(doc.path)
        return correction.apply(doc) if correction is not None else doc

    def set(self, path: str, correction: Correction) -> None:
        """Keep ``correction`` for ``path`` (an empty one removes the entry); written atomically."""
        current = self.all()
        if correction.empty:
            current.pop(path, None)
        else:
            current[path] = correction
        self._write({p: _to_json(c) for p, c in sorted(current.items())})

    def _write(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".corrections.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, indent=2)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        with self._lock:
            self._seen = None
