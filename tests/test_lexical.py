import json
import os
from pathlib import Path

import numpy as np
import pytest

from ebp.errors import IndexMissingError, SchemaMismatchError
from ebp.index import lexical
from ebp.index.lexical import LexicalIndex, analyze

# Ids far from 0..n-1 and out of order, as SQLite passage ids can be after deletions.
PASSAGES = [
    (9_000_000_001, "Parenting programmes for children in child protection services", "en"),
    (42, "The elderly man lives alone after a stroke; home care and family support.", "en"),
    (7, "Pendampingan anak korban kekerasan dalam rumah tangga oleh pekerja sosial.", "id"),
    (-3, "Lansia yang tinggal sendiri membutuhkan dukungan keluarga dan layanan rumah.", "id"),
    (1_234_567, "Cognitive behavioural therapy reduces depression in adolescents.", "en"),
]


@pytest.fixture()
def index() -> LexicalIndex:
    ids, texts, langs = zip(*PASSAGES, strict=True)
    return LexicalIndex.build(ids, texts, langs)


def test_english_stemming_and_irregular_plurals() -> None:
    assert analyze("children", "en") == analyze("child", "en")
    assert analyze("families", "en") == analyze("family's", "en")
    assert analyze("Studies STUDYING", "en") == ["studi", "studi"]


def test_indonesian_stemming() -> None:
    assert analyze("pendampingan", "id") == analyze("mendampingi", "id") == analyze("didampingi", "id")
    assert analyze("perlindungan", "id") == analyze("melindungi", "id")
    assert analyze("anak-anak", "id") == analyze("anak", "id")  # reduplication is a plural, indexed once


def test_stop_words_removed() -> None:
    assert analyze("the effect of the programme on it", "en") == ["effect", "programm"]
    assert analyze("yang dan di ke dari untuk dengan pada ini itu adalah atau", "id") == []
    assert analyze("anak yang di rumah", "id") == ["anak", "rumah"]


def test_tokens_are_unicode_aware_and_normalised() -> None:
    assert analyze("ﬁnding", "en") == analyze("finding", "en")  # PDF ligature
    assert analyze("don’t", "en") == analyze("don't", "en")
    assert analyze("naïve Ölçek", "en") == ["naïv", "ölçek"]
    assert "3.5" in analyze("dose 3.5 mg", "en")
    assert analyze("evidence-based", "en") == ["evid", "base"]


def test_unknown_language_uses_english_rules() -> None:
    assert analyze("the children", "fr") == analyze("the children", "en") == ["child"]


def test_search_finds_across_word_forms_and_keeps_ids(index: LexicalIndex) -> None:
    hits = index.search("mendampingi anak", "id")
    assert hits[0][0] == 7
    assert index.search("child", "en")[0][0] == 9_000_000_001
    assert index.search("stroke home care", "en")[0][0] == 42
    assert index.search("lansia", "id")[0][0] == -3
    assert all(isinstance(pid, int) and isinstance(score, float) for pid, score in hits)


def test_search_orders_best_first_and_respects_k(index: LexicalIndex) -> None:
    hits = index.search("children family home depression", "en", k=2)
    assert len(hits) == 2
    assert hits[0][1] >= hits[1][1] > 0
    assert index.search("children family home depression", "en", k=100)[:2] == hits


def test_empty_and_unmatched_queries(index: LexicalIndex) -> None:
    assert index.search("", "en") == []
    assert index.search("   the of and ", "en") == []
    assert index.search("quantum chromodynamics", "en") == []
    with pytest.raises(ValueError):
        index.search("child", "en", k=0)


def test_cross_language_query_is_allowed(index: LexicalIndex) -> None:
    # An English-rules query over Indonesian passages: only words both analyses leave alone match.
    assert {pid for pid, _ in index.search("rumah", "en")} == {7, -3}
    assert index.search("pendampingan", "en") == []  # Indonesian-stemmed "damping" is not an English term


def test_build_validates_input() -> None:
    with pytest.raises(ValueError, match="length"):
        LexicalIndex.build([1, 2], ["a"], ["en"])
    with pytest.raises(ValueError, match="unique"):
        LexicalIndex.build([1, 1], ["care", "home"], ["en", "en"])


def test_empty_index(tmp_path: Path) -> None:
    empty = LexicalIndex.build([], [], [])
    assert len(empty) == 0 and empty.search("child", "en") == []
    empty.save(tmp_path / "lex")
    assert len(LexicalIndex.load(tmp_path / "lex")) == 0


