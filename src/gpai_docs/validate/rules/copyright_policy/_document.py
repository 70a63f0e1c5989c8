"""What the CP rules share: the document they report on."""

from __future__ import annotations

CP = "copyright_policy"
NEEDS = (CP,)
