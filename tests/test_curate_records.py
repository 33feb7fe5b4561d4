"""Records in (RIS, BibTeX, CSV as Zotero, EndNote, Scopus, PubMed and Scholar export them) and duplicates out."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from ebp.curate.dedup import deduplicate, first_author_key, title_key
from ebp.curate.records import (
    ImportFileError,
    Record,
    normalise_doi,
    parse_year,
    read_files,
    read_records,
    split_authors,
)

DATA = Path(__file__).parent / "data" / "curate"


def test_every_export_variant_gives_title_authors_year_doi_journal_and_abstract() -> None:
    result = read_files(sorted(DATA.iterdir()))
    by_title = {r.title: r for r in result.records}
    zotero = by_title["Family group conferencing for child protection: a randomised controlled trial"]
    assert zotero.authors == ("Sundell, Knut", "Vinnerljung, Bo") and zotero.year == 2004
    assert zotero.doi == "10.1016/j.chiabu.2003.09.009" and zotero.journal == "Child Abuse & Neglect"
    assert by_title["Pendampingan keluarga miskin penerima bantuan sosial"].doi == "10.24198/jps.v4i1.3001"  # UR, tag
    endnote = by_title["Safety planning with survivors of intimate partner violence"]  # T1, A1, JF, Y1, N2, M3
    assert endnote.year == 2010 and endnote.doi == "10.1007/s10896-010-9311-0" and "safety" in endnote.abstract
    assert endnote.journal == "Journal of Family Violence"
    bib = by_title["Parenting support for families at risk: a Systematic Review & Meta-analysis"]
    assert bib.authors == ("Carter, Helen M.", "Osei, David") and bib.doi == "10.5555/cysr.2023.1"
    assert by_title["Home visits for older people living alone"].year == 2020  # biblatex date
    scopus = by_title["Cash transfers and school attendance"]
    assert scopus.key == "2-s2.0-1" and scopus.journal == "World Development" and scopus.year == 2018
    assert by_title["Cognitive behavioural therapy for adolescents who use drugs"].authors == (
        "Rahman, Ali",
        "Putri, Sari",
    )
    pubmed = by_title["Nudging physicians with default order sets."]
    assert pubmed.key == "31234567" and pubmed.authors == ("Patel MS", "Volpp KG", "Asch DA")
    assert by_title["Task shifting in mental health care"].journal == "Social Science & Medicine"  # EndNote tab text
    assert len(result.records) == 10


def test_a_broken_entry_is_one_line_and_the_rest_imports() -> None:
    result = read_files([DATA / "scholar.bib"])
    assert len(result.records) == 2
    assert len(result.problems) == 1 and result.problems[0].startswith("scholar.bib:")


def test_a_file_that_is_not_records_is_one_clear_line(tmp_path: Path) -> None:
    (tmp_path / "photo.csv").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / "notes.csv").write_text("name,age\nA,3\n", encoding="utf-8")
    result = read_files([tmp_path / "photo.csv", tmp_path / "notes.csv", DATA / "zotero.ris", tmp_path / "gone.ris"])
    assert len(result.records) == 2
    assert [p.split(":")[0] for p in result.problems] == ["photo.csv", "notes.csv", str(tmp_path / "gone.ris")]
    assert "no title column" in result.problems[1]
    with pytest.raises(ImportFileError, match="no RIS records"):
        read_records(b"hello", "x.ris")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Smith J, Doe AB", ("Smith J", "Doe AB")), ("Smith, John; Doe, Anne", ("Smith, John", "Doe, Anne")),
     ("Carter, H. and Osei, D.", ("Carter, H.", "Osei, D.")),
     ("World Health Organization", ("World Health Organization",)), ("", ())],
)  # fmt: skip
def test_authors_are_split_the_way_each_export_writes_them(value: str, expected: tuple[str, ...]) -> None:
    assert split_authors(value) == expected


def test_dois_and_years_are_found_in_their_usual_forms() -> None:
    assert normalise_doi("https://doi.org/10.1000/ABC.1.") == "10.1000/abc.1"
    assert normalise_doi("doi: 10.1000/x") == "10.1000/x" and normalise_doi("none") is None
    assert parse_year("2019/05/01/") == 2019 and parse_year("May 2007") == 2007 and parse_year("") is None
    assert title_key("A <i>Trial</i>:  of Ibu-Anak!") == "atrialofibuanak"
    assert first_author_key(Record("k", "t", authors=("John Smith",))) == first_author_key(
        Record("k", "t", authors=("Smith, J.",))
    )


def _planted(n: int = 60, seed: int = 3) -> tuple[list[Record], dict[str, str], list[tuple[str, str]]]:
    """``n`` different papers, a duplicate of every third changed as two exports differ, and five other papers
    that share a title with one of them."""
    rng = random.Random(seed)
    vocabulary = "child family poverty violence school mother health care support program village trial".split()
    papers = []
    for i in range(n):
        words = [rng.choice(vocabulary) for _ in range(60)]
        papers.append(Record(f"p{i}", f"Study {i} of {' '.join(words[:6])} in Java", " ".join(words),
                             (f"Author{i}, A.",), 2000 + i % 20, f"10.1/{i}"))  # fmt: skip
    duplicates, planted = [], {}
    for i in range(0, n, 3):
        p = papers[i]
        change = i % 4
        dup = replace(p, key=f"d{i}", title=p.title.upper() if change == 0 else p.title + ".",
                      doi=None if change in (1, 2) else p.doi, year=p.year + 1 if change == 2 else p.year,
                      authors=(f"A. Author{i}",) if change == 3 else p.authors)  # fmt: skip
        duplicates.append(dup)
        planted[dup.key] = p.key
    others = [replace(papers[i], key=f"o{i}", doi=f"10.2/{i}" if i % 2 else None, authors=("Lain, B.",),
                      year=papers[i].year + 5, abstract="") for i in range(1, 11, 2)]  # fmt: skip
    return papers + duplicates + others, planted, [(o.key, f"p{o.key[1:]}") for o in others]


def test_planted_duplicates_are_merged_and_different_papers_never() -> None:
    records, planted, different = _planted()
    result = deduplicate(records)
    group = {k: m.kept for m in result.merges for k in (m.kept, *m.merged)}
    merged = sum(group.get(d, d) == group.get(p, p) for d, p in planted.items())
    assert merged / len(planted) >= 0.95
    assert not any(group.get(a, a) == group.get(b, b) for a, b in different)
    assert len(result.records) == len(records) - merged
    kept = {r.key: r for r in result.records}
    assert all(kept[group.get(p, p)].doi for p in planted.values())  # the merged record keeps the DOI
    assert {reason for m in result.merges for reason in m.reasons} <= {"doi", "title", "abstract", "near_title"}


def test_near_identical_abstracts_merge_without_doi_or_equal_titles() -> None:
    text = " ".join(f"word{i}" for i in range(80))
    a = Record("a", "Home visits for older people: a trial", text, ("Lee, M.",), 2020)
    b = Record("b", "Home-visiting older adults (RCT)", text + " Copyright 2020.", ("Lee, M.",), 2020)
    c = Record("c", "Part II: other people", " ".join(f"other{i}" for i in range(80)), ("Lee, M.",), 2020)
    result = deduplicate([a, b, c])
    assert [m.reasons for m in result.merges] == [("abstract",)]
    assert len(result.records) == 2


def test_a_quoted_csv_with_doubled_quotes_and_line_breaks_keeps_its_columns() -> None:
    text = 'id,title,abstract,included\n1,"A ""nudge"" trial","Line one,\nline two; ""quoted"", end",1\n2,Other,,0\n'
    records = read_records(text.encode(), "labelled.csv").records
    assert [r.extra["included"] for r in records] == ["1", "0"]
    assert records[0].title == 'A "nudge" trial' and records[0].abstract == 'Line one, line two; "quoted", end'
