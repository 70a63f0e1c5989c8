"""The XML names of WordprocessingML the reader looks at, and small attribute helpers."""

from __future__ import annotations

from xml.etree.ElementTree import Element

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


def w(local: str) -> str:
    """The Clark name ``{namespace}local`` of a ``w:`` element or attribute."""
    return f"{{{W_NS}}}{local}"


def w14(local: str) -> str:
    return f"{{{W14_NS}}}{local}"


def local(tag: object) -> str:
    """``tag`` without its namespace ("" for comments and processing instructions)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def in_w(element: Element) -> str:
    """The local name of a ``w:`` element, "" for any other."""
    tag = element.tag
    return tag[len(W_NS) + 2 :] if isinstance(tag, str) and tag.startswith(f"{{{W_NS}}}") else ""


def val(element: Element | None, name: str = "val") -> str | None:
    """The ``w:val`` (or other ``w:`` attribute) of ``element``, None if absent."""
    return None if element is None else element.get(w(name))


def on(element: Element | None, name: str = "val") -> bool | None:
    """A toggle such as ``<w:b/>``: None if absent, else its value (absent value is on)."""
    if element is None:
        return None
    value = element.get(w(name))
    return value is None or value.lower() not in ("0", "false", "off")


def small_int(text: str | None) -> int | None:
    """A small non-negative number written in ASCII digits, None for anything else."""
    if text is None or not (0 < len(text) <= 6) or not text.isascii() or not text.isdigit():
        return None
    return int(text)
