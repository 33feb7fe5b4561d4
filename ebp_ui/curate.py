"""Curate readings: import a search export, screen one record at a time (re-ranked after each decision), stop when
the model says little is left, and keep the includes as a reading list.

Keyboard shortcuts are Streamlit's own (``st.button(shortcut=...)``, Streamlit ≥ 1.50): I include, E exclude,
M maybe, U undo; no script of ours listens to the keyboard.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any, Literal

import streamlit as st

from ebp.appraise import evidence_level
from ebp.curate.project import Label, Projects
from ebp.curate.records import ImportFileError, Record, read_records
from ebp.curate.screen import Features, Progress, Ranking, ScreenParams, build_features
from ebp.curate.workflow import Screening, create_project, reading_items, records_from_documents, topic_marks
from ebp.embed import Embedder
from ebp.present.cards import highlight
from ebp.present.i18n import counted, label, level_label
from ebp_ui.common import Ctx, cached_documents, ensure_option, uploader_words_ui
from ebp_ui.lists import export_ui

SHORTCUTS = {Label.INCLUDE: "I", Label.EXCLUDE: "E", Label.MAYBE: "M"}


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_features(db: str, name: str, topic: str, created: str, _projects: Projects, _embedder: Embedder) -> Features:
    """A project's features, built once per project and topic (TF-IDF, topic match; the e5 vectors are stored)."""
    project = _projects.get(name)
    return build_features([r.text for r in project.records], _projects.vectors(name), topic, _embedder)


def curate_page(ctx: Ctx) -> None:
    t = ctx.t
    st.header(t["curate.header"])
    st.caption(t["curate.help"])
    projects = Projects.in_index(ctx.settings.index_dir)
    names = projects.names()
    if not names:
        st.info(t["curate.none"])
    with st.expander(t["curate.new"], expanded=not names):
        new_project_ui(ctx, projects)
    names = projects.names()
    if not names:
        return
    if st.session_state.get("curate_project") not in names:
        st.session_state["curate_project"] = names[0]
    ensure_option("curate_project", names)
    name = st.selectbox(t["curate.pick"], names, key="curate_project")
    screen_ui(ctx, projects, str(name))


def new_project_ui(ctx: Ctx, projects: Projects) -> None:
    t = ctx.t
    uploader_words_ui(t, "RIS, BibTeX, CSV")
    with st.form("curate_new", clear_on_submit=False):
        name = st.text_input(t["curate.name"], key="curate_new_name")
        topic = st.text_area(t["curate.topic"], placeholder=t["curate.topic_help"], height=80, key="curate_new_topic")
        files = st.file_uploader(
            t["curate.files"], type=["ris", "bib", "csv", "tsv", "txt"], accept_multiple_files=True, key="curate_files"
        )
        corpus = st.checkbox(t["curate.corpus"], key="curate_corpus")
        submitted = st.form_submit_button(t["curate.import"], type="primary")
    if not submitted:
        return
    clean = " ".join(name.split())
    if not clean:
        st.warning(t["curate.need_name"])
        return
    if clean in projects.names():
        st.warning(t["curate.exists"].format(name=clean))
        return
    records: list[Record] = []
    for upload in files or []:
        try:
            result = read_records(upload.getvalue(), upload.name)
        except ImportFileError as exc:
            st.warning(t["curate.problem"].format(line=exc))
            continue
        records += result.records
        for line in result.problems:
            st.warning(t["curate.problem"].format(line=line))
    if corpus:
        records += corpus_records(ctx)
    if not records:
        st.warning(t["curate.need_files"])
        return
    import_ui(ctx, projects, clean, topic, records)


def corpus_records(ctx: Ctx) -> list[Record]:
    store = ctx.searcher.store
    documents = cached_documents(*ctx.index_key)
    first = {}
    for doc in documents:
        passages = store.passages_of_document(doc.doc_id)
        first[doc.doc_id] = passages[0].text if passages else ""
    return records_from_documents(documents, first)


def import_ui(ctx: Ctx, projects: Projects, name: str, topic: str, records: list[Record]) -> None:
    from ebp.curate.records import unique_keys

    t = ctx.t
    bar = st.progress(0.0, text=t["curate.embedding"].format(done=0, total=len(records)))

    def moved(done: int, total: int) -> None:
        bar.progress(done / max(total, 1), text=t["curate.embedding"].format(done=done, total=total))

    clean, dedup = create_project(projects, name, topic, unique_keys(records), ctx.embedder, moved)
    bar.empty()
    st.session_state["flash"] = t["curate.imported"].format(
        name=clean, kept=len(dedup.records), read=len(records), merged=sum(len(m.merged) for m in dedup.merges)
    )
    st.session_state["curate_project"] = clean
    st.rerun()


def screen_ui(ctx: Ctx, projects: Projects, name: str) -> None:
    t = ctx.t
    project = projects.get(name)
    features = cached_features(str(projects.path), name, project.topic, project.created, projects, ctx.embedder)
    screening = Screening(project, features, ScreenParams())
    ranking = screening.ranking()
    state = screening.progress(ranking)
    progress_ui(t, state, ranking)
    if len(ranking.order):
        record_ui(ctx, screening, ranking, projects)
    else:
        st.success(t["curate.done"])
    merges_ui(t, project.merges, {r.key: r.title for r in project.records})
    list_ui(ctx, projects, name)
    with st.expander(t["curate.delete"]):
        sure = st.checkbox(t["curate.delete_confirm"], key=f"curate_delete:{name}")
        if st.button(t["curate.delete"], key="curate_delete", disabled=not sure):
            projects.delete(name)
            st.session_state["flash"] = t["curate.deleted"].format(name=name)
            st.rerun()


