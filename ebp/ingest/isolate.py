"""Parse files in worker processes, so that no file can hang, crash or exhaust the ingest.

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
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from ebp import errors
from ebp.errors import EmptyFileError, EncryptedError, NoTextError, ParseError, TooLargeError
from ebp.parse import MIN_PAGE_CHARS, PDF_SUFFIXES, doc_type_for, parse_file
from ebp.types import ParsedDocument

log = logging.getLogger(__name__)

MAX_FORWARDED_LOGS = 20  # log records a worker sends back per file; damaged PDFs warn hundreds of times
_GRACE_SECONDS = 5.0  # for a killed worker to be reaped
_START_SECONDS = 120.0  # for a new worker to import pypdf (slow disks, antivirus scanners)
_OCR_MARGIN_SECONDS = 2.0  # OCR stops this long before the worker's deadline, to say why itself


@dataclass(frozen=True)
class Limits:
    """What one file may cost before it is given up on."""

    seconds: float = 60
    """Wall-clock time to parse one file (a worker's start-up is not counted)."""
    memory_mb: int = 1536
    """Address-space cap of a worker process (``RLIMIT_AS``); not applied on Windows or macOS."""
    max_pages: int = 2000
    """PDFs with more pages are skipped with status ``too_large`` before any text is extracted."""
    max_file_mb: float | None = None
    """Files larger than this are skipped with status ``too_large`` without being opened."""
    ocr: bool = False
    """Read PDFs without a text layer with Tesseract (``ebp.ocr``), within the same time limit."""

    def __post_init__(self) -> None:
        if self.seconds <= 0 or self.memory_mb <= 0 or self.max_pages <= 0:
            raise ValueError(f"limits must be positive: {self}")


DEFAULT_LIMITS = Limits()


class TimeoutParseError(ParseError):
    status = "timeout"


class WorkerCrashError(ParseError):
    """The worker process died while reading the file (a crash in the reader, not a Python error)."""


_ERRORS: dict[str, type[ParseError]] = {
    cls.status: cls for cls in (errors.NotAPdfError, EncryptedError, errors.NoTextError, EmptyFileError, TooLargeError)
} | {"unsupported": errors.UnsupportedError, "timeout": TimeoutParseError, "corrupt": ParseError}


@dataclass(frozen=True)
class Outcome:
    """What became of one file: its document, or the error that says why it could not be read."""

    path: Path
    result: ParsedDocument | ParseError
    seconds: float  # wall-clock time in the worker, including a kill after a timeout

    @property
    def status(self) -> str:
        if isinstance(self.result, ParseError):
            return self.result.status
        return "ok_partial" if self.result.failed_pages else "ok"


# What a worker runs for one file: (path, corpus_root, password, limits) -> document.
Task = Callable[[Path, Path, str | None, Limits], ParsedDocument]


def parse_with_password(
    path: Path, corpus_root: Path, password: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> ParsedDocument:
    """``parse_file`` plus the page limit, a 0-page check, a password and OCR when ``limits.ocr``.
    Runs in the calling process: it is the workers' job; call ``parse_isolated`` or ``IsolatedParser``."""
    started = time.monotonic()
    try:
        return _parse(path, corpus_root, password, limits)
    except NoTextError as exc:
        if not limits.ocr or path.suffix.lower() not in PDF_SUFFIXES:
            raise
        budget = limits.seconds - (time.monotonic() - started) - _OCR_MARGIN_SECONDS
        return _ocr_document(path, corpus_root, password, limits.max_pages, budget, exc)


def _parse(path: Path, corpus_root: Path, password: str | None, limits: Limits) -> ParsedDocument:
    max_bytes = None if limits.max_file_mb is None else int(limits.max_file_mb * 2**20)
    if path.suffix.lower() in PDF_SUFFIXES:
        _check_page_count(path, limits.max_pages, max_bytes)
    try:
        return parse_file(path, corpus_root, max_bytes=max_bytes)
    except EncryptedError:
        if not password:
            raise
    return _parse_decrypted(path, corpus_root, password, limits.max_pages)


def _ocr_document(
    path: Path, corpus_root: Path, password: str | None, max_pages: int, budget: float, no_text: NoTextError
) -> ParsedDocument:
    """The scan's text from Tesseract; ``metadata["ocr"]`` says so. Without Tesseract, or when OCR
    finds no text either, the file stays ``no_text_layer`` with a reason that says what to do."""
    from ebp.ocr import INSTALL_HINT, ocr_available, ocr_pdf

    if not ocr_available():
        reason = f"a scan without a text layer; OCR is switched on but not installed here: {INSTALL_HINT}"
        raise NoTextError(reason) from no_text
    pages = ocr_pdf(path, max_pages=max_pages, password=password, timeout=max(budget, 0.001))
    if not any(len(p.text) >= MIN_PAGE_CHARS for p in pages):
        chars = sum(len(p.text) for p in pages)
        raise NoTextError(f"almost no text, even with OCR ({chars} characters): a blank scan or an empty form")
    rel = path.relative_to(corpus_root).as_posix()
    return ParsedDocument(path, rel, doc_type_for(rel, {}), tuple(pages), metadata={"ocr": "tesseract"})


def _check_page_count(path: Path, max_pages: int, max_bytes: int | None) -> None:
    """Refuse a PDF with too many or no pages before extracting text. Anything else wrong with the
    file is left to ``parse_file``, which knows how to say what it is."""
    from pypdf import PdfReader

    size = path.stat().st_size
    if size == 0 or (max_bytes is not None and size > max_bytes):
        return
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return
        count = len(reader.pages)
    except Exception:  # damaged: parse_file opens it again and says why
        return
    _check_count(count, max_pages)


def _check_count(count: int, max_pages: int) -> None:
    if count > max_pages:
        raise TooLargeError(f"the PDF has {count} pages, above the {max_pages}-page limit")
    if count == 0:
        raise EmptyFileError("the PDF has no pages")


def _parse_decrypted(path: Path, corpus_root: Path, password: str, max_pages: int) -> ParsedDocument:
    """Open with ``password``, write a decrypted copy to a temporary folder and parse the copy, so the
    text goes through the same ``parse_file`` as every other PDF. The copy keeps the file's place
    under the corpus root (the document type depends on it) and is deleted straight away."""
    from pypdf import PdfReader, PdfWriter

    try:
        reader = PdfReader(path, strict=False)
        opened = reader.decrypt(password)
    except Exception as exc:
        raise EncryptedError(f"encrypted PDF that could not be opened with its password ({exc})") from exc
    if not opened:
        raise EncryptedError("encrypted PDF: the password given for it does not open it")
    with tempfile.TemporaryDirectory(prefix="ebp-decrypted-") as tmp:
        copy = Path(tmp) / path.relative_to(corpus_root)
        copy.parent.mkdir(parents=True, exist_ok=True)
        try:
            _check_count(len(reader.pages), max_pages)
            PdfWriter(clone_from=reader).write(copy)
        except ParseError:
            raise
        except Exception as exc:
            raise ParseError(f"the PDF opens with its password but is damaged ({type(exc).__name__}: {exc})") from exc
        return replace(parse_file(copy, Path(tmp)), path=path)


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
        task: Task = parse_with_password,
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
        error = _ERRORS.get(status, ParseError)(reason)
        error.status = status  # keeps a status this module has no class for
        return error

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
