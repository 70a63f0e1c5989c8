"""Projects with known findings, built from the minimal sample by text edits."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import SAMPLES


def edited_copy(target: Path, edits: dict[str, list[tuple[str, str]]]) -> Path:
    """Copy the minimal sample to ``target`` and apply exact text replacements."""
    shutil.copytree(SAMPLES / "minimal", target)
    for name, replacements in edits.items():
        path = target / name
        text = path.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, f"{old!r} not in {name}"
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    return target


def project_with_findings(target: Path) -> Path:
    """A rule error (MD001), a pending answer (PJ001) and a schema error (SC002)."""
    return edited_copy(
        target,
        {
            "model-documentation.yaml": [
                (
                    "  union_market_release_date: 2025-10-01",
                    "  union_market_release_date: 2025-06-01",
                ),
                (
                    "  curation: Deduplication, language identification and quality filtering.",
                    '  curation: {to_be_provided: "data team, 50% done: by March"}',
                ),
            ],
            "copyright-policy.yaml": [("document:\n", "surprise_key: 1\ndocument:\n")],
        },
    )