def progress_ui(t: Mapping[str, str], state: Progress, ranking: Ranking) -> None:
    st.progress(state.screened / max(state.total, 1), text=t["curate.progress"].format(
        screened=state.screened, total=state.total, included=state.included))  # fmt: skip
    left, middle, right = st.columns(3)
    left.metric(t["curate.screened"], f"{state.screened} / {state.total}")
    middle.metric(t["curate.included"], state.included)
    right.metric(t["curate.remaining"], f"≈ {state.remaining_estimate:.0f}" if ranking.trained else "–")
    if not ranking.trained:
        st.caption(t["curate.cold"])
    elif state.stop_suggested and len(ranking.order):
        st.success(t["curate.stop"].format(since=state.since_last_include))
    elif len(ranking.order):
        st.info(t["curate.go_on"].format(n=max(1, round(state.remaining_estimate))))


def record_ui(ctx: Ctx, screening: Screening, ranking: Ranking, projects: Projects) -> None:
    t, lang = ctx.t, ctx.lang
    row = int(ranking.order[0])
    record, design = screening.project.records[row], screening.project.designs[row]
    topic = screening.project.topic
    with st.container(border=True):
        st.html(record_html(record, design, topic, t, lang, ctx, len(screening.project.decisions) + 1))
        columns = st.columns(4)
        for column, choice in zip(columns, (Label.INCLUDE, Label.EXCLUDE, Label.MAYBE), strict=False):
            kind: Literal["primary", "secondary"] = "primary" if choice == Label.INCLUDE else "secondary"
            if column.button(t[f"curate.{choice.name.lower()}"], key=f"curate_{choice.name.lower()}", type=kind,
                             shortcut=SHORTCUTS[choice], use_container_width=True):  # fmt: skip
                screening.decide(projects, row, choice, ranking)
                st.rerun()
        if columns[3].button(t["curate.undo"], key="curate_undo", shortcut="U", use_container_width=True,
                             disabled=not screening.project.decisions):  # fmt: skip
            projects.undo(screening.project.name)
            st.session_state["flash"] = t["curate.undone"]
            st.rerun()
    st.caption(t["curate.keys"])


def record_html(record: Record, design: str, topic: str, t: Mapping[str, str], lang: str, ctx: Ctx, number: int) -> str:
    """The record as a card: title and abstract with the topic's words marked, authors, year, journal, badges."""
    esc = html.escape
    text_lang, terms = topic_marks(topic, record.text)
    level = evidence_level(design, ctx.hierarchy)
    meta = " · ".join(p for p in ("; ".join(record.authors[:4]) + (" …" if len(record.authors) > 4 else ""),
                                  str(record.year or ""), record.journal or "", record.doi or "") if p)  # fmt: skip
    abstract = highlight(record.abstract, terms, text_lang) if record.abstract else esc(t["curate.no_abstract"])
    return (
        f'<div class="ebp-card"><div class="ebp-small">{esc(t["curate.record"].format(n=number))}</div>'
        f"<h4>{highlight(record.title, terms, text_lang)}</h4>"
        f'<div class="ebp-small">{esc(meta)}</div>'
        f'<div class="ebp-badges"><span class="ebp-badge ebp-l{level.rank}">'
        f"{esc(t['card.level'].format(rank=level.rank))} · {esc(level_label(level, lang))}</span>"
        f'<span class="ebp-small">{esc(t["card.design"])}: {esc(label(t, "design", design))}</span></div>'
        f'<p class="ebp-abstract">{abstract}</p></div>'
    )


def merges_ui(t: Mapping[str, str], merges: Any, titles: Mapping[str, str]) -> None:
    """What was merged and why: the records' keys (the export's id, or the file and position) and the paper's title."""
    if not merges:
        return
    with st.expander(t["curate.merges"].format(n=sum(len(m.merged) for m in merges))):
        lines = [
            t["curate.merge_line"].format(merged=", ".join(m.merged), kept=m.kept,
                                          reasons=", ".join(t[f"curate.reason.{r}"] for r in m.reasons))
            + (f" — “{titles[m.kept]}”" if titles.get(m.kept) else "")
            for m in merges
        ]  # fmt: skip
        st.markdown("\n".join(f"- {html.escape(line)}" for line in lines))


def list_ui(ctx: Ctx, projects: Projects, name: str) -> None:
    t = ctx.t
    items = reading_items(projects.get(name), ctx.hierarchy)
    st.subheader(t["curate.list"])
    if not items:
        st.caption(t["curate.no_includes"])
        return
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    list_name = left.text_input(t["curate.list_name"], value=name, key=f"curate_list_name:{name}")
    if right.button(t["curate.save_list"], key="curate_save_list"):
        clean = " ".join(list_name.split()) or name
        if clean in ctx.lists.names():
            for item in items:
                ctx.lists.add(clean, item)
        else:
            ctx.lists.create(clean, items)
        st.session_state["flash"] = counted(t, "curate.saved", len(items), name=clean)
        st.rerun()
    clean = " ".join(list_name.split())
    if clean in ctx.lists.names():
        saved = ctx.lists.get(clean)
        unsaved = len({i.path for i in items} - {i.path for i in saved.items})
        if unsaved:  # the exports below are of the list as saved, not of the includes since
            st.warning(counted(t, "curate.unsaved", unsaved, name=clean))
        export_ui(ctx, saved)
