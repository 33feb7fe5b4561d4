"""Settings: defaults, the settings file, EBP_* variables, and a clear message for every bad value."""

from __future__ import annotations

from pathlib import Path

import pytest

from ebp import cli
from ebp.config import Settings


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"EBP_WORKERS": "two"}, "EBP_WORKERS='two' is not a valid int"),
        ({"EBP_OCR": "maybe"}, "EBP_OCR='maybe' is not a valid bool"),
        ({"EBP_LEXICAL_WEIGHT": "heavy"}, "EBP_LEXICAL_WEIGHT='heavy' is not a valid float"),
        ({"EBP_SEARCH_MODE": "fuzzy"}, "search_mode must be one of hybrid, dense, bm25"),
        ({"EBP_EMBED_PRECISION": "half"}, "embed_precision must be auto, float32, bfloat16"),
        ({"EBP_CHUNK_MIN_WORDS": "500"}, "chunk sizes must satisfy"),
        ({"EBP_WORKERS": "0"}, "must be positive"),
    ],
)
def test_a_bad_value_is_refused_with_its_name(env: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Settings.from_env(env)


def test_the_cli_turns_a_bad_value_into_one_line_and_exit_code_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("EBP_WORKERS", "lots")
    assert cli.main(["stats"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "ebp: EBP_WORKERS='lots' is not a valid int" and "Traceback" not in err


def test_settings_file_then_environment_then_flags(tmp_path: Path) -> None:
    path = tmp_path / "ebp.toml"
    path.write_text('model = "minilm"\nworkers = 3\n[passwords]\n"locked.pdf" = "rahasia"\n', encoding="utf-8")
    settings = Settings.from_env({"EBP_SETTINGS": str(path), "EBP_WORKERS": "2"}, model="e5-small")
    assert (settings.model, settings.workers, dict(settings.passwords)) == ("e5-small", 2, {"locked.pdf": "rahasia"})
    path.write_text("colour = 'blue'\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown settings"):
        Settings.from_env({"EBP_SETTINGS": str(path)})
    with pytest.raises(FileNotFoundError, match="settings file not found"):
        Settings.from_env({"EBP_SETTINGS": str(tmp_path / "missing.toml")})
