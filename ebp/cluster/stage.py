"""Staging: one Parquet file per document, keyed by its SHA-256, written as soon as it is embedded.

A cluster run embeds every planned document into the staging folder first and writes the index from
there; a run that crashed (driver killed, node lost) leaves the documents it finished staged, and the
next run embeds only the others. The folder is emptied once a run has published its generation.

A staged file holds one row: the document's key, the outcome of ``ebp.ingest.prepare.prepare`` (a
``Prepared`` or a ``Failed``, pickled: it is a nest of ebp's own dataclasses, and only this package
reads it back, from the user's own index folder) and its passages' vectors as float32 bytes.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ebp.config import Settings
from ebp.ingest.prepare import Failed, Prepared

STAGING_NAME = "staging"
_FORMAT = 1  # bumped when the row's layout changes; a staged file of another format is read again


@dataclass(frozen=True)
class Staged:
    """One document's outcome and (for a ``Prepared``) its passages' vectors, one row per passage."""

    rel_path: str
    sha256: str
    outcome: Prepared | Failed
    vectors: np.ndarray
    recipe: str = ""  # what made it (``recipe``): a row made another way is made again


def recipe(settings: Settings, model_name: str) -> str:
    """The settings a staged row depends on: the model, the chunk sizes and the appraisal's version."""
    from ebp.appraise import appraisal_version

    return f"{model_name}|{settings.chunk_sizes()}|{appraisal_version()}|ocr={settings.ocr}"


def staging_dir(index_dir: Path) -> Path:
    return index_dir / STAGING_NAME


def staged_path(folder: Path, rel_path: str, sha256: str) -> Path:
    """``<sha256>-<path key>.parquet``: the content's hash first; the path's hash tells two copies of one
    file apart (their ``rel_path`` and so their document rows differ).

    Example: ``staged_path(Path("s"), "a.pdf", "ab12").name == "ab12-" + sha256(b"a.pdf")[:16] + ".parquet"``
    """
    path_key = hashlib.sha256(rel_path.encode("utf-8")).hexdigest()[:16]
    return folder / f"{sha256}-{path_key}.parquet"


def write_staged(folder: Path, staged: Staged) -> Path:
    """Write one document's row under a temporary name and rename it into place (never half a file)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    vectors = np.ascontiguousarray(staged.vectors, dtype=np.float32)
    table = pa.table(
        {
            "rel_path": [staged.rel_path],
            "sha256": [staged.sha256],
            "format": [_FORMAT],
            "recipe": [staged.recipe],
            "outcome": [pickle.dumps(staged.outcome, protocol=pickle.HIGHEST_PROTOCOL)],
            "rows": [vectors.shape[0]],
            "dim": [vectors.shape[1] if vectors.ndim == 2 else 0],
            "vectors": [vectors.tobytes()],
        }
    )
    folder.mkdir(parents=True, exist_ok=True)
    final = staged_path(folder, staged.rel_path, staged.sha256)
    tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, final)
    return final


def read_staged(folder: Path, rel_path: str, sha256: str, made_by: str) -> Staged | None:
    """The staged row of this file at this content made by ``made_by`` (a ``recipe``), or None when
    there is none (or it is unreadable)."""
    import pyarrow.parquet as pq

    path = staged_path(folder, rel_path, sha256)
    if not path.exists():
        return None
    try:
        row = pq.read_table(path).to_pylist()[0]
    except (OSError, ValueError, IndexError):  # a damaged file is staged again, never trusted
        return None
    if (row["format"], row["rel_path"], row["sha256"], row["recipe"]) != (_FORMAT, rel_path, sha256, made_by):
        return None
    vectors = np.frombuffer(row["vectors"], dtype=np.float32).reshape(row["rows"], row["dim"])
    return Staged(rel_path, sha256, pickle.loads(row["outcome"]), vectors, made_by)


def clear_staging(folder: Path) -> None:
    """Empty the staging folder once its documents are in a published generation."""
    shutil.rmtree(folder, ignore_errors=True)
