"""The schema of ``manifest.json``, and a reader that trusts none of its bytes.

A manifest can come from anyone (a downloaded archive, a folder someone edited), and
``verify``, ``history`` and ``release`` read it before anything else. So it is parsed with
limits (size, nesting, number length, duplicate keys) and validated strictly (no ``"1"``
for 1, no 1.0 for 1, no unknown keys) before any value is used; every problem becomes one
``ManifestError`` naming the file, the line and column, and the field.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal, Protocol

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails

from gpai_docs.bundle.naming import check_slug, check_version
from gpai_docs.bundle.strict_json import JsonProblem, Position, decode, dotted, load, locate
from gpai_docs.errors import UserError

MAX_MANIFEST_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 16  # the format itself nests four levels deep
MAX_ENTRIES = 100_000
_HINT = (
    "The manifest was damaged or edited; restore the release from its archive or a backup. "
    "A release is never edited in place: release the changes under a new version."
)


class ManifestError(UserError):
    """A manifest that cannot be used, and why: ``detail`` is the part after the file name."""

    def __init__(self, file: str, what: str, position: Position | None = None) -> None:
        self.file = file
        self.detail = f"line {position[0]}, column {position[1]}: {what}" if position else what
        place = f"{file}:{position[0]}:{position[1]}" if position else file
        super().__init__(f"{place}: {what}.", hint=_HINT)


def _text(value: str) -> str:
    # Names and versions reach terminals and Markdown: no control characters, and no lone
    # surrogate (valid as a JSON escape, but not text: printing it raises).
    if any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 or 0xD800 <= ord(c) < 0xE000 for c in value):
        raise ValueError("must be printable text, without control characters")
    return value


def _version(value: str) -> str:
    try:
        return check_version(value)
    except UserError:
        raise ValueError(
            "must be a release version (letters, digits, '.', '_', '+' or '-')"
        ) from None


def _slug(value: str) -> str:
    try:
        return check_slug(value)
    except UserError:
        raise ValueError(
            "must be a model folder name (lower-case letters, digits, '.', '_' or '-')"
        ) from None


def _day(value: object) -> dt.date:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("must be a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError("must be a real calendar date") from None


Text = Annotated[str, Field(min_length=1, max_length=4096), AfterValidator(_text)]
Version = Annotated[str, AfterValidator(_version)]
Day = Annotated[dt.date, BeforeValidator(_day)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Count = Annotated[int, Field(ge=0, le=2**63 - 1)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class EntrySchema(_Strict):
    # Any text: an unsafe path is verify's finding to report, not a reason to stop reading.
    path: Annotated[str, Field(max_length=4096)]
    sha256: Sha256
    size: Count
    media_type: Text
    audience: Text
    document: Text | None = None


class _Model(_Strict):
    slug: Annotated[str, AfterValidator(_slug)]
    name: Text


class _Tool(_Strict):
    name: Literal["gpai-docs"]
    version: Text


class _DocumentVersion(_Strict):
    version: Text
    date: Day


class _Previous(_Strict):
    version: Version
    released_on: Day
    summary_version: Text | None = None
    summary_files: Annotated[list[Text], Field(max_length=MAX_ENTRIES)] = []


class _Changes(_Strict):
    against: Version | None
    compared: bool | None = None
    added: Count | None = None
    removed: Count | None = None
    changed: Count | None = None
    documents: Annotated[list[Text], Field(max_length=16)] = []


class _Signature(_Strict):
    algorithm: Literal["Ed25519"]
    key_id: Sha256
    file: Literal["manifest.json.sig"]


class ManifestSchema(_Strict):
    manifest_format: Literal[1]
    model: _Model
    version: Version
    sequence: Annotated[int, Field(ge=1, le=10**9)]
    released_on: Day
    placed_on_union_market: Day | None = None
    retention_end: Day | None = None
    tool: _Tool
    rule_pack: Annotated[dict[Text, Text], Field(max_length=16)]
    documents: Annotated[dict[Text, _DocumentVersion], Field(max_length=16)] = {}
    sources: Annotated[list[EntrySchema], Field(max_length=MAX_ENTRIES)]
    files: Annotated[list[EntrySchema], Field(max_length=MAX_ENTRIES)]
    previous_versions: Annotated[list[_Previous], Field(max_length=MAX_ENTRIES)] = []
    changes: _Changes = _Changes(against=None)
    signature: _Signature | None = None


def parse_manifest(raw: bytes, file: str) -> ManifestSchema:
    """The validated manifest in ``raw``; raises ``ManifestError`` for anything else."""
    if len(raw) > MAX_MANIFEST_BYTES:
        limit = MAX_MANIFEST_BYTES
        raise ManifestError(file, f"is larger than {limit:,} bytes, the most a manifest may be")
    try:
        text = decode(raw, "a manifest")
        data = load(text, MAX_DEPTH)
    except JsonProblem as problem:
        raise ManifestError(file, problem.what, problem.position) from None
    if not isinstance(data, dict):
        raise ManifestError(file, f"must hold a JSON object, not {describe(data)}", (1, 1))
    version = data.get("manifest_format")
    if type(version) is not int or version != 1:
        raise ManifestError(
            file,
            f"manifest_format is {describe(version)}; this version of gpai-docs reads format 1",
            locate(text, ("manifest_format",)),
        )
    try:
        return ManifestSchema.model_validate(data)
    except ValidationError as error:
        problems = error.errors(include_url=False)
        first = problems[0]
        what = f"{dotted(first['loc'])}: {_explain(first)}"
        if len(problems) > 1:
            what += f" (and {len(problems) - 1} more problem(s))"
        key = first["type"] == "extra_forbidden"
        raise ManifestError(file, what, locate(text, tuple(first["loc"]), key=key)) from None


def describe(value: object) -> str:
    """A value in a few words, never its whole (possibly huge) self."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        shown = str(value)
        return f"the number {shown}" if len(shown) <= 30 else f"a number of {len(shown)} digits"
    if isinstance(value, str):
        return json.dumps(value[:40] + ("..." if len(value) > 40 else ""))
    return "a list" if isinstance(value, list) else "an object"


