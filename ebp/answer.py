"""One ``ebp search`` or ``ebp brief``, from request to printed text, in one place.

The CLI runs it itself, or the warm search process (``ebp.serve``) runs it and sends the text
back; either way the output is the same, because it is made by the same function. This module is
on the CLI's import path, so its heavy imports wait inside ``answer``.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ebp.config import Settings
from ebp.errors import EbpError
from ebp.types import DocumentPages, Mode

if TYPE_CHECKING:
    from ebp.embed import Embedder
    from ebp.types import DocumentHit, SearchOptions

COMMANDS = ("search", "brief")
EMPTY_CASE = "the case description is empty: describe the client's situation in a few words"


@dataclass(frozen=True)
class Request:
    """What to search for and how to print it: the options ``ebp search`` and ``ebp brief`` share."""

    command: str
    case: str
    k: int = 10
    json: bool = False
    mode: str | None = None
    language: str | None = None
    doc_type: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    designs: tuple[str, ...] = ()
    min_level: int | None = None
    question_type: str | None = None
    ui_language: str = "en"  # the brief's own words (``ebp brief --ui-language``)

    @classmethod
    def from_args(cls, command: str, args: argparse.Namespace) -> Request:
        return cls(
            command=command,
            case=args.case,
            k=args.k,
            json=args.json,
            mode=args.mode,
            language=args.language,
            doc_type=args.doc_type,
            year_from=args.year_from,
            year_to=args.year_to,
            designs=tuple(args.design or ()),
            min_level=args.min_level,
            question_type=args.question_type,
            ui_language=getattr(args, "ui_language", "en"),
        )

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Request:
        """The request a client sent (``as_json``); unknown or missing fields are a ``ValueError``."""
        names = {f.name for f in fields(cls)}
        if not isinstance(data, dict) or not set(data) <= names or "case" not in data:
            raise ValueError("not a search request")
        request = cls(**{**data, "designs": tuple(data.get("designs") or ())})
        request.validate()
        return request

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "designs": list(self.designs)}

    def validate(self) -> None:
        """Refuse what no search can answer, before anything is loaded: one clear message each."""
        if self.command not in COMMANDS:
            raise ValueError(f"unknown command {self.command!r}")
        if not self.case.strip():
            raise EbpError(EMPTY_CASE)
        if self.k < 1:
            raise ValueError(f"-k must be at least 1: {self.k}")
        if self.min_level is not None and self.min_level < 1:
            raise ValueError(f"--min-level must be at least 1 (1 = strongest evidence): {self.min_level}")
        if self.year_from is not None and self.year_to is not None and self.year_from > self.year_to:
            raise ValueError(f"--year-from {self.year_from} is after --year-to {self.year_to}")
        if self.mode is not None and self.mode not in {m.value for m in Mode}:
            raise ValueError(f"--mode must be hybrid, dense or bm25: {self.mode!r}")
        if self.ui_language not in ("en", "id"):
            raise ValueError(f"--ui-language must be en or id: {self.ui_language!r}")


class LibraryStore(DocumentPages, Protocol):
    """What ``answer`` reads of an index: its documents' passages and pages (the brief), and its meta."""

    def meta(self) -> dict[str, str]: ...


class LibrarySearcher(Protocol):
    """What ``answer`` asks of a searcher: a laptop index's ``Searcher``, a sharded library's (``ebp.cluster``)."""

    embedder: Embedder

    @property
    def store(self) -> LibraryStore: ...

    def search(
        self, case_text: str, options: SearchOptions | None = None, **overrides: object
    ) -> list[DocumentHit]: ...


def answer(request: Request, settings: Settings, searcher: LibrarySearcher) -> str:
    """The text ``ebp search`` or ``ebp brief`` prints for ``request`` (without the final newline)."""
    from ebp.present.cards import relevance_floor
    from ebp.retrieve.copes import copes, design_boost
    from ebp.types import Filters

    filters = Filters(
        language=request.language,
        doc_type=request.doc_type,
        year_from=request.year_from,
        year_to=request.year_to,
        designs=request.designs,
        min_level=request.min_level,
    )
    options = replace(settings.search_options(), k=request.k, filters=filters)
    if request.mode:
        options = replace(options, mode=Mode(request.mode))
    question = copes(request.case).question_type
    if request.question_type:
        question = question if request.question_type == "auto" else request.question_type
        options = replace(options, design_boost=design_boost(question) if question else {})
    hits = searcher.search(request.case, options)
    corpus = Path(searcher.store.meta().get("corpus_dir", "."))
    floor = relevance_floor(searcher.embedder.name, settings.relevance_floor)
    if request.command == "search":
        from ebp.present.render import format_hits, hit_json

        if request.json:
            return json.dumps([hit_json(h, corpus, options.hierarchy) for h in hits], ensure_ascii=False, indent=2)
        nothing = "No documents in the index match this case."
        return format_hits(hits, corpus, options.hierarchy, floor) if hits else nothing

    from ebp.present.brief import brief_json, brief_text, build_brief, read_pages_from_file
    from ebp.present.cards import near_best_window
    from ebp.present.i18n import strings

    brief = build_brief(
        request.case, hits, searcher.store, options.hierarchy, floor, question, read_pages_from_file(corpus),
        near_best_window(searcher.embedder.name),
    )  # fmt: skip
    if request.json:
        return json.dumps(brief_json(brief, corpus, asdict(copes(request.case))), ensure_ascii=False, indent=2)
    return brief_text(brief, strings(request.ui_language))
