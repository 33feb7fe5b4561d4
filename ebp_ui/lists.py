"""Page 3, for trainers: named reading lists with notes, in order, exported as handouts and citations."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ebp.present import cards as present
from ebp.present import export
from ebp.present.brief import read_pages_from_file, rows_for_paths
from ebp.present.evidence_table import table_csv, to_docx
from ebp.present.i18n import counted
from ebp.present.readinglists import ReadingList, ReadingLists
from ebp_ui.common import Ctx, ensure_option

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def create_list_ui(ctx: Ctx, name: str, items: list[Any] | None = None) -> bool:
    if not name.strip():
        st.warning(ctx.t["lists.need_name"])
        return False
    if " ".join(name.split()) in ctx.lists.names():
        st.warning(ctx.t["lists.exists"].format(name=name.strip()))
        return False
    ctx.lists.create(name, items or [])
    return True


def lists_page(ctx: Ctx) -> None:
    t = ctx.t
    st.header(t["lists.header"])
    st.caption(t["lists.help"].format(path=ctx.lists.path))
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    new_name = left.text_input(t["lists.new"], key="new_list")
    if right.button(t["lists.create"], key="create_list") and create_list_ui(ctx, new_name):
        st.session_state["flash"] = t["lists.created"].format(name=new_name.strip())
        st.session_state["open_list"] = " ".join(new_name.split())
        del st.session_state["new_list"]
        st.rerun()
    names = ctx.lists.names()
    if not names:
        st.info(t["lists.none"])
        return
    ensure_option("open_list", names)
    reading_list = ctx.lists.get(st.selectbox(t["lists.pick"], names, key="open_list"))
    st.caption(counted(t, "lists.count", len(reading_list.items)))
    if not reading_list.items:
        st.info(t["lists.empty"])
    for position, _item in enumerate(reading_list.items):
        item_ui(ctx, reading_list, position)
    export_ui(ctx, reading_list)
    delete_ui(ctx, reading_list.name)


def save_note(lists: ReadingLists, name: str, path: str, key: str) -> None:
    lists.set_note(name, path, st.session_state[key])


def item_ui(ctx: Ctx, reading_list: ReadingList, position: int) -> None:
    t, name, item = ctx.t, reading_list.name, reading_list.items[position]
    with st.container(border=True):
        left, right = st.columns([8, 1])
        left.html(present.item_html(item, t, ctx.lang, number=position + 1))
        note_key = f"note:{name}:{item.path}"
        left.text_area(
            t["lists.note"],
            value=item.note,
            key=note_key,
            height=80,
            on_change=save_note,
            args=(ctx.lists, name, item.path, note_key),
        )
        last = len(reading_list.items) - 1
        for symbol, offset, disabled in (("↑", -1, position == 0), ("↓", 1, position == last)):
            if right.button(
                symbol,
                key=f"move{offset}:{name}:{item.path}",
                disabled=disabled,
                help=t["lists.up" if offset < 0 else "lists.down"],
            ):
                ctx.lists.move(name, item.path, offset)
                st.rerun()
        if right.button("✕", key=f"remove:{name}:{item.path}", help=t["lists.remove"]):
            ctx.lists.remove(name, item.path)
            st.rerun()


def export_ui(ctx: Ctx, reading_list: ReadingList) -> None:
    """Downloads of the list, made now from the list as it is (a note just edited is in them): handouts with the
    evidence table, reference-manager formats, the table as CSV and a Word handout for trainers."""
    t, lang, items = ctx.t, ctx.lang, reading_list.items
    st.subheader(t["lists.export"])
    stem = export.file_stem(reading_list.name)
    rows = rows_for_paths([i.path for i in items], ctx.searcher.store, ctx.hierarchy,
                          read_pages_from_file(ctx.settings.corpus_dir)) if items else {}  # fmt: skip
    formats: tuple[tuple[str, str, str, str | bytes], ...] = (
        ("Markdown", "md", "text/markdown", export.to_markdown(reading_list, lang, ctx.hierarchy, rows)),
        ("HTML", "html", "text/html", export.to_html(reading_list, lang, ctx.hierarchy, rows)),
        ("Word", "docx", DOCX, to_docx(reading_list, rows, lang, ctx.hierarchy) if items else b""),
        ("RIS", "ris", "application/x-research-info-systems", export.to_ris(items, lang)),
        ("BibTeX", "bib", "application/x-bibtex", export.to_bibtex(items, lang)),
        ("CSV", "csv", "text/csv", export.to_csv(items, lang)),
        (t["lists.table_csv"], "table.csv", "text/csv", table_csv(items, rows, lang)),
    )
    columns = [*st.columns(4), *st.columns(4)]  # handouts on the first row, reference data on the second
    for column, (name, suffix, mime, data) in zip(columns[:3] + columns[4:], formats, strict=True):
        column.download_button(
            name,
            data=data,
            file_name=f"{stem}.{suffix}",
            mime=mime,
            key=f"export:{suffix}",
            on_click="ignore",
            disabled=not items,
        )
    if items:
        with st.expander(t["lists.preview"]):
            with st.container(border=True):
                st.markdown(export.to_markdown(reading_list, lang, ctx.hierarchy, rows))


def delete_ui(ctx: Ctx, name: str) -> None:
    with st.expander(ctx.t["lists.delete"]):
        sure = st.checkbox(ctx.t["lists.delete_confirm"], key=f"confirm_delete:{name}")
        if st.button(ctx.t["lists.delete"], key="delete_list", disabled=not sure):
            ctx.lists.delete(name)
            st.session_state["flash"] = ctx.t["lists.deleted"].format(name=name)
            st.rerun()
