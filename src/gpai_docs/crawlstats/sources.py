"""Finding the input files (files, folders, globs) and the columns to read."""

from __future__ import annotations

import glob
import os
import re
import stat
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


_REMOTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def is_remote(text: str) -> bool:
    """An object-storage URI (``s3a://``, ``gs://``, ``hdfs://``, ...), not a local path."""
    return _REMOTE.match(text) is not None


def detect(location: str, forced: Format | None, remote: bool = False) -> Source | None:
    """The reader for a file, from its extension (``.csv.gz`` is gzip CSV)."""
    name = location.rstrip("/").rsplit("/", 1)[-1]
    suffixes = [s.lower() for s in Path(name).suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    fmt = forced or (_EXTENSIONS.get(suffixes[-1]) if suffixes else None)
    return None if fmt is None else Source(location, fmt, gz, remote)


def _check_file(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise CrawlStatsError(
            f"{path}: cannot read this file ({exc.strerror or exc})",
            hint="check the path and the file's permissions",
        ) from exc
    if not stat.S_ISREG(mode):
        raise CrawlStatsError(
            f"{path}: not a regular file (a pipe, device or socket)",
            hint="name crawl log files or folders; copy a stream to a file first",
        )
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
        source = detect(str(path), forced)
        if source is not None:
            _check_file(path)
            found.append(source)
    if not found:
        raise CrawlStatsError(
            f"{folder}: no crawl log found in this folder",
            hint="logs end in .csv, .tsv, .jsonl, .ndjson or .parquet (optionally .gz); "
            "use --format to read other names",
        )
    return found


def _one(path: Path, forced: Format | None) -> Source:
    source = detect(str(path), forced)
    if source is None:
        raise CrawlStatsError(
            f"{path}: cannot tell the format of this file from its name",
            hint="name it .csv, .tsv, .jsonl or .parquet (optionally .gz), or pass --format",
        )
    _check_file(path)
    return source


def _remote(text: str, forced: Format | None, remote_ok: bool) -> Source:
    if not remote_ok:
        raise CrawlStatsError(
            f"{text}: object storage is read by the Spark engine only",
            hint="add --engine spark (with the Hadoop connector for the scheme), "
            "or copy the logs to a local folder",
        )
    source = detect(text, forced, remote=True)
    if source is None:
        raise CrawlStatsError(
            f"{text}: cannot tell the format of these logs from the name",
            hint="pass --format csv, tsv, jsonl or parquet",
        )
    return source


def expand_inputs(
    inputs: Sequence[str | Path], forced: Format | None = None, *, remote_ok: bool = False
) -> list[Source]:
    """Files named directly, all logs under folders, and matches of glob patterns.

    A name that exists is read literally, glob characters and all; only a name that
    does not exist is taken as a pattern. Remote URIs pass through to Spark as given.
    """
    if not inputs:
        raise CrawlStatsError("no input given", hint="name crawl log files, folders or globs")
    sources: dict[str, Source] = {}
    for item in inputs:
        text = str(item)
        found: list[Source]
        path = Path(text)
        if isinstance(item, str) and is_remote(text):
            found = [_remote(text, forced, remote_ok)]
        elif path.is_dir():
            found = _from_folder(path, forced)
        elif path.exists() or path.is_symlink():
            found = [_one(path, forced)]
        elif glob.has_magic(text):
            matches = sorted(Path(m) for m in glob.glob(text, recursive=True))  # noqa: PTH207
            files = [m for m in matches if m.is_file()]
            if not files:
                raise CrawlStatsError(
                    f"{text}: no file matches this pattern",
                    hint="check the pattern; quote it so the shell does not expand it",
                )
            found = [_one(m, forced) for m in files]
        else:
            raise CrawlStatsError(
                f"{text}: no such file or folder", hint="check the path of the crawl log"
            )
        for source in found:
            key = source.location if source.remote else os.path.realpath(source.location)
            sources.setdefault(key, source)
    return list(sources.values())


def group_sources(sources: Iterable[Source]) -> dict[Format, list[Source]]:
    """Files grouped by reader, in a stable order."""
    groups: dict[Format, list[Source]] = {}
    for source in sources:
        groups.setdefault(source.format, []).append(source)
    return groups


def _pick(
    available: Sequence[str], asked: str | None, defaults: Sequence[str], what: str, where: str
) -> str:
    lowered: dict[str, str] = {}
    for name in available:
        lowered.setdefault(name.lower(), name)  # the first of names equal but for case
    found: str | None = None
    if asked is not None:
        if asked in available:
            found = asked
        elif asked.lower() in lowered:
            found = lowered[asked.lower()]
        candidates = [asked]
    else:
        candidates = list(defaults)
        found = next((lowered[n] for n in candidates if n in lowered), None)
    if found is not None:
        if available.count(found) > 1:
            raise CrawlStatsError(
                f"{where}: {available.count(found)} columns are named {found!r}; "
                f"which one holds the {what} is unclear",
                hint="rename the columns in the header line so that each name is used once",
            )
        return found
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
