"""The command line, end to end, with the real default model on small real PDFs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ebp import cli, embed

CASES = {
    "elderly.pdf": (
        "Home Care for Older People Living Alone",
        "Older people living alone benefit from regular home visits, meals and respite for carers.",
    ),
    "cash.pdf": (
        "Cash Transfers and School Attendance",
        "Conditional cash transfers reduced household poverty and raised school attendance of children.",
    ),
    "kdrt.pdf": (
        "Pendampingan Korban Kekerasan Dalam Rumah Tangga",
        "Perempuan korban kekerasan dalam rumah tangga membutuhkan rumah aman dan bantuan hukum.",
    ),
}


@pytest.fixture
def corpus(tmp_path: Path, make_pdf) -> Path:
    root = tmp_path / "corpus"
    for name, (title, sentence) in CASES.items():
        make_pdf(
            root / name,
            [
                f"{title}\nAbstract\n" + " ".join([sentence] * 10),
                "Results\n" + " ".join([sentence] * 8) + " A marker sentence on page two.",
            ],
            title=title,
        )
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    return root


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch, real_embedder):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(embed, "load_embedder", lambda spec, batch_size=32, precision="auto": real_embedder)
    return real_embedder


def test_index_search_stats(tmp_path: Path, corpus: Path, model, capsys: pytest.CaptureFixture[str]) -> None:
    index = tmp_path / "index"
    assert cli.main(["index", str(corpus), "--index", str(index)]) == 0
    err = capsys.readouterr().err
    assert "corrupt" in err and "broken.pdf" in err
    assert "documents 3, pages 6" in err and "skipped 1, failed 1" in err

    assert (
        cli.main(["search", "an old man lives alone and cannot cook", "--index", str(index), "--json", "-k", "2"]) == 0
    )
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 2
    top = hits[0]
    assert top["title"] == "Home Care for Older People Living Alone"
    assert set(top) >= {"doc_id", "path", "title", "authors", "year", "language", "doc_type", "score", "passages"}
    assert Path(top["path"]).exists()
    assert top["language"] == "en" and top["doc_type"] == "journal_article"
    passage = top["passages"][0]
    assert set(passage) == {"page_start", "page_end", "section", "text", "score"}
    assert 1 <= passage["page_start"] <= passage["page_end"] <= 2
    assert hits[0]["score"] >= hits[1]["score"]

    assert cli.main(["search", "kekerasan dalam rumah tangga", "--index", str(index)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. Pendampingan Korban Kekerasan") and "p. " in out

    assert cli.main(["stats", "--index", str(index), "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["documents"] == 3 and stats["model"] == "multilingual-e5-small" and stats["by_language"]["id"] == 1


def test_search_without_index_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["search", "anything", "--index", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("ebp: no index at") and "ebp index" in err[0]


def test_empty_case_is_refused(tmp_path: Path, corpus: Path, model, capsys: pytest.CaptureFixture[str]) -> None:
    index = tmp_path / "index"
    cli.main(["index", str(corpus), "--index", str(index)])
    capsys.readouterr()
    assert cli.main(["search", "   ", "--index", str(index)]) == 1
    assert "case description is empty" in capsys.readouterr().err


def test_help_is_instant_and_does_not_import_torch() -> None:
    code = "import sys, ebp.cli; ebp.cli._parser(); print('torch' in sys.modules, 'pypdf' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False False"
    help_run = subprocess.run([sys.executable, "-m", "ebp", "--help"], capture_output=True, text=True)
    assert help_run.returncode == 0 and "search" in help_run.stdout


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> embed.Embedder:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(embed, "load_embedder", refuse)


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["search", ""], 1, "ebp: the case description is empty"),
        (["brief", "  \n "], 1, "ebp: the case description is empty"),
        (["search", "lansia", "-k", "0"], 2, "ebp: -k must be at least 1: 0"),
        (["search", "lansia", "--min-level", "0"], 2, "ebp: --min-level must be at least 1"),
        (["search", "lansia", "--year-from", "2020", "--year-to", "2010"], 2, "ebp: --year-from 2020 is after"),
        (["search", "lansia"], 1, "ebp: no index at"),
        (["index", "{tmp}/nowhere"], 2, "ebp: corpus folder not found"),
        (["index", "{corpus}", "--workers", "0"], 2, "ebp: workers, batch_size, candidates and passages_per_doc must"),
        (["index", "{corpus}", "--model", "./no/such/model"], 1, "ebp: model folder not found"),
        (["eval", "--beir", "{tmp}/nowhere"], 2, "ebp: BEIR folder not found"),
    ],
)
def test_bad_arguments_fail_with_one_line_before_the_model_loads(
    argv: list[str], code: int, message: str, tmp_path: Path, no_model, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "corpus").mkdir()
    argv = [a.format(tmp=tmp_path, corpus=tmp_path / "corpus") for a in argv]
    assert cli.main([*argv, "--index", str(tmp_path / "index")]) == code
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(message)
    assert not (tmp_path / "index").exists()  # nothing was created either


def test_argument_errors_import_no_model_library(tmp_path: Path) -> None:
    code = (
        "import sys; from ebp import cli\n"
        f"codes = [cli.main(['search', ' ', '--index', {str(tmp_path)!r}]),"
        f" cli.main(['index', {str(tmp_path / 'nowhere')!r}])]\n"
        "print(codes, sorted({'torch', 'sentence_transformers', 'faiss', 'pypdf'} & set(sys.modules)))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[1, 2] []"


def test_an_unchanged_folder_is_indexed_again_without_loading_the_model(
    tmp_path: Path, corpus: Path, make_pdf, fake_embedder, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    loads: list[str] = []

    def load(spec: str, batch_size: int = 32, precision: str = "auto") -> embed.Embedder:
        loads.append(spec)
        return fake_embedder

    monkeypatch.setattr(embed, "load_embedder", load)
    args = ["index", str(corpus), "--index", str(tmp_path / "index"), "--model", "fake-hash-64"]
    assert cli.main(args) == 0 and loads == ["fake-hash-64"]
    assert "loading model fake-hash-64" in capsys.readouterr().err

    assert cli.main(args) == 0 and loads == ["fake-hash-64"]  # nothing to embed: never loaded
    err = capsys.readouterr().err
    assert "embedded 0" in err and "model not loaded" in err and "loading model" not in err
    assert "documents 3, pages 6" in err

    make_pdf(corpus / "new.pdf", ["Family group conferencing for child protection. " * 30], title="New")
    assert cli.main(args) == 0 and len(loads) == 2  # a new file: loaded when it is embedded
    err = capsys.readouterr().err
    assert "documents 4" in err and "embedded 0" not in err
