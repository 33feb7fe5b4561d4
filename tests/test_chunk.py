from ebp.ingest.chunk import ChunkSizes, chunk, heading_section
from ebp.types import Page, Section

SENT = "Social workers visited the family every week and wrote notes about progress."  # 13 words


def _body(n: int, sentence: str = SENT) -> str:
    return " ".join([sentence] * n)


def test_phrase_on_page_three_reports_page_three() -> None:
    pages = [
        Page(1, "Abstract\n" + _body(12)),
        Page(2, _body(20)),
        Page(3, _body(30) + " The zebra lantern phrase is here. " + _body(30)),
    ]
    passages = chunk(pages)
    found = [p for p in passages if "zebra lantern" in p.text]
    assert found and all(p.page_start == p.page_end == 3 for p in found)
    near_break = chunk([Page(1, _body(10)), Page(2, "The zebra lantern phrase is here. " + _body(5))])
    assert [(p.page_start, p.page_end) for p in near_break if "zebra" in p.text] == [(1, 2)]


def test_reference_lists_are_not_indexed() -> None:
    pages = [
        Page(1, "Introduction\n" + _body(15)),
        Page(2, "Conclusion\n" + _body(5) + "\nReferences\nSmith J. (2019). Unique reference marker. Journal X."),
        Page(3, "Daftar Pustaka\nDewi S. (2020). Penanda rujukan unik. Jurnal Y."),
    ]
    text = " ".join(p.text for p in chunk(pages))
    assert "Unique reference marker" not in text and "Penanda rujukan" not in text
    assert "Social workers" in text


def test_indonesian_headings_are_found() -> None:
    assert heading_section("Abstrak") is Section.ABSTRACT
    assert heading_section("1. PENDAHULUAN") is Section.INTRODUCTION
    assert heading_section("Metode Penelitian") is Section.METHODS
    assert heading_section("3. Hasil dan Pembahasan") is Section.RESULTS
    assert heading_section("Kesimpulan") is Section.CONCLUSION
    assert heading_section("DAFTAR PUSTAKA") is Section.REFERENCES
    assert heading_section("Hasil penelitian ini menunjukkan bahwa pendampingan efektif") is None
    pages = [
        Page(1, "Pendahuluan\n" + _body(15, "Anak korban kekerasan membutuhkan pendampingan dari pekerja sosial.")),
        Page(2, "Metode\n" + _body(15, "Penelitian ini menggunakan wawancara mendalam dengan sepuluh informan.")),
    ]
    sections = {p.section for p in chunk(pages)}
    assert {Section.INTRODUCTION, Section.METHODS} <= sections


def test_inline_abstract_heading() -> None:
    passages = chunk([Page(1, "Abstract: " + _body(5))])
    assert passages[0].section is Section.ABSTRACT and passages[0].text.startswith("Social workers")


def test_sizes_overlap_and_coverage() -> None:
    sizes = ChunkSizes(target=200, minimum=120, maximum=300, overlap=40)
    # 125 different sentences of 13 words over 5 pages, no headings: each can be found again.
    numbered = [f"Sentence {i} says the worker visited family {i} and wrote notes about progress." for i in range(125)]
    pages = [Page(p + 1, " ".join(numbered[p * 25 : (p + 1) * 25])) for p in range(5)]
    passages = chunk(pages, sizes)
    counts = [len(p.text.split()) for p in passages]
    assert len(passages) > 5 and all(c <= sizes.maximum for c in counts)
    assert all(c >= sizes.minimum for c in counts[:-1])
    # coverage: every sentence of the document is in some passage, in order
    assert all(any(sentence in p.text for p in passages) for sentence in numbered)
    firsts = [next(i for i, s in enumerate(numbered) if s in p.text) for p in passages]
    assert firsts == sorted(firsts)
    # overlap: each passage starts with whole sentences that ended the previous one, at most 40 words
    for prev, nxt in zip(passages, passages[1:], strict=False):
        shared = [s for s in numbered if s in prev.text and s in nxt.text]
        assert shared and nxt.text.startswith(shared[0]) and prev.text.endswith(shared[-1])
        assert len(" ".join(shared).split()) <= sizes.overlap
    assert [p.ordinal for p in passages] == list(range(len(passages)))


def test_passages_never_exceed_maximum_even_for_run_on_text() -> None:
    passages = chunk([Page(1, "word " * 1000)], ChunkSizes())
    assert all(len(p.text.split()) <= 300 for p in passages)
    assert sum(len(p.text.split()) for p in passages) == 1000


def test_short_document_is_one_passage_and_empty_is_none() -> None:
    assert len(chunk([Page(1, "A short note about a case.")])) == 1
    assert chunk([Page(1, "")]) == []
    assert chunk([Page(1, "References\nOnly a reference list.")]) == []
