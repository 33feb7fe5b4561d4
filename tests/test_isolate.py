"""Parsing in worker processes: time and memory limits, crashes, passwords, order of results.

The hooks below are the worker's task in some tests: module-level functions, so that the spawned
worker can import them by name. Files are named after what the hook should do with them.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from ebp.errors import EncryptedError, ParseError, TimeoutParseError, WorkerCrashError, parse_error
from ebp.ingest.isolate import IsolatedParser, parse_isolated
from ebp.ingest.read import Limits, read_document
from ebp.types import DocType, ParsedDocument

MARGIN_SECONDS = 3.0  # killing and reaping a worker, on a busy CI machine


def misbehave(path: Path, corpus_root: Path, password: str | None, limits: Limits) -> ParsedDocument:
    """Misbehave as the file name asks; parse normally otherwise."""
    name = path.stem
    if name.startswith("sleep"):
        time.sleep(600)
    if name.startswith("hog"):
        hoard = [bytearray(2**20) for _ in range(4 * limits.memory_mb)]  # MemoryError well before the end
        return hoard  # type: ignore[return-value]
    if name.startswith("abort"):
        os.abort()
    if name.startswith("oomkill"):
        os.kill(os.getpid(), signal.SIGKILL)
    if name.startswith("typeerror"):
        raise TypeError("unhashable type: 'ArrayObject'")
    if name.startswith("recurse"):
        return misbehave(path, corpus_root, password, limits)
    if name.startswith("warn"):
        logging.getLogger("ebp.ingest.parse").warning("%s: page 1 could not be read", path.name)
    return read_document(path, corpus_root, password, limits)


@pytest.fixture
def good_pdf(tmp_path: Path, make_pdf) -> Path:  # type: ignore[no-untyped-def]
    return make_pdf(tmp_path / "good.pdf", ["A perfectly ordinary page of text about family support."])


def stand_in(tmp_path: Path, name: str) -> Path:
    """A placeholder file for a hook; its content does not matter."""
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.4\n")
    return path


def test_a_file_over_the_time_limit_times_out_and_the_next_file_still_parses(tmp_path: Path, good_pdf: Path) -> None:
    slow = stand_in(tmp_path, "sleep.pdf")
    with IsolatedParser(Limits(seconds=1), task=misbehave) as parser:
        with pytest.raises(TimeoutParseError) as info:
            parser.parse(slow, tmp_path)  # the task sleeps for 10 minutes: only the limit can end it
        assert info.value.status == "timeout"
        assert "longer than 1 s" in str(info.value)
        assert "family support" in parser.parse(good_pdf, tmp_path).pages[0].text
        assert parser.restarts == 1


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is enforced on Linux only")
def test_memory_cap_gives_too_large_and_a_fresh_worker(tmp_path: Path, good_pdf: Path) -> None:
    with IsolatedParser(Limits(memory_mb=400), task=misbehave) as parser:
        with pytest.raises(ParseError) as info:
            parser.parse(stand_in(tmp_path, "hog.pdf"), tmp_path)
        assert info.value.status == "too_large"
        assert "400 MB" in str(info.value)
        assert parser.parse(good_pdf, tmp_path).pages
        assert parser.restarts == 1


@pytest.mark.parametrize(
    ("name", "error", "status", "words"),
    [
        ("abort.pdf", WorkerCrashError, "corrupt", "crashed"),
        pytest.param(
            "oomkill.pdf",
            ParseError,
            "too_large",
            "lack of memory",
            marks=pytest.mark.skipif(sys.platform == "win32", reason="no SIGKILL"),
        ),
        ("typeerror.pdf", ParseError, "corrupt", "TypeError: unhashable"),
        ("recurse.pdf", ParseError, "corrupt", "nested too deeply"),
    ],
)
def test_every_failure_of_the_worker_becomes_a_status(
    tmp_path: Path, good_pdf: Path, name: str, error: type[ParseError], status: str, words: str
) -> None:
    with IsolatedParser(Limits(seconds=20), task=misbehave) as parser:
        with pytest.raises(error, match=words) as info:
            parser.parse(stand_in(tmp_path, name), tmp_path)
        assert info.value.status == status
        assert parser.parse(good_pdf, tmp_path).pages  # the same parser carries on


def test_parse_many_keeps_the_order_and_never_raises(tmp_path: Path, good_pdf: Path, make_pdf) -> None:  # type: ignore[no-untyped-def]
    other = make_pdf(tmp_path / "other.pdf", ["Another ordinary page, about school attendance."])
    paths = [stand_in(tmp_path, "typeerror.pdf"), good_pdf, stand_in(tmp_path, "sleep.pdf"), other, good_pdf]
    with IsolatedParser(Limits(seconds=1), workers=2, task=misbehave) as parser:
        outcomes = list(parser.parse_many(paths, tmp_path))
    assert [o.path for o in outcomes] == paths
    assert [o.status for o in outcomes] == ["corrupt", "ok", "timeout", "ok", "ok"]


def test_worker_warnings_reach_the_parents_logging(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with IsolatedParser(Limits(seconds=20), task=misbehave) as parser, caplog.at_level(logging.WARNING):
        with pytest.raises(ParseError):  # the placeholder is not a readable PDF
            parser.parse(stand_in(tmp_path, "warn.pdf"), tmp_path)
    assert ("ebp.ingest.parse", logging.WARNING, "warn.pdf: page 1 could not be read") in caplog.record_tuples


def test_password_from_the_mapping_opens_an_encrypted_pdf(tmp_path: Path, make_pdf) -> None:  # type: ignore[no-untyped-def]
    locked = make_pdf(
        tmp_path / "case_studies" / "locked.pdf", ["Confidential case notes on a home visit."], user_password="s3cret"
    )
    with pytest.raises(EncryptedError, match="password is needed"):
        parse_isolated(locked, tmp_path)
    with pytest.raises(EncryptedError, match="does not open it"):
        parse_isolated(locked, tmp_path, passwords={"locked.pdf": "wrong"})
    for key in ("locked.pdf", "case_studies/locked.pdf"):
        doc = parse_isolated(locked, tmp_path, passwords={key: "s3cret"})
        assert "home visit" in doc.pages[0].text
        assert (doc.path, doc.rel_path, doc.doc_type) == (locked, "case_studies/locked.pdf", DocType.CASE_STUDY)


def test_page_limit_and_a_pdf_without_pages(tmp_path: Path, make_pdf) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfWriter

    long = make_pdf(tmp_path / "long.pdf", [f"Page {i} of a long report on youth services." for i in range(3)])
    with pytest.raises(ParseError, match="3 pages, above the 2-page limit") as info:
        parse_isolated(long, tmp_path, Limits(max_pages=2))
    assert info.value.status == "too_large"
    with PdfWriter() as writer:
        writer.write(tmp_path / "no_pages.pdf")
    with pytest.raises(ParseError, match="no pages") as info:
        read_document(tmp_path / "no_pages.pdf", tmp_path)
    assert info.value.status == "empty"


def test_file_size_limit_is_applied_before_opening(tmp_path: Path, good_pdf: Path) -> None:
    with pytest.raises(ParseError) as info:
        read_document(good_pdf, tmp_path, limits=Limits(max_file_mb=0.0001))
    assert info.value.status == "too_large"


def test_limits_are_validated() -> None:
    with pytest.raises(ValueError, match="positive"):
        Limits(seconds=0)
    with pytest.raises(ValueError, match="workers"):
        IsolatedParser(workers=0)


def test_a_status_sent_back_by_a_worker_becomes_its_error() -> None:
    assert isinstance(parse_error("timeout", "slow"), TimeoutParseError)
    assert isinstance(parse_error("encrypted", "locked"), EncryptedError)
    unknown = parse_error("exploded", "what happened")  # a status this ebp does not know reads as damaged
    assert type(unknown) is ParseError and unknown.status == "corrupt" and str(unknown) == "what happened"
