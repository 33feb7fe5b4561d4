"""The warm search process (issue 15.7): same answers as a search in the CLI's own process, over a
private socket; it starts when asked, steps aside for another, replaces a stale socket, stops when
idle or told to; and the CLI falls back to searching by itself whenever it cannot be used."""

from __future__ import annotations

import json
import logging
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from ebp import cli, embed, ingest, warm
from ebp.answer import Request, answer
from ebp.config import Settings
from ebp.errors import EbpError
from ebp.retrieve.search import Searcher
from ebp.serve import WarmServer

CASE = "an old man lives alone after a stroke and cannot cook"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A small index made with the fake embedder, shared by the tests (none of them changes it)."""
    from conftest import FakeEmbedder

    root = tmp_path_factory.mktemp("warm")
    corpus = root / "corpus"
    corpus.mkdir()
    texts = {
        "elderly.md": "# Home care for older people living alone\n\n"
        + "Older people living alone after a stroke benefit from home visits and meals. " * 12,
        "cash.md": "# Cash transfers and school attendance\n\n"
        + "Conditional cash transfers raised school attendance of poor children. " * 12,
        "kdrt.md": "# Pendampingan korban kekerasan dalam rumah tangga\n\n"
        + "Perempuan korban kekerasan dalam rumah tangga membutuhkan rumah aman. " * 12,
    }
    for name, text in texts.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings.from_env({}, index_dir=root / "index", corpus_dir=corpus)
    ingest.ingest(corpus, settings, FakeEmbedder())
    return settings


@pytest.fixture(autouse=True)
def _one_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fingerprint of ebp's files is fixed here: in a working tree being edited it changes under the test."""
    monkeypatch.setattr(warm, "code_version", lambda: "this version")


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to load the model fails the test."""

    def refuse(*args: object, **kwargs: object) -> embed.Embedder:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(embed, "load_embedder", refuse)


class Running:
    """A warm server answering in a thread of the test process."""

    def __init__(self, server: WarmServer) -> None:
        self.server = server
        self.thread = threading.Thread(target=server.serve_forever, daemon=True)
        self.thread.start()

    def poll(self) -> int | None:  # as a started process would answer
        return None if self.thread.is_alive() else 0

    def stop(self) -> None:
        warm.stop(self.server.index_dir)
        self.thread.join(timeout=10)
        self.server.close()


def serve(settings: Settings, embedder: embed.Embedder) -> Running:
    server = WarmServer(settings, embedder)
    assert server.open()
    server.warm_up()
    return Running(server)


@pytest.fixture
def running(library: Settings, fake_embedder) -> Iterator[Running]:  # type: ignore[no-untyped-def]
    running = serve(library, fake_embedder)
    yield running
    running.stop()


def in_process(request: Request, settings: Settings, embedder: embed.Embedder) -> str:
    return answer(request, settings, Searcher(settings.index_dir, embedder))


def test_search_and_brief_through_the_socket_equal_the_ones_in_process(
    library: Settings, running: Running, fake_embedder, no_model, capsys: pytest.CaptureFixture[str]
) -> None:
    index = str(library.index_dir)
    for command, extra in [("search", ["--json", "-k", "2"]), ("search", []), ("brief", ["--json"]), ("brief", [])]:
        assert cli.main([command, CASE, "--index", index, *extra]) == 0  # the model is never loaded here
        printed = capsys.readouterr().out
        request = Request(command, CASE, k=2 if "-k" in extra else 10, json="--json" in extra)
        assert printed == in_process(request, library, fake_embedder) + "\n"
    assert cli.main(["search", CASE, "--index", index, "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert "Home care" in hits[0]["title"] and {"doc_id", "passages", "why"} <= set(hits[0])
    # The caller's own settings decide the search, not the settings the server started with.
    bm25 = replace(library, search_mode="bm25")
    request = Request("search", CASE, json=True)
    assert warm.search(request, bm25, start=False) == in_process(request, bm25, fake_embedder)


def test_a_search_answered_warm_imports_no_model_or_index_library(library: Settings, running: Running) -> None:
    code = (
        "import sys; from ebp import cli, warm\n"
        "warm.code_version = lambda: 'this version'\n"
        f"code = cli.main(['search', {CASE!r}, '--index', {str(library.index_dir)!r}])\n"
        "heavy = {'torch', 'sentence_transformers', 'transformers', 'faiss', 'bm25s', 'pypdf', 'scipy'}\n"
        "print(code, sorted(heavy & set(sys.modules)))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip().splitlines()[-1] == "0 []"


def test_errors_come_back_as_the_search_here_would_raise_them(
    library: Settings, running: Running, tmp_path: Path
) -> None:
    with pytest.raises(EbpError, match="the case description is empty"):
        warm.search(Request("search", " "), library, start=False)
    moved = replace(library, index_dir=tmp_path / "elsewhere")  # another index: that server is not asked
    assert warm.search(Request("search", CASE), moved, start=False) is None


def test_the_socket_is_private_and_the_case_is_never_logged(
    library: Settings, running: Running, caplog: pytest.LogCaptureFixture
) -> None:
    path = warm.socket_path(library.index_dir)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and path.parent == library.index_dir.resolve()
    secret = "Ibu Sari Wulandari, 34, Jalan Melati 5, dipukul suaminya"
    with caplog.at_level(logging.DEBUG):
        assert warm.search(Request("search", secret), library, start=False)
        message = {"op": "search", "protocol": warm.PROTOCOL, "version": running.server.version}
        message |= {"model": library.model, "index": str(path.parent)}
        reply = running.server.reply({**message, "request": {"command": "search", "case": secret, "k": "many"}})
    assert reply["status"] == "failed" and secret not in caplog.text and "Melati" not in caplog.text


def test_another_version_or_model_is_not_asked(library: Settings, running: Running) -> None:
    request = Request("search", CASE)
    running.server.version = "an older ebp"
    assert warm.search(request, library, start=False) is None
    running.server.version = warm.code_version()
    assert warm.search(request, replace(library, model="minilm"), start=False) is None
    assert warm.search(request, library, start=False) is not None


def test_started_when_none_answers_and_replaced_when_outdated(
    library: Settings, fake_embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[Running] = []

    def start(settings: Settings) -> Running:
        started.append(serve(settings, fake_embedder))
        return started[-1]

    monkeypatch.setattr(warm, "start", start)
    request = Request("search", CASE, json=True)
    expected = in_process(request, library, fake_embedder)
    try:
        assert warm.search(request, library, start=True) == expected and len(started) == 1
        assert warm.search(request, library, start=True) == expected and len(started) == 1  # reused
        started[0].server.version = "an older ebp"
        assert warm.search(request, library, start=True) == expected and len(started) == 2
        started[0].thread.join(timeout=10)
        assert not started[0].thread.is_alive()  # the outdated one was told to stop
    finally:
        for running in started:
            running.stop()


def test_a_second_server_steps_aside_and_stop_and_status_work(
    library: Settings, running: Running, fake_embedder, capsys: pytest.CaptureFixture[str]
) -> None:
    assert not WarmServer(library, fake_embedder).open(lock_wait=0)
    assert cli.main(["serve", "--status", "--index", str(library.index_dir)]) == 0
    assert "warm search process" in capsys.readouterr().out
    assert cli.main(["serve", "--stop", "--index", str(library.index_dir)]) == 0
    running.thread.join(timeout=10)
    assert not running.thread.is_alive() and not warm.socket_path(library.index_dir).exists()
    assert cli.main(["serve", "--status", "--index", str(library.index_dir)]) == 1


def test_it_exits_when_idle(library: Settings, fake_embedder, capsys: pytest.CaptureFixture[str]) -> None:
    running = serve(replace(library, warm_idle_minutes=0.005), fake_embedder)  # 0.3 s
    running.thread.join(timeout=20)
    assert not running.thread.is_alive() and not warm.socket_path(library.index_dir).exists()
    running.server.close()
    again = WarmServer(library, fake_embedder)  # the lock was released
    assert again.open(lock_wait=0)
    again.close()


def test_ebp_serve_runs_in_the_foreground_until_idle(
    library: Settings, fake_embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(embed, "load_embedder", lambda spec, batch_size=32, precision="auto": fake_embedder)
    monkeypatch.setenv("EBP_WARM_IDLE_MINUTES", "0.002")
    assert cli.main(["serve", "--index", str(library.index_dir)]) == 0
    assert not warm.socket_path(library.index_dir).exists()


def test_a_stale_socket_file_is_searched_around_then_replaced(
    library: Settings, fake_embedder, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = warm.socket_path(library.index_dir)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as dead:
        dead.bind(str(path))  # a server that died: its socket file stays, nobody listens
    monkeypatch.setattr(embed, "load_embedder", lambda spec, batch_size=32, precision="auto": fake_embedder)
    request = Request("search", CASE)
    assert warm.search(request, library, start=False) is None
    assert cli.main(["search", CASE, "--index", str(library.index_dir)]) == 0  # searched in this process
    assert capsys.readouterr().out == in_process(request, library, fake_embedder) + "\n"
    running = serve(library, fake_embedder)
    try:
        assert warm.search(request, library, start=False) == in_process(request, library, fake_embedder)
    finally:
        running.stop()


def test_no_warm_and_the_setting_keep_the_search_here(
    library: Settings, running: Running, fake_embedder, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    loads: list[str] = []

    def load(spec: str, batch_size: int = 32, precision: str = "auto") -> embed.Embedder:
        loads.append(spec)
        return fake_embedder

    monkeypatch.setattr(embed, "load_embedder", load)
    assert cli.main(["search", CASE, "--index", str(library.index_dir), "--no-warm"]) == 0
    monkeypatch.setenv("EBP_WARM_SEARCH", "false")
    assert cli.main(["search", CASE, "--index", str(library.index_dir)]) == 0
    assert len(loads) == 2


def test_settings_travel_whole_except_passwords() -> None:
    settings = replace(
        Settings(),
        passwords={"a.pdf": "rahasia"},
        evidence_hierarchy=(("trials", ("rct",)), ("reviews", ("systematic_review_meta_analysis",))),
        relevance_floor=0.5,
    )
    data = json.loads(json.dumps(warm.settings_json(settings)))
    assert "passwords" not in data
    assert warm.settings_from_json(data) == replace(settings, passwords={})
    with pytest.raises(ValueError, match="k"):
        Request.from_json({**Request("search", CASE).as_json(), "k": 0})


def test_it_follows_the_index_through_a_rebuild_and_a_new_generation(tmp_path: Path, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "cash.md").write_text("# Cash transfers\n\n" + "Cash transfers raised school attendance. " * 12)
    settings = Settings.from_env({}, index_dir=tmp_path / "index", corpus_dir=corpus)
    ingest.ingest(corpus, settings, fake_embedder)
    request = Request("search", CASE, json=True)

    def titles() -> list[str]:
        out = warm.search(request, settings, start=False)
        assert out == in_process(request, settings, fake_embedder)
        return [hit["title"] for hit in json.loads(out)]

    running = serve(settings, fake_embedder)
    try:
        assert titles() == ["# Cash transfers"]
        (corpus / "cash.md").unlink()
        (corpus / "elderly.md").write_text("# Home care\n\n" + "Older people living alone after a stroke. " * 12)
        ingest.ingest(corpus, settings, fake_embedder, rebuild=True)  # a new database, at generation 1 again
        assert titles() == ["# Home care"]
        (corpus / "cash.md").write_text("# Cash transfers\n\n" + "Cash transfers raised school attendance. " * 12)
        ingest.ingest(corpus, settings, fake_embedder)  # generation 2
        assert sorted(titles()) == ["# Cash transfers", "# Home care"]
    finally:
        running.stop()
