"""``ebp index --cluster``: the laptop's ingest, with reading and embedding done by Ray actors.

What stays the laptop's: scanning the folder, planning the changes by SHA-256, writing SQLite rows,
FAISS and BM25 files and moving the generation (``ebp.ingest.pipeline`` and ``ebp.index``, called as
they are). What Ray does is the part between: the planned files go through a Ray Data pipeline of two
actor pools,

- readers: each holds an ``IsolatedParser`` (Ray has no per-file timeout; ours kills a worker that
  runs past ``parse_timeout_s`` and the file becomes ``timeout``), then chunks, describes and
  appraises with ``ebp.ingest.prepare`` as the laptop does;
- embedders: each holds the model and writes every document it embeds to the staging folder
  (``ebp.cluster.stage``), one Parquet file per SHA-256, so a crashed run embeds nothing twice.

The pipeline then reads the staged documents in plan order and writes them as an ordinary index
folder (one shard). Ray runs only while there is something to read and embed, and is shut down
before the index is written.

Example::

    for event in run(Path("corpus"), settings, LazyEmbedder(settings.model), options=ClusterOptions()):
        ...  # the same Progress events and IngestReport as ebp.ingest.run
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ebp.cluster.stage import Staged, clear_staging, read_staged, recipe, staged_path, staging_dir, write_staged
from ebp.config import Settings
from ebp.embed import Embedder
from ebp.errors import EbpError
from ebp.ingest.pipeline import IngestReport, Progress, Source
from ebp.ingest.pipeline import run as run_ingest
from ebp.ingest.prepare import Failed, Prepared, limits_of, prepare, prepare_read
from ebp.types import FileReport, FileStatus

log = logging.getLogger(__name__)

LOCAL = "local"


@dataclass(frozen=True)
class ClusterOptions:
    """Where and how wide the cluster part of an ingest runs."""

    address: str = LOCAL
    """``local``: start Ray in this process on ``local_cpus`` CPUs; otherwise an existing cluster's
    address as ``ray.init`` takes it (``auto``, ``HOST:6379``, ``ray://HOST:10001``)."""
    local_cpus: int = 2
    local_object_store_mb: int = 512
    """Shared memory a local instance reserves for Ray's object store (documents pass through it once)."""
    readers: int = 1
    """Reader actors (each with one isolated parser process)."""
    embedders: int = 1
    """Model actors (each loads the model once)."""
    reader_cpus: float = 0.5
    embedder_cpus: float = 1.0
    docs_per_batch: int = 4
    """Documents per call of an actor: a reader parses them one by one, an embedder embeds their passages together."""

    def __post_init__(self) -> None:
        if min(self.local_cpus, self.readers, self.embedders, self.docs_per_batch) < 1:
            raise ValueError(f"cluster sizes must be at least 1: {self}")


@dataclass
class ClusterStats:
    """What the cluster part of a run did: documents read and embedded by actors, and found staged."""

    embedded_documents: int = 0
    staged_before: int = 0
    ray_started: bool = False
    nodes: set[str] = field(default_factory=set)
    """Ray node ids that read or embedded a document."""


def run(
    corpus_dir: Path,
    settings: Settings,
    embedder: Embedder,
    rebuild: bool = False,
    options: ClusterOptions | None = None,
    stats: ClusterStats | None = None,
) -> Iterator[Progress | IngestReport]:
    """``ebp.ingest.run`` with reading and embedding on a Ray cluster. ``embedder`` gives the model's
    name and size (it loads nothing for a known model) and embeds only what the cluster did not."""
    staged = StagedEmbedder(embedder)
    preparer = ClusterPreparer(options or ClusterOptions(), staged, stats or ClusterStats())
    for event in run_ingest(corpus_dir, settings, staged, rebuild, preparer):
        if isinstance(event, IngestReport):  # published: the staged rows are in the index now
            clear_staging(staging_dir(settings.index_dir))
        yield event


class StagedEmbedder:
    """An ``Embedder`` that answers passages with the vectors the cluster staged, text by text, and asks
    the wrapped embedder only for a text it was not given (counted in ``fallbacks``)."""

    def __init__(self, base: Embedder) -> None:
        self.base = base
        self.name = base.name
        self.fallbacks = 0
        self._vectors: dict[str, list[np.ndarray]] = {}

    @property
    def dim(self) -> int:
        return self.base.dim

    def add(self, staged: Staged) -> None:
        if isinstance(staged.outcome, Prepared):
            for passage, vector in zip(staged.outcome.passages, staged.vectors, strict=True):
                self._vectors.setdefault(passage.text, []).append(vector)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        missing = []
        for i, text in enumerate(texts):
            stack = self._vectors.get(text)
            if stack:
                out[i] = stack.pop(0)  # first staged, first used: the order of repeated texts is kept
                if not stack:
                    del self._vectors[text]
            else:
                missing.append(i)
        if missing:
            self.fallbacks += len(missing)
            out[missing] = self.base.embed_passages([texts[i] for i in missing])
        return out

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.base.embed_queries(texts)


@dataclass
class ClusterPreparer:
    """The pipeline's ``Preparer``: stages the planned files not yet staged on Ray, then yields every
    planned file's outcome from the staging folder, in plan order."""

    options: ClusterOptions
    embedder: StagedEmbedder
    stats: ClusterStats = field(default_factory=ClusterStats)

    def __call__(
        self, todo: Sequence[Source], corpus_dir: Path | None, settings: Settings
    ) -> Iterator[Prepared | Failed]:
        folder = staging_dir(settings.index_dir)
        made_by = recipe(settings, self.embedder.name)
        files = [s for s in todo if s.document is None and s.path is not None]
        missing = [s for s in files if read_staged(folder, s.rel_path, s.sha256, made_by) is None]
        self.stats.staged_before += len(files) - len(missing)
        if missing and corpus_dir is not None:
            self.stats.ray_started = True
            with ray_session(self.options):
                count, nodes = stage_on_ray(missing, corpus_dir, settings, self.options, made_by)
                self.stats.embedded_documents += count
                self.stats.nodes |= nodes
        for source in todo:
            if source.document is not None:  # an in-memory document (benchmarks): prepared here, embedded by the base
                yield prepare(source.document, source.sha256, settings)
                continue
            staged = read_staged(folder, source.rel_path, source.sha256, made_by)
            if staged is None:
                reason = "the cluster run did not stage this file (see the Ray logs)"
                yield Failed(FileReport(source.rel_path, FileStatus.ERROR, reason), source.sha256)
                continue
            self.embedder.add(staged)
            yield staged.outcome


@contextmanager
def ray_session(options: ClusterOptions) -> Iterator[None]:
    """Ray for the length of the block: a local instance started here, or a connection to a cluster.
    Always shut down at the end, so no Ray process outlives a local run. A session the caller already
    opened (tests with ``ray.cluster_utils.Cluster``) is used and left open."""
    try:
        import ray  # type: ignore[import-not-found]
    except ImportError as exc:
        raise EbpError("--cluster needs Ray: pip install -e .[cluster]") from exc
    if ray.is_initialized():
        yield
        return
    if options.address == LOCAL:
        context = ray.init(
            num_cpus=options.local_cpus,
            object_store_memory=options.local_object_store_mb * 2**20,
            include_dashboard=False,
            log_to_driver=False,
        )
        from ebp.cluster import reaper

        reaper.start(str(context.address_info["session_dir"]))  # ends Ray's processes should this one be killed
    else:
        ray.init(address=options.address, log_to_driver=False)
    try:
        yield
    finally:
        ray.shutdown()


def stage_on_ray(
    sources: Sequence[Source], corpus_dir: Path, settings: Settings, options: ClusterOptions, made_by: str
) -> tuple[int, set[str]]:
    """Read, prepare and embed ``sources`` with Ray Data actor pools; each lands in the staging folder.
    Returns how many documents were staged, and the ids of the nodes that read or embedded them."""
    import ray  # type: ignore[import-not-found]

    rows = [{"rel_path": s.rel_path, "sha256": s.sha256, "path": str(s.path)} for s in sources]
    dataset = ray.data.from_items(rows, override_num_blocks=max(1, len(rows) // options.docs_per_batch))
    dataset = dataset.map_batches(
        Reader,
        fn_constructor_kwargs={"corpus_dir": str(corpus_dir), "settings": settings},
        batch_size=options.docs_per_batch,
        batch_format="pandas",
        compute=ray.data.ActorPoolStrategy(size=options.readers),
        num_cpus=options.reader_cpus,
    )
    dataset = dataset.map_batches(
        Embedding,
        fn_constructor_kwargs={
            "settings": settings,
            "folder": str(staging_dir(settings.index_dir)),
            "made_by": made_by,
        },
        batch_size=options.docs_per_batch,
        batch_format="pandas",
        compute=ray.data.ActorPoolStrategy(size=options.embedders),
        num_cpus=options.embedder_cpus,
    )
    staged, nodes = 0, set()
    for row in dataset.iter_rows():
        staged += int(row["staged"])
        nodes |= {row["read_on"], row["embedded_on"]}
    return staged, nodes


class Reader:
    """A Ray Data actor: one isolated parser process, kept for the actor's life; prepares what it reads."""

    def __init__(self, corpus_dir: str, settings: Settings) -> None:
        from ebp.ingest.isolate import IsolatedParser

        self.corpus_dir = Path(corpus_dir)
        self.settings = settings
        self.parser = IsolatedParser(limits_of(settings), settings.passwords, workers=1)

    def __call__(self, batch: Any) -> Any:
        paths = [Path(p) for p in batch["path"]]
        outcomes = self.parser.parse_many(paths, self.corpus_dir)
        prepared = [
            prepare_read(rel, sha, outcome.result, self.settings)
            for rel, sha, outcome in zip(batch["rel_path"], batch["sha256"], outcomes, strict=True)
        ]
        out = batch[["rel_path", "sha256"]].copy()
        out["outcome"] = [pickle.dumps(p, protocol=pickle.HIGHEST_PROTOCOL) for p in prepared]
        out["read_on"] = _node_id()
        return out

    def __del__(self) -> None:
        self.parser.close()


class Embedding:
    """A Ray Data actor: the model, loaded once; embeds a batch of documents and stages each of them."""

    def __init__(self, settings: Settings, folder: str, made_by: str) -> None:
        from ebp.embed.lazy import LazyEmbedder

        self.embedder = LazyEmbedder(settings.model, settings.batch_size, settings.embed_precision)
        self.folder = Path(folder)
        self.made_by = made_by

    def __call__(self, batch: Any) -> Any:
        outcomes: list[Prepared | Failed] = [pickle.loads(b) for b in batch["outcome"]]
        texts = [p.text for o in outcomes if isinstance(o, Prepared) for p in o.passages]
        vectors = self.embedder.embed_passages(texts) if texts else np.zeros((0, 0), dtype=np.float32)
        offset = 0
        for rel, sha, outcome in zip(batch["rel_path"], batch["sha256"], outcomes, strict=True):
            size = len(outcome.passages) if isinstance(outcome, Prepared) else 0
            staged = Staged(rel, sha, outcome, vectors[offset : offset + size], self.made_by)
            offset += size
            write_staged(self.folder, staged)
        out = batch[["rel_path", "read_on"]].copy()
        out["embedded_on"] = _node_id()
        out["staged"] = [
            int(staged_path(self.folder, r, s).exists())
            for r, s in zip(batch["rel_path"], batch["sha256"], strict=True)
        ]
        return out


def _node_id() -> str:
    import ray  # type: ignore[import-not-found]

    node: str = ray.get_runtime_context().get_node_id()
    return node
