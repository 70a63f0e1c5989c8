"""Releases through links: `out`, `out/<model>`, a version, a staging name, a crawler page.

A pull request can commit `output/lumen-base-2 -> /somewhere`; CI then runs
`gpai-docs release --out output`. Before, the release (AI Office files included) went
wherever the link pointed. Each case checks the refusal, that nothing appeared where the
link points, and that what was there before is byte for byte the same.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from gpai_docs.bundle.release import release_project
from gpai_docs.cli import cli
from gpai_docs.errors import OutputError, UserError
from tests.hostile._paths import run, snapshot

SLUG = "lumen-base-2"  # the minimal sample's model name, slugged by hand
DAY = dt.date(2026, 3, 1)


def _release(project: Path, out: Path, version: str = "1.0") -> object:
    # The same documents again as 1.1: answer yes to the pre-flight "no changes" question.
    return release_project(
        project,
        version=version,
        out=out,
        released_on=DAY,
        formats=("md",),
        confirm=lambda check: True,
    )


def test_a_linked_model_folder_is_refused(project: Path, tmp_path: Path, elsewhere: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / SLUG).symlink_to(elsewhere)
    with pytest.raises(OutputError) as error:
        _release(project, out)
    assert error.value.message.startswith(f"Cannot write {out / SLUG / '.release.lock'}: ")
    assert f"{out / SLUG} is a symbolic link." in error.value.message
    assert snapshot(elsewhere) == {"keep.txt": b"not to be touched\n"}


def test_a_linked_model_folder_exits_2_from_the_cli(
    project: Path, tmp_path: Path, elsewhere: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / SLUG).symlink_to(elsewhere)
    args = ["release", str(project), "--version", "1.0", "--out", str(out), "--format", "md"]
    result = CliRunner().invoke(cli, [*args, "--date", "2026-03-01"])
    assert result.exit_code == 2
    assert "is a symbolic link" in result.output
    assert "hint: Replace it with a real folder" in result.output
    assert "Traceback" not in result.output
    assert snapshot(elsewhere) == {"keep.txt": b"not to be touched\n"}


def test_a_linked_out_folder_is_refused(project: Path, tmp_path: Path, elsewhere: Path) -> None:
    out = tmp_path / "out"
    out.symlink_to(elsewhere)
    with pytest.raises(OutputError, match="is a symbolic link"):
        _release(project, out)
    assert snapshot(elsewhere) == {"keep.txt": b"not to be touched\n"}


def test_a_second_release_into_a_model_folder_swapped_for_a_link_is_refused(
    project: Path, tmp_path: Path, elsewhere: Path
) -> None:
    out = tmp_path / "out"
    _release(project, out, "1.0")
    kept = out / "kept"
    (out / SLUG).rename(kept)
    before = snapshot(kept)
    (out / SLUG).symlink_to(kept)  # the earlier releases, reached through a link
    with pytest.raises(OutputError, match="is a symbolic link"):
        _release(project, out, "1.1")
    assert snapshot(kept) == before
    assert not (kept / "1.1").exists()


def test_a_version_that_is_a_link_counts_as_existing(
    project: Path, tmp_path: Path, elsewhere: Path
) -> None:
    out = tmp_path / "out"
    (out / SLUG).mkdir(parents=True)
    (out / SLUG / "1.0").symlink_to(elsewhere)
    with pytest.raises(UserError, match="already exists"):
        _release(project, out, "1.0")
    assert snapshot(elsewhere) == {"keep.txt": b"not to be touched\n"}


def test_a_planted_staging_link_is_removed_not_followed(
    project: Path, tmp_path: Path, elsewhere: Path
) -> None:
    out = tmp_path / "out"
    (out / SLUG).mkdir(parents=True)
    # Names an interrupted release would leave; recovery deletes them.
    (out / SLUG / ".0.9.staging-abcdef").symlink_to(elsewhere)
    (out / SLUG / ".0.9.tar.gz.staging-abcdef").symlink_to(elsewhere / "keep.txt")
    result = _release(project, out, "1.0")
    assert sorted(result.notes) == [  # type: ignore[attr-defined]
        "removed .0.9.staging-abcdef, which was not a file or folder",
        "removed .0.9.tar.gz.staging-abcdef, which was not a file or folder",
    ]
    assert snapshot(elsewhere) == {"keep.txt": b"not to be touched\n"}
    assert not (out / SLUG / ".0.9.staging-abcdef").is_symlink()


def test_a_linked_crawler_page_is_not_written_through(
    project: Path, tmp_path: Path, elsewhere: Path
) -> None:
    out = tmp_path / "out"
    (out / SLUG).mkdir(parents=True)
    (out / SLUG / "crawlers.md").symlink_to(elsewhere / "keep.txt")
    result = _release(project, out, "1.0")
    warnings = " ".join(result.warnings)  # type: ignore[attr-defined]
    assert "The crawler page and feed were not updated" in warnings
    assert "is a symbolic link" in warnings
    assert snapshot(elsewhere) == {"keep.txt": b"not to be touched\n"}
    assert (out / SLUG / "1.0" / "manifest.json").is_file()  # the release itself is whole


def test_a_stray_link_beside_the_releases_is_left_alone(
    project: Path, tmp_path: Path, elsewhere: Path
) -> None:
    out = tmp_path / "out"
    _release(project, out, "1.0")
    before = {k: v for k, v in snapshot(out / SLUG).items() if k.startswith("1.0")}
    assert "1.0/manifest.json" in before and "1.0.tar.gz" in before
    (out / SLUG / "notes").symlink_to(elsewhere)
    # The link is not in the way of 1.1, so 1.1 is released; nothing goes through it.
    _release(project, out, "1.1")
    after = snapshot(out / SLUG)
    assert {k: v for k, v in after.items() if k.startswith("1.0")} == before
    assert "1.1/manifest.json" in after
    assert snapshot(elsewhere) == {"keep.txt": b"not to be touched\n"}


def test_a_relative_out_with_a_linked_model_folder_is_refused(
    project: Path, tmp_path: Path, elsewhere: Path
) -> None:
    # Names relative to the working folder, as CI passes them: `--out output`.
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / SLUG).symlink_to("../elsewhere")
    args = ("release", "project", "--version", "1.0", "--out", "output", "--format", "md")
    result = run(*args, "--date", "2026-03-01", cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"output/{SLUG} is a symbolic link." in result.stderr
    assert snapshot(elsewhere) == {"keep.txt": b"not to be touched\n"}
    assert snapshot(tmp_path / "output") == {SLUG: "-> ../elsewhere"}


def test_a_relative_out_releases_into_the_real_folder(project: Path, tmp_path: Path) -> None:
    args = ("release", "project", "--version", "1.0", "--out", "output", "--format", "md")
    result = run(*args, "--date", "2026-03-01", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "output" / SLUG / "1.0" / "manifest.json").is_file()
    assert not (tmp_path / "output" / "output").exists()


def test_out_equal_to_the_project_leaves_the_documents_alone(project: Path) -> None:
    before = snapshot(project)
    _release(project, project, "1.0")
    after = snapshot(project)
    assert {k: after[k] for k in before} == before
    assert f"{SLUG}/1.0/manifest.json" in after
    # The release keeps copies of the documents, never the documents themselves.
    copy = project / SLUG / "1.0" / "sources" / "model-documentation.yaml"
    assert not copy.samefile(project / "model-documentation.yaml")


def test_a_lock_file_that_is_a_link_is_not_followed(
    project: Path, tmp_path: Path, elsewhere: Path
) -> None:
    out = tmp_path / "out"
    (out / SLUG).mkdir(parents=True)
    (out / SLUG / ".release.lock").symlink_to(elsewhere / "keep.txt")
    with pytest.raises(OutputError) as error:
        _release(project, out)
    assert error.value.message == (
        f"Cannot write to {out / SLUG}: its lock file is a symbolic link, which is never followed."
    )
    assert snapshot(elsewhere) == {"keep.txt": b"not to be touched\n"}
