"""Uploads: PDF by content, safe names inside the corpus, never overwriting, duplicates found."""

from __future__ import annotations

from pathlib import Path

import pytest

from ebp import ingest
from ebp.ingest.uploads import (
    corpus_bytes,
    corpus_file,
    is_pdf,
    remove_file,
    safe_filename,
    save_upload,
    save_uploads,
)


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("laporan.pdf", "laporan.pdf"),
        ("../../etc/Studi Kasus (final).PDF", "Studi_Kasus_final.pdf"),
        ("..\\..\\windows\\evil.pdf", "evil.pdf"),
        ("/abs/path/x.pdf", "x.pdf"),
        (".hidden.pdf", "hidden.pdf"),  # a hidden file would never be indexed
        ("README.pdf", "doc_README.pdf"),  # nor would a README
        ("..", "upload.pdf"),
        ("", "upload.pdf"),
        ("Pengalaman ibu—korban KDRT.pdf", "Pengalaman_ibu_korban_KDRT.pdf"),
        ("naïve café.pdf", "naive_cafe.pdf"),
        ("con.pdf", "doc_con.pdf"),
        ("a" * 300 + ".pdf", "a" * 100 + ".pdf"),
        ("notes.txt", "notes.txt.pdf"),
    ],
)
def test_safe_filename(name: str, safe: str) -> None:
    assert safe_filename(name) == safe


def test_is_pdf_by_content_not_name() -> None:
    assert is_pdf(b"%PDF-1.7\n...") and is_pdf(b"\xef\xbb\xbf  %PDF-1.4")  # a little junk before the header
    assert not is_pdf(b"") and not is_pdf(b" " * 2000 + b"%PDF-")  # too far in: readers would not find it
    assert not is_pdf(b"<html><body>Download %PDF-1.4 here</body></html>")  # a web page that mentions a PDF
    assert not is_pdf(b"PK\x03\x04 word/document.xml %PDF-")  # a Word file with the string inside


def test_save_upload_statuses(tmp_path: Path, make_pdf) -> None:
    corpus = tmp_path / "corpus"
    up = corpus / "uploads"
    data = make_pdf(tmp_path / "a.pdf", ["Hello"]).read_bytes()
    other = make_pdf(tmp_path / "b.pdf", ["Other"]).read_bytes()
    assert save_upload(corpus, "../x.pdf", data, 10).status == "saved"
    assert (up / "x.pdf").read_bytes() == data and not (tmp_path / "x.pdf").exists()  # into corpus/uploads/
    same = save_upload(corpus, "x.pdf", data, 10)
    assert (same.status, same.path) == ("duplicate", "uploads/x.pdf")
    renamed = save_upload(corpus, "x.pdf", other, 10)
    assert (renamed.status, renamed.path) == ("renamed", "uploads/x-2.pdf")
    assert (up / "x.pdf").read_bytes() == data  # the existing file is untouched
    assert save_upload(corpus, "x.pdf", other, 10).status == "duplicate"  # x-2.pdf holds it already
    assert save_upload(corpus, "y.pdf", b"MZ\x90\x00", 10).status == "not_a_pdf"
    assert save_upload(corpus, "y.pdf", b"", 10).status == "empty"
    assert save_upload(corpus, "y.pdf", data, len(data) / 2 / 1048576).status == "too_large"
    case = save_upload(corpus, "kasus.pdf", other + b"\n", 10, folder="uploads/case_studies")
    assert case.path == "uploads/case_studies/kasus.pdf"
    for elsewhere in ("../elsewhere", "", "case_studies"):  # never beside the bundled files
        with pytest.raises(ValueError):
            save_upload(corpus, "z.pdf", data, 10, folder=elsewhere)
    assert sorted(p.name for p in up.rglob("*")) == ["case_studies", "kasus.pdf", "x-2.pdf", "x.pdf"]  # no temp


