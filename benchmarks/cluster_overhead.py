"""What ``ebp index --cluster local`` costs over the laptop's ``ebp index`` on the same files (issue 16).

    .venv-cluster/bin/python benchmarks/cluster_overhead.py [--n 10] [--files DIR] [--json]

Copies the first ``--n`` PDFs of ``--files`` (default: the NFCorpus PDFs in ../shared) into a temporary
corpus, then indexes it twice in the same run, each time into a new index folder and in a new
process: the laptop's ``ebp index``, then ``ebp index --cluster local``. For each it reports the wall
time and the peak memory of the whole process tree (the command and every process under it: Ray's
raylet, GCS and actors are started by the command), as the sum of the processes' RSS sampled every
0.2 s. Shared pages (the model in several processes, Ray's object store) count once per process, so
the cluster's figure is an upper bound. Needs the ``cluster`` extra; nothing else runs on Ray.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = 4096


def tree_rss(root: int) -> int:
    """Bytes of resident memory of ``root`` and all its descendants, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        pid = int(stat.parent.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * PAGE
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def measure(command: list[str]) -> dict[str, float]:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.2)
    wall = time.perf_counter() - started
    _, err = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err[-3000:]}")
    summary = [line for line in err.splitlines() if line.startswith("documents ")]
    return {"wall_s": round(wall, 1), "peak_rss_gb": round(peak / 2**30, 2), "summary": summary[-1] if summary else ""}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=Path, default=ROOT.parent / "shared/data/pdfs/nfcorpus/files")
    parser.add_argument("--n", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ebp-cluster-bench-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for pdf in sorted(args.files.glob("*.pdf"))[: args.n]:
            shutil.copy(pdf, corpus / pdf.name)
        ebp = [sys.executable, "-m", "ebp", "index", str(corpus)]
        results = {
            "files": args.n,
            "laptop": measure([*ebp, "--index", str(Path(tmp) / "laptop")]),
            "cluster": measure([*ebp, "--index", str(Path(tmp) / "cluster"), "--cluster", "local"]),
        }
    results["overhead"] = {
        "wall_s": round(results["cluster"]["wall_s"] - results["laptop"]["wall_s"], 1),
        "peak_rss_gb": round(results["cluster"]["peak_rss_gb"] - results["laptop"]["peak_rss_gb"], 2),
    }
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name in ("laptop", "cluster", "overhead"):
            row = results[name]
            figures = f"wall {row['wall_s']:7.1f} s   peak RSS {row['peak_rss_gb']:5.2f} GB"
            print(f"{name:9} {figures}   {row.get('summary', '')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
