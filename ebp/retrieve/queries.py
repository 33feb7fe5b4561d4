"""What BM25 is asked for a case: the case itself in each analyser language, and for an Indonesian case its
English terms (``ebp.retrieve.bridge``), so that English documents can be matched by words.

A pure function of the case and of which English words the library knows, so that a laptop index and a
sharded one (``ebp.cluster.sharded``, asking the union of its shards' vocabularies) build the same queries.

Example: ``lexical_queries("Seorang ibu korban kekerasan dalam rumah tangga", ("id",), None, opts).texts``
is ``{"id": "Seorang ibu …"}`` (no English documents to bridge to)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ebp.errors import EbpError
from ebp.index.lexical import analyze
from ebp.language import language_confidence
from ebp.retrieve import bridge
from ebp.types import Mode, SearchOptions

QUERY_LANGUAGES = ("en", "id")
SURE_WORDS = 4  # shorter cases are matched lexically in both languages
SURE_CONFIDENCE = 0.95  # language-detector probability needed to trust one language


@dataclass(frozen=True)
class Proposals:
    """The candidate passages of each side, scored: by meaning (``dense``) and by words per analyser language."""

    dense: dict[int, float]
    lexical: dict[str, dict[int, float]]
    generation: int = -1  # the index generation that proposed them (-1: none)


@dataclass(frozen=True)
class LexicalQueries:
    """The text each BM25 analyser language is queried with, and the English terms the bridge added.

    ``replace``: the case is clearly Indonesian and English documents rank by the bridged terms
    alone (cross-lingual); otherwise the terms were appended to the English query of an ambiguous case.
    """

    texts: dict[str, str]
    terms: tuple[str, ...] = ()
    replace: bool = False


@dataclass(frozen=True)
class CaseQuery:
    """A case as each index of a sharded library is asked it, built once by the caller (``ebp.cluster.sharded``):
    its BM25 queries, its vector (None in BM25 mode), its languages and the search options."""

    queries: LexicalQueries
    vector: np.ndarray | None
    languages: tuple[str, ...]
    options: SearchOptions


def lexical_queries(
    text: str, query_langs: tuple[str, ...], knows: Callable[[str], bool] | None, opts: SearchOptions
) -> LexicalQueries:
    """The case itself per language, and for an Indonesian case its English terms. ``knows(word)``: whether the
    library's English documents hold the word; None when the library has no English documents."""
    plain = LexicalQueries({lang: text for lang in query_langs})
    if not opts.translate_queries or opts.mode is not Mode.HYBRID or "id" not in query_langs or knows is None:
        return plain
    if query_langs == ("id",):  # clearly Indonesian
        terms = bridge.translate(text, knows)
        return LexicalQueries({**plain.texts, "en": " ".join(terms)}, terms, True) if terms else plain
    # A short or ambiguous case is matched in English as it is. If the detector leans Indonesian,
    # all its words are bridged; if it leans English ("apel", "desa"), only the words this
    # library's English vocabulary has never seen, so an English word is never re-read as Indonesian.
    unknown = text
    if language_confidence(text, QUERY_LANGUAGES)[0] != "id":
        unknown = bridge.unfamiliar(text, knows)
    terms = bridge.translate(unknown, knows)
    # Only terms the case does not already hold are new.
    own = set(analyze(text, "en"))
    terms = tuple(t for t in terms if not set(analyze(t, "en")) <= own)
    return LexicalQueries({**plain.texts, "en": " ".join([plain.texts["en"], *terms])}, terms) if terms else plain


def checked_request(
    case_text: str, options: SearchOptions | None, overrides: dict[str, object]
) -> tuple[str, SearchOptions]:
    """The case text stripped and the options with ``overrides``; a clear error for an empty case."""
    opts = options or SearchOptions()
    if overrides:
        opts = SearchOptions(**{**opts.__dict__, **overrides})  # type: ignore[arg-type]
    text = (case_text or "").strip()
    if not text:
        raise EbpError("the case description is empty: describe the client's situation in a few words")
    if opts.k < 1 or opts.candidates < 1 or opts.passages_per_doc < 1:
        raise ValueError(f"k, candidates and passages_per_doc must be positive: {opts}")
    return text, opts


def query_languages(text: str) -> tuple[str, ...]:
    """The languages a case is written in, for lexical matching: one when the detector is sure,
    both English and Indonesian for short or ambiguous text ("amnesia", "Fosamax", "lansia")
    whose words could belong to either.

    Example: ``query_languages("Seorang ibu korban kekerasan dalam rumah tangga") == ("id",)``
    """
    code, confidence = language_confidence(text, QUERY_LANGUAGES)
    if len(text.split()) < SURE_WORDS or confidence < SURE_CONFIDENCE:
        return QUERY_LANGUAGES
    return (code,)


def analyser_language(language: str) -> str:
    """The BM25 analyser a document language was indexed with (``ebp.index.lexical.analyze``)."""
    return "id" if language == "id" else "en"
