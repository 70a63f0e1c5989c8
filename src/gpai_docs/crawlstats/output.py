"""Writing the top-domain CSV and the JSON summary, each atomically."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gpai_docs.crawlstats.errors import CrawlStatsError
from gpai_docs.crawlstats.ranking import Ranked
from gpai_docs.errors import OutputError
from gpai_docs.escaping import csv_line
from gpai_docs.fileio import check_names, file_ids, write_batch

CSV_COLUMNS = ("rank", "domain", "size", "share", "cumulative_share")


def share_text(part: int, total: int) -> str:
    """A share as text with 12 significant digits (plain or exponent notation)."""
    return "0" if total == 0 else f"{part / total:.12g}"


def share_value(part: int, total: int) -> float:
    return float(share_text(part, total))


def csv_text(listed: Sequence[Ranked], total: int) -> str:
    """The CSV of the listed domains, each record written by ``csv_line``."""
    lines = [",".join(CSV_COLUMNS) + "\n"]
    running = 0
    for item in listed:
        running += item.size
        shares = f"{share_text(item.size, total)},{share_text(running, total)}"
        # csv_line: a spreadsheet must not run a host such as "=cmd|", and a CR is quoted.
        lines.append(csv_line((item.rank, item.domain, item.size))[:-1] + f",{shares}\n")
    return "".join(lines)


def _write_error(path: Path, exc: OSError) -> CrawlStatsError:
    return CrawlStatsError(
        f"{path}: cannot write the output: {exc.strerror or exc}",
        hint="check that the folder exists and is writable; nothing was written",
    )


def commit(files: dict[Path, str]) -> None:
    """Write every file or none (put the summary last): see :func:`fileio.write_batch`."""
    try:
        write_batch({path: text.encode("utf-8") for path, text in files.items()})
    except OutputError as exc:
        raise CrawlStatsError(exc.message, hint=exc.hint) from None
    except OSError as exc:
        raise _write_error(Path(exc.filename or next(iter(files))), exc) from exc


def write_atomic(path: Path, text: str) -> None:
    """Write one file atomically (see :func:`commit`)."""
    commit({path: text})


def json_text(summary: dict[str, Any]) -> str:
    return json.dumps(summary, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def check_outputs(outputs: dict[str, Path], inputs: Sequence[Path]) -> None:
    """Refuse an output that is an input (by name, link or hard link), a folder, or
    another output (also when the names differ only in case).

    ``outputs`` maps what names the file (``--out``, ``--summary``, a modality) to it.
    """
    sources = file_ids(inputs)
    for what, path in outputs.items():
        if path.is_dir():
            raise CrawlStatsError(
                f"{path}: {what} is a folder", hint=f"give {what} a file name, e.g. domains.csv"
            )
        source = next((sources[i] for i in file_ids([path]) if i in sources), None)
        if source is not None:
            raise CrawlStatsError(
                f"{path}: {what} is the input crawl log {source}; writing it would replace the log",
                hint=f"choose a {what} path that is not one of the inputs",
            )
    try:
        check_names(outputs)
    except OutputError as exc:
        raise CrawlStatsError(exc.message, hint=exc.hint) from None


def _plain(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", name).strip("_")[:60] or "unnamed"


def modality_csv_paths(out: Path, modalities: Sequence[str]) -> dict[str, Path]:
    """``domains.csv`` + ``text`` -> ``domains.text.csv``, one file per modality.

    A name that is not plain (``a b``, ``a/b``), or that differs from another only in
    case (``Text``, ``text``), gets a short hash of the real name, so two modalities
    never share a file, even on a case-insensitive file system.
    """
    kept = [name for name in modalities if _plain(name) == name]
    folded = [name.casefold() for name in kept]
    files: dict[str, str] = {}
    for name in modalities:
        safe = _plain(name)
        if safe != name or folded.count(name.casefold()) > 1:
            digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
            safe = f"{safe}-{digest}"
        files[name] = safe
    if len({safe.casefold() for safe in files.values()}) < len(files):
        raise CrawlStatsError(
            "two modality names map to the same file name",
            hint="rename the modalities in the crawl logs",
        )
    return {
        name: out.with_name(f"{out.stem}.{safe}{out.suffix or '.csv'}")
        for name, safe in files.items()
    }


def relative(path: Path, start: Path) -> str:
    """``path`` relative to the folder ``start`` (POSIX separators)."""
    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()


@dataclass(frozen=True, slots=True)
class Written:
    """The files a run wrote."""

    csv: Path
    summary: Path
    modality_csvs: dict[str, Path]
