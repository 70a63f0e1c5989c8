"""The default engine: one in-process DuckDB with a memory limit and a spill folder.

Stage 1 (:func:`duckdb_sql.stage1`) is the only pass over the rows. Each batch of
files is first read strictly, in parallel, which is the fast path for clean logs. If
DuckDB refuses a row, the batch is read again: lines longer than ``LINE_LIMIT`` are
found and dropped by :mod:`gpai_docs.crawlstats.guard` (DuckDB's parallel reader can
lose them without a trace) and the rest is read with a rejects table, so every bad
row is counted by reason and the run goes on. Stage 2 and the final grouping work on
distinct keys; the Python lookup sees only the hosts SQL cannot settle.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from gpai_docs.crawlstats import duckdb_sql as sql
from gpai_docs.crawlstats import guard
from gpai_docs.crawlstats.cleaning import EXAMPLES
from gpai_docs.crawlstats.duckdb_tally import DuckDBTally
from gpai_docs.crawlstats.errors import CrawlStatsError
from gpai_docs.crawlstats.hosts import classify_authority, psl_lookup
from gpai_docs.crawlstats.model import Columns, Format, Options, ProgressCallback, Source
from gpai_docs.crawlstats.retry import Spans, SpanThread, prepare
from gpai_docs.crawlstats.sources import resolve_columns
from gpai_docs.crawlstats.suffixes import tails

_T = TypeVar("_T")
_RETRY = (duckdb.InvalidInputException, duckdb.NotImplementedException, duckdb.ConversionException)
_Batch = tuple[Format, bool, Columns, tuple[str, ...]]


def _read_error(where: Source, exc: duckdb.Error) -> CrawlStatsError:
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return CrawlStatsError(
        f"{where.location}: cannot read the crawl log: {first}",
        hint="check that the file is complete and in the format its name says "
        "(--format overrides it)",
    )


class DuckDBScan:
    """One DuckDB session over a set of files; use as a context manager."""

    def __init__(self, options: Options, progress: ProgressCallback | None = None) -> None:
        self.options = options
        self.progress = progress
        base = str(options.temp_directory) if options.temp_directory else None
        self._tmp = Path(tempfile.mkdtemp(prefix="gpai-docs-duckdb-", dir=base))
        config: dict[str, Any] = {
            "memory_limit": options.memory_limit,
            "temp_directory": str(self._tmp / "spill"),
            "autoinstall_known_extensions": False,
            "autoload_known_extensions": False,
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
        #: (file, line, reason) of the first bad rows that can be named, in input order
        self.examples: list[tuple[str, int, str]] = []
        self._order: dict[str, int] = {}
        self.con.execute(f"SET enable_progress_bar = {str(progress is not None).lower()}")
        self.con.execute("SET enable_progress_bar_print = false")

    def __enter__(self) -> DuckDBScan:
        return self

    def __exit__(self, *exc: object) -> None:
        self.con.close()
        shutil.rmtree(self._tmp, ignore_errors=True)

    def _run(self, statement: str, stage: str) -> None:
        """Run a statement, reporting its progress from this thread while it runs."""
        if self.progress is None:
            self.con.execute(statement)
            return
        failure: list[BaseException] = []

        def work() -> None:
            try:
                self.con.execute(statement)
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

    def _guard(self, where: Source, action: Callable[..., _T], *args: Any) -> _T:
        try:
            return action(*args)
        except duckdb.Error as exc:
            raise _read_error(where, exc) from exc

    def columns(self, source: Source) -> list[str]:
        if source.format in ("csv", "tsv"):
            return guard.csv_header(source, "\t" if source.format == "tsv" else ",")
        if source.format == "jsonl":
            keys = guard.json_keys(source)
            if not keys:
                raise CrawlStatsError(
                    f"{source.location}: no JSON object among the first lines",
                    hint="JSON Lines logs hold one object per line, e.g. "
                    '{"url": "https://example.com/", "size": 1234}',
                )
            return keys
        describe = f"DESCRIBE SELECT * FROM {sql.reader('parquet', [source.path], (), gzip=False)}"
        return [str(row[0]) for row in self._guard(source, self._fetch, describe)]

    def _fetch(self, statement: str) -> list[Any]:
        return self.con.execute(statement).fetchall()

    def load(self, sources: Sequence[Source]) -> DuckDBTally:
        """Read every file, classify every distinct key, and total per domain."""
        # The suffix tables are built while DuckDB reads (it releases the GIL).
        suffixes = threading.Thread(target=tails, daemon=True)
        suffixes.start()
        self.con.execute(
            "CREATE OR REPLACE TEMP TABLE gd_auth (k VARCHAR, mod VARCHAR, n BIGINT, size HUGEINT)"
        )
        batches: dict[_Batch, list[Source]] = {}
        self._order = {source.location: n for n, source in enumerate(sources)}
        for source in sources:
            available = self.columns(source)
            cols = resolve_columns(available, self.options, source.location)
            key = (source.format, source.gzip, cols, tuple(available))
            batches.setdefault(key, []).append(source)
        for number, (batch, files) in enumerate(batches.items(), 1):
            stage = "reading" if len(batches) == 1 else f"reading {number}/{len(batches)}"
            self._stage1(batch, files, stage)
        suffixes.join()
        self._settle()
        return DuckDBTally(
            self.con, any(batch[2].modality for batch in batches), tuple(self.examples)
        )

    def _stage1(self, batch: _Batch, files: list[Source], stage: str) -> None:
        fmt, gz, cols, available = batch
        wanted = [cols.url, cols.size] + ([cols.modality] if cols.modality else [])
        names = list(dict.fromkeys(wanted))
        if fmt in ("csv", "tsv"):
            # DuckDB sees positions, never header text: a header may repeat a name or
            # leave one empty, which DuckDB refuses for the whole file.
            names = [f"c{n}" for n in range(len(available))]
            mod = cols.modality
            cols = Columns(
                f"c{available.index(cols.url)}",
                f"c{available.index(cols.size)}",
                None if mod is None else f"c{available.index(mod)}",
            )
        statement = sql.stage1(sql.reader(fmt, [f.path for f in files], names, gzip=gz), cols, fmt)
        if fmt == "parquet":
            self._guard(files[0], self._run, statement, stage)
            return
        # DuckDB's parallel reader can drop the rest of a file after an oversize line
        # without an error, so the lines are measured at the same time (file reads and
        # zlib release the GIL) and the fast result is kept only if none is too long.
        spans = SpanThread(files, self.con.interrupt)
        spans.start()
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._run(statement, stage)
            clean = True
        except _RETRY:
            clean = False  # a bad row somewhere: read again, counting every bad row
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            spans.join()
            if spans.error is not None:
                raise spans.error from None
            raise _read_error(files[0], exc) from exc
        try:
            found = spans.result()
        except CrawlStatsError:
            self.con.execute("ROLLBACK")
            raise
        if clean and not any(found) and not self._multiline():
            self.con.execute("COMMIT")
            return
        self.con.execute("ROLLBACK")
        self._slow((fmt, gz, cols, available), files, found, names, stage)

    def _slow(
        self,
        batch: _Batch,
        files: list[Source],
        found: list[Spans],
        names: list[str],
        stage: str,
    ) -> None:
        """Read a batch again, each bad row counted (and the first few named)."""
        fmt, gz, cols, _ = batch
        prepared = prepare(fmt, files, found, self._tmp)
        for reason, rows in prepared.skipped.items():
            self._add_reason(reason, rows)
        self.examples.extend(prepared.examples)
        plain, copies = prepared.plain, prepared.copies
        for group, compressed in (
            ([(s, s.path) for s in plain], gz),
            (copies, False),
        ):
            if group:
                paths = [path for _, path in group]
                retry = sql.stage1(
                    sql.reader(fmt, paths, names, gzip=compressed, rejects=True), cols, fmt
                )
                self._guard(group[0][0], self._run, retry, stage)
                if fmt != "jsonl":
                    self._count_rejects([source.location for source, _ in group])
        self.examples.sort(key=lambda e: (self._order.get(e[0], 0), e[1]))
        del self.examples[EXAMPLES:]
        # A line break left in a URL (a JSON string, a quote the cleaning let pass) is a
        # bad row like any other.
        self.con.execute(
            "UPDATE gd_auth SET k = '//malformed_record' WHERE k = $1", [sql.MULTILINE]
        )

    def _multiline(self) -> bool:
        found = self.con.execute("SELECT count(*) FROM gd_auth WHERE k = $1", [sql.MULTILINE])
        return bool(found.fetchone()[0])  # type: ignore[index]

    def _count_rejects(self, locations: list[str]) -> None:
        for reason, count in self.con.execute(sql.REJECT_COUNTS).fetchall():
            self._add_reason(str(reason), int(count))
        first = self.con.execute(sql.REJECT_EXAMPLES, [EXAMPLES]).fetchall()
        self.examples.extend((locations[int(f)], int(n), str(r)) for f, n, r in first)
        self.con.execute("DROP TABLE IF EXISTS gd_rejects; DROP TABLE IF EXISTS gd_scans")

    def _add_reason(self, reason: str, rows: int) -> None:
        self.con.execute("INSERT INTO gd_auth VALUES ($1, NULL, $2, 0)", ["//" + reason, rows])

    def _settle(self) -> None:
        """Stage 2, the Python lookup of what SQL left, and the per-domain totals."""
        t = tails()
        rows = sorted(t.exact2 | t.wild3 | t.rule2)
        self.con.execute(
            """CREATE OR REPLACE TEMP TABLE gd_t2 AS
               SELECT unnest($1::VARCHAR[]) AS t, unnest($2::BOOLEAN[]) AS e2,
                      unnest($3::BOOLEAN[]) AS w3, unnest($4::BOOLEAN[]) AS r2""",
            [
                rows,
                [r in t.exact2 for r in rows],
                [r in t.wild3 for r in rows],
                [r in t.rule2 for r in rows],
            ],
        )
        self.con.execute(
            "CREATE OR REPLACE TEMP TABLE gd_e3 AS SELECT unnest($1::VARCHAR[]) AS t",
            [sorted(t.exact3)],
        )
        self._run(sql.stage2(t.wild2), "hosts")
        left = self.con.execute(
            "SELECT DISTINCT kind, value FROM gd_keys WHERE kind IN ('auth', 'psl')"
        ).fetchall()
        kinds, values, results, domains = [], [], [], []
        for kind, value in left:
            found = psl_lookup(value) if kind == "psl" else classify_authority(value)
            kinds.append(kind)
            values.append(value)
            results.append(found.kind)
            domains.append(found.domain)
        self.con.execute(
            """CREATE OR REPLACE TEMP TABLE gd_py AS
               SELECT unnest($1::VARCHAR[]) AS kind, unnest($2::VARCHAR[]) AS value,
                      unnest($3::VARCHAR[]) AS rkind, unnest($4::VARCHAR[]) AS domain""",
            [kinds, values, results, domains],
        )
        self._run(sql.FINAL, "domains")
