"""Domain errors. Raised inside the package, turned into one line for people at the edge (cli, app)."""


class EbpError(Exception):
    """Base class: the message is written for the person using ebp."""


class ParseError(EbpError):
    """A file could not be read into pages. ``status`` is the ingest-report status."""

    status = "corrupt"


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
