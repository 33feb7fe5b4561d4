"""An ``Embedder`` that loads its model on first use, so work that embeds nothing never waits for it.

Loading the model costs 10-15 s (importing torch and sentence-transformers, then the weights). An
unchanged re-index embeds nothing and a BM25 search embeds no query: with this wrapper they never pay.
Its ``name`` comes from the model spec and its ``dim`` from what is already known (the model's
published size, or the index built by the same model), so the index's model check needs no weights;
only when neither is known does asking for ``dim`` load the model.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ebp import embed
from ebp.errors import ModelMismatchError

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

# Output sizes of the models ebp names by alias (``ebp.embed.ALIASES``), by their stored name.
KNOWN_DIMS = {"multilingual-e5-small": 384, "all-MiniLM-L6-v2": 384}


class LazyEmbedder:
    """``embed.load_embedder(spec, batch_size, precision)``, called the first time a vector is needed.

    ``dim``: the size the caller already knows for this model (for example from an index that this
    model built); checked against the model once it is loaded. ``on_load`` runs just before loading
    (the CLI says "loading model …" there).

    Example: ``LazyEmbedder("minilm").name == "all-MiniLM-L6-v2"`` (nothing loaded)
    """

    def __init__(
        self,
        spec: str,
        batch_size: int = 32,
        precision: str = "auto",
        dim: int | None = None,
        on_load: Callable[[], None] | None = None,
    ) -> None:
        self.spec = spec
        self.name = embed.resolve(spec).name
        self._batch_size = batch_size
        self._precision = precision
        self._dim = dim if dim is not None else KNOWN_DIMS.get(self.name)
        self._on_load = on_load
        self._model: embed.Embedder | None = None

    @property
    def loaded(self) -> bool:
        return self._model is not None

    @property
    def dim(self) -> int:
        return self._dim if self._dim is not None else self.model().dim

    def model(self) -> embed.Embedder:
        """The real embedder, loaded now if it was not yet."""
        if self._model is None:
            if self._on_load is not None:
                self._on_load()
            # Looked up on the module at call time, so tests can swap the loader.
            model = embed.load_embedder(self.spec, self._batch_size, self._precision)
            if self._dim is not None and model.dim != self._dim:
                raise ModelMismatchError(
                    f"model {self.spec!r} gives vectors of {model.dim} dimensions, expected {self._dim}; "
                    "rebuild the index with --rebuild"
                )
            self._model = model
        return self._model

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.model().embed_passages(texts)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.model().embed_queries(texts)
