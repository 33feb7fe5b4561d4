"""Ingest: a corpus folder → an index, one stage per module.

    read (policy: passwords, page cap, OCR) → parse (pypdf, text, Word → pages) → chunk (passages
    with page span and section) → describe (title, authors, year, language) → appraise (ebp.appraise)
    → embed (ebp.embed) → write one generation of the index (ebp.index)

``pipeline`` runs the stages and yields progress events; ``isolate`` runs the reading in worker
processes with time and memory limits; ``uploads`` checks files a user adds from the app.
"""

from ebp.ingest.pipeline import (
    IngestReport,
    Progress,
    Source,
    file_sha256,
    ingest,
    ingest_sources,
    run,
    run_sources,
    scan,
)

__all__ = [
    "IngestReport",
    "Progress",
    "Source",
    "file_sha256",
    "ingest",
    "ingest_sources",
    "run",
    "run_sources",
    "scan",
]
