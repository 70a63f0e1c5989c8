"""Rules on the training-data summary (TS codes)."""

from __future__ import annotations
