"""Rules on the cross-document consistency (XD codes)."""

from __future__ import annotations
