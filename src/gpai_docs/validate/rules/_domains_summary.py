"""The JSON summary that `gpai-docs domains` writes, parsed for the checks of summary section 2.3.

The file (format ``gpai-docs-domains/1``) holds ``distinct_domains``, ``listed_domains``,
``sme`` and ``top``: the listed domains as ``{rank, domain, size, share}``, largest first.
Rules only read it; a file that is missing or malformed becomes a finding, never an
exception that reaches the user.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gpai_docs.fileio import Refused
from gpai_docs.load.domain_file import DomainsFile

FORMAT = "gpai-docs-domains/1"
# The summary lists at most the top domains, so even huge crawls stay far below this.
MAX_BYTES = 64 * 1024 * 1024


class SummaryProblem(Exception):
    """The domains summary cannot be used; ``hint`` says how to fix it."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True, slots=True)
class TopDomain:
    rank: int
    domain: str
    size: float
    share: float


@dataclass(frozen=True, slots=True)
class DomainsSummary:
    distinct_domains: int
    listed_domains: int
    sme: bool | None
    top: tuple[TopDomain, ...]


_REGENERATE = "Write it again with `gpai-docs domains`, or correct `top_domains.source`."


def _int(raw: dict[str, Any], key: str) -> int:
    value = raw.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise SummaryProblem(f"`{key}` is not a non-negative whole number", _REGENERATE)
    return value


def _entry(raw: Any, index: int) -> TopDomain:
    if not isinstance(raw, dict):
        raise SummaryProblem(f"entry {index} of `top` is not an object", _REGENERATE)
    rank, domain, size, share = (raw.get(k) for k in ("rank", "domain", "size", "share"))
    if (
        isinstance(rank, bool)
        or not isinstance(rank, int)
        or not isinstance(domain, str)
        or not domain
        or isinstance(size, bool)
        or not isinstance(size, int | float)
        or isinstance(share, bool)
        or not isinstance(share, int | float)
    ):
        raise SummaryProblem(
            f"entry {index} of `top` lacks a valid rank, domain, size or share", _REGENERATE
        )
    return TopDomain(rank, domain, float(size), float(share))


def refusal(root: Path, source: str, refused: Refused) -> SummaryProblem:
    """Why ``source`` is not read: outside the project, behind a link, not a plain file.

    Build and validate both come here, so they refuse the same files in the same words."""
    if refused.kind.startswith("outside"):
        return SummaryProblem(
            f"the domain statistics file {source} is outside the project folder; it is not read",
            "Keep the output of `gpai-docs domains` inside the project and give its path "
            "relative to the project folder.",
        )
    where = source
    if refused.path is not None and refused.path.is_relative_to(root):
        where = refused.path.relative_to(root).as_posix()
    if where == source:
        message = f"the domain statistics file {source} is {refused.kind}; it is not read"
    else:
        message = (
            f"the folder {where} on the way to the domain statistics file {source} is "
            f"{refused.kind}; the file is not read"
        )
    return SummaryProblem(
        message,
        "Put the JSON file written by `gpai-docs domains` itself in the project folder "
        "(a copy, not a link) and point `top_domains.source` at it.",
    )


def read_summary(file: DomainsFile) -> DomainsSummary:
    """The summary in ``file`` (read with the documents); raise SummaryProblem if unusable."""
    source = file.source
    if file.absolute:
        raise SummaryProblem(
            f"the domain statistics path {source!r} is absolute",
            "Give the path relative to the project folder, so the project can move.",
        )
    if isinstance(file.failure, Refused):
        raise refusal(file.root, source, file.failure)
    if isinstance(file.failure, FileNotFoundError):
        raise SummaryProblem(
            f"the domain statistics file {source} does not exist",
            "Run `gpai-docs domains` on the crawl log to write it, or correct the path.",
        )
    if file.failure is not None or file.data is None:
        raise SummaryProblem(
            f"the domain statistics file {source} cannot be read as JSON ({file.failure})",
            _REGENERATE,
        )
    if len(file.data) > MAX_BYTES:
        raise SummaryProblem(
            f"the domain statistics file {source} is larger than {MAX_BYTES} bytes",
            "Point `top_domains.source` at the JSON summary, not at the full CSV.",
        )
    try:
        raw = json.loads(file.data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise SummaryProblem(
            f"the domain statistics file {source} cannot be read as JSON ({exc})", _REGENERATE
        ) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise SummaryProblem(
            f"the domain statistics file {source} is not in the {FORMAT} format", _REGENERATE
        )
    sme = raw.get("sme")
    if sme is not None and not isinstance(sme, bool):
        raise SummaryProblem("`sme` is not true, false or null", _REGENERATE)
    top = raw.get("top")
    if not isinstance(top, list):
        raise SummaryProblem("`top` is not a list", _REGENERATE)
    return DomainsSummary(
        _int(raw, "distinct_domains"),
        _int(raw, "listed_domains"),
        sme,
        tuple(_entry(item, index) for index, item in enumerate(top)),
    )
