"""The public crawler-information page (Markdown and HTML) and its publication with the feed.

Written beside the releases as ``<out>/<slug>/crawlers.md``, ``crawlers.html`` and
``crawlers.atom``; each release regenerates them from every release of the model.
"""

from __future__ import annotations

from pathlib import Path

from gpai_docs.bundle.crawlers import (
    PROTOCOLS,
    ProtocolRow,
    Snapshot,
    Timeline,
    answer_text,
    feed_url,
    protocol_rows,
    timeline,
)
from gpai_docs.bundle.feed import atom_feed, entry_text
from gpai_docs.bundle.sources import load_side
from gpai_docs.bundle.store import ModelStore
from gpai_docs.escaping import WEB_SCHEMES, html_attr, html_text, md_code, safe_href
from gpai_docs.escaping import md_inline as _md
from gpai_docs.fileio import write_bytes_atomic, write_text_atomic
from gpai_docs.law import rulepack

PAGE_MD = "crawlers.md"
PAGE_HTML = "crawlers.html"
FEED = "crawlers.atom"


def _link(url: str) -> str:
    """A provider's URL as an autolink when it is plain http(s), else as literal text."""
    href = safe_href(url, schemes=WEB_SCHEMES)
    return f"<{href}>" if href else _md(url)


def _since(line: Timeline, subject: str, label: str) -> str:
    when = line.since.get((subject, label))
    return f" _(since release {_md(when[0])}, {when[1]})_" if when else ""


def crawler_page_markdown(line: Timeline) -> str:
    """The page: current crawlers and protocols, retired crawlers, and every change."""
    latest = line.latest
    policy = latest.policy.rights_reservation
    url = feed_url(line.snapshots)
    lines = [
        f"# Crawlers: {_md(latest.model_name)}",
        "",
        f"How {_md(latest.provider or 'the provider')} collects training data from the web "
        "for this model, and which rights reservations its crawlers honour (Code of "
        "Practice, Copyright chapter, Measure 1.3). Current as of release "
        f"{_md(latest.version)} ({latest.released_on}).",
        "",
        f"Subscribe to changes: [{FEED}]({FEED})"
        + (f" (published at {_link(url)})." if url else "."),
    ]
    current = line.current()
    protocols = current[PROTOCOLS]
    crawlers = [s for key, s in current.items() if key != PROTOCOLS]
    lines += ["", "## Crawlers in use", ""]
    if not crawlers:
        statement = answer_text(policy.crawlers) if not isinstance(policy.crawlers, list) else None
        lines.append(_md(statement or "No crawlers are in use."))
    rows = protocol_rows(latest.policy)
    other = [f"{row.name} ({row.version})" if row.version else row.name for row in rows]
    for crawler in crawlers:
        lines += ["", f"### {_md(crawler.title)}", ""]
        for label, value in crawler.facts.items():
            lines.append(f"- **{label}:** {_md(value)}{_since(line, crawler.key, label)}")
        token = crawler.facts.get("robots.txt product token")
        group = f"the group for {md_code(token)}, else" if token else "the"
        lines.append(
            f"- **robots.txt rules honoured:** {group} `User-agent: *` group, following "
            f"{_md(protocols.facts.get('robots.txt standard', 'the Robots Exclusion Protocol'))}"
        )
        lines.append(
            "- **Other protocols honoured:** " + (", ".join(_md(o) for o in other) or "none")
        )
    lines += ["", "## Rights reservations honoured by all crawlers", ""]
    for label, value in protocols.facts.items():
        lines.append(f"- **{_md(label)}:** {_md(value)}{_since(line, PROTOCOLS, label)}")
    if rows:
        lines += _protocol_status(rows)
    if line.retired:
        lines += ["", "## Crawlers no longer used", ""]
        for name, (version, day) in sorted(line.retired.items()):
            lines.append(f"- {_md(name)}: not used since release {_md(version)} ({day})")
    lines += ["", "## Changes", ""]
    for change in reversed(line.changes):
        head, *facts = entry_text(change).splitlines()
        lines.append(f"- {_md(head)}")
        lines.extend(f"  - {_md(fact)}" for fact in facts)
    return "\n".join(lines) + "\n"


def _protocol_status(rows: list[ProtocolRow]) -> list[str]:
    """Each protocol's status in the opt-out protocol vocabulary, and a draft's revision used."""
    version = rulepack.load().protocols.version
    lines = ["", "## Status of the protocols", ""]
    lines.append(f"As recorded in the gpai-docs opt-out protocol vocabulary {_md(version)}.")
    lines.append("")
    for row in rows:
        used = f"; the crawlers implement {_md(row.version)}" if row.version else ""
        link = f"; specification: {_md(row.reference)}" if row.reference else ""
        lines.append(f"- **{_md(row.name)}:** {_md(row.status)}{used}{link}")
    return lines


def crawler_page_html(markdown: str, title: str) -> str:
    """The page as standalone HTML, with feed autodiscovery; raw HTML in input is not passed."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False})
    md.validateLink = _valid_link  # type: ignore[method-assign]
    body = md.render(markdown)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html_text(title)}</title>\n"
        f'<link rel="alternate" type="application/atom+xml" href="{html_attr(FEED)}">\n'
        f"</head>\n<body>\n{body}</body>\n</html>\n"
    )


def _valid_link(url: str) -> bool:
    # Rightsholders follow web links to the provider's pages, and the feed beside the page.
    return url == FEED or safe_href(url, schemes=WEB_SCHEMES) is not None


def snapshots_of(store: ModelStore) -> list[Snapshot]:
    """The copyright policy of every release of the model, oldest first."""
    out = []
    for release in store.releases():
        loaded = load_side(release.path)
        legal = loaded.model_documentation.general.legal_name
        out.append(
            Snapshot(
                release.version,
                release.manifest.released_on,
                loaded.model_name,
                legal if isinstance(legal, str) else None,
                loaded.copyright_policy,
            )
        )
    return out


def publish_crawler_info(store: ModelStore) -> list[Path]:
    """Regenerate the page and the feed beside the releases; return the files written."""
    from gpai_docs import __version__

    snapshots = snapshots_of(store)
    if not snapshots:
        return []
    line = timeline(snapshots)
    markdown = crawler_page_markdown(line)
    targets = [store.root / PAGE_MD, store.root / PAGE_HTML, store.root / FEED]
    write_text_atomic(targets[0], markdown)
    page = crawler_page_html(markdown, f"Crawlers: {line.latest.model_name}")
    write_text_atomic(targets[1], page)
    write_bytes_atomic(targets[2], atom_feed(store.slug, line, tool_version=__version__))
    return targets
