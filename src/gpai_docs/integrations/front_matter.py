"""A model card's YAML front matter: found, read with YAML 1.2, and updated key by key.

The front matter is the user's text. Re-emitting all of it, as the export once did with
PyYAML, rewrote ``no`` as ``false``, ``010`` as ``8`` and ``1_000`` as ``1000`` (YAML 1.1)
and dropped comments, order and quoting. So it is edited through the round-trip tree
(``yamlio.roundtrip``): only the top-level keys gpai-docs owns are rewritten, every other
byte is kept, and the result is read back and must hold exactly the intended values.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gpai_docs.diagnostics import Diagnostic
from gpai_docs.errors import UserError
from gpai_docs.load.documents import MAX_BYTES, decode_document, load_text, read_regular_file
from gpai_docs.yamlio.roundtrip import Entry, RoundTripError, RoundTripText

_NOT_A_MAPPING_HINT = "Write it as `key: value` lines between the two `---` lines."
# The round-trip parser is pure Python, 20 to 40 times slower than libyaml: at this size an
# edit takes a few seconds, at the card's 8 MiB limit it would take minutes. The Hub's own
# metadata (tags, licence, model-index results) takes a few kilobytes.
MAX_FRONT_MATTER_BYTES = 256 * 1024


@dataclass(frozen=True)
class FrontMatter:
    """The front matter as written: its ``---`` lines and the YAML between them."""

    opening: str  # the opening line, without its newline (it may end in "\r")
    text: str  # the lines between, each with its newline
    closing: str
    first_line: int  # the line number of ``text``'s first line in the card


def read_card(path: Path) -> str:
    """A README.md's text; unreadable, oversized or non-UTF-8 files are a UserError."""
    try:
        raw = read_regular_file(path)
    except OSError as error:
        raise UserError(f"cannot read {path}: {error.strerror or error}") from None
    if isinstance(raw, str):
        raise UserError(f"cannot read {path}: {raw}.", hint="Give the card's README.md file.")
    if len(raw) > MAX_BYTES:
        raise UserError(
            f"{path} is larger than {MAX_BYTES:,} bytes; model cards are far smaller.",
            hint="Check that this is the model card's README.md.",
        )
    text = decode_document(raw, str(path))
    if isinstance(text, Diagnostic):
        problem = text
        where = f" (line {problem.location.line}, column {problem.location.column})"
        hint = (
            "Give the model card: README.md, a Markdown file."
            if "binary" in problem.message
            else problem.hint
        )
        raise UserError(f"{path}: {problem.message.rstrip('.')}{where}.", hint=hint)
    return text


def split_card(text: str) -> tuple[FrontMatter | None, str]:
    """The front matter (between ``---`` lines at the very top) and the Markdown body.

    Line by line, with string methods only: a regular expression here backtracked.
    """
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start == len(lines) or lines[start].strip() != "---":
        return None, text
    for end in range(start + 1, len(lines)):
        if lines[end].rstrip(" \t\r") == "---":
            between = "".join(line + "\n" for line in lines[start + 1 : end])
            front = FrontMatter(lines[start], between, lines[end], start + 2)
            return front, "\n".join(lines[end + 1 :])
    raise UserError(
        f"The card's front matter opens with `---` on line {start + 1} but never closes.",
        hint="End the front matter with a line holding only `---`, or remove the first one.",
    )


def read_front_matter(front: FrontMatter) -> dict[str, Any]:
    """The front matter's keys and values, read as gpai-docs reads documents (YAML 1.2)."""
    if not any(
        line.strip() and not line.lstrip().startswith("#") for line in front.text.split("\n")
    ):
        return {}  # empty, or comments only
    document = load_text(front.text, "README.md")
    problems = list(document.diagnostics)
    if problems and problems[0].code != "DL003":  # DL003: not a single mapping, below
        first = problems[0]
        line = (first.location.line or 1) + front.first_line - 1
        raise UserError(
            f"The card's front matter, line {line}, column {first.location.column or 1}: "
            f"{first.message}",
            hint=first.hint,
        )
    if not isinstance(document.data, dict) or problems:
        raise UserError(
            "The card's front matter is not one mapping of keys to values.",
            hint=_NOT_A_MAPPING_HINT,
        )
    return document.data


