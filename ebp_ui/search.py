"""Page 1, for practitioners: a case in, the best evidence out, with pages, levels and reasons."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import cast

import streamlit as st

from ebp.appraise import hierarchy_levels
from ebp.errors import EbpError
from ebp.ingest.uploads import corpus_file
from ebp.present import cards as present
from ebp.present.brief import build_brief, read_pages_from_file
from ebp.present.excerpt import page_excerpt
from ebp.present.i18n import counted, label, level_label
from ebp.present.page_view import page_html, render_page
from ebp.present.readinglists import item_from_document
from ebp.retrieve.copes import QUESTION_TYPES, Copes, copes, design_boost
from ebp.types import DESIGNS, DocumentHit, Filters, SearchOptions, StoredDocument
from ebp_ui.cases import save_case_ui
from ebp_ui.common import STATE, Ctx, cached_documents, ensure_option

PAGE_STYLE = "max-height: 32rem; overflow-y: auto; padding: .75rem; border: 1px solid #ddd"
MIME = {
    ".pdf": "application/pdf",
    ".md": "text/markdown",
    ".txt": "text/plain",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def search_page(ctx: Ctx) -> None:
    t = ctx.t
    st.header(t["search.header"])
    case = st.text_area(t["search.case"], key="case", placeholder=t["search.placeholder"], height=130)
    query, question_type = copes_ui(case, t)
    options = filters_ui(ctx, question_type)
    active = active_list_ui(ctx)
    if st.button(t["search.button"], type="primary", key="search"):
        if not case.strip():
            st.warning(t["search.need_case"])
        st.session_state["submitted"] = query
    if not st.session_state["submitted"]:
        st.info(t["search.empty"])
        return
    try:
        hits = ctx.searcher.search(st.session_state["submitted"], options)
    except EbpError as exc:
        st.error(str(exc))
        return
    hidden = hidden_by_filters(ctx, st.session_state["submitted"], options, hits)
    if hidden:
        note, button = st.columns([4, 1])
        note.info(counted(ctx.t, "search.hidden", hidden))
        button.button(ctx.t["search.clear_filters"], key="clear_filters", on_click=clear_filters)
    results_ui(ctx, hits, st.session_state["submitted"], active, filtered=options.filters != Filters())
    save_case_ui(ctx, hits, st.session_state["submitted"])  # the case as a saved workspace, de-identified (issue 18)


def copes_ui(case: str, t: Mapping[str, str]) -> tuple[str, str]:
    """COPES fields suggested from the case (editable); returns the search text and the boosted question type."""
    suggested = copes(case)
    if st.session_state["copes_for"] != case:  # a new case: suggest its parts afresh
        st.session_state["copes_for"] = case
        for part in present.COPES_PARTS:
            st.session_state[f"copes_{part}"] = getattr(suggested, part)
        st.session_state["question_type"] = suggested.question_type
        st.session_state["boost"] = bool(suggested.question_type)
    with st.expander(t["copes.header"]):
        st.caption(t["copes.help"])
        left, right = st.columns(2)
        for number, part in enumerate(present.COPES_PARTS):
            (left if number % 2 == 0 else right).text_input(t[f"copes.{part}"], key=f"copes_{part}")
    left, right = st.columns([2, 3], vertical_alignment="bottom")
    question_type = left.selectbox(
        t["copes.question_type"],
        ("", *QUESTION_TYPES),
        key="question_type",
        format_func=lambda q: t[f"qtype.{q or 'none'}"],
    )
    boost = right.toggle(t["copes.boost"], key="boost", disabled=not question_type)
    if question_type and boost:
        boosted = ", ".join(label(t, "design", d) for d in design_boost(question_type))
        st.caption(t["copes.boosted"].format(designs=boosted))
    parts = {part: str(st.session_state[f"copes_{part}"]) for part in present.COPES_PARTS}
    edited = Copes(**parts, question_type=question_type)
    return present.refine_query(case, suggested, edited), question_type if boost else ""


def filters_ui(ctx: Ctx, question_type: str) -> SearchOptions:
    t, docs = ctx.t, cached_documents(*ctx.index_key)
    levels = hierarchy_levels(ctx.hierarchy)
    languages = ["", *sorted({d.info.language for d in docs})]
    ensure_option("f_language", languages)
    doc_types = ["", *sorted({d.doc_type.value for d in docs})]  # the kinds this corpus holds
    ensure_option("f_doc_type", doc_types)
    with st.sidebar:
        st.subheader(t["filter.header"])
        designs = st.multiselect(
            t["filter.design"],
            DESIGNS,
            key="f_designs",
            format_func=lambda d: label(t, "design", d),
            placeholder=t["filter.choose"],
        )
        min_level = st.selectbox(
            t["filter.level"],
            range(len(levels) + 1),
            key="f_level",
            format_func=lambda r: (
                t["filter.level_any"]
                if r == 0
                else t["filter.level_up_to"].format(rank=r, label=level_label(levels[r - 1], ctx.lang))
            ),
        )
        year_from, year_to = years_ui(docs, t)
        language = st.selectbox(
            t["filter.language"],
            languages,
            key="f_language",
            format_func=lambda c: label(t, "lang", c) if c else t["filter.any"],
        )
        doc_type = st.selectbox(
            t["filter.doc_type"],
            doc_types,
            key="f_doc_type",
            format_func=lambda c: label(t, "doctype", c) if c else t["filter.any"],
        )
        k = st.slider(t["search.k"], 1, 20, key="k")
    filters = Filters(
        language=language or None,
        doc_type=doc_type or None,
        year_from=year_from,
        year_to=year_to,
        designs=tuple(designs),
        min_level=min_level or None,
    )
    boost = design_boost(question_type) if question_type else {}
    return replace(ctx.settings.search_options(), k=k, filters=filters, design_boost=boost)


def years_ui(docs: list[StoredDocument], t: Mapping[str, str]) -> tuple[int | None, int | None]:
    """The year range filter; it follows the corpus: an untouched range grows with it (a 1997 law just uploaded
    is inside), a narrowed one is kept within the corpus's years."""
    years = sorted({d.info.year for d in docs if d.info.year})
    if len(years) < 2:
        return None, None
    low, high = years[0], years[-1]
    chosen, bounds = st.session_state["f_years"], st.session_state["f_years_bounds"]
    if not chosen or chosen == bounds:
        st.session_state["f_years"] = (low, high)
    elif (low, high) != bounds:
        start, end = max(low, min(chosen[0], high)), min(high, max(chosen[1], low))
        st.session_state["f_years"] = (start, end) if start < end else (low, high)
    st.session_state["f_years_bounds"] = (low, high)
    start, end = cast(tuple[int, int], st.slider(t["filter.years"], low, high, key="f_years"))
    # An untouched end of the range filters nothing, so documents without a year stay in.
    return (start if start > low else None), (end if end < high else None)


