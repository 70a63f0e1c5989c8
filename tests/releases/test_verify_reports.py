"""What `verify` tells a release manager, line by line: usage errors (exit 2), the report of
an intact or refused release and archive (exit 0 or 1), every manifest-entry problem and
every signature status.

Written from the surviving mutants of ``scripts/mutation.sh verify`` (docs/testing.md).
Expected key ids are computed here from the PEM files (SHA-256 of the raw 32-byte key).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import shutil
import tarfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from gpai_docs import fileio
from gpai_docs.bundle import verify
from gpai_docs.bundle.signing import generate_key_pair
from gpai_docs.bundle.verify import verify_release
from tests.releases.conftest import SLUG, Released, release
from tests.releases.test_verify_archive import (
    Members,
    index,
    read_members,
    regular,
    special,
    tar_bytes,
)
from tests.releases.test_verify_folder import CHANGELOG, alone, problems, rewrite_manifest
from tests.releases.test_verify_reading import DENIED, denied

WHERE = "1.1.tar.gz:"
SIG = "manifest.json.sig"
DUPLICATE = "appears more than once; tar extracts the last copy over the others"


def write_archive(target: Path, members: Members) -> Path:
    target.write_bytes(gzip.compress(tar_bytes(members), mtime=0))
    return target


def listed(release: Path) -> int:
    """How many files the release's own manifest.json lists, counted from its JSON."""
    data = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    return len(data["files"])


def key_id(public_pem: Path) -> str:
    """SHA-256 of the raw Ed25519 key: the last 32 bytes of the PEM's DER body."""
    lines = public_pem.read_text(encoding="ascii").strip().splitlines()
    return hashlib.sha256(base64.b64decode("".join(lines[1:-1]))[-32:]).hexdigest()


# --- usage errors: exit 2, what is wrong and how to fix it -----------------------------

FIX = "  hint: Give a release folder or its .tar.gz."


def test_missing_archive_is_a_usage_error(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    result = run_cli("verify", tmp_path / "1.1.tar.gz")
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"error: {tmp_path / '1.1.tar.gz'} does not exist.", FIX]


def test_missing_folder_is_a_usage_error(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    result = run_cli("verify", tmp_path / "1.1")
    assert result.exit_code == 2
    assert result.output.splitlines() == [f"error: {tmp_path / '1.1'} does not exist.", FIX]


def test_folder_without_a_manifest_is_a_usage_error(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    result = run_cli("verify", tmp_path)
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"error: {tmp_path} is not a release: it has no manifest.json.",
        "  hint: Give a folder written by `gpai-docs release`, e.g. output/<model>/<version>.",
    ]


def test_file_that_is_neither_folder_nor_archive_is_a_usage_error(
    released: Released, run_cli: Callable[..., Result]
) -> None:
    result = run_cli("verify", released.release("1.1") / "manifest.json")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == FIX


def test_file_that_is_neither_folder_nor_archive_is_not_called_missing(
    released: Released, run_cli: Callable[..., Result]
) -> None:
    manifest = released.release("1.1") / "manifest.json"
    result = run_cli("verify", manifest)
    assert "does not exist" not in result.output
    assert (
        f"{manifest} is neither a release folder nor a release archive (.tar.gz)." in result.output
    )


# --- the report of a release -----------------------------------------------------------


def test_intact_folder_report(released: Released, run_cli: Callable[..., Result]) -> None:
    folder = released.release("1.1")
    result = run_cli("verify", folder)
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "note: archive 1.1.tar.gz: matches",
        f"{folder}: OK; {listed(folder)} files listed; signature unsigned",
    ]
    payload = json.loads(run_cli("verify", folder, "--format", "json").output)
    assert payload == {
        "format_version": 1,
        "release": str(folder),
        "version": "1.1",
        "ok": True,
        "files_checked": listed(folder),
        "signature": "unsigned",
        "problems": [],
        "notes": ["archive 1.1.tar.gz: matches"],
    }