def _top_level(document: RoundTripText) -> dict[str, Entry]:
    """Where each top-level entry is written; front matter gpai-docs cannot update key by
    key is a UserError."""
    mapping = document.mapping()
    if mapping is None:
        return {}
    if mapping.flow:
        raise UserError(
            "The card's front matter is one flow mapping (`{...}`); gpai-docs updates "
            "front matter written as `key: value` lines.",
            hint=_NOT_A_MAPPING_HINT,
        )
    for entry in mapping.entries.values():
        if entry.column != 0:
            raise UserError(
                f"The card's front matter is indented (line {entry.line}).",
                hint="Start each top-level key at the beginning of its line.",
            )
    return mapping.entries


def _touched(entries: dict[str, Entry], key: str) -> Entry:
    entry = entries[key]
    if entry.aliased:
        raise UserError(
            f"The card's `{key}` is a YAML alias (`*`), and gpai-docs updates this key.",
            hint=f"Write the value of `{key}` out in full instead of the alias.",
        )
    return entry


def _extends(old: Any, new: Any) -> bool:
    """Whether the list ``new`` is the list ``old`` with entries added at its end."""
    if not isinstance(old, list) or not isinstance(new, list) or len(new) <= len(old):
        return False
    return _same(old, new[: len(old)])


def _tree(front: FrontMatter) -> RoundTripText:
    size = len(front.text.encode("utf-8", "surrogatepass"))
    if size > MAX_FRONT_MATTER_BYTES:
        raise UserError(
            f"The card's front matter is {size:,} bytes; gpai-docs edits front matter of up "
            f"to {MAX_FRONT_MATTER_BYTES:,} bytes.",
            hint="Keep the metadata between the `---` lines to the Hub's keys; move long "
            "text into the card's body below them.",
        )
    try:
        return RoundTripText(front.text, max_bytes=MAX_FRONT_MATTER_BYTES)
    except RoundTripError as error:
        raise UserError(
            f"The card's front matter, line {error.line + front.first_line - 1}, "
            f"column {error.column}: {error.message}",
            hint="Write the front matter as `key: value` lines of plain YAML values.",
        ) from None


def updated_text(front: FrontMatter, user: dict[str, Any], wanted: dict[str, Any]) -> str:
    """The front matter's text with each top-level key whose value differs from ``wanted``
    rewritten.

    Keys of ``user`` missing from ``wanted`` are removed, new keys are appended, a block
    list that only gains entries gets them after its last one; every other byte of the
    text is kept. The result must read back as ``wanted``.
    """
    document = _tree(front)
    entries = _top_level(document) if user else {}
    for key in user.keys() & wanted.keys():
        old, new = user[key], wanted[key]
        if _same(old, new):
            continue
        entry = _touched(entries, key)
        if not (_extends(old, new) and document.extend(entry, new[len(old) :])):
            document.replace(entry, new)
    for key in user.keys() - wanted.keys():
        document.remove(_touched(entries, key))
    document.append({k: v for k, v in wanted.items() if k not in user})
    out = document.dump()
    _check(out, wanted)
    return out


def _same(a: Any, b: Any) -> bool:
    """Equal and of the same types (``1 == True`` in Python, not in YAML)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return bool(a == b) or (a != a and b != b)  # NaN, as `.nan` in the user's keys


def _check(text: str, wanted: dict[str, Any]) -> None:
    document = load_text(text, "README.md")
    back = document.data if document.diagnostics == () else None
    if not _same(back if text.strip() else {}, wanted):
        raise UserError(
            "The card's front matter cannot be updated without changing keys gpai-docs "
            "does not own (a YAML anchor or alias shared with one of its keys?).",
            hint="Write the front matter's values out in full, without anchors and aliases.",
        )
