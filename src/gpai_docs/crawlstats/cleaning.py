"""A cleaned copy of a CSV or TSV log with bad bytes: what DuckDB can read line by line.

DuckDB refuses a whole file for a carriage return in an LF file (its CSV state machine
stops), and a quote left open swallows every line after it into one field. A crawl
log record is one line, so on the slow path each such line is replaced by an empty
line (DuckDB skips empty lines, so the line numbers of the copy stay those of the
original) and counted here; DuckDB then counts the rest of the bad rows in the copy.

Chunks without a carriage return, a quote or a long line are copied as they are, so
the copy costs about what reading the file costs; memory stays at two chunks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from gpai_docs.crawlstats.guard import LINE_LIMIT, chunks
from gpai_docs.crawlstats.model import Source

#: How many bad rows are named (file and line) in the summary.
EXAMPLES = 5


@dataclass(slots=True)
class Cleaned:
    """What the copy left out: rows by reason, and the first few (line, reason)."""

    skipped: dict[str, int] = field(default_factory=dict)
    examples: list[tuple[int, str]] = field(default_factory=list)
    changed: bool = False  # a line was emptied or lost its carriage return

    def drop(self, line: int, reason: str) -> None:
        self.changed = True
        self.skipped[reason] = self.skipped.get(reason, 0) + 1
        if len(self.examples) < EXAMPLES:
            self.examples.append((line, reason))


def _reason(line: bytes, limit: int) -> str | None:
    if len(line) >= limit:
        return "oversize_record"
    if b"\r" in line or line.count(b'"') % 2:
        return "malformed_record"  # a stray carriage return, or a quote never closed
    return None


def _body(lines: list[bytes], first: int, found: Cleaned, limit: int) -> bytes:
    """Complete lines (without breaks) to write, the bad ones emptied."""
    for i, line in enumerate(lines):
        if line.endswith(b"\r"):
            line = lines[i] = line[:-1]  # CRLF: DuckDB reads the copy as LF only
            found.changed = True
        if first + i == 1:
            continue  # the header was read already; it keeps its place for DuckDB
        reason = _reason(line, limit)
        if reason is not None:
            found.drop(first + i, reason)
            lines[i] = b""
    return b"\n".join(lines)


def needs_cleaning(source: Source) -> bool:
    """Whether the file holds a carriage return or a quote (one C-speed pass, nothing
    written): without them, and without oversize lines, DuckDB reads it as it is."""
    return any(b"\r" in chunk or b'"' in chunk for chunk in chunks(source))


def clean_copy(source: Source, target: Path, limit: int = LINE_LIMIT) -> Cleaned:
    """Write ``source`` decompressed to ``target`` with every bad line emptied."""
    found = Cleaned()
    pending = b""
    number = 1  # the line that starts at the beginning of ``pending``
    skipping = False  # inside a line of ``limit`` bytes or more, until its break
    with target.open("wb") as out:
        for chunk in chunks(source):
            if skipping:
                end = chunk.find(b"\n")
                if end < 0:
                    continue
                skipping, chunk = False, chunk[end + 1 :]
                out.write(b"\n")
                number += 1
            data = pending + chunk
            cut = data.rfind(b"\n") + 1
            pending = data[cut:]
            if cut:
                lines = data[: cut - 1].split(b"\n")
                quiet = b"\r" not in data[:cut] and b'"' not in data[:cut]
                if quiet and max(map(len, lines)) < limit and number > 1:
                    out.write(data[:cut])
                else:
                    out.write(_body(lines, number, found, limit) + b"\n")
                number += len(lines)
            if len(pending) >= limit:
                found.drop(number, "oversize_record")
                skipping, pending = True, b""
        if pending:
            out.write(_body([pending], number, found, limit))
    return found
