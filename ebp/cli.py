"""Command line: ``ebp index``, ``ebp search``, ``ebp stats`` and the others (``ebp --help``).

Domain errors become one line on stderr and exit code 1; progress goes to stderr, results to stdout.
Arguments are checked before anything heavy is imported or loaded. ``ebp search`` and ``ebp brief``
run from the shell are answered by the warm search process (``ebp.warm``), started on first use;
a program calling ``main(argv)`` never starts one.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from ebp.bench import add_parser as add_bench_parser
from ebp.cases.cli import add_parser as add_cases_parser
from ebp.config import Settings
from ebp.curate.cli import add_parser as add_curate_parser
from ebp.errors import EbpError
from ebp.retrieve.copes import QUESTION_TYPES
from ebp.types import DESIGNS, DocType, Mode

log = logging.getLogger("ebp")

DESIGN_CHOICES = DESIGNS
QUESTION_CHOICES = ("auto", *QUESTION_TYPES)


def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    parser = _parser()
    args = parser.parse_args(argv)
    args.started, args.from_shell = started, argv is None
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(message)s")
    # pypdf and fontTools warn about every odd font or xref, bm25s logs each build: the report says what matters.
    for noisy in ("pypdf", "fontTools", "bm25s"):
        logging.getLogger(noisy).setLevel(logging.INFO if args.verbose else logging.ERROR)
    try:
        settings = Settings.from_env(index_dir=args.index, model=args.model)
        return int(args.func(args, settings))
    except EbpError as exc:
        print(f"ebp: {exc}", file=sys.stderr)
        return 1
    except (FileNotFoundError, ValueError) as exc:
        print(f"ebp: {exc}", file=sys.stderr)
        return 2


class _Parser(argparse.ArgumentParser):
    """An option is only taken when written whole: ``--lang id`` is an error, not ``--language id`` (which would
    quietly keep only the Indonesian documents). Subcommands' parsers are of this class too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--index", type=Path, default=None, help="index folder (default: index/, or EBP_INDEX_DIR)")
    common.add_argument("--model", default=None, help="embedding model: alias, folder or hub id (or EBP_MODEL)")
    common.add_argument("-v", "--verbose", action="store_true", help="log what is happening")
    parser = _Parser(prog="ebp", description="Evidence for social-work practice, from your own PDFs.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("index", parents=[common], help="index a folder of PDFs and case studies")
    p.add_argument("corpus", type=Path, nargs="?", default=None, help="corpus folder (default: corpus/)")
    p.add_argument("--rebuild", action="store_true", help="discard the index and build it again")
    p.add_argument("--workers", type=int, default=None, help="parallel parsing processes")
    p.add_argument("--cluster", metavar="ADDRESS", help="read and embed on Ray: 'local' or a cluster's address")
    p.add_argument("--shards", type=int, default=None, help="split the library into N index folders (a first build)")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("search", parents=[common], help="find evidence for a case description")
    _search_arguments(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("brief", parents=[common], help="what the evidence in the library says about a case")
    _search_arguments(p)
    p.add_argument(
        "--ui-language",
        choices=("en", "id"),
        default="en",
        help="the brief's own words in English or Indonesian (quotes stay as written; in Indonesian an English "
        "quote gets a gloss of its key terms)",
    )
    p.set_defaults(func=cmd_brief)

    p = sub.add_parser("copes", parents=[common], help="turn a case into a COPES practice question")
    p.add_argument("case", help="the case, in plain Indonesian or English")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=cmd_copes)

    p = sub.add_parser("describe", parents=[common], help="study design, evidence level and appraisal items")
    p.add_argument("path", nargs="?", type=Path, help="one PDF (or .txt/.md/.docx) to describe")
    p.add_argument("--jsonl", type=Path, help="lines of {id, title, abstract}; prints one JSON line each")
    p.set_defaults(func=cmd_describe)

    p = sub.add_parser("eval", parents=[common], help="score retrieval on a BEIR-layout folder")
    p.add_argument("--beir", type=Path, required=True, help="folder with corpus.jsonl, queries.jsonl, qrels/")
    p.add_argument("--split", default="test", help="qrels split (default: test)")
    p.add_argument("--mode", choices=["hybrid", "dense", "bm25"], default="hybrid")
    p.add_argument("--queries", type=Path, default=None, help="queries file replacing queries.jsonl (same _ids)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=cmd_eval)

    add_bench_parser(sub, common)
    add_curate_parser(sub, common)
    add_cases_parser(sub, common)

    p = sub.add_parser("stats", parents=[common], help="what the index holds")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser(
        "serve", parents=[common], help="keep the model loaded for fast searches (started by ebp search)"
    )
    p.add_argument("--stop", action="store_true", help="stop the warm search process of this index")
    p.add_argument("--status", action="store_true", help="say whether one runs (exit code 1 when not)")
    p.add_argument("--cluster", metavar="ADDRESS", help="deploy the sharded index's search app on this Ray cluster")
    p.add_argument("--replicas", type=int, default=1, help="with --cluster: copies of each shard (default 1)")
    p.set_defaults(func=cmd_serve)
    return parser


def _search_arguments(p: argparse.ArgumentParser) -> None:
    """The options ``ebp search`` and ``ebp brief`` share."""
    p.add_argument("case", help="the case, in plain Indonesian or English")
    p.add_argument("-k", type=int, default=10, help="number of documents (default 10)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--mode", choices=["hybrid", "dense", "bm25"], default=None, help="ranking (default: hybrid)")
    p.add_argument("--language", default=None, help="only documents in this language (id, en …)")
    p.add_argument("--doc-type", choices=[t.value for t in DocType], default=None)
    p.add_argument("--year-from", type=int, default=None, help="only documents from this year on")
    p.add_argument("--year-to", type=int, default=None, help="only documents up to this year")
    p.add_argument("--design", action="append", choices=DESIGN_CHOICES, help="only this study design (repeatable)")
    p.add_argument("--min-level", type=int, default=None, help="only evidence levels 1..N (1 = strongest)")
    p.add_argument(
        "--question-type",
        choices=QUESTION_CHOICES,
        default=None,
        help="boost designs that answer this question type (see ebp copes); 'auto' takes it from the case",
    )
    p.add_argument("--no-warm", action="store_true", help="search in this process, without the warm search process")
    p.add_argument("--cluster", metavar="ADDRESS", help="ask the search app on this Ray cluster (ebp serve --cluster)")


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    if args.workers is not None:
        settings = replace(settings, workers=args.workers)
        settings.validate()
    corpus = args.corpus or settings.corpus_dir
    if not corpus.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {corpus}")
    from ebp.index.store import SHARD_MANIFEST

    if args.shards is not None or (settings.index_dir / SHARD_MANIFEST).is_file():  # ebp.cluster: no Ray either
        from ebp.cluster import commands

        return commands.index(corpus, settings, args.shards, args.rebuild)
    from tqdm import tqdm

    from ebp import ingest
    from ebp.embed.lazy import LazyEmbedder

    report = None
    with tqdm(desc="files", unit="file", file=sys.stderr, disable=None) as bar:
        # The model loads only when a file needs embedding: an unchanged folder never waits for it.
        embedder = LazyEmbedder(
            settings.model,
            settings.batch_size,
            settings.embed_precision,
            dim=None if args.rebuild else _stored_dim(settings.index_dir, settings.model),
            on_load=lambda: bar.write(f"loading model {settings.model} …", file=sys.stderr),
        )
        events = ingest.run(corpus, settings, embedder, rebuild=args.rebuild)
        if args.cluster:  # imported here only: without --cluster, ebp never imports ray (issue 16)
            from ebp.cluster.ingest import ClusterOptions, run

            events = run(corpus, settings, embedder, args.rebuild, ClusterOptions(address=args.cluster))
        for event in events:
            if isinstance(event, ingest.IngestReport):
                report = event
            elif event.stage == "scan":
                bar.total = event.total
            elif event.stage == "parse":
                bar.total = event.total
                bar.n = event.done
                bar.set_postfix_str(Path(event.path).name[-40:])
                bar.refresh()
            elif event.stage == "embed":
                bar.set_postfix_str(f"embedding {event.total} passages")
    assert report is not None  # run() always ends with a report
    for line in report.skipped:
        print(f"{line.status:14} {line.path}: {line.reason}", file=sys.stderr)
    print(
        f"documents {report.documents}, pages {report.pages}, passages {report.passages}, "
        f"embedded {report.embedded}, skipped {len(report.skipped)}, failed {len(report.failed)}, "
        f"seconds {time.perf_counter() - args.started:.1f}"
        + ("" if embedder.loaded else " (nothing to embed: model not loaded)"),
        file=sys.stderr,
    )
    return 0


def _stored_dim(index_dir: Path, spec: str) -> int | None:
    """The vector size of an existing index built by the model ``spec`` names (None otherwise)."""
    import sqlite3

    from ebp.embed import resolve
    from ebp.index.store import DB_NAME, Store

    if not (index_dir / DB_NAME).is_file():
        return None
    try:
        meta = Store(index_dir).meta()
    except sqlite3.Error:
        return None  # the ingest will say what is wrong with it
    return int(meta["dim"]) if meta.get("model") == resolve(spec).name and meta.get("dim") else None


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    return _answer("search", args, settings)


def cmd_brief(args: argparse.Namespace, settings: Settings) -> int:
    return _answer("brief", args, settings)


def _answer(command: str, args: argparse.Namespace, settings: Settings) -> int:
    """Print the answer to ``ebp search`` or ``ebp brief``: from the warm search process when it can give
    it (started from the shell on first use), else searched here, with the same text either way."""
    from ebp.answer import Request, answer
    from ebp.index.store import SHARD_MANIFEST, Store

    request = Request.from_args(command, args)
    request.validate()
    if args.cluster or (settings.index_dir / SHARD_MANIFEST).is_file():
        from ebp.cluster import commands

        print(commands.answer(request, settings, args.cluster))
        return 0
    Store.open_existing(settings.index_dir)  # one clear line when there is no index, before any model
    out = None
    if settings.warm_search and not args.no_warm:
        from ebp import warm

        out = warm.search(request, settings, start=args.from_shell)
        log.info("answered by the warm search process" if out is not None else "searching in this process")
    if out is None:
        from ebp import embed
        from ebp.retrieve.search import Searcher

        embedder = embed.load_embedder(settings.model, settings.batch_size, settings.embed_precision)
        out = answer(request, settings, Searcher(settings.index_dir, embedder))
    print(out)
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from ebp import warm

    if args.cluster:  # Ray Serve replicas of a sharded index's shards (imported only here: issue 16)
        from ebp.cluster import commands

        return commands.serve(settings, args.cluster, args.replicas)

    if args.stop:
        stopped = warm.stop(settings.index_dir)
        print("stopped the warm search process" if stopped else "no warm search process was running", file=sys.stderr)
        return 0
    if args.status:
        info = warm.status(settings.index_dir)
        if info is None or info.get("status") != "ok":
            print("no warm search process is running for this index")
            return 1
        print(
            f"warm search process {info.get('pid')}: model {info.get('model')}, index {info.get('index')}, "
            f"exits after {info.get('idle_minutes')} minutes without a search"
        )
        return 0
    if not warm.available():
        raise EbpError("the warm search process needs Unix-domain sockets, which this system does not have")
    from ebp.index.store import Store

    Store.open_existing(settings.index_dir)
    from ebp import serve

    print(
        f"warm search process for {settings.index_dir.resolve()} on {warm.socket_path(settings.index_dir)}; "
        f"exits after {settings.warm_idle_minutes:g} minutes without a search (stop: ebp serve --stop)",
        file=sys.stderr,
    )
    if not serve.run(settings):
        print("a warm search process already serves this index", file=sys.stderr)
    return 0


def cmd_copes(args: argparse.Namespace, settings: Settings) -> int:
    from ebp.retrieve.copes import copes

    question = copes(args.case)
    if args.json:
        print(json.dumps(asdict(question), ensure_ascii=False, indent=2))
    else:
        for key, value in asdict(question).items():
            print(f"{key:17} {value or '-'}")
    return 0


def cmd_describe(args: argparse.Namespace, settings: Settings) -> int:
    from ebp.present.render import record_json

    if args.jsonl:
        with args.jsonl.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise EbpError(f"{args.jsonl}:{number}: not a JSON line ({exc})") from exc
                print(json.dumps(record_json(record, settings.evidence_hierarchy), ensure_ascii=False), flush=True)
        return 0
    if args.path is None:
        raise EbpError("give a file to describe, or --jsonl FILE")
    from ebp.ingest.prepare import prepare_file
    from ebp.present.render import appraisal_json

    prepared = prepare_file(args.path, settings)
    described = {
        "path": str(args.path),
        "pages": len(prepared.doc.pages),
        **asdict(prepared.info),
        "doc_type": prepared.doc.doc_type.value,
        **appraisal_json(prepared.appraisal, settings.evidence_hierarchy, prepared.doc.doc_type),
    }
    print(json.dumps(described, ensure_ascii=False, indent=2))
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    if not args.beir.is_dir():
        raise FileNotFoundError(f"BEIR folder not found: {args.beir}")
    from ebp.bench.evaluate import run_eval
    from ebp.embed import load_embedder

    embedder = load_embedder(settings.model, settings.batch_size, settings.embed_precision)
    result = run_eval(
        args.beir,
        settings,
        embedder,
        split=args.split,
        mode=Mode(args.mode),
        queries_file=args.queries,
        index_dir=args.index,
        options=settings.search_options(),
    )
    if args.json:
        print(json.dumps(result.as_json()))
    else:
        print(
            f"{result.dataset} {result.split} ({result.queries} queries), {result.mode}, {result.model}: "
            f"nDCG@10 {result.ndcg_at_10:.4f}  recall@100 {result.recall_at_100:.4f}  MRR@10 {result.mrr_at_10:.4f}"
            f"  (index {result.index_seconds:.0f} s, {result.query_ms:.0f} ms/query)"
        )
    return 0


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    from collections import Counter

    from ebp.index.store import Store

    store = Store.open_existing(settings.index_dir)
    meta = store.meta()
    generation = int(meta.get("generation", 0))
    docs = store.all_documents(generation)
    stats: dict[str, Any] = {
        "index": str(settings.index_dir),
        "model": meta.get("model"),
        "dim": int(meta.get("dim", 0)),
        "generation": generation,
        **store.counts(generation),
        "by_language": dict(Counter(d.info.language for d in docs)),
        "by_doc_type": dict(Counter(d.doc_type.value for d in docs)),
    }
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2))
    else:
        for key, value in stats.items():
            print(f"{key:12} {value}")
    return 0
