"""Read files in worker processes, so that no file can hang, crash or exhaust the ingest.

A PDF can be a decompression bomb, send pypdf into a very long loop, or crash the interpreter. Each
file is therefore parsed in a worker process with a wall-clock limit and an address-space cap
(``RLIMIT_AS``, POSIX only). A worker that runs out of time or dies is replaced, and the file gets a
status like any other unreadable file. Workers are reused: starting Python per file would cost more
than parsing most papers. They are started with "spawn", as the parent may have torch's threads.

Example::

    with IsolatedParser(Limits(seconds=30), passwords={"locked.pdf": "s3cret"}, workers=2) as parser:
        for outcome in parser.parse_many(paths, corpus_root):
            outcome.result  # a ParsedDocument or a ParseError, never anything else
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from ebp.errors import ParseError, TimeoutParseError, TooLargeError, WorkerCrashError, parse_error
from ebp.ingest.read import DEFAULT_LIMITS, Limits, read_document
from ebp.types import FileStatus, ParsedDocument

log = logging.getLogger(__name__)

MAX_FORWARDED_LOGS = 20  # log records a worker sends back per file; damaged PDFs warn hundreds of times
_GRACE_SECONDS = 5.0  # for a killed worker to be reaped
_START_SECONDS = 120.0  # for a new worker to import pypdf (slow disks, antivirus scanners)


@dataclass(frozen=True)
class Outcome:
    """What became of one file: its document, or the error that says why it could not be read."""

    path: Path
    result: ParsedDocument | ParseError
    seconds: float  # wall-clock time in the worker, including a kill after a timeout

    @property
    def status(self) -> FileStatus:
        if isinstance(self.result, ParseError):
            return FileStatus(self.result.status)
        return FileStatus.OK_PARTIAL if self.result.failed_pages else FileStatus.OK


# What a worker runs for one file: (path, corpus_root, password, limits) -> document.
Task = Callable[[Path, Path, str | None, Limits], ParsedDocument]


def parse_isolated(
    path: Path, corpus_root: Path, limits: Limits = DEFAULT_LIMITS, passwords: Mapping[str, str] | None = None
) -> ParsedDocument:
    """Parse one file in a new worker process. Raises a ``ParseError`` subclass (status ``timeout``,
    ``too_large``, ``corrupt`` … or any status of ``parse_file``), never another exception for a bad
    file. For many files use one ``IsolatedParser``, which keeps its workers."""
    with IsolatedParser(limits, passwords) as parser:
        return parser.parse(path, corpus_root)


class IsolatedParser:
    """Reusable worker processes that parse files under ``limits``; a context manager. Not
    thread-safe: one parser per thread. ``task`` replaces the worker's job (tests use it)."""

    def __init__(
        self,
        limits: Limits = DEFAULT_LIMITS,
        passwords: Mapping[str, str] | None = None,
        workers: int = 1,
        task: Task = read_document,
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.limits = limits
        self._passwords = dict(passwords or {})
        self._workers = [_Worker(limits, task) for _ in range(workers)]

    def __enter__(self) -> IsolatedParser:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()

    @property
    def restarts(self) -> int:
        """Workers replaced after a timeout, a crash or running out of memory."""
        return sum(max(0, w.starts - 1) for w in self._workers)

    def password_for(self, path: Path, corpus_root: Path) -> str | None:
        """Passwords are keyed by the path relative to the corpus root, or by the bare file name."""
        return self._passwords.get(path.relative_to(corpus_root).as_posix()) or self._passwords.get(path.name)

    def parse(self, path: Path, corpus_root: Path) -> ParsedDocument:
        """Parse one file; raise its ``ParseError`` when it cannot be read."""
        (outcome,) = self.parse_many([path], corpus_root)
        if isinstance(outcome.result, ParseError):
            raise outcome.result
        return outcome.result

    def parse_many(self, paths: Iterable[Path], corpus_root: Path) -> Iterator[Outcome]:
        """Parse ``paths`` on all workers; yield one ``Outcome`` per path, in the order given."""
        todo = iter(enumerate(paths))
        window = 4 * len(self._workers)  # bounds the outcomes held back to keep the order
        busy: dict[_Worker, tuple[int, Path]] = {}
        done: dict[int, Outcome] = {}
        next_out = 0
        try:
            while True:
                idle = [w for w in self._workers if w not in busy]
                while idle and len(busy) + len(done) < window and (item := next(todo, None)) is not None:
                    worker = idle.pop()
                    busy[worker] = item
                    worker.submit(item[1], corpus_root, self.password_for(item[1], corpus_root))
                if not busy and not done:
                    return
                for worker, result in self._collect(busy):
                    index, path = busy.pop(worker)
                    done[index] = Outcome(path, result, time.monotonic() - worker.started)
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
        finally:
            for worker in busy:  # the caller stopped early: files still being parsed are abandoned
                worker.kill()

    def _collect(self, busy: Mapping[_Worker, object]) -> list[tuple[_Worker, ParsedDocument | ParseError]]:
        """Wait until at least one busy worker answers, dies or runs out of time."""
        if not busy:
            return []
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        ready = set(wait([h for w in busy for h in w.handles()], timeout=timeout))
        finished: list[tuple[_Worker, ParsedDocument | ParseError]] = []
        for worker in busy:
            if ready.intersection(worker.handles()):
                finished.append((worker, worker.receive()))
            elif time.monotonic() >= worker.deadline:
                worker.kill()
                reason = f"reading the file took longer than {self.limits.seconds:g} s and was stopped"
                finished.append((worker, TimeoutParseError(f"{reason} (a very large or malformed file)")))
        return finished


class _Worker:
    """One worker process and the pipe to it; started on first use and after a timeout or a crash."""

    def __init__(self, limits: Limits, task: Task) -> None:
        self._limits = limits
        self._task = task
        self._process: Any = None  # a multiprocessing SpawnProcess
        self._conn: Connection | None = None
        self.started = self.deadline = 0.0
        self.starts = 0

    def handles(self) -> list[Any]:
        return [self._conn, self._process.sentinel] if self._conn is not None else []

    def submit(self, path: Path, corpus_root: Path, password: str | None) -> None:
        conn = self._conn if self._conn is not None and self._process.is_alive() else self._start()
        self.started = time.monotonic()
        self.deadline = self.started + self._limits.seconds
        conn.send((path, corpus_root, password, self._limits))

    def receive(self) -> ParsedDocument | ParseError:
        try:
            reply = self._conn.recv() if self._conn is not None else None
        except (EOFError, OSError):  # the pipe closed: the process died
            reply = None
        if reply is None:
            return self._crashed()
        kind, payload, records, fatal = reply
        for name, level, message in records:  # the parent's logging config decides what is shown
            logging.getLogger(name).log(level, "%s", message)
        if fatal:  # the worker is exiting; reap it now so that the next file gets a fresh one
            self.kill()
        if kind == "ok":
            return payload  # type: ignore[no-any-return]
        status, reason = payload
        return parse_error(status, reason)

    def _crashed(self) -> ParseError:
        code = None
        if self._process is not None:
            self._process.join(timeout=_GRACE_SECONDS)
            code = self._process.exitcode
        self.kill()
        if code == -getattr(signal, "SIGKILL", 9):  # not killed by us: the OS's out-of-memory killer, most likely
            return TooLargeError("reading the file was stopped by the system, probably for lack of memory")
        return WorkerCrashError(f"the PDF reader crashed on this file ({_exit_cause(code)}); it is probably damaged")

    def _start(self) -> Connection:
        self.kill()
        ctx = multiprocessing.get_context("spawn")
        parent_end, child_end = ctx.Pipe()
        args = (child_end, self._limits.memory_mb, self._task)
        self._process = ctx.Process(target=_serve, args=args, name="ebp-parse", daemon=True)
        self._conn = parent_end
        try:
            self._process.start()
        finally:
            child_end.close()
        self.starts += 1
        try:  # wait for "ready", so that a slow start-up never counts against a file's time
            ready = parent_end.poll(_START_SECONDS) and parent_end.recv() == "ready"
        except (EOFError, OSError):
            ready = False
        if not ready:
            code = self._process.exitcode
            self.kill()
            raise RuntimeError(f"the parse worker process did not start ({_exit_cause(code)})")
        return parent_end

    def kill(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(timeout=_GRACE_SECONDS)
        if self._conn is not None:
            self._conn.close()
        self._process, self._conn = None, None

    def stop(self) -> None:
        """Ask an idle worker to exit; kill it if it does not."""
        if self._conn is not None and self._process.is_alive():
            try:
                self._conn.send(None)
                self._process.join(timeout=_GRACE_SECONDS)
            except (OSError, ValueError):
                pass
        self.kill()


def _exit_cause(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


# ---- inside the worker process -------------------------------------------------------------------


class _Records(logging.Handler):
    """Keeps a file's warnings so the parent can log them under its own configuration."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < MAX_FORWARDED_LOGS:
            self.records.append((record.name, record.levelno, record.getMessage()))


def _serve(conn: Connection, memory_mb: int, task: Task) -> None:
    """The worker's loop: one request in, one reply out, until told to stop (``None``) or orphaned."""
    import warnings

    import pypdf  # noqa: F401 - imported before the memory cap, so that a tight cap still starts

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    warnings.simplefilter("ignore")
    handler = _Records()
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.WARNING)
    _cap_memory(memory_mb)
    conn.send("ready")
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        handler.records = []
        kind, payload, fatal = _run(task, *request)
        try:
            conn.send((kind, payload, handler.records, fatal))
        except Exception as exc:  # an unpicklable or oversized result
            conn.send(("error", ("corrupt", f"the parsed file could not be returned ({exc})"), [], fatal))
        if fatal:  # after a MemoryError the heap may be in a poor state: start afresh
            return


def _run(task: Task, path: Path, corpus_root: Path, password: str | None, limits: Limits) -> tuple[str, Any, bool]:
    """Run the task; every exception becomes a status and a plain-language reason."""
    try:
        return "ok", task(path, corpus_root, password, limits), False
    except Exception as exc:  # one file must never end the worker's loop; MemoryError is an Exception too
        if _caused_by(exc, MemoryError):
            reason = f"reading the file needed more than {limits.memory_mb} MB of memory and was stopped"
            return "error", ("too_large", reason), True
        if isinstance(exc, ParseError):
            return "error", (exc.status, str(exc)), False
        if _caused_by(exc, RecursionError):
            return "error", ("corrupt", "the PDF's structure is nested too deeply to read (a damaged file)"), False
        return "error", ("corrupt", f"the file could not be read ({type(exc).__name__}: {exc})"), False


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    """True when ``exc`` or an exception it came from is a ``kind`` (parse wraps pypdf's errors)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _cap_memory(memory_mb: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the time limit still applies
        return
    limit = memory_mb * 2**20
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a crash must not leave core files behind
    except (ValueError, OSError) as exc:  # macOS refuses RLIMIT_AS
        log.debug("memory cap not available: %s", exc)
