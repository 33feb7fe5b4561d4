"""Domain errors. Raised inside the package, turned into one line for people at the edge (cli, app).

A leaf: imports nothing of ebp. A ``ParseError``'s ``status`` is the value of its ``ebp.types.FileStatus``.
"""

from __future__ import annotations


class EbpError(Exception):
    """Base class: the message is written for the person using ebp."""


class ParseError(EbpError):
    """A file could not be read into pages. ``status`` is the ingest-report status."""

    status: str = "corrupt"


class NotAPdfError(ParseError):
    status = "not_a_pdf"


class EncryptedError(ParseError):
    status = "encrypted"


class NoTextError(ParseError):
    status = "no_text_layer"


class OcrError(NoTextError):
    """OCR was asked for but could not read the scan; the file stays ``no_text_layer``."""


class EmptyFileError(ParseError):
    status = "empty"


class TooLargeError(ParseError):
    status = "too_large"


class UnsupportedError(ParseError):
    status = "unsupported"


class TimeoutParseError(ParseError):
    """Reading the file took longer than the time limit and was stopped."""

    status = "timeout"


class WorkerCrashError(ParseError):
    """The worker process died while reading the file (a crash in the reader, not a Python error)."""


_BY_STATUS: dict[str, type[ParseError]] = {
    cls.status: cls
    for cls in (NotAPdfError, EncryptedError, NoTextError, EmptyFileError, TooLargeError, UnsupportedError)
} | {"timeout": TimeoutParseError, "corrupt": ParseError}


def parse_error(status: str, reason: str) -> ParseError:
    """The error for an ingest status sent back by a worker process; an unknown status reads as ``corrupt``.

    Example: ``isinstance(parse_error("encrypted", "a password is needed"), EncryptedError)``
    """
    kind = status if status in _BY_STATUS else "corrupt"
    error = _BY_STATUS[kind](reason)
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
