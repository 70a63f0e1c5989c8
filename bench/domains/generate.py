"""Write a synthetic crawl log for the `gpai-docs domains` benchmark.

Hosts follow a Zipf-like (log-uniform rank) distribution over a suffix mix close to a
web crawl (.com, .org, .net, .co.uk, .de, .com.au, github.io), with subdomains, case
variants, ports, userinfo, IP hosts and about 0.2 % bad rows. The output is a pure
function of --rows, --domains and --seed: DuckDB builds it from hash(row, seed), so
it is deterministic and takes seconds, not minutes.

    python bench/domains/generate.py                 # 20 M rows -> bench/data/crawl_20m.csv
    python bench/domains/generate.py --rows 100000000
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import duckdb

DATA = Path(__file__).resolve().parents[1] / "data"

# One row per domain rank class: rank % 20 picks the suffix.
SUFFIXES = [".com"] * 9 + [".org", ".net"] + [".co.uk"] * 3 + [".de"] * 3
SUFFIXES += [".github.io", ".com.au", ".fr"]

SQL = """
COPY (
  WITH r AS (
    SELECT i,
           hash(i, {seed}) AS h1,
           hash(i, {seed} + 1) AS h2,
           hash(i, {seed} + 2) AS h3
    FROM range({rows}) t(i)
  ), d AS (
    SELECT i, h2, h3,
           -- log-uniform rank in [1, domains]: P(rank = k) ~ 1/k (Zipf, s = 1)
           CAST(floor(exp((h1 % 1000000007) / 1000000007.0 * ln({domains}))) AS BIGINT) AS k
    FROM r
  )
  SELECT
    CASE
      WHEN h3 % 1000 = 0 THEN 'not a url'
      WHEN h3 % 1000 = 1 THEN ''
      WHEN h3 % 100 = 2 THEN 'http://10.' || (h2 % 256) || '.' || (h3 % 256) || '.7/x'
      WHEN h3 % 1000 = 3 THEN 'http://[2001:db8::' || (h2 % 9999) || ']/x'
      ELSE
        (CASE WHEN h3 % 7 = 0 THEN 'http://' ELSE 'https://' END)
        || (CASE WHEN h3 % 199 = 0 THEN 'user:pw@' ELSE '' END)
        || (CASE h2 % 5 WHEN 0 THEN 'www.' WHEN 1 THEN '' WHEN 2 THEN 'news.'
            WHEN 3 THEN 'cdn' || (h2 % 3) || '.' ELSE '' END)
        || (CASE WHEN h3 % 53 = 0 THEN 'SITE' ELSE 'site' END) || k
        || {suffix_expr}
        || (CASE WHEN h3 % 211 = 0 THEN ':8080' ELSE '' END)
        || '/p/' || (h2 % 100000)
    END AS url,
    CASE
      WHEN h3 % 1000 = 4 THEN 'n/a'
      WHEN h3 % 1000 = 5 THEN '-' || (h2 % 5000)
      ELSE CAST(200 + (h2 % 60000) AS VARCHAR)
    END AS size
  FROM d
  ORDER BY i
) TO '{out}' (FORMAT CSV, HEADER true)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=20_000_000)
    parser.add_argument("--big", action="store_true", help="100 million rows")
    parser.add_argument("--domains", type=int, default=200_000, help="domain ranks to draw from")
    parser.add_argument("--seed", type=int, default=20251121)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    rows = 100_000_000 if args.big else args.rows
    out = args.out or DATA / f"crawl_{rows // 1_000_000}m.csv"
    out.parent.mkdir(parents=True, exist_ok=True)
    cases = " ".join(f"WHEN {n} THEN '{s}'" for n, s in enumerate(SUFFIXES))
    suffix_expr = f"(CASE k % {len(SUFFIXES)} {cases} END)"
    start = time.perf_counter()
    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = true")
    sql = SQL.format(
        seed=args.seed, rows=rows, domains=args.domains, suffix_expr=suffix_expr, out=out
    )
    con.execute(sql)
    size_mb = out.stat().st_size / 1e6
    print(f"wrote {out} ({rows:,} rows, {size_mb:,.0f} MB) in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