def test_intact_archive_report(released: Released, run_cli: Callable[..., Result]) -> None:
    archive = released.model / "1.1.tar.gz"
    result = run_cli("verify", archive)
    assert result.exit_code == 0
    count = listed(released.release("1.1"))
    assert result.output.splitlines() == [
        f"{archive}: OK; {count} files listed; signature unsigned"
    ]
    payload = json.loads(run_cli("verify", archive, "--format", "json").output)
    assert (payload["release"], payload["version"], payload["files_checked"]) == (
        str(archive),
        "1.1",
        count,
    )


def test_archive_named_through_a_link_is_verified(released: Released, tmp_path: Path) -> None:
    # Only an archive found beside a release folder is part of the release; one named on
    # the command line may be reached through a link, as a download folder often is.
    link = tmp_path / "1.1.tar.gz"
    link.symlink_to(released.model / "1.1.tar.gz")
    report = verify_release(link)
    assert (report.problems, report.version, report.signature) == ((), "1.1", "unsigned")


def test_damaged_manifest_report_checks_nothing_else(
    released: Released, run_cli: Callable[..., Result]
) -> None:
    folder = alone(released)
    (folder / "manifest.json").write_text("[]\n", encoding="utf-8")
    result = run_cli("verify", folder)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "manifest: manifest.json: is damaged: line 1, column 1: must hold a JSON object, not a list",
        "note: no archive 1.1.tar.gz beside the release",
        f"{folder}: 1 problem(s); 0 files listed; signature unchecked",
    ]


def test_renamed_folder_is_one_manifest_problem(released: Released) -> None:
    released.release("1.1").rename(released.model / "1.2")
    message = "the folder is named 1.2 but the manifest is for version 1.1"
    assert problems(released.model / "1.2") == [("manifest", "manifest.json", message)]


def test_archive_with_problems_but_the_same_manifest_does_not_match(
    released: Released,
) -> None:
    archive = released.model / "1.1.tar.gz"
    write_archive(archive, [*read_members(archive), regular("1.1/notes.txt", b"added\n")])
    report = verify_release(released.release("1.1"))
    assert [(p.kind, p.path, p.message) for p in report.problems] == [
        ("extra", WHERE + "notes.txt", "is not listed in the manifest")
    ]
    assert report.notes == ("archive 1.1.tar.gz: has problems",)


# --- archives ----------------------------------------------------------------------------


def test_archive_that_is_not_a_regular_file_is_refused_on_the_command_line(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    archive = tmp_path / "1.1.tar.gz"
    os.mkfifo(archive)  # looked at, never opened: opening a FIFO would wait for a writer
    result = run_cli("verify", archive)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "archive: 1.1.tar.gz: is a named pipe (FIFO), not a regular file",
        f"{archive}: 1 problem(s); 0 files listed; signature unchecked",
    ]


def test_archive_without_a_manifest_is_refused_and_nothing_else_is_checked(
    released: Released, tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    members = read_members(released.model / "1.1.tar.gz")
    del members[index(members, "1.1/manifest.json")]
    archive = write_archive(tmp_path / "1.1.tar.gz", members)
    result = run_cli("verify", archive)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "manifest: 1.1.tar.gz:manifest.json: is missing from the archive",
        f"{archive}: 1 problem(s); 0 files listed; signature unchecked",
    ]


def test_manifest_member_replaced_later_by_a_link_is_refused(
    released: Released, tmp_path: Path
) -> None:
    # tar extracts the link over the real manifest: the manifest that counts is the link,
    # although the archive also holds readable manifest bytes.
    members = read_members(released.model / "1.1.tar.gz")
    members.append(special("1.1/manifest.json", tarfile.SYMTYPE, "/tmp/manifest.json"))
    archive = write_archive(tmp_path / "1.1.tar.gz", members)
    assert problems(archive) == [
        ("archive", WHERE + "1.1/manifest.json", DUPLICATE),
        ("manifest", WHERE + "manifest.json", 'is a symbolic link to "/tmp/manifest.json", not a regular file'),
    ]  # fmt: skip
    assert verify_release(archive).signature == "unchecked"


