"""Engine groups -> sizes per registrable domain, with bad rows counted by reason."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from gpai_docs.crawlstats.errors import CrawlStatsError
from gpai_docs.crawlstats.hosts import HostResult, classify_authority, psl_lookup
from gpai_docs.crawlstats.model import (
    CrawlCounts,
    KeyRow,
    Options,
    ProgressCallback,
    Source,
    Totals,
)
from gpai_docs.crawlstats.sources import expand_inputs
from gpai_docs.crawlstats.tally import CountsTally, Tally

#: Modality label for rows whose modality cell is empty.
NO_MODALITY = "unspecified"
_NO_COLUMN = "\x00no modality column"


class Classifier:
    """Caches the host lookup per distinct key (a key repeats across modalities)."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str | None, bool], HostResult] = {}

    def __call__(self, key: str | None, plain: bool) -> HostResult:
        found = self._cache.get((key, plain))
        if found is None:
            found = psl_lookup(key) if plain and key else classify_authority(key)
            self._cache[(key, plain)] = found
        return found


def add_rows(counts: CrawlCounts, rows: Iterable[KeyRow]) -> None:
    """Fold engine groups into the counts."""
    classify = Classifier()
    for row in rows:
        counts.rows += row.rows
        if row.reason is not None:
            counts.skip(row.reason, row.rows)
            continue
        result = classify(row.key, row.plain)
        if result.kind == "ip":
            counts.ip_rows += row.rows
            counts.ip_size += row.size
            continue
        if result.domain is None:
            counts.skip(result.kind, row.rows)
            continue
        counts.overall.add(result.domain, row.rows, row.size)
        name = _NO_COLUMN if row.modality is None else (row.modality or NO_MODALITY)
        counts.by_modality.setdefault(name, Totals()).add(result.domain, row.rows, row.size)


def _settle_modalities(counts: CrawlCounts) -> None:
    """Drop the per-modality lists if no file had a modality column; otherwise count
    rows of files without one as "unspecified"."""
    missing = counts.by_modality.pop(_NO_COLUMN, None)
    if not counts.by_modality or missing is None:
        return
    target = counts.by_modality.setdefault(NO_MODALITY, Totals())
    target.rows += missing.rows
    for domain, size in missing.domains.items():
        target.domains[domain] = target.domains.get(domain, 0) + size


def _check_rows(tally: Tally) -> None:
    if tally.rows == 0 and not tally.skipped:
        raise CrawlStatsError(
            "the crawl logs hold no rows", hint="check that the right files were given"
        )


@contextmanager
def open_tally(
    sources: Sequence[Source], options: Options, progress: ProgressCallback | None
) -> Iterator[Tally]:
    """The engine's totals of all sources, valid inside the ``with`` block."""
    if options.engine == "spark":
        from gpai_docs.crawlstats.spark_engine import spark_scan

        counts = CrawlCounts()
        add_rows(counts, spark_scan(sources, options, progress))
        _settle_modalities(counts)
        tally: Tally = CountsTally(counts)
        _check_rows(tally)
        yield tally
    else:
        from gpai_docs.crawlstats.duckdb_engine import DuckDBScan

        with DuckDBScan(options, progress) as engine:
            tally = engine.load(sources)
            _check_rows(tally)
            yield tally
    if progress is not None:
        progress("done", 1.0)


def count_domains(
    inputs: Sequence[str | Path],
    options: Options | None = None,
    progress: ProgressCallback | None = None,
) -> CrawlCounts:
    """Read crawl logs and total the content size per registrable domain.

    Per-modality totals are kept when the logs have a modality column.
    """
    options = options or Options()
    sources = expand_inputs(inputs, options.format, remote_ok=options.engine == "spark")
    with open_tally(sources, options, progress) as tally:
        return tally.counts()