def clear_filters() -> None:
    """The "show them" button's callback: every filter back to "any"."""
    for key in ("f_designs", "f_level", "f_years", "f_language", "f_doc_type"):
        st.session_state[key] = STATE[key]


def hidden_by_filters(ctx: Ctx, query: str, options: SearchOptions, hits: list[DocumentHit]) -> int:
    """How many documents that match the case (above the relevance floor) the filters leave out."""
    if options.filters == Filters():
        return 0
    floor = present.relevance_floor(ctx.embedder.name, ctx.settings.relevance_floor)
    unfiltered, _ = present.split_by_floor(ctx.searcher.search(query, replace(options, filters=Filters())), floor)
    shown = {h.document.path for h in hits}
    return sum(h.document.path not in shown for h in unfiltered)


def active_list_ui(ctx: Ctx) -> str:
    names = ctx.lists.names() or [ctx.t["search.default_list"]]
    ensure_option("active_list", names)
    chosen = st.sidebar.selectbox(ctx.t["search.active_list"], names, key="active_list", on_change=follow_active_list)
    return str(chosen)


def follow_active_list() -> None:
    """The reading-lists page opens on the list the results are being saved to."""
    st.session_state["open_list"] = st.session_state["active_list"]


def results_ui(ctx: Ctx, hits: list[DocumentHit], query: str, active: str, filtered: bool) -> None:
    t = ctx.t
    st.subheader(t["search.results"])
    if not hits:
        st.info(t["search.none_filtered"] if filtered else t["search.none"])
        return
    floor = present.relevance_floor(ctx.embedder.name, ctx.settings.relevance_floor)
    strong, weak = present.split_by_floor(hits, floor)
    brief_ui(ctx, hits, query, floor)
    if not strong:
        st.warning(t["search.nothing_relevant"])
    for rank, hit in enumerate(strong, start=1):
        hit_ui(ctx, rank, hit, query, active, floor)
    if weak:
        with st.expander(t["search.weaker"].format(n=len(weak)), expanded=False):
            for rank, hit in enumerate(weak, start=len(strong) + 1):
                hit_ui(ctx, rank, hit, query, active, floor)


