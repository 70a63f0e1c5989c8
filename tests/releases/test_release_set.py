"""Earlier releases that are each valid but do not fit together (issue 15, class 3).

A manifest copied into another release folder, or edited to another version, model or
sequence, passes the schema; `history` would list two releases of one version and the
next `release` would take the wrong predecessor. Both refuse with exit 2, naming the
file and what does not fit, and write nothing. (A damaged manifest, as opposed to a
misplaced one, is refused the same way: tests/hostile/test_manifest.py.)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from tests.releases.conftest import Released, tree_hashes


def _edit(released: Released, folder: str, changes: dict[str, Any]) -> Path:
    manifest = released.release(folder) / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if key == "slug":
            data["model"]["slug"] = value
        else:
            data[key] = value
    manifest.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return manifest


CASES = {
    "version of another folder": (
        "1.0",
        {"version": "1.1"},
        'version is "1.1", but the release folder is named "1.0"',
    ),
    "version of no folder": (
        "1.1",
        {"version": "7.0"},
        'version is "7.0", but the release folder is named "1.1"',
    ),
    "another model": (
        "1.0",
        {"slug": "other-model"},
        'model.slug is "other-model", but the release is in the folder of model "lumen-base-2"',
    ),
    "a sequence used twice": ("1.0", {"sequence": 2}, "sequence 2 is also that of release 1.0"),
    "a sequence out of date order": (
        "1.0",
        {"sequence": 99},
        "sequence 99 comes after release 2.0 (sequence 3), but its date 2025-10-01 is before "
        "that release's 2026-09-01",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_misplaced_manifest_stops_history_and_release(
    released: Released, run_cli: Callable[..., Result], case: str
) -> None:
    version, changes, what = CASES[case]
    manifest = _edit(released, version, changes)
    # a sequence used twice is reported at the second folder in name order
    named = released.release("1.1") / "manifest.json" if "twice" in case else manifest
    before = tree_hashes(released.out)
    for command in (
        ("history", released.out),
        ("release", released.project, "--version", "3.0", "--out", released.out,
         "--format", "md", "--date", "2026-10-01"),
    ):  # fmt: skip
        result = run_cli(*command)
        assert result.exit_code == 2, (command[0], result.output)
        assert f"error: {named}: {what}." in result.output, (command[0], result.output)
        assert "hint: The manifest was damaged or edited" in result.output
        assert "Traceback" not in result.output
    assert tree_hashes(released.out) == before


def test_consistent_releases_still_list(released: Released, run_cli: Callable[..., Result]) -> None:
    result = run_cli("history", released.out, "--format", "json")
    assert result.exit_code == 0, result.output
    versions = [r["version"] for r in json.loads(result.output)["releases"]]
    assert versions == ["1.0", "1.1", "2.0"]
