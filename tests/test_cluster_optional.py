"""The cluster extra stays optional: ``ebp index`` and ``ebp search`` without ``--cluster`` never import
``ray`` nor ``ebp.cluster`` (issue 16), even where the extra is installed. Each check runs in a fresh
interpreter, so that nothing an earlier test imported can hide an import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write_pdf

_PROBE = """
import json, sys
from ebp.cli import main
corpus, index, mode = sys.argv[1:4]
if mode == "bm25":  # a BM25 search embeds no query: a stand-in spares the fast test the model's 10-20 s
    from ebp import embed
    from ebp.embed.lazy import LazyEmbedder
    embed.load_embedder = lambda spec, *args: LazyEmbedder(spec, on_load=lambda: sys.exit("model loaded"))
codes = [main(["index", corpus, "--index", index])]
codes.append(main(["search", "older adults living alone", "--index", index, "--mode", mode, "--no-warm"]))
found = sorted(m for m in sys.modules if m in ("ray", "ebp.cluster") or m.startswith("ray."))
print(json.dumps({"codes": codes, "imported": found}))
"""


def _probe(corpus: Path, index: Path, mode: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(corpus), str(index), mode],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    assert lines, done.stderr[-2000:]
    result: dict[str, object] = json.loads(lines[-1])
    return result


def test_index_and_search_never_import_ray(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notes.xyz").write_text("a file ebp does not read: nothing is embedded and no model loads")
    result = _probe(corpus, tmp_path / "index", "bm25")
    assert result["imported"] == []
    assert result["codes"] == [0, 0]


@pytest.mark.slow
def test_a_real_pdf_indexed_and_searched_never_imports_ray(tmp_path: Path) -> None:
    """The model loads (torch, transformers): still neither ``ray`` nor ``ebp.cluster``."""
    text = "Older adults living alone at home benefit from regular home visits by social workers. " * 20
    write_pdf(tmp_path / "corpus" / "visits.pdf", [text], title="Home visits for older adults")
    result = _probe(tmp_path / "corpus", tmp_path / "index", "hybrid")
    assert result == {"codes": [0, 0], "imported": []}
