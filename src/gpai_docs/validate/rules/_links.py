"""What the rules of every document count as a web link."""

from __future__ import annotations


def is_link(text: str) -> bool:
    """An http or https address, the only kind a reader can open from a published page."""
    return text.startswith(("https://", "http://"))