def test_archive_whose_folder_is_named_for_another_version_is_refused(
    released: Released, tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    # Release 1.1 packed under the folder 1.2/ and named 1.2.tar.gz: consistent on its
    # face, but it is not release 1.2.
    renamed: Members = []
    for info, data in read_members(released.model / "1.1.tar.gz"):
        info.name = "1.2" + info.name.removeprefix("1.1")
        renamed.append((info, data))
    archive = write_archive(tmp_path / "1.2.tar.gz", renamed)
    message = "the archive is named 1.2.tar.gz but the manifest is for 1.1"
    assert problems(archive) == [("manifest", "1.2.tar.gz:manifest.json", message)]
    result = run_cli("verify", archive)
    assert result.exit_code == 1
    assert f"manifest: 1.2.tar.gz:manifest.json: {message}" in result.output


def test_unsafe_member_before_the_real_ones_hides_none_of_them(
    released: Released, tmp_path: Path
) -> None:
    members = read_members(released.model / "1.1.tar.gz")
    forged = [regular("/etc/cron.d/gpai", b"forged\n"), *members]
    forged.append(regular("1.1/notes.txt", b"added\n"))  # found although after the forgery
    assert problems(write_archive(tmp_path / "1.1.tar.gz", forged)) == [
        ("unsafe", WHERE + "/etc/cron.d/gpai", "is an absolute path; not a plain path under 1.1/"),
        ("extra", WHERE + "notes.txt", "is not listed in the manifest"),
    ]  # fmt: skip


def test_member_outside_the_release_before_the_real_ones_hides_none_of_them(
    released: Released, tmp_path: Path
) -> None:
    members = read_members(released.model / "1.1.tar.gz")
    forged = [regular("1.0/CHANGELOG.md", b"forged\n"), *members]
    forged.append(regular("1.1/notes.txt", b"added\n"))
    assert problems(write_archive(tmp_path / "1.1.tar.gz", forged)) == [
        ("archive", WHERE + "1.0/CHANGELOG.md", "is outside the release folder 1.1/"),
        ("extra", WHERE + "notes.txt", "is not listed in the manifest"),
    ]


def test_folder_entries_of_a_deeply_listed_file_are_implied(
    released: Released, tmp_path: Path
) -> None:
    members = read_members(released.model / "1.1.tar.gz")
    body = b"nested\n"
    at = index(members, "1.1/manifest.json")
    raw = members[at][1]
    assert raw is not None
    manifest = json.loads(raw)
    entry = {**manifest["files"][0], "path": "docs/en/readme.md"}
    entry.update(size=len(body), sha256=hashlib.sha256(body).hexdigest())
    manifest["files"].append(entry)
    members[at] = regular("1.1/manifest.json", json.dumps(manifest).encode())
    members += [
        special("1.1/docs", tarfile.DIRTYPE),
        special("1.1/docs/en", tarfile.DIRTYPE),
        regular("1.1/docs/en/readme.md", body),
    ]
    archive = write_archive(tmp_path / "1.1.tar.gz", members)
    assert problems(archive) == []
    members.append(special("1.1/docs/en/old", tarfile.DIRTYPE))
    assert problems(write_archive(archive, members)) == [
        ("extra", WHERE + "docs/en/old", "is a folder the manifest does not imply")
    ]


# --- the manifest's own entries ---------------------------------------------------------


def test_unsafe_first_entry_does_not_stop_the_check_of_the_others(released: Released) -> None:
    folder = alone(released)
    first = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["files"][0]
    rewrite_manifest(folder, lambda data: data["files"].insert(0, {**first, "path": "/etc/x"}))
    (folder / CHANGELOG).write_bytes(b"truncated\n")
    assert first["path"] == CHANGELOG
    assert problems(folder) == [
        ("unsafe", "/etc/x", "is an absolute path"),
        ("altered", CHANGELOG, f"has 10 bytes, the manifest records {first['size']:,}"),
    ]


def test_listed_file_that_is_also_a_deeper_folder_is_unsafe(released: Released) -> None:
    folder = alone(released)
    first = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["files"][0]

    def add(data: dict[str, Any]) -> None:
        data["files"] += [{**first, "path": "sources/deep"}, {**first, "path": "sources/deep/x.md"}]

    rewrite_manifest(folder, add)
    assert problems(folder) == [
        ("unsafe", "sources/deep", "is listed as a file and is also the folder of other listed files"),
        ("missing", "sources/deep", "is listed but missing"),
        ("missing", "sources/deep/x.md", "is listed but missing"),
    ]  # fmt: skip


def test_source_document_not_listed_under_files_is_a_manifest_problem(
    released: Released,
) -> None:
    folder = alone(released)
    source = "sources/copyright-policy.yaml"
    rewrite_manifest(
        folder, lambda data: data.update(files=[e for e in data["files"] if e["path"] != source])
    )
    assert problems(folder) == [
        ("manifest", source, "is listed under sources but not (safely, once) under files"),
        ("extra", source, "is not listed in the manifest"),
    ]


# --- signatures ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def signing(tmp_path_factory: pytest.TempPathFactory, _three_releases: Released) -> Path:
    """Two key pairs (key, other) and a release 2.1 signed with key, under output/."""
    root = tmp_path_factory.mktemp("signed")
    shutil.copytree(_three_releases.project, root / "project")
    generate_key_pair(root / "key.pem", root / "key.pub.pem")
    generate_key_pair(root / "other.pem", root / "other.pub.pem")
    release(root / "project", root / "output", "2.1", sign_key=root / "key.pem")
    return root


@pytest.fixture
def signed(signing: Path, tmp_path: Path) -> Path:
    """A private copy of a signed release 2.1, without its archive."""
    shutil.copytree(signing / "output" / SLUG / "2.1", tmp_path / "2.1")
    return tmp_path / "2.1"


def test_signed_release_without_a_key_is_reported_unchecked(
    signed: Path, signing: Path, run_cli: Callable[..., Result]
) -> None:
    result = run_cli("verify", signed)
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"note: signed with key {key_id(signing / 'key.pub.pem')}; pass --public-key to check it",
        "note: no archive 2.1.tar.gz beside the release",
        f"{signed}: OK; {listed(signed)} files listed; signature unchecked",
    ]