def brief_ui(ctx: Ctx, hits: list[DocumentHit], query: str, floor: float) -> None:
    """The evidence brief above the cards: quoted findings with their pages, strongest evidence first."""
    question = st.session_state["question_type"]
    pages, window = read_pages_from_file(ctx.settings.corpus_dir), present.near_best_window(ctx.embedder.name)
    brief = build_brief(query, hits, ctx.searcher.store, ctx.hierarchy, floor, question, pages, window)
    titles = {r.citation: r.title for r in brief.rows}
    with st.container(border=True):
        st.html(present.brief_html(brief, ctx.t, ctx.lang, titles))


def hit_ui(ctx: Ctx, rank: int, hit: DocumentHit, query: str, active: str, floor: float) -> None:
    with st.container(border=True):
        st.html(present.hit_html(hit, rank, ctx.t, ctx.lang, query, ctx.hierarchy, floor))
        left, right = st.columns(2)
        with left:
            download_ui(ctx, hit)
        if right.button(ctx.t["search.add"].format(name=active), key=f"add:{hit.document.path}"):
            if active not in ctx.lists.names():
                ctx.lists.create(active)
            item = item_from_document(hit.document, ctx.hierarchy, pages=[p.page_start for p in hit.passages])
            added = ctx.lists.add(active, item)
            st.toast(ctx.t["search.added" if added else "search.already"].format(name=active))
        if hit.passages:
            page_view_ui(ctx, hit, query)


def page_view_ui(ctx: Ctx, hit: DocumentHit, query: str) -> None:
    """The matched page itself, inside the app, with the passage marked: a PDF page as a picture, the page's
    text for other files. Drawn only when asked (a toggle per card)."""
    t, passage = ctx.t, hit.passages[0]
    key = f"view:{hit.document.path}"
    if not st.toggle(t["view.show"].format(page=passage.page_start), key=key):
        return
    path = corpus_file(ctx.settings.corpus_dir, hit.document.path)
    if path is not None and path.suffix.lower() == ".pdf":
        pages = max(1, hit.document.n_pages)
        page = int(st.number_input(t["view.page"].format(n=pages), 1, pages, passage.page_start, key=f"{key}:page"))
        try:
            image = render_page(path, page, passage.text if page == passage.page_start else "")
        except (OSError, ValueError) as exc:
            st.warning(t["view.failed"].format(error=exc))
            return
        st.image(image.png, caption=t["view.caption_marked" if image.marked else "view.caption"].format(page=page))
        return
    texts = ctx.searcher.store.page_texts(hit.document.doc_id)
    text = texts.get(passage.page_start) or passage.text
    lang = hit.document.info.language
    st.html(f'<div style="{PAGE_STYLE}">{page_html(text, present.query_terms(query, lang), lang)}</div>')


def download_ui(ctx: Ctx, hit: DocumentHit) -> None:
    path = corpus_file(ctx.settings.corpus_dir, hit.document.path)
    if path is None:
        st.caption(ctx.t["search.missing_file"])
        return
    first = hit.passages[0] if hit.passages else None
    text = ctx.t["search.download_page"].format(page=first.page_start) if first else ctx.t["search.download"]
    st.download_button(
        text,
        data=path.read_bytes,
        file_name=path.name,
        key=f"dl:{hit.document.path}",
        mime=MIME.get(path.suffix.lower(), "application/octet-stream"),
        on_click="ignore",
    )
    if first and path.suffix.lower() == ".pdf":  # the best passage's pages alone, made only when clicked
        start, end = first.page_start, first.page_end
        pages = present.pages_text(first)  # "1–2", as on the card
        st.download_button(
            ctx.t["search.download_excerpt"].format(pages=pages),
            data=lambda: page_excerpt(path, start, end) or path.read_bytes(),
            file_name=f"{path.stem}-p{start}{'' if start == end else f'-{end}'}.pdf",
            key=f"excerpt:{hit.document.path}",
            mime="application/pdf",
            on_click="ignore",
        )
