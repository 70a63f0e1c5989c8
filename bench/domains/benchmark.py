"""Time `gpai-docs domains` against floors and baselines on the same crawl log, in one run.

Each contender runs as its own subprocess, started by a small wrapper process, so the
wrapper's ``getrusage(RUSAGE_CHILDREN)`` is that contender's alone: peak memory
(``ru_maxrss``) and CPU seconds (user + system). Contenders are interleaved round by
round (A B C, A B C, ...) so that drift on a shared machine hits all of them; the
table gives medians and ratios of medians.

* ``scan``: DuckDB reads the CSV and sums the sizes (the floor of any CSV reader);
* ``split_part``: DuckDB groups rows by ``split_part(url, '/', 3)`` with summed sizes,
  kept as a table (the floor of any host grouping);
* ``gpai-docs``: the library call behind ``gpai-docs domains LOG --out ...``, with the
  suffix list, IP and bad-row accounting, modalities and both output files;
* ``duckdb-sql``: the earlier baseline, ``lower(regexp_extract(url, ...))`` grouping,
  fetched into Python;
* ``spark``: the same library call with ``--engine spark --master local[N]``;
* ``plain-python``: ``csv`` + ``urllib.parse`` + a ``dict`` per host, then the suffix
  list per distinct host (the "no engine" baseline).

    python bench/domains/generate.py             # once: bench/data/crawl_20m.csv
    python bench/domains/benchmark.py             # prints a Markdown table
    python bench/domains/benchmark.py --rounds 5 --only gpai-docs --only split_part

Targets: gpai-docs at most 1.3x split_part, at least 25x faster than plain Python,
at most 1 GB peak memory at 100 M rows.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT / "bench" / "data" / "crawl_20m.csv"

# all_varchar, not an explicit VARCHAR schema: with the latter DuckDB 2.0 pushes the
# TRY_CAST into the reader as a strict cast and fails on "n/a" (duckdb/duckdb#23818).
_READ = "read_csv(?, header = true, all_varchar = true)"

SCAN = f"""
import sys, duckdb
con = duckdb.connect(config={{"memory_limit": "1GB"}})
con.execute("SET enable_progress_bar = false")
print(con.execute("SELECT sum(TRY_CAST(size AS BIGINT)) FROM {_READ}", [sys.argv[1]]).fetchone()[0])
"""

SPLIT_PART = f"""
import sys, duckdb
con = duckdb.connect(config={{"memory_limit": "1GB", "preserve_insertion_order": False}})
con.execute("SET enable_progress_bar = false")
con.execute(
    "CREATE TEMP TABLE hosts AS SELECT split_part(url, '/', 3) AS host,"
    " sum(TRY_CAST(size AS BIGINT)) AS size FROM {_READ} GROUP BY host",
    [sys.argv[1]],
)
print(con.execute("SELECT count(*) FROM hosts").fetchone()[0])
"""

GPAI_DOCS = """
import sys
from gpai_docs.crawlstats import run_domains
result = run_domains([sys.argv[1]], sys.argv[2])
print(result.summary["distinct_domains"])
"""

SPARK = """
import os, sys
from gpai_docs.crawlstats import Options, run_domains
master = f"local[{os.cpu_count()}]"
options = Options(engine="spark", spark_master=master)
result = run_domains([sys.argv[1]], sys.argv[2], options=options)
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

CONTENDERS = {
    "scan": SCAN,
    "split_part": SPLIT_PART,
    "gpai-docs": GPAI_DOCS,
    "duckdb-sql": DUCKDB_SQL,
    "spark": SPARK,
    "plain-python": PLAIN_PYTHON,
}
#: Slow contenders run once, not every round.
ONCE = {"spark", "plain-python"}


def measure(name: str, log: Path, out: Path) -> dict[str, float | str]:
    """Run one contender as a child of this process; report time, CPU and peak memory."""
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
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "seconds": seconds,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "result": done.stdout.strip().splitlines()[-1],
    }


def _run(name: str, log: Path) -> dict[str, float | str]:
    wrapper = [sys.executable, __file__, str(log), "--measure", name]
    done = subprocess.run(wrapper, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{name} failed:\n{done.stderr}")
    result: dict[str, float | str] = json.loads(done.stdout)
    return result


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("log", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--only", choices=sorted(CONTENDERS), action="append")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds [3]")
    parser.add_argument("--measure", choices=sorted(CONTENDERS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.log.exists():
        sys.exit(f"{args.log} not found: run bench/domains/generate.py first")
    if args.measure:  # wrapper process: one contender, so RUSAGE_CHILDREN is its own
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(measure(args.measure, args.log, Path(tmp) / "domains.csv")))
        return
    names = args.only or list(CONTENDERS)
    runs: dict[str, list[dict[str, float | str]]] = {name: [] for name in names}
    for round_number in range(args.rounds):
        for name in names:
            if name in ONCE and round_number:
                continue
            result = _run(name, args.log)
            runs[name].append(result)
            print(
                f"round {round_number + 1}: {name} {float(result['seconds']):.1f} s",
                file=sys.stderr,
            )
    med = {n: statistics.median(float(r["seconds"]) for r in rs) for n, rs in runs.items()}
    cpu = {n: statistics.median(float(r["cpu"]) for r in rs) for n, rs in runs.items()}
    floor = med.get("split_part")
    ours = med.get("gpai-docs")
    size_mb = args.log.stat().st_size / 1e6
    print(f"\n{args.log.name} ({size_mb:,.0f} MB), {os.cpu_count()} cores, {args.rounds} rounds\n")
    print(
        "| contender | median s | runs (s) | CPU s | vs split_part | vs gpai-docs "
        "| peak MB | result |"
    )
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for name, rs in runs.items():
        each = " ".join(f"{float(r['seconds']):.1f}" for r in rs)
        peak = max(float(r["peak_mb"]) for r in rs)
        print(
            f"| {name} | {med[name]:.2f} | {each} | {cpu[name]:.1f} "
            f"| {_ratio(med[name], floor) if floor else '-'} "
            f"| {_ratio(med[name], ours) if ours else '-'} | {peak:,.0f} | {rs[-1]['result']} |"
        )


if __name__ == "__main__":
    main()
