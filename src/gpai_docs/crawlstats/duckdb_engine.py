"""The default engine: DuckDB reads the logs and reduces rows to hosts in SQL.

Three steps, all inside one in-process DuckDB with a memory limit and a spill folder:

1. rows -> (URL authority, bad-row reason, modality) groups with row counts and size
   sums; bad sizes are classified here, CSV lines DuckDB cannot parse land in a
   rejects table (invalid UTF-8 is counted as ``bad_encoding``);
2. each authority is normalised in SQL (userinfo, port, trailing dot, case) and, when
   it is a plain ASCII name and not an IPv4 address, replaced by its shortest tail
   with the same registrable domain (see :mod:`gpai_docs.crawlstats.suffixes`);
3. groups by key are streamed to Python, which runs the Public Suffix List lookup
   once per distinct key.
"""

from __future__ import annotations

import csv
import gzip
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from gpai_docs.crawlstats.errors import CrawlStatsError
from gpai_docs.crawlstats.hosts import AUTHORITY_RE
from gpai_docs.crawlstats.model import (
    Columns,
    Format,
    KeyRow,
    Options,
    ProgressCallback,
    Source,
)
from gpai_docs.crawlstats.sources import resolve_columns
from gpai_docs.crawlstats.suffixes import tails

_FETCH = 50_000
REJECTS = ", store_rejects = true, rejects_table = 'gd_rejects', rejects_scan = 'gd_scans'"
_T = TypeVar("_T")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def csv_header(path: Path, delimiter: str) -> list[str]:
    """Column names from the first line of a (possibly gzip) CSV or TSV file."""
    opener = gzip.open if path.suffix.lower() == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="replace", newline="") as handle:
            first = next(csv.reader(handle, delimiter=delimiter), [])
    except (OSError, EOFError, csv.Error) as exc:
        raise CrawlStatsError(
            f"{path}: cannot read the header line: {exc}",
            hint="check that the file is a complete CSV/TSV file (gzip if it ends in .gz)",
        ) from exc
    return [name.strip().lstrip("\ufeff") for name in first]


def _reader(
    fmt: Format,
    files: Sequence[Path],
    columns: Columns | None,
    header: Sequence[str] = (),
    rejects: bool = False,
) -> str:
    paths = "[" + ", ".join(_lit(str(f)) for f in files) + "]"
    if fmt in ("csv", "tsv"):
        delim = "\\t" if fmt == "tsv" else ","
        spec = ", ".join(f"{_lit(n)}: 'VARCHAR'" for n in header)
        return (
            f"read_csv({paths}, header = true, auto_detect = false, delim = E'{delim}', "
            f"quote = '\"', escape = '\"', compression = 'auto', columns = {{{spec}}}"
            + (REJECTS if rejects else "")
            + ")"
        )
    if fmt == "jsonl":
        spec = ""
        if columns is not None:
            names = [columns.url, columns.size] + ([columns.modality] if columns.modality else [])
            spec = ", columns = {" + ", ".join(f"{_lit(n)}: 'VARCHAR'" for n in names) + "}"
        return (
            f"read_json({paths}, format = 'newline_delimited', ignore_errors = true, "
            f"compression = 'auto'{spec})"
        )
    return f"read_parquet({paths})"


# A bad row's reason travels in the authority column behind a leading space, which no
# authority can have (the pattern consumes leading whitespace): one group key, not two.
_STAGE1 = """
INSERT INTO gd_auth
SELECT auth, {mod_out}, count(*) AS n, coalesce(sum(s), 0) AS size FROM (
  SELECT CASE WHEN s IS NULL THEN
                CASE WHEN {malformed} THEN ' malformed_record'
                     WHEN sr IS NULL OR trim(sr) = '' THEN ' missing_size'
                     ELSE ' non_numeric_size' END
              WHEN s < 0 THEN ' negative_size'
              ELSE regexp_extract(u, {re}, 1) END AS auth,
         {mod_in}
         CASE WHEN s >= 0 THEN s END AS s
  FROM (
    SELECT CAST({url} AS VARCHAR) AS u, CAST({size} AS VARCHAR) AS sr,
           TRY_CAST({size} AS BIGINT) AS s{mod}
    FROM {reader}
  )
) GROUP BY {group}
"""

