"""Writing the top-domain CSV and the JSON summary, each atomically."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gpai_docs.crawlstats.errors import CrawlStatsError
from gpai_docs.crawlstats.ranking import Ranked

CSV_COLUMNS = ("rank", "domain", "size", "share", "cumulative_share")


def share_text(part: int, total: int) -> str:
    """A share as text with 12 significant digits (plain or exponent notation)."""
    return "0" if total == 0 else f"{part / total:.12g}"


def share_value(part: int, total: int) -> float:
    return float(share_text(part, total))


def csv_text(listed: Sequence[Ranked], total: int) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    running = 0
    for item in listed:
        running += item.size
        writer.writerow(
            [
                item.rank,
                item.domain,
                item.size,
                share_text(item.size, total),
                share_text(running, total),
            ]
        )
    return buffer.getvalue()


def write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file in the same folder, then rename it over ``path``."""
    folder = path.parent if str(path.parent) else Path()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            Path(tmp).replace(path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise CrawlStatsError(
            f"{path}: cannot write the output: {exc.strerror or exc}",
            hint="check that the folder exists and is writable",
        ) from exc


def json_text(summary: dict[str, Any]) -> str:
    return json.dumps(summary, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def modality_csv_path(out: Path, modality: str) -> Path:
    """``domains.csv`` + ``text`` -> ``domains.text.csv`` (unsafe characters replaced)."""
    safe = re.sub(r"[^A-Za-z0-9_-]+", "_", modality).strip("_") or "unnamed"
    return out.with_name(f"{out.stem}.{safe}{out.suffix or '.csv'}")


def relative(path: Path, start: Path) -> str:
    """``path`` relative to the folder ``start`` (POSIX separators)."""
    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()


@dataclass(frozen=True, slots=True)
class Written:
    """The files a run wrote."""

    csv: Path
    summary: Path
    modality_csvs: dict[str, Path]
