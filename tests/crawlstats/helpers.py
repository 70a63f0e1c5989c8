"""Small writers for crawl-log fixtures."""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb


def write_csv(
    path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]], delim: str = ","
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delim, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_jsonl(path: Path, records: Sequence[dict[str, Any]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def write_parquet(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> Path:
    """Parquet through DuckDB, so the tests need no pyarrow."""
    staging = write_csv(path.with_suffix(".staging.csv"), header, rows)
    con = duckdb.connect()
    con.execute(
        f"COPY (SELECT * FROM read_csv('{staging}', header = true)) TO '{path}' (FORMAT PARQUET)"
    )
    con.close()
    staging.unlink()
    return path


def read_csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def listed(path: Path) -> list[tuple[str, int]]:
    """(domain, size) pairs of a written top-domain CSV, in rank order."""
    rows = read_csv_rows(path)
    assert rows[0] == ["rank", "domain", "size", "share", "cumulative_share"]
    assert [int(r[0]) for r in rows[1:]] == list(range(1, len(rows)))
    return [(r[1], int(r[2])) for r in rows[1:]]


def gzip_bomb(path: Path, head: bytes, unit: bytes, mebibytes: int = 1024) -> Path:
    """About 1 MB of gzip that expands to ``mebibytes`` after ``head``: one compressed MiB
    of ``unit`` repeated as gzip members (which every gzip reader reads as one stream)."""
    block = gzip.compress(unit * ((1 << 20) // len(unit)), compresslevel=9, mtime=0)
    with path.open("wb") as out:
        out.write(gzip.compress(head, mtime=0))
        for _ in range(mebibytes):
            out.write(block)
    return path
