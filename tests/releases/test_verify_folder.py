"""`verify` on a release folder: every refusal, each with its own message and exit code 1.

Each test changes one thing in a private copy of a real release and expects exactly the
one problem that thing is (nothing more, nothing less), so that removing any one check
of ``verify`` fails the test written for it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from gpai_docs.bundle.signing import generate_key_pair
from gpai_docs.bundle.verify import verify_release
from tests.releases.conftest import Released, release

Problems = list[tuple[str, str, str]]
CHANGELOG = "CHANGELOG.md"
SOURCE = "sources/copyright-policy.yaml"


def problems(folder: Path, **options: Any) -> Problems:
    return [(p.kind, p.path, p.message) for p in verify_release(folder, **options).problems]


def alone(released: Released, version: str = "1.1") -> Path:
    """The release folder without the archive beside it: only the folder is checked."""
    (released.model / f"{version}.tar.gz").unlink()
    return released.release(version)


def rewrite_manifest(folder: Path, change: Callable[[dict[str, Any]], None]) -> None:
    manifest = folder / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    change(data)
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    manifest.write_text(text, encoding="utf-8")


def test_intact_folder_alone_verifies(released: Released) -> None:
    assert problems(alone(released)) == []


def test_symlink_to_an_identical_copy_outside_is_refused(
    released: Released, tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    # Following the link would find the very bytes the manifest records.
    folder = alone(released)
    copy = tmp_path / "elsewhere.md"
    shutil.copyfile(folder / CHANGELOG, copy)
    (folder / CHANGELOG).unlink()
    (folder / CHANGELOG).symlink_to(copy)
    message = f'is a symbolic link to "{copy}" (outside the release), not a regular file'
    assert problems(folder) == [("altered", CHANGELOG, message)]
    result = run_cli("verify", folder)
    assert result.exit_code == 1
    assert f"altered: {CHANGELOG}: {message}" in result.output


def test_symlink_to_another_file_inside_is_refused(released: Released) -> None:
    folder = alone(released)
    (folder / SOURCE).unlink()
    (folder / SOURCE).symlink_to(f"../{CHANGELOG}")
    message = f'is a symbolic link to "../{CHANGELOG}" (inside the release), not a regular file'
    assert problems(folder) == [("altered", SOURCE, message)]


def test_symlinked_folder_in_place_of_sources_is_refused(
    released: Released, tmp_path: Path
) -> None:
    folder = alone(released)
    shutil.move(folder / "sources", tmp_path / "sources")
    (folder / "sources").symlink_to(tmp_path / "sources")
    found = problems(folder)
    link = f'is not listed in the manifest; it is a symbolic link to "{tmp_path / "sources"}"'
    assert ("extra", "sources", link + " (outside the release)") in found
    assert {kind for kind, _, _ in found} == {"missing", "extra"}
    assert len([p for p in found if p[0] == "missing"]) == 3  # the three source documents


def test_fifo_in_place_of_a_listed_file_is_refused_without_blocking(released: Released) -> None:
    # In a child with a deadline: opening a FIFO for reading blocks until a writer comes.
    folder = alone(released)
    (folder / CHANGELOG).unlink()
    os.mkfifo(folder / CHANGELOG)
    result = subprocess.run(
        [sys.executable, "-m", "gpai_docs", "verify", str(folder), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    payload = json.loads(result.stdout)
    assert [(p["kind"], p["path"], p["message"]) for p in payload["problems"]] == [
        ("altered", CHANGELOG, "is a named pipe (FIFO), not a regular file")
    ]


def test_unlisted_fifo_is_an_extra_file(released: Released) -> None:
    folder = alone(released)
    os.mkfifo(folder / "pipe")
    assert problems(folder) == [
        ("extra", "pipe", "is not listed in the manifest; it is a named pipe (FIFO)")
    ]


def test_manifest_replaced_by_a_symlink_is_refused(
    released: Released, tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    folder = alone(released)
    shutil.copyfile(folder / "manifest.json", tmp_path / "manifest.json")
    (folder / "manifest.json").unlink()
    (folder / "manifest.json").symlink_to(tmp_path / "manifest.json")
    message = "is a symbolic link, not a regular file"
    assert problems(folder) == [("manifest", "manifest.json", message)]
    assert run_cli("verify", folder).exit_code == 1


def test_stray_signature_in_an_unsigned_release_is_refused(
    released: Released, run_cli: Callable[..., Result]
) -> None:
    folder = alone(released)
    (folder / "manifest.json.sig").write_bytes(bytes(64))
    message = "is present, but the manifest records no signature"
    assert problems(folder) == [("signature", "manifest.json.sig", message)]
    assert verify_release(folder).signature == "invalid"
    result = run_cli("verify", folder)
    assert result.exit_code == 1
    assert f"signature: manifest.json.sig: {message}" in result.output


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/etc/passwd", "is an absolute path"),
        ("../1.0/CHANGELOG.md", "climbs out of its folder with '..'"),
        ("sources\\copyright-policy.yaml", "contains a backslash (a folder separator on Windows)"),
        ("CHANGELOG.md\x00.txt", "contains a NUL character"),
        ("", "is an empty path"),
        ("./CHANGELOG.md", "has an empty or '.' folder name"),
        ("sources//copyright-policy.yaml", "has an empty or '.' folder name"),
        ("manifest.json", "names the manifest or its signature, which the manifest cannot list"),
    ],
    ids=["absolute", "dotdot", "backslash", "nul", "empty", "dot", "double-slash", "manifest"],
)
def test_unsafe_manifest_path_is_reported_as_unsafe_not_missing(
    released: Released, path: str, reason: str, run_cli: Callable[..., Result]
) -> None:
    folder = alone(released)
    changelog = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["files"][0]
    rewrite_manifest(folder, lambda data: data["files"].append({**changelog, "path": path}))
    shown = path if path and path.isprintable() else json.dumps(path)
    assert problems(folder) == [("unsafe", shown, reason)]
    result = run_cli("verify", folder)
    assert result.exit_code == 1
    assert f"unsafe: {shown}: {reason}" in result.output


def test_duplicate_manifest_entry_is_unsafe(released: Released) -> None:
    folder = alone(released)
    rewrite_manifest(folder, lambda data: data["files"].append(dict(data["files"][0])))
    assert problems(folder) == [("unsafe", CHANGELOG, "is listed more than once under files")]


def test_paths_that_collide_once_extracted_are_unsafe(released: Released) -> None:
    folder = alone(released)
    changelog = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["files"][0]

    def add(data: dict[str, Any]) -> None:
        data["files"].append({**changelog, "path": "changelog.md"})
        data["files"].append({**changelog, "path": "sources"})

    rewrite_manifest(folder, add)
    assert problems(folder) == [
        ("unsafe", "changelog.md", "differs from CHANGELOG.md only in letter case (one file on macOS)"),
        ("unsafe", "sources", "is listed as a file and is also the folder of other listed files"),
        ("missing", "changelog.md", "is listed but missing"),
        ("missing", "sources", "is listed but missing"),
    ]  # fmt: skip


def test_source_entry_not_matching_its_file_entry_is_a_manifest_problem(
    released: Released,
) -> None:
    folder = alone(released)
    rewrite_manifest(folder, lambda data: data["sources"][0].update(size=1))
    name = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["sources"][0]["path"]
    message = "is recorded with different contents under sources and under files"
    assert problems(folder) == [("manifest", name, message)]


def test_truncated_file_reports_its_size(released: Released) -> None:
    folder = alone(released)
    recorded = (folder / CHANGELOG).stat().st_size
    (folder / CHANGELOG).write_bytes((folder / CHANGELOG).read_bytes()[:10])
    assert problems(folder) == [
        ("altered", CHANGELOG, f"has 10 bytes, the manifest records {recorded:,}")
    ]


@pytest.fixture(scope="module")
def _signed(tmp_path_factory: pytest.TempPathFactory, _three_releases: Released) -> Released:
    root = tmp_path_factory.mktemp("signed")
    out, project = root / "output", root / "project"
    shutil.copytree(_three_releases.out, out, symlinks=True)
    shutil.copytree(_three_releases.project, project)
    generate_key_pair(root / "key.pem", root / "key.pub.pem")
    release(project, out, "2.1", sign_key=root / "key.pem")
    return Released(out, project, {})


@pytest.fixture
def signed(_signed: Released, tmp_path: Path) -> tuple[Path, Path]:
    """A signed release 2.1 (without its archive) and the public key that signed it."""
    model = tmp_path / "model"
    shutil.copytree(_signed.model, model, symlinks=True)
    (model / "2.1.tar.gz").unlink()
    return model / "2.1", _signed.out.parent / "key.pub.pem"


def test_signed_release_alone_verifies(signed: tuple[Path, Path]) -> None:
    folder, public = signed
    report = verify_release(folder, public_key=public)
    assert (report.problems, report.signature) == ((), "valid")


def test_removed_signature_of_a_signed_release_is_refused(
    signed: tuple[Path, Path], run_cli: Callable[..., Result]
) -> None:
    folder, _ = signed
    (folder / "manifest.json.sig").unlink()
    message = "is missing, but the manifest records that the release is signed"
    assert problems(folder) == [("signature", "manifest.json.sig", message)]
    result = run_cli("verify", folder)
    assert result.exit_code == 1
    assert "signature missing" in result.output


def test_signature_that_does_not_verify_is_refused(
    signed: tuple[Path, Path], run_cli: Callable[..., Result]
) -> None:
    folder, public = signed
    sig = bytearray((folder / "manifest.json.sig").read_bytes())
    sig[0] ^= 0x01
    (folder / "manifest.json.sig").write_bytes(bytes(sig))
    expected = [("signature", "manifest.json.sig", "does not match manifest.json")]
    assert problems(folder, public_key=public) == expected
    result = run_cli("verify", folder, "--public-key", public)
    assert result.exit_code == 1
    assert "signature invalid" in result.output


def test_signature_of_the_wrong_length_is_refused_even_without_a_key(
    signed: tuple[Path, Path],
) -> None:
    folder, _ = signed
    (folder / "manifest.json.sig").write_bytes(bytes(10))
    message = "is 10 bytes; an Ed25519 signature is 64"
    assert problems(folder) == [("signature", "manifest.json.sig", message)]


def test_signature_replaced_by_a_symlink_is_refused(
    signed: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, public = signed
    shutil.move(folder / "manifest.json.sig", tmp_path / "real.sig")
    (folder / "manifest.json.sig").symlink_to(tmp_path / "real.sig")
    message = "is a symbolic link, not a regular file"
    assert problems(folder, public_key=public) == [("signature", "manifest.json.sig", message)]
