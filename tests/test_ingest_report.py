"""The ingest report line by line, over real PDFs, real SQLite and FAISS: what each file became and why.

Files that change into unreadable ones, failures that are remembered, errors inside ebp, partial and
OCR reads, passwords and several workers, and an index made by an older schema that already holds rows.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from ebp import ingest
from ebp.config import Settings
from ebp.index.migrations import MIGRATIONS
from ebp.index.store import Store
from ebp.ingest import pipeline, prepare
from ebp.retrieve.search import Searcher
from ebp.types import DocType, FileStatus, Page, ParsedDocument


def _lines(report: ingest.IngestReport) -> dict[str, tuple[str, str]]:
    return {f.path: (f.status, f.reason) for f in report.files}


def _paths(settings: Settings) -> set[str]:
    store = Store.open_existing(settings.index_dir)
    return {d.path for d in store.all_documents(store.generation())}


def test_a_changed_file_that_can_no_longer_be_read_leaves_the_index(make_pdf, fake_embedder, settings) -> None:  # type: ignore[no-untyped-def]
    corpus = settings.corpus_dir
    make_pdf(corpus / "a.pdf", ["Home visits for older people living alone. " * 20])
    make_pdf(corpus / "b.pdf", ["Cash transfers and school attendance. " * 20])
    ingest.ingest(corpus, settings, fake_embedder)
    assert _paths(settings) == {"a.pdf", "b.pdf"}

    (corpus / "a.pdf").write_bytes(b"<html>moved</html>")  # replaced by a web page saved under the same name
    report = ingest.ingest(corpus, settings, fake_embedder)
    assert _lines(report)["a.pdf"][0] == FileStatus.NOT_A_PDF and _lines(report)["b.pdf"][0] == "unchanged"
    assert _paths(settings) == {"b.pdf"}  # the old version is retired, not left searchable
    hits = Searcher(settings.index_dir, fake_embedder).search("older people living alone home visits")
    assert [h.document.path for h in hits] == ["b.pdf"]


def test_a_failed_file_is_not_read_again_until_it_changes(make_pdf, fake_embedder, settings) -> None:  # type: ignore[no-untyped-def]
    corpus = settings.corpus_dir
    make_pdf(corpus / "ok.pdf", ["Family group conferencing in child protection. " * 20])
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")  # no pages, no xref
    first = _lines(ingest.ingest(corpus, settings, fake_embedder))
    assert first["broken.pdf"][0] not in ("ok", "unchanged")

    read: list[str] = []
    real = prepare.IsolatedParser.parse_many

    def counting(self, paths, root):  # type: ignore[no-untyped-def]
        paths = list(paths)
        read.extend(p.name for p in paths)
        return real(self, paths, root)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(prepare.IsolatedParser, "parse_many", counting)
        second = _lines(ingest.ingest(corpus, settings, fake_embedder))
    assert read == []  # neither file was opened again
    assert second["broken.pdf"] == (first["broken.pdf"][0], first["broken.pdf"][1] + " (unchanged since last run)")
    assert second["ok.pdf"][0] == "unchanged"


def test_an_error_inside_ebp_costs_one_file_and_says_so(make_pdf, fake_embedder, settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    corpus = settings.corpus_dir
    make_pdf(corpus / "good.pdf", ["Peer support groups for young carers. " * 20])
    make_pdf(corpus / "trouble.pdf", ["Restorative justice conferences for young offenders. " * 20])
    real_describe = prepare.describe

    def describe(doc):  # type: ignore[no-untyped-def]
        if doc.rel_path == "trouble.pdf":
            raise KeyError("a bug in describe")
        return real_describe(doc)

    monkeypatch.setattr(prepare, "describe", describe)
    report = ingest.ingest(corpus, settings, fake_embedder)
    status, reason = _lines(report)["trouble.pdf"]
    assert status == FileStatus.ERROR and "KeyError" in reason and "a bug in describe" in reason
    assert _lines(report)["good.pdf"][0] == "ok" and report.failed == [f for f in report.files if f.status == "error"]
    assert _paths(settings) == {"good.pdf"}


def test_chunk_failing_is_an_error_line_too(make_pdf, fake_embedder, settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    make_pdf(settings.corpus_dir / "x.pdf", ["Text about kinship care placements. " * 20])

    def chunk(pages, sizes=None):  # type: ignore[no-untyped-def]
        raise ValueError("cannot cut this")

    monkeypatch.setattr(prepare, "chunk", chunk)
    report = ingest.ingest(settings.corpus_dir, settings, fake_embedder)
    assert _lines(report)["x.pdf"] == ("error", "unexpected error: ValueError: cannot cut this")


def _source(name: str, text: str, failed: tuple[int, ...] = (), ocr: bool = False) -> ingest.Source:
    pages = (Page(1, text), Page(2, "" if failed else text))
    metadata = {"title": name, **({"ocr": "tesseract"} if ocr else {})}
    doc = ParsedDocument(Path(name), name, DocType.JOURNAL_ARTICLE, pages, metadata, failed)
    return ingest.Source(name, f"sha-{name}", document=doc)


def test_partial_reads_and_ocr_say_so_in_the_report(fake_embedder, settings) -> None:  # type: ignore[no-untyped-def]
    sources = [
        _source("partial.pdf", "Mentoring for care leavers. " * 30, failed=(2,)),
        _source("scan.pdf", "Pemberdayaan ekonomi keluarga miskin di desa. " * 30, ocr=True),
    ]
    lines = _lines(ingest.ingest_sources(sources, settings, fake_embedder))
    assert lines["partial.pdf"] == ("ok_partial", "pages 2 could not be read")
    assert lines["scan.pdf"] == ("ok", "text from OCR")
    assert _paths(settings) == {"partial.pdf", "scan.pdf"}  # both are indexed


def test_passwords_and_workers_reach_the_reader_through_ingest(make_pdf, fake_embedder, settings) -> None:  # type: ignore[no-untyped-def]
    corpus = settings.corpus_dir
    for i in range(4):
        make_pdf(corpus / f"open{i}.pdf", [f"Open report {i} on community rehabilitation. " * 20])
    make_pdf(corpus / "locked.pdf", ["Laporan rahasia tentang rumah aman. " * 20], user_password="s3cret")
    without = _lines(ingest.ingest(corpus, settings, fake_embedder))
    assert without["locked.pdf"][0] == FileStatus.ENCRYPTED

    make_pdf(
        corpus / "locked.pdf", ["Laporan rahasia tentang rumah aman. " * 20, "Halaman dua."], user_password="s3cret"
    )
    with_password = replace(settings, passwords={"locked.pdf": "s3cret"}, workers=2)
    report = ingest.ingest(corpus, with_password, fake_embedder)
    assert _lines(report)["locked.pdf"][0] == "ok" and report.documents == 5
    hits = Searcher(settings.index_dir, fake_embedder).search("laporan rahasia rumah aman")
    assert hits[0].document.path == "locked.pdf" and hits[0].document.n_pages == 2


def test_an_index_of_the_first_schema_with_documents_is_migrated_and_described_again(
    make_pdf, fake_embedder, settings
) -> None:  # type: ignore[no-untyped-def]
    corpus = settings.corpus_dir
    make_pdf(corpus / "trial.pdf", ["A randomised controlled trial of home visiting for 240 mothers. " * 15])
    settings.index_dir.mkdir(parents=True)
    with sqlite3.connect(settings.index_dir / "ebp.sqlite") as conn:  # made by an ebp of schema version 1
        conn.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
        conn.execute(
            "INSERT INTO documents (path, sha256, doc_type, n_pages, title, authors, language, added_gen)"
            " VALUES ('trial.pdf', ?, 'journal_article', 1, 'old title', '[]', 'en', 1)",
            (pipeline.file_sha256(corpus / "trial.pdf"),),
        )
        conn.execute(
            "INSERT INTO passages (doc_id, ordinal, page_start, page_end, text, vector) VALUES (1, 0, 1, 1, 'x', ?)",
            (b"\0" * 256,),
        )
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'generation'")
    report = ingest.ingest(corpus, settings, fake_embedder)
    # The migration adds the appraisal columns and forgets the hash, so the document is read and appraised again.
    assert _lines(report)["trial.pdf"][0] == "ok" and report.embedded > 0
    store = Store.open_existing(settings.index_dir)
    (doc,) = store.all_documents(store.generation())
    assert doc.appraisal.design == "rct" and doc.info.title != "old title"
