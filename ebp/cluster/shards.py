"""A library split into shards: each shard an ordinary ebp index folder, listed in a manifest.

Layout of a sharded index folder::

    index/manifest.json     which shards make the library, each with its documents (path → SHA-256) and
                            the generation it was last built to, and the library's own generation
    index/shard-000/        an ordinary index folder (SQLite + FAISS + BM25), built by ``ebp.ingest``
    index/shard-001/ …

Documents are sharded whole. A first build spreads the files over ``shards`` shards by size, in path order;
after that a document stays in its shard, a new document goes to the open (last) shard, and only the shards
whose documents were added, changed or removed are built again — so adding ten documents to a large library
rebuilds one shard. The shards a build changes first prepare their next generation (searches go on reading the
live one), then the manifest moves, then they switch, one after another in a moment. The manifest is written to
a temporary file, flushed and renamed over the old one, so a reader sees the old manifest or the new one.
Nothing here imports Ray: the same folders are what the Ray ingest (``ebp.cluster.ingest``) writes and what
``ebp.cluster.sharded`` searches.

Example::

    report = build(Path("corpus"), Path("index"), settings, embedder, shards=4)
    read_manifest(Path("index")).shards[0].name == "shard-000"
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ebp.config import Settings
from ebp.embed import Embedder
from ebp.errors import EbpError, IndexMissingError
from ebp.index.generations import Generations
from ebp.index.store import SHARD_MANIFEST, Store
from ebp.ingest.pipeline import IngestReport, Source, file_sha256, ingest_sources, scan

MANIFEST = SHARD_MANIFEST
VERSION = 1


@dataclass(frozen=True)
class Shard:
    name: str  # its folder under the sharded index folder
    generation: int  # how many times it was built
    documents: dict[str, str] = field(default_factory=dict)  # path relative to the corpus → SHA-256
    passages: int = 0  # passages in its live generation after its last build


@dataclass(frozen=True)
class Manifest:
    generation: int
    shards: tuple[Shard, ...]

    def shard_of(self) -> dict[str, str]:
        """Document path → the name of the shard holding it."""
        return {path: shard.name for shard in self.shards for path in shard.documents}


def is_sharded(index_dir: Path) -> bool:
    """Whether ``index_dir`` is a sharded index (it holds a manifest)."""
    return (Path(index_dir) / MANIFEST).is_file()


def manifest_stamp(index_dir: Path) -> tuple[int, int, int]:
    """The manifest file's (inode, mtime, size). A build renames a new manifest into place, so this changes with
    every build: a reader parses the manifest, which lists every document, only when it changed. No manifest is a
    clear error."""
    try:
        info = (Path(index_dir) / MANIFEST).stat()
    except FileNotFoundError:
        raise IndexMissingError(f"no sharded index at {index_dir}: run `ebp index --shards N` first") from None
    return info.st_ino, info.st_mtime_ns, info.st_size


def read_manifest(index_dir: Path) -> Manifest | None:
    """The manifest of a sharded index (None when the folder has none); a damaged one is a clear error."""
    path = Path(index_dir) / MANIFEST
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise EbpError(f"{path} is a version {data.get('version')} manifest; this ebp reads version {VERSION}")
        shards = tuple(
            Shard(s["name"], int(s["generation"]), dict(s["documents"]), int(s.get("passages", 0)))
            for s in data["shards"]
        )
        return Manifest(int(data["generation"]), shards)
    except (ValueError, KeyError, TypeError) as exc:
        raise EbpError(f"the shard manifest {path} is damaged ({exc}); rebuild with `ebp index --shards N`") from exc


def write_manifest(index_dir: Path, manifest: Manifest) -> None:
    """Write the manifest atomically: a temporary file in the same folder, flushed, renamed over the old one."""
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    data = {
        "version": VERSION,
        "generation": manifest.generation,
        "shards": [
            {"name": s.name, "generation": s.generation, "documents": s.documents, "passages": s.passages}
            for s in manifest.shards
        ],
    }
    fd, tmp = tempfile.mkstemp(prefix=".manifest-", suffix=".json", dir=index_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, index_dir / MANIFEST)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    directory = os.open(index_dir, os.O_RDONLY)
    try:
        os.fsync(directory)  # the rename itself survives a crash
    finally:
        os.close(directory)


def plan(
    files: dict[str, str], sizes: dict[str, int], manifest: Manifest | None, shards: int, capacity: int = 2_000_000
) -> dict[str, dict[str, str]]:
    """Which documents each shard should hold (shard name → path → SHA-256).

    With no manifest, the files are spread over ``shards`` shards in path order, each shard taking files
    until it holds its share of the bytes. With one, a document stays where it is and a new document goes to
    the open (last) shard, or to a new shard once the open one holds ``capacity`` passages; a document no longer
    in ``files`` leaves its shard.

    Example: ``plan({"a": "1", "b": "2"}, {"a": 5, "b": 5}, None, 2)`` is
    ``{"shard-000": {"a": "1"}, "shard-001": {"b": "2"}}``
    """
    if manifest is None:
        if shards < 1:
            raise ValueError(f"a library needs at least one shard, got {shards}")
        names = [_name(i) for i in range(shards)]
        out: dict[str, dict[str, str]] = {name: {} for name in names}
        share, done, i = max(sum(sizes.values()), 1) / shards, 0, 0
        for path in sorted(files):
            while i < shards - 1 and done >= share * (i + 1):
                i += 1
            out[names[i]][path] = files[path]
            done += sizes.get(path, 0)
        return out
    out = {s.name: {} for s in manifest.shards}
    where = manifest.shard_of()
    open_shard = manifest.shards[-1].name
    if manifest.shards[-1].passages >= capacity and any(path not in where for path in files):
        open_shard = _name(len(manifest.shards))
        out[open_shard] = {}
    for path in sorted(files):
        out[where.get(path, open_shard)][path] = files[path]
    return out


def build(
    corpus_dir: Path,
    index_dir: Path,
    settings: Settings,
    embedder: Embedder,
    shards: int = 1,
    on_shard: Callable[[str, IngestReport], None] | None = None,
) -> Manifest:
    """Bring the sharded index in ``index_dir`` up to date with ``corpus_dir``: build the shards whose documents
    changed (each an ordinary ingest into its own folder), then move the manifest. ``shards``: how many shards a
    first build makes (later builds keep the existing ones)."""
    paths = scan(corpus_dir)
    sources = [Source(p.relative_to(corpus_dir).as_posix(), file_sha256(p), path=p) for p in paths]
    sizes = {p.relative_to(corpus_dir).as_posix(): p.stat().st_size for p in paths}
    return build_sources(sources, sizes, index_dir, settings, embedder, shards, on_shard, corpus_dir)


def build_sources(
    sources: Sequence[Source],
    sizes: Mapping[str, int],
    index_dir: Path,
    settings: Settings,
    embedder: Embedder,
    shards: int = 1,
    on_shard: Callable[[str, IngestReport], None] | None = None,
    corpus_dir: Path | None = None,
) -> Manifest:
    """``build`` for documents given as ``ebp.ingest`` sources (files under ``corpus_dir``, or parsed documents
    such as BEIR's), with their sizes for the first split."""
    by_path = {s.rel_path: s for s in sources}
    manifest = read_manifest(index_dir)
    wanted = plan({p: s.sha256 for p, s in by_path.items()}, dict(sizes), manifest, shards, settings.shard_passages)
    before = {s.name: s for s in manifest.shards} if manifest else {}
    built: list[Shard] = []
    prepared: list[tuple[Path, int]] = []  # shards searched today whose next generation waits for the manifest
    for name, documents in wanted.items():
        old = before.get(name)
        folder = Path(index_dir) / name
        if old is not None and old.documents == documents and folder.is_dir():
            _finish_switch(folder)
            built.append(old)
            continue
        # A shard the manifest already lists is switched only after the manifest moves; a new one at once (no
        # searcher opens it before the new manifest lists it).
        report = ingest_sources([by_path[p] for p in documents], replace(settings, index_dir=folder), embedder,
                                corpus_dir, switch=old is None)  # fmt: skip
        if not report.switched:
            prepared.append((folder, report.generation))
        if on_shard is not None:
            on_shard(name, report)
        built.append(Shard(name, (old.generation if old else 0) + 1, documents, report.passages))
    if manifest is not None and tuple(built) == manifest.shards:
        return manifest  # nothing changed: the manifest stays as it is
    new = Manifest((manifest.generation if manifest else 0) + 1, tuple(built))
    write_manifest(index_dir, new)
    for folder, generation in prepared:  # then the shards switch, one after another in a moment
        Generations(folder).switch(Store.open_existing(folder), generation)
    return new


def _finish_switch(folder: Path) -> None:
    """Switch a shard whose next generation was prepared but never made live: a build stopped after its manifest
    moved and before the shard switched (before the manifest moved, the shard counts as changed and is built)."""
    store = Store.open_existing(folder)
    generations, live = Generations(folder), store.generation()
    if generations.published(live + 1):
        generations.switch(store, live + 1)


def _name(i: int) -> str:
    return f"shard-{i:03d}"
