"""An ingest run in a background thread, so that indexing survives what a user does meanwhile.

The app's script is re-run on every click, page change or language switch; a run tied to one script run
is cancelled by the next. ``IndexJob`` owns the run in its own thread instead; any page asks ``status()``
for counts (files read, passages embedded), an estimate of the time left and, at the end, the report.
A marker file in the index folder says a run is under way: found at the next start, it means that run
was interrupted (the app was closed), and the status says so. What was written before is kept: the
index publishes whole generations only, so the next run goes on from the last batch written.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from ebp.config import Settings
from ebp.embed import Embedder
from ebp.errors import EbpError, IndexBusyError
from ebp.ingest.pipeline import IngestReport, Progress, run
from ebp.types import Stage

log = logging.getLogger(__name__)

MARKER = ".indexing"  # in the index folder while a run is under way


@dataclass(frozen=True)
class JobStatus:
    """Where a background ingest run is. ``remaining_s`` is None until there is enough to estimate it."""

    running: bool = False
    stage: str = ""  # the Stage value of the last event, "" before the first
    files_total: int = 0  # files in the corpus folder
    files_todo: int = 0  # of those, new or changed: to be read
    files_read: int = 0
    passages_read: int = 0  # passages of the files read so far
    passages_embedded: int = 0
    elapsed_s: float = 0.0
    remaining_s: float | None = None
    report: IngestReport | None = None
    error: str = ""  # one line for the user when the run stopped on an error
    interrupted: bool = False  # an earlier run stopped before it finished (the app was closed)
    run: int = 0  # which run of this job (1, 2 …): tells a page whether the run it watched has ended

    @property
    def fraction(self) -> float:
        """0..1 for a progress bar: time spent over time spent plus time left."""
        if self.report is not None:
            return 1.0
        if self.remaining_s is None or self.elapsed_s + self.remaining_s <= 0:
            return 0.0
        return round(min(0.99, self.elapsed_s / (self.elapsed_s + self.remaining_s)), 4)


@dataclass
class Tracker:
    """Folds a run's progress events into a ``JobStatus`` (pure, so it is tested without threads).

    The time left is the files still to read at the reading rate so far, plus the passages still to embed
    (those read and waiting, and those the unread files will give at the passages-per-file rate so far) at
    the embedding rate so far.
    """

    started: float = field(default_factory=time.monotonic)
    status: JobStatus = field(default_factory=lambda: JobStatus(running=True))
    _embed_s: float = 0.0
    _embed_since: float | None = None
    _batch_base: int = 0

    def feed(self, event: Progress | IngestReport, now: float | None = None) -> JobStatus:
        now = time.monotonic() if now is None else now
        s = self.status
        if isinstance(event, IngestReport):
            self.status = replace(s, running=False, stage="", report=event, elapsed_s=now - self.started,
                                  remaining_s=0.0)  # fmt: skip
            return self.status
        if self._embed_since is not None and event.stage is not Stage.EMBED:
            self._embed_s += now - self._embed_since
            self._embed_since = None
        if event.stage is Stage.SCAN:
            s = replace(s, files_total=event.total)
        elif event.stage is Stage.PARSE:
            s = replace(s, files_todo=event.total, files_read=event.done,
                        passages_read=s.passages_read + event.passages)  # fmt: skip
        elif event.stage is Stage.EMBED:
            if self._embed_since is None:
                self._embed_since = now
            if event.done == 0:
                self._batch_base = s.passages_embedded
            s = replace(s, passages_embedded=self._batch_base + event.done)
        elif event.stage is Stage.WRITE and event.path != "index":
            s = replace(s, passages_embedded=self._batch_base + event.done)
        elapsed = now - self.started
        self.status = replace(s, stage=event.stage.value, elapsed_s=elapsed, remaining_s=self._remaining(s, now))
        return self.status

    def _remaining(self, s: JobStatus, now: float) -> float | None:
        embed_s = self._embed_s + (now - self._embed_since if self._embed_since is not None else 0.0)
        read_s = now - self.started - embed_s
        if s.files_todo == 0 or s.files_read == 0:
            return None
        files_left = max(0, s.files_todo - s.files_read)
        per_file = read_s / s.files_read
        per_passage_file = s.passages_read / s.files_read
        passages_left = max(0, s.passages_read - s.passages_embedded) + files_left * per_passage_file
        if passages_left > 0 and s.passages_embedded == 0:
            return None  # no embedding rate yet
        per_passage = embed_s / s.passages_embedded if s.passages_embedded else 0.0
        return round(files_left * per_file + passages_left * per_passage, 1)


class IndexJob:
    """One index folder's background ingest runs: at most one at a time.

    Example: ``job.start(corpus, settings, embedder)`` then ``job.status().files_read`` from any page;
    ``job.wait()`` blocks until the run ends (tests, the CLI).
    """

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._status = JobStatus(interrupted=(index_dir / MARKER).exists())

    def start(self, corpus_dir: Path, settings: Settings, embedder: Embedder, rebuild: bool = False) -> bool:
        """Start a run unless one is under way (False then)."""
        with self._lock:
            if self._thread is not None and self._thread.is_alive():
                return False
            previous = self._status
            self._status = JobStatus(running=True, interrupted=previous.interrupted, run=previous.run + 1)
            self._thread = threading.Thread(
                target=self._run, args=(corpus_dir, settings, embedder, rebuild), name="ebp-index", daemon=True
            )
            self._thread.start()
            return True

    def status(self) -> JobStatus:
        with self._lock:
            return self._status

    def wait(self, timeout: float | None = None) -> JobStatus:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return self.status()

    def _run(self, corpus_dir: Path, settings: Settings, embedder: Embedder, rebuild: bool) -> None:
        tracker = Tracker()
        tracker.status = self.status()
        marker, marked, error = self.index_dir / MARKER, False, ""
        try:
            for event in run(corpus_dir, settings, embedder, rebuild):
                if not marked:  # the first event comes once this run holds the index
                    marker.write_text(f"{os.getpid()} {time.time():.0f}\n", encoding="utf-8")
                    marked = True
                status = tracker.feed(event)
                with self._lock:
                    self._status = status
        except IndexBusyError as exc:
            error = str(exc)
        except (EbpError, OSError, ValueError) as exc:
            error = f"indexing stopped: {exc}"
            log.warning("%s", error)
        except Exception as exc:  # a bug in ebp: the user gets one line, the log the details
            error = f"indexing stopped by an error in ebp ({type(exc).__name__}); what was written before is kept"
            log.exception("background indexing failed")
        finally:
            if marked and not error:
                marker.unlink(missing_ok=True)
            with self._lock:
                self._status = replace(self._status, running=False, error=error, interrupted=False)
