"""ebp — Streamlit front end for practitioners, seminar organisers and trainers.

``streamlit run app.py`` (indexes ``corpus/`` on first start). This file is the frame: language,
page choice, the cached model, index and searcher; each page is a module of ``ebp_ui`` (one page
per module keeps each under the size we allow a module). The pages only render and call the
``ebp`` package, where retrieval, appraisal, exports and the HTML of result cards live.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import streamlit as st

from ebp.config import Settings
from ebp.embed import Embedder, load_embedder
from ebp.errors import EbpError
from ebp.ingest.background import IndexJob
from ebp.present import cards as present
from ebp.present.i18n import LANGUAGE_NAMES, LANGUAGES, label, strings
from ebp.present.readinglists import ReadingLists
from ebp.retrieve.search import Searcher
from ebp_ui import cases, corpus, curate, lists, manage, search
from ebp_ui.common import Ctx, cached_job, follow_ui, index_ready, init_state, job_notice_ui

PAGES = {
    "search": search.search_page,
    "corpus": corpus.corpus_page,
    "lists": lists.lists_page,
    "curate": curate.curate_page,
    "cases": cases.cases_page,
    "manage": manage.manage_page,
}


@st.cache_resource(show_spinner=False)
def cached_embedder(model: str, batch_size: int, precision: str) -> Embedder:
    embedder = load_embedder(model, batch_size, precision)
    embedder.embed_queries(["warm-up"])  # torch's first call is slow (~1 s): pay it during start-up, not on a search
    return embedder


@st.cache_resource(show_spinner=False)
def startup_index(corpus_dir: str, index_dir: str, model: str, _settings: Settings, _embedder: Embedder) -> IndexJob:
    """Bring the index up to date once per server process (an unchanged file costs only a hash), in the
    background: the app stays usable, on the previous index, while it runs."""
    job = cached_job(index_dir)
    job.start(Path(corpus_dir), _settings, _embedder)
    return job


@st.cache_resource(show_spinner=False)
def cached_searcher(index_dir: str, model: str, _embedder: Embedder) -> Searcher:
    return Searcher(Path(index_dir), _embedder)


def sidebar_ui(t: Mapping[str, str]) -> str:
    st.sidebar.radio(
        "Bahasa / Language", LANGUAGES, key="lang", format_func=LANGUAGE_NAMES.__getitem__, horizontal=True
    )
    return str(st.sidebar.radio(t["app.page"], list(PAGES), key="page", format_func=lambda p: t[f"page.{p}"]))


def load_ui(t: Mapping[str, str], lang: str) -> Ctx:
    try:
        settings = Settings.from_env()
    except (ValueError, FileNotFoundError) as exc:
        st.error(str(exc))
        st.stop()
    if not settings.corpus_dir.is_dir():
        st.error(t["app.no_corpus"].format(path=settings.corpus_dir))
        st.stop()
    try:
        with st.spinner(t["app.loading"]):
            embedder = cached_embedder(settings.model, settings.batch_size, settings.embed_precision)
        index_dir = str(settings.index_dir.resolve())
        job = startup_index(str(settings.corpus_dir.resolve()), index_dir, embedder.name, settings, embedder)
        status = job.status()
        if status.running and not index_ready(settings.index_dir):  # first start: nothing to search yet
            st.info(t["app.first_start"])
            status = follow_ui(job, t)
        else:
            job_notice_ui(job, t)
        if status.error and not index_ready(settings.index_dir):
            st.error(status.error)
            st.stop()
        searcher = cached_searcher(index_dir, embedder.name, embedder)
    except EbpError as exc:
        st.error(str(exc))
        st.stop()
    skipped = status.report.skipped if status.report is not None else []
    if skipped:
        with st.sidebar.expander(t["skipped"].format(n=len(skipped))):
            for line in skipped:
                st.text(f"{label(t, 'status', line.status)}: {line.path}")
    return Ctx(t, lang, settings, embedder, searcher, ReadingLists.in_index(settings.index_dir))


def main() -> None:
    st.set_page_config(page_title="ebp", page_icon="📚", layout="wide")
    init_state()
    lang = st.session_state["lang"]
    t = strings(lang)
    page = sidebar_ui(t)
    st.html(present.CSS)
    st.title(t["app.title"])
    st.caption(t["app.privacy"])
    ctx = load_ui(t, lang)
    if st.session_state["flash"]:
        st.success(st.session_state["flash"])
        st.session_state["flash"] = ""
    PAGES[page](ctx)


# Parsing runs in spawned worker processes, which import this file again as "__mp_main__":
# the guard keeps them from starting a second app.
if __name__ == "__main__":
    main()
