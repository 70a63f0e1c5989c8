"""What the ranking needs from an engine's totals, whichever engine made them.

The DuckDB engine answers from SQL tables (only the listed domains reach Python);
the Spark engine's groups are folded into :class:`CrawlCounts` in Python first.
Both give the same answers for the same input.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

from gpai_docs.crawlstats.model import CrawlCounts, Totals
from gpai_docs.crawlstats.ranking import Ranked, rank_domains


class Slice(NamedTuple):
    """One slice of the input (all rows, or one modality): rows counted in domains,
    distinct registrable domains and their total size."""

    rows: int
    distinct: int
    total: int


class Tally(Protocol):
    """Counts of a whole run."""

    rows: int
    skipped: dict[str, int]
    ip_rows: int
    ip_size: int
    #: (file, line, reason) of the first bad rows the engine can name, at most five
    examples: tuple[tuple[str, int, str], ...]

    def modalities(self) -> list[str]:
        """Modality names, sorted; empty when no input had a modality column."""
        ...

    def facts(self, modality: str | None) -> Slice:
        """Totals of a modality, or of everything for None."""
        ...

    def top(self, modality: str | None, limit: int) -> list[Ranked]:
        """The ``limit`` largest domains, by size descending then name ascending."""
        ...

    def counts(self) -> CrawlCounts:
        """Every domain's totals in Python."""
        ...


class CountsTally:
    """A :class:`Tally` over counts held in Python."""

    def __init__(self, counts: CrawlCounts) -> None:
        self._counts = counts
        self.rows = counts.rows
        self.skipped = counts.skipped
        self.ip_rows = counts.ip_rows
        self.ip_size = counts.ip_size
        self.examples: tuple[tuple[str, int, str], ...] = ()

    def _totals(self, modality: str | None) -> Totals:
        if modality is None:
            return self._counts.overall
        return self._counts.by_modality.get(modality, Totals())

    def modalities(self) -> list[str]:
        return sorted(self._counts.by_modality)

    def facts(self, modality: str | None) -> Slice:
        totals = self._totals(modality)
        return Slice(totals.rows, len(totals.domains), sum(totals.domains.values()))

    def top(self, modality: str | None, limit: int) -> list[Ranked]:
        return rank_domains(self._totals(modality).domains, limit)

    def counts(self) -> CrawlCounts:
        return self._counts
