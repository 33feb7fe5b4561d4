"""Search results for people: safe HTML cards, highlighted query terms, the relevance floor.

Pure functions used by the app. Text that came from a PDF is never trusted: it is HTML-escaped
before any markup (``<mark>``, badges) is added, and the app shows the result with ``st.html``,
so it is never read as Markdown either.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from ebp.appraise.levels import DEFAULT_HIERARCHY, evidence_level
from ebp.index.lexical import analyze
from ebp.ingest.clean import clean_passage
from ebp.language import is_content_word
from ebp.present.brief import Brief, summary_lines
from ebp.present.export import apa_reference_html
from ebp.present.i18n import counted, label, level_label
from ebp.present.readinglists import ReadingItem
from ebp.present.render import why_text
from ebp.retrieve.copes import Copes
from ebp.types import DocType, DocumentHit, Hierarchy, PassageHit, StoredDocument

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
COPES_PARTS = ("client", "option", "comparison", "expected_outcome")

CSS = """
<style>
.ebp-card { line-height: 1.45; }
.ebp-title { font-size: 1.08rem; font-weight: 600; margin-bottom: .15rem; }
.ebp-meta { color: rgba(120,120,120,1); font-size: .9rem; }
.ebp-badges { margin: .35rem 0 .25rem 0; }
.ebp-badge { display: inline-block; border-radius: .8rem; padding: .05rem .55rem; margin: 0 .3rem .2rem 0;
             font-size: .82rem; border: 1px solid rgba(128,128,128,.45); }
.ebp-l1, .ebp-l2 { background: rgba(46,160,67,.16); border-color: rgba(46,160,67,.6); }
.ebp-l3, .ebp-l4 { background: rgba(56,120,220,.14); border-color: rgba(56,120,220,.55); }
.ebp-l5, .ebp-l6 { background: rgba(230,150,20,.15); border-color: rgba(230,150,20,.6); }
.ebp-check { background: rgba(220,60,40,.13); border-color: rgba(220,60,40,.6); }
.ebp-small { font-size: .84rem; color: rgba(120,120,120,1); }
.ebp-passage { border-left: 3px solid rgba(128,128,128,.35); padding: .15rem .7rem; margin: .45rem 0; }
.ebp-page { font-size: .82rem; font-weight: 600; color: rgba(110,110,110,1); }
.ebp-passage mark { background: rgba(255,214,0,.55); padding: 0 .1rem; border-radius: .15rem; }
.ebp-items { margin: .2rem 0 .2rem 1.1rem; padding: 0; font-size: .88rem; }
.ebp-items q { color: rgba(110,110,110,1); font-style: italic; }
.ebp-unknown { color: rgba(140,140,140,1); }
.ebp-listed { padding: .45rem 0; border-bottom: 1px solid rgba(128,128,128,.25); }
.ebp-brief { border-left: 4px solid rgba(46,160,67,.7); padding: .2rem .9rem; margin-bottom: .6rem; }
.ebp-brief q { font-style: italic; }
.ebp-brief li { margin-bottom: .45rem; }
</style>
"""


# -- what to search and what to highlight ----------------------------------------------------------
def refine_query(case: str, suggested: Copes, edited: Copes) -> str:
    """The search text: the case, plus each COPES part the practitioner changed from the suggestion.

    Example: ``refine_query("ibu korban KDRT", c, replace(c, option="rumah aman"))`` ends with "rumah aman"
    """
    extra = [
        getattr(edited, part).strip()
        for part in COPES_PARTS
        if getattr(edited, part).strip() and getattr(edited, part).strip() != getattr(suggested, part).strip()
    ]
    return " ".join([case.strip(), *extra]).strip()


@lru_cache(maxsize=20000)
def _stems(word: str, lang: str) -> frozenset[str]:
    return frozenset(analyze(word, lang))


def query_terms(query: str, lang: str) -> frozenset[str]:
    """The analysed terms of a query's content words (``ebp.language.is_content_word``), stemmed, to highlight."""
    words = [w for w in _WORD.findall(query.casefold()) if is_content_word(w)]
    return frozenset(analyze(" ".join(words), lang))


