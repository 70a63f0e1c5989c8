"""Plain data shared by the engines, the aggregation and the writers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple

Measure = Literal["bytes", "tokens"]
InputKind = Literal["logs", "totals"]
Format = Literal["csv", "tsv", "jsonl", "parquet"]

#: progress(stage, fraction): stage is a short label, fraction in [0, 1] or None.
ProgressCallback = Callable[[str, float | None], None]


@dataclass(frozen=True, slots=True)
class Options:
    """What `gpai-docs domains` was asked to do (the library's view of the CLI options)."""

    measure: Measure = "bytes"
    sme: bool = False
    input_kind: InputKind = "logs"
    url_column: str | None = None
    size_column: str | None = None
    modality_column: str | None = None
    format: Format | None = None
    engine: Literal["duckdb", "spark"] = "duckdb"
    memory_limit: str = "1GB"
    threads: int | None = None
    temp_directory: Path | None = None
    spark_master: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """One input and the reader it needs.

    ``location`` is a local file as the user named it (or as found in a folder), or,
    with ``remote``, an object-storage URI or pattern that only Spark reads.
    """

    location: str
    format: Format
    gzip: bool
    remote: bool = False

    @property
    def path(self) -> Path:
        return Path(self.location)


@dataclass(frozen=True, slots=True)
class Columns:
    """Column names actually used in a group of files."""

    url: str
    size: str
    modality: str | None


class KeyRow(NamedTuple):
    """One aggregated group from an engine.

    ``key`` is a URL authority or, when ``plain`` is true, an already normalised
    lowercase ASCII host (or its shortest tail with the same registrable domain).
    Rows rejected before a host is known have ``key`` None and a ``reason``.
    """

    key: str | None
    reason: str | None
    modality: str | None
    rows: int
    size: int
    plain: bool


@dataclass(slots=True)
class Totals:
    """Sizes per registrable domain for one slice of the input (all rows, or a modality)."""

    rows: int = 0
    domains: dict[str, int] = field(default_factory=dict)

    def add(self, domain: str, rows: int, size: int) -> None:
        self.rows += rows
        self.domains[domain] = self.domains.get(domain, 0) + size


@dataclass(slots=True)
class CrawlCounts:
    """Everything counted from the input before ranking."""

    rows: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    ip_rows: int = 0
    ip_size: int = 0
    overall: Totals = field(default_factory=Totals)
    by_modality: dict[str, Totals] = field(default_factory=dict)

    def skip(self, reason: str, rows: int) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + rows
