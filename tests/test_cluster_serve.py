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
    settings = Settings.from_env({"EBP_REPLICA_CPUS": "0.25"}, index_dir=root / "big", corpus_dir=corpus)
    embedder = LazyEmbedder(settings.model)
    build(corpus, settings.index_dir, settings, embedder, shards=3)
    ray.init(num_cpus=2, logging_level="WARNING", log_to_driver=False)
    try:
        deploy(settings, "local", replicas=1)
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
        deploy(settings, "local", replicas=1)


def test_the_command_line_deploys_on_a_running_cluster_and_searches_through_it(tmp_path: Path) -> None:
    """`ray start --head`, `ebp serve --cluster ADDRESS` (the app stays on the cluster after the command), then
    `ebp search --cluster ADDRESS --json` and `ebp brief --cluster ADDRESS --json` print what they print from the
    same sharded index in one process."""
    import json
    import os
    import socket
    import subprocess
    import sys

    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # Ray 2.60 authenticates its clients by a token (~/.ray/auth_token): the head and every client ask for it.
    env = {**os.environ, "EBP_REPLICA_CPUS": "0.25", "EBP_WARM_SEARCH": "0", "RAY_AUTH_MODE": "token"}
    bin_dir = Path(sys.executable).parent
    ebp = [sys.executable, "-m", "ebp"]
    index = ["--index", str(tmp_path / "big")]
    run = lambda *args: subprocess.run([*args], env=env, capture_output=True, text=True, timeout=600)  # noqa: E731
    assert run(*ebp, "index", str(corpus), *index, "--shards", "2").returncode == 0
    head = ("start", "--head", f"--port={port}", "--num-cpus=2", "--disable-usage-stats")
    started = run(str(bin_dir / "ray"), *head)
    assert started.returncode == 0, started.stderr
    try:
        address = f"127.0.0.1:{port}"
        nobody = run(*ebp, "search", "lansia", *index, "--cluster", "127.0.0.1:9")
        assert nobody.returncode == 1 and nobody.stderr.startswith("ebp: no Ray cluster answers"), nobody.stderr
        deployed = run(*ebp, "serve", *index, "--cluster", address, "--replicas", "2")
        assert deployed.returncode == 0 and "search app deployed" in deployed.stderr, deployed.stderr
        case = "Ibu korban KDRT takut melapor, anaknya menyaksikan kekerasan"
        here = run(*ebp, "search", case, *index, "--json", "-k", "5")
        there = run(*ebp, "search", case, *index, "--json", "-k", "5", "--cluster", address)
        assert there.returncode == 0, there.stderr
        assert json.loads(there.stdout) == json.loads(here.stdout) and json.loads(here.stdout)
        here = run(*ebp, "brief", case, *index, "--json")
        there = run(*ebp, "brief", case, *index, "--json", "--cluster", address)
        assert there.returncode == 0, there.stderr
        assert json.loads(there.stdout) == json.loads(here.stdout) and json.loads(here.stdout)["findings"]
    finally:
        run(str(bin_dir / "ray"), "stop", "--force")
