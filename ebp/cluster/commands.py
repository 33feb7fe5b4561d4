"""``ebp index --shards N``, ``ebp search`` over a sharded index (here or on Ray Serve, ``--cluster``) and ``ebp serve
--cluster``: the command line's sharded paths.

Kept here so that ``ebp.cli`` only asks whether an index folder is sharded (``ebp.cluster.shards.is_sharded``)
and hands over. A sharded index answers ``ebp search`` and ``ebp brief`` as a laptop index does.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ebp.cluster.shards import build, is_sharded
from ebp.config import Settings
from ebp.errors import EbpError
from ebp.ingest.pipeline import IngestReport

if TYPE_CHECKING:
    from ebp.answer import Request


def index(corpus: Path, settings: Settings, shards: int | None, rebuild: bool) -> int:
    """Build or update the sharded index in ``settings.index_dir``; print one line per shard built and a total."""
    from ebp.embed.lazy import LazyEmbedder
    from ebp.index.store import DB_NAME

    index_dir = settings.index_dir
    if (index_dir / DB_NAME).exists():
        raise EbpError(f"{index_dir} holds a single (laptop) index; give the sharded one its own folder with --index")
    if rebuild:
        raise EbpError("--rebuild of a sharded index: remove its folder and index again with --shards N")
    if shards is not None and shards < 1:
        raise EbpError(f"--shards must be at least 1, got {shards}")
    if shards is not None and is_sharded(index_dir):
        print(f"{index_dir} is already sharded: --shards is used only by a first build", file=sys.stderr)
    embedder = LazyEmbedder(settings.model, settings.batch_size, settings.embed_precision)

    def built(name: str, report: IngestReport) -> None:
        print(f"{name}: documents {report.documents}, passages {report.passages}, embedded {report.embedded}, "
              f"skipped {len(report.skipped)}, failed {len(report.failed)}", file=sys.stderr)  # fmt: skip

    manifest = build(corpus, index_dir, settings, embedder, shards or 1, on_shard=built)
    documents = sum(len(s.documents) for s in manifest.shards)
    print(f"shards {len(manifest.shards)}, documents {documents}, manifest generation {manifest.generation}",
          file=sys.stderr)  # fmt: skip
    return 0


def answer(request: Request, settings: Settings, cluster: str | None = None) -> str:
    """``ebp search`` or ``ebp brief`` over the shards, with the laptop's text and JSON: searched here, or by the
    search app on the Ray cluster at ``cluster`` (``ebp serve --cluster``); the brief reads each document from its
    own shard (``ebp.cluster.sharded.ShardedStore``)."""
    from ebp import answer as answering

    if not is_sharded(settings.index_dir):
        raise EbpError(f"--cluster searches a sharded index; {settings.index_dir} is none (ebp index --shards N)")
    if cluster:
        import contextlib

        from ebp.cluster.router import ClusterSearcher

        with contextlib.redirect_stdout(sys.stderr):  # Ray prints its own warnings to stdout: keep it for the answer
            searcher = ClusterSearcher(settings.index_dir, cluster, settings.model)
            return answering.answer(request, settings, searcher)
    from ebp import embed
    from ebp.cluster.sharded import ShardedSearcher

    embedder = embed.load_embedder(settings.model, settings.batch_size, settings.embed_precision)
    return answering.answer(request, settings, ShardedSearcher(settings.index_dir, embedder))


def serve(settings: Settings, cluster: str, replicas: int) -> int:
    """``ebp serve --cluster ADDRESS``: deploy the sharded index's search app (one deployment per shard, ``replicas``
    copies each, and the router). On an existing cluster the app stays after this command; with 'local' Ray lives
    in this process, so it serves until Ctrl-C."""
    from ebp.cluster.router import deploy

    if not is_sharded(settings.index_dir):
        raise EbpError(f"{settings.index_dir} is not a sharded index: build one with `ebp index CORPUS --shards N`")
    deploy(settings, cluster, replicas)
    ask = f'ebp search "CASE" --index {settings.index_dir} --cluster {cluster}'
    print(f"search app deployed on {cluster} ({replicas} replica(s) a shard); ask it: {ask}", file=sys.stderr)
    if cluster == "local":
        import time

        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0
