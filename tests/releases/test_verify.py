"""`gpai-docs verify`: altered, missing and extra files, archives, and signatures."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from gpai_docs.bundle.manifest import read_manifest
from gpai_docs.bundle.verify import verify_release
from tests.releases.conftest import Released, release


def _artifact(folder: Path) -> str:
    """A public Markdown artifact of the release."""
    manifest = read_manifest(folder)
    return next(e.path for e in manifest.files if e.audience == "public" and e.path.endswith(".md"))


def test_intact_release_verifies(released: Released, run_cli: Callable[..., Result]) -> None:
    result = run_cli("verify", released.release("1.1"))
    assert result.exit_code == 0, result.output
    assert "OK" in result.output
    assert "archive 1.1.tar.gz: matches" in result.output


def test_flipped_byte_is_caught(released: Released, run_cli: Callable[..., Result]) -> None:
    folder = released.release("1.1")
    name = _artifact(folder)
    data = bytearray((folder / name).read_bytes())
    data[len(data) // 2] ^= 0x01
    (folder / name).write_bytes(bytes(data))
    result = run_cli("verify", folder)
    assert result.exit_code == 1
    assert f"altered: {name}: has SHA-256" in result.output
    report = verify_release(folder)
    assert [(p.kind, p.path) for p in report.problems] == [("altered", name)]


def test_missing_file_is_caught(released: Released) -> None:
    folder = released.release("1.1")
    (folder / "sources" / "copyright-policy.yaml").unlink()
    report = verify_release(folder)
    assert [(p.kind, p.path) for p in report.problems] == [
        ("missing", "sources/copyright-policy.yaml")
    ]


def test_extra_file_is_caught(released: Released, run_cli: Callable[..., Result]) -> None:
    folder = released.release("1.1")
    (folder / "sources" / "notes.txt").write_text("added later\n", encoding="utf-8")
    (folder / "link.md").symlink_to(folder / "CHANGELOG.md")
    result = run_cli("verify", folder, "--format", "json")
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert {(p["kind"], p["path"]) for p in payload["problems"]} == {
        ("extra", "sources/notes.txt"),
        ("extra", "link.md"),
    }


def test_archive_is_checked_on_its_own(released: Released, tmp_path: Path) -> None:
    archive = released.model / "1.0.tar.gz"
    assert verify_release(archive).ok
    damaged = tmp_path / "1.0.tar.gz"
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    report = verify_release(damaged)
    assert not report.ok
    assert report.problems[0].kind in {"archive", "altered", "manifest"}


def test_archive_not_matching_its_folder_is_caught(released: Released) -> None:
    # Swap in another release's archive: folder and archive disagree.
    shutil.copyfile(released.model / "1.0.tar.gz", released.model / "1.1.tar.gz")
    report = verify_release(released.release("1.1"))
    assert not report.ok
    assert all(p.path.startswith("1.1.tar.gz:") for p in report.problems)


def test_renamed_release_folder_is_caught(released: Released) -> None:
    released.release("1.1").rename(released.model / "1.2")
    report = verify_release(released.model / "1.2")
    assert any("manifest is for version 1.1" in p.message for p in report.problems)


def test_damaged_manifest_is_a_finding(released: Released, run_cli: Callable[..., Result]) -> None:
    manifest = released.release("1.0") / "manifest.json"
    manifest.write_text(manifest.read_text(encoding="utf-8")[:-20], encoding="utf-8")
    result = run_cli("verify", released.release("1.0"))
    assert result.exit_code == 1
    assert "manifest: manifest.json: is damaged" in result.output


def test_not_a_release_is_a_usage_error(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    result = run_cli("verify", tmp_path)
    assert result.exit_code == 2
    assert "is not a release" in result.output


def keygen(private: Path) -> Result:
    # `keygen` is not in the command table yet; call the command object itself.
    from gpai_docs.cli.keygen_command import keygen_command

    return CliRunner().invoke(keygen_command, [str(private)], catch_exceptions=False)


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, Path]:
    private = tmp_path / "keys" / "release.pem"
    result = keygen(private)
    assert result.exit_code == 0, result.output
    public = tmp_path / "keys" / "release.pub.pem"
    assert private.stat().st_mode & 0o077 == 0
    assert keygen(private).exit_code == 2  # never overwrites a key
    return private, public


def test_signed_release_verifies_with_its_key(
    released: Released, keys: tuple[Path, Path], run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    private, public = keys
    result = release(released.project, released.out, "2.1", sign_key=private)
    folder = result.path
    assert (folder / "manifest.json.sig").stat().st_size == 64
    assert result.manifest.signature["algorithm"] == "Ed25519"
    ok = run_cli("verify", folder, "--public-key", public)
    assert ok.exit_code == 0, ok.output
    assert "signature valid" in ok.output
    assert verify_release(released.model / "2.1.tar.gz", public_key=public).signature == "valid"
    # Without the key the signature is reported, not checked.
    assert "pass --public-key" in run_cli("verify", folder).output

    other_private = tmp_path / "other.pem"
    assert keygen(other_private).exit_code == 0
    wrong = run_cli("verify", folder, "--public-key", tmp_path / "other.pub.pem")
    assert wrong.exit_code == 1
    assert "was made with key" in wrong.output


def test_tampered_signed_manifest_fails(released: Released, keys: tuple[Path, Path]) -> None:
    private, public = keys
    folder = release(released.project, released.out, "2.1", sign_key=private).path
    manifest = folder / "manifest.json"
    # A consistent forgery: change a recorded audience, keep the JSON valid.
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('"aio"', '"public"', 1), encoding="utf-8"
    )
    report = verify_release(folder, public_key=public)
    assert report.signature == "invalid"
    assert any(p.kind == "signature" and "does not match" in p.message for p in report.problems)
    (folder / "manifest.json.sig").unlink()
    assert verify_release(folder).signature == "missing"


def test_unsigned_release_fails_when_a_key_is_required(
    released: Released, keys: tuple[Path, Path]
) -> None:
    report = verify_release(released.release("1.0"), public_key=keys[1])
    # Reported for the folder and for the archive beside it.
    assert [(p.path, p.message) for p in report.problems] == [
        ("manifest.json.sig", "the release is not signed"),
        ("1.0.tar.gz:manifest.json.sig", "the release is not signed"),
    ]


def test_bad_key_file_is_a_usage_error(
    released: Released, tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    bogus = tmp_path / "bogus.pem"
    bogus.write_text("not a key\n", encoding="utf-8")
    result = run_cli(
        "release",
        released.project,
        "--version",
        "2.1",
        "--out",
        released.out,
        "--sign-key",
        bogus,
        "--format",
        "md",
        "--date",
        "2026-10-01",
    )
    assert result.exit_code == 2
    assert "is not an unencrypted PEM private key" in result.output
    assert not (released.model / "2.1").exists()


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_openssl_keys_and_signatures_interoperate(released: Released, tmp_path: Path) -> None:
    private, public = tmp_path / "key.pem", tmp_path / "key.pub.pem"
    subprocess.run(
        ["openssl", "genpkey", "-algorithm", "ed25519", "-out", str(private)], check=True
    )
    subprocess.run(
        ["openssl", "pkey", "-in", str(private), "-pubout", "-out", str(public)], check=True
    )
    folder = release(released.project, released.out, "2.1", sign_key=private).path
    assert verify_release(folder, public_key=public).signature == "valid"
    checked = subprocess.run(
        [
            "openssl",
            "pkeyutl",
            "-verify",
            "-pubin",
            "-inkey",
            str(public),
            "-rawin",
            "-in",
            str(folder / "manifest.json"),
            "-sigfile",
            str(folder / "manifest.json.sig"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
