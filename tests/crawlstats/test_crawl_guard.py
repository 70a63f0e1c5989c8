"""The oversize-line guard against a naive line splitter, on random files."""

from __future__ import annotations

import gzip
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from gpai_docs.crawlstats import guard
from gpai_docs.crawlstats.model import Source


def _naive(data: bytes, limit: int) -> tuple[list[tuple[int, int]], bytes]:
    """Spans of lines of ``limit`` bytes or more (break excluded), and the rest."""
    spans, kept, position = [], bytearray(), 0
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines):
        end = position + len(line) + (1 if number < len(lines) - 1 or data.endswith(b"\n") else 0)
        if len(line) >= limit:
            spans.append((position, end))
        else:
            kept += data[position:end]
        position = end
    return spans, bytes(kept)


@pytest.mark.parametrize("gz", [False, True])
def test_spans_and_filtered_copy_match_a_naive_splitter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gz: bool
) -> None:
    rng = random.Random(20251201)
    monkeypatch.setattr(guard, "_PROBE", 3)  # many small reads: every block boundary
    real = guard.chunks
    for trial in range(300):
        limit = rng.choice([5, 8, 13, 64])

        def small(source: Source, size: int = limit, _limit: int = limit) -> Iterator[bytes]:
            return real(source, _limit)

        monkeypatch.setattr(guard, "chunks", small)
        lengths = [0, 1, limit - 2, limit - 1, limit, limit + 1, 2 * limit, 3 * limit + 1]
        parts = [b"x" * rng.choice([*lengths, rng.randint(0, 4 * limit)]) for _ in range(20)]
        data = b"\n".join(parts[: rng.randint(0, 20)]) + rng.choice([b"", b"\n"])
        path = tmp_path / ("t.csv.gz" if gz else "t.csv")
        if gz:
            with gzip.open(path, "wb") as handle:
                handle.write(data)
        else:
            path.write_bytes(data)
        source = Source(str(path), "csv", gz)
        spans, kept = _naive(data, limit)
        assert guard.oversize_spans(source, limit) == spans, (trial, data)
        guard.write_without(source, spans, tmp_path / "copy")
        assert (tmp_path / "copy").read_bytes() == kept, trial


def test_a_truncated_gzip_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "log.csv.gz"
    path.write_bytes(gzip.compress(b"url,size\n" + b"a.com,1\n" * 10_000)[:60])
    with pytest.raises(guard.CrawlStatsError, match="compressed data is damaged or cut short"):
        guard.oversize_spans(Source(str(path), "csv", True))
