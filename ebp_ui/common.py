"""What the pages share: the session-state keys, the per-run context, cached reads, the indexing bar.

Session state, one idiom: every key the app keeps is declared in ``STATE`` with its default and
assigned at the top of each run by ``init_state`` (re-assigning keeps a widget's value while its
page is hidden); widgets are bound to those keys, and code reads and writes
``st.session_state[key]``. The case text lives only there: in memory, for this browser session.
Widgets that only need an identity (a note per list item, a checkbox per list) get keys built from
what they show and are read through their return value or their own callback.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

from ebp import ingest
from ebp.config import Settings
from ebp.embed import Embedder
from ebp.index.store import Store
from ebp.ingest import IngestReport, Progress
from ebp.present import export
from ebp.present.i18n import label
from ebp.present.readinglists import ReadingLists
from ebp.retrieve.search import Searcher
from ebp.types import Hierarchy, Stage, StoredDocument

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
    "last_report": None,
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
    def index_key(self) -> tuple[str, int]:
        """(index folder, current generation): the cache key of anything read from the index."""
        return str(self.settings.index_dir.resolve()), self.searcher.store.generation()


def init_state() -> None:
    for key, default in STATE.items():
        st.session_state[key] = st.session_state.get(key, default)


def ensure_option(key: str, options: list[Any]) -> None:
    """Reset a choice whose options changed (a list deleted, a filter value gone) to the first option."""
    if st.session_state[key] not in options:
        st.session_state[key] = options[0]


@st.cache_data(show_spinner=False, max_entries=4)
def cached_documents(index_dir: str, generation: int) -> list[StoredDocument]:
    return Store.open_existing(Path(index_dir)).all_documents(generation)


def progress_fraction(event: Progress | IngestReport) -> float | None:
    """How far an ingest run is, 0..1, from one of its events; None for an event that does not move it.

    Reading the files is most of the work. Embedding and batch writes happen between the reads, so
    they leave the bar where it is; publishing the new index comes last.
    Example: ``progress_fraction(Progress("parse", 5, 10)) == 0.465``
    """
    if isinstance(event, IngestReport):
        return 1.0
    if event.stage == Stage.SCAN:
        return 0.03
    if event.stage == Stage.PARSE:
        share = event.done / event.total if event.total else 1.0
        return round(0.03 + 0.87 * min(1.0, max(0.0, share)), 4)
    if event.stage == Stage.WRITE and event.path == "index":
        return 0.95
    return None


def index_ui(settings: Settings, embedder: Embedder, t: Mapping[str, str]) -> ingest.IngestReport | None:
    """Run an ingest with a progress bar; raises IndexBusyError when another run holds the index."""
    bar = st.progress(0.0, text=t["app.indexing"])
    shown, report = 0.0, None
    for event in ingest.run(settings.corpus_dir, settings, embedder):
        fraction = progress_fraction(event)
        shown = max(shown, fraction) if fraction is not None else shown
        if isinstance(event, ingest.IngestReport):
            report = event
            bar.progress(1.0, text=t["stage.done"])
        else:
            bar.progress(shown, text=f"{label(t, 'stage', event.stage)} {export.md_escape(event.path)}")
    bar.empty()
    return report
