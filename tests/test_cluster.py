"""``ebp index --cluster local`` (issue 16): the same index as the laptop's, on a local Ray instance.

Needs the ``cluster`` extra (skipped without ``ray``). Each test starts Ray (about 10-30 s on a busy
machine) and loads the real default model in an actor, so they are marked slow.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from conftest import shared_path, write_pdf

from ebp.config import Settings
from ebp.embed.lazy import LazyEmbedder
from ebp.ingest.pipeline import IngestReport, ingest

ray = pytest.importorskip("ray")

from ebp.cluster.ingest import ClusterOptions, ClusterStats, run  # noqa: E402
from ebp.cluster.stage import staging_dir  # noqa: E402

pytestmark = pytest.mark.slow

QUERIES = (
    "older adults living alone and home visits",
    "dietary antioxidants and blood glucose after meals",
    "skin disease in a patient with cancer",
)


def ray_processes() -> set[int]:
    """Live processes of any Ray instance (zombies waiting to be reaped are not counted)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state = stat.read_text().rsplit(")", 1)[1].split()[0]
            cmdline = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ")
        except (OSError, IndexError):
            continue
        if state != "Z" and (b"ray::" in cmdline or b"/ray/" in cmdline or b"raylet" in cmdline):
            found.add(int(stat.parent.name))
    return found


def wait_for_no_new_ray(before: set[int], seconds: float = 60) -> set[int]:
    deadline = time.monotonic() + seconds
    while (left := ray_processes() - before) and time.monotonic() < deadline:
        time.sleep(0.5)
    return left


def make_corpus(root: Path) -> Path:
    """Eight real NFCorpus PDFs, two longer made ones (several passages each) and a broken file."""
    pdfs = sorted(shared_path("data", "pdfs", "nfcorpus", "files").glob("*.pdf"))[:8]
    for pdf in pdfs:
        shutil.copy(pdf, root / pdf.name)
    visits = "Older adults living alone benefit from regular home visits by trained social workers. " * 40
    write_pdf(root / "made" / "visits.pdf", [visits, visits.upper(), "Loneliness fell in the visited group. " * 60])
    write_pdf(root / "made" / "diet.pdf", ["A spice blend lowered the insulin response after meals. " * 50] * 2)
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    return root


def cluster_run(corpus: Path, settings: Settings, stats: ClusterStats | None = None) -> IngestReport:
    events = run(corpus, settings, LazyEmbedder(settings.model), options=ClusterOptions(), stats=stats)
    reports = [e for e in events if isinstance(e, IngestReport)]
    return reports[-1]


def passages(index_dir: Path) -> list[tuple[str, int, str]]:
    with sqlite3.connect(index_dir / "ebp.sqlite") as conn:
        rows = conn.execute(
            "SELECT d.path, p.ordinal, p.text FROM passages p JOIN documents d USING (doc_id)"
            " ORDER BY d.path, p.ordinal"
        ).fetchall()
    return [(str(a), int(b), str(c)) for a, b, c in rows]


def vectors(index_dir: Path) -> dict[tuple[str, int], np.ndarray]:
    from ebp.index.store import Store

    store = Store.open_existing(index_dir)
    with sqlite3.connect(index_dir / "ebp.sqlite") as conn:
        rows = conn.execute("SELECT p.passage_id, d.path, p.ordinal FROM passages p JOIN documents d USING (doc_id)")
        keyed = [(int(i), str(path), int(o)) for i, path, o in rows]
    found = store.vectors_of([i for i, _, _ in keyed], 384)
    return {(path, o): found[n] for n, (_, path, o) in enumerate(keyed)}


def top10(index_dir: Path, embedder: LazyEmbedder) -> list[list[str]]:
    from ebp.retrieve.search import Searcher

    searcher = Searcher(index_dir, embedder)
    return [[hit.document.path for hit in searcher.search(q, k=10)] for q in QUERIES]


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Settings, Settings, ClusterStats]:
    root = tmp_path_factory.mktemp("cluster")
    corpus = root / "corpus"
    corpus.mkdir()
    make_corpus(corpus)
    laptop = Settings.from_env({}, index_dir=root / "laptop", corpus_dir=corpus)
    cluster = replace(laptop, index_dir=root / "cluster")
    ingest(corpus, laptop, LazyEmbedder(laptop.model))
    before = ray_processes()
    stats = ClusterStats()
    report = cluster_run(corpus, cluster, stats)
    assert report.documents == 10 and [f.path for f in report.failed] == ["broken.pdf"]
    left = wait_for_no_new_ray(before)
    assert not left, f"Ray processes outlived the run: {[Path(f'/proc/{p}/cmdline').read_bytes()[:200] for p in left]}"
    return corpus, laptop, cluster, stats


def test_the_cluster_gives_the_laptops_passages_vectors_and_ranking(both) -> None:  # type: ignore[no-untyped-def]
    _, laptop, cluster, stats = both
    assert stats.ray_started and stats.embedded_documents == 11 and stats.staged_before == 0
    assert passages(cluster.index_dir) == passages(laptop.index_dir)
    ours, theirs = vectors(cluster.index_dir), vectors(laptop.index_dir)
    assert ours.keys() == theirs.keys()
    cosines = [float(ours[key] @ theirs[key]) for key in ours]
    assert min(cosines) >= 0.9999
    embedder = LazyEmbedder(laptop.model)
    assert top10(cluster.index_dir, embedder) == top10(laptop.index_dir, embedder)
    assert not staging_dir(cluster.index_dir).exists()  # emptied once the generation was published


