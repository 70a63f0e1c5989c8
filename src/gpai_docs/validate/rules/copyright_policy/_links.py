"""What the CP rules share: the document they report on, and what counts as a link."""

from __future__ import annotations

CP = "copyright_policy"
NEEDS = (CP,)


def is_link(text: str) -> bool:
    return text.startswith(("https://", "http://"))
