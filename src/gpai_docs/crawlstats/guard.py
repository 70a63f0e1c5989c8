"""Reading crawl logs in bounded memory: header lines, JSON keys, oversize lines.

DuckDB reads the rows; this module only reads what must be known before (the CSV
header, the JSON keys) and, when DuckDB refuses a file, finds the physical lines
longer than :data:`LINE_LIMIT`. Those are counted as ``oversize_record`` and left out
of a filtered copy that DuckDB then reads. Memory stays at one chunk
(:data:`LINE_LIMIT` bytes) whatever the line lengths: an 800 MB line is skipped
chunk by chunk, never held.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import zlib
from collections.abc import Iterator
from io import BufferedIOBase
from pathlib import Path

from gpai_docs.crawlstats.errors import CrawlStatsError
from gpai_docs.crawlstats.model import Source

#: Longest accepted line in bytes, its line break included (DuckDB's max_line_size).
LINE_LIMIT = 2_000_000
#: How much of a JSON Lines file is sampled for its keys.
JSON_SAMPLE_BYTES = 8_000_000
JSON_SAMPLE_OBJECTS = 1_000
#: A gzip log may expand to this many times its compressed size (crawl logs gzip to a
#: tenth or a twentieth; deflate's ceiling is about 1,030): beyond it, it is a bomb.
MAX_RATIO = 100
#: ... but any log may expand to this much, so small files are never refused.
RATIO_FLOOR = 64 * 1024 * 1024

_READ_ERRORS = (OSError, EOFError, zlib.error)


def _broken(source: Source, exc: BaseException) -> CrawlStatsError:
    what = "compressed data is damaged or cut short" if source.gzip else str(exc)
    return CrawlStatsError(
        f"{source.location}: cannot read the crawl log: {what}",
        hint="check that the file is complete (gzip if it ends in .gz)",
    )


def open_bytes(source: Source) -> BufferedIOBase:
    try:
        if source.gzip:
            return gzip.open(source.path, "rb")
        return source.path.open("rb")
    except OSError as exc:
        raise _broken(source, exc) from exc


def expansion_limit(source: Source) -> int | None:
    """The most bytes a gzip file may decompress to; None for a plain file."""
    if not source.gzip:
        return None
    try:
        packed = source.path.stat().st_size
    except OSError as exc:
        raise _broken(source, exc) from exc
    return max(RATIO_FLOOR, MAX_RATIO * packed)


def _bomb(source: Source, limit: int) -> CrawlStatsError:
    return CrawlStatsError(
        f"{source.location}: decompresses to more than {limit:,} bytes, over {MAX_RATIO} "
        "times its size: refused as a decompression bomb",
        hint="a genuine log this compressible can be decompressed first (gunzip) and "
        "given as a plain file",
    )


def chunks(source: Source, size: int = LINE_LIMIT) -> Iterator[bytes]:
    """The decompressed bytes of a file, ``size`` bytes at a time; a gzip file that
    expands beyond :func:`expansion_limit` raises as soon as it does."""
    limit = expansion_limit(source)
    total = 0
    with open_bytes(source) as handle:
        try:
            while chunk := handle.read(size):
                total += len(chunk)
                if limit is not None and total > limit:
                    raise _bomb(source, limit)
                yield chunk
        except _READ_ERRORS as exc:
            raise _broken(source, exc) from exc


def lines(source: Source, limit: int) -> Iterator[bytes | None]:
    """Physical lines (without the line break); None, as soon as it is known, for a
    line of ``limit`` or more bytes, whose rest is then skipped without being kept."""
    pending = bytearray()
    over = False
    for chunk in chunks(source):
        start = 0
        while True:
            end = chunk.find(b"\n", start)
            if not over:
                pending += chunk[start:] if end < 0 else chunk[start:end]
                if len(pending) >= limit:
                    over = True
                    pending.clear()
                    yield None
            if end < 0:
                break
            if not over:
                yield bytes(pending)
            pending.clear()
            over = False
            start = end + 1
    if pending:
        yield bytes(pending)


def csv_header(source: Source, delimiter: str) -> list[str]:
    """Column names from the first line of a CSV or TSV file."""
    first = next(lines(source, LINE_LIMIT), b"")
    if first is None:
        raise CrawlStatsError(
            f"{source.location}: the header line is longer than {LINE_LIMIT:,} bytes",
            hint="the first line must name the columns (url,size,...)",
        )
    text = first.decode("utf-8", errors="replace").rstrip("\r")
    try:
        names = next(csv.reader([text], delimiter=delimiter), [])
    except csv.Error as exc:
        raise CrawlStatsError(
            f"{source.location}: cannot read the header line: {exc}",
            hint="the first line must name the columns (url,size,...)",
        ) from exc
    return [name.strip().lstrip("\ufeff") for name in names]


def json_keys(source: Source) -> list[str]:
    """Keys of the JSON objects among the first lines of a JSON Lines file."""
    keys: dict[str, None] = {}
    seen = objects = 0
    for line in lines(source, LINE_LIMIT):
        if line is not None:
            seen += len(line)
            try:
                value = json.loads(line)
            except (ValueError, RecursionError):
                value = None
            if isinstance(value, dict):
                keys.update(dict.fromkeys(str(k) for k in value))
                objects += 1
        if objects >= JSON_SAMPLE_OBJECTS or seen >= JSON_SAMPLE_BYTES:
            break
    return list(keys)


_PROBE = 16_384


def oversize_spans(source: Source, limit: int = LINE_LIMIT) -> list[tuple[int, int]]:
    """Byte ranges (line break included) of the lines of ``limit`` bytes or more.

    Lines between two breaks of one ``limit``-sized window are shorter than the
    window, so only the line ending at a window's first break can be too long. An
    uncompressed file is probed with small reads around those breaks (a few kB per
    window, not the whole file; mapping it would count the file in resident memory);
    a gzip file is decompressed chunk by chunk.
    """
    if not source.gzip:
        try:
            with source.path.open("rb") as handle:
                return _probe(handle.fileno(), os.fstat(handle.fileno()).st_size, limit)
        except OSError as exc:
            raise _broken(source, exc) from exc
    spans: list[tuple[int, int]] = []
    start = size = 0
    for chunk in chunks(source, limit):
        first = chunk.find(b"\n")
        if first >= 0:
            if size + first - start >= limit:
                spans.append((start, size + first + 1))
            start = size + chunk.rfind(b"\n") + 1
        size += len(chunk)
    if size - start >= limit:  # a last line without a line break
        spans.append((start, size))
    return spans


def _probe(fd: int, size: int, limit: int) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for window in range(0, size, limit):
        end = min(window + limit, size)
        first = _first_break(fd, window, end)
        if first >= 0:
            if first - start >= limit:
                spans.append((start, first + 1))
            start = _last_break(fd, first, end) + 1
    if size - start >= limit:
        spans.append((start, size))
    return spans


def _first_break(fd: int, begin: int, end: int) -> int:
    while begin < end:
        block = os.pread(fd, min(_PROBE, end - begin), begin)
        found = block.find(b"\n")
        if found >= 0:
            return begin + found
        begin += len(block) or end
    return -1


def _last_break(fd: int, begin: int, end: int) -> int:
    """The last line break in [begin, end); there is one at ``begin``."""
    while end > begin:
        low = max(begin, end - _PROBE)
        found = os.pread(fd, end - low, low).rfind(b"\n")
        if found >= 0:
            return low + found
        end = low
    return begin


def write_without(source: Source, spans: list[tuple[int, int]], target: Path) -> None:
    """Copy the decompressed file to ``target`` without the given byte ranges."""
    pending = iter(spans)
    skip = next(pending, None)
    offset = 0
    with target.open("wb") as out:
        for chunk in chunks(source):
            end = offset + len(chunk)
            cursor = offset
            while skip is not None and skip[0] < end:
                if skip[0] > cursor:
                    out.write(chunk[cursor - offset : skip[0] - offset])
                cursor = max(cursor, min(skip[1], end))
                if skip[1] > end:
                    break
                skip = next(pending, None)
            if cursor < end:
                out.write(chunk[cursor - offset :])
            offset = end
