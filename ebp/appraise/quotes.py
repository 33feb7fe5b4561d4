"""A document's sentences as quotable units: each once, in order, with the page it is on and the part of the
document it stood under (a structured abstract's run-in label, a heading, or its passage's section).

The evidence row (``findings``) and the brief quote these sentences verbatim, so a quote can always be found
again on its page (``locate``, ``normalised``).

Example: ``candidate_sentences(chunk(doc.pages), {p.number: p.text for p in doc.pages})[0].page``
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ebp.text import any_of, sentences
from ebp.types import Passage, Section

_LABEL = re.compile(
    r"^\s*(?:\d+\.?\s*)?(BACKGROUND|INTRODUCTION|OBJECTIVES?|AIMS?|PURPOSE|METHODS?|DESIGN|SETTING|PARTICIPANTS|"
    r"INTERVENTIONS?|MAIN OUTCOME MEASURES?|MEASURES|RESULTS?|FINDINGS|CONCLUSIONS?|INTERPRETATION|IMPLICATIONS|"
    r"Background|Introduction|Objectives?|Aims?|Purpose|Methods?|Design|Setting|Participants|Interventions?|Results?|"
    r"Findings|Conclusions?|Interpretation|Implications|Latar belakang|Tujuan|Metode|Hasil|Kesimpulan|Simpulan)"
    r"\s*[:.]?\s+(?=[A-Z0-9(\"“])"
)
# Labels and headings by what they open: results, a conclusion, or a part that never holds a finding.
RESULT_LABELS = frozenset({"results", "result", "findings", "hasil"})
CONCLUSION_LABELS = frozenset({"conclusions", "conclusion", "interpretation", "implications", "kesimpulan", "simpulan"})
NOT_FINDING_LABELS = frozenset(
    {"background", "introduction", "objective", "objectives", "aim", "aims", "purpose", "methods", "method", "design",
     "setting", "participants", "intervention", "interventions", "latar belakang", "tujuan", "metode", "measures"}
)  # fmt: skip
KEYWORDS = any_of(r"^\s*(?:key\s*words?|kata\s+kunci)\b")


@dataclass(frozen=True)
class Quote:
    """A sentence copied from the document, with the page it is on (pages counted from 1)."""

    text: str
    page: int
    section: str = ""  # the label or section it stood under ("results", "conclusions", "abstract" …)


def candidate_sentences(passages: Sequence[Passage], pages: Mapping[int, str] | None = None) -> list[Quote]:
    """Every sentence of the document once, in order, with its page and the label or section it stood under.

    A run-in label ("Conclusions: …") holds for the sentences after it in its own paragraph only: it ends at a
    keywords line and — where the page texts are given — at a page break, a blank line or a heading line
    between two sentences (a passage can run from the abstract's conclusion into the body's methods); after a
    heading line of background or methods its sentences take the heading's label."""
    seen: set[str] = set()
    out: list[Quote] = []
    blocks = _Blocks(pages or {})
    for p in passages:
        label = p.section.value if p.section else ""
        origin = ""  # where the label came from inside this passage: "run-in", "heading" or "" (the passage's)
        blocks.start(p.page_start)
        for raw in sentences(p.text):
            text, own_label = _strip_label(raw)
            boundary = blocks.boundary_before(text)
            if own_label:
                label, origin = own_label, "run-in"
            elif boundary and origin:  # a heading line after a label: background or methods tell what follows
                label, origin = (boundary, "heading") if boundary in NOT_FINDING_LABELS else (_after_run_in(p), "")
            elif boundary == Section.OUTCOME:  # a case's outcome told in the same passage as its intervention
                label, origin = boundary, "heading"
            elif origin == "run-in" and (boundary is not None or KEYWORDS.search(text)):
                label, origin = _after_run_in(p), ""
            key = " ".join(text.split())
            if len(key.split()) < 5 or key in seen:
                continue
            seen.add(key)
            out.append(Quote(key, p.page_start, label))
    return out


def _after_run_in(p: Passage) -> str:
    """The label of a sentence after a run-in label's paragraph: the passage's own section, unless that section
    is one a label would have given (abstract, results, conclusion) — the body after an abstract is neither."""
    section = p.section.value if p.section else ""
    return "" if section in ("abstract", "results", "conclusion") else section