_STAGE2 = r"""
CREATE OR REPLACE TEMP TABLE gd_keys AS
WITH norm AS (
  SELECT CASE WHEN prefix(auth, ' ') THEN NULL ELSE auth END AS auth,
         CASE WHEN prefix(auth, ' ') THEN substr(auth, 2) END AS reason, mod, n, size,
         rtrim(lower(regexp_replace(regexp_replace(trim(auth), '^.*@', ''), ':[0-9]*$', '')),
               '.') AS h
  FROM gd_auth
), flagged AS (
  SELECT *,
    h <> '' AND length(h) <= 253
      AND regexp_full_match(h, '[a-z0-9_-]+(\.[a-z0-9_-]+)*')
      AND NOT regexp_full_match(h, '[0-9.]+')
      AND NOT regexp_matches(h, '[^.]{64}') AS plain,
    regexp_extract(h, '[^.]*$') AS l1,
    regexp_extract(h, '[^.]+\.[^.]+$') AS l2,
    regexp_extract(h, '[^.]+\.[^.]+\.[^.]+$') AS l3,
    length(h) - length(replace(h, '.', '')) + 1 AS nlabels
  FROM norm
)
SELECT
  CASE WHEN NOT coalesce(plain, false) THEN auth
       WHEN nlabels < 3 THEN h
       WHEN NOT (l2 IN (SELECT t FROM gd_e2) OR l1 IN (SELECT t FROM gd_w2)) THEN l2
       WHEN nlabels > 3 AND NOT (l3 IN (SELECT t FROM gd_e3) OR l2 IN (SELECT t FROM gd_w3))
         THEN l3
       ELSE h END AS key,
  reason, mod, coalesce(plain, false) AS plain, n, size
FROM flagged
"""

_STAGE3 = "SELECT key, reason, mod, plain, sum(n), sum(size) FROM gd_keys GROUP BY ALL"


