"""Writing the top-domain CSV and the JSON summary, each atomically."""

from __future__ import annotations

import csv
import hashlib
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
from gpai_docs.render.escaping import csv_cell

CSV_COLUMNS = ("rank", "domain", "size", "share", "cumulative_share")


def share_text(part: int, total: int) -> str:
    """A share as text with 12 significant digits (plain or exponent notation)."""
    return "0" if total == 0 else f"{part / total:.12g}"


def share_value(part: int, total: int) -> float:
    return float(share_text(part, total))


_NEEDS_QUOTES = re.compile(r'[",\r\n]|^\s|\s$')


def csv_text(listed: Sequence[Ranked], total: int) -> str:
    """The CSV of the listed domains. Registrable domains are lowercase A-labels, so
    no cell needs quoting; the ``csv`` module writes the rare one that would."""
    lines = [",".join(CSV_COLUMNS) + "\n"]
    running = 0
    for item in listed:
        running += item.size
        shares = f"{share_text(item.size, total)},{share_text(running, total)}"
        domain = csv_cell(item.domain)  # a spreadsheet must not run a host such as "=cmd|"
        if _NEEDS_QUOTES.search(domain):
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerow([item.rank, domain, item.size])
            lines.append(buffer.getvalue()[:-1] + f",{shares}\n")
        else:
            lines.append(f"{item.rank},{domain},{item.size},{shares}\n")
    return "".join(lines)


def _write_error(path: Path, exc: OSError) -> CrawlStatsError:
    return CrawlStatsError(
        f"{path}: cannot write the output: {exc.strerror or exc}",
        hint="check that the folder exists and is writable; nothing was written",
    )


def _stage(path: Path, text: str) -> Path:
    folder = path.parent if str(path.parent) else Path()
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # as open() would, not mkstemp's 0600
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _backup(path: Path) -> Path | None:
    """A hard link to the file about to be replaced, to put back on failure."""
    if not path.is_file():
        return None
    backup = path.with_name(f".{path.name}.{os.getpid()}.bak")
    try:
        backup.unlink(missing_ok=True)
        os.link(path, backup)
    except OSError:
        return None  # no hard links here: the old file cannot be restored
    return backup


def commit(files: dict[Path, str]) -> None:
    """Write every file or none: all are staged next to their target first, then
    renamed in order (put the summary last); a failure undoes the renames done."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, text in files.items():
            staged.append((path, _stage(path, text)))
    except OSError as exc:
        for _, tmp in staged:
            tmp.unlink(missing_ok=True)
        raise _write_error(path, exc) from exc
    done: list[tuple[Path, Path | None]] = []
    try:
        for path, tmp in staged:
            backup = _backup(path)
            try:
                tmp.replace(path)
            except OSError:
                if backup is not None:
                    backup.unlink(missing_ok=True)
                raise
            done.append((path, backup))
    except OSError as exc:
        for target, backup in reversed(done):
            if backup is not None:
                backup.replace(target)
            else:
                target.unlink(missing_ok=True)
        for _, tmp in staged:
            tmp.unlink(missing_ok=True)
        raise _write_error(path, exc) from exc
    for _, backup in done:
        if backup is not None:
            backup.unlink(missing_ok=True)


def write_atomic(path: Path, text: str) -> None:
    """Write one file atomically (see :func:`commit`)."""
    commit({path: text})


def json_text(summary: dict[str, Any]) -> str:
    return json.dumps(summary, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def _same(a: Path, b: Path) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def check_outputs(outputs: dict[str, Path], inputs: Sequence[Path]) -> None:
    """Refuse an output that is an input, a folder, or another output.

    ``outputs`` maps what names the file (``--out``, ``--summary``, a modality) to it.
    """
    seen: list[tuple[str, Path]] = []
    for what, path in outputs.items():
        if path.is_dir():
            raise CrawlStatsError(
                f"{path}: {what} is a folder", hint=f"give {what} a file name, e.g. domains.csv"
            )
        for source in inputs:
            if _same(path, source):
                raise CrawlStatsError(
                    f"{path}: {what} is the input crawl log {source}; writing it would "
                    "replace the log",
                    hint=f"choose a {what} path that is not one of the inputs",
                )
        for other_what, other in seen:
            if _same(path, other) or str(path).casefold() == str(other).casefold():
                raise CrawlStatsError(
                    f"{path}: {what} and {other_what} would be the same file",
                    hint="give the outputs different names",
                )
        seen.append((what, path))


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
