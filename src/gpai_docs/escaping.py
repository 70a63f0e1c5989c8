"""One escaper per output format that carries provider text: CSV, HTML, XML, Markdown,
plain-text reports and paths as URIs (SARIF).

Provider text reaches readers who never see the YAML: a spreadsheet that opens
``domains.csv``, a browser on ``crawlers.html``, a feed reader, GitHub and the Hugging
Face Hub rendering Markdown, a CI log that runs workflow commands, code scanning. Each
writer of one of these formats passes every provider value through the function for
its format here, so that the value comes out as the text it is and never as syntax.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote, urlsplit

# --- CSV ---------------------------------------------------------------------

# OWASP "CSV Injection": a spreadsheet runs a cell that starts with one of these as a
# formula (DDE, HYPERLINK exfiltration). Excel and LibreOffice also skip leading blanks
# before deciding, so " =1+1" is a formula too.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """A text cell a spreadsheet shows as text: a formula start gets a leading ``'``.

    The quote is what OWASP recommends and what spreadsheets themselves use to mark text;
    a reader of the raw file still sees the value after it. Quoting commas, quotes and
    line breaks is the record's business (``csv_line``).
    """
    text = str(value)
    if text.startswith(_FORMULA_START) or text.lstrip().startswith(_FORMULA_START):
        return "'" + text
    return text


_CSV_QUOTED = re.compile(r'[",\r\n]|^\s|\s$')


def csv_line(cells: Iterable[object]) -> str:
    """One CSV record (RFC 4180) ending in a line feed; text cells go through csv_cell.

    Written here rather than by the ``csv`` module: with ``"\\n"`` line ends it leaves a
    lone CR unquoted, which splits the record for every reader. Numbers are written as
    they are; text is quoted when it holds a comma, a quote, a line break or blanks at
    either end (which readers would otherwise trim).
    """
    out = []
    for cell in cells:
        if isinstance(cell, int) and not isinstance(cell, bool):
            out.append(str(cell))
            continue
        text = csv_cell(cell)
        out.append('"' + text.replace('"', '""') + '"' if _CSV_QUOTED.search(text) else text)
    return ",".join(out) + "\n"


# --- HTML --------------------------------------------------------------------

_ATTR_BREAKS = str.maketrans({"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
# Browsers drop these before reading a URL's scheme ("java\tscript:" is javascript:).
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")
WEB_SCHEMES = ("http", "https")  # what a public page or feed links to
_HREF_SCHEMES = (*WEB_SCHEMES, "mailto")


def html_text(value: object) -> str:
    """Text between tags: ``&``, ``<`` and ``>`` escaped, so no tag or entity can start."""
    return html.escape(str(value), quote=False)


def html_attr(value: object) -> str:
    """A quoted attribute value: quotes escaped too, and line breaks kept as references."""
    return html.escape(str(value), quote=True).translate(_ATTR_BREAKS)


def safe_href(url: object, schemes: tuple[str, ...] = _HREF_SCHEMES) -> str | None:
    """``url`` as a link target when it is an absolute URL of an allowed scheme, else None.

    A URL holding blanks or control characters is refused rather than cleaned: browsers
    and feed readers disagree on what they drop, and a link the provider did not write
    exactly is not one to publish. Characters a URL cannot hold are percent-encoded.
    """
    text = str(url).strip()
    if not text or _URL_IGNORED.search(text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unbalanced "[" in the host
        return None
    if parts.scheme.lower() not in schemes:
        return None
    if parts.scheme.lower() != "mailto" and not parts.hostname:
        return None
    return link_target(text)


# --- XML ---------------------------------------------------------------------

# XML 1.0 (section 2.2, Char) allows tab, line feed, carriage return and everything from
# U+0020 except the surrogates, U+FFFE and U+FFFF. No escape can carry the rest:
# "&#0;" is as ill-formed as a raw NUL.
_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_chars(value: object) -> str:
    """Text an XML 1.0 document can hold: each illegal character becomes U+FFFD.

    Replacing rather than removing keeps a visible mark where the provider wrote
    something that cannot be published, and keeps "a\\0b" from reading as "ab". The
    serializer (ElementTree) escapes ``&``, ``<``, ``>`` and quotes after this.
    """
    return _XML_ILLEGAL.sub("\ufffd", str(value))


def docx_text(value: object) -> str:
    """Text a Word document (WordprocessingML, XML 1.0) can hold: the characters XML cannot
    carry are removed, and nothing else is touched.

    python-docx raises on a NUL, a lone surrogate or U+FFFE; every provider value written
    to a DOCX goes through here first. Tabs and line breaks stay (python-docx writes them
    as ``w:tab`` and ``w:br``); bidi overrides and zero-width characters stay as the text
    the provider wrote (a reader of the document sees them as they are).
    """
    return _XML_ILLEGAL.sub("", str(value))


# --- Markdown ----------------------------------------------------------------

_INLINE = re.compile(r"([\\`*_\[\]<>|~$])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# Block syntax only counts at the start of a line and followed by a space or the end.
_BLOCK_START = re.compile(r"^(#{1,6}|[-+]|\d{1,9}(?=[.)]))(?=[.)]?(\s|$))|^[=-]+\s*$")
_BREAKING_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_MD_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What a URL keeps as written in a Markdown link target or autolink: the characters
# RFC 3986 allows, less those Markdown or a GFM table reads as syntax, ( ) < > | and
# the backslash. Percent-encoding turns those, blanks and quotes into inert text.
_URL_SAFE = "!#$%&'*+,-./:;=?@[]_~"


def escape_inline(text: str) -> str:
    """Escape the characters that start inline Markdown syntax (``|`` included, for cells).

    C0 control characters become U+FFFD: CommonMark shows NUL so anyway, git and GitHub
    take a file holding one for binary and show no page, and ESC would drive a terminal
    that prints the file. PJ003 has already named them to the provider.
    """
    text = _MD_CONTROL.sub("\ufffd", text)
    return _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", text))


def md_escape_line(line: str) -> str:
    """One line of provider text: inline syntax and a leading block marker escaped."""
    line = escape_inline(line.strip())
    match = _BLOCK_START.match(line)
    if match is None:
        return line
    if match.group(0)[0].isdigit():
        end = match.end()
        return f"{line[:end]}\\{line[end:]}"
    return f"\\{line}"


def md_inline(value: object) -> str:
    """Provider text on one line (lists, headings, table cells): line breaks become spaces.

    Non-breaking spaces (a box and its label, a number and its unit) are kept.
    """
    return md_escape_line(" ".join(_BREAKING_SPACE.split(str(value).strip())))


def md_code(value: object) -> str:
    """Provider text as an inline code span (outside tables): nothing in it is syntax.

    Code spans cannot be escaped from inside, so the fence is one backtick longer than the
    longest run in the text, and padded when the text starts or ends with one. Line breaks
    become spaces first: block structure (a "# " line) is read before code spans are.
    """
    text = _MD_CONTROL.sub("\ufffd", " ".join(_BREAKING_SPACE.split(str(value).strip())))
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def link_target(url: str) -> str:
    """A URL as a link target (Markdown or HTML) that cannot end the link, leave an
    autolink or split a table cell: what it may not hold is percent-encoded."""
    return quote(url, safe=_URL_SAFE)


# --- Plain-text reports (terminals, CI logs) ---------------------------------

_SHOWN = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Controls, format characters (bidi overrides, zero-width), line and paragraph
# separators, surrogates, private-use and unassigned code points.
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}


def _shown(char: str) -> str:
    if char in _SHOWN:
        return _SHOWN[char]
    if unicodedata.category(char) not in _HIDDEN_CATEGORIES:
        return char
    point = ord(char)
    if point < 0x100:
        return f"\\x{point:02x}"
    return f"\\u{point:04x}" if point < 0x10000 else f"\\U{point:08x}"


def text_line(value: object) -> str:
    """Provider text on one line of a report, every invisible character shown as an escape.

    A CI runner reads a line that starts with ``::`` (after blanks) as a workflow command,
    and a terminal runs ESC sequences; with line breaks shown as ``\\n`` provider text
    never starts a line, and nothing in it is invisible. Backslashes are kept as written,
    so Windows paths stay readable.
    """
    text = str(value)
    if text.isprintable():
        return text
    return "".join(_shown(char) for char in text)


# --- Paths as URIs (SARIF, links to files) ----------------------------------


def relative_uri(path: str) -> str:
    """A POSIX path as an RFC 3986 URI reference (a SARIF artifact location, a link to a
    file beside a document): everything but unreserved characters and
    ``/`` percent-encoded, so ``#``, ``?``, ``%``, blanks and a ``:`` in the first segment
    are part of the path, not a fragment, query, escape or scheme. A file name that is
    not UTF-8 (decoded with surrogate escapes) keeps its bytes."""
    try:
        data = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate no file system decoding produces
        data = path.encode("utf-8", "replace")
    return quote(data, safe="/")
