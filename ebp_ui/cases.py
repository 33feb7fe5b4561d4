"""Page "My cases", and the search page's "Save as a case": apply, evaluate and supervise a case.

Nothing of a case is written before the user presses Save, and then only de-identified (``ebp.cases``).
Session state: this module's keys are declared in ``CASE_STATE`` and assigned at the top of each use, the
idiom of ``ebp_ui.common``. A passphrase typed to open an encrypted case stays in this browser session's
memory only, so the page can save the case again under it.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import streamlit as st

from ebp.cases import record
from ebp.cases.crypto import WrongPassphrase
from ebp.cases.deidentify import deidentify
from ebp.cases.workspace import CaseError, CaseStore, Evidence, Question, Quote, Workspace, add_follow_up
from ebp.present import cards as present
from ebp.present.brief import build_brief, read_pages_from_file
from ebp.present.export import file_stem
from ebp.present.readinglists import item_from_document
from ebp.types import DocumentHit
from ebp_ui.common import Ctx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CASE_STATE: dict[str, Any] = {
    "case_save_open": False,  # the search page's "Save as a case" preview is open
    "case_name": "",
    "case_keep": [],  # masked words the user says are no identifier
    "case_also": "",  # words the user wants masked too
    "case_evidence": None,  # paths of the results saved with the case (None: the first three)
    "case_pass": "",
    "case_open": None,  # the id of the case shown on the page
    "case_unlock": "",
    "case_keys": {},  # id → passphrase of the encrypted cases opened in this session (memory only)
    "case_round": 0,  # part of the follow-up form's keys: a new round empties it
}


def init_case_state() -> None:
    for key, default in CASE_STATE.items():
        if key not in st.session_state:  # a fresh copy per session: a shared {} would share passphrases
            st.session_state[key] = copy.deepcopy(default)
        st.session_state[key] = st.session_state[key]


def store_of(ctx: Ctx) -> CaseStore:
    return CaseStore.in_index(ctx.settings.index_dir)


# -- the search page's entry point ------------------------------------------------------------------------------
def save_case_ui(ctx: Ctx, hits: Sequence[DocumentHit], query: str) -> None:
    """ "Save as a case": the de-identification preview, the evidence to keep, and the one button that writes."""
    init_case_state()
    t, case = ctx.t, str(st.session_state["case"])
    if not st.toggle(t["cases.save_as"], key="case_save_open"):
        return
    with st.container(border=True):
        if not case.strip():
            st.warning(t["cases.need_case"])
            return
        st.caption(t["cases.save_intro"])
        if not st.session_state["case_name"]:
            st.session_state["case_name"] = t["cases.name_default"].format(date=dt.date.today().isoformat())
        st.text_input(t["cases.name"], key="case_name")
        also = [w.strip() for w in str(st.session_state["case_also"]).split(",") if w.strip()]
        masked = deidentify(case, ctx.lang, also=also, keep=st.session_state["case_keep"])
        masks_ui(masked.masks, t, [m.text for m in deidentify(case, ctx.lang, also=also).masks])
        st.text_input(t["cases.also"], key="case_also")
        st.text_area(t["cases.preview"], masked.text, height=120, disabled=True)
        chosen = evidence_choice_ui(ctx, hits)
        st.text_input(t["cases.passphrase"], key="case_pass", type="password", help=t["cases.passphrase_help"])
        if st.button(t["cases.save"], type="primary", key="case_save"):
            workspace = Workspace(
                name=str(st.session_state["case_name"]),
                case=case,
                question=_question(),
                evidence=_evidence(ctx, hits, chosen, query),
                keep=tuple(st.session_state["case_keep"]),
                lang=ctx.lang,
            )
            try:
                saved = store_of(ctx).save(workspace, passphrase=str(st.session_state["case_pass"]))
            except CaseError as exc:
                st.warning(str(exc))
                return
            if st.session_state["case_pass"]:
                st.session_state["case_keys"][saved.id] = st.session_state["case_pass"]
            st.session_state["case_open"] = saved.id
            st.success(t["cases.saved_go"].format(name=saved.name))


def masks_ui(masks: Sequence[Any], t: Mapping[str, str], found: list[str]) -> None:
    """What was masked, by kind, and the choice of words that are no identifier."""
    if not masks:
        st.info(t["cases.nothing_masked"])
    else:
        rows = [f"| {t['kind.' + m.kind]} | {_md_cell(m.text)} | `{m.placeholder}` |" for m in masks]
        with st.expander(t["cases.masked_list"].format(n=len(masks)), expanded=True):
            head = f"| {t['cases.col_kind']} | {t['cases.col_text']} | {t['cases.col_mark']} |\n|---|---|---|\n"
            st.markdown(head + "\n".join(rows))
    options = sorted(set(found) | set(st.session_state["case_keep"]), key=str.casefold)
    st.multiselect(t["cases.keep"], options, key="case_keep", placeholder=t["cases.choose"])


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def evidence_choice_ui(ctx: Ctx, hits: Sequence[DocumentHit]) -> list[str]:
    titles = {h.document.path: h.document.info.title or h.document.path for h in hits}
    if st.session_state["case_evidence"] is None or not set(st.session_state["case_evidence"]) <= set(titles):
        st.session_state["case_evidence"] = list(titles)[:3]
    chosen = st.multiselect(ctx.t["cases.choose_evidence"], list(titles), key="case_evidence",
                            format_func=lambda p: titles[p], placeholder=ctx.t["cases.choose"])  # fmt: skip
    return list(chosen)


def _question() -> Question:
    state = st.session_state
    return Question(str(state["copes_client"]), str(state["copes_option"]), str(state["copes_comparison"]),
                    str(state["copes_expected_outcome"]), str(state["question_type"] or ""))  # fmt: skip


def _evidence(ctx: Ctx, hits: Sequence[DocumentHit], chosen: list[str], query: str) -> tuple[Evidence, ...]:
    """The chosen results as evidence, each with the findings the evidence brief quoted from it."""
    floor = present.relevance_floor(ctx.embedder.name, ctx.settings.relevance_floor)
    question, pages = str(st.session_state["question_type"] or ""), read_pages_from_file(ctx.settings.corpus_dir)
    brief = build_brief(query, list(hits), ctx.searcher.store, ctx.hierarchy, floor, question, pages)
    by_path = {h.document.path: h for h in hits}
    out = []
    for path in chosen:
        hit = by_path[path]
        quotes = tuple(Quote(f.text, f.page) for f in brief.findings if f.path == path)
        item = item_from_document(hit.document, ctx.hierarchy, pages=[p.page_start for p in hit.passages])
        out.append(Evidence(item, quotes))
    return tuple(out)


# -- the page ---------------------------------------------------------------------------------------------------
def cases_page(ctx: Ctx) -> None:
    init_case_state()
    t, store = ctx.t, store_of(ctx)
    st.header(t["cases.header"])
    st.caption(t["cases.privacy"].format(path=store.path))
    import_ui(ctx, store)
    summaries = store.summaries()
    if not summaries:
        st.info(t["cases.none"])
        return
    ids = [s.id for s in summaries]
    labels = {s.id: s.name or t["cases.locked_label"].format(id=s.id, date=s.updated[:10]) for s in summaries}
    if st.session_state["case_open"] not in ids:
        st.session_state["case_open"] = ids[0]
    key = str(st.selectbox(t["cases.pick"], ids, key="case_open", format_func=lambda i: labels[i]))
    workspace = open_ui(ctx, store, key, store.is_encrypted(key))
    if workspace is None:
        return
    passphrase = st.session_state["case_keys"].get(key, "")
    workspace_ui(ctx, workspace)
    edit_ui(ctx, store, workspace, passphrase)
    follow_up_ui(ctx, store, workspace, passphrase)
    export_ui(ctx, store, workspace)
    delete_ui(ctx, store, workspace)


def open_ui(ctx: Ctx, store: CaseStore, key: str, encrypted: bool) -> Workspace | None:
    """The workspace, or None while an encrypted one waits for its passphrase."""
    t = ctx.t
    if encrypted and key not in st.session_state["case_keys"]:
        st.info(t["cases.locked"])
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        left.text_input(t["cases.unlock"], key="case_unlock", type="password")
        if not right.button(t["cases.open"], key="case_unlock_button"):
            return None
        try:
            store.get(key, str(st.session_state["case_unlock"]))
        except WrongPassphrase:
            st.error(t["cases.wrong_pass"])
            return None
        st.session_state["case_keys"][key] = st.session_state["case_unlock"]
        del st.session_state["case_unlock"]  # not kept in the widget
        st.rerun()
    return store.get(key, st.session_state["case_keys"].get(key, ""))


def workspace_ui(ctx: Ctx, workspace: Workspace) -> None:
    t, q = ctx.t, workspace.question
    st.subheader(workspace.name)
    parts = [(t[f"copes.{p}"], getattr(q, p)) for p in ("client", "option", "comparison", "expected_outcome")]
    st.markdown(f"**{t['cases.question']}**\n\n" + "\n".join(f"- {k}: {_md_cell(v)}" for k, v in parts if v))
    with st.expander(t["cases.case_text"]):
        st.text(workspace.case)
    st.markdown(f"**{t['cases.evidence']}**")
    if not workspace.evidence:
        st.caption(t["cases.no_evidence"])
    for number, e in enumerate(workspace.evidence, start=1):
        st.html(present.item_html(e.item, t, ctx.lang, number=number))
        for quote in e.findings:
            st.markdown(f"> “{_md_cell(quote.text)}” ({t['card.page']} {quote.page})")


def edit_ui(ctx: Ctx, store: CaseStore, workspace: Workspace, passphrase: str) -> None:
    t = ctx.t
    with st.form(f"case_edit:{workspace.id}"):
        notes = st.text_area(t["cases.notes"], workspace.notes, height=90)
        decision = st.text_area(t["cases.decision"], workspace.decision, height=90)
        measures = st.text_area(t["cases.measures"], workspace.measures, height=70)
        if st.form_submit_button(t["cases.save_changes"]):
            changed = replace(workspace, notes=notes, decision=decision, measures=measures)
            saved = store.save(changed, passphrase)
            st.session_state["flash"] = t["cases.saved"].format(name=saved.name)
            st.rerun()


def follow_up_ui(ctx: Ctx, store: CaseStore, workspace: Workspace, passphrase: str) -> None:
    t = ctx.t
    st.markdown(f"**{t['cases.follow_ups']}**")
    if workspace.follow_ups:
        head = f"| {t['cases.fu_date']} | {t['cases.fu_measure']} | {t['cases.fu_result']} |\n|---|---|---|\n"
        body = "\n".join(f"| {f.date} | {_md_cell(f.measure)} | {_md_cell(f.result)} |" for f in workspace.follow_ups)
        st.markdown(head + body)
    else:
        st.caption(t["cases.no_follow_ups"])
    round_ = st.session_state["case_round"]
    with st.form(f"case_fu:{workspace.id}:{round_}"):
        left, middle = st.columns([1, 2])
        date = left.date_input(t["cases.fu_date"], dt.date.today(), key=f"fu_date:{round_}")
        measure = middle.text_input(t["cases.fu_measure"], key=f"fu_measure:{round_}")
        result = st.text_area(t["cases.fu_result"], key=f"fu_result:{round_}", height=70)
        if st.form_submit_button(t["cases.fu_add"]) and str(result).strip():
            day = date.isoformat() if isinstance(date, dt.date) else dt.date.today().isoformat()
            store.save(add_follow_up(workspace, day, str(result), str(measure)), passphrase)
            st.session_state["case_round"] = round_ + 1
            st.session_state["flash"] = t["cases.fu_added"].format(date=day)
            st.rerun()


def export_ui(ctx: Ctx, store: CaseStore, workspace: Workspace) -> None:
    t, lang = ctx.t, ctx.lang
    st.markdown(f"**{t['cases.export']}**")
    stem = file_stem(workspace.name)
    formats: tuple[tuple[str, str, str, Any], ...] = (
        (f"{t['cases.record']} (HTML)", "html", "text/html", lambda: record.to_html(workspace, lang)),
        (f"{t['cases.record']} (Word)", "docx", DOCX, lambda: record.to_docx(workspace, lang)),
        (f"{t['cases.record']} (PDF)", "pdf", "application/pdf", lambda: record.to_pdf(workspace, lang)),
        (t["cases.file"], "ebpcase", "application/json", lambda: store.export_file(workspace.id)),
    )
    for column, (name, suffix, mime, data) in zip(st.columns(len(formats)), formats, strict=True):
        column.download_button(name, data=data, file_name=f"{stem}.{suffix}", mime=mime, key=f"case_export:{suffix}",
                               on_click="ignore")  # fmt: skip
    folder = ctx.settings.corpus_dir / "uploads" / "case_studies"
    if st.button(t["cases.teaching"], key="case_teaching", help=t["cases.teaching_help"].format(folder=folder)):
        path = record.write_teaching_case(workspace, ctx.settings.corpus_dir, lang)
        st.success(t["cases.teaching_done"].format(path=path))


def import_ui(ctx: Ctx, store: CaseStore) -> None:
    with st.expander(ctx.t["cases.import"]):
        upload = st.file_uploader(ctx.t["cases.import"], type=["ebpcase", "json"], key="case_import",
                                  label_visibility="collapsed")  # fmt: skip
        if upload is not None and st.button(ctx.t["cases.import"], key="case_import_button"):
            try:
                summary = store.import_file(upload.getvalue())
            except CaseError as exc:
                st.error(str(exc))
                return
            st.session_state["case_open"] = summary.id
            st.session_state["flash"] = ctx.t["cases.imported"].format(name=summary.label())
            st.rerun()


def delete_ui(ctx: Ctx, store: CaseStore, workspace: Workspace) -> None:
    with st.expander(ctx.t["cases.delete"]):
        sure = st.checkbox(ctx.t["cases.delete_confirm"], key=f"case_confirm:{workspace.id}")
        if st.button(ctx.t["cases.delete"], key="case_delete", disabled=not sure):
            store.delete(workspace.id)
            st.session_state["case_keys"].pop(workspace.id, None)
            st.session_state["flash"] = ctx.t["cases.deleted"].format(name=workspace.name)
            st.rerun()
