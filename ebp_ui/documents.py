"""On the manage page: every document of the corpus, and the user's corrections, hiding and removal.

Corrections and hiding are kept by ``ebp.index.corrections`` beside the index, so they last across
indexing runs; removing a file moves it out of the corpus folder (``ebp.ingest.uploads.remove_file``),
never deletes it.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from ebp.index.corrections import Correction
from ebp.ingest.uploads import remove_file
from ebp.present.i18n import label
from ebp.types import DESIGNS, DocType, StoredDocument
from ebp_ui.common import Ctx, cached_job


def documents_ui(ctx: Ctx) -> None:
    t, store = ctx.t, ctx.searcher.store
    generation = store.generation()
    docs = store.all_documents(generation, hidden=True)
    st.subheader(t["docs.header"])
    st.caption(t["docs.help"])
    if not docs:
        st.info(t["corpus.empty"])
        return
    st.dataframe([document_row(d, t) for d in docs], hide_index=True)
    paths = [d.path for d in docs]
    by_path = {d.path: d for d in docs}
    path = st.selectbox(
        t["docs.pick"], paths, key="doc_pick", format_func=lambda p: f"{by_path[p].info.title[:80]} — {p}"
    )
    if path is None:
        return
    original = store.documents([by_path[path].doc_id], corrected=False)[by_path[path].doc_id]
    correction_form_ui(ctx, by_path[path], original)
    remove_ui(ctx, path)


def document_row(doc: StoredDocument, t: Mapping[str, str]) -> dict[str, object]:
    state = [t["docs.state_hidden"]] if doc.extra.get("hidden") else []
    if doc.extra.get("corrected"):
        state.append(t["docs.state_corrected"])
    return {
        t["docs.col_title"]: doc.info.title,
        t["docs.col_year"]: str(doc.info.year or ""),
        t["docs.col_design"]: label(t, "design", doc.appraisal.design),
        t["docs.col_kind"]: label(t, "doctype", doc.doc_type),
        t["docs.col_state"]: ", ".join(state),
        t["docs.col_file"]: doc.path,
    }


def correction_form_ui(ctx: Ctx, doc: StoredDocument, original: StoredDocument) -> None:
    """The document as ebp reads it now (corrections included), editable; saved are only the fields that differ
    from ebp's own reading, so an improved reading of the others still reaches the user."""
    t, corrections = ctx.t, ctx.searcher.store.corrections
    with st.form(key=f"doc_form:{doc.path}"):
        title = st.text_input(t["docs.title"], value=doc.info.title)
        authors = st.text_area(t["docs.authors"], value="\n".join(doc.info.authors), height=90)
        year = st.text_input(t["docs.year"], value=str(doc.info.year or ""))
        design = st.selectbox(t["docs.design"], DESIGNS, index=DESIGNS.index(doc.appraisal.design),
                              format_func=lambda d: label(t, "design", d))  # fmt: skip
        kinds = [k.value for k in DocType]
        kind = st.selectbox(t["docs.kind"], kinds, index=kinds.index(doc.doc_type.value),
                            format_func=lambda k: label(t, "doctype", k))  # fmt: skip
        hidden = st.checkbox(t["docs.hidden"], value=bool(doc.extra.get("hidden")))
        saved = st.form_submit_button(t["docs.save"], type="primary")
    if saved:
        if year.strip() and not year.strip().isdigit():
            st.error(t["docs.bad_year"])
            return
        names = tuple(a.strip() for a in authors.splitlines() if a.strip())
        info = original.info
        try:
            correction = Correction(
                title=title.strip() if title.strip() != info.title else None,
                authors=names if names != info.authors else None,
                year=int(year) if year.strip() and int(year) != info.year else None,
                design=design if design != original.appraisal.design else None,
                doc_type=kind if kind != original.doc_type.value else None,
                hidden=hidden,
            )
        except ValueError as exc:
            st.error(str(exc))
            return
        corrections.set(doc.path, correction)
        st.session_state["flash"] = t["docs.saved"].format(title=title.strip())
        st.rerun()
    if doc.extra.get("corrected") or doc.extra.get("hidden"):
        if st.button(t["docs.reset"], key=f"doc_reset:{doc.path}"):
            corrections.set(doc.path, Correction())
            st.session_state["flash"] = t["docs.reset_done"].format(title=original.info.title)
            st.rerun()


def remove_ui(ctx: Ctx, path: str) -> None:
    t, settings = ctx.t, ctx.settings
    with st.expander(t["docs.remove"]):
        sure = st.checkbox(t["docs.remove_confirm"].format(path=path), key=f"doc_remove_sure:{path}")
        if st.button(t["docs.remove"], key=f"doc_remove:{path}", disabled=not sure):
            try:
                moved = remove_file(settings.corpus_dir, path)
            except OSError as exc:
                st.error(str(exc))
                return
            st.session_state["flash"] = t["docs.removed"].format(path=moved)
            cached_job(str(settings.index_dir.resolve())).start(settings.corpus_dir, settings, ctx.embedder)
            st.rerun()
