"""``ebp curate``: screening projects from the shell, and the simulation that benchmarks the screening.

ebp curate import FILE... --project NAME --topic "…"   deduplicate, appraise, embed, store a project
ebp curate status NAME [--json]                        records, decisions, includes, estimate left
ebp curate simulate --csv FILE --label-column COL --topic "…" [--seed N] [--prior-ids ID …] --json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ebp.errors import EbpError

if TYPE_CHECKING:
    import numpy as np

    from ebp.config import Settings
    from ebp.embed import Embedder

log = logging.getLogger(__name__)


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``ebp curate import|status|simulate``."""
    p = sub.add_parser("curate", help="screen a large set of records with active learning (reading lists)")
    curate = p.add_subparsers(dest="curate_command", required=True)

    q = curate.add_parser("import", parents=[common], help="start a screening project from RIS/BibTeX/CSV files")
    q.add_argument("files", type=Path, nargs="+")
    q.add_argument("--project", required=True, help="the project's name")
    q.add_argument("--topic", default="", help="the seminar's topic, Indonesian or English (ranks the records)")
    q.set_defaults(func=cmd_import)

    q = curate.add_parser("status", parents=[common], help="how far a screening project is")
    q.add_argument("project")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_status)

    q = curate.add_parser("simulate", parents=[common], help="replay a labelled CSV: WSS@95, WSS@100, recall@10%")
    q.add_argument("--csv", type=Path, required=True, help="records with a label column (1 = include)")
    q.add_argument("--label-column", required=True)
    q.add_argument("--topic", default="", help="the review's topic (the cold start ranks by it)")
    q.add_argument("--seed", type=int, default=0, help="draws the prior records when --prior-ids is not given")
    q.add_argument("--prior-ids", nargs="*", default=None, help="ids (the CSV's id column) labelled before screening")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_simulate)


def _embedder(settings: Settings) -> Embedder:
    from ebp.embed import load_embedder

    return load_embedder(settings.model, settings.batch_size, settings.embed_precision)


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    from ebp.curate.project import Projects
    from ebp.curate.records import read_files
    from ebp.curate.workflow import create_project

    result = read_files(args.files)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if not result.records:
        raise EbpError("no records to import")
    name, dedup = create_project(
        Projects.in_index(settings.index_dir),
        args.project,
        args.topic,
        result.records,
        _embedder(settings),
        on_progress=lambda done, total: print(f"embedded {done}/{total}", file=sys.stderr),
    )
    for merge in dedup.merges:
        print(f"merged {', '.join(merge.merged)} into {merge.kept} ({', '.join(merge.reasons)})")
    print(f"{name}: {len(dedup.records)} records ({len(result.records)} read, {len(dedup.merges)} merged)")
    return 0


def cmd_status(args: argparse.Namespace, settings: Settings) -> int:
    from ebp.curate.project import Projects
    from ebp.curate.workflow import Screening

    projects = Projects.in_index(settings.index_dir)
    screening = Screening.open(projects, args.project, _embedder(settings))
    state = screening.progress(screening.ranking())
    data = {
        "project": args.project,
        "records": state.total,
        "screened": state.screened,
        "included": state.included,
        "remaining_estimate": round(state.remaining_estimate, 1),
        "stop_suggested": state.stop_suggested,
    }
    print(json.dumps(data) if args.json else "\n".join(f"{k:19} {v}" for k, v in data.items()))
    return 0


def cached_vectors(texts: list[str], embedder: Embedder, cache_dir: Path) -> np.ndarray:
    """The e5 vectors of ``texts``, read from ``cache_dir`` when the same texts were embedded by the same model."""
    import numpy as np

    from ebp.curate.screen import embed_records

    digest = hashlib.sha256("\x1e".join([embedder.name, *texts]).encode()).hexdigest()[:20]
    path = cache_dir / f"{digest}.npy"
    if path.exists():
        return np.load(path)
    vectors = embed_records(texts, embedder)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npy")
    np.save(tmp, vectors)
    tmp.replace(path)
    return vectors


def cmd_simulate(args: argparse.Namespace, settings: Settings) -> int:
    from ebp.curate.records import read_records
    from ebp.curate.screen import build_features
    from ebp.curate.simulate import prior_rows, simulate

    try:
        result = read_records(args.csv.read_bytes(), args.csv.name)
    except OSError as exc:
        raise EbpError(f"{args.csv}: {exc.strerror or exc}") from exc
    records = result.records
    try:
        labels = [int(float(r.extra[args.label_column])) for r in records]
    except (KeyError, ValueError) as exc:
        raise EbpError(f"{args.csv}: column {args.label_column!r} missing or not 0/1 in some row ({exc})") from exc
    if args.prior_ids:
        row_of = {r.key: i for i, r in enumerate(records)}
        unknown = [i for i in args.prior_ids if i not in row_of]
        if unknown:
            raise EbpError(f"--prior-ids not in the CSV's id column: {', '.join(unknown)}")
        prior = [row_of[i] for i in args.prior_ids]
    else:
        prior = prior_rows(labels, args.seed)
    embedder = _embedder(settings)
    texts = [r.text for r in records]
    vectors = cached_vectors(texts, embedder, Path.home() / ".cache" / "ebp" / "curate")
    metrics = simulate(build_features(texts, vectors, args.topic, embedder), labels, prior)
    data = {
        "records": len(records),
        "included": sum(labels),
        "prior_ids": [records[i].key for i in prior],
        "seed": args.seed,
        "wss95": round(metrics.wss95, 4),
        "wss100": round(metrics.wss100, 4),
        "recall_at_10pct": round(metrics.recall_at_10, 4),
        "seconds_per_decision": round(metrics.seconds_per_decision, 4),
    }
    print(json.dumps(data) if args.json else "\n".join(f"{k:21} {v}" for k, v in data.items()))
    return 0
