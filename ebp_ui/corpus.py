"""Page 2, for seminar organisers: what the corpus holds, and a topic map that becomes reading lists."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import streamlit as st

from ebp.index.store import Store
from ebp.present import cards as present
from ebp.present.i18n import counted, label, level_label
from ebp.present.readinglists import item_from_document
from ebp.present.topics import MAX_TOPICS, Topic, corpus_summary, document_vectors, suggested_topics, topic_map
from ebp.types import Hierarchy
from ebp_ui.common import Ctx, cached_documents, ensure_option
from ebp_ui.lists import create_list_ui


@st.cache_data(show_spinner=False, max_entries=8)
def cached_topics(
    index_dir: str, generation: int, corrections: int, n_topics: int, hierarchy: Hierarchy
) -> list[Topic]:
    store = Store.open_existing(Path(index_dir))
    vectors, texts = document_vectors(store, generation)
    return topic_map(store.all_documents(generation), vectors, texts, n_topics, hierarchy)


def corpus_page(ctx: Ctx) -> None:
    t = ctx.t
    st.header(t["corpus.header"])
    docs = cached_documents(*ctx.index_key)
    counts = ctx.searcher.store.counts(ctx.index_key[1])
    for column, key in zip(st.columns(3), ("documents", "pages", "passages"), strict=True):
        column.metric(t[f"corpus.{key}"], counts[key])
    if not docs:
        st.info(t["corpus.empty"])
        return
    summary = corpus_summary(docs, ctx.hierarchy)
    charts = {
        "corpus.by_design": {label(t, "design", d): n for d, n in summary.by_design.items()},
        "corpus.by_level": {f"{lv.rank}. {level_label(lv, ctx.lang)}": n for lv, n in summary.by_level},
        "corpus.by_year": {str(y or t["corpus.no_year"]): n for y, n in summary.by_year.items()},
        "corpus.by_language": {label(t, "lang", c): n for c, n in summary.by_language.items()},
    }
    for tab, (key, counts) in zip(st.tabs([t[key] for key in charts]), charts.items(), strict=True):
        with tab:
            bar_ui(counts, t, horizontal=key != "corpus.by_year")
    topics_ui(ctx, len(docs))


def bar_ui(counts: dict[str, int], t: Mapping[str, str], horizontal: bool) -> None:
    """A bar per category, in the given order, with whole labels (st.bar_chart would cut long ones)."""
    import altair as alt

    values = [{"label": key, "n": n} for key, n in counts.items()]
    category = alt.Axis(labelLimit=400, title=None, labelAngle=0)
    count = alt.Axis(tickMinStep=1, title=t["corpus.count"], format="d")
    encoding = (
        {"y": alt.Y("label:N", sort=list(counts), axis=category), "x": alt.X("n:Q", axis=count)}
        if horizontal
        else {"x": alt.X("label:N", sort=list(counts), axis=category), "y": alt.Y("n:Q", axis=count)}
    )
    chart = alt.Chart(alt.Data(values=values)).mark_bar().encode(**encoding, tooltip=["label:N", "n:Q"])
    st.altair_chart(chart.properties(height=max(160, 30 * len(counts)) if horizontal else 260), width="stretch")


def topics_ui(ctx: Ctx, n_docs: int) -> None:
    t = ctx.t
    st.subheader(t["topics.header"])
    st.caption(t["topics.help"])
    if n_docs < 2:
        st.info(t["topics.too_few"])
        return
    most = min(MAX_TOPICS, n_docs)
    if not st.session_state["n_topics"] or st.session_state["n_topics"] > most:
        st.session_state["n_topics"] = min(suggested_topics(n_docs), most)
    n_topics = st.slider(t["topics.count"], 1, most, key="n_topics")
    topics = cached_topics(*ctx.index_key, n_topics, ctx.hierarchy)
    ensure_option("topic", list(range(len(topics))))
    choice = st.selectbox(
        t["topics.pick"],
        range(len(topics)),
        key="topic",
        format_func=lambda i: counted(
            t, "topics.option", len(topics[i].documents), number=topics[i].number, terms=", ".join(topics[i].terms[:5])
        ),
    )
    topic = topics[choice]
    st.markdown(f"**{t['topics.reading']}**")
    st.html(
        "".join(
            '<div class="ebp-listed">' + present.document_html(d, t, ctx.lang, ctx.hierarchy, rank) + "</div>"
            for rank, d in enumerate(topic.documents, start=1)
        )
    )
    default = t["topics.default_name"].format(terms=", ".join(topic.terms[:3]))
    name = st.text_input(t["topics.list_name"], value=default, key=f"topic_name:{n_topics}:{topic.number}")
    if st.button(t["topics.save"], key="save_topic"):
        items = [item_from_document(d, ctx.hierarchy) for d in topic.documents]
        if create_list_ui(ctx, name, items):
            st.success(counted(t, "topics.saved", len(items), name=name.strip()))