def highlight(text: str, terms: frozenset[str], lang: str) -> str:
    """``text`` as safe HTML (whitespace folded), with the words that share a stem with ``terms`` in ``<mark>``.

    Example: ``highlight("Lansia <b>kesepian</b>", frozenset({"sepi"}), "id")`` marks "kesepian", escapes the tags
    """
    flat = " ".join(text.split())
    out, last = [], 0
    for m in _WORD.finditer(flat):
        if terms and _stems(m.group(0), lang) & terms:
            out.append(html.escape(flat[last : m.start()]))
            out.append(f"<mark>{html.escape(m.group(0))}</mark>")
            last = m.end()
    out.append(html.escape(flat[last:]))
    return "".join(out)


# -- the relevance floor ---------------------------------------------------------------------------
# Below this dense similarity (cosine between the case and a document's best passage) a document is
# not clearly relevant. Per model, as each model has its own scale: on the demo corpus (2026-11)
# multilingual-e5-small gave 0.745-0.826 to 15 off-topic queries (recipes, football, stocks …) and
# 0.838-0.913 to 15 social-work cases, Indonesian and English. Models not listed get no floor.
MODEL_RELEVANCE_FLOOR: dict[str, float] = {"multilingual-e5-small": 0.83}


# The evidence brief reads only the results about as relevant as the best one (``ebp.present.brief.close_to_best``):
# within this cosine of the best, or by words. Per model, like the floor: e5's similarities are bunched (0.80-0.90
# on the demo corpus), so off-topic results clear an absolute floor. Chosen on half of the team's 40 judged cases
# and checked on the other half (``benchmarks/eval_brief_relevance.py``). Models not listed: every result above
# the floor is read.
MODEL_NEAR_BEST: dict[str, float] = {"multilingual-e5-small": 0.01}


def near_best_window(model_name: str) -> float | None:
    """How far below the best cosine a result the brief reads may be, for a model (None: no such rule).

    Example: ``near_best_window("multilingual-e5-small") == 0.01 and near_best_window("x") is None``
    """
    return MODEL_NEAR_BEST.get(model_name)


def relevance_floor(model_name: str, setting: float = -1.0) -> float:
    """The floor for a model: the ``relevance_floor`` setting when it is set (>= 0), else the model's own.

    Example: ``relevance_floor("multilingual-e5-small") == 0.83 and relevance_floor("x", 0.5) == 0.5``
    """
    return setting if setting >= 0 else MODEL_RELEVANCE_FLOOR.get(model_name, 0.0)


def split_by_floor(hits: Sequence[DocumentHit], floor: float) -> tuple[list[DocumentHit], list[DocumentHit]]:
    """(clearly relevant, weaker) hits: weaker ones have a dense similarity below ``floor``.

    A hit without a dense score (BM25-only search) cannot be judged and counts as relevant.
    Example: ``split_by_floor(hits, 0.0) == (list(hits), [])``
    """
    strong = [h for h in hits if h.why is None or h.why.dense_score is None or h.why.dense_score >= floor]
    return strong, [h for h in hits if h not in strong]


# -- result cards ----------------------------------------------------------------------------------
def authors_short(authors: Sequence[str], limit: int = 3) -> str:
    return ", ".join(authors[:limit]) + (" et al." if len(authors) > limit else "")


def pages_text(p: PassageHit) -> str:
    return f"{p.page_start}" if p.page_start == p.page_end else f"{p.page_start}–{p.page_end}"


