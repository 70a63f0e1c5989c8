"""The error the crawl-statistics library raises for problems the user can fix."""

from __future__ import annotations

from gpai_docs.errors import GpaiDocsError


class CrawlStatsError(GpaiDocsError):
    """A crawl log cannot be read or an option cannot be honoured.

    ``message`` says what went wrong (naming the file where there is one) and
    ``hint`` what to do about it. Bad *rows* are never errors: they are counted.
    """