def test_save_load_same_results(index: LexicalIndex, tmp_path: Path) -> None:
    index.save(tmp_path / "lex")
    loaded = LexicalIndex.load(tmp_path / "lex")
    assert len(loaded) == len(index) == len(PASSAGES)
    for query, lang in [("children family home", "en"), ("pendampingan keluarga lansia", "id")]:
        assert loaded.search(query, lang) == index.search(query, lang)
    # Saving again over an existing index replaces it and leaves no temporary directories.
    LexicalIndex.build([5], ["stroke"], ["en"]).save(tmp_path / "lex")
    assert LexicalIndex.load(tmp_path / "lex").search("stroke", "en")[0][0] == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lex"]


@pytest.mark.parametrize("failing_call", [1, 2])
def test_interrupted_save_leaves_old_index(
    index: LexicalIndex, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    target = tmp_path / "lex"
    index.save(target)
    before = index.search("children", "en")
    calls = []
    real_replace = os.replace

    def flaky_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls.append((src, dst))
        if len(calls) == failing_call:  # 1: moving the old one aside, 2: renaming the new one in
            raise OSError("disk full")
        real_replace(src, dst)

    monkeypatch.setattr(lexical.os, "replace", flaky_replace)
    with pytest.raises(OSError, match="disk full"):
        LexicalIndex.build([5], ["children"], ["en"]).save(target)
    monkeypatch.undo()
    assert LexicalIndex.load(target).search("children", "en") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lex"]


def test_load_falls_back_to_index_set_aside_by_a_killed_save(index: LexicalIndex, tmp_path: Path) -> None:
    index.save(tmp_path / "lex")
    # A save killed between its two renames leaves only the old index, under its aside name.
    os.replace(tmp_path / "lex", tmp_path / ".lex.0123456789ab.old")
    assert LexicalIndex.load(tmp_path / "lex").search("children", "en") == index.search("children", "en")


def test_load_errors(index: LexicalIndex, tmp_path: Path) -> None:
    with pytest.raises(IndexMissingError):
        LexicalIndex.load(tmp_path / "nothing")
    index.save(tmp_path / "lex")
    meta = tmp_path / "lex" / "meta.json"
    meta.write_text(json.dumps({**json.loads(meta.read_text()), "analyzer": -1}))
    with pytest.raises(SchemaMismatchError):
        LexicalIndex.load(tmp_path / "lex")


def test_shards_at_the_library_idf_and_length_score_as_the_whole_library(tmp_path: Path) -> None:
    """Split a library into two shards of very different passage lengths: each shard's BM25, turned to the library's
    IDF and mean length (``library_bm25``), is the laptop's BM25 over the whole library; without the length it is
    not."""
    from ebp.index.library_bm25 import LibraryWeights, idf_weights

    words = "parenting stroke elderly depression therapy home care family support children violence".split()
    rng = np.random.default_rng(3)
    texts = [" ".join(rng.choice(words, int(rng.integers(3, 40)))) for _ in range(120)]
    ids = list(range(1000, 1120))
    library = LexicalIndex.build(ids, texts, ["en"] * len(ids))
    short = [i for i, t in zip(ids, texts, strict=True) if len(t.split()) < 15]
    long = [i for i in ids if i not in short]
    shards = [LexicalIndex.build(part, [texts[i - 1000] for i in part], ["en"] * len(part)) for part in (short, long)]
    shards[0].save(tmp_path / "s0")
    shards[0] = LexicalIndex.load(tmp_path / "s0")  # the passages' lengths are kept on disk
    query = "elderly family support after a stroke, home care"
    total = library.term_counts(query, "en")
    avgdl = sum(s.length_total()[1] for s in shards) / len(ids)
    assert avgdl == pytest.approx(library.length_total()[1] / len(ids))
    expected = library.scores(query, "en", ids)
    got, idf_only = {}, {}
    for shard, part in zip(shards, (short, long), strict=True):
        idf = idf_weights(shard.term_counts(query, "en"), total)
        got.update(shard.scores(query, "en", part, LibraryWeights(idf, avgdl)))
        idf_only.update(shard.scores(query, "en", part, LibraryWeights(idf)))
    assert max(abs(got[i] - expected[i]) for i in ids) < 1e-4 * max(expected.values())
    assert max(abs(idf_only[i] - expected[i]) for i in ids) > 1e-2 * max(expected.values())
    ranked = [pid for pid, _ in shards[1].search(query, "en", 5, LibraryWeights(idf_weights(shards[1].term_counts(
        query, "en"), total), avgdl))]  # fmt: skip
    assert ranked == sorted(long, key=lambda i: (-expected[i], i))[:5]