_EXPECTED = {
    "string_type": "must be text",
    "int_type": "must be a whole number (of at most 19 digits)",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "dict_type": "must be an object",
    "model_type": "must be an object",
    "string_pattern_mismatch": "must be a SHA-256: 64 lower-case hexadecimal digits",
    "string_too_short": "must not be empty",
    "string_unicode": "must be text, without lone surrogate escapes",
}


def _explain(error: ErrorDetails) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "missing":
        return "is missing"
    if kind == "extra_forbidden":
        return "is not a field of a gpai-docs manifest"
    if kind == "value_error":
        expected = str(ctx.get("error", "is not valid"))
    elif kind == "literal_error":
        expected = f"must be {ctx.get('expected')}"
    elif kind in ("greater_than_equal", "less_than_equal"):
        expected = f"must be {'at least' if kind[0] == 'g' else 'at most'} {ctx.get(kind[0] + 'e')}"
    elif kind in ("string_too_long", "too_long"):
        unit = "characters" if kind == "string_too_long" else "entries"
        expected = f"must have at most {ctx.get('max_length')} {unit}"
    else:
        expected = _EXPECTED.get(kind, "is not valid here")
    return f"{expected}, not {describe(error.get('input'))}"


class _Placed(Protocol):
    """What :func:`check_releases` needs of a read manifest."""

    @property
    def version(self) -> str: ...
    @property
    def model_slug(self) -> str: ...
    @property
    def sequence(self) -> int: ...
    @property
    def released_on(self) -> dt.date: ...


def check_releases(slug: str, releases: Sequence[tuple[Path, _Placed]]) -> None:
    """The manifests of one model's release folders agree with where they lie and with
    each other; raises ``ManifestError`` naming the first that does not.

    Each is valid on its own (``parse_manifest``), but a manifest copied into another
    folder, or edited, would give ``history`` two releases of one version and the next
    ``release`` a wrong predecessor, sequence number and changelog.
    """
    by_sequence: dict[int, Path] = {}
    for folder, manifest in sorted(releases, key=lambda r: r[0].name):
        file = str(folder / "manifest.json")
        if manifest.version != folder.name:
            raise ManifestError(
                file,
                f"version is {describe(manifest.version)}, but the release folder is named "
                f"{describe(folder.name)}",
            )
        if manifest.model_slug != slug:
            raise ManifestError(
                file,
                f"model.slug is {describe(manifest.model_slug)}, but the release is in the "
                f"folder of model {describe(slug)}",
            )
        if manifest.sequence in by_sequence:
            other = by_sequence[manifest.sequence].name
            raise ManifestError(
                file, f"sequence {manifest.sequence} is also that of release {other}"
            )
        by_sequence[manifest.sequence] = folder
    ordered = sorted(releases, key=lambda r: r[1].sequence)
    for (before, first), (folder, later) in itertools.pairwise(ordered):
        if later.released_on < first.released_on:
            raise ManifestError(
                str(folder / "manifest.json"),
                f"sequence {later.sequence} comes after release {before.name} (sequence "
                f"{first.sequence}), but its date {later.released_on} is before that "
                f"release's {first.released_on}",
            )
