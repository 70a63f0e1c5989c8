"""`top_domains.source` that leads out of the project, through a link, or to a pipe or device.

`validate` used to read such a file (only `build` checked where it was): a FIFO hung it
and `/dev/zero` ran it out of memory. Now validate and build read it the same way, and
both report TS010 on `section_2.crawled_data.top_domains.source` without reading it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from gpai_docs.validate.pipeline import validate_project
from tests.conftest import FIXED_DATE
from tests.hostile._paths import project_with_source, run, snapshot

SOURCE = ("section_2", "crawled_data", "top_domains", "source")
CANARY = "canary-outside-the-project.example"
SUMMARY = {
    "format": "gpai-docs-domains/1",
    "distinct_domains": 3,
    "listed_domains": 1,
    "sme": True,
    "top": [{"rank": 1, "domain": CANARY, "size": 3, "share": 1}],
}
LINK_HINT = (
    "Put the JSON file written by `gpai-docs domains` itself in the project folder "
    "(a copy, not a link) and point `top_domains.source` at it."
)


def _source_findings(project: Path) -> list[tuple[str, str | None]]:
    report = validate_project(project, as_of=FIXED_DATE).report
    found = [
        (d.message, d.hint)
        for d in report.diagnostics
        if d.code == "TS010" and tuple(d.location.path) == SOURCE
    ]
    assert CANARY not in repr(report)  # nothing of a file that is not read is quoted
    return found


def _outside_file(tmp_path: Path) -> Path:
    outside = tmp_path / "outside.json"
    outside.write_text(json.dumps(SUMMARY), encoding="utf-8")
    return outside


def test_a_parent_path_out_of_the_project_is_not_read(tmp_path: Path) -> None:
    _outside_file(tmp_path)
    project = project_with_source(tmp_path / "project", "../outside.json")
    assert _source_findings(project) == [
        (
            "The domain statistics file ../outside.json is outside the project folder; "
            "it is not read.",
            "Keep the output of `gpai-docs domains` inside the project and give its path "
            "relative to the project folder.",
        )
    ]


def test_a_climb_hidden_in_the_middle_of_the_path_is_not_read(tmp_path: Path) -> None:
    _outside_file(tmp_path)
    project = project_with_source(tmp_path / "project", "stats/../../outside.json")
    (project / "stats").mkdir()
    [(message, _hint)] = _source_findings(project)
    assert message == (
        "The domain statistics file stats/../../outside.json is outside the project folder; "
        "it is not read."
    )


def test_an_absolute_path_is_not_read(tmp_path: Path) -> None:
    outside = _outside_file(tmp_path)
    project = project_with_source(tmp_path / "project", str(outside))
    [(message, hint)] = _source_findings(project)
    assert message == f"The domain statistics path {str(outside)!r} is absolute."
    assert hint == "Give the path relative to the project folder, so the project can move."


def test_a_link_to_a_file_outside_is_not_followed(tmp_path: Path) -> None:
    outside = _outside_file(tmp_path)
    project = project_with_source(tmp_path / "project", "domains.json")
    (project / "domains.json").symlink_to(outside)
    assert _source_findings(project) == [
        ("The domain statistics file domains.json is a symbolic link; it is not read.", LINK_HINT)
    ]


def test_a_linked_folder_on_the_way_is_not_followed(tmp_path: Path) -> None:
    _outside_file(tmp_path)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "domains.json").write_text(json.dumps(SUMMARY), encoding="utf-8")
    project = project_with_source(tmp_path / "project", "stats/domains.json")
    (project / "stats").symlink_to(tmp_path / "elsewhere")
    assert _source_findings(project) == [
        (
            "The folder stats on the way to the domain statistics file stats/domains.json "
            "is a symbolic link; the file is not read.",
            LINK_HINT,
        )
    ]


def test_a_link_to_dev_zero_is_not_read(tmp_path: Path) -> None:
    project = project_with_source(tmp_path / "project", "zero.json")
    (project / "zero.json").symlink_to("/dev/zero")
    assert _source_findings(project) == [
        ("The domain statistics file zero.json is a symbolic link; it is not read.", LINK_HINT)
    ]


def test_dev_zero_by_a_relative_path_is_outside(tmp_path: Path) -> None:
    project = project_with_source(tmp_path / "project", "../" * 30 + "dev/zero")
    [(message, _hint)] = _source_findings(project)
    assert message.endswith("is outside the project folder; it is not read.")


def test_a_folder_is_not_read(tmp_path: Path) -> None:
    project = project_with_source(tmp_path / "project", "stats")
    (project / "stats").mkdir()
    [(message, _hint)] = _source_findings(project)
    assert message == "The domain statistics file stats is a folder; it is not read."


def test_a_file_on_the_way_is_named(tmp_path: Path) -> None:
    project = project_with_source(tmp_path / "project", "stats/domains.json")
    (project / "stats").write_text("a file where a folder should be", encoding="utf-8")
    [(message, _hint)] = _source_findings(project)
    assert message == (
        "The folder stats on the way to the domain statistics file stats/domains.json is "
        "a file, not a folder; the file is not read."
    )


def test_a_plain_file_inside_the_project_is_still_read(tmp_path: Path) -> None:
    project = project_with_source(tmp_path / "project", "stats/domains.json")
    (project / "stats").mkdir()
    (project / "stats" / "domains.json").write_text("{not json", encoding="utf-8")
    [(message, _hint)] = _source_findings(project)
    # Read, and found to be broken: the reading itself was not refused.
    assert message.startswith("The domain statistics file stats/domains.json cannot be read as")


@pytest.mark.parametrize("command", [["validate"], ["build", "--no-pdf"]])
def test_a_fifo_neither_hangs_validate_nor_build(tmp_path: Path, command: list[str]) -> None:
    project = project_with_source(tmp_path / "project", "domains.json")
    os.mkfifo(project / "domains.json")
    before = snapshot(tmp_path)
    extra = ["--out", str(tmp_path / "out")] if command[0] == "build" else []
    result = run(*command, project, *extra)
    assert result.returncode == 1, result.stderr
    line = (
        "error TS010 section_2.crawled_data.top_domains.source: The domain statistics file "
        "domains.json is a named pipe (FIFO); it is not read."
    )
    assert line in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    after = {k: v for k, v in snapshot(tmp_path).items() if not k.startswith("out")}
    assert after == before


def test_a_draft_build_refuses_the_fifo_too(tmp_path: Path) -> None:
    project = project_with_source(tmp_path / "project", "domains.json")
    os.mkfifo(project / "domains.json")
    result = run("build", project, "--draft", "--no-pdf", "--out", tmp_path / "out")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "The domain statistics file domains.json is a named pipe (FIFO); it is not read." in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_file_name_keeps_its_letter_case_in_the_finding(tmp_path: Path) -> None:
    # The finding's first letter is raised, nothing else: a file name is shown as written.
    project = project_with_source(tmp_path / "project", "Stats/Domains.JSON")
    (project / "Stats").mkdir()
    [(message, _hint)] = _source_findings(project)
    assert message == "The domain statistics file Stats/Domains.JSON does not exist."
