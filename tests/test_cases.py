"""Case workspaces (issue 18): the store in real SQLite, encryption, deletion with compaction, a kill in the
middle of a save, the supervision record in HTML/Word/PDF, the teaching case and the CLI."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from ebp.cases import record
from ebp.cases.crypto import WrongPassphrase
from ebp.cases.workspace import CaseError, CaseStore, Evidence, Question, Quote, Workspace, add_follow_up
from ebp.cli import main
from ebp.present.readinglists import ReadingItem
from ebp.types import Level

CASE = (
    "Bu Sri Mulyani (HP 0812-3456-7890) tinggal di Jl. Kenanga No. 12, RT 003/RW 005. Anaknya sering "
    "tidak masuk sekolah; apakah pendampingan belajar efektif meningkatkan kehadiran?"
)
# Words of the case that are not identifiers: the encrypted file must not show them either.
CASE_WORDS = ("pendampingan", "kehadiran", "sekolah", "Anaknya")
ITEM = ReadingItem(
    path="id_uji_acak.pdf", title="Pendampingan belajar anak keluarga PKH", authors=("Rina Putri",), year=2023,
    design="rct", level=Level(2, "rct", "Randomised trial", "Uji acak"),
)  # fmt: skip


def workspace(name: str = "Kasus kehadiran") -> Workspace:
    return Workspace(
        name=name,
        case=CASE,
        question=Question("anak keluarga PKH", "pendampingan belajar", "", "kehadiran sekolah", "effectiveness"),
        evidence=(Evidence(ITEM, (Quote("Kehadiran naik 12 persen dibanding kelompok kontrol.", 4),)),),
        notes="Dibahas dengan Pak Darto dari sekolah.",
        decision="Pendampingan belajar dua kali seminggu.",
        measures="Kehadiran per bulan",
    )


def test_a_workspace_is_saved_de_identified_and_read_back(tmp_path: Path) -> None:
    store = CaseStore.in_index(tmp_path)
    saved = store.save(workspace())
    assert "Sri" not in saved.case and "0812" not in saved.case and "Kenanga" not in saved.case
    assert "Darto" not in saved.notes  # a name typed later into a note is masked too
    assert saved.case.startswith("Bu [NAMA-1]") and saved.notes == "Dibahas dengan Pak [NAMA-2] dari sekolah."
    back = store.get("Kasus kehadiran")
    assert back == saved and back.evidence[0].item.level.rank == 2 and back.evidence[0].findings[0].page == 4
    later = store.save(replace(saved, decision="Bu Sri setuju; Pak Joko ikut."))
    assert later.decision == "Bu [NAMA-3] setuju; Pak [NAMA-4] ikut."  # after the numbers already used
    with_entry = add_follow_up(later, "2026-12-20", "Hadir 18 dari 20 hari", "kehadiran")
    store.save(with_entry)
    assert store.get("Kasus kehadiran").follow_ups[0].result == "Hadir 18 dari 20 hari"
    raw = (tmp_path / "cases.sqlite").read_bytes() + _wal(tmp_path)
    assert b"Mulyani" not in raw and b"0812-3456" not in raw
    with pytest.raises(CaseError):
        add_follow_up(back, "20/12/2026", "x")


def _wal(folder: Path) -> bytes:
    wal = folder / "cases.sqlite-wal"
    return wal.read_bytes() if wal.exists() else b""


def test_an_encrypted_workspace_shows_none_of_its_words_and_a_wrong_passphrase_says_so(tmp_path: Path) -> None:
    store = CaseStore.in_index(tmp_path)
    key = store.save(workspace(), passphrase="kata sandi panjang").id
    assert [s.name for s in store.summaries()] == [""]  # its name is encrypted too
    raw = (tmp_path / "cases.sqlite").read_bytes() + _wal(tmp_path)
    for word in (*CASE_WORDS, "Kehadiran naik", "PKH", "Pendampingan belajar"):
        assert word.encode() not in raw, word
    opened = store.get(key, "kata sandi panjang")
    assert opened.name == "Kasus kehadiran" and opened.question.option == "pendampingan belajar"
    with pytest.raises(WrongPassphrase, match="wrong passphrase"):
        store.get(key, "salah")
    with pytest.raises(WrongPassphrase):
        store.get(key)


def test_deleting_a_workspace_removes_its_words_from_the_file(tmp_path: Path) -> None:
    store = CaseStore.in_index(tmp_path)
    store.save(workspace("Kasus satu"))
    store.save(Workspace(name="Kasus dua", case="Remaja putus sekolah, butuh pelatihan kerja."))
    store.delete("Kasus satu")
    raw = (tmp_path / "cases.sqlite").read_bytes() + _wal(tmp_path)
    assert b"kehadiran" not in raw and b"Kasus satu" not in raw
    assert store.names() == ["Kasus dua"]
    with pytest.raises(CaseError):
        store.delete("Kasus satu")


def test_export_and_import_of_one_workspace_file(tmp_path: Path) -> None:
    store = CaseStore.in_index(tmp_path / "a")
    store.save(workspace("Kasus terbuka"))
    key = store.save(workspace(), passphrase="pw").id
    data = store.export_file(key)
    assert b"kehadiran" not in data
    other = CaseStore.in_index(tmp_path / "b")
    imported = other.import_file(data)
    assert other.get(imported.id, "pw").measures == "Kehadiran per bulan"
    assert other.import_file(store.export_file("Kasus terbuka")).name == "Kasus terbuka"
    with pytest.raises(CaseError, match="already exists"):
        other.import_file(store.export_file("Kasus terbuka"))
    with pytest.raises(CaseError):
        other.import_file(b"{}")


_SAVER = """
import sys
from pathlib import Path
from ebp.cases.workspace import CaseStore, Workspace
store = CaseStore.in_index(Path(sys.argv[1]))
print("ready", flush=True)
n = 0
while True:
    n += 1
    store.save(Workspace(name="busy", id="busy", case="Catatan panjang. " * 20000 + str(n)))
