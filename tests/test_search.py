"""Ranking: fusion properties, language awareness, filters, and the eval command on a tiny BEIR folder."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from ebp import cli, embed, ingest
from ebp.config import Settings
from ebp.language import language_confidence
from ebp.retrieve.fusion import balance_by_language, rrf
from ebp.retrieve.search import Searcher
from ebp.types import Filters, Mode, SearchOptions


def test_rrf_prefers_documents_found_by_both_sides() -> None:
    assert rrf(3, 3) > rrf(3, None) == pytest.approx(rrf(None, 3))
    assert rrf(1, 10) > rrf(1, None)
    assert rrf(None, None) == 0.0
    assert rrf(2, 5, lexical_weight=0.0) == rrf(2, None)


def test_balance_by_language_aligns_top_scores_only_when_two_languages_compete() -> None:
    one_language = {1: 0.9, 2: 0.5}
    assert balance_by_language(one_language, {1: "id", 2: "en"}) == one_language
    scores = {i: 0.8 - i * 0.01 for i in range(5)} | {10 + i: 0.5 - i * 0.01 for i in range(5)}
    langs = {i: "id" for i in range(5)} | {10 + i: "en" for i in range(5)}
    balanced = balance_by_language(scores, langs)
    assert balanced[10] == pytest.approx(balanced[0])  # best English now level with best Indonesian
    assert sorted(balanced, key=lambda d: -balanced[d])[:2] in ([0, 10], [10, 0])


@pytest.fixture
def mixed_index(tmp_path: Path, make_pdf, fake_embedder, settings: Settings) -> Searcher:
    corpus = tmp_path / "corpus"
    english = {
        "en_program.pdf": "The parenting program reduced child neglect in poor families across villages.",
        "en_elderly.pdf": "Home visits for elderly people living alone reduced loneliness and hospital use.",
        "en_cash.pdf": "A cash transfer program raised school attendance and reduced child labour.",
    }
    indonesian = {
        "id_program.pdf": "Program pengasuhan positif menurunkan penelantaran anak pada keluarga miskin di desa.",
        "id_lansia.pdf": "Kunjungan rumah bagi lansia yang tinggal sendiri mengurangi kesepian dan rawat inap.",
    }
    for name, sentence in {**english, **indonesian}.items():
        make_pdf(corpus / name, [" ".join([sentence] * 8)])
    ingest.ingest(corpus, settings, fake_embedder)
    return Searcher(settings.index_dir, fake_embedder)


@pytest.mark.parametrize(
    ("query", "translate"),
    [
        # Indonesian, sharing "program" with English documents; the bridge is switched off.
        ("program untuk keluarga miskin dan anak", False),
        # The bridge is on but finds no English word these documents hold ("sad", "grandchild" …).
        ("seorang nenek merasa sedih karena cucunya pergi jauh", True),
    ],
)
def test_query_over_documents_in_another_language_ranks_by_dense_alone(
    mixed_index: Searcher, query: str, translate: bool
) -> None:
    options = SearchOptions(k=5, balance_languages=False, translate_queries=translate)
    hybrid = mixed_index.search(query, options)
    dense = mixed_index.search(query, SearchOptions(k=5, mode=Mode.DENSE, balance_languages=False))
    english_hybrid = [h.document.path for h in hybrid if h.document.info.language == "en"]
    english_dense = [h.document.path for h in dense if h.document.info.language == "en"]
    assert english_hybrid == english_dense
    for hit in hybrid:
        assert hit.why is not None and hit.why.query_language == "id"
        if hit.document.info.language == "en":
            assert hit.why.cross_lingual and hit.why.lexical_score is None
            assert hit.why.lexical_source is None and hit.why.translated_terms == ()
    assert not next(h for h in hybrid if h.document.path == "id_program.pdf").why.cross_lingual  # type: ignore[union-attr]


def test_indonesian_case_matches_english_documents_through_translated_terms(mixed_index: Searcher) -> None:
    query = "kunjungan rumah untuk lansia yang kesepian"  # clearly Indonesian; no word in any English document
    hits = mixed_index.search(query, SearchOptions(k=5, balance_languages=False))
    english = [h for h in hits if h.document.info.language == "en"]
    top = english[0]
    assert top.document.path == "en_elderly.pdf"
    assert top.why is not None and top.why.cross_lingual and top.why.lexical_source == "translated"
    assert top.why.lexical_rank == 1 and top.why.lexical_score is not None and top.why.lexical_score > 0
    assert {"home visit", "elderly", "loneliness"} <= set(top.why.translated_terms)
    indonesian = next(h for h in hits if h.document.path == "id_lansia.pdf")
    assert indonesian.why is not None and indonesian.why.lexical_source == "query"
    assert indonesian.why.translated_terms == ()
    # Off: English documents rank by meaning alone again, as before the bridge.
    off = mixed_index.search(query, SearchOptions(k=5, balance_languages=False, translate_queries=False))
    dense = mixed_index.search(query, SearchOptions(k=5, mode=Mode.DENSE, balance_languages=False))
    en_order = [h.document.path for h in off if h.document.info.language == "en"]
    assert en_order == [h.document.path for h in dense if h.document.info.language == "en"]
    assert all(h.why is not None and h.why.lexical_source != "translated" for h in off)
    assert en_order.index("en_elderly.pdf") > 0  # the fake model cannot match across languages: the bridge did


def test_short_indonesian_case_adds_translated_terms_to_the_english_query(mixed_index: Searcher) -> None:
    hits = mixed_index.search("lansia kesepian", SearchOptions(k=5))  # too short to be sure of the language
    elderly = next(h for h in hits if h.document.path == "en_elderly.pdf")
    assert elderly.why is not None and elderly.why.query_language == "en+id" and not elderly.why.cross_lingual
    assert elderly.why.lexical_source == "translated" and "loneliness" in elderly.why.translated_terms
    # An English case of the same length gains nothing: its words are not Indonesian.
    english = mixed_index.search("elderly loneliness", SearchOptions(k=5))
    assert all(h.why is not None and h.why.translated_terms == () for h in english)


def test_short_case_the_detector_calls_english_bridges_only_words_english_lacks(mixed_index: Searcher) -> None:
    # "desa" (village) reads as English to the language detector; no English document holds it.
    assert language_confidence("desa", ("en", "id"))[0] == "en"
    hits = mixed_index.search("desa", SearchOptions(k=5))
    village = next(h for h in hits if h.document.path == "en_program.pdf")
    assert village.why is not None and village.why.lexical_source == "translated"
    assert "village" in village.why.translated_terms and village.why.lexical_rank == 1
    # The English words of such a case are left alone; only "desa" is bridged.
    assert language_confidence("school desa", ("en", "id"))[0] == "en"
    hits = mixed_index.search("school desa", SearchOptions(k=5))
    assert {t for h in hits if h.why is not None for t in h.why.translated_terms} == {"village"}


def test_why_explains_each_hit_and_bm25_mode_needs_shared_words(mixed_index: Searcher) -> None:
    hits = mixed_index.search("home visits elderly loneliness", SearchOptions(k=3))
    top = hits[0]
    assert top.document.path == "en_elderly.pdf"
    assert top.why is not None and top.why.fused_rank == 1 and top.why.lexical_rank == 1 and top.why.dense_rank == 1
    bm25 = mixed_index.search("zebra", SearchOptions(mode=Mode.BM25))
    assert bm25 == []


def test_filters(mixed_index: Searcher) -> None:
    hits = mixed_index.search("program anak keluarga", SearchOptions(filters=Filters(language="id")))
    assert hits and {h.document.info.language for h in hits} == {"id"}
    assert mixed_index.search("program", SearchOptions(filters=Filters(year_from=2100))) == []
    assert mixed_index.search("program", SearchOptions(filters=Filters(doc_type="case_study"))) == []


def _tiny_beir(root: Path) -> Path:
    docs = {
        "d1": ("Cash transfers", "Conditional cash transfers increase school enrolment of poor children."),
        "d2": ("Home visiting", "Nurse home visiting reduces child maltreatment reports in young families."),
        "d3": ("Elderly loneliness", "Befriending services reduce loneliness among isolated older adults."),
        "d4": ("Substance use", "Brief motivational interviewing lowers heavy drinking in young adults."),
    }
    queries = {"q1": "school enrolment cash transfers", "q2": "loneliness older adults", "q3": "heavy drinking"}
    qrels = [("q1", "d1", 1), ("q2", "d3", 2), ("q3", "d4", 1)]
    root.mkdir(parents=True)
    (root / "qrels").mkdir()
    (root / "corpus.jsonl").write_text(
        "\n".join(json.dumps({"_id": k, "title": t, "text": x}) for k, (t, x) in docs.items())
    )
    (root / "queries.jsonl").write_text("\n".join(json.dumps({"_id": k, "text": v}) for k, v in queries.items()))
    (root / "qrels" / "test.tsv").write_text(
        "query-id\tcorpus-id\tscore\n" + "".join(f"{q}\t{d}\t{s}\n" for q, d, s in qrels)
    )
    (root / "queries_id.jsonl").write_text(json.dumps({"_id": "q3", "text": "minum berat heavy drinking"}))
    return root


def test_eval_command_on_tiny_beir(tmp_path: Path, fake_embedder, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(embed, "load_embedder", lambda spec, batch_size=32, precision="auto": fake_embedder)
    beir = _tiny_beir(tmp_path / "tiny")
    index = tmp_path / "eval-index"
    for mode in ("bm25", "dense", "hybrid"):
        assert cli.main(["eval", "--beir", str(beir), "--mode", mode, "--index", str(index), "--json"]) == 0
        result = json.loads(capsys.readouterr().out)
        assert result["queries"] == 3 and result["mode"] == mode
        assert result["ndcg@10"] == pytest.approx(1.0) and result["mrr@10"] == pytest.approx(1.0)
        assert result["recall@100"] == pytest.approx(1.0)
    embedded = fake_embedder.embedded
    assert (
        cli.main(["eval", "--beir", str(beir), "--index", str(index), "--queries", str(beir / "queries_id.jsonl")]) == 0
    )
    out = capsys.readouterr().out
    assert "(1 queries)" in out and "nDCG@10 1.0000" in out
    assert fake_embedder.embedded - embedded == 1  # cached corpus: only the one query was embedded


def test_translate_queries_setting() -> None:
    assert Settings.from_env({}).search_options().translate_queries is True
    assert Settings.from_env({"EBP_TRANSLATE_QUERIES": "false"}).search_options().translate_queries is False


def test_search_json_shows_translated_terms_in_why(mixed_index: Searcher, fake_embedder, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(embed, "load_embedder", lambda spec, batch_size=32, precision="auto": fake_embedder)
    index = str(mixed_index.store.index_dir)
    assert cli.main(["search", "kunjungan rumah untuk lansia yang kesepian", "--index", index, "--json"]) == 0
    hits = {Path(h["path"]).name: h["why"] for h in json.loads(capsys.readouterr().out)}
    assert hits["en_elderly.pdf"]["lexical_source"] == "translated"
    assert "loneliness" in hits["en_elderly.pdf"]["translated_terms"]
    assert hits["id_lansia.pdf"]["lexical_source"] == "query" and hits["id_lansia.pdf"]["translated_terms"] == []


@pytest.mark.slow
def test_real_model_indonesian_case_ranks_english_evidence_by_translated_words(
    tmp_path: Path, make_pdf, real_embedder, settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "corpus"
    english = {  # one topic (older people), different problems: words decide between them
        "en_hip_fracture.pdf": "Early surgery after hip fracture in older adults reduced mortality at one year.",
        "en_falls.pdf": "Balance exercise classes prevented falls among older adults living at home.",
        "en_loneliness.pdf": "Befriending calls reduced loneliness and depression in older adults living alone.",
        "en_dementia.pdf": "Caregiver training delayed nursing home placement of people with dementia.",
        "en_sleep.pdf": "Cognitive behavioural therapy improved insomnia in older adults.",
    }
    for name, sentence in english.items():
        make_pdf(corpus / name, [" ".join([sentence] * 6)])
    ingest.ingest(corpus, settings, real_embedder)
    searcher = Searcher(settings.index_dir, real_embedder)
    case = "Seorang nenek mengalami patah tulang pinggul; apakah operasi dini menurunkan kematian?"
    on = searcher.search(case, SearchOptions(k=5))
    off = searcher.search(case, SearchOptions(k=5, translate_queries=False))
    top = on[0]
    assert top.document.path == "en_hip_fracture.pdf"
    assert top.why is not None and top.why.lexical_source == "translated" and top.why.lexical_rank == 1
    assert {"fracture", "surgery", "mortality"} <= set(top.why.translated_terms)
    assert all(h.why is not None and h.why.lexical_source is None for h in off)  # by meaning alone
    # This small model already ranks it first by meaning; the bridge adds the word evidence (lexical rank 1).


def test_a_generation_published_during_a_search_is_picked_up_by_the_retry(
    tmp_path: Path, make_pdf, fake_embedder, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    make_pdf(corpus / "old.pdf", ["Family group conferences in child protection. " * 20])
    make_pdf(corpus / "kept.pdf", ["Kinship care and family contact for children. " * 20])
    ingest.ingest(corpus, settings, fake_embedder)
    searcher = Searcher(settings.index_dir, fake_embedder)
    first = searcher.generation
    real_passages = searcher.store.passages
    calls = []

    def passages_while_another_ingest_publishes(ids):  # type: ignore[no-untyped-def]
        if not calls:  # the first read of rows: meanwhile old.pdf is deleted, re-indexed and its rows purged
            (corpus / "old.pdf").unlink()
            ingest.ingest(corpus, settings, fake_embedder)
        calls.append(len(ids))
        return real_passages(ids)

    monkeypatch.setattr(searcher.store, "passages", passages_while_another_ingest_publishes)
    hits = searcher.search("family group conferences child protection", k=5)
    assert len(calls) == 2 and searcher.generation == first + 1  # the search retried on the new generation
    assert [h.document.path for h in hits] == ["kept.pdf"]


def test_a_long_lived_searcher_follows_a_rebuild_that_restarts_the_generation_count(
    tmp_path: Path, make_pdf, fake_embedder, settings: Settings
) -> None:
    """The app keeps one Searcher for hours; ``ebp index --rebuild`` writes generation 1 again."""
    corpus = tmp_path / "corpus"
    make_pdf(corpus / "conference.pdf", ["Family group conferences in child protection. " * 20])
    ingest.ingest(corpus, settings, fake_embedder, rebuild=True)
    searcher = Searcher(settings.index_dir, fake_embedder)
    before = searcher.generation
    (corpus / "conference.pdf").unlink()
    # Rows are numbered again from 1: a stale index would answer with the first file's passages.
    make_pdf(corpus / "a_budget.pdf", [f"Municipal budget tables for roads, page {n}. " * 20 for n in range(4)])
    make_pdf(corpus / "z_kinship.pdf", ["Kinship care and family contact for children. " * 20])
    ingest.ingest(corpus, settings, fake_embedder, rebuild=True)
    hits = searcher.search("family contact kinship care children", k=1)
    assert searcher.generation == before  # the same number, other files
    assert [h.document.path for h in hits] == ["z_kinship.pdf"]


class LanguageBiasedEmbedder:
    """The fake embedder plus what multilingual models do: texts in the same language look alike."""

    name, dim = "fake-biased-64", 64

    def __init__(self) -> None:
        from conftest import FakeEmbedder

        self.inner = FakeEmbedder()
        rng = np.random.default_rng(7)
        self.offset = {lang: rng.normal(size=64).astype(np.float32) for lang in ("en", "id")}

    def _bias(self, texts, vectors):  # type: ignore[no-untyped-def]
        out = vectors.copy()
        for row, text in enumerate(texts):
            lang = "id" if re.search(r"\b(yang|dan|dengan|untuk|di)\b", text) else "en"
            out[row] += 0.15 * self.offset[lang] / np.linalg.norm(self.offset[lang])
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    def embed_passages(self, texts):  # type: ignore[no-untyped-def]
        return self._bias(texts, self.inner.embed_passages(texts))

    def embed_queries(self, texts):  # type: ignore[no-untyped-def]
        return self._bias(texts, self.inner.embed_queries(texts))


def test_language_balance_lets_an_english_match_outrank_indonesian_near_misses(
    tmp_path: Path, make_pdf, settings: Settings
) -> None:
    corpus = tmp_path / "corpus"
    # The English document shares the case's key words (stroke, rehabilitation); five Indonesian ones do not.
    make_pdf(corpus / "en_stroke.pdf", ["Stroke rehabilitation at home for older people living alone. " * 15])
    for i in range(5):
        make_pdf(corpus / f"id_{i}.pdf", [f"Program {i} untuk keluarga dan anak di desa dengan pendampingan. " * 15])
    for i in range(4):
        make_pdf(corpus / f"en_{i}.pdf", [f"School attendance and cash transfer number {i} in towns. " * 15])
    embedder = LanguageBiasedEmbedder()
    ingest.ingest(corpus, settings, embedder)
    searcher = Searcher(settings.index_dir, embedder)
    case = "lansia yang tinggal sendiri dengan stroke dan rehabilitation di rumah"
    plain = SearchOptions(k=3, mode=Mode.DENSE, translate_queries=False, balance_languages=False)
    unbalanced = [h.document.path for h in searcher.search(case, plain)]
    balanced = [h.document.path for h in searcher.search(case, replace(plain, balance_languages=True))]
    assert unbalanced[0].startswith("id_")  # the model's own-language preference wins without the balance
    assert balanced[0] == "en_stroke.pdf"
