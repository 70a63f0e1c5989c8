"""Hostile strings for every output context, and the oracles that judge each output.

Every generated string carries the marker ``zqx`` so an oracle can tell text that came
from the input from text our templates wrote. An output passes when it parses in its
own format (CSV, HTML, Atom, YAML, JSON, SARIF, Markdown) and holds no active content
that came from the input: no raw tag, no link or image target, no table cell, heading or
CI workflow command of the input's making, no formula at the start of a CSV cell.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from typing import Any

from hypothesis import strategies as st
from markdown_it import MarkdownIt

MARK = "zqx"

PIECES = {
    # spreadsheet formulas (OWASP CSV injection) and CSV structure
    "csv": [
        "=",
        "+",
        "-",
        "@",
        "\t",
        "\r",
        "=cmd|' /C calc'!A1",
        '=HYPERLINK("http://e.example")',
        ",",
        '"',
        "\n",
    ],
    # HTML and XML metacharacters, and characters XML 1.0 cannot hold
    "html": [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<b>",
        "&",
        "&amp;",
        '"',
        "'",
        "<",
        ">",
        "]]>",
        "<!--",
        "-->",
        "<![CDATA[x",
    ],
    "xml": ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\x7f", "\x85", "\ufffe", "\uffff"],
    # Markdown structure: cells, links, images, headings, code, autolinks
    "markdown": [
        "|",
        "](",
        "![",
        "[x](javascript:alert(1))",
        "![i](http://e.example/i.png)",
        "[l](http://e.example)",
        "\n# head",
        "\n\n",
        "`",
        "*",
        "_",
        "\\",
        "<http://e.example>",
        "\n---\n",
        "\n| a | b |\n|---|---|\n",
    ],
    # CI logs: workflow commands on a line of their own, escapes, ANSI
    "ci": [
        "\n::error::pwned",
        "\r\n::warning file=x.yaml::y",
        "::set-env name=X::y",
        "%0A::error::",
        "\x1b[31m",
        "\u2028",
    ],
    # SARIF and file URIs
    "uri": ["#", "%", " ", "%20", "?", "%zz", "\\", "file:///etc/passwd"],
}
ALL_PIECES = [piece for pieces in PIECES.values() for piece in pieces]

hostile = st.builds(
    lambda lead, parts, tail: lead + "".join(parts) + tail,
    st.sampled_from(["", MARK]),
    st.lists(st.sampled_from(ALL_PIECES) | st.text(max_size=4), min_size=1, max_size=6),
    st.just(MARK),
)
# Text a schema accepts as a name: printable, one line, no XML-illegal characters
printable = hostile.map(
    lambda s: "".join(c for c in s if c.isprintable() and c not in "\ufffe\uffff")
)


# --- oracles ---------------------------------------------------------------------

FORMULA = ("=", "+", "-", "@", "\t", "\r")


def lines(text: str) -> list[str]:
    """Lines as CommonMark and CI runners split them: at LF, CR or CRLF only (not at
    U+2028 and the other breaks of ``str.splitlines``)."""
    return re.split(r"\r\n|\r|\n", text)


def csv_problems(text: str, columns: int) -> list[str]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    out = [
        f"row {n} has {len(row)} cells, not {columns}"
        for n, row in enumerate(rows)
        if len(row) != columns
    ]
    out += [f"formula cell {cell!r}" for row in rows for cell in row if cell.startswith(FORMULA)]
    return out


def ci_problems(text: str) -> list[str]:
    """No workflow command (``::error::``) of the input's making, no terminal escape."""
    out = [
        f"workflow command line {line!r}" for line in lines(text) if line.lstrip().startswith("::")
    ]
    return out + (["ANSI escape"] if "\x1b" in text else [])


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def html_problems(html: str, allowed: set[str]) -> list[str]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    out = []
    for tag, attrs in parser.tags:
        if tag not in allowed or MARK in tag:
            out.append(f"tag <{tag}>")
        for name, value in attrs.items():
            if name.startswith("on") or MARK in name:
                out.append(f"attribute {name} on <{tag}>")
            if name in ("href", "src") and value and (MARK in value or "e.example" in value):
                out.append(f"{name}={value!r} from the input")
            if (
                name in ("href", "src")
                and value
                and re.match(r"\s*(javascript|data|vbscript|file):", value, re.I)
            ):
                out.append(f"{name}={value!r}")
    return out


MARKDOWN_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "ul",
    "ol",
    "li",
    "code",
    "pre",
    "em",
    "strong",
    "a",
    "blockquote",
    "hr",
    "br",
}


def markdown_problems(markdown: str) -> list[str]:
    """Rendered with raw HTML on (as a forge would): no tag, link or image of the input's
    making, and no heading or table that a piece of the input would start (the pieces
    ``\n# head`` and ``\n| a | b |`` give themselves away by their text)."""
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    out = html_problems(md.render(markdown), MARKDOWN_TAGS)
    tokens = md.parse(markdown)
    for i, token in enumerate(tokens[:-1]):
        content = tokens[i + 1].content
        if token.type == "heading_open" and content.startswith("head"):
            out.append(f"heading {content!r} from the input")
        if token.type in ("th_open", "td_open") and content in ("a", "b"):
            out.append(f"table cell {content!r} from the input")
    out += _table_problems(markdown)
    return out


def _pipes(line: str) -> int:
    """Cell delimiters of a GFM table row: every ``|`` not escaped by a backslash
    (code spans do not protect a ``|`` in GFM tables)."""
    count, escaped = 0, False
    for char in line:
        count += char == "|" and not escaped
        escaped = char == "\\" and not escaped
    return count


def _table_problems(markdown: str) -> list[str]:
    """Every row of a table has as many cells as its header (no ``|`` from the input)."""
    out = []
    width = None
    for line in lines(markdown):
        if not line.startswith("|"):
            width = None
            continue
        cells = _pipes(line)
        if width is None:
            width = cells
        elif cells != width:
            out.append(f"table row with {cells - 1} cells, not {width - 1}: {line!r}")
    return out


def atom_problems(xml: str) -> list[str]:
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as error:
        return [f"not XML: {error}"]
    return [
        f"element {el.tag}" for el in root.iter() if MARK in el.tag or "script" in el.tag.lower()
    ]


def sarif_problems(data: Any) -> list[str]:
    out = []
    if not (
        isinstance(data, dict)
        and data.get("version") == "2.1.0"
        and isinstance(data.get("runs"), list)
    ):
        return ["not SARIF 2.1.0"]
    for run in data["runs"]:
        for result in run.get("results", []):
            for location in result.get("locations", []):
                uri = location["physicalLocation"]["artifactLocation"]["uri"]
                if re.search(r"[\s#?]|%(?![0-9A-Fa-f]{2})", uri):
                    out.append(f"URI {uri!r} is not a URI reference")
    return out