def test_an_unchanged_folder_starts_no_ray(both) -> None:  # type: ignore[no-untyped-def]
    corpus, _, cluster, _ = both
    stats = ClusterStats()
    report = cluster_run(corpus, cluster, stats)
    assert not stats.ray_started and report.embedded == 0


def test_a_run_stopped_after_staging_resumes_without_embedding_again(tmp_path: Path, both) -> None:  # type: ignore[no-untyped-def]
    corpus, laptop, _, _ = both
    settings = replace(laptop, index_dir=tmp_path / "index")
    events = run(corpus, settings, LazyEmbedder(settings.model), options=ClusterOptions())
    for event in events:  # the driver "dies" once the cluster has staged everything, before any write
        if getattr(event, "stage", None) == "parse":
            events.close()
            break
    assert len(list(staging_dir(settings.index_dir).glob("*.parquet"))) == 11
    stats = ClusterStats()
    report = cluster_run(corpus, settings, stats)
    assert not stats.ray_started and stats.staged_before == 11 and stats.embedded_documents == 0
    assert report.documents == 10
    assert passages(settings.index_dir) == passages(laptop.index_dir)


@pytest.fixture
def two_nodes():  # type: ignore[no-untyped-def]
    """Ray's multi-node test cluster on this machine: a head and one worker node, one CPU each."""
    from ray.cluster_utils import Cluster

    cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 1, "object_store_memory": 100 * 2**20})
    try:
        cluster.add_node(num_cpus=1, object_store_memory=100 * 2**20)
        cluster.wait_for_nodes()
        yield cluster
    finally:
        cluster.shutdown()


def test_work_runs_on_both_nodes_of_a_two_node_cluster(tmp_path: Path, both, two_nodes) -> None:  # type: ignore[no-untyped-def]
    """A reader and an embedder that each need a whole CPU cannot share a one-CPU node."""
    corpus, laptop, _, _ = both
    settings = replace(laptop, index_dir=tmp_path / "index")
    options = ClusterOptions(address=two_nodes.address, reader_cpus=1.0, embedder_cpus=1.0)
    stats = ClusterStats()
    events = run(corpus, settings, LazyEmbedder(settings.model), options=options, stats=stats)
    report = [e for e in events if isinstance(e, IngestReport)][-1]
    assert len(stats.nodes) == 2, stats.nodes
    assert report.documents == 10
    assert passages(settings.index_dir) == passages(laptop.index_dir)


def test_our_per_file_timeout_holds_inside_the_reader_actors(tmp_path: Path) -> None:
    """Ray has no per-file timeout; the reader's isolated parser does: a file that reads too slowly
    becomes ``timeout`` and the run completes (here, a long PDF under a 50 ms limit)."""
    corpus = tmp_path / "corpus"
    page = "Case management for families at risk of homelessness. " * 40
    write_pdf(corpus / "long.pdf", [page] * 400)
    settings = Settings.from_env({}, index_dir=tmp_path / "index", corpus_dir=corpus)
    settings = replace(settings, parse_timeout_s=0.05)
    report = cluster_run(corpus, settings)
    assert [(f.path, f.status) for f in report.failed] == [("long.pdf", "timeout")]
    assert report.documents == 0


def test_a_killed_driver_then_a_rerun_embeds_nothing_twice(tmp_path: Path, both) -> None:  # type: ignore[no-untyped-def]
    """SIGKILL of ``ebp index --cluster local`` once some documents are staged: no Ray process outlives the killed
    driver (``ebp.cluster.reaper`` ends the two agents Ray 2.60 leaves), and the re-run embeds only the others and
    gives the laptop's passages."""
    import contextlib
    import os
    import signal
    import subprocess
    import sys

    corpus, laptop, _, _ = both
    index = tmp_path / "index"
    before = ray_processes()
    command = [sys.executable, "-m", "ebp", "index", str(corpus), "--index", str(index), "--cluster", "local"]
    driver = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while not list(staging_dir(index).glob("*.parquet")) and driver.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    driver.kill()
    driver.wait()
    staged = len(list(staging_dir(index).glob("*.parquet")))
    left = wait_for_no_new_ray(before)
    described = []
    for pid in left:  # ours: started by the killed driver; ended so that they do not outlive the test
        with contextlib.suppress(OSError):
            described.append(Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode())
            os.kill(pid, signal.SIGKILL)
    assert 0 < staged < 11
    stats = ClusterStats()
    report = cluster_run(corpus, replace(laptop, index_dir=index), stats)
    # actors may finish the batch in hand after the driver died: more can be staged than when it was killed
    assert stats.staged_before >= staged and stats.staged_before + stats.embedded_documents == 11
    assert report.documents == 10
    assert passages(index) == passages(laptop.index_dir)
    assert not left, f"Ray processes outlived the killed driver: {described}"
