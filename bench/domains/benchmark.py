"""Time `gpai-docs domains` against two baselines on the same crawl log, in one run.

Contenders (each runs as its own subprocess; peak memory is that process's
``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``, read by a small wrapper process):

* ``gpai-docs``: the library call behind ``gpai-docs domains LOG --out ...``;
* ``plain-python``: ``csv`` + ``urllib.parse`` + a ``dict`` of sizes per host, then the
  same Public Suffix List lookup once per distinct host (the "no engine" baseline);
* ``duckdb-sql``: one hand-written DuckDB query that only aggregates size per
  lowercased host (no PSL, no bad-row accounting): the engine's floor.

    python bench/domains/generate.py            # once: bench/data/crawl_20m.csv
    python bench/domains/benchmark.py            # prints a Markdown table

Targets: gpai-docs at least 6x faster than plain Python, within 1.3x of the SQL query,
peak memory at most 2 GB at 100 M rows.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT / "bench" / "data" / "crawl_20m.csv"

GPAI_DOCS = """
import sys
from gpai_docs.crawlstats import run_domains
result = run_domains([sys.argv[1]], sys.argv[2])
print(result.summary["distinct_domains"])
"""

PLAIN_PYTHON = """
import csv, sys
from urllib.parse import urlsplit
from publicsuffixlist import PublicSuffixList
sizes = {}
with open(sys.argv[1], newline="", encoding="utf-8", errors="replace") as handle:
    reader = csv.reader(handle)
    next(reader)
    for row in reader:
        try:
            url, size = row[0], int(row[1])
            host = urlsplit(url if "//" in url else "//" + url).hostname
        except (ValueError, IndexError):
            continue
        if host and size >= 0:
            sizes[host] = sizes.get(host, 0) + size
psl = PublicSuffixList()
domains = {}
for host, size in sizes.items():
    domain = psl.privatesuffix(host)
    if domain:
        domains[domain] = domains.get(domain, 0) + size
print(len(domains))
"""

DUCKDB_SQL = """
import sys, duckdb
con = duckdb.connect(config={"memory_limit": "1GB"})
con.execute("SET enable_progress_bar = false")
rows = con.execute(
    "SELECT lower(regexp_extract(url, '^(?:[A-Za-z][A-Za-z0-9+.-]*://)?([^/:?#@]+)', 1)) AS host,"
    " sum(TRY_CAST(size AS BIGINT)) AS size"
    " FROM read_csv(?, header = true, all_varchar = true) GROUP BY host",
    [sys.argv[1]],
).fetchall()
print(len(rows))
"""

CONTENDERS = {"gpai-docs": GPAI_DOCS, "plain-python": PLAIN_PYTHON, "duckdb-sql": DUCKDB_SQL}


def measure(name: str, log: Path, out: Path) -> dict[str, float | str]:
    """Run one contender as a child of this process; report time and peak memory."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "CI": "1"}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CONTENDERS[name], str(log), str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": seconds, "peak_mb": peak_kib / 1024, "result": done.stdout.strip()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("log", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--only", choices=sorted(CONTENDERS), action="append")
    parser.add_argument("--measure", choices=sorted(CONTENDERS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.log.exists():
        sys.exit(f"{args.log} not found: run bench/domains/generate.py first")
    if args.measure:  # wrapper process: one contender, so RUSAGE_CHILDREN is its own
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(measure(args.measure, args.log, Path(tmp) / "domains.csv")))
        return
    results = {}
    for name in args.only or ["gpai-docs", "duckdb-sql", "plain-python"]:
        wrapper = [sys.executable, __file__, str(args.log), "--measure", name]
        done = subprocess.run(wrapper, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"{name} failed:\n{done.stderr}")
        results[name] = json.loads(done.stdout)
        print(f"{name}: {results[name]['seconds']:.1f} s", file=sys.stderr, flush=True)
    ours = float(results.get("gpai-docs", {}).get("seconds", 0)) or None
    size_mb = args.log.stat().st_size / 1e6
    print(f"\n{args.log.name} ({size_mb:,.0f} MB), {os.cpu_count()} cores\n")
    print("| contender | seconds | vs gpai-docs | peak memory (MB) | distinct keys |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, r in results.items():
        ratio = f"{float(r['seconds']) / ours:.2f}x" if ours else "-"
        print(
            f"| {name} | {float(r['seconds']):.1f} | {ratio} | {float(r['peak_mb']):,.0f} "
            f"| {r['result']} |"
        )


if __name__ == "__main__":
    main()
