"""What the pages share: the session-state keys, the per-run context, cached reads, the indexing bar.

Session state, one idiom: every key the app keeps is declared in ``STATE`` with its default and
assigned at the top of each run by ``init_state`` (re-assigning keeps a widget's value while its
page is hidden); widgets are bound to those keys, and code reads and writes
``st.session_state[key]``. The case text lives only there: in memory, for this browser session.
Widgets that only need an identity (a note per list item, a checkbox per list) get keys built from
what they show and are read through their return value or their own callback.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

from ebp.config import Settings
from ebp.embed import Embedder
from ebp.errors import EbpError
from ebp.index.store import Store
from ebp.ingest.background import IndexJob, JobStatus
from ebp.present.readinglists import ReadingLists
from ebp.retrieve.search import Searcher
from ebp.types import Hierarchy, StoredDocument

STATE: dict[str, Any] = {
    "lang": "id",
    "page": "search",
    "flash": "",  # a message to show once, after a rerun
    "case": "",
    "submitted": "",  # the search text of the last "Find evidence" click
    "copes_for": "",  # the case text the COPES fields were suggested from
    "question_type": "",
    "boost": False,
    "copes_client": "",
    "copes_option": "",
    "copes_comparison": "",
    "copes_expected_outcome": "",
    "f_designs": [],
    "f_level": 0,
    "f_years": None,
    "f_years_bounds": None,  # the corpus's (first, last) year when the year filter was last drawn
    "f_language": "",
    "f_doc_type": "",
    "k": 5,
    "active_list": None,
    "open_list": None,
    "new_list": "",
    "n_topics": None,
    "topic": 0,
    "upload_kind": "journal_article",
    "upload_round": 0,  # part of the uploader's key: a new round empties it
    "upload_results": [],
    "job_watched": 0,  # the indexing run this session showed as under way (0: none)
    "curate_project": None,  # the screening project open on the curation page
}


@dataclass(frozen=True)
class Ctx:
    """What every page needs, built once per run."""

    t: Mapping[str, str]
    lang: str
    settings: Settings
    embedder: Embedder
    searcher: Searcher
    lists: ReadingLists

    @property
    def hierarchy(self) -> Hierarchy:
        return self.settings.evidence_hierarchy

    @property
    def index_key(self) -> tuple[str, int, int]:
        """(index folder, current generation, version of the user's corrections): the cache key of anything
        read from the index."""
        path = self.searcher.store.corrections.path
        stamp = path.stat().st_mtime_ns if path.exists() else 0
        return str(self.settings.index_dir.resolve()), self.searcher.store.generation(), stamp


def init_state() -> None:
    """Every key of ``STATE`` in this browser session; a new session gets its own copy of each default
    (a list shared between sessions would carry one user's choices into another's)."""
    for key, default in STATE.items():
        st.session_state[key] = st.session_state[key] if key in st.session_state else copy.deepcopy(default)


def ensure_option(key: str, options: list[Any]) -> None:
    """Reset a choice whose options changed (a list deleted, a filter value gone) to the first option."""
    if st.session_state[key] not in options:
        st.session_state[key] = options[0]


@st.cache_data(show_spinner=False, max_entries=4)
def cached_documents(index_dir: str, generation: int, corrections: int = 0) -> list[StoredDocument]:
    return Store.open_existing(Path(index_dir)).all_documents(generation)


def index_ready(index_dir: Path) -> bool:
    """Whether the index folder holds a published index that this ebp reads."""
    try:
        return Store.open_existing(index_dir).generation() > 0
    except EbpError:
        return False


@st.cache_resource(show_spinner=False)
def cached_job(index_dir: str) -> IndexJob:
    """The index folder's background indexing (one per server process, shared by every page and session)."""
    return IndexJob(Path(index_dir))


def duration_text(seconds: float, t: Mapping[str, str]) -> str:
    """ "about 40 s" / "about 3 min", rounded the way a person would say it."""
    if seconds < 60:
        return t["job.seconds"].format(n=max(5, int(round(seconds / 5.0)) * 5))
    return t["job.minutes"].format(n=int(round(seconds / 60.0)))


def job_text(status: JobStatus, t: Mapping[str, str]) -> str:
    """One line of what a run has done and how long it still needs, e.g.
    "Reading files: 5 of 20 · passages embedded: 120 of 300 · about 40 s left"."""
    parts = []
    if status.files_todo:
        parts.append(t["job.files"].format(done=status.files_read, total=status.files_todo))
    elif status.files_total:
        parts.append(t["job.checking"].format(total=status.files_total))
    if status.passages_read:
        parts.append(t["job.passages"].format(done=status.passages_embedded, total=status.passages_read))
    if status.remaining_s is not None and status.running:
        parts.append(t["job.left"].format(time=duration_text(status.remaining_s, t)))
    elif status.running and status.files_todo:
        parts.append(t["job.estimating"])
    return " · ".join(parts)


def follow_ui(job: IndexJob, t: Mapping[str, str]) -> JobStatus:
    """Draw a run's progress here until it ends. Leaving the page stops the drawing, not the run."""
    status = job.status()
    if status.interrupted:
        st.info(t["job.interrupted"])
    bar = st.progress(status.fraction, text=job_text(status, t) or t["app.indexing"])
    while status.running:
        time.sleep(0.5)
        status = job.status()
        bar.progress(status.fraction, text=job_text(status, t) or t["app.indexing"])
    bar.empty()
    return status


def job_notice_ui(job: IndexJob, t: Mapping[str, str]) -> None:
    """Every run: while indexing goes on, its progress in the sidebar (whatever the page or language); once
    the run this session saw has ended, say how it ended, once."""
    status = job.status()
    if status.running:
        st.session_state["job_watched"] = status.run
        job_sidebar_ui(job, t)
    elif st.session_state["job_watched"] == status.run:
        st.session_state["job_watched"] = 0
        if status.error:
            st.error(status.error)
        elif status.report is not None:
            st.success(finished_text(status, t))


@st.fragment(run_every=2.0)
def job_sidebar_ui(job: IndexJob, t: Mapping[str, str]) -> None:
    """The sidebar's progress bar, redrawn every 2 s; the whole page is redrawn when the run ends."""
    status = job.status()
    if not status.running:
        st.rerun(scope="app")
    st.sidebar.progress(status.fraction, text=f"{t['app.indexing']} {job_text(status, t)}")


def finished_text(status: JobStatus, t: Mapping[str, str]) -> str:
    report = status.report
    if report is None:
        return status.error
    return t["job.finished"].format(
        documents=report.documents, passages=report.passages, new=report.embedded,
        time=duration_text(status.elapsed_s, t),
    )  # fmt: skip


def _css_text(text: str) -> str:
    """``text`` as a CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def uploader_words_ui(t: Mapping[str, str], kinds: str) -> None:
    """Streamlit draws a file uploader's button ("Upload") and hint ("100MB per file • PDF") in English
    whatever the page's language; this puts ``t``'s words in their place (CSS, for every uploader on the
    page). ``kinds``: the file types, as the hint shows them ("PDF")."""
    button = _css_text(t["upload.button"])
    hint = _css_text(t["upload.hint"].format(kinds=kinds))
    zone = '[data-testid="stFileUploaderDropzone"]'
    hint_box = '[data-testid="stFileUploaderDropzoneInstructions"]'
    st.html(
        f"<style>{zone} button * {{font-size: 0 !important;}}"
        f"{zone} button::after {{content: {button}; font-size: 0.875rem;}}"
        f"{hint_box} * {{font-size: 0 !important;}}"
        f"{hint_box}::after {{content: {hint}; font-size: 0.8rem; opacity: 0.7;}}</style>"
    )
