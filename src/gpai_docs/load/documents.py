"""Read YAML or JSON documents into plain data plus a source map, reporting every problem.

This part decodes the bytes and bounds their size; YAML is parsed in ``yamlio.parse`` (by
the YAML 1.2 core schema, so ``no`` stays the word "no" and ``2025-08-02`` stays text for
pydantic to parse), JSON in ``load.json_text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gpai_docs.diagnostics import Diagnostic, Severity
from gpai_docs.fileio import NotRegularFile, read_regular
from gpai_docs.load.json_text import load_json
from gpai_docs.load.source_map import SourceMap
from gpai_docs.yamlio.parse import parse_yaml
from gpai_docs.yamlio.problems import document_problem, line_col

MAX_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class LoadedDocument:
    """One document as read from disk: its data (None if unreadable) and what went wrong."""

    file: str
    data: Any
    source_map: SourceMap
    diagnostics: tuple[Diagnostic, ...]
    sha256: str
    # The bytes as read (None when unreadable or too big): what a release archives and
    # a report attaches is what was validated, not whatever the file holds later.
    raw: bytes | None = None

    @property
    def ok(self) -> bool:
        return self.data is not None and not any(
            d.severity is Severity.ERROR for d in self.diagnostics
        )


def decode_document(raw: bytes, file: str) -> str | Diagnostic:
    """The text of a document, or the DL007 finding that says why it is not text."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return document_problem(
            "DL007", file, "The file is UTF-16 encoded.", "Save it as UTF-8.", (1, 1)
        )
    if b"\x00" in raw[:8192]:
        return document_problem(
            "DL007",
            file,
            "The file is binary, not YAML or JSON text.",
            "Point gpai-docs at the YAML or JSON document.",
            (1, 1),
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8", errors="replace")
        return document_problem(
            "DL007",
            file,
            f"The file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}).",
            "Save the file as UTF-8; retype the character at this position.",
            line_col(prefix, len(prefix)),
        )


def _load_yaml(text: str, file: str) -> tuple[Any, SourceMap, list[Diagnostic]]:
    parsed = parse_yaml(text, file)
    return parsed.data, SourceMap(file, parsed.keys, parsed.values), list(parsed.diagnostics)


def load_text(text: str, file: str, *, json_syntax: bool = False) -> LoadedDocument:
    """Parse document text (YAML unless ``json_syntax``) into a loaded document."""
    encoded = text.encode("utf-8", errors="surrogatepass")
    digest = hashlib.sha256(encoded).hexdigest()
    if len(encoded) > MAX_BYTES:
        return LoadedDocument(file, None, SourceMap(file), (_too_big(file, len(encoded)),), digest)
    loader = load_json if json_syntax else _load_yaml
    data, smap, problems = loader(text, file)
    if data is not None and not isinstance(data, dict):
        problems.append(
            document_problem(
                "DL003",
                file,
                "The document's top level is not a mapping of fields.",
                "Start the document with field names such as `general:`.",
                (1, 1),
            )
        )
        data = None
    return LoadedDocument(file, data, smap, tuple(problems), digest, encoded)


def _too_big(file: str, size: int) -> Diagnostic:
    return document_problem(
        "DL006",
        file,
        f"The file is {size:,} bytes; documents are limited to {MAX_BYTES:,}.",
        "Move large lists (such as crawled domains) to a CSV file and point to it.",
        None,
    )


def read_regular_file(path: Path) -> bytes | str:
    """The file's bytes (at most MAX_BYTES + 1), or why it is not a readable document.

    Read through fileio, which never opens a FIFO or a device (a pipe or /dev/zero
    reached through a link would block or never end). A document may be a link: where it
    leads is checked by the project, not here.
    """
    try:
        return read_regular(path, MAX_BYTES, follow=True)
    except NotRegularFile:
        return "it is not a regular file"


def load_file(path: Path, display: str | None = None) -> LoadedDocument:
    """Read one document from disk; every problem becomes a diagnostic, never an exception."""
    file = display or path.as_posix()
    empty = SourceMap(file)
    try:
        size = path.stat().st_size
        raw = b"" if size > MAX_BYTES else read_regular_file(path)
    except OSError as exc:
        raw = str(exc.strerror or exc)
    if isinstance(raw, str):
        problem = document_problem(
            "DL001",
            file,
            f"The file cannot be read: {raw[:1].lower()}{raw[1:]}.",
            "Check that the file exists, is a regular file and is readable.",
            None,
        )
        return LoadedDocument(file, None, empty, (problem,), "")
    if size > MAX_BYTES or len(raw) > MAX_BYTES:
        return LoadedDocument(file, None, empty, (_too_big(file, max(size, len(raw))),), "")
    text = decode_document(raw, file)
    if isinstance(text, Diagnostic):
        return LoadedDocument(file, None, empty, (text,), hashlib.sha256(raw).hexdigest(), raw)
    document = load_text(text, file, json_syntax=path.suffix.lower() == ".json")
    return LoadedDocument(
        document.file,
        document.data,
        document.source_map,
        document.diagnostics,
        hashlib.sha256(raw).hexdigest(),
        raw,
    )