class DuckDBScan:
    """One DuckDB session over a set of files; use as a context manager."""

    def __init__(self, options: Options, progress: ProgressCallback | None = None) -> None:
        self.options = options
        self.progress = progress
        base = str(options.temp_directory) if options.temp_directory else None
        self._tmp = tempfile.mkdtemp(prefix="gpai-docs-duckdb-", dir=base)
        config: dict[str, Any] = {
            "memory_limit": options.memory_limit,
            "temp_directory": self._tmp,
            "autoinstall_known_extensions": False,
            "preserve_insertion_order": False,
        }
        if options.threads:
            config["threads"] = options.threads
        try:
            self.con = duckdb.connect(":memory:", config=config)
        except duckdb.Error as exc:
            shutil.rmtree(self._tmp, ignore_errors=True)
            raise CrawlStatsError(
                f"cannot start DuckDB: {exc}", hint="check --memory-limit and --threads"
            ) from exc
        self.con.execute(f"SET enable_progress_bar = {str(progress is not None).lower()}")
        self.con.execute("SET enable_progress_bar_print = false")
        t = tails()
        for name, values in (
            ("gd_e2", t.exact2),
            ("gd_e3", t.exact3),
            ("gd_w2", t.wild2),
            ("gd_w3", t.wild3),
        ):
            self.con.execute(
                f"CREATE TEMP TABLE {name} AS SELECT unnest($1::VARCHAR[]) AS t", [sorted(values)]
            )

    def __enter__(self) -> DuckDBScan:
        return self

    def __exit__(self, *exc: object) -> None:
        self.con.close()
        shutil.rmtree(self._tmp, ignore_errors=True)

    def _run(self, sql: str, stage: str) -> None:
        """Run a statement, reporting its progress from this thread while it runs."""
        if self.progress is None:
            self.con.execute(sql)
            return
        failure: list[BaseException] = []

        def work() -> None:
            try:
                self.con.execute(sql)
            except BaseException as exc:  # re-raised in the caller's thread
                failure.append(exc)

        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        while worker.is_alive():
            worker.join(0.5)
            done = self.con.query_progress()
            self.progress(stage, done / 100 if done is not None and done >= 0 else None)
        if failure:
            raise failure[0]

    def columns(self, fmt: Format, first: Path) -> list[str]:
        if fmt in ("csv", "tsv"):
            return csv_header(first, "\t" if fmt == "tsv" else ",")
        rows = self.con.execute(f"DESCRIBE SELECT * FROM {_reader(fmt, [first], None)}").fetchall()
        return [str(r[0]) for r in rows]

    def run(self, sources: Sequence[Source]) -> Iterator[KeyRow]:
        """Aggregated groups for all files (yielded as they are fetched).

        Files are read together when they share a format and a header; the host
        aggregation and the key reduction then run once over everything.
        """
        self.con.execute(
            "CREATE OR REPLACE TEMP TABLE gd_auth (auth VARCHAR, "
            "mod VARCHAR, n BIGINT, size HUGEINT)"
        )
        batches: dict[tuple[Format, Columns, tuple[str, ...]], list[Path]] = {}
        for source in sources:
            available = self._guard(source.path, self.columns, source.format, source.path)
            cols = resolve_columns(available, self.options, str(source.path))
            batches.setdefault((source.format, cols, tuple(available)), []).append(source.path)
        for number, ((fmt, cols, header), files) in enumerate(batches.items(), 1):
            stage = "reading" if len(batches) == 1 else f"reading {number}/{len(batches)}"
            yield from self._guard(files[0], self._stage1, fmt, files, cols, header, stage)
        self._run(_STAGE2, "hosts")
        cursor = self.con.execute(_STAGE3)
        while batch := cursor.fetchmany(_FETCH):
            for key, reason, mod, plain, n, size in batch:
                yield KeyRow(key, reason, mod, int(n), int(size), bool(plain))

    def _guard(self, where: Path, action: Callable[..., _T], *args: Any) -> _T:
        try:
            return action(*args)
        except duckdb.Error as exc:
            raise CrawlStatsError(
                f"{where}: cannot read the crawl log: {str(exc).splitlines()[0]}",
                hint="check that the file is complete and in the format its name says "
                "(--format overrides it)",
            ) from exc

    def _stage1(
        self,
        fmt: Format,
        files: Sequence[Path],
        cols: Columns,
        header: Sequence[str],
        stage: str,
    ) -> list[KeyRow]:
        csv = fmt in ("csv", "tsv")
        mod = cols.modality
        sql = _STAGE1.format(
            re=_lit(AUTHORITY_RE),
            url=_q(cols.url),
            size=_q(cols.size),
            mod=f", coalesce(CAST({_q(mod)} AS VARCHAR), '') AS mod" if mod else "",
            mod_in="mod," if mod else "",
            mod_out="mod" if mod else "NULL::VARCHAR AS mod",
            group="auth, mod" if mod else "auth",
            malformed="u IS NULL AND sr IS NULL" if fmt == "jsonl" else "false",
            reader="{reader}",
        )
        rejected: list[KeyRow] = []
        if not csv:
            self._run(sql.format(reader=_reader(fmt, files, cols, header)), stage)
            return rejected
        try:  # fast path: a clean file needs no rejects table
            self._run(sql.format(reader=_reader(fmt, files, cols, header)), stage)
            return rejected
        except duckdb.InvalidInputException:
            pass
        self._run(sql.format(reader=_reader(fmt, files, cols, header, rejects=True)), stage)
        for error_type, count in self.con.execute(
            "SELECT error_type, count(*) FROM gd_rejects GROUP BY ALL"
        ).fetchall():
            reason = "bad_encoding" if "ENCODING" in str(error_type) else "malformed_record"
            rejected.append(KeyRow(None, reason, None, int(count), 0, False))
        self.con.execute("DROP TABLE IF EXISTS gd_rejects; DROP TABLE IF EXISTS gd_scans")
        return rejected
