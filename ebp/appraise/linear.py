"""A linear model over named features, trained by scikit-learn in a benchmark script and shipped as numbers.

Features are sparse: a dict of name → value per row (a cue that fired, a word of the sentence, a rank). A name
the model was not trained on weighs nothing. Inference is plain numpy, microseconds per row.

Example: ``LinearModel(("no", "yes"), {"cue": 0}, np.array([[2.0]]), np.array([-1.0])).decision([{"cue": 1}])``
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np


@dataclass(frozen=True)
class LinearModel:
    classes: tuple[str, ...]
    names: dict[str, int]  # feature name → column
    coef: np.ndarray  # one row per class (a binary model: one row, for its second class)
    intercept: np.ndarray

    def decision(self, rows: Sequence[Mapping[str, float]]) -> np.ndarray:
        """rows × coefficient rows: each row's score for each class (a binary model: for its second class)."""
        at, columns, values = [], [], []
        for r, features in enumerate(rows):
            for name, value in features.items():
                column = self.names.get(name)
                if column is not None:
                    at.append(r)
                    columns.append(column)
                    values.append(value)
        out = np.tile(self.intercept, (len(rows), 1)).astype(float)
        if at:  # sparse: only the features a row has (a dense rows × features matrix is mostly zeros)
            np.add.at(out, np.asarray(at), self.coef[:, columns].T * np.asarray(values)[:, None])
        return out

    def predict(self, rows: Sequence[Mapping[str, float]]) -> list[str]:
        """The most likely class of each row (a multinomial model)."""
        return [self.classes[int(i)] for i in self.decision(rows).argmax(axis=1)]

    def to_json(self) -> dict[str, list]:  # type: ignore[type-arg]
        names = sorted(self.names, key=self.names.__getitem__)
        return {"classes": list(self.classes), "features": names, "coef": np.round(self.coef, 5).tolist(),
                "intercept": np.round(self.intercept, 5).tolist()}  # fmt: skip


def from_json(data: Mapping) -> LinearModel:  # type: ignore[type-arg]
    return LinearModel(
        tuple(data["classes"]),
        {name: i for i, name in enumerate(data["features"])},
        np.asarray(data["coef"], dtype=float),
        np.asarray(data["intercept"], dtype=float),
    )


@cache
def shipped(file: str) -> LinearModel:
    """A model shipped in ``ebp/data`` (read once)."""
    return from_json(json.loads(resources.files("ebp.data").joinpath(file).read_text(encoding="utf-8")))
