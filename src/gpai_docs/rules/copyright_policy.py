"""Rules on the copyright policy (CP codes)."""

from __future__ import annotations
