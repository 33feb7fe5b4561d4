"""Files into the corpus folder from the app: checked by content, safely named, never overwriting.

``save_upload`` accepts a PDF only when its bytes say so (``%PDF-`` near the start, as readers
require), not because of its name; it strips any folder part from the name, keeps a conservative
character set, and claims the final name atomically, so an existing file is never replaced unless
the user asked for it (``replace=True``): the same content is reported as a duplicate, other
content gets a numbered name. A corpus quota caps the total size of the corpus folder.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ebp.ingest.parse import has_pdf_header

MAGIC_WINDOW = 1024  # PDF readers accept a header anywhere in the first 1024 bytes
MAX_STEM = 100
MB = 1024 * 1024
UPLOADS = "uploads"  # the user's own files, apart from the bundled ones (git ignores corpus/uploads/)
FOLDERS = (UPLOADS, f"{UPLOADS}/case_studies")  # where an upload may go: articles, or practice case studies
REMOVED = ".removed"  # files removed from the app: moved here (hidden, so not indexed), never deleted
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


@dataclass(frozen=True)
class SavedUpload:
    """What became of one uploaded file."""

    name: str  # as uploaded
    status: str  # saved | renamed | replaced | duplicate | not_a_pdf | too_large | over_quota | empty
    path: str = ""  # corpus-relative path of the stored (or identical existing) file
    reason: str = ""


def is_pdf(data: bytes) -> bool:
    """True when the bytes carry a PDF header.

    Example: ``is_pdf(b"%PDF-1.7 ...") and not is_pdf(b"<html>")``
    """
    return has_pdf_header(data[:MAGIC_WINDOW])


def safe_filename(name: str, suffix: str = ".pdf") -> str:
    """A file name that stays in its folder, is visible to the indexer and ends in ``suffix``.

    Example: ``safe_filename("../../etc/Studi Kasus (final).PDF") == "Studi_Kasus_final.pdf"``
    """
    base = re.split(r"[\\/]", unicodedata.normalize("NFKC", str(name)))[-1]
    if base.lower().endswith(suffix):
        base = base[: -len(suffix)]
    # Accents go ("café" → "cafe"); any other non-ASCII character separates words ("ibu—korban").
    decomposed = unicodedata.normalize("NFKD", base)
    ascii_base = "".join(c if c.isascii() else "" if unicodedata.combining(c) else "_" for c in decomposed)
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_base)
    stem = re.sub(r"([._-])[._-]+", r"\1", stem).strip("._- ")[:MAX_STEM].rstrip("._-")
    if not stem:
        stem = "upload"
    if stem.lower() in _RESERVED or stem.lower().startswith("readme"):  # README* files are not indexed
        stem = f"doc_{stem}"
    return stem + suffix


def save_uploads(
    corpus_dir: Path,
    files: Sequence[tuple[str, bytes]],
    max_mb: float,
    folder: str = UPLOADS,
    index_dir: Path | None = None,
    quota_mb: float = 0.0,
    replace: bool = False,
) -> list[SavedUpload]:
    """Store uploaded ``(name, bytes)`` files, one ``SavedUpload`` each, in order.

    A file whose content is already in the corpus (as the index last saw it, or earlier in this
    batch) is a duplicate wherever it lies and whatever its name. With ``quota_mb`` > 0 the corpus
    folder never grows beyond it: files that would pass it are refused (``over_quota``).
    """
    known = indexed_hashes(index_dir) if index_dir is not None else {}
    room = quota_mb * MB - corpus_bytes(corpus_dir) if quota_mb > 0 else float("inf")
    out = []
    for name, data in files:
        result = save_upload(corpus_dir, name, data, max_mb, folder, known, room, replace)
        if result.status in {"saved", "renamed", "replaced"}:
            known[hashlib.sha256(data).hexdigest()] = result.path
            room -= len(data)
        out.append(result)
    return out


def corpus_bytes(corpus_dir: Path) -> int:
    """Total size of the files in the corpus folder (0 when it does not exist yet)."""
    return sum(p.stat().st_size for p in corpus_dir.rglob("*") if p.is_file()) if corpus_dir.is_dir() else 0


def indexed_hashes(index_dir: Path) -> dict[str, str]:
    """SHA-256 → corpus-relative path of every file the index has seen (empty without an index)."""
    from ebp.index.store import DB_NAME, Store

    if not (index_dir / DB_NAME).exists():
        return {}
    store = Store.open_existing(index_dir)
    with store.connect() as conn:
        return {record.sha256: path for path, record in Store.files(conn).items() if record.sha256}


def save_upload(
    corpus_dir: Path,
    name: str,
    data: bytes,
    max_mb: float,
    folder: str = UPLOADS,
    known: Mapping[str, str] | None = None,
    room_bytes: float = float("inf"),
    replace: bool = False,
) -> SavedUpload:
    """Store one uploaded PDF under ``corpus_dir/folder``; replaces an existing file only if ``replace``.

    ``known`` maps the SHA-256 of files already in the corpus to their paths: such content is a duplicate.
    ``room_bytes`` is what the corpus quota still allows.
    """
    if folder not in FOLDERS:
        raise ValueError(f"uploads go to one of {FOLDERS}, not {folder!r}")
    if not data:
        return SavedUpload(name, "empty", reason="the file has no bytes")
    if len(data) > max_mb * MB:
        return SavedUpload(name, "too_large", reason=f"{len(data) / MB:.1f} MB is above the {max_mb:g} MB limit")
    if not is_pdf(data):
        return SavedUpload(name, "not_a_pdf", reason="the content does not start with %PDF-")
    digest = hashlib.sha256(data).hexdigest()
    if known and digest in known and (corpus_dir / known[digest]).is_file():
        return SavedUpload(name, "duplicate", known[digest], "the same file is already in the corpus")
    if len(data) > room_bytes:
        left = max(0.0, room_bytes) / MB
        return SavedUpload(
            name, "over_quota", reason=f"the corpus quota leaves {left:.1f} MB; this file is {len(data) / MB:.1f} MB"
        )
    target_dir = corpus_dir / folder
    target_dir.mkdir(parents=True, exist_ok=True)
    wanted = safe_filename(name)
    tmp = target_dir / f".upload-{uuid.uuid4().hex}.part"  # hidden: the indexer skips it
    try:
        with tmp.open("xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        for candidate in _candidates(wanted):
            target = target_dir / candidate
            if target.exists():
                if _sha256(target) == digest:
                    return SavedUpload(
                        name, "duplicate", _relative(target, corpus_dir), "the same file is already there"
                    )
                if replace:
                    os.replace(tmp, target)  # atomic: readers see the old file or the new one
                    return SavedUpload(name, "replaced", _relative(target, corpus_dir), "the older file was replaced")
                continue
            if _claim(tmp, target):
                status = "saved" if candidate == wanted else "renamed"
                reason = "" if status == "saved" else f"{wanted} already exists with other content"
                return SavedUpload(name, status, _relative(target, corpus_dir), reason)
        raise RuntimeError("unreachable: _candidates is endless")
    finally:
        tmp.unlink(missing_ok=True)


def _candidates(wanted: str) -> Iterator[str]:
    stem, suffix = wanted.rsplit(".", 1)
    yield wanted
    number = 2
    while True:
        yield f"{stem}-{number}.{suffix}"
        number += 1


def _claim(tmp: Path, target: Path) -> bool:
    """Give ``tmp``'s content the name ``target`` unless that name exists (atomic where links work)."""
    try:
        os.link(tmp, target)  # fails if target exists: no check-then-write race
        return True
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links: exclusive create, then copy
        try:
            with target.open("xb") as out:
                out.write(tmp.read_bytes())
            return True
        except FileExistsError:
            return False


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def corpus_file(corpus_dir: Path, rel_path: str) -> Path | None:
    """The file of a document, or None when it is gone or its path would leave the corpus folder.

    Example: ``corpus_file(Path("corpus"), "../secret.txt") is None``
    """
    root = corpus_dir.resolve()
    path = (root / rel_path).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path


def remove_file(corpus_dir: Path, rel_path: str) -> Path:
    """Take a document's file out of the corpus: it moves to ``corpus/.removed/`` (which the indexer skips),
    from where the user can put it back; the next indexing run retires it from the index. Returns the new place.

    Example: ``remove_file(Path("corpus"), "uploads/a.pdf") == Path("corpus/.removed/uploads/a.pdf")``
    """
    source = corpus_file(corpus_dir, rel_path)
    if source is None:
        raise FileNotFoundError(f"{rel_path} is not a file in the corpus folder")
    target_dir = corpus_dir / REMOVED / Path(rel_path).parent
    target_dir.mkdir(parents=True, exist_ok=True)
    for candidate in _candidates(source.name if "." in source.name else f"{source.name}.file"):
        target = target_dir / candidate
        if not target.exists():
            os.replace(source, target)
            return target
    raise RuntimeError("unreachable: _candidates is endless")
