"""The slow path of the DuckDB engine, before DuckDB reads again: which files need a
cleaned copy, and what the copies left out.

:class:`SpanThread` measures the lines while DuckDB's fast pass runs (it can drop the
rest of a file after an oversize line without an error); when the fast pass fails or
a line is too long, :func:`prepare` gives each file of the batch to DuckDB as it is or
as a copy in the session's folder, and counts the lines the copies emptied.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gpai_docs.crawlstats import guard
from gpai_docs.crawlstats.cleaning import Cleaned, clean_copy, needs_cleaning
from gpai_docs.crawlstats.errors import CrawlStatsError
from gpai_docs.crawlstats.model import Format, Source

Spans = list[tuple[int, int]]


class SpanThread(threading.Thread):
    """The oversize lines of each file, found on a thread of their own; ``stop`` is
    called (to interrupt DuckDB) when a file turns out broken or a bomb."""

    def __init__(self, files: Sequence[Source], stop: Callable[[], None]) -> None:
        super().__init__(daemon=True)
        self.files = files
        self.stop = stop
        self.found: list[Spans] = []
        self.error: CrawlStatsError | None = None

    def run(self) -> None:
        try:
            self.found = [guard.oversize_spans(source) for source in self.files]
        except CrawlStatsError as exc:
            self.error = exc
            self.stop()  # DuckDB need not read the rest

    def result(self) -> list[Spans]:
        self.join()
        if self.error is not None:
            raise self.error
        return self.found


@dataclass(slots=True)
class Prepared:
    """Files to read as they are, copies to read instead, and what the copies left out."""

    plain: list[Source] = field(default_factory=list)
    copies: list[tuple[Source, Path]] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    examples: list[tuple[str, int, str]] = field(default_factory=list)

    def _skip(self, reason: str, rows: int) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + rows


def prepare(fmt: Format, files: Sequence[Source], found: Sequence[Spans], folder: Path) -> Prepared:
    """Each file as it is, or (CSV/TSV with a carriage return, a quote or an oversize
    line; JSON Lines with an oversize line) as a copy in ``folder``."""
    out = Prepared()
    for number, (source, cut) in enumerate(zip(files, found, strict=True)):
        target = folder / f"clean-{number}.{fmt}"
        if fmt == "jsonl":
            if not cut:
                out.plain.append(source)
                continue
            guard.write_without(source, cut, target)
            out._skip("oversize_record", len(cut))
        else:
            cleaned = Cleaned()
            if cut or needs_cleaning(source):
                cleaned = clean_copy(source, target)
            if not cleaned.changed:
                target.unlink(missing_ok=True)
                out.plain.append(source)
                continue
            for reason, rows in cleaned.skipped.items():
                out._skip(reason, rows)
            out.examples.extend((source.location, n, r) for n, r in cleaned.examples)
        out.copies.append((source, target))
    return out