def test_uploads_are_ignored_by_git_and_removed_files_are_kept_aside(tmp_path: Path, make_pdf) -> None:
    import subprocess

    root = Path(__file__).resolve().parents[1]
    for path in ("corpus/uploads/a.pdf", "corpus/uploads/case_studies/b.pdf", "corpus/.removed/c.pdf"):
        ignored = subprocess.run(["git", "check-ignore", "-q", path], cwd=root, check=False)
        assert ignored.returncode == 0, path
    assert subprocess.run(["git", "check-ignore", "-q", "corpus/id_x.pdf"], cwd=root, check=False).returncode == 1
    corpus = tmp_path / "corpus"
    data = make_pdf(tmp_path / "a.pdf", ["Hello"]).read_bytes()
    save_upload(corpus, "laporan.pdf", data, 10)
    moved = remove_file(corpus, "uploads/laporan.pdf")
    assert moved == corpus / ".removed" / "uploads" / "laporan.pdf" and moved.read_bytes() == data
    assert not (corpus / "uploads" / "laporan.pdf").exists()
    save_upload(corpus, "laporan.pdf", data, 10)
    assert remove_file(corpus, "uploads/laporan.pdf").name == "laporan-2.pdf"  # an earlier removal is kept
    with pytest.raises(FileNotFoundError):
        remove_file(corpus, "../a.pdf")


def test_replacing_is_only_on_request_and_atomic(tmp_path: Path, make_pdf) -> None:
    corpus = tmp_path / "corpus"
    old = make_pdf(tmp_path / "a.pdf", ["First edition"]).read_bytes()
    new = make_pdf(tmp_path / "b.pdf", ["Second edition"]).read_bytes()
    save_upload(corpus, "laporan.pdf", old, 10)
    replaced = save_upload(corpus, "laporan.pdf", new, 10, replace=True)
    assert (replaced.status, replaced.path) == ("replaced", "uploads/laporan.pdf")
    up = corpus / "uploads"
    assert (up / "laporan.pdf").read_bytes() == new and [p.name for p in up.iterdir()] == ["laporan.pdf"]
    assert save_upload(corpus, "laporan.pdf", new, 10, replace=True).status == "duplicate"  # same bytes: no-op


def test_corpus_quota_refuses_what_would_not_fit(tmp_path: Path, make_pdf) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "existing.pdf").write_bytes(b"%PDF-" + b"x" * 600_000)
    small = make_pdf(tmp_path / "s.pdf", ["Small"]).read_bytes()
    big = b"%PDF-1.4\n" + b"y" * 500_000
    quota_mb = (corpus_bytes(corpus) + len(small) + 10) / 1048576
    results = save_uploads(
        corpus, [("big.pdf", big), ("small.pdf", small), ("again.pdf", small + b" ")], 10, quota_mb=quota_mb
    )
    assert [r.status for r in results] == ["over_quota", "saved", "over_quota"]
    assert "quota" in results[0].reason and not (corpus / "uploads" / "big.pdf").exists()
    assert save_uploads(corpus, [("big.pdf", big)], 10, quota_mb=0)[0].status == "saved"  # 0: no quota


def test_save_uploads_finds_content_already_indexed_under_another_name(settings, make_pdf, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    data = make_pdf(settings.corpus_dir / "sub" / "first.pdf", ["Program Keluarga Harapan " * 40]).read_bytes()
    ingest.ingest(settings.corpus_dir, settings, fake_embedder)
    new = make_pdf(settings.corpus_dir.parent / "n.pdf", ["Lansia " * 40]).read_bytes()
    results = save_uploads(
        settings.corpus_dir,
        [("copy.pdf", data), ("new.pdf", new), ("again.pdf", new)],
        10,
        "uploads",
        settings.index_dir,
    )
    assert [(r.status, r.path) for r in results] == [
        ("duplicate", "sub/first.pdf"),
        ("saved", "uploads/new.pdf"),
        ("duplicate", "uploads/new.pdf"),
    ]


def test_corpus_file_stays_inside_the_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    (corpus / "a" / "doc.pdf").write_bytes(b"%PDF-")
    (tmp_path / "secret.txt").write_text("no")
    assert corpus_file(corpus, "a/doc.pdf") == (corpus / "a" / "doc.pdf").resolve()
    assert corpus_file(corpus, "../secret.txt") is None
    assert corpus_file(corpus, str(tmp_path / "secret.txt")) is None
    assert corpus_file(corpus, "a/missing.pdf") is None
