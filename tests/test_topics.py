"""Corpus counts and the topic map (k-means over document vectors, named by TF-IDF)."""

from __future__ import annotations

import numpy as np
import pytest

from ebp import ingest
from ebp.present.topics import best_evidence_first, corpus_summary, document_vectors, suggested_topics, topic_map
from ebp.retrieve.search import Searcher
from ebp.types import DocType, DocumentAppraisal, DocumentInfo, StoredDocument


def doc(doc_id: int, design: str, year: int | None, language: str = "en", title: str = "") -> StoredDocument:
    return StoredDocument(
        doc_id=doc_id,
        path=f"{doc_id}.pdf",
        doc_type=DocType.CASE_STUDY if design == "case_study" else DocType.JOURNAL_ARTICLE,
        n_pages=1,
        sha256="",
        info=DocumentInfo(title=title or f"Doc {doc_id}", year=year, language=language),
        appraisal=DocumentAppraisal(design=design),
    )


def test_corpus_summary_counts_every_level_in_order() -> None:
    docs = [doc(1, "rct", 2020), doc(2, "rct", 2021, "id"), doc(3, "qualitative", None, "id"), doc(4, "other", 2020)]
    summary = corpus_summary(docs)
    assert summary.documents == 4
    assert summary.by_design == {"rct": 2, "qualitative": 1, "other": 1}
    assert [(level.name, n) for level, n in summary.by_level][:2] == [("systematic_review", 0), ("randomised_trial", 2)]
    assert summary.by_level[-1][0].name == "unranked" and summary.by_level[-1] == (summary.by_level[-1][0], 1)
    assert [level.rank for level, _ in summary.by_level] == list(range(1, 10))
    assert summary.by_year == {2020: 2, 2021: 1, None: 1}
    assert summary.by_language == {"en": 2, "id": 2}
    assert corpus_summary([]).documents == 0


def test_best_evidence_first_then_newest() -> None:
    docs = [doc(1, "case_study", 2024), doc(2, "rct", 2019), doc(3, "rct", 2022), doc(4, "other", 2025)]
    assert [d.doc_id for d in best_evidence_first(docs)] == [3, 2, 1, 4]


def test_suggested_topics() -> None:
    assert [suggested_topics(n) for n in (0, 1, 2, 20, 100, 10_000)] == [1, 1, 2, 4, 10, 12]


def test_topic_map_groups_by_meaning_across_languages_and_names_topics() -> None:
    rng = np.random.default_rng(0)
    violence, ageing = rng.normal(size=16), rng.normal(size=16)
    english, indonesian = rng.normal(size=16) * 3, rng.normal(size=16) * 3  # a strong language offset
    docs, vectors, texts = [], {}, {}
    for n in range(8):
        topic = n % 2
        lang = "en" if n < 4 else "id"
        docs.append(doc(n, ["rct", "qualitative", "case_study", "cohort"][n % 4], 2020 + n, lang))
        v = (violence if topic == 0 else ageing) + (english if lang == "en" else indonesian) + rng.normal(size=16) * 0.1
        vectors[n] = (v / np.linalg.norm(v)).astype(np.float32)
        texts[n] = (
            ("violence safety shelter " if lang == "en" else "kekerasan keselamatan korban ")
            if topic == 0
            else ("elderly loneliness visits " if lang == "en" else "lansia kesepian kunjungan ")
        ) * 5
    topics = topic_map(docs, vectors, texts, 2)
    groups = sorted(sorted(d.doc_id for d in t.documents) for t in topics)
    assert groups == [[0, 2, 4, 6], [1, 3, 5, 7]]  # by topic, not by language
    by_first = {t.documents[0].doc_id % 2: t for t in topics}
    words = {c: {w for term in t.terms for w in term.split()} for c, t in by_first.items()}  # words or phrases
    assert {"violence", "kekerasan"} <= words[0]
    assert {"lansia", "loneliness"} <= words[1]
    # best evidence first within a topic: RCTs before case studies, cohorts before qualitative studies
    assert [d.appraisal.design for d in by_first[0].documents] == ["rct", "rct", "case_study", "case_study"]
    assert [d.appraisal.design for d in by_first[1].documents] == ["cohort", "cohort", "qualitative", "qualitative"]
    assert topic_map(docs, vectors, texts, 2) == topics  # deterministic
    assert len(topic_map(docs, vectors, texts, 1)[0].documents) == 8
    assert topic_map(docs, {}, texts) == []


def test_document_vectors_from_a_real_index(settings, make_pdf, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    make_pdf(settings.corpus_dir / "a.pdf", ["Kekerasan dalam rumah tangga. " * 60, "Korban KDRT. " * 80])
    make_pdf(settings.corpus_dir / "b.pdf", ["Older people living alone. " * 60])
    ingest.ingest(settings.corpus_dir, settings, fake_embedder)
    store = Searcher(settings.index_dir, fake_embedder).store
    generation = store.generation()
    vectors, texts = document_vectors(store, generation)
    docs = store.all_documents(generation)
    assert set(vectors) == set(texts) == {d.doc_id for d in docs}
    assert all(abs(float(np.linalg.norm(v)) - 1.0) < 1e-5 and v.shape == (64,) for v in vectors.values())
    by_path = {d.path: d.doc_id for d in docs}
    assert "Korban KDRT" in texts[by_path["a.pdf"]] and "Older people" in texts[by_path["b.pdf"]]
    topics = topic_map(docs, vectors, texts, 2)
    assert sorted(len(t.documents) for t in topics) == [1, 1]


def test_topics_are_named_by_shared_content_words_and_phrases_never_stop_words() -> None:
    """Issue 15.12: "man, gangguan, rehabilitasi, worker, paid" named a topic of the demo corpus."""
    from ebp.present.topics import label_stop_words

    rng = np.random.default_rng(1)
    centres = rng.normal(size=(2, 16))
    docs, vectors, texts = [], {}, {}
    for n in range(8):
        topic = n % 2
        docs.append(doc(n, "rct", 2020, "en"))
        v = centres[topic] + rng.normal(size=16) * 0.05
        vectors[n] = (v / np.linalg.norm(v)).astype(np.float32)
        body = "The safety planning with the social worker was paid for. " if topic == 0 else "Rawat gabung lansia. "
        texts[n] = body * 4 + ("Mr Man and his mother agreed. " if n == 0 else "") + "dan yang untuk with which " * 3
    topics = topic_map(docs, vectors, texts, 2)
    terms = [term for t in topics for term in t.terms]
    assert "safety planning" in terms and "social worker" in terms  # phrases the topic's papers share
    assert not {"safety", "planning"} & set(terms)  # a word is not repeated beside its phrase
    assert "man" not in terms and "paid" not in terms and "agreed" not in terms  # one paper's word, general words
    stop = label_stop_words()
    assert not [term for term in terms if set(term.split()) & stop]


@pytest.mark.slow
def test_demo_corpus_topics_with_the_real_model_name_no_stop_word(real_embedder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from ebp.config import Settings
    from ebp.present.topics import label_stop_words

    settings = Settings.from_env({}, index_dir=tmp_path / "index")
    ingest.ingest(Path(__file__).resolve().parents[1] / "corpus", settings, real_embedder)
    store = Searcher(settings.index_dir, real_embedder).store
    generation = store.generation()
    vectors, texts = document_vectors(store, generation)
    stop = label_stop_words()
    for k in range(2, 8):
        topics = topic_map(store.all_documents(generation), vectors, texts, k)
        terms = [term for t in topics for term in t.terms]
        assert terms and not [term for term in terms if set(term.split()) & stop], (k, terms)
        assert "man" not in terms and "paid" not in terms
