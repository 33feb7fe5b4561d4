"""ebp — Streamlit front end. Renders and calls the ``ebp`` package; no retrieval logic here.

Run: ``streamlit run app.py`` (builds the index of ``corpus/`` on first start).
"""

from __future__ import annotations

import html
from dataclasses import replace

import streamlit as st

from ebp import ingest
from ebp.config import Settings
from ebp.embed import Embedder, load_embedder
from ebp.errors import EbpError
from ebp.search import Searcher
from ebp.types import DocumentHit

STRINGS = {
    "id": {
        "title": "ebp — bukti ilmiah untuk praktik pekerjaan sosial",
        "case": "Uraikan kasus Anda (bahasa Indonesia atau Inggris)",
        "placeholder": "Contoh: Seorang ibu korban KDRT dengan dua anak kecil membutuhkan tempat aman …",
        "search": "Cari bukti",
        "results": "Hasil",
        "none": "Tidak ada dokumen di indeks yang cocok dengan kasus ini.",
        "privacy": "Uraian kasus hanya disimpan di sesi ini; tidak ditulis ke disk atau log.",
        "loading": "Memuat model dan indeks …",
        "indexing": "Mengindeks korpus …",
        "skipped": "Berkas yang tidak diindeks",
        "score": "skor",
        "page": "hlm.",
        "language": "Bahasa / Language",
        "k": "Jumlah dokumen",
        "why": "Peringkat {rank}",
        "why_dense": "makna: peringkat {rank} (kemiripan {score:.2f})",
        "why_lexical": "kata: peringkat {rank} (BM25 {score:.1f})",
        "why_cross": "bahasa lain: diperingkat menurut makna saja",
    },
    "en": {
        "title": "ebp — evidence for social-work practice",
        "case": "Describe your case (Indonesian or English)",
        "placeholder": "Example: A mother who survived domestic violence, with two small children, needs safety …",
        "search": "Find evidence",
        "results": "Results",
        "none": "No document in the index matches this case.",
        "privacy": "The case text stays in this session; it is not written to disk or logs.",
        "loading": "Loading the model and the index …",
        "indexing": "Indexing the corpus …",
        "skipped": "Files not indexed",
        "score": "score",
        "page": "p.",
        "language": "Bahasa / Language",
        "k": "Number of documents",
        "why": "Rank {rank}",
        "why_dense": "meaning: rank {rank} (similarity {score:.2f})",
        "why_lexical": "words: rank {rank} (BM25 {score:.1f})",
        "why_cross": "other language: ranked by meaning only",
    },
}


@st.cache_resource(show_spinner=False)
def cached_embedder(model: str, batch_size: int) -> Embedder:
    return load_embedder(model, batch_size)


@st.cache_resource(show_spinner=False)
def cached_index(_settings: Settings, _embedder: Embedder, key: str) -> tuple[Searcher, ingest.IngestReport]:
    """Index the corpus once per server process (unchanged files cost only a hash), then open it."""
    bar = st.progress(0.0, text=key)
    report = None
    for event in ingest.run(_settings.corpus_dir, _settings, _embedder):
        if isinstance(event, ingest.IngestReport):
            report = event
        elif event.stage == "parse" and event.total:
            bar.progress(event.done / event.total, text=event.path)
    bar.empty()
    assert report is not None  # run() always ends with a report
    return Searcher(_settings.index_dir, _embedder), report


def sidebar_ui() -> dict[str, str]:
    lang = st.sidebar.radio("Bahasa / Language", ["id", "en"], format_func={"id": "Indonesia", "en": "English"}.get)
    return STRINGS[lang or "id"]


def hit_ui(rank: int, hit: DocumentHit, t: dict[str, str]) -> None:
    info = hit.document.info
    authors = ", ".join(info.authors[:3]) + (" et al." if len(info.authors) > 3 else "")
    with st.container(border=True):
        st.markdown(f"**{rank}. {html.escape(info.title)}**")
        meta = " · ".join(str(x) for x in (authors, info.year, info.journal, info.language, hit.document.doc_type) if x)
        st.caption(f"{meta} · {t['score']} {hit.score:.3f}")
        if hit.why:
            st.caption(why_text(hit, t))
        for p in hit.passages:
            pages = f"{p.page_start}" if p.page_start == p.page_end else f"{p.page_start}–{p.page_end}"
            st.markdown(f"*{t['page']} {pages}{', ' + p.section if p.section else ''}*")
            st.text(p.text)


def why_text(hit: DocumentHit, t: dict[str, str]) -> str:
    why = hit.why
    assert why is not None
    parts = [t["why"].format(rank=why.fused_rank)]
    if why.dense_rank:
        parts.append(t["why_dense"].format(rank=why.dense_rank, score=why.dense_score))
    if why.lexical_rank:
        parts.append(t["why_lexical"].format(rank=why.lexical_rank, score=why.lexical_score))
    if why.cross_lingual:
        parts.append(t["why_cross"])
    return " · ".join(parts)


def main() -> None:
    st.set_page_config(page_title="ebp", layout="wide")
    t = sidebar_ui()
    st.title(t["title"])
    st.caption(t["privacy"])
    settings = Settings.from_env()
    try:
        with st.spinner(t["loading"]):
            embedder = cached_embedder(settings.model, settings.batch_size)
        searcher, report = cached_index(settings, embedder, t["indexing"])
    except EbpError as exc:
        st.error(str(exc))
        st.stop()
    if report.skipped:
        with st.sidebar.expander(f"{t['skipped']} ({len(report.skipped)})"):
            for line in report.skipped:
                st.text(f"{line.status}: {line.path} — {line.reason}")
    k = st.sidebar.slider(t["k"], 1, 20, 5)
    case = st.text_area(t["case"], placeholder=t["placeholder"], height=120)
    if not st.button(t["search"], type="primary") or not case.strip():
        st.stop()
    hits = searcher.search(case, replace(settings.search_options(), k=k))
    st.subheader(t["results"])
    if not hits:
        st.info(t["none"])
    for rank, hit in enumerate(hits, start=1):
        hit_ui(rank, hit, t)


# Parsing runs in spawned worker processes, which import this file again as "__mp_main__":
# the guard keeps them from starting a second app.
if __name__ == "__main__":
    main()
