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

from ebp.index.lexical import analyze
from ebp.language import language_confidence
from ebp.retrieve import bridge
from ebp.types import Mode, SearchOptions

QUERY_LANGUAGES = ("en", "id")


@dataclass(frozen=True)
class LexicalQueries:
    """The text each BM25 analyser language is queried with, and the English terms the bridge added.

    ``replace``: the case is clearly Indonesian and English documents rank by the bridged terms
    alone (cross-lingual); otherwise the terms were appended to the English query of an ambiguous case.
    """

    texts: dict[str, str]
    terms: tuple[str, ...] = ()
    replace: bool = False


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
