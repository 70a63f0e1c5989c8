"""The domain statistics file that summary section 2.3 names, read once with the documents.

`top_domains.source` points at the output of `gpai-docs domains`. It is read here, in the
load stage, so that the rules (which check it) and the render stage (which lists its
domains) see the same bytes, and rendering never opens the project folder again.
Reading is guarded like every project read: inside the project, no link, a plain file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gpai_docs.fileio import Refused, read_inside
from gpai_docs.models import TrainingDataSummary

# The full CSV of a crawl with a million domains takes about 30 MB.
MAX_LIST_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class DomainsFile:
    """The file as read: its bytes (at most the limit plus one), or why it was not read."""

    root: Path
    source: str
    data: bytes | None
    failure: Refused | OSError | None

    @property
    def absolute(self) -> bool:
        return Path(self.source).is_absolute()


def read_domains_file(root: Path, source: str) -> DomainsFile:
    """Read ``source``, relative to the project ``root``; failures are kept, never raised."""
    try:
        data = read_inside(root, source, MAX_LIST_BYTES, where="the project folder")
    except (Refused, OSError) as failure:
        return DomainsFile(root, source, None, failure)
    return DomainsFile(root, source, data, None)


def domains_file_of(root: Path, summary: TrainingDataSummary | None) -> DomainsFile | None:
    """The file the summary's top-domain list names, if it names one."""
    top = summary.section_2.crawled_data.top_domains if summary is not None else None
    if top is None or top.source is None:
        return None
    return read_domains_file(root, top.source)
