"""The top-domain list of summary section 2.3: read it, cut its head, write it as CSV.

The list may hold 100,000 names or more. Laying them all out in a PDF costs minutes and
gigabytes and helps no reader, so the documents show the head and the full list goes
into a CSV file beside the summary (and into the PDF as an attachment).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gpai_docs.errors import UserError
from gpai_docs.escaping import csv_line
from gpai_docs.fileio import Refused
from gpai_docs.load.domain_file import MAX_LIST_BYTES, DomainsFile
from gpai_docs.render.audience import Record
from gpai_docs.validate.rules._domains_summary import refusal

HEAD = 100
DOMAINS_FORMAT = "gpai-docs-domains/1"


@dataclass(frozen=True, slots=True)
class DomainList:
    """Ranked domain names (rank 1 first) and where the full list is published."""

    domains: tuple[str, ...]
    total_domains: int | None
    download_url: str | None

    @property
    def head(self) -> tuple[str, ...]:
        return self.domains[:HEAD]

    @property
    def truncated(self) -> bool:
        return len(self.domains) > HEAD

    def csv_bytes(self) -> bytes:
        rows = enumerate(self.domains, start=1)
        lines = [csv_line(("rank", "domain")), *(csv_line(row) for row in rows)]
        return "".join(lines).encode("utf-8")


def _bytes(file: DomainsFile) -> bytes:
    """The list file's bytes as the load stage read them, or why they cannot be used."""
    relative = file.source
    if isinstance(file.failure, Refused):
        problem = refusal(file.root, relative, file.failure)
        message = problem.message[:1].upper() + problem.message[1:] + "."
        raise UserError(message, hint=problem.hint)
    if isinstance(file.failure, FileNotFoundError):
        raise UserError(
            f"The domain statistics file {relative!r} does not exist.",
            hint="Run `gpai-docs domains` to write it, or fix section_2.crawled_data."
            "top_domains.source.",
        )
    if file.failure is not None or file.data is None:
        reason = file.failure.strerror if isinstance(file.failure, OSError) else None
        raise UserError(f"Cannot read the domain list {relative!r}: {reason}.")
    if len(file.data) > MAX_LIST_BYTES:
        raise UserError(
            f"The domain list {relative!r} is larger than {MAX_LIST_BYTES:,} bytes.",
            hint="Point `top_domains.source` at the JSON summary of `gpai-docs domains`.",
        )
    return file.data


def _from_json(raw: bytes, relative: str) -> list[str]:
    try:
        data: Any = json.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UserError(
            f"Cannot read the domain statistics file {relative!r}: {error}.",
            hint="Give the JSON summary written by `gpai-docs domains`.",
        ) from None
    if not isinstance(data, dict) or data.get("format") != DOMAINS_FORMAT:
        raise UserError(
            f"{relative!r} is not a domain summary (format {DOMAINS_FORMAT}).",
            hint="Give the JSON summary written by `gpai-docs domains`.",
        )
    top = data.get("top")
    if not isinstance(top, list) or not all(
        isinstance(row, dict) and isinstance(row.get("domain"), str) for row in top
    ):
        raise UserError(
            f"{relative!r} has no valid `top` list of domains.",
            hint="Re-run `gpai-docs domains` to write the summary again.",
        )
    ranked = sorted(top, key=lambda row: (int(row.get("rank") or 0), row["domain"]))
    return [str(row["domain"]) for row in ranked]


def _from_csv(raw: bytes, relative: str) -> list[str]:
    try:
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise UserError(f"Cannot read the domain list {relative!r}: {error}.") from None
    if rows and "domain" not in rows[0]:
        raise UserError(
            f"The domain list {relative!r} has no `domain` column.",
            hint="Give the CSV written by `gpai-docs domains`.",
        )
    return [row["domain"] for row in rows if row.get("domain")]


def load_domains(top_domains: Record | None, file: DomainsFile | None) -> DomainList | None:
    """The list from the projected ``top_domains`` record (inline, or from its source file)."""
    if not isinstance(top_domains, Record):
        return None
    inline = top_domains.get("domains")
    source = top_domains.get("source")
    domains: list[str] = []
    if isinstance(inline, list) and inline:
        domains = [str(d) for d in inline]
    elif isinstance(source, str) and file is not None:
        raw = _bytes(file)
        domains = (
            _from_csv(raw, source) if Path(source).suffix == ".csv" else _from_json(raw, source)
        )
    if not domains:
        return None
    total = top_domains.get("total_domains")
    url = top_domains.get("download_url")
    return DomainList(
        tuple(domains),
        total if isinstance(total, int) else None,
        url if isinstance(url, str) else None,
    )
