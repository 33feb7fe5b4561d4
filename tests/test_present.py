"""Result cards and helpers: escaping, highlighting, the relevance floor, COPES refinement, progress."""

from __future__ import annotations

from dataclasses import replace

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
    why = Why("hybrid", 1, 0.03, dense, 1 if dense else None, 4.2, 2, "id", "id", False, 1.15)
    passages = (PassageHit(1, 2, 3, "results", text, 0.9), PassageHit(2, 5, 5, None, "Kunjungan rumah.", 0.8))
    return DocumentHit(doc(title), 0.9, passages, why)


def test_both_languages_have_the_same_strings() -> None:
    assert set(ID) == set(EN) and set(STRINGS) == {"id", "en"}
    assert strings("xx") is ID  # unknown language: Indonesian
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
    card = present.hit_html(bad, 1, T, "id", "lansia", ())
    assert "<img" not in card and "<script>" not in card and "&lt;script&gt;" in card
    assert "**Judul**" in card and "<mark>lansia</mark>" in card
    assert "&lt;older&gt;" in card  # the appraisal sentence too
    assert "Tingkat 2 · Uji acak terkontrol" in card and "perlu dicek" in card and "keyakinan 55%" in card
    assert "A B, C D, E F et al. · 2021" in card
    assert "hlm. 2–3 · hasil" in card and "1 bagian lain yang cocok (hlm. 5)" in card
    assert "Jumlah sampel (N): <b>120</b>" in card and "Tindak lanjut — tidak disebutkan" in card
    assert "kemiripan 0.90" in card and "BM25 4.2" in card and "×1.15" in card


def test_translated_terms_are_explained_and_marked_in_english_passages() -> None:
    why = Why("hybrid", 1, 0.03, 0.85, 2, 3.1, 1, "id", "en", True, 1.0, "translated", ("blood pressure", "salt"))
    document = doc()
    english = DocumentHit(
        replace(document, info=replace(document.info, language="en")),
        0.85,
        (PassageHit(1, 1, 1, None, "Salt intake raised blood pressures.", 0.85),),
        why,
    )
    text = present.why_text(english, T)
    assert "diterjemahkan ke bahasa Inggris (blood pressure, salt): peringkat 1 (BM25 3.1)" in text
    assert "makna saja" not in text  # not ranked by meaning alone any more
    assert "words translated into English (blood pressure, salt)" in present.why_text(english, strings("en"))
    card = present.hit_html(english, 1, T, "id", "Apakah garam menaikkan tekanan darah?", ())
    assert "<mark>Salt</mark>" in card and "<mark>blood</mark> <mark>pressures</mark>" in card
    untranslated = replace(english, why=replace(why, lexical_source=None, translated_terms=(), lexical_rank=None))
    assert "bahasa lain: diperingkat menurut makna saja" in present.why_text(untranslated, T)


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
    from ebp.present.render import why_text

    def why_line(h: DocumentHit) -> str:
        return why_text(h, strings("en"))

    bridged = replace(
        hit(),
        why=Why("hybrid", 1, 0.03, 0.8, 2, 6.1, 1, "id", "en", True, 1.0, "translated", ("elderly", "loneliness")),
    )
    line = why_line(bridged)
    assert "translated into English (elderly, loneliness): rank 1" in line and "meaning only" not in line
    by_meaning = replace(hit(), why=Why("hybrid", 3, 0.02, 0.8, 2, None, None, "id", "en", True))
    assert "ranked by meaning only" in why_line(by_meaning) and "translated" not in why_line(by_meaning)
