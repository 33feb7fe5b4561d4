"""Search on Ray Serve (issue 16): shard replicas behind one router answer as the sharded index does in one process.

Needs the ``cluster`` extra (skipped without ``ray``); starts a local Ray instance and loads the real model in the
router, so it is marked slow: ``.venv-cluster/bin/python -m pytest tests/test_cluster_serve.py -m slow``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ebp.cluster.sharded import ShardedSearcher
from ebp.cluster.shards import build, read_manifest
from ebp.config import Settings
from ebp.embed.lazy import LazyEmbedder
from ebp.errors import EbpError

ray = pytest.importorskip("ray")
serve = pytest.importorskip("ray.serve")

from ebp.cluster.router import ClusterSearcher, deploy  # noqa: E402

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
CASES = (
    "Ibu korban KDRT takut melapor ke polisi, anaknya ikut menyaksikan kekerasan",
    "An older man living alone after a stroke refuses home care",
    "remaja pengguna narkoba, keluarga ingin wawancara motivasional",
    "juvenile offender diverted from court",
)


def _view(hits):  # type: ignore[no-untyped-def]
    return [(h.document.path, h.why.fused_score, h.why.dense_score, h.why.lexical_score) for h in hits]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("serve")
    corpus = root / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    settings = Settings.from_env({}, index_dir=root / "big", corpus_dir=corpus)
    embedder = LazyEmbedder(settings.model)
    build(corpus, settings.index_dir, settings, embedder, shards=3)
    ray.init(num_cpus=2, logging_level="WARNING", log_to_driver=False)
    try:
        deploy(settings, "local", replicas=1, cpus=0.25)
        yield corpus, settings, embedder
    finally:
        serve.shutdown()
        ray.shutdown()


def test_the_router_answers_as_the_sharded_index_in_one_process(served) -> None:  # type: ignore[no-untyped-def]
    corpus, settings, embedder = served
    local = ShardedSearcher(settings.index_dir, embedder)
    remote = ClusterSearcher(settings.index_dir, "local", settings.model)
    for case in CASES:
        assert _view(remote.search(case, k=8)) == _view(local.search(case, k=8)), case


def test_a_rebuilt_shard_is_served_on_the_next_query(served, make_pdf) -> None:  # type: ignore[no-untyped-def]
    corpus, settings, embedder = served
    remote = ClusterSearcher(settings.index_dir, "local", settings.model)
    case = "homeless veterans with dogs in winter shelters"
    assert "zz_shelter.pdf" not in [h.document.path for h in remote.search(case, k=5)]
    text = "Winter shelters that accept dogs reduced rough sleeping among homeless veterans. " * 8
    make_pdf(corpus / "zz_shelter.pdf", [text, "Results. " + text])
    before = read_manifest(settings.index_dir)
    built: list[str] = []
    after = build(corpus, settings.index_dir, settings, embedder, on_shard=lambda name, _: built.append(name))
    assert before is not None and built == [before.shards[-1].name]  # one shard built again
    assert after.generation == before.generation + 1
    assert remote.search(case, k=1)[0].document.path == "zz_shelter.pdf"


def test_no_app_is_one_clear_error(tmp_path: Path, served) -> None:  # type: ignore[no-untyped-def]
    _, settings, _ = served
    serve.delete("ebp")
    try:
        with pytest.raises(EbpError, match="ebp serve --cluster"):
            ClusterSearcher(settings.index_dir, "local", settings.model).search("lansia tinggal sendiri")
    finally:
        deploy(settings, "local", replicas=1, cpus=0.25)