def document_html(doc: StoredDocument, t: Mapping[str, str], lang: str, hierarchy: Hierarchy, rank: int = 0) -> str:
    """Title, bibliographic line and badges (design, level of evidence, needs checking) of a document."""
    esc = html.escape
    info = doc.info
    meta = [
        authors_short(info.authors),
        str(info.year or t["card.unknown_year"]),
        info.journal or "",
        label(t, "lang", info.language),
        label(t, "doctype", doc.doc_type.value),
    ]
    number = f"{rank}. " if rank else ""
    return (
        f'<div class="ebp-title">{number}{esc(info.title or doc.path)}</div>'
        f'<div class="ebp-meta">{esc(" · ".join(m for m in meta if m))}</div>'
        f"{badges_html(doc, t, lang, hierarchy)}"
    )


def badges_html(doc: StoredDocument, t: Mapping[str, str], lang: str, hierarchy: Hierarchy) -> str:
    esc = html.escape
    appraisal = doc.appraisal
    if doc.doc_type is DocType.REGULATION:  # a law or a court decision: no design, no level of evidence
        return f'<div class="ebp-badges"><span class="ebp-badge">{esc(t["card.regulation"])}</span></div>'
    level = evidence_level(appraisal.design, hierarchy or DEFAULT_HIERARCHY)
    mixed = f" · {esc(t['card.mixed_methods'])}" if appraisal.mixed_methods else ""
    badges = [
        f'<span class="ebp-badge ebp-l{level.rank}">{esc(t["card.level"].format(rank=level.rank))} · '
        f"{esc(level_label(level, lang))}</span>",
        f'<span class="ebp-badge">{esc(t["card.design"])}: {esc(label(t, "design", appraisal.design))}{mixed} '
        f"({esc(t['card.confidence'].format(value=appraisal.confidence))})</span>",
    ]
    if appraisal.needs_checking:
        badges.append(f'<span class="ebp-badge ebp-check">{esc(t["card.needs_checking"])}</span>')
    cues = ""
    if appraisal.cues:
        cues = f'<div class="ebp-small">{esc(t["card.cues"])}: {esc("; ".join(appraisal.cues))}</div>'
    return f'<div class="ebp-badges">{"".join(badges)}</div>{cues}'


def appraisal_html(doc: StoredDocument, t: Mapping[str, str]) -> str:
    """The appraisal items (N, randomisation, control group, follow-up, effect size): a one-line summary
    of what the text states, which opens onto each item with the sentence it came from."""
    esc = html.escape
    rows, stated = [], []
    for item in doc.appraisal.items:
        name, status = label(t, "item", item.name), label(t, "itemstatus", item.status)
        unit = f" {esc(item.unit)}" if item.unit else ""
        value = f": <b>{esc(item.value)}</b>{unit}" if item.value and item.status == "present" else ""
        sentence = f" <q>{esc(' '.join(item.sentence.split()))}</q>" if item.sentence else ""
        css = ' class="ebp-unknown"' if item.status == "unknown" else ""
        rows.append(f"<li{css}>{esc(name)} — {esc(status)}{value}{sentence}</li>")
        if item.status != "unknown":
            stated.append(f"{esc(name)}{value or ': ' + esc(status)}")
    if not rows:
        return ""
    summary = esc(t["card.appraisal"]) + (": " + " · ".join(stated) if stated else "")
    return (
        f'<details class="ebp-small"><summary>{summary}</summary><ul class="ebp-items">{"".join(rows)}</ul></details>'
    )


def passages_html(hit: DocumentHit, t: Mapping[str, str], terms: frozenset[str], lang: str) -> str:
    """The best passage in full; the document's other matching passages behind a summary line. Passages of an
    index built before ``ebp.ingest.clean`` existed are cleaned here (demo banner, DOIs, author and journal lines)."""
    esc = html.escape
    info = hit.document.info
    out = []
    for p in hit.passages:
        section = f" · {label(t, 'section', p.section)}" if p.section else ""
        text = clean_passage(p.text, info.authors, info.journal or "")
        out.append(
            f'<div class="ebp-passage"><div class="ebp-page">{esc(t["card.page"])} {esc(pages_text(p))}{esc(section)}'
            f"</div><div>{highlight(text, terms, lang)}</div></div>"
        )
    if len(out) < 2:
        return "".join(out)
    # each page once, in the document's order ("p. 1, 3", not "p. 3, 1, 1")
    pages = ", ".join(dict.fromkeys(pages_text(p) for p in sorted(hit.passages[1:], key=lambda p: p.page_start)))
    more = esc(counted(t, "card.more_passages", len(out) - 1, pages=pages))
    return f'{out[0]}<details><summary class="ebp-small">{more}</summary>{"".join(out[1:])}</details>'


