"""Build a project from a sample plus a patch, the way rule case files describe it."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import yaml

from gpai_docs.models.kinds import KINDS

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def merge(base: Any, patch: Any) -> Any:
    """Deep-merge ``patch`` into ``base``: mappings merge, ``null`` deletes, the rest replaces."""
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for key, value in patch.items():
            if value is None:
                out.pop(key, None)
            elif key in out:
                out[key] = merge(out[key], value)
            else:
                out[key] = copy.deepcopy(value)
        return out
    return copy.deepcopy(patch)


def sample_data(sample: str) -> dict[str, Any]:
    """The three documents of a sample project as plain data, keyed by document."""
    from gpai_docs.load.documents import load_file

    out: dict[str, Any] = {}
    for kind in KINDS:
        path = next(p for p in (SAMPLES / sample).glob(f"{kind.stem}.*"))
        loaded = load_file(path)
        assert loaded.data is not None, loaded.diagnostics
        out[kind.key] = loaded.data
    return out


def write_project(target: Path, documents: dict[str, Any]) -> Path:
    """Write documents as YAML files (JSON-compatible values, so dates stay text)."""
    target.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        text = yaml.safe_dump(
            json.loads(json.dumps(documents[kind.key], default=str)),
            sort_keys=False,
            allow_unicode=True,
        )
        (target / f"{kind.stem}.yaml").write_text(text, encoding="utf-8")
    return target
