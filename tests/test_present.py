"""Result cards and helpers: escaping, highlighting, the relevance floor, COPES refinement, progress."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ebp.appraise import evidence_level
from ebp.config import Settings
from ebp.present import cards as present
from ebp.present.i18n import EN, ID, STRINGS, label, level_label, strings
from ebp.present.readinglists import ReadingItem
from ebp.retrieve.copes import copes
from ebp.types import (
    AppraisalItem,
    DocType,
    DocumentAppraisal,
    DocumentHit,
    DocumentInfo,
    PassageHit,
    StoredDocument,
    Why,
)

T = strings("id")


def doc(title: str = "Dukungan lansia", design: str = "rct", **info: object) -> StoredDocument:
    items = (
        AppraisalItem("sample_size", "present", "120", "We enrolled 120 <older> adults."),
        AppraisalItem("follow_up", "unknown", None, None),
    )
    return StoredDocument(
        doc_id=1,
        path="a.pdf",
        doc_type=DocType.JOURNAL_ARTICLE,
        n_pages=3,
        sha256="x",
        info=DocumentInfo(title=title, authors=("A B", "C D", "E F", "G H"), year=2021, language="id", **info),  # type: ignore[arg-type]
        appraisal=DocumentAppraisal(design, 0.55, ("uji acak",), True, items),
    )


def hit(dense: float | None = 0.9, title: str = "Dukungan lansia", text: str = "Lansia kesepian.") -> DocumentHit:
    why = Why(
        "hybrid", 1, 0.03, dense, 1 if dense else None, 4.2, 2, "id", "id", False, 1.15, matched_terms=("lansia",)
    )
    passages = (PassageHit(1, 2, 3, "results", text, 0.9), PassageHit(2, 5, 5, None, "Kunjungan rumah.", 0.8))
    return DocumentHit(doc(title), 0.9, passages, why)


def test_both_languages_have_the_same_strings() -> None:
    assert set(ID) == set(EN) and set(STRINGS) == {"id", "en"}
    assert strings("xx") is STRINGS["id"]  # unknown language: Indonesian
    assert label(T, "design", "rct") == "Uji acak terkontrol (RCT)" and label(T, "design", "new") == "new"
    assert level_label(evidence_level("rct"), "en") == "Randomised controlled trial"
    # every format string in one language takes the same fields in the other
    for key, text in ID.items():
        assert sorted(_fields(text)) == sorted(_fields(EN[key])), key


def _fields(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def test_highlight_escapes_then_marks_shared_stems() -> None:
    terms = present.query_terms("Apakah lansia yang kesepian butuh kunjungan?", "id")
    out = present.highlight("Para <b>lansia</b> merasa\n  kesepian & **sendiri**.", terms, "id")
    assert "<mark>lansia</mark>" in out and "<mark>kesepian</mark>" in out
    assert "&lt;b&gt;" in out and "**sendiri**" in out and "&amp;" in out and "\n" not in out
    assert "<mark>apakah</mark>" not in present.highlight("apakah", terms, "id")  # question words are not marked
    assert present.highlight("<i>x</i>", frozenset(), "en") == "&lt;i&gt;x&lt;/i&gt;"


def test_hit_card_escapes_every_pdf_text() -> None:
    bad = hit(title="<img src=x onerror=alert(1)> **Judul**", text="<script>x</script> lansia")
    card = present.hit_html(bad, 1, T, "id", "lansia", (), floor=0.83)
    assert "<img" not in card and "<script>" not in card and "&lt;script&gt;" in card
    assert "**Judul**" in card and "<mark>lansia</mark>" in card
    assert "&lt;older&gt;" in card  # the appraisal sentence too
    assert "Tingkat 2 · Uji acak terkontrol" in card and "perlu dicek" in card and "keyakinan 55%" in card
    assert "A B, C D, E F et al. · 2021" in card
    assert "hlm. 2–3 · hasil" in card and "1 bagian lain yang cocok (hlm. 5)" in card
    assert "Jumlah sampel (N): <b>120</b>" in card and "Tindak lanjut — tidak disebutkan" in card
    assert "kata dari kasus di bagiannya: lansia" in card and "maknanya sangat dekat dengan kasus" in card
    assert "desainnya menjawab jenis pertanyaan ini" in card


def test_reasons_are_words_never_ranks_or_scores() -> None:
    """Issue 15.2: cards said "fused rank 5" above "fused rank 1"; the reasons now name what ordered the list."""
    for dense, band in ((0.9, "very close in meaning"), (0.85, "close in meaning"), (0.8, "only loosely related")):
        text = present.why_text(hit(dense), strings("en"), floor=0.83)
        assert band in text and "the case's words in its passages: lansia" in text
        assert not any(ch.isdigit() for ch in text), text  # no ranks, scores or multipliers
    assert "meaning" not in present.why_text(hit(0.9), strings("en"))  # no floor for this model: no judgement
    moved = replace(hit(), why=replace(hit().why, boost_moved=1))
    assert "moved up 1 place past an equally relevant study" in present.why_text(moved, strings("en"))
    unboosted = replace(hit(), why=replace(hit().why, design_boost=1.0, matched_terms=()))
    text = present.why_text(unboosted, strings("en"), floor=0.83)
    assert "design" not in text and "none of the case's words in its passages: found by meaning" in text


def test_translated_terms_are_explained_and_marked_in_english_passages() -> None:
    why = Why("hybrid", 1, 0.03, 0.85, 2, 3.1, 1, "id", "en", True, 1.0, "translated", ("blood pressure", "salt"),
              matched_terms=("salt", "blood", "pressures"))  # fmt: skip
    document = doc()
    english = DocumentHit(
        replace(document, info=replace(document.info, language="en")),
        0.85,
        (PassageHit(1, 1, 1, None, "Salt intake raised blood pressures.", 0.85),),
        why,
    )
    text = present.why_text(english, T)
    assert "padanan bahasa Inggris kata-kata kasus di bagiannya: salt, blood, pressures" in text
    assert "bahasa lain" not in text  # matched on words, not by meaning alone
    assert "English words for the case in its passages: salt, blood" in present.why_text(english, strings("en"))
    card = present.hit_html(english, 1, T, "id", "Apakah garam menaikkan tekanan darah?", ())
    assert "<mark>Salt</mark>" in card and "<mark>blood</mark> <mark>pressures</mark>" in card
    untranslated = replace(english, why=replace(why, lexical_source=None, translated_terms=(), matched_terms=()))
    assert "ditulis dalam bahasa lain: dibandingkan menurut makna" in present.why_text(untranslated, T)


def test_split_by_floor() -> None:
    strong, weak = hit(0.9), hit(0.7)
    assert present.split_by_floor([strong, weak], 0.8) == ([strong], [weak])
    assert present.split_by_floor([weak], 0.8) == ([], [weak])
    assert present.split_by_floor([weak, hit(None)], 0.8)[0][0].why.dense_score is None  # BM25 only: no judgement
    assert present.split_by_floor([strong, weak], 0.0) == ([strong, weak], [])


def test_refine_query_adds_only_the_parts_the_user_changed() -> None:
    case = "Remaja memakai NAPZA; apakah konseling keluarga efektif mengurangi pemakaian?"
    suggested = copes(case)
    assert present.refine_query(case, suggested, suggested) == case
    edited = replace(suggested, option="terapi kelompok", comparison="")
    assert present.refine_query(case, suggested, edited) == f"{case} terapi kelompok"


def test_item_html_shows_reference_and_level() -> None:
    item = ReadingItem(path="a.pdf", title="A <b>trial</b>", authors=("Helen Carter",), year=2020, design="rct",
                       level=evidence_level("rct"), pages=(4,))  # fmt: skip
    out = present.item_html(item, strings("en"), "en")
    assert "Carter, H. (2020). A &lt;b&gt;trial&lt;/b&gt;." in out and "Level 2" in out and "p. 4" in out


def test_relevance_floor_is_per_model_unless_set() -> None:
    assert present.relevance_floor("multilingual-e5-small") == 0.83
    assert present.relevance_floor("all-MiniLM-L6-v2") == 0.0  # unknown scale: no floor
    assert present.relevance_floor("multilingual-e5-small", 0.5) == 0.5
    assert Settings.from_env({"EBP_RELEVANCE_FLOOR": "0.9"}).relevance_floor == 0.9


def test_the_cli_reads_the_same_reasons_in_english() -> None:
    from ebp.present.render import format_hits

    bridged = replace(
        hit(),
        why=Why(
            "hybrid",
            1,
            0.03,
            0.8,
            2,
            6.1,
            1,
            "id",
            "en",
            True,
            1.0,
            "translated",
            ("elderly", "loneliness"),
            matched_terms=("elderly", "loneliness"),
        ),  # fmt: skip
    )
    line = format_hits([bridged], Path("."), floor=0.83)
    assert "why: English words for the case in its passages: elderly, loneliness" in line
    assert "only loosely related in meaning" in line and "another language" not in line
    by_meaning = replace(hit(), why=Why("hybrid", 3, 0.02, 0.86, 2, None, None, "id", "en", True))
    line = format_hits([by_meaning], Path("."), floor=0.83)
    assert "found by meaning" in line and "written in another language" in line and "close in meaning" in line


def test_a_count_of_one_reads_in_the_singular_in_english_and_indonesian_is_unchanged() -> None:
    """Seen in the CLI: "1 relevant documents"."""
    from ebp.present.i18n import counted

    en, id_ = strings("en"), strings("id")
    assert counted(en, "brief.counts", 1, designs="1 case study") == "1 relevant document: 1 case study."
    assert counted(en, "brief.counts", 3, designs="3 trials") == "3 relevant documents: 3 trials."
    assert counted(en, "why.boost_moved", 2).endswith("moved up 2 places past equally relevant studies")
    assert counted(en, "why.boost_moved", 1).endswith("moved up 1 place past an equally relevant study")
    assert counted(id_, "lists.count", 1) == "1 dokumen" and counted(id_, "lists.count", 4) == "4 dokumen"
    for lang in ("en", "id"):  # every singular has its plural and asks for no value the plural is not given
        t = strings(lang)
        for key in (k.removesuffix(".one") for k in t if k.endswith(".one")):
            assert set(_fields(t[f"{key}.one"])) <= set(_fields(t[key])), key


def test_other_matching_pages_are_listed_once_in_page_order() -> None:
    first = hit().passages[0]
    more = (
        PassageHit(3, 4, 4, None, "a", 0.7),
        PassageHit(4, 1, 1, None, "b", 0.6),
        PassageHit(5, 4, 4, None, "c", 0.5),
    )
    shown = present.passages_html(replace(hit(), passages=(first, *more)), T, frozenset(), "id")
    assert "3 bagian lain yang cocok (hlm. 1, 4)" in shown  # seen in a walk: "(hlm. 4, 1, 4)"