def hit_html(
    hit: DocumentHit, rank: int, t: Mapping[str, str], lang: str, query: str, hierarchy: Hierarchy, floor: float = 0.0
) -> str:
    """One result card as safe HTML: description, badges, appraisal, highlighted passages, reasons (``why_text``,
    meaning judged against the relevance ``floor``)."""
    query_lang = hit.why.query_language if hit.why else "en"
    terms = query_terms(query, query_lang)
    if hit.why and hit.why.translated_terms and hit.document.info.language != "id":
        # English passages matched the case's English terms (ebp.retrieve.bridge): mark those words, the English way,
        # with the case's own words too when it was also matched as English (a short, ambiguous case).
        own = terms if query_lang != "id" else frozenset()
        query_lang = "en"
        terms = own | query_terms(" ".join(hit.why.translated_terms), "en")
    why = why_text(hit, t, floor)
    why_html = f'<div class="ebp-small">{html.escape(t["card.why"])}: {html.escape(why)}</div>' if why else ""
    return (
        f'<div class="ebp-card">{document_html(hit.document, t, lang, hierarchy, rank)}'
        f"{appraisal_html(hit.document, t)}{passages_html(hit, t, terms, query_lang)}{why_html}</div>"
    )


def item_html(item: ReadingItem, t: Mapping[str, str], lang: str, number: int = 0) -> str:
    """A reading-list item: its APA-style reference, level of evidence, design and pages to read."""
    esc = html.escape
    level = item.level
    pages = f" · {esc(t['lists.pages'].format(pages=', '.join(map(str, item.pages))))}" if item.pages else ""
    prefix = f"<b>{number}.</b> " if number else ""
    return (
        f'<div class="ebp-card">{prefix}{apa_reference_html(item, lang)}<div class="ebp-badges">'
        f'<span class="ebp-badge ebp-l{level.rank}">{esc(t["card.level"].format(rank=level.rank))} · '
        f"{esc(level_label(level, lang))}</span>"
        f'<span class="ebp-small">{esc(t["card.design"])}: {esc(label(t, "design", item.design))}{pages}</span>'
        f"</div></div>"
    )


def brief_html(brief: Brief, t: Mapping[str, str], lang: str, titles: Mapping[int, str]) -> str:
    """The evidence brief as safe HTML: its own sentences, then each quoted finding with [n], page and design;
    in the Indonesian UI an English quote gets a short gloss of its key terms."""
    esc = html.escape
    lines = "".join(f"<p>{esc(line)}</p>" for line in summary_lines(brief, t))
    items = []
    for f in brief.findings:
        where = f"[{f.citation}] {titles.get(f.citation, f.path)}, {t['card.page']} {f.page}"
        badge = f"{label(t, 'design', f.design)} · {label(t, 'direction', f.direction)}"
        gloss = ""
        if lang == "id" and f.gloss:
            gloss = f'<div class="ebp-small">{esc(t["brief.gloss"])}: ' + esc(
                "; ".join(f"{en} = {id_}" for en, id_ in f.gloss)
            ) + "</div>"  # fmt: skip
        items.append(
            f'<li><q>{esc(f.text)}</q> <span class="ebp-small">({esc(where)})</span>'
            f'<div><span class="ebp-badge">{esc(badge)}</span></div>{gloss}</li>'
        )
    found = f'<div class="ebp-small"><b>{esc(t["brief.findings"])}</b></div><ol>{"".join(items)}</ol>' if items else ""
    return f'<div class="ebp-brief"><div class="ebp-title">{esc(t["brief.title"])}</div>{lines}{found}</div>'