_HEADING_LINE = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:\d+(?:\.\d+)*\.?\s*|[IVX]+\.\s*)?(abstract|abstrak|introduction|background|pendahuluan|"
    r"latar\s+belakang|outcomes?|evaluasi(?:\s+dan\s+terminasi)?|terminasi|"
    r"(?:materials?\s+and\s+)?methods?|methodology|metode(?:\s+penelitian)?|metodologi|results?(?:\s+and\s+discussion)?|"
    r"findings|hasil(?:\s+dan\s+pembahasan)?|hasil\s+penelitian|discussion|pembahasan|conclusions?|kesimpulan|simpulan|"
    r"references|daftar\s+pustaka|key\s*words?|kata\s+kunci|tinjauan\s+pustaka|study\s+design|participants|"
    r"procedure|measures|data\s+analysis|limitations)\b[^.]{0,60}$",
    re.IGNORECASE,
)
# The label a heading line gives the sentences under it (a key of _LABEL's groups where there is one).
_HEADING_LABEL = {"abstract": "abstract", "abstrak": "abstract", "introduction": "introduction",
                  "background": "background", "pendahuluan": "introduction", "latar": "background",
                  "method": "methods", "material": "methods", "metode": "methods", "metodologi": "methods",
                  "study": "methods", "participants": "methods", "procedure": "methods", "measures": "methods",
                  "data": "methods", "result": "results", "finding": "results", "participant": "methods",
                  "measure": "methods", "discussion": "discussion", "hasil": "results",
                  "conclusion": "conclusions", "kesimpulan": "conclusions", "simpulan": "conclusions",
                  "outcome": "outcome", "evaluasi": "outcome", "terminasi": "outcome"}  # fmt: skip
_MARK = "\u00b6"


class _Blocks:
    """Where a passage's sentences lie in the page texts, to tell whether a paragraph break, a heading line or a
    page break stands between one sentence and the next. Without page texts nothing is a boundary."""

    def __init__(self, pages: Mapping[int, str]) -> None:
        self.pages = {n: _marked(t) for n, t in pages.items()}
        self.page, self.offset, self.placed = 0, 0, False

    def start(self, page: int) -> None:
        self.page, self.offset, self.placed = page, 0, False

    def boundary_before(self, sentence: str) -> str | None:
        """None when the sentence follows the previous one in the same paragraph (or cannot be placed); else the
        label of the last heading line between them ("" for a paragraph or page break without one)."""
        wanted = normalised(sentence)[:60]
        if not self.pages or len(wanted) < 12:
            return None
        for number in sorted(n for n in self.pages if n >= self.page):
            start = self.offset if number == self.page else 0
            found = self.pages[number].find(wanted, start)
            if found < 0:
                continue
            between = self.pages[number][self.offset : found] if number == self.page else self.pages[number][:found]
            crossed = self.placed and (number != self.page or _MARK in between)
            self.page, self.offset, self.placed = number, found + len(wanted), True
            if not crossed:
                return None
            headings = [h for h in re.findall(_MARK + r"([a-z]*)", between) if h]  # not the blank lines around them
            return _HEADING_LABEL.get(headings[-1], "") if headings else ""
        return None


def _marked(page: str) -> str:
    """A page's text normalised as ``normalised`` does, with a mark for each blank or heading line."""
    lines = []
    for line in page.split("\n"):
        heading = _HEADING_LINE.match(line)
        if heading or not line.strip():
            line = _MARK + (re.sub(r"s$", "", heading.group(1).split()[0].lower()) if heading else "") + " "
        lines.append(line)
    return normalised("\n".join(lines))


def _strip_label(sentence: str) -> tuple[str, str]:
    m = _LABEL.match(sentence)
    if not m:
        return sentence.strip(), ""
    return sentence[m.end() :].strip(), m.group(1).lower()


def locate(quote: Quote, pages: dict[int, str]) -> Quote:
    """The quote with the page its text is really on (a passage can run over a page break): the first page
    from the passage's own on whose text the sentence is found. ``pages``: page number → text."""
    wanted = normalised(quote.text)[:160]
    for number in sorted(n for n in pages if n >= quote.page):
        if wanted in normalised(pages[number]):
            return Quote(quote.text, number, quote.section)
    return quote


def normalised(text: str) -> str:
    """Whitespace folded and ligatures undone, for comparing a quote with a page's text."""
    return " ".join(text.replace("ﬁ", "fi").replace("ﬂ", "fl").replace("ﬀ", "ff").split()).lower()