def test_signature_made_with_another_key_is_invalid(signed: Path, signing: Path) -> None:
    report = verify_release(signed, public_key=signing / "other.pub.pem")
    mine, other = key_id(signing / "key.pub.pem"), key_id(signing / "other.pub.pem")
    message = f"was made with key {mine}, not the given key {other}"
    assert [(p.kind, p.path, p.message) for p in report.problems] == [("signature", SIG, message)]
    assert report.signature == "invalid"


def test_signature_of_the_wrong_length_is_invalid(signed: Path) -> None:
    (signed / SIG).write_bytes(bytes(63))
    report = verify_release(signed)
    assert [(p.kind, p.path, p.message) for p in report.problems] == [
        ("signature", SIG, "is 63 bytes; an Ed25519 signature is 64")
    ]
    assert report.signature == "invalid"


@pytest.mark.parametrize(
    ("size", "said"),
    [(4096, "4,096"), (4097, "more than 4,096"), (10_000, "more than 4,096")],
)
def test_oversized_signature_is_reported_with_a_true_size(
    signed: Path, size: int, said: str
) -> None:
    # verify reads one byte past its limit; that count is not the file's size.
    (signed / SIG).write_bytes(bytes(size))
    assert problems(signed) == [("signature", SIG, f"is {said} bytes; an Ed25519 signature is 64")]


def test_unreadable_signature_of_a_signed_release_is_invalid(
    signed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(verify, "read_regular", denied(fileio.read_regular, SIG))
    assert problems(signed) == [("signature", SIG, f"is unreadable ({DENIED}), not a regular file")]
    assert verify_release(signed).signature == "invalid"


def test_unreadable_signature_of_an_unsigned_release_is_still_a_stray_signature(
    released: Released, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = alone(released)
    (folder / SIG).write_bytes(bytes(64))
    monkeypatch.setattr(verify, "read_regular", denied(fileio.read_regular, SIG))
    message = "is present, but the manifest records no signature"
    assert problems(folder) == [("signature", SIG, message)]
    assert verify_release(folder).signature == "invalid"


def test_key_given_for_an_unsigned_release_fails_as_a_signature_problem(
    released: Released, signing: Path
) -> None:
    report = verify_release(released.release("1.0"), public_key=signing / "key.pub.pem")
    assert [(p.kind, p.path, p.message) for p in report.problems] == [
        ("signature", SIG, "the release is not signed"),
        ("signature", f"1.0.tar.gz:{SIG}", "the release is not signed"),
    ]
    assert report.signature == "unsigned"
