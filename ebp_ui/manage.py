"""Page 4: add PDFs to the corpus (checked, safely named, never overwriting) and index them."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from ebp.ingest.background import JobStatus
from ebp.ingest.uploads import FOLDERS, MB, corpus_bytes, save_uploads
from ebp.present.i18n import label
from ebp.types import INDEXED, FileStatus
from ebp_ui.common import Ctx, cached_job, follow_ui, uploader_words_ui
from ebp_ui.documents import documents_ui


def manage_page(ctx: Ctx) -> None:
    t, settings = ctx.t, ctx.settings
    job = cached_job(str(settings.index_dir.resolve()))
    st.header(t["manage.header"])
    st.caption(t["manage.folder"].format(path=settings.corpus_dir, index=settings.index_dir))
    st.caption(t["manage.during"])
    kind = st.radio(
        t["manage.kind"],
        ("journal_article", "case_study"),
        key="upload_kind",
        horizontal=True,
        format_func=lambda k: label(t, "doctype", k),
    )
    uploader_words_ui(t, "PDF")
    files = st.file_uploader(
        t["manage.upload"].format(mb=settings.max_file_mb),
        type=["pdf"],
        accept_multiple_files=True,
        key=f"uploads:{st.session_state['upload_round']}",
        max_upload_size=max(1, int(settings.max_file_mb)),
    )
    replace = st.checkbox(t["manage.replace"], key="upload_replace")
    if settings.corpus_quota_mb > 0:
        used = corpus_bytes(settings.corpus_dir) / MB
        st.caption(t["manage.quota"].format(used=used, quota=settings.corpus_quota_mb))
    if st.button(t["manage.run"], type="primary", key="run_index"):
        folder = FOLDERS[1] if kind == "case_study" else FOLDERS[0]
        uploads = [(f.name, f.getvalue()) for f in files or []]
        st.session_state["upload_results"] = save_uploads(
            settings.corpus_dir,
            uploads,
            settings.max_file_mb,
            folder,
            settings.index_dir,
            quota_mb=settings.corpus_quota_mb,
            replace=replace,
        )
        st.session_state["upload_round"] += 1  # a fresh uploader: the files are in the corpus now
        if not job.start(settings.corpus_dir, settings, ctx.embedder):
            st.warning(t["manage.busy"])
    status = job.status()
    if status.running:  # this run or one started elsewhere: follow it here (leaving the page does not stop it)
        status = follow_ui(job, t)
        st.rerun()  # draw the emptied uploader, the new counts and the report
    if status.error:
        st.error(status.error)
    uploads_table_ui(t)
    report_table_ui(t, status)
    documents_ui(ctx)


def uploads_table_ui(t: Mapping[str, str]) -> None:
    if st.session_state["upload_results"]:
        st.subheader(t["manage.saved"])
        st.dataframe(
            [
                {
                    t["manage.col_file"]: u.name,
                    t["manage.col_saved_as"]: u.path,
                    t["manage.col_meaning"]: label(t, "upload", u.status),
                }
                for u in st.session_state["upload_results"]
            ],
            hide_index=True,
        )


def report_table_ui(t: Mapping[str, str], status: JobStatus) -> None:
    """The last run's report: counts, then one row per file in words (what happened, what the user can do)."""
    report = status.report
    if report is None:
        return
    st.subheader(t["manage.report"])
    files = report.files
    st.caption(
        t["manage.summary"].format(
            documents=report.documents,
            pages=report.pages,
            passages=report.passages,
            embedded=report.embedded,
            seconds=status.elapsed_s,
        )
    )
    st.caption(
        t["manage.outcome"].format(
            indexed=sum(f.status in INDEXED for f in files),
            unchanged=sum(f.status == FileStatus.UNCHANGED for f in files),
            skipped=len(report.skipped) - len(report.failed),
            failed=len(report.failed),
        )
    )
    st.dataframe(
        [
            {
                t["manage.col_file"]: f.path,
                t["manage.col_meaning"]: label(t, "status", f.status),
                t["manage.col_advice"]: t.get(f"advice.{f.status}", ""),
                t["manage.col_pages"]: f.pages,
                t["manage.col_passages"]: f.passages,
            }
            # what needs attention first: new, changed and failed files, then the unchanged ones
            for f in sorted(files, key=lambda f: (f.status == "unchanged", f.status == "ok", f.path))
        ],
        hide_index=True,
    )
