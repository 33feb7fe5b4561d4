"""The warm search process (``ebp serve``): the model and the index stay loaded between searches.

One process per index folder. It holds an exclusive lock on ``<index>/.warm.lock`` for as long as
it runs, so a second one started at the same moment steps aside, and a socket file whose process
died is known to be stale and replaced. It listens on ``ebp.warm.socket_path`` (mode 0600, and on
Linux it also checks that the caller is this user) and answers one message per connection: a
search or brief (run by ``ebp.answer``, as the command line would run it), its status, or stop.
It reopens the index when an ingest publishes a new generation or rebuilds it, and exits after
``warm_idle_minutes`` without a search, when asked to, or when its socket file is removed.

Privacy: a case is held in memory while it is answered, then dropped; it is never logged, never
written to disk and never sent anywhere but back over the socket it came from.
"""

from __future__ import annotations

import fcntl
import logging
import os
import select
import signal
import socket
import sqlite3
import time
from dataclasses import replace
from typing import IO, Any

from ebp import embed, warm
from ebp.answer import Request, answer
from ebp.config import Settings
from ebp.errors import EbpError
from ebp.index.generations import Generations
from ebp.index.store import DB_NAME, Store
from ebp.retrieve.search import Searcher

log = logging.getLogger(__name__)

POLL_S = 2.0  # how often an idle process checks that its socket file is still its own
LOCK_WAIT_S = 5.0  # a process being stopped releases the lock within this time
CLIENT_TIMEOUT_S = 10.0  # a client has this long to send its request


