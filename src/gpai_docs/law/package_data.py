"""The YAML data files shipped in gpai_docs/data (the rule pack, the protocol vocabulary)."""

from __future__ import annotations

from importlib import resources
from typing import Any

from gpai_docs.yamlio.parse import parse_data


def read_data(name: str) -> Any:
    """The YAML file ``data/<name>``, read as documents are (YAML 1.2), its dates as dates."""
    path = f"data/{name}"
    text = resources.files("gpai_docs").joinpath(path).read_text(encoding="utf-8")
    return parse_data(text, path)
