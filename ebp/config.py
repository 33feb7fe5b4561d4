"""All settings in one place: a frozen dataclass, read from a settings file and ``EBP_*`` variables.

Order: defaults, then the settings file (``EBP_SETTINGS``, else ``ebp.toml`` in the working
folder, if present), then ``EBP_*`` environment variables, then explicit overrides (CLI flags).
Settings are built once at the edge (cli, app) and passed down explicitly; nothing in the
package reads the environment on its own.

The settings file is TOML with the field names below as keys, plus the evidence hierarchy::

    model = "minilm"
    [passwords]                       # for encrypted PDFs, by file name
    "locked-report.pdf" = "secret"
    [[evidence_hierarchy]]            # strongest first; repeat for each level
    name = "randomised_trial"
    designs = ["rct", "systematic_review_meta_analysis"]
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from ebp.appraise.levels import DEFAULT_HIERARCHY
from ebp.embed import PRECISIONS
from ebp.types import DESIGNS, ChunkSizes, Hierarchy, Mode, SearchOptions

DEFAULT_MODEL = "e5-small"


@dataclass(frozen=True)
class Settings:
    """What ebp does, and where. Each field can be set with ``EBP_<FIELD NAME IN CAPITALS>``."""

    index_dir: Path = Path("index")
    """Folder holding ``ebp.sqlite`` and the FAISS vectors."""
    corpus_dir: Path = Path("corpus")
    """Folder of PDFs, ``.txt``/``.md``/``.docx`` case studies and notes."""
    model: str = DEFAULT_MODEL
    """Embedding model: an alias (``e5-small``, ``minilm``), a sentence-transformers folder, or a hub id."""
    batch_size: int = 32
    """Passages per embedding batch."""
    embed_precision: str = "auto"
    """Passage embedding arithmetic: auto (bfloat16 on CPUs with AMX, else float32), float32 or bfloat16."""
    chunk_target_words: int = 200
    """Aim for passages of about this many words ..."""
    chunk_min_words: int = 120
    """... never cut a passage shorter than this at a section change unless the section ends ..."""
    chunk_max_words: int = 300
    """... and never longer than this."""
    chunk_overlap_words: int = 40
    """Words carried over from the end of one passage into the next (whole sentences)."""
    workers: int = 1
    """Processes that parse files in parallel (the embedding model runs in the main process)."""
    ocr: bool = False
    """Read scanned PDFs with Tesseract (needs tesseract-ocr with ind + eng; slow: ~4 s a page)."""
    parse_timeout_s: float = 60.0
    """Seconds one file may take to parse before it is given up (status ``timeout``)."""
    parse_memory_mb: int = 1536
    """Memory cap of a parsing process: a decompression bomb stops there (status ``too_large``)."""
    passwords: Mapping[str, str] = field(default_factory=dict)
    """PDF passwords by file name or corpus-relative path; only from the settings file ([passwords])."""
    max_file_mb: float = 100.0
    """Files larger than this are skipped with status ``too_large``."""
    corpus_quota_mb: float = 2048.0
    """Uploads from the app stop when the corpus folder would grow beyond this (0: no quota)."""
    candidates: int = 200
    """Passages fetched from the vector index before grouping into documents."""
    exact_search_below: int = 200_000
    """Vector search is exact below this many passages, approximate (inverted file of 8-bit vectors) from there on."""
    passages_per_doc: int = 3
    """Best passages shown per document."""
    relevance_floor: float = -1.0
    """App: results whose best dense similarity is below this go under "weaker matches" (-1: the model's own)."""
    shard_passages: int = 2_000_000
    """A sharded index (``ebp index --shards``): passages a shard holds before new documents open the next one."""
    replica_cpus: float = 1.0
    """``ebp serve --cluster``: CPUs Ray reserves for each shard replica and for the router."""
    search_mode: str = "hybrid"
    """hybrid (words + meaning), dense (meaning only) or bm25 (words only)."""
    lexical_weight: float = 1.0
    """Weight of the BM25 ranking against the dense one in reciprocal-rank fusion."""
    balance_languages: bool = True
    """Correct the embedding model's preference for documents in the query's own language."""
    translate_queries: bool = True
    """Match an Indonesian case's words against English documents through a built-in Indonesian→English lexicon."""
    warm_search: bool = True
    """``ebp search``/``ebp brief`` from the shell keep the model loaded in a background process and reuse it."""
    warm_idle_minutes: float = 15.0
    """The background search process (``ebp serve``) exits after this many minutes without a search."""
    evidence_hierarchy: Hierarchy = DEFAULT_HIERARCHY
    """Evidence levels, strongest first: (level name, designs). Set it in the settings file."""

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then ``EBP_*`` variables, then explicit ``overrides`` (None values ignored).

        Example: ``Settings.from_env({"EBP_MODEL": "/models/e5"}).model == "/models/e5"``
        """
        env = os.environ if env is None else env
        values: dict[str, Any] = _settings_file(env)
        for f in fields(cls):
            if f.name in ("evidence_hierarchy", "passwords"):
                continue
            raw = env.get(f"EBP_{f.name.upper()}")
            if raw is not None and raw != "":
                values[f.name] = _coerce(f.name, raw, type(getattr(cls(), f.name)))
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = replace(cls(), **values)
        settings.validate()
        return settings

    def search_options(self) -> SearchOptions:
        return SearchOptions(
            k=10,
            mode=Mode(self.search_mode),
            passages_per_doc=self.passages_per_doc,
            candidates=self.candidates,
            lexical_weight=self.lexical_weight,
            balance_languages=self.balance_languages,
            translate_queries=self.translate_queries,
            hierarchy=self.evidence_hierarchy,
        )

    def chunk_sizes(self) -> ChunkSizes:
        return ChunkSizes(self.chunk_target_words, self.chunk_min_words, self.chunk_max_words, self.chunk_overlap_words)

    def validate(self) -> None:
        if not 0 < self.chunk_min_words <= self.chunk_target_words <= self.chunk_max_words:
            raise ValueError(
                "chunk sizes must satisfy 0 < min <= target <= max, got "
                f"{self.chunk_min_words}/{self.chunk_target_words}/{self.chunk_max_words}"
            )
        if not 0 <= self.chunk_overlap_words < self.chunk_min_words:
            raise ValueError(f"chunk_overlap_words must be below chunk_min_words: {self.chunk_overlap_words}")
        for name, designs in self.evidence_hierarchy:
            unknown = set(designs) - set(DESIGNS)
            if unknown or not designs:
                raise ValueError(
                    f"evidence level {name!r}: unknown or missing designs {sorted(unknown)}; use {DESIGNS}"
                )
        if self.embed_precision not in PRECISIONS:
            raise ValueError(f"embed_precision must be {', '.join(PRECISIONS)}: {self.embed_precision!r}")
        if self.search_mode not in {m.value for m in Mode}:
            raise ValueError(f"search_mode must be one of hybrid, dense, bm25: {self.search_mode!r}")
        if not self.warm_idle_minutes > 0:
            raise ValueError(f"warm_idle_minutes must be positive: {self.warm_idle_minutes}")
        if self.shard_passages < 1 or not self.replica_cpus > 0:
            raise ValueError(
                f"shard_passages and replica_cpus must be positive: {self.shard_passages}, {self.replica_cpus}"
            )
        if self.workers < 1 or self.batch_size < 1 or self.candidates < 1 or self.passages_per_doc < 1:
            raise ValueError("workers, batch_size, candidates and passages_per_doc must be positive")


def _settings_file(env: Mapping[str, str]) -> dict[str, Any]:
    """Values from the settings file, or {} when there is none."""
    import tomllib

    explicit = env.get("EBP_SETTINGS")
    path = Path(explicit).expanduser() if explicit else Path("ebp.toml")
    if not path.is_file():
        if explicit:
            raise FileNotFoundError(f"settings file not found: {path}")
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: not valid TOML ({exc})") from exc
    known = {f.name: f for f in fields(Settings)}
    unknown = set(data) - set(known)
    if unknown:
        raise ValueError(f"{path}: unknown settings {sorted(unknown)}")
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == "evidence_hierarchy":
            values[key] = tuple((str(level["name"]), tuple(level["designs"])) for level in value)
        elif key == "passwords":
            values[key] = {str(k): str(v) for k, v in value.items()}
        else:
            values[key] = _coerce(key, str(value), type(getattr(Settings(), key)))
    return values


def _coerce(name: str, raw: str, kind: type) -> Any:
    try:
        if kind is bool:
            if raw.lower() not in {"1", "0", "true", "false", "yes", "no"}:
                raise ValueError(raw)
            return raw.lower() in {"1", "true", "yes"}
        if kind is Path or issubclass(kind, Path):
            return Path(raw).expanduser()
        if kind is int:
            return int(raw)
        if kind is float:
            return float(raw)
    except ValueError as exc:
        raise ValueError(f"EBP_{name.upper()}={raw!r} is not a valid {kind.__name__}") from exc
    return raw
