"""Reading lists: SQLite in its own file, ordered items with notes, kept across restarts and re-indexing."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from ebp import ingest
from ebp.appraise import evidence_level
from ebp.present.readinglists import DB_NAME, ReadingItem, ReadingListError, ReadingLists, item_from_document
from ebp.retrieve.search import Searcher


def item(path: str, design: str = "rct", **kw: object) -> ReadingItem:
    return ReadingItem(path=path, title=f"Title of {path}", design=design, level=evidence_level(design), **kw)  # type: ignore[arg-type]


@pytest.fixture
def lists(tmp_path: Path) -> ReadingLists:
    return ReadingLists.in_index(tmp_path / "index")


def test_create_add_get_in_order_with_full_description(lists: ReadingLists) -> None:
    lists.create("  Pelatihan   KDRT ")
    assert lists.names() == ["Pelatihan KDRT"]  # whitespace folded
    full = ReadingItem(
        path="a.pdf", title="Kunjungan rumah", authors=("Siti Rahayu", "Budi Santoso"), year=2021,
        journal="Jurnal Pekerjaan Sosial", doi="10.1/x", language="id", doc_type="journal_article",
        design="rct", level=evidence_level("rct"), pages=(2, 5), note="Bab hasil",
    )  # fmt: skip
    assert lists.add("Pelatihan KDRT", full) is True
    assert lists.add("Pelatihan KDRT", item("b.pdf", "qualitative")) is True
    got = lists.get("Pelatihan KDRT")
    assert [i.path for i in got.items] == ["a.pdf", "b.pdf"]
    assert got.items[0] == full
    assert got.items[1].level.name == "qualitative" and got.items[1].level.label_id == "Studi kualitatif"


def test_adding_a_document_twice_keeps_one_item_its_note_and_place(lists: ReadingLists) -> None:
    lists.create("L")
    lists.add("L", item("a.pdf", pages=(3,)))
    lists.add("L", item("b.pdf"))
    lists.set_note("L", "a.pdf", "  penting ")
    assert lists.add("L", ReadingItem(path="a.pdf", title="New title", pages=(7,))) is False
    first = lists.get("L").items[0]
    assert (first.path, first.title, first.note, first.pages) == ("a.pdf", "New title", "penting", (3, 7))
    assert len(lists.get("L").items) == 2


def test_move_reorder_remove(lists: ReadingLists) -> None:
    lists.create("L", [item(p) for p in ("a", "b", "c", "a")])  # a duplicate path is kept once
    assert [i.path for i in lists.get("L").items] == ["a", "b", "c"]
    lists.move("L", "c", -1)
    assert [i.path for i in lists.get("L").items] == ["a", "c", "b"]
    lists.move("L", "a", -5)  # stops at the top
    lists.move("L", "b", 3)  # stops at the bottom
    assert [i.path for i in lists.get("L").items] == ["a", "c", "b"]
    lists.reorder("L", ["b", "a", "c"])
    assert [i.path for i in lists.get("L").items] == ["b", "a", "c"]
    with pytest.raises(ReadingListError):
        lists.reorder("L", ["b", "a"])
    lists.remove("L", "a")
    assert [i.path for i in lists.get("L").items] == ["b", "c"]
    with pytest.raises(ReadingListError):
        lists.move("L", "a", 1)


def test_names_are_unique_and_required_and_unknown_lists_are_errors(lists: ReadingLists) -> None:
    lists.create("L")
    with pytest.raises(ReadingListError, match="already exists"):
        lists.create(" L ")
    with pytest.raises(ReadingListError, match="needs a name"):
        lists.create("   ")
    with pytest.raises(ReadingListError, match="no reading list"):
        lists.get("M")
    with pytest.raises(ReadingListError):
        lists.set_note("L", "missing.pdf", "x")
    lists.create("M")
    with pytest.raises(ReadingListError, match="already exists"):
        lists.rename("M", "L")
    assert lists.rename("M", "N") == "N"
    assert lists.names() == ["L", "N"]


def test_delete_removes_the_items_too(lists: ReadingLists) -> None:
    lists.create("L", [item("a"), item("b")])
    lists.delete("L")
    assert lists.names() == []
    with sqlite3.connect(lists.path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM items").fetchone()[0] == 0


def test_lists_persist_across_instances_and_a_rebuilt_index(tmp_path: Path, settings, make_pdf, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    pages = ["Parenting support: a randomised controlled trial\n" + "Parents. " * 200]
    make_pdf(settings.corpus_dir / "rct.pdf", pages)
    ingest.ingest(settings.corpus_dir, settings, fake_embedder)
    doc = Searcher(settings.index_dir, fake_embedder).search("parents support", k=1)[0].document
    lists = ReadingLists.in_index(settings.index_dir)
    lists.create("L", [item_from_document(doc, settings.evidence_hierarchy, pages=[1, 1])])
    assert (settings.index_dir / DB_NAME).exists()

    ingest.ingest(settings.corpus_dir, settings, fake_embedder, rebuild=True)
    (settings.corpus_dir / "rct.pdf").unlink()  # even the document itself may go
    ingest.ingest(settings.corpus_dir, settings, fake_embedder)
    kept = ReadingLists.in_index(settings.index_dir).get("L").items[0]
    assert (kept.path, kept.design, kept.level.rank, kept.pages) == ("rct.pdf", doc.appraisal.design, 2, (1,))
    assert kept.title == doc.info.title


def test_concurrent_adds_from_threads_lose_nothing(lists: ReadingLists) -> None:
    lists.create("L")

    def add(n: int) -> None:
        ReadingLists(lists.path).add("L", item(f"{n}.pdf"))

    threads = [threading.Thread(target=add, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    got = lists.get("L").items
    assert sorted(i.path for i in got) == sorted(f"{n}.pdf" for n in range(12))


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    ReadingLists(path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(ReadingListError, match="newer ebp"):
        ReadingLists(path)
