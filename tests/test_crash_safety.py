"""Crash safety and concurrency with real processes: kill -9 an ingest at several points, search
while another process re-indexes. The previous index must always open and answer the same."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from ebp import ingest
from ebp.config import Settings
from ebp.index.generations import Generations
from ebp.index.store import Store
from ebp.index.vectors import VectorIndex
from ebp.retrieve.search import Searcher

TESTS = Path(__file__).resolve().parent

# An ingest in its own process: small embedding batches and a slow fake model, so that a kill
# lands between batches as well as inside one. Prints a line after every written batch.
INGEST_SCRIPT = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from pathlib import Path
    from conftest import FakeEmbedder
    from ebp import ingest
    from ebp.config import Settings

    GATE = {gate!r}  # a folder: batch n waits for the file "n" (or "open") to appear there

    class Slow(FakeEmbedder):
        batches = 0

        def embed_passages(self, texts):
            self.batches += 1
            if GATE:
                while not (Path(GATE, str(self.batches)).exists() or Path(GATE, "open").exists()):
                    time.sleep(0.01)
            else:
                time.sleep(0.3)
            return super().embed_passages(texts)

    from ebp.ingest import pipeline
    pipeline.EMBED_BUFFER = 3
    settings = Settings.from_env({{}}, index_dir=Path({index!r}))
    for event in ingest.run(Path({corpus!r}), settings, Slow()):
        if isinstance(event, ingest.Progress) and event.stage == "write":
            print("written", flush=True)
    print("done", flush=True)
    """
)


def _corpus(root: Path, make_pdf, n: int, topic: str = "support") -> Path:
    for i in range(n):
        make_pdf(root / f"doc{i:02d}.pdf", [f"Document {i} about {topic} number {i}. " * 20])
    return root


def _snapshot(settings: Settings, fake_embedder) -> list[tuple[str, float]]:  # type: ignore[no-untyped-def]
    hits = Searcher(settings.index_dir, fake_embedder).search("document about support", k=50)
    return [(h.document.path, h.score) for h in hits]


def _consistent(settings: Settings) -> None:
    store = Store.open_existing(settings.index_dir)
    generation = store.generation()
    sql_ids, _ = store.vectors_at(generation, 64)
    faiss_ids = VectorIndex.load(Generations(settings.index_dir).vectors_path(generation)).ids()
    assert sorted(sql_ids.tolist()) == sorted(faiss_ids.tolist())
    docs = store.all_documents(generation)
    assert len({d.path for d in docs}) == len(docs)  # no duplicates


def _ingest_process(corpus: Path, settings: Settings, gate: Path | None = None) -> subprocess.Popen[str]:
    script = INGEST_SCRIPT.format(
        tests=str(TESTS), index=str(settings.index_dir), corpus=str(corpus), gate=str(gate) if gate else ""
    )
    return subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)


@pytest.mark.parametrize("kill_after_batches", [0, 1, 3])
def test_kill_9_during_ingest_keeps_the_previous_index(
    tmp_path: Path, make_pdf, fake_embedder, settings: Settings, kill_after_batches: int
) -> None:
    corpus = _corpus(tmp_path / "corpus", make_pdf, 4)
    ingest.ingest(corpus, settings, fake_embedder)
    before = _snapshot(settings, fake_embedder)
    _corpus(corpus, make_pdf, 16, topic="housing")  # 12 new files, 4 changed ones

    proc = _ingest_process(corpus, settings)
    assert proc.stdout is not None
    for _ in range(kill_after_batches):
        assert proc.stdout.readline().strip() == "written"
    time.sleep(0.1)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)

    assert _snapshot(settings, fake_embedder) == before  # the old index still opens and answers the same
    _consistent(settings)
    report = ingest.ingest(corpus, settings, fake_embedder)  # the next run completes the work
    assert report.documents == 16 and not report.skipped
    _consistent(settings)
    assert _snapshot(settings, fake_embedder) != before


def test_search_while_another_process_reindexes(tmp_path: Path, make_pdf, fake_embedder, settings: Settings) -> None:
    corpus = _corpus(tmp_path / "corpus", make_pdf, 6)
    ingest.ingest(corpus, settings, fake_embedder)
    old = _snapshot(settings, fake_embedder)
    for i in range(6, 12):
        make_pdf(corpus / f"doc{i:02d}.pdf", [f"Document {i} about support in housing. " * 20])
    (corpus / "doc00.pdf").unlink()

    searcher = Searcher(settings.index_dir, fake_embedder)
    gate = tmp_path / "gate"
    gate.mkdir()
    proc = _ingest_process(corpus, settings, gate)
    seen = []
    for batch in (1, 2, 3):  # the other process waits before each of its first three batches: search then
        seen.append([(h.document.path, h.score) for h in searcher.search("document about support", k=50)])
        (gate / str(batch)).touch()
    (gate / "open").touch()
    while proc.poll() is None:  # and go on searching while it finishes and switches generation
        seen.append([(h.document.path, h.score) for h in searcher.search("document about support", k=50)])
        time.sleep(0.02)
    assert proc.returncode == 0
    new = _snapshot(settings, fake_embedder)
    assert new != old
    assert all(result in (old, new) for result in seen)  # never a mix of the two generations
    assert searcher.search("document about support", k=50) == Searcher(settings.index_dir, fake_embedder).search(
        "document about support", k=50
    )
