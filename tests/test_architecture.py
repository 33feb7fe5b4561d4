"""The shape of the house, checked: leaves import nothing of ebp, the core never imports the UI or the
progress-bar library, no module grows past 400 lines, and the subpackages import each other one way."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "ebp"
LEAVES = ("types", "errors", "language", "text")
# Each subpackage may import only from those listed (and from the leaves and config).
ALLOWED = {
    "appraise": set(),
    "index": set(),
    "embed": set(),
    "ingest": {"appraise", "index", "embed"},
    "retrieve": {"appraise", "index", "embed"},
    "present": {"appraise", "index", "retrieve", "ingest"},
    "bench": {"appraise", "cluster", "index", "embed", "ingest", "retrieve"},
    "cases": {"appraise", "index", "ingest", "retrieve", "present"},
    "curate": {"appraise", "embed", "index", "retrieve", "present"},
    # the laptop's stages on Ray and shards (issue 16); its commands hand search and brief to ebp.answer, as the CLI
    "cluster": {"answer", "appraise", "embed", "ingest", "index", "retrieve"},
}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("leaf", LEAVES)
def test_the_ground_floor_imports_nothing_of_ebp(leaf: str) -> None:
    assert not {n for n in _imports(PACKAGE / f"{leaf}.py") if n == "ebp" or n.startswith("ebp.")}


def test_the_core_never_imports_the_ui_or_progress_bars() -> None:
    for path in _modules():
        if path.name == "cli.py":
            continue  # the command line draws its own progress bars with tqdm
        found = {n.split(".")[0] for n in _imports(path)} & {"streamlit", "tqdm", "ebp_ui"}
        assert not found, f"{path.relative_to(PACKAGE)} imports {found}"


def test_no_module_is_over_400_lines() -> None:
    long = {str(p.relative_to(PACKAGE)): n for p in _modules() if (n := len(p.read_text().splitlines())) > 400}
    assert not long


def test_subpackages_import_each_other_one_way() -> None:
    for path in _modules():
        rel = path.relative_to(PACKAGE).parts
        if len(rel) < 2:
            continue
        own = rel[0]
        used = {n.split(".")[1] for n in _imports(path) if n.startswith("ebp.") and n.count(".") >= 1}
        others = used - {own, "config", "cli", *LEAVES}
        assert others <= ALLOWED[own], f"{'/'.join(rel)} imports {others - ALLOWED[own]}"
