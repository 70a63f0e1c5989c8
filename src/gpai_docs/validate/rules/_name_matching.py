"""How rules match names people write: case, spaces and punctuation do not count."""

from __future__ import annotations

import re


def fold(text: str) -> str:
    """A name reduced to lowercase letters and digits, so `Lumen AI B.V.` matches `Lumen AI BV`."""
    return re.sub(r"[^a-z0-9]+", "", text.casefold())
