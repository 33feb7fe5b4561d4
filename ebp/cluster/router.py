"""Search on a Ray cluster: the shards of a sharded index as Ray Serve replicas behind one router (issue 16).

    ebp serve --cluster ADDRESS --index big [--replicas 2]   # deploy the search app on the cluster
    ebp search "CASE" --cluster ADDRESS --index big           # ask it (JSON as with a laptop index)

The router (``Router``) embeds the case once, builds the BM25 queries and the Indonesian bridge once, fans the calls
out to one deployment per shard (``ShardReplica``, ``replicas`` copies each) and fuses them as the laptop does, by
the same ``ebp.cluster.sharded.search_shards`` that searches a sharded index in one process: one code path, the
shards local or remote. The router keeps the shards' BM25 statistics and English vocabulary, merged, for their
generations (``ebp.cluster.summaries``), so a case needs two rounds of calls (propose, then candidates; a shown
document that came light needs a third).
Each replica opens its shard folder (on storage every node sees) and follows that folder's
generations as a laptop's searcher does, so a rebuilt shard is served on the next query. A shard added by a later
build (the open one was full) needs the app deployed again; the router says so in one line.

Imported only for ``--cluster``: the laptop never imports ray.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ebp.cluster.sharded import ShardedStore, ShardService, search_shards
from ebp.cluster.shards import manifest_stamp, read_manifest
from ebp.cluster.summaries import LibraryStats
from ebp.config import Settings
from ebp.embed import Embedder, load_embedder
from ebp.embed.lazy import LazyEmbedder
from ebp.errors import EbpError, IndexMissingError
from ebp.index.store import Store
from ebp.retrieve.search import Searcher, checked_request
from ebp.types import DocumentHit, SearchOptions

log = logging.getLogger(__name__)

APP = "ebp"  # the Serve application's name on the cluster


def _shard_names(index_dir: Path) -> tuple[str, ...]:
    manifest = read_manifest(index_dir)
    if manifest is None:
        raise IndexMissingError(f"no sharded index at {index_dir}: run `ebp index --shards N` first")
    return tuple(s.name for s in manifest.shards)


class ShardReplica(ShardService):
    """One shard folder's searcher as a Serve replica. It never loads the model: the router sends the case's
    vector (the embedder only names the model the shard was built with)."""

    def __init__(self, folder: str, model: str) -> None:
        super().__init__(Searcher(Path(folder), LazyEmbedder(model)))


class RemoteShard:
    """A ``Shard`` (``ebp.cluster.sharded``) answered by a Serve deployment: each call returns its
    ``DeploymentResponse``, so the router asks every shard before it waits for any."""

    sends_light = True  # candidates without their text: a fraction of the bytes on the wire

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.handle, name)
        return lambda *args: method.remote(*args)


class Router:
    """The app's ingress: the case embedded once, the shards asked in parallel, the laptop's fusion."""

    def __init__(self, index_dir: str, settings: Settings, names: Sequence[str], *shards: Any) -> None:
        self.index_dir = Path(index_dir)
        self.names = tuple(names)
        self.embedder = load_embedder(settings.model, settings.batch_size, settings.embed_precision)
        self.shards = [RemoteShard(h) for h in shards]
        self.library = LibraryStats()  # the shards' BM25 statistics and English words, kept per generation
        self._seen: tuple[tuple[int, int, int], tuple[str, ...]] | None = None  # the manifest file's stamp, its shards

    def _served_names(self) -> tuple[str, ...]:
        """The manifest's shard names, parsed again only when the file changed (it lists every document: parsing it
        on every query cost milliseconds)."""
        stamp = manifest_stamp(self.index_dir)
        if self._seen is None or self._seen[0] != stamp:
            self._seen = (stamp, _shard_names(self.index_dir))
        return self._seen[1]

    def search(self, case_text: str, options: SearchOptions | None = None) -> list[DocumentHit]:
        text, opts = checked_request(case_text, options, {})
        if self._served_names() != self.names:
            raise EbpError(
                f"the library at {self.index_dir} has other shards than the app serves: run `ebp serve --cluster` again"
            )
        return search_shards(self.shards, self.embedder, text, opts, self.library)


def connect(address: str) -> Any:
    """Join the Ray cluster at ``address`` ('local': start one in this process, gone when it exits); ``ray.serve``.
    One clear line when the cluster extra is not installed or nothing answers there."""
    try:
        import ray
        from ray import serve
    except ImportError:
        raise EbpError("--cluster needs Ray Serve: pip install -e .[cluster]") from None
    if ray.is_initialized():
        return serve
    _reachable(address)
    try:
        ray.init(address=None if address == "local" else address, logging_level=logging.WARNING, log_to_driver=False)
    except ConnectionError as exc:
        raise EbpError(f"no Ray cluster answers at {address} ({exc}); start one with `ray start --head`") from None
    return serve


def _reachable(address: str) -> None:
    """A clear line at once when nothing listens at a HOST:PORT address (Ray itself retries for minutes)."""
    import socket

    host, _, port = address.rpartition(":")
    if not host or not port.isdigit() or "://" in address:
        return  # 'local', 'auto' or a ray:// client address: Ray's own checks
    try:
        socket.create_connection((host, int(port)), timeout=5).close()
    except OSError as exc:
        raise EbpError(
            f"no Ray cluster answers at {address} ({exc.strerror or exc}); start one with `ray start --head`"
        ) from None


def deploy(settings: Settings, address: str, replicas: int = 1) -> Any:
    """Deploy (or replace) the search app for the sharded index ``settings.index_dir``; its ingress handle.
    ``replicas``: copies of each shard; each replica and the router reserve ``settings.replica_cpus`` CPUs."""
    if replicas < 1:
        raise EbpError(f"--replicas must be at least 1, got {replicas}")
    index_dir = settings.index_dir.resolve()
    names = _shard_names(index_dir)
    serve = connect(address)
    reserved = {"num_cpus": settings.replica_cpus}
    replica = serve.deployment(ShardReplica)
    shards = [
        replica.options(name=name, num_replicas=replicas, ray_actor_options=reserved).bind(
            str(index_dir / name), settings.model
        )
        for name in names
    ]
    router = serve.deployment(Router).options(name="router", ray_actor_options=reserved)
    app = router.bind(str(index_dir), settings, names, *shards)
    return serve.run(app, name=APP, route_prefix=None)


class ClusterSearcher:
    """``ebp search --cluster``: the router's answers, and the shards' stores (read here, on the shared storage) for
    what the command prints around them and the brief. Nothing is embedded in this process."""

    def __init__(self, index_dir: Path, address: str, model: str) -> None:
        serve = connect(address)
        self.index_dir = Path(index_dir)
        names = _shard_names(self.index_dir)
        self.store = ShardedStore([Store.open_existing(self.index_dir / name) for name in names])
        self.embedder: Embedder = LazyEmbedder(model)
        try:
            self.handle = serve.get_app_handle(APP)
        except Exception as exc:  # RayServeException: no controller or no app
            raise EbpError(f"no ebp search app on the cluster at {address}: run `ebp serve --cluster` first") from exc

    def search(self, case_text: str, options: SearchOptions | None = None, **overrides: object) -> list[DocumentHit]:
        text, opts = checked_request(case_text, options, overrides)
        return list(self.handle.search.remote(text, opts).result())
