"""The Streamlit app, driven with AppTest on a small corpus of real PDFs.

Most tests use the hashing fake embedder (instant); the relevance floor, which depends on the real
model's similarity scale, uses the session's real model.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from ebp import embed, ingest
from ebp.config import Settings
from ebp.index.store import Store
from ebp.ingest.background import IndexJob
from ebp.present.readinglists import ReadingLists
from ebp_ui.common import cached_job

APP = str(Path(__file__).resolve().parents[1] / "app.py")
KDRT_CASE = "Seorang ibu korban KDRT dengan dua anak membutuhkan rencana keselamatan dan tempat aman"
LANSIA_CASE = "Seorang nenek lansia tinggal sendiri dan merasa kesepian; apakah kunjungan rumah membantu?"


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    """Streamlit's caches live in this process: each test starts with its own model and index."""
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def corpus(tmp_path: Path, make_pdf, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "corpus"
    make_pdf(
        root / "lansia.pdf",
        [
            "Dukungan Lansia yang Tinggal Sendiri\nJurnal Kesejahteraan Sosial, 2019\nAbstrak\n"
            + "Lansia yang tinggal sendiri membutuhkan kunjungan rumah dan dukungan keluarga. " * 10,
            "Hasil\n" + "Kunjungan rumah mingguan mengurangi kesepian pada lansia yang tinggal sendiri. " * 10,
        ],
    )
    make_pdf(
        root / "cash.pdf",
        [
            "Cash Transfers and Schooling\nJournal of Social Policy, 2023\nAbstract\n"
            + "Conditional cash transfers raised school attendance among poor households. " * 10
        ],
    )
    make_pdf(
        root / "rct.pdf",
        [
            "Home Visiting for Mothers Who Survived Domestic Violence: a Randomised Controlled Trial\n"
            "Journal of Family Violence, 2021\nAbstract\n"
            "We randomly assigned 240 mothers to home visiting or usual care (control group). "
            + "Home visiting with safety planning reduced repeat domestic violence after 12 months of follow-up. "
            * 8
        ],
    )
    make_pdf(
        root / "case_studies" / "kdrt.pdf",
        [
            "Rencana Keselamatan Ibu Korban KDRT\nStudi Kasus Praktik, 2022\n"
            + "Pekerja sosial menyusun rencana keselamatan bersama ibu korban KDRT dan dua anaknya. " * 10
        ],
    )
    (root / "bad.pdf").write_bytes(b"not a pdf")
    monkeypatch.setenv("EBP_CORPUS_DIR", str(root))
    monkeypatch.setenv("EBP_INDEX_DIR", str(tmp_path / "index"))
    return root


@pytest.fixture
def fake_app(corpus: Path, fake_embedder, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(embed, "load_embedder", lambda spec, batch_size=32, precision="auto": fake_embedder)
    return corpus


def start() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90).run()
    assert not at.exception, at.exception
    return at


def search(at: AppTest, case: str) -> AppTest:
    at.text_area(key="case").input(case).run()
    at.button(key="search").click().run()
    assert not at.exception, at.exception
    return at


def job_of(corpus: Path) -> IndexJob:
    """The app's background indexing for the test's index (process-wide, as in the app)."""
    return cached_job(str((corpus.parent / "index").resolve()))


def cards(at: AppTest) -> list[str]:
    return [h.value for h in at.html if 'class="ebp-card"' in h.value]


def test_search_shows_cards_with_pages_levels_highlights_and_download(fake_app: Path) -> None:
    at = start()
    assert "bukti" in at.title[0].value  # Indonesian by default
    assert any("Uraikan sebuah kasus" in i.value for i in at.info)  # the empty state says what to do
    search(at, KDRT_CASE)
    found = cards(at)
    assert found and "Rencana Keselamatan" in found[0]
    assert "hlm. 1" in found[0] and "<mark>" in found[0] and "Tingkat " in found[0]
    assert "Mengapa di sini" in found[0]  # why it ranked
    assert any(b.label.startswith("Unduh berkas (lihat hlm.") for b in at.download_button)
    assert any(b.label.startswith("Hanya hlm. 1") for b in at.download_button)  # the matched page alone
    rct = next(c for c in found if "Randomised Controlled Trial" in c)
    assert "Uji acak terkontrol" in rct and "Jumlah sampel (N): <b>240</b>" in rct  # level badge, appraisal item
    assert (fake_app.parent / "index" / "ebp.sqlite").exists()


def test_empty_case_is_refused_kindly(fake_app: Path) -> None:
    at = start()
    at.button(key="search").click().run()
    assert any("masih kosong" in w.value for w in at.warning)
    assert not cards(at)


def test_pdf_text_is_escaped_never_markup(fake_app: Path, make_pdf) -> None:
    make_pdf(
        fake_app / "markup.pdf",
        ["Kekerasan <b>dalam</b> **rumah** tangga\n" + "Korban KDRT <script>alert(1)</script> [tautan](x). " * 10],
    )
    at = start()
    search(at, "korban KDRT kekerasan rumah tangga")
    card = next(c for c in cards(at) if "Kekerasan" in c)
    assert "&lt;b&gt;dalam&lt;/b&gt;" in card and "**" in card  # shown as written
    assert "<script>" not in card and "&lt;script&gt;" in card


def test_filters_restrict_design_language_year_and_type(fake_app: Path) -> None:
    at = start()
    search(at, KDRT_CASE)
    assert len(cards(at)) == 4
    at.multiselect(key="f_designs").set_value(["rct"]).run()
    assert [("Randomised" in c) for c in cards(at)] == [True]
    at.multiselect(key="f_designs").set_value([]).run()
    at.selectbox(key="f_language").set_value("id").run()
    assert len(cards(at)) == 2 and all("Indonesia" in c for c in cards(at))
    at.selectbox(key="f_language").set_value("").run()
    at.slider(key="f_years").set_value((2020, 2022)).run()
    assert sorted("2021" in c or "2022" in c for c in cards(at)) == [True, True]
    at.slider(key="f_years").set_value((2019, 2023)).run()
    at.selectbox(key="f_doc_type").set_value("case_study").run()
    assert len(cards(at)) == 1 and "Studi kasus praktik" in cards(at)[0]
    at.selectbox(key="f_level").set_value(2).run()  # levels 1-2 only: no case study left
    assert not cards(at) and any("filter" in i.value for i in at.info)


def test_year_filter_follows_the_corpus_and_says_what_filters_hide(fake_app: Path, make_pdf, fake_embedder) -> None:
    """Issue 15.3: a 1997 document indexed during the session was silently filtered out by the old year range."""
    at = start()
    search(at, KDRT_CASE)
    assert at.slider(key="f_years").value == (2019, 2023)
    make_pdf(
        fake_app / "lama.pdf",
        ["Kekerasan dalam Keluarga di Desa\nJurnal Sosial, 1997\n" + "Ibu korban KDRT dan rencana keselamatan. " * 10],
    )
    settings = Settings.from_env({}, corpus_dir=fake_app, index_dir=fake_app.parent / "index")
    ingest.ingest(fake_app, settings, fake_embedder)
    at.run()
    assert at.slider(key="f_years").value == (1997, 2023)  # the untouched range grew with the corpus
    assert any("Kekerasan dalam Keluarga" in c for c in cards(at))
    at.selectbox(key="f_language").set_value("en").run()
    assert any("menyembunyikan 3 dokumen lain" in i.value for i in at.info), [i.value for i in at.info]
    at.button(key="clear_filters").click().run()
    assert at.selectbox(key="f_language").value == "" and len(cards(at)) == 5


def test_copes_fields_are_suggested_editable_and_switch_the_design_boost(fake_app: Path) -> None:
    at = start()
    at.text_area(key="case").input("Ibu korban KDRT; apakah kunjungan rumah efektif untuk mencegah kekerasan?").run()
    assert at.text_input(key="copes_option").value == "kunjungan rumah"
    assert at.selectbox(key="question_type").value in {"effectiveness", "prevention"}
    assert at.toggle(key="boost").value is True
    at.button(key="search").click().run()
    rct = next(c for c in cards(at) if "Randomised" in c)
    assert "desainnya menjawab jenis pertanyaan ini" in rct  # the boost is visible in "why"
    at.toggle(key="boost").set_value(False).run()
    assert not any("desainnya menjawab" in c for c in cards(at))
    at.text_input(key="copes_option").input("rencana keselamatan").run()  # an edited part is searched too
    at.button(key="search").click().run()
    assert at.session_state["submitted"].endswith("rencana keselamatan")


def test_reading_list_round_trip_survives_restart_and_reindex(fake_app: Path, fake_embedder) -> None:
    at = start()
    search(at, KDRT_CASE)
    for path in ("case_studies/kdrt.pdf", "rct.pdf"):
        at.button(key=f"add:{path}").click().run()
    assert any("Ditambahkan" in toast.value for toast in at.toast)
    at.radio(key="page").set_value("lists").run()
    assert at.selectbox(key="open_list").value == "Daftar bacaan saya"
    items = [h.value for h in at.html if h.value.startswith('<div class="ebp-card"><b>')]
    assert len(items) == 2 and "Rencana Keselamatan" in items[0] and "[Studi kasus]" in items[0]
    at.button(key="move1:Daftar bacaan saya:case_studies/kdrt.pdf").click().run()  # down
    at.text_area(key="note:Daftar bacaan saya:rct.pdf").input("Baca bagian hasil").run()
    labels = [b.label for b in at.download_button]
    assert labels == ["Markdown", "HTML", "Word", "RIS", "BibTeX", "CSV", "Tabel bukti (CSV)"]
    # made from the list as it is now: the note just written is in the handout (and its preview renders)
    assert any("Baca bagian hasil" in m.value for m in at.markdown)

    index_dir = fake_app.parent / "index"
    saved = ReadingLists.in_index(index_dir).get("Daftar bacaan saya")
    assert [i.path for i in saved.items] == ["rct.pdf", "case_studies/kdrt.pdf"]
    assert saved.items[0].note == "Baca bagian hasil" and saved.items[0].level.rank == 2
    settings = Settings.from_env({}, corpus_dir=fake_app, index_dir=index_dir)
    ingest.ingest(fake_app, settings, fake_embedder, rebuild=True)  # rebuilding the index keeps the lists

    st.cache_resource.clear()
    again = start()  # a restarted app
    again.radio(key="page").set_value("lists").run()
    assert len([h for h in again.html if h.value.startswith('<div class="ebp-card"><b>')]) == 2
    again.button(key="remove:Daftar bacaan saya:rct.pdf").click().run()
    assert [i.path for i in ReadingLists.in_index(index_dir).get("Daftar bacaan saya").items] == [
        "case_studies/kdrt.pdf"
    ]


def test_create_and_delete_a_list(fake_app: Path) -> None:
    at = start()
    at.radio(key="page").set_value("lists").run()
    assert any("Belum ada daftar" in i.value for i in at.info)
    at.text_input(key="new_list").input("Pelatihan KDRT 2026").run()
    at.button(key="create_list").click().run()
    assert at.selectbox(key="open_list").value == "Pelatihan KDRT 2026"
    assert any("dibuat" in s.value for s in at.success)
    at.checkbox(key="confirm_delete:Pelatihan KDRT 2026").check().run()
    at.button(key="delete_list").click().run()
    assert ReadingLists.in_index(fake_app.parent / "index").names() == []


def test_the_lists_page_opens_on_the_list_results_are_saved_to(fake_app: Path) -> None:
    lists = ReadingLists.in_index(fake_app.parent / "index")
    lists.create("Pelatihan A", [])
    lists.create("Pelatihan B", [])
    at = start()
    at.selectbox(key="active_list").set_value("Pelatihan B").run()  # seen in a walk: the page opened on "A"
    at.radio(key="page").set_value("lists").run()
    assert at.selectbox(key="open_list").value == "Pelatihan B"


def test_corpus_page_counts_and_topic_map_saves_a_reading_list(fake_app: Path) -> None:
    at = start()
    at.radio(key="page").set_value("corpus").run()
    assert not at.exception, at.exception
    assert [m.value for m in at.metric][0] == "4"
    assert len(at.get("vega_lite_chart")) == 4 and len(at.tabs) == 4  # design, level, year, language
    at.slider(key="n_topics").set_value(2).run()
    assert len(at.selectbox(key="topic").options) == 2
    at.button(key="save_topic").click().run()
    assert any("disimpan" in s.value for s in at.success)
    lists = ReadingLists.in_index(fake_app.parent / "index")
    (name,) = lists.names()
    levels = [i.level.rank for i in lists.get(name).items]
    assert levels == sorted(levels)  # best evidence first


def test_upload_checks_content_names_safely_never_overwrites_then_indexes(fake_app: Path, make_pdf) -> None:
    data = make_pdf(fake_app.parent / "in" / "a.pdf", ["Program Keluarga Harapan\n" + "PKH anak. " * 50]).read_bytes()
    other = make_pdf(fake_app.parent / "in" / "b.pdf", ["Lansia di panti\n" + "Lansia panti. " * 50]).read_bytes()
    at = start()
    at.radio(key="page").set_value("manage").run()
    uploader = at.file_uploader[0]
    uploader.set_value(
        [
            ("../../pkh baru.pdf", data, "application/pdf"),
            ("palsu.pdf", b"<html>not a pdf</html>", "application/pdf"),
            ("lansia.pdf", other, "application/pdf"),  # a bundled file's name: no clash, uploads have their folder
            ("lagi.pdf", data, "application/pdf"),  # same content as the first: a duplicate
        ]
    ).run()
    at.button(key="run_index").click().run()
    assert not at.exception, at.exception
    saved = at.session_state["upload_results"]
    assert [(u.status, u.path) for u in saved] == [
        ("saved", "uploads/pkh_baru.pdf"),
        ("not_a_pdf", ""),
        ("saved", "uploads/lansia.pdf"),
        ("duplicate", "uploads/pkh_baru.pdf"),
    ]
    assert not (fake_app.parent.parent / "pkh baru.pdf").exists()
    report = job_of(fake_app).status().report
    statuses = {f.path: f.status for f in report.files}
    assert statuses["uploads/pkh_baru.pdf"] == "ok" and statuses["bad.pdf"] == "not_a_pdf"
    assert len(at.dataframe) == 3  # uploads, the ingest report, the documents
    report = " ".join(str(v) for v in at.dataframe[1].value.to_dict("list").values())
    assert "not_a_pdf" not in report and "bukan PDF" in report and "Simpan sebagai PDF" in report  # words, no codes
    assert any("gagal karena berkasnya rusak" in c.value for c in at.caption)  # skipped vs failed explained
    at.radio(key="page").set_value("search").run()
    search(at, "Program Keluarga Harapan PKH anak")
    assert any("Program Keluarga Harapan" in c for c in cards(at))


def test_upload_replaces_only_when_asked_and_shows_the_quota(fake_app: Path, make_pdf) -> None:
    first = make_pdf(fake_app.parent / "in" / "a.pdf", ["Edisi pertama\n" + "Lansia panti. " * 50]).read_bytes()
    second = make_pdf(fake_app.parent / "in" / "b.pdf", ["Edisi kedua\n" + "Lansia panti. " * 60]).read_bytes()
    at = start()
    at.radio(key="page").set_value("manage").run()
    assert any("kuota" in c.value for c in at.caption)
    at.file_uploader[0].set_value([("laporan.pdf", first, "application/pdf")]).run()
    at.button(key="run_index").click().run()
    at.checkbox(key="upload_replace").check().run()
    at.file_uploader[0].set_value([("laporan.pdf", second, "application/pdf")]).run()
    at.button(key="run_index").click().run()
    assert not at.exception, at.exception
    assert [(u.status, u.path) for u in at.session_state["upload_results"]] == [("replaced", "uploads/laporan.pdf")]
    assert (fake_app / "uploads" / "laporan.pdf").read_bytes() == second


def test_language_switch_keeps_the_case_and_lists_skipped_files(fake_app: Path) -> None:
    at = start()
    search(at, KDRT_CASE)
    at.radio(key="lang").set_value("en").run()
    assert "evidence" in at.title[0].value
    assert at.text_area(key="case").value == KDRT_CASE
    assert any("Level " in c and "Why it ranked here" in c for c in cards(at))
    assert at.radio(key="page").options[0] == "Find evidence"
    skipped = " ".join(t.value for t in at.sidebar.text)
    assert "not a PDF: bad.pdf" in skipped and "not_a_pdf" not in skipped  # the meaning, never the raw code
    at.radio(key="page").set_value("manage").run()
    at.radio(key="page").set_value("search").run()  # the case survives a visit to another page
    assert at.text_area(key="case").value == KDRT_CASE


def test_an_empty_corpus_and_a_missing_one_say_so(tmp_path: Path, fake_embedder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(embed, "load_embedder", lambda spec, batch_size=32, precision="auto": fake_embedder)
    monkeypatch.setenv("EBP_CORPUS_DIR", str(tmp_path / "empty"))
    monkeypatch.setenv("EBP_INDEX_DIR", str(tmp_path / "index"))
    missing = AppTest.from_file(APP, default_timeout=90).run()
    assert any("tidak ditemukan" in e.value for e in missing.error)
    (tmp_path / "empty").mkdir()
    at = start()
    search(at, KDRT_CASE)
    assert any("Tidak ada dokumen" in i.value for i in at.info) and not cards(at)
    at.radio(key="page").set_value("corpus").run()
    assert any("Korpus masih kosong" in i.value for i in at.info)


@pytest.mark.slow
def test_relevance_floor_with_the_real_model(corpus: Path, real_embedder, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embed, "load_embedder", lambda spec, batch_size=32, precision="auto": real_embedder)
    at = start()
    search(at, LANSIA_CASE)
    assert "Lansia" in cards(at)[0] and not at.warning
    search(at, "resep rendang daging sapi yang enak dan empuk")
    assert any("Tidak ada yang jelas relevan" in w.value for w in at.warning)
    assert at.expander and any("Kecocokan lebih lemah" in e.label for e in at.expander)


def test_indexing_goes_on_across_pages_and_languages_and_says_when_done(
    fake_app: Path, make_pdf, fake_embedder
) -> None:  # noqa: E501
    """Issue 15.4: leaving the page during "Simpan & indeks" cancelled indexing without a word."""
    import threading
    import time

    at = start()
    for i in range(3):
        make_pdf(fake_app / f"baru{i}.pdf", [f"Pendampingan keluarga {i}\n" + "Keluarga dan anak di desa. " * 20])
    gate = threading.Event()

    class Slow(type(fake_embedder)):  # type: ignore[misc]
        def embed_passages(self, texts):  # type: ignore[no-untyped-def]
            gate.wait(30)  # held until the test has looked at the pages
            return super().embed_passages(texts)

    settings = Settings.from_env({}, corpus_dir=fake_app, index_dir=fake_app.parent / "index")
    job = job_of(fake_app)
    assert job.start(fake_app, settings, Slow())
    try:
        deadline = time.monotonic() + 60
        while job.status().files_read < 3 and time.monotonic() < deadline:  # read, waiting to be embedded
            time.sleep(0.1)
        _watch_pages_while_indexing(at, job)
    finally:
        gate.set()
    assert job.wait(60).report is not None
    at.run()
    assert any("Indexing finished" in s.value for s in at.success), [s.value for s in at.success]


def _watch_pages_while_indexing(at: AppTest, job: IndexJob) -> None:
    at.run()
    progress = [p.proto.text for p in at.get("progress")]
    assert any("berkas dibaca: 3 dari 3" in text for text in progress), progress
    at.radio(key="lang").set_value("en").run()
    at.radio(key="page").set_value("corpus").run()
    assert job.status().running and any("files read: 3 of 3" in p.proto.text for p in at.get("progress"))


def test_a_document_can_be_corrected_hidden_and_removed_and_corrections_last(fake_app: Path, fake_embedder) -> None:
    """Issue 15.10: correct a title, year, design or kind (kept across re-indexing, used by filters and
    exports), hide a document (the demo files too), remove a file (kept aside, never deleted)."""
    at = start()
    at.radio(key="page").set_value("manage").run()
    at.selectbox(key="doc_pick").set_value("cash.pdf").run()
    form = "doc_form:cash.pdf"
    [year] = [w for w in at.text_input if w.label.startswith("Tahun terbit")]
    year.input("1997")
    [design] = [w for w in at.selectbox if w.label == "Desain studi"]
    design.set_value("rct")
    at.button(key=f"FormSubmitter:{form}-Simpan perbaikan").click().run()
    assert not at.exception, at.exception
    assert any("Tersimpan" in s.value for s in at.success)
    settings = Settings.from_env({}, corpus_dir=fake_app, index_dir=fake_app.parent / "index")
    ingest.ingest(fake_app, settings, fake_embedder, rebuild=True)  # even a rebuild keeps the corrections
    at.radio(key="page").set_value("search").run()
    at.slider(key="f_years").set_value((1997, 1997)).run()
    search(at, "Conditional cash transfers school attendance")
    found = cards(at)
    assert len(found) == 1 and "Cash Transfers" in found[0] and "1997" in found[0] and "Uji acak" in found[0]
    at.slider(key="f_years").set_value((1997, 2022)).run()  # the whole range again

    at.radio(key="page").set_value("manage").run()
    at.selectbox(key="doc_pick").set_value("lansia.pdf").run()
    [hide] = [w for w in at.checkbox if w.label.startswith("Sembunyikan")]
    hide.check()
    at.button(key="FormSubmitter:doc_form:lansia.pdf-Simpan perbaikan").click().run()
    at.radio(key="page").set_value("search").run()
    search(at, LANSIA_CASE)
    assert not any("Dukungan Lansia" in c for c in cards(at))  # hidden from searches

    at.radio(key="page").set_value("manage").run()
    at.selectbox(key="doc_pick").set_value("rct.pdf").run()
    [sure] = [w for w in at.checkbox if w.label.startswith("Ya, pindahkan")]
    sure.check().run()
    at.button(key="doc_remove:rct.pdf").click().run()
    assert (fake_app / ".removed" / "rct.pdf").exists() and not (fake_app / "rct.pdf").exists()
    assert job_of(fake_app).wait(60).report is not None
    store_paths = {d.path for d in Store.open_existing(settings.index_dir).all_documents(10**9, hidden=True)}
    assert "rct.pdf" not in store_paths and "lansia.pdf" in store_paths


def test_the_matched_page_is_shown_in_the_app_with_the_passage_marked(fake_app: Path) -> None:
    """Issue 15.11: open the evidence where it is, not only download buttons."""
    at = start()
    search(at, LANSIA_CASE)
    at.toggle(key="view:lansia.pdf").set_value(True).run()
    assert not at.exception, at.exception
    images = at.get("image")
    assert images and any("ditandai kuning" in str(i.proto) for i in images), images
    at.toggle(key="view:case_studies/kdrt.pdf").set_value(True).run()
    assert len(at.get("image")) == 2
