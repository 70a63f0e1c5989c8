"""`gpai-docs release`: layout, manifest, archive, refusals and the version checks."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from gpai_docs.bundle.archive import write_archive
from gpai_docs.bundle.manifest import read_manifest
from tests.releases._projects import CRAWLING, write
from tests.releases.conftest import SLUG, Released, release, tree_hashes

EPOCH = int(os.environ["SOURCE_DATE_EPOCH"])  # set by tests/conftest.py


def test_release_layout_and_manifest(released: Released) -> None:
    folder = released.release("1.1")
    manifest = read_manifest(folder)
    assert (manifest.model_slug, manifest.version, manifest.sequence) == (SLUG, "1.1", 2)
    assert manifest.released_on.isoformat() == "2026-03-01"
    # Placed on the Union market on 2025-10-01; the rule pack keeps documentation 10 years.
    assert manifest.placed_on_market is not None
    assert (manifest.placed_on_market.isoformat(), str(manifest.retention_end)) == (
        "2025-10-01",
        "2035-10-01",
    )
    assert manifest.rule_pack["version"]
    assert manifest.tool_version
    listed = {entry.path for entry in manifest.files}
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert on_disk - listed == {"manifest.json"}
    for entry in manifest.files:
        data = (folder / entry.path).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry.sha256
        assert len(data) == entry.size
    artifacts = [e for e in manifest.files if e.document and not e.path.startswith("sources/")]
    assert {e.audience for e in artifacts} >= {"public", "aio", "dp"}
    assert all(
        e.media_type.startswith("text/markdown") for e in artifacts if e.path.endswith(".md")
    )
    public_summary = [
        e for e in artifacts if e.document == "training_data_summary" and e.audience == "public"
    ]
    assert public_summary
    # The sources are the project's exact bytes.
    for source in manifest.sources:
        name = source.path.removeprefix("sources/")
        assert (folder / source.path).read_bytes() != b""
        assert source.document in {
            "model_documentation",
            "training_data_summary",
            "copyright_policy",
        }
        assert name.endswith(".yaml")
    assert manifest.documents["training_data_summary"]["version"] == "1.1"
    assert manifest.changes["against"] == "1.0"
    [previous] = manifest.previous_versions
    assert previous["version"] == "1.0" and previous["summary_version"] == "1.0"
    assert sorted(previous["summary_files"]) == sorted(f"../1.0/{e.path}" for e in public_summary)
    assert any(link.endswith(".md") for link in previous["summary_files"])
    for link in previous["summary_files"]:
        assert (folder / link).resolve().is_file()


def test_sources_hashes_match_the_project(released: Released) -> None:
    manifest = read_manifest(released.release("2.0"))
    for source in manifest.sources:
        project_file = released.project / source.path.removeprefix("sources/")
        assert hashlib.sha256(project_file.read_bytes()).hexdigest() == source.sha256


def test_archive_is_deterministic(released: Released, tmp_path: Path) -> None:
    folder = released.release("1.0")
    stored = (released.model / "1.0.tar.gz").read_bytes()
    rebuilt = tmp_path / "again.tar.gz"
    write_archive(folder, rebuilt, prefix="1.0", mtime=EPOCH)
    assert rebuilt.read_bytes() == stored
    assert stored[4:8] == b"\0\0\0\0"  # gzip header mtime
    with gzip.open(released.model / "1.0.tar.gz") as raw, tarfile.open(fileobj=raw) as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    assert names[0] == "1.0" and names == ["1.0", *sorted(names[1:])]
    assert {(m.uid, m.gid, m.uname, m.gname, m.mtime) for m in members} == {(0, 0, "", "", EPOCH)}
    assert "1.0/manifest.json" in names


def test_existing_version_is_refused(released: Released, run_cli: Callable[..., Result]) -> None:
    before = tree_hashes(released.out)
    result = run_cli(
        "release",
        released.project,
        "--version",
        "1.1",
        "--out",
        released.out,
        "--format",
        "md",
        "--date",
        "2026-10-01",
    )
    assert result.exit_code == 2
    assert "Release 1.1 of lumen-base-2 already exists" in result.output
    assert "never overwritten" in result.output
    assert tree_hashes(released.out) == before


def test_version_with_only_an_archive_left_is_refused(released: Released) -> None:
    import shutil

    from gpai_docs.errors import UserError

    shutil.rmtree(released.release("1.1"))
    with pytest.raises(UserError, match="already exists"):
        release(released.project, released.out, "1.1")


@pytest.mark.parametrize(
    "version", ["../1.2", "1/2", ".hidden", "a..b", "1.0 final", "-rc", "1.0/", "é"]
)
def test_unsafe_versions_are_refused(
    version: str, tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    project = write(tmp_path / "project")
    out = tmp_path / "out"
    result = run_cli("release", project, "--version", version, "--out", out, "--format", "md")
    assert result.exit_code == 2
    assert "cannot be used as a folder name" in result.output
    assert not out.exists()


@pytest.mark.parametrize("slug", ["../evil", "Lumen", "a/b", "a..b", "-x"])
def test_unsafe_slugs_are_refused(
    slug: str, tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    project = write(tmp_path / "project")
    result = run_cli(
        "release",
        project,
        "--version",
        "1.0",
        "--out",
        tmp_path / "out",
        "--slug",
        slug,
        "--format",
        "md",
    )
    assert result.exit_code == 2
    assert f"Model slug {slug!r} cannot be used" in result.output
    assert not (tmp_path / "out").exists()


def test_invalid_project_releases_nothing(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    # Placed on the Union market before its first release anywhere: a rule error (VR-02).
    placed_early = {"model_documentation": {"general": {"union_market_release_date": "2025-09-01"}}}
    project = write(tmp_path / "project", placed_early)
    out = tmp_path / "out"
    result = run_cli("release", project, "--version", "1.0", "--out", out, "--format", "md")
    assert result.exit_code == 1
    assert not (out / SLUG / "1.0").exists()
    assert not (out / SLUG / "1.0.tar.gz").exists()
    assert [p.name for p in (out / SLUG).iterdir()] == [".release.lock"]


def test_release_date_before_the_latest_is_refused(
    released: Released, run_cli: Callable[..., Result]
) -> None:
    result = run_cli(
        "release",
        released.project,
        "--version",
        "2.1",
        "--out",
        released.out,
        "--format",
        "md",
        "--date",
        "2026-01-01",
    )
    assert result.exit_code == 1  # a pre-flight error: nothing written
    assert "before the latest release 2.0 (2026-09-01)" in result.output


def test_version_warnings(released: Released) -> None:
    assert released.warnings["1.0"] == ()
    assert released.warnings["1.1"] == ()
    [forgotten] = released.warnings["2.0"]
    assert "does not list its version 1.0 (published in release 1.0, 2025-10-01)" in forgotten


def test_the_public_manifest_does_not_record_the_model_documentation_s_version(
    released: Released,
) -> None:
    # MDF.doc.version is marked for the AI Office, authorities and downstream providers only.
    manifest = json.loads((released.release("2.0") / "manifest.json").read_text("utf-8"))
    assert set(manifest["documents"]) == {"training_data_summary", "copyright_policy"}
    assert "2.0.0" not in json.dumps(manifest)


def test_changelog_lists_the_field_changes(released: Released) -> None:
    changelog = (released.release("2.0") / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Changes since release 1.1 (2026-03-01)" in changelog
    assert "| changed | MDF.use.intended\\_uses | Intended uses | aio, nca, dp |" in changelog
    first = (released.release("1.0") / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "First release of this model" in first


def test_cli_release_prints_what_it_did(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    project = write(tmp_path / "project", CRAWLING)
    out = tmp_path / "out"
    result = run_cli(
        "release",
        project,
        "--version",
        "1.0",
        "--out",
        out,
        "--format",
        "md",
        "--date",
        "2025-10-01",
    )
    assert result.exit_code == 0, result.output
    assert f"released {SLUG} 1.0 -> {out / SLUG / '1.0'}" in result.output
    assert "keep until 2035-10-01" in result.output
    assert (out / SLUG / "crawlers.atom").is_file()
    manifest = json.loads((out / SLUG / "1.0" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["released_on"] == "2025-10-01"
    assert manifest["changes"] == {"against": None}
