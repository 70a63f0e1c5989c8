"""Finding the input files (files, folders, globs) and the columns to read."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from gpai_docs.crawlstats.errors import CrawlStatsError
from gpai_docs.crawlstats.model import Columns, Format, Options, Source

_EXTENSIONS: dict[str, Format] = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
}
URL_DEFAULTS = ("url", "host")
TOTALS_URL_DEFAULTS = ("domain", "host", "url")
SIZE_DEFAULTS = {"bytes": ("size", "bytes"), "tokens": ("tokens", "size")}
MODALITY_DEFAULT = "modality"


def detect(path: Path, forced: Format | None) -> Source | None:
    """The reader for a file, from its extension (``.csv.gz`` is gzip CSV)."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    fmt = forced or (_EXTENSIONS.get(suffixes[-1]) if suffixes else None)
    return None if fmt is None else Source(path, fmt, gz)


def _check_readable(path: Path) -> None:
    if not os.access(path, os.R_OK):
        raise CrawlStatsError(
            f"{path}: cannot read this file (permission denied)",
            hint="check the file's permissions, or leave it out of the inputs",
        )


def _from_folder(folder: Path, forced: Format | None) -> list[Source]:
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name.startswith((".", "_")):
            continue  # hidden files, Spark/Hadoop markers such as _SUCCESS
        source = detect(path, forced)
        if source is not None:
            found.append(source)
    if not found:
        raise CrawlStatsError(
            f"{folder}: no crawl log found in this folder",
            hint="logs end in .csv, .tsv, .jsonl, .ndjson or .parquet (optionally .gz); "
            "use --format to read other names",
        )
    return found


def _one(path: Path, forced: Format | None) -> Source:
    source = detect(path, forced)
    if source is None:
        raise CrawlStatsError(
            f"{path}: cannot tell the format of this file from its name",
            hint="name it .csv, .tsv, .jsonl or .parquet (optionally .gz), or pass --format",
        )
    _check_readable(path)
    return source


def expand_inputs(inputs: Sequence[str | Path], forced: Format | None = None) -> list[Source]:
    """Files named directly, all logs under folders, and matches of glob patterns."""
    if not inputs:
        raise CrawlStatsError("no input given", hint="name crawl log files, folders or globs")
    sources: list[Source] = []
    for item in inputs:
        text = str(item)
        path = Path(text)
        if path.is_dir():
            sources.extend(_from_folder(path, forced))
        elif path.exists():
            sources.append(_one(path, forced))
        elif glob.has_magic(text):
            found = glob.glob(text, recursive=True)  # noqa: PTH207 (patterns may be absolute)
            matches = sorted(Path(m) for m in found)
            files = [m for m in matches if m.is_file()]
            if not files:
                raise CrawlStatsError(
                    f"{text}: no file matches this pattern",
                    hint="check the pattern; quote it so the shell does not expand it",
                )
            sources.extend(_one(m, forced) for m in files)
        else:
            raise CrawlStatsError(
                f"{text}: no such file or folder", hint="check the path of the crawl log"
            )
    unique = list(dict.fromkeys(sources))
    return unique


def group_sources(sources: Iterable[Source]) -> dict[Format, list[Source]]:
    """Files grouped by reader, in a stable order."""
    groups: dict[Format, list[Source]] = {}
    for source in sources:
        groups.setdefault(source.format, []).append(source)
    return groups


def _pick(
    available: Sequence[str], asked: str | None, defaults: Sequence[str], what: str, where: str
) -> str:
    lowered = {name.lower(): name for name in available}
    if asked is not None:
        if asked in available:
            return asked
        if asked.lower() in lowered:
            return lowered[asked.lower()]
        candidates = [asked]
    else:
        candidates = list(defaults)
        for name in candidates:
            if name in lowered:
                return lowered[name]
    option = {"size": "--size-column", "modality": "--modality-column"}.get(what, "--url-column")
    raise CrawlStatsError(
        f"{where}: no {what} column (looked for {', '.join(candidates)}; "
        f"the file has {', '.join(available) or 'no columns'})",
        hint=f"name the column with {option}",
    )


def resolve_columns(available: Sequence[str], options: Options, where: str) -> Columns:
    """The url/host, size and modality columns to read, from the file's column names."""
    url_defaults = TOTALS_URL_DEFAULTS if options.input_kind == "totals" else URL_DEFAULTS
    url = _pick(available, options.url_column, url_defaults, "URL or host", where)
    size = _pick(available, options.size_column, SIZE_DEFAULTS[options.measure], "size", where)
    modality: str | None = None
    if options.modality_column is not None:
        modality = _pick(available, options.modality_column, (), "modality", where)
    elif MODALITY_DEFAULT in {a.lower() for a in available}:
        modality = _pick(available, None, (MODALITY_DEFAULT,), "modality", where)
    return Columns(url, size, modality)