"""


def test_killing_the_app_in_the_middle_of_a_save_loses_no_earlier_workspace(tmp_path: Path) -> None:
    store = CaseStore.in_index(tmp_path)
    for name in ("Kasus A", "Kasus B"):
        store.save(workspace(name))
    before = {name: store.get(name) for name in store.names()}
    assert len(before) == 2
    saver = subprocess.Popen([sys.executable, "-c", _SAVER, str(tmp_path)], stdout=subprocess.PIPE)
    try:
        assert saver.stdout is not None and saver.stdout.readline().strip() == b"ready"
        time.sleep(1.5)  # several large saves, one of them under way
    finally:
        os.kill(saver.pid, signal.SIGKILL)
        saver.wait(timeout=10)
    after = CaseStore.in_index(tmp_path)
    for name, saved in before.items():
        assert after.get(name) == saved
    import sqlite3

    with sqlite3.connect(tmp_path / "cases.sqlite") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _full() -> Workspace:
    return add_follow_up(workspace().masked(), "2026-12-20", "Hadir 18 dari 20 hari", "kehadiran")


def test_the_supervision_record_in_html_word_and_pdf_holds_the_question_and_the_evidence() -> None:
    import docx
    from pypdf import PdfReader

    ws = _full()
    page = record.to_html(ws, "id")
    assert "pendampingan belajar" in page and "Kehadiran naik 12 persen" in page and "Uji acak" in page
    assert "Hadir 18 dari 20 hari" in page and "Sri" not in page
    word = "\n".join(p.text for p in docx.Document(io.BytesIO(record.to_docx(ws, "en"))).paragraphs)
    assert "pendampingan belajar" in word and "Kehadiran naik 12 persen" in word and "Randomised trial" in word
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(record.to_pdf(ws, "id"))).pages)
    assert "pendampingan belajar" in text and "Kehadiran naik 12 persen" in text


def test_a_teaching_case_enters_the_corpus_as_a_marked_case_study(tmp_path: Path) -> None:
    from ebp.ingest.parse import doc_type_for, parse_file

    path = record.write_teaching_case(workspace(), tmp_path / "corpus", "id")
    assert path.parent == tmp_path / "corpus" / "uploads" / "case_studies"
    text = path.read_text(encoding="utf-8")
    assert "Mulyani" not in text and "teaching_case: true" in text and "Kasus ajar" in text
    parsed = parse_file(path, tmp_path / "corpus")
    assert doc_type_for(parsed.rel_path, parsed.metadata).value == "case_study"


def test_the_cli_lists_shows_exports_and_deidentifies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    CaseStore.in_index(tmp_path).save(workspace())
    assert main(["case", "list", "--index", str(tmp_path)]) == 0
    assert "Kasus kehadiran" in capsys.readouterr().out
    assert main(["case", "show", "Kasus kehadiran", "--index", str(tmp_path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["question"]["option"] == "pendampingan belajar"
    out = tmp_path / "record.html"
    assert main(["case", "export", "Kasus kehadiran", "--index", str(tmp_path), "-o", str(out)]) == 0
    assert "Kehadiran naik" in out.read_text(encoding="utf-8")
    assert main(["case", "show", "Tidak ada", "--index", str(tmp_path)]) == 1
    capsys.readouterr()
    assert main(["deidentify", "Pak Budi, HP 0812-3456-7890", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["text"] == "Pak [NAMA-1], HP [TELEPON]"
    assert [m["kind"] for m in result["masks"]] == ["name", "phone"]
