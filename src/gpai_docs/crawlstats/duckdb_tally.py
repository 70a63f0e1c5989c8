"""The DuckDB engine's totals, answered in SQL: only listed domains reach Python."""

from __future__ import annotations

import duckdb

from gpai_docs.crawlstats import duckdb_sql as sql
from gpai_docs.crawlstats.model import CrawlCounts, Totals
from gpai_docs.crawlstats.ranking import Ranked
from gpai_docs.crawlstats.tally import Slice


class DuckDBTally:
    """A :class:`~gpai_docs.crawlstats.tally.Tally` over the session's ``gd_dom`` table."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        modalities: bool,
        examples: tuple[tuple[str, int, str], ...] = (),
    ) -> None:
        self.con = con
        self.examples = examples
        con.execute(sql.slices(modalities))
        self.rows = 0
        self.skipped: dict[str, int] = {}
        self.ip_rows = self.ip_size = 0
        for what, rows, size in con.execute(
            "SELECT what, sum(n), sum(size) FROM gd_dom GROUP BY what"
        ).fetchall():
            self.rows += int(rows)
            if what == "ip":
                self.ip_rows, self.ip_size = int(rows), int(size)
            elif what is not None:
                self.skipped[str(what)] = int(rows)
        self._facts = {
            part: Slice(int(rows), int(distinct), int(total))
            for part, distinct, rows, total in con.execute(
                "SELECT slice, count(*), sum(n), sum(size) FROM gd_slice GROUP BY slice"
            ).fetchall()
        }
        self._modalities = modalities

    def modalities(self) -> list[str]:
        if not self._modalities:
            return []
        return sorted(str(name) for name in self._facts if name is not None)

    def facts(self, modality: str | None) -> Slice:
        return self._facts.get(modality, Slice(0, 0, 0))

    def top(self, modality: str | None, limit: int) -> list[Ranked]:
        # BIGINT converts to Python twice as fast as HUGEINT; use it when it holds.
        size = "size::BIGINT" if self.facts(modality).total < 2**63 else "size"
        rows = self.con.execute(
            f"SELECT domain, {size} FROM gd_slice WHERE slice IS NOT DISTINCT FROM $1 "
            "ORDER BY size DESC, domain LIMIT $2",
            [modality, limit],
        ).fetchall()
        return [Ranked(rank, str(domain), int(size)) for rank, (domain, size) in enumerate(rows, 1)]

    def counts(self) -> CrawlCounts:
        """Every domain's totals, for callers that want them all in Python."""
        counts = CrawlCounts(self.rows, dict(self.skipped), self.ip_rows, self.ip_size)
        for part, domain, rows, size in self.con.execute(
            "SELECT slice, domain, n, size FROM gd_slice"
        ).fetchall():
            target = (
                counts.overall if part is None else counts.by_modality.setdefault(part, Totals())
            )
            target.rows += int(rows)
            target.domains[str(domain)] = int(size)
        return counts
