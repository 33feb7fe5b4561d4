"""``ebp bench``: how fast ebp ingests and answers on this machine, next to txtai measured in the same run.

Every part runs in a child process (``ebp.bench.parts``) so that each peak-memory figure belongs to
that part alone. Ratios, not absolute times, are the figures to compare between machines: both
systems run one after the other on the same files, passages, model and queries.

Default run (about 15 minutes on 2 cores): ingest of ``../shared/data/pdfs/real`` by ebp and by
txtai, an unchanged re-run, query latency on that index, then synthetic indexes of 10⁴, 10⁵ and
10⁶ passages searched with real query embeddings. ``--nfcorpus`` adds the 3,633 NFCorpus PDFs.
``--cluster ADDRESS`` measures dense search over a synthetic sharded library on Ray Serve instead
(``ebp.bench.cluster``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ebp.errors import EbpError

if TYPE_CHECKING:
    from ebp.config import Settings

ROOT = Path(__file__).resolve().parents[2]  # the repository: its benchmarks/queries hold the bench queries
DEFAULT_SHARED = ROOT.parent / "shared"  # the team's shared data, beside the repository
QUERY_FILES = ("nfcorpus_dev_en.jsonl", "nfcorpus_dev_id.jsonl")
FALLBACK_QUERIES = (
    "Seorang ibu korban kekerasan dalam rumah tangga dengan dua anak membutuhkan tempat aman",
    "An older man living alone after a stroke refuses help at home",
    "Remaja 15 tahun memakai NAPZA; apakah konseling keluarga efektif?",
    "Cash transfers and school attendance of poor children",
)
SIZES = (10_000, 100_000, 1_000_000)


@dataclass
class BenchOptions:
    corpus: Path = DEFAULT_SHARED / "data" / "pdfs" / "real"
    nfcorpus: Path | None = None
    model: str = "e5-small"
    workers: int = 2
    sizes: tuple[int, ...] = SIZES
    txtai: bool = True
    work: Path | None = None
    queries: list[str] = field(default_factory=list)


def bench_queries(limit: int = 100) -> list[str]:
    """Case-like queries in English and Indonesian: the translated NFCorpus dev queries of the repo."""
    texts: list[str] = []
    for name in QUERY_FILES:
        path = ROOT / "benchmarks" / "queries" / name
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    interleaved = [t for pair in zip(texts[: len(texts) // 2], texts[len(texts) // 2 :], strict=False) for t in pair]
    return (interleaved or list(FALLBACK_QUERIES))[:limit]


def _part(name: str, **kwargs: Any) -> dict[str, Any]:
    """Run one part in a fresh Python process and return its JSON."""
    env = {**os.environ, "TOKENIZERS_PARALLELISM": "false"}
    done = subprocess.run(
        [sys.executable, "-m", "ebp.bench.parts", name, json.dumps(kwargs, default=str)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    if done.returncode != 0:
        raise EbpError(f"benchmark part {name} failed:\n{done.stderr[-2000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def machine() -> dict[str, Any]:
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if "model name" in line
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30 if hasattr(os, "sysconf") else 0.0
    return {"cpus": os.cpu_count(), "cpu": cpu, "ram_gib": round(mem, 1), "date": time.strftime("%Y-%m-%d")}


def run_bench(options: BenchOptions, say: Any = print) -> dict[str, Any]:
    """All parts, in order; ``say`` gets one line per finished part."""
    if not options.corpus.is_dir():
        raise EbpError(f"benchmark corpus not found: {options.corpus} (pass --corpus DIR)")
    queries = options.queries or bench_queries()
    with tempfile.TemporaryDirectory(prefix="ebp-bench-", dir=options.work) as tmp:
        work = Path(tmp)
        result: dict[str, Any] = {"machine": machine(), "model": options.model, "queries": len(queries)}
        started = time.perf_counter()
        ebp_run = _part(
            "ebp_ingest",
            corpus=options.corpus,
            work=work,
            model=options.model,
            workers=options.workers,
            queries=queries,
        )
        say(f"ebp ingest: {ebp_run}")
        peer = (
            _part("txtai_ingest", corpus=options.corpus, work=work, model=options.model, queries=queries)
            if options.txtai
            else None
        )
        if peer:
            say(f"txtai ingest: {peer}")
        result["ingest_real"] = {"ebp": ebp_run, "txtai": peer}
        if options.nfcorpus:
            nf_work = work / "nfcorpus"
            nf_work.mkdir()
            nf = _part(
                "ebp_ingest", corpus=options.nfcorpus, work=nf_work, model=options.model, workers=options.workers,
                queries=queries,
            )  # fmt: skip
            say(f"ebp ingest (NFCorpus PDFs): {nf}")
            result["ingest_nfcorpus"] = {"ebp": nf}
        scale = {}
        for n in options.sizes:
            built = _part("scale_build", work=work, n=n, exact_below=_exact_below())
            queried = _part("scale_query", work=work, n=n, model=options.model, queries=queries)
            scale[n] = {**built, **queried}
            say(f"{n:>9,} passages: {scale[n]}")
            for stale in work.glob(f"scale-{n}*"):
                stale.unlink()
        result["scale"] = {str(n): v for n, v in scale.items()}
        result["seconds"] = round(time.perf_counter() - started, 1)
    result["summary"] = summary(result)
    return result


def _exact_below() -> int:
    from ebp.config import Settings

    return Settings.from_env().exact_search_below


def summary(result: dict[str, Any]) -> dict[str, Any]:
    """The figures checks rely on: ingest speed, ratios to txtai, p95 latency, recall, memory."""
    ebp_run, peer = result["ingest_real"]["ebp"], result["ingest_real"]["txtai"]
    scale = result["scale"]
    key = {"10000": "1e4", "100000": "1e5", "1000000": "1e6"}
    out: dict[str, Any] = {
        "ingest": {
            "pages_per_s": ebp_run["parse_pages_per_s"],
            "passages_per_s": ebp_run["passages_per_s_embedded"],
            "passages_per_s_end_to_end": ebp_run["passages_per_s_end_to_end"],
            "wall_s": ebp_run["ingest_s"],
            "peak_rss_mib": ebp_run["peak_rss_mib"],
            "rerun_fraction": round(ebp_run["rerun_s"] / ebp_run["ingest_s"], 4),
            "txtai_ratio": (
                round(ebp_run["passages_per_s_end_to_end"] / peer["passages_per_s_end_to_end"], 2) if peer else None
            ),
            "txtai_embed_ratio": (
                round(ebp_run["passages_per_s_embedded"] / peer["passages_per_s_embedded"], 2) if peer else None
            ),
        },
        "query_p95_ms": {key.get(n, n): v["p95_ms"] for n, v in scale.items()},
        "query_p50_ms": {key.get(n, n): v["p50_ms"] for n, v in scale.items()},
        "recall_at_10_vs_exact": {key.get(n, n): v["recall_at_10_vs_exact"] for n, v in scale.items()},
        "rss_mib": {key.get(n, n): v["rss_mib"] for n, v in scale.items()},
        "disk_mib": {key.get(n, n): v["disk_mib"] for n, v in scale.items()},
        "index_kind": {key.get(n, n): v["kind"] for n, v in scale.items()},
        "real_corpus_query_p95_ms": {
            "ebp_hybrid": ebp_run["query"]["p95_ms"],
            "txtai_dense": peer["query"]["p95_ms"] if peer else None,
        },
    }
    if "ingest_nfcorpus" in result:
        nf = result["ingest_nfcorpus"]["ebp"]
        out["ingest_nfcorpus"] = {
            "pages_per_s": nf["parse_pages_per_s"],
            "passages_per_s": nf["passages_per_s_embedded"],
            "wall_s": nf["ingest_s"],
            "peak_rss_mib": nf["peak_rss_mib"],
            "rerun_fraction": round(nf["rerun_s"] / nf["ingest_s"], 4),
        }
    return out


def format_table(result: dict[str, Any]) -> str:
    """A plain-text report of a ``run_bench`` result."""
    s, m = result["summary"], result["machine"]
    ing = s["ingest"]
    lines = [
        f"machine: {m['cpus']} CPUs ({m['cpu']}), {m['ram_gib']} GiB, {m['date']}; model {result['model']}",
        f"ingest (real PDFs): parse {ing['pages_per_s']} pages/s, embed {ing['passages_per_s']} passages/s, "
        f"end to end {ing['passages_per_s_end_to_end']} passages/s in {ing['wall_s']} s, "
        f"peak {ing['peak_rss_mib']} MiB",
        f"unchanged re-run: {ing['rerun_fraction']:.1%} of the first run",
    ]
    if ing["txtai_ratio"] is not None:
        q = s["real_corpus_query_p95_ms"]
        lines.append(
            f"ebp/txtai: ingest throughput ×{ing['txtai_ratio']} (embedding alone ×{ing['txtai_embed_ratio']}); "
            f"query p95 {q['ebp_hybrid']} ms (hybrid) vs {q['txtai_dense']} ms (dense)"
        )
    if "ingest_nfcorpus" in s:
        nf = s["ingest_nfcorpus"]
        lines.append(
            f"ingest (NFCorpus PDFs): parse {nf['pages_per_s']} pages/s, embed {nf['passages_per_s']} passages/s, "
            f"{nf['wall_s']} s, peak {nf['peak_rss_mib']} MiB; unchanged re-run {nf['rerun_fraction']:.1%}"
        )
    lines.append("passages | index | p50 ms | p95 ms | recall@10 vs exact | RSS MiB | disk MiB")
    for n in s["query_p95_ms"]:
        lines.append(
            f"{n} | {s['index_kind'][n]} | {s['query_p50_ms'][n]} | {s['query_p95_ms'][n]} | "
            f"{s['recall_at_10_vs_exact'][n]} | {s['rss_mib'][n]} | {s['disk_mib'][n]}"
        )
    lines.append(f"total {result['seconds']} s")
    return "\n".join(lines)


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """The ``ebp bench`` subcommand."""
    p = sub.add_parser("bench", parents=[common], help="ingest and query speed on this machine, next to txtai")
    p.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder (default: ../shared)")
    p.add_argument("--corpus", type=Path, default=None, help="PDF folder to ingest (default: SHARED/data/pdfs/real)")
    p.add_argument("--nfcorpus", action="store_true", help="also ingest the 3,633 NFCorpus PDFs of SHARED")
    p.add_argument("--sizes", default="1e4,1e5,1e6", help="synthetic index sizes (default 1e4,1e5,1e6)")
    p.add_argument("--no-txtai", action="store_true", help="skip the txtai peer")
    p.add_argument("--workers", type=int, default=2, help="parallel parsing processes (default 2)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    cluster = p.add_argument_group("dense search on Ray Serve over a synthetic sharded library (ebp.bench.cluster)")
    cluster.add_argument("--cluster", metavar="ADDRESS", help="measure on this Ray cluster ('local': one here)")
    cluster.add_argument("--passages", default="1e7", help="with --cluster: synthetic passages (default 1e7)")
    cluster.add_argument("--shards", type=int, default=10, help="with --cluster: shards (default 10)")
    cluster.add_argument("--replicas", type=int, default=2, help="with --cluster: replicas of each shard (default 2)")
    cluster.add_argument("--queries", type=int, default=100, help="with --cluster: cases asked (default 100)")
    cluster.add_argument("--work", type=Path, default=None, help="with --cluster: folder for the shards (shared)")
    p.set_defaults(func=cmd_bench)


def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    if args.cluster:  # imported only here: without --cluster, ebp never imports ray (issue 16)
        from ebp.bench.cluster import ClusterBenchOptions, format_cluster, run_cluster_bench

        try:
            passages = int(float(args.passages))
        except ValueError:
            raise EbpError(f"--passages takes a number such as 1e6, got {args.passages!r}") from None
        cluster = ClusterBenchOptions(args.cluster, passages, args.shards, args.replicas, args.queries, args.work)
        with contextlib.redirect_stdout(sys.stderr):  # Ray's own warnings print to stdout: keep it for the figures
            figures = run_cluster_bench(cluster, settings, bench_queries(), say=print)
        print(json.dumps(figures) if args.json else format_cluster(figures))
        return 0
    options = BenchOptions(
        model=settings.model,
        workers=args.workers,
        sizes=tuple(int(float(n)) for n in args.sizes.split(",") if n.strip()),
        txtai=not args.no_txtai,
        nfcorpus=args.shared / "data" / "pdfs" / "nfcorpus" if args.nfcorpus else None,
        corpus=args.corpus or args.shared / "data" / "pdfs" / "real",
    )
    result = run_bench(options, say=lambda line: print(line, file=sys.stderr))
    print(json.dumps(result["summary"] | {"machine": result["machine"]}) if args.json else format_table(result))
    return 0