class WarmServer:
    """Answers search requests for one index with one loaded model. ``embedder``: a model already
    loaded (tests pass a fake); by default the settings' model is loaded by ``warm_up``."""

    def __init__(self, settings: Settings, embedder: embed.Embedder | None = None) -> None:
        self.settings = settings
        self.index_dir = settings.index_dir.resolve()
        self.path = warm.socket_path(self.index_dir)
        self.version = warm.code_version()
        self.idle_s = settings.warm_idle_minutes * 60
        self._embedder = embedder
        self._searcher: Searcher | None = None
        self._index_identity: tuple[int, ...] | None = None
        self._lock: IO[bytes] | None = None
        self._sock: socket.socket | None = None
        self._inode = -1
        self._stopping = False

    # -- life ------------------------------------------------------------------------------------
    def open(self, lock_wait: float = LOCK_WAIT_S) -> bool:
        """Take the lock and listen; False when another warm process of this index holds the lock."""
        lock = open(warm.lock_path(self.index_dir), "ab")  # noqa: SIM115 (held until close())
        deadline = time.monotonic() + lock_wait
        while True:
            try:
                fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    lock.close()
                    return False
                time.sleep(0.05)
        self._lock = lock
        self.path.unlink(missing_ok=True)  # we hold the lock: a socket file left here is stale
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        umask = os.umask(0o177)  # the socket is born 0600: no moment where others could connect
        try:
            sock.bind(str(self.path))
        finally:
            os.umask(umask)
        os.chmod(self.path, 0o600)
        sock.listen(16)
        self._sock, self._inode = sock, self.path.stat().st_ino
        return True

    def warm_up(self) -> None:
        """Load the model and the index now, so the first search does not wait for them."""
        self.embedder().embed_queries(["warm up"])
        try:
            self.searcher()
        except EbpError:
            pass  # no index yet, or another model's: each search will say so

    def serve_forever(self) -> None:
        """Answer requests until stopped, idle for ``idle_s`` seconds, or the socket file is gone; then close."""
        sock = self._sock
        if sock is None:
            raise RuntimeError("open() the server first")
        last_search = time.monotonic()
        try:
            while not self._stopping and self._still_ours():
                idle_left = self.idle_s - (time.monotonic() - last_search)
                if idle_left <= 0:
                    log.info("no search for %.1f minutes: exiting", self.idle_s / 60)
                    break
                ready, _, _ = select.select([sock], [], [], min(idle_left, POLL_S))
                if not ready:
                    continue
                conn, _ = sock.accept()
                with conn:
                    if self._handle(conn):
                        last_search = time.monotonic()
        finally:
            self.close()

    def close(self) -> None:
        """Remove the socket file (if it is still ours) and release the lock."""
        if self._sock is not None:
            if self._still_ours():
                self.path.unlink(missing_ok=True)
            self._sock.close()
            self._sock = None
        if self._lock is not None:
            self._lock.close()  # closing the file releases the lock
            self._lock = None

    def _still_ours(self) -> bool:
        try:
            return self.path.stat().st_ino == self._inode
        except OSError:
            return False

    # -- answers ---------------------------------------------------------------------------------
    def _handle(self, conn: socket.socket) -> bool:
        """Answer one connection; True when it was a search."""
        conn.settimeout(CLIENT_TIMEOUT_S)
        try:
            if warm.peer_uid(conn) not in (None, os.getuid()):
                return False  # only this user may ask (the socket's mode 0600 says so too)
            message = warm.receive(conn)
            warm.send(conn, self.reply(message))
            return message.get("op") == "search"
        except (OSError, ValueError) as exc:  # a client that went away or sent something else
            log.info("dropped a connection: %s", type(exc).__name__)
            return False

    def reply(self, message: dict[str, Any]) -> dict[str, Any]:
        """The answer to one message (the case text is used for the answer only)."""
        op = message.get("op")
        if message.get("protocol") != warm.PROTOCOL:
            return {"status": "mismatch", "reason": "protocol"}
        if op == "status":
            return {
                "status": "ok",
                "pid": os.getpid(),
                "model": self.settings.model,
                "index": str(self.index_dir),
                "socket": str(self.path),
                "idle_minutes": self.settings.warm_idle_minutes,
                "version": self.version,
            }
        if op == "stop":
            self._stopping = True
            return {"status": "ok"}
        if op != "search":
            return {"status": "failed", "reason": f"unknown request {op!r}"}
        mismatch = self._mismatch(message)
        if mismatch:
            return {"status": "mismatch", "reason": mismatch}
        try:
            request = Request.from_json(message["request"])
            settings = replace(
                warm.settings_from_json(message.get("settings") or {}),
                index_dir=self.settings.index_dir,
                model=self.settings.model,
            )
            return {"status": "ok", "out": answer(request, settings, self.searcher())}
        except EbpError as exc:
            return {"status": "error", "code": 1, "message": str(exc)}
        except (FileNotFoundError, ValueError) as exc:
            return {"status": "error", "code": 2, "message": str(exc)}
        except Exception as exc:  # noqa: BLE001 (the caller searches by itself and shows the real error)
            log.warning("a search failed here: %s", type(exc).__name__)  # the type only: messages may quote cases
            return {"status": "failed"}

    def _mismatch(self, message: dict[str, Any]) -> str:
        if message.get("version") != self.version:
            return "version"
        if message.get("model") != self.settings.model:
            return "model"
        if message.get("index") != str(self.index_dir):
            return "index"
        return ""

    def embedder(self) -> embed.Embedder:
        if self._embedder is None:
            s = self.settings
            self._embedder = embed.load_embedder(s.model, s.batch_size, s.embed_precision)
        return self._embedder

    def searcher(self) -> Searcher:
        """The searcher of the index as it is now, opened again whenever the live generation's files
        changed: a new generation, or a rebuild (which starts again at generation 1, and whose new
        database file may even get the old one's inode number)."""
        identity = self._identity()
        if identity is None:
            Store.open_existing(self.settings.index_dir)  # raises the usual "no index at ..."
        if self._searcher is None or identity is None or identity != self._index_identity:
            self._searcher = Searcher(self.settings.index_dir, self.embedder())
            self._index_identity = identity
        return self._searcher

    def _identity(self) -> tuple[int, ...] | None:
        """(generation, inode, time and size of its vector file), or None when there is no complete index."""
        if not (self.index_dir / DB_NAME).is_file():
            return None
        try:
            generation = Store(self.index_dir).generation()
            info = Generations(self.index_dir).vectors_path(generation).stat()
        except (OSError, sqlite3.Error):
            return None
        return generation, info.st_ino, info.st_mtime_ns, info.st_size


def run(settings: Settings, embedder: embed.Embedder | None = None) -> bool:
    """Serve ``settings.index_dir`` until idle or stopped; False when another process already serves it."""
    server = WarmServer(settings, embedder)
    if not server.open():
        return False

    def terminate(signum: int, frame: object) -> None:
        raise SystemExit(0)

    previous = signal.signal(signal.SIGTERM, terminate)  # `kill PID` removes the socket file too
    try:
        server.warm_up()
        server.serve_forever()
    finally:
        server.close()
        signal.signal(signal.SIGTERM, previous)
    return True
