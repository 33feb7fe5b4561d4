"""The evidence brief over real PDFs, SQLite and FAISS: quoted findings on the pages they cite, the plain
statement when the library holds no strong evidence, the JSON contract, and the evidence table in handouts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from ebp import cli, embed, ingest
from ebp.appraise.direction import direction_of
from ebp.appraise.findings import EvidenceRow, FieldValue
from ebp.appraise.quotes import normalised
from ebp.config import Settings
from ebp.present.brief import Row, build_brief, rows_for_paths, summary_lines
from ebp.present.evidence_table import balanced, cells, table_csv, to_docx
from ebp.present.export import to_html, to_markdown
from ebp.present.gloss import gloss
from ebp.present.i18n import strings
from ebp.present.readinglists import ReadingList, item_from_document
from ebp.retrieve.search import Searcher
from ebp.types import Design

TRIAL = [
    "Home visiting for mothers after domestic violence: a randomised controlled trial\nAbstract\n"
    "Mothers who had left a violent partner often lose contact with services. We randomly assigned 240 mothers to "
    "weekly home visits by a social worker or to usual care. Results: Home visits reduced repeat violence over twelve "
    "months compared with usual care (18% vs 31%, p = 0.01). Conclusion: Weekly home visits reduced repeat violence. ",
    "Methods\nWe recruited mothers from two shelters. " * 12,
    "Results\nAt twelve months, mothers in the home-visit group reported less repeat violence and more contact with "
    "legal aid than mothers receiving usual care (p = 0.01). " * 3,
]
NULL_TRIAL = [
    "Group counselling for survivors of domestic violence: a randomised trial\nAbstract\n"
    "We randomly assigned 180 women who had left a violent partner to group counselling or a waiting list. Results: "
    "There was no significant difference in depressive symptoms between the groups at six months (p = 0.42). "
    "Conclusion: Group counselling did not reduce depressive symptoms. "
]


@pytest.fixture
def library(tmp_path: Path, make_pdf, fake_embedder) -> tuple[Settings, Searcher]:  # type: ignore[no-untyped-def]
    settings = Settings.from_env({}, index_dir=tmp_path / "index", corpus_dir=tmp_path / "corpus")
    make_pdf(settings.corpus_dir / "trial.pdf", TRIAL)
    make_pdf(settings.corpus_dir / "null.pdf", NULL_TRIAL)
    make_pdf(settings.corpus_dir / "recipes.pdf", ["Rendang daging sapi dimasak dengan santan dan rempah. " * 20])
    ingest.ingest(settings.corpus_dir, settings, fake_embedder)
    return settings, Searcher(settings.index_dir, fake_embedder)


def test_every_quoted_finding_is_on_the_page_it_cites(library) -> None:  # type: ignore[no-untyped-def]
    settings, searcher = library
    case = "mother after domestic violence: do home visits or counselling reduce repeat violence and depression?"
    brief = build_brief(case, searcher.search(case, k=5), searcher.store, floor=0.0)
    assert brief.findings and not brief.no_strong_evidence
    for finding in brief.findings:  # the page is extracted again from the PDF itself, independently of ebp
        page = PdfReader(settings.corpus_dir / Path(finding.path)).pages[finding.page - 1].extract_text()
        assert normalised(finding.text)[:120] in normalised(page), (finding.path, finding.page)
    by_path = {f.path: f for f in brief.findings}
    assert by_path["trial.pdf"].direction == "benefit" and by_path["null.pdf"].direction == "no_difference"
    assert brief.conflicting  # the studies point different ways: both are kept
    assert [f.level for f in brief.findings] == sorted(f.level for f in brief.findings)


def test_nothing_relevant_says_so_and_quotes_nothing(library) -> None:  # type: ignore[no-untyped-def]
    _, searcher = library
    hits = searcher.search("football league results of the season", k=5)
    brief = build_brief("football", hits, searcher.store, floor=0.99, question_type="effectiveness")
    assert brief.no_strong_evidence and brief.findings == [] and brief.documents == 0
    assert brief.answered_by == ("rct", "systematic_review_meta_analysis")


def test_brief_json_contract_and_text(library, fake_embedder, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    settings, _ = library
    monkeypatch.setattr(embed, "load_embedder", lambda spec, batch_size=32, precision="auto": fake_embedder)
    assert (
        cli.main(["brief", "home visits for mothers after violence", "--index", str(settings.index_dir), "--json"]) == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"case", "copes", "summary", "findings", "rows"}
    assert {"counts", "no_strong_evidence"} <= set(out["summary"])
    finding = out["findings"][0]
    assert {"text", "doc_id", "path", "page", "direction", "design", "level", "score"} <= set(finding)
    assert cli.main(["brief", "home visits for mothers after violence", "--index", str(settings.index_dir)]) == 0
    assert "Evidence brief" in capsys.readouterr().out
    case = ["brief", "home visits for mothers after violence", "--index", str(settings.index_dir)]
    assert cli.main([*case, "--ui-language", "id"]) == 0
    assert "Ringkasan bukti" in capsys.readouterr().out
    with pytest.raises(SystemExit):  # an option is written whole: "--lang" is not "--language"
        cli.main(["brief", "home visits", "--index", str(settings.index_dir), "--lang", "id"])


SURVEY = [
    "Debt and repeat violence among mothers who left a violent partner: a cross-sectional survey\nAbstract\n"
    "We surveyed 410 mothers in shelters about debt and violence in a cross-sectional study. Results: Mothers with "
    "debts had higher odds of repeat violence (OR 2.10, 95% CI 1.40-3.20). Conclusion: Debt is a risk factor for "
    "repeat violence. "
]


def test_a_survey_risk_factor_does_not_contradict_a_trial(tmp_path: Path, make_pdf, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    settings = Settings.from_env({}, index_dir=tmp_path / "index", corpus_dir=tmp_path / "corpus")
    make_pdf(settings.corpus_dir / "trial.pdf", TRIAL)
    make_pdf(settings.corpus_dir / "survey.pdf", SURVEY)
    ingest.ingest(settings.corpus_dir, settings, fake_embedder)
    searcher = Searcher(settings.index_dir, fake_embedder)
    case = "mother after domestic violence: do home visits reduce repeat violence?"
    brief = build_brief(case, searcher.search(case, k=5), searcher.store, floor=0.0)
    assert {f.direction for f in brief.findings} == {"benefit", "harm"}  # the survey's debt is a harm ...
    assert not brief.conflicting  # ... about another question than the trial's: no "studies point different ways"
    assert summary_lines(brief, strings("en"))[0].startswith("2 relevant documents: 1 × ")


def test_handouts_carry_the_evidence_table(library) -> None:  # type: ignore[no-untyped-def]
    _, searcher = library
    store = searcher.store
    docs = [d for d in store.all_documents(store.generation()) if d.path in ("trial.pdf", "null.pdf")]
    reading = ReadingList("Seminar KDRT", "2026-12-03T00:00:00Z", tuple(item_from_document(d) for d in docs))
    rows = rows_for_paths([i.path for i in reading.items], store, ())
    markdown, page = to_markdown(reading, "en", rows=rows), to_html(reading, "en", rows=rows)
    assert "## Evidence table" in markdown and "home visits reduced repeat violence" in markdown.lower()
    assert '<table class="evidence">' in page and "240 mothers" in page
    assert table_csv(reading.items, rows, "en").splitlines()[0].startswith("position,title,design")
    import docx

    document = docx.Document(__import__("io").BytesIO(to_docx(reading, rows, "en")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert document.tables and "reduced repeat violence" in text
    # as the Markdown and HTML handouts: each reference's level and design, the comparison column, the levels' key;
    # on A4 paper
    assert "Level of evidence 2" in text and "Comparison" in [c.text for c in document.tables[0].rows[0].cells]
    page = document.sections[0]
    assert (round(page.page_width.cm, 1), round(page.page_height.cm, 1)) == (21.0, 29.7)


def test_table_cells_close_their_brackets_and_count_once() -> None:
    assert balanced("keluarga sebagai peserta (N = 312") == "keluarga sebagai peserta"  # seen in a handout
    assert balanced("OR 2,64; IK 95% 1,51-4,62)") == "OR 2,64; IK 95% 1,51-4,62"
    assert balanced("children (aged 2-5) in care") == "children (aged 2-5) in care"
    phrase = FieldValue("safety planning and trauma-informed practice", "…", 1)
    review = EvidenceRow((), "unclear", FieldValue(), 312, "keluarga", phrase, FieldValue(), phrase)
    row = Row(1, 1, "review.pdf", "A review", 2020, "review_narrative", 8, review)
    assert cells(row, "en")["intervention"] == phrase.text and cells(row, "en")["outcomes"] == ""  # not both


def test_direction_and_gloss_of_single_sentences() -> None:
    assert (
        direction_of(["Diversion was associated with a lower risk of reoffending (HR 0.71)."], Design.COHORT)
        == "benefit"
    )
    assert direction_of(["Pemasungan berhubungan dengan putus obat (aOR 4,12)."], Design.CASE_CONTROL) == "harm"
    assert (
        direction_of(["Skor stigma menurun bermakna pada kelompok intervensi (p = 0,001)."], Design.QUASI_EXPERIMENTAL)
        == "benefit"
    )
    assert direction_of(["Four themes emerged about trust."], Design.QUALITATIVE) == "unclear"
    assert ("depression", "depresi") in gloss("Exercise reduced depression in older adults.")


def test_gloss_gives_key_terms_in_their_main_sense_only() -> None:
    # "four", "small" are no key terms; "delivery" is only a second sense (of melahirkan, childbirth): no gloss
    assert gloss("Four themes were developed, with dignity in small decisions.") == ()
    assert gloss("Mr H. had accepted a weekly shopping delivery.") == ()
    assert ("care", "perawatan") in gloss("Home visits reduced repeat violence compared with usual care.")


def test_brief_says_when_no_document_answers_the_kind_of_question(library) -> None:  # type: ignore[no-untyped-def]
    _, searcher = library
    case = "mother after domestic violence: do home visits reduce repeat violence?"
    hits = searcher.search(case, k=5)
    trials = build_brief(case, hits, searcher.store, floor=0.0, question_type="effectiveness")
    assert trials.answers_question and trials.answered_by == ()
    risk = build_brief(case, hits, searcher.store, floor=0.0, question_type="risk")  # trials do not answer a risk
    assert not risk.answers_question and not risk.no_strong_evidence and risk.answered_by == ("cohort", "case_control")
    lines = summary_lines(risk, strings("id"))
    assert any("tak satu pun dokumen ini berdesain yang menjawabnya (kohort" in line.lower() for line in lines), lines
    assert not any("tak satu pun" in line for line in summary_lines(trials, strings("id")))


def test_brief_reads_only_results_close_to_the_best(library) -> None:  # type: ignore[no-untyped-def]
    _, searcher = library
    case = "mother after domestic violence: do home visits reduce repeat violence?"
    hits = searcher.search(case, k=5)
    assert "recipes.pdf" in [h.document.path for h in hits]  # the off-topic file is among the results ...
    everything = build_brief(case, hits, searcher.store, floor=0.0)
    narrow = build_brief(case, hits, searcher.store, floor=0.0, near_best=0.0)
    read = [r.path for r in narrow.rows]
    assert "trial.pdf" in read and "recipes.pdf" not in read  # ... but the brief does not read it
    listed = sorted(hits, key=lambda h: h.document.path != "recipes.pdf")  # the off-topic result as card 1
    cited = build_brief(case, listed, searcher.store, floor=0.0, near_best=0.0)
    cards = {h.document.path: n for n, h in enumerate(listed, start=1)}  # [n] is the result's card number
    assert cited.rows and all(r.citation == cards[r.path] > 1 for r in cited.rows)
    assert all(f.citation == cards[f.path] for f in cited.findings)
    assert everything.documents == len(hits) > narrow.documents
    assert build_brief(case, hits, searcher.store, floor=0.0, near_best=1.0).documents == len(hits)
