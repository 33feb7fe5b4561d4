"""Domain errors. Raised inside the package, turned into one line for people at the edge (cli, app)."""

from __future__ import annotations

from ebp.types import FileStatus


class EbpError(Exception):
    """Base class: the message is written for the person using ebp."""


class ParseError(EbpError):
    """A file could not be read into pages. ``status`` is the ingest-report status."""

    status: FileStatus = FileStatus.CORRUPT


class NotAPdfError(ParseError):
    status = FileStatus.NOT_A_PDF


class EncryptedError(ParseError):
    status = FileStatus.ENCRYPTED


class NoTextError(ParseError):
    status = FileStatus.NO_TEXT_LAYER


class OcrError(NoTextError):
    """OCR was asked for but could not read the scan; the file stays ``no_text_layer``."""


class EmptyFileError(ParseError):
    status = FileStatus.EMPTY


class TooLargeError(ParseError):
    status = FileStatus.TOO_LARGE


class UnsupportedError(ParseError):
    status = FileStatus.UNSUPPORTED


class TimeoutParseError(ParseError):
    """Reading the file took longer than the time limit and was stopped."""

    status = FileStatus.TIMEOUT


class WorkerCrashError(ParseError):
    """The worker process died while reading the file (a crash in the reader, not a Python error)."""


_BY_STATUS: dict[FileStatus, type[ParseError]] = {
    cls.status: cls
    for cls in (NotAPdfError, EncryptedError, NoTextError, EmptyFileError, TooLargeError, UnsupportedError)
} | {FileStatus.TIMEOUT: TimeoutParseError, FileStatus.CORRUPT: ParseError}


def parse_error(status: str, reason: str) -> ParseError:
    """The error for an ingest status sent back by a worker process.

    Example: ``parse_error("encrypted", "a password is needed").status is FileStatus.ENCRYPTED``
    """
    try:
        kind = FileStatus(status)
    except ValueError:
        kind = FileStatus.CORRUPT
    error = _BY_STATUS.get(kind, ParseError)(reason)
    error.status = kind
    return error


class StoreError(EbpError):
    """The index on disk cannot be used as asked (missing, another model, another schema)."""


class IndexMissingError(StoreError):
    pass


class ModelMismatchError(StoreError):
    pass


class SchemaMismatchError(StoreError):
    pass


class IndexBusyError(StoreError):
    """Another ingest holds the index lock."""


class ModelLoadError(EbpError):
    """The embedding model could not be found or loaded."""
