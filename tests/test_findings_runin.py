"""A run-in label ("Conclusions:") holds for its own paragraph only: body sentences after the abstract of a
PDF page are not quoted as conclusions (seen in the brief: "We recruited mothers from two shelters.")."""

from __future__ import annotations

from ebp.appraise.findings import key_findings
from ebp.appraise.quotes import candidate_sentences
from ebp.ingest.chunk import chunk
from ebp.types import Design, Page

# pypdf-like page text: lines broken mid-sentence, a heading line, no blank lines; a short abstract, so one
# passage runs from the abstract's conclusion into the methods.
PAGE_1 = (
    "Home visiting for mothers after domestic violence: a randomised\ncontrolled trial\n"
    "Abstract\nBackground: Mothers who had left a violent partner often lose contact with\nservices. "
    "Methods: We randomly assigned 240 mothers to weekly home visits or to\nusual care. Results: Home visits "
    "reduced repeat violence over twelve months\ncompared with usual care (18% vs 31%, p = 0.01). Conclusions: "
    "Weekly home\nvisits reduced repeat violence.\nMethods\nWe recruited mothers from two shelters. Mothers were "
    "eligible when they\nhad left the partner within the last three months."
)
PAGE_2 = (
    "Social workers visited each week for one year. Outcomes were rated by\nresearch assistants who did not know "
    "the allocation. Repeat violence was\nrecorded from police and shelter records at twelve months."
)


def _quotes(pages: list[Page], with_pages: bool = True):  # type: ignore[no-untyped-def]
    texts = {p.number: p.text for p in pages} if with_pages else None
    return candidate_sentences(chunk(pages), texts)


def test_run_in_label_ends_at_a_heading_line_on_the_same_page() -> None:
    quotes = _quotes([Page(1, PAGE_1), Page(2, PAGE_2)])
    by_text = {q.text: q.section for q in quotes}
    assert by_text["Weekly home visits reduced repeat violence."] == "conclusions"
    assert by_text["We recruited mothers from two shelters."] != "conclusions"
    assert by_text["Social workers visited each week for one year."] != "conclusions"
    found = [q.text for q in key_findings(quotes, Design.RCT)]
    assert "We recruited mothers from two shelters." not in found
    assert found[0].startswith(("Weekly home visits reduced", "Home visits reduced repeat violence"))


def test_run_in_label_ends_at_a_page_break_and_at_keywords() -> None:
    abstract = PAGE_1.split("\nMethods\n")[0] + "\nKeywords: domestic violence; home visiting. Funding was"
    quotes = _quotes([Page(1, abstract + " from a charity."), Page(2, "We recruited mothers from two shelters. "
                                                                       + PAGE_2)])  # fmt: skip
    by_text = {q.text: q.section for q in quotes}
    assert by_text["We recruited mothers from two shelters."] != "conclusions"
    assert by_text["Weekly home visits reduced repeat violence."] == "conclusions"
    # without the page texts the keywords line still ends the label
    plain = {q.text: q.section for q in _quotes([Page(1, abstract + " from a charity.")], with_pages=False)}
    assert all(label != "conclusions" for text, label in plain.items() if text.startswith("Funding"))
