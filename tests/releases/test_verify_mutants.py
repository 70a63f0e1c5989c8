"""`verify`: the behaviours that mutation testing (``scripts/mutation.sh verify``) found
unpinned by the other verify tests.

Each test names what a release manager must be told; docs/testing.md lists the mutants
each one kills and the few that cannot change behaviour. A file that the operating system
refuses to read cannot be made as root (root reads everything), so those tests make the
reading function raise the error the system would give.
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import json
import os
import shutil
import tarfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from gpai_docs.bundle import plain_files, verify
from gpai_docs.bundle.plain_files import NotRegularFile
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

WHERE = "1.1.tar.gz:"
DENIED = "Permission denied"
# 64 MiB of zeros and one "x": `{ head -c 67108864 /dev/zero; printf x; } | sha256sum`
BIG_SIZE = (64 << 20) + 1
BIG_SHA256 = "15f2858f9e022a4134f1cc04217049bc383b0feac1d9f0e3f9279e9b645c5b11"


def _denied(real: Callable[..., Any], name: str) -> Callable[..., Any]:
    """``real``, except that reading the file called ``name`` fails as EACCES does."""

    def read(path: Path, *args: Any, **kwargs: Any) -> Any:
        if Path(path).name == name:
            raise PermissionError(errno.EACCES, DENIED, str(path))
        return real(path, *args, **kwargs)

    return read


def _write_archive(target: Path, members: Members) -> Path:
    target.write_bytes(gzip.compress(tar_bytes(members), mtime=0))
    return target


# --- files the system refuses to read ------------------------------------------------


def test_unreadable_listed_file_is_reported_with_the_system_reason(
    released: Released, monkeypatch: pytest.MonkeyPatch, run_cli: Callable[..., Result]
) -> None:
    folder = alone(released)
    monkeypatch.setattr(verify, "hash_regular", _denied(plain_files.hash_regular, CHANGELOG))
    message = f"is unreadable ({DENIED}), not a regular file"
    assert problems(folder) == [("altered", CHANGELOG, message)]
    result = run_cli("verify", folder)
    assert result.exit_code == 1
    assert f"altered: {CHANGELOG}: {message}" in result.output


def test_unreadable_unlisted_file_is_an_extra_that_says_so(
    released: Released, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = alone(released)
    (folder / "notes.txt").write_text("added later\n", encoding="utf-8")
    monkeypatch.setattr(verify, "hash_regular", _denied(plain_files.hash_regular, "notes.txt"))
    message = f"is not listed in the manifest; it is unreadable ({DENIED})"
    assert problems(folder) == [("extra", "notes.txt", message)]


def test_unreadable_manifest_is_a_manifest_problem_not_a_crash(
    released: Released, monkeypatch: pytest.MonkeyPatch, run_cli: Callable[..., Result]
) -> None:
    folder = alone(released)
    monkeypatch.setattr(verify, "read_regular", _denied(plain_files.read_regular, "manifest.json"))
    message = f"cannot be read ({DENIED})"
    assert problems(folder) == [("manifest", "manifest.json", message)]
    result = run_cli("verify", folder)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"manifest: manifest.json: {message}",
        f"{folder}: 1 problem(s); 0 files listed; signature unchecked",
    ]


@pytest.fixture(scope="module")
def _signed(tmp_path_factory: pytest.TempPathFactory, _three_releases: Released) -> Path:
    root = tmp_path_factory.mktemp("signed")
    shutil.copytree(_three_releases.project, root / "project")
    generate_key_pair(root / "key.pem", root / "key.pub.pem")
    release(root / "project", root / "output", "2.1", sign_key=root / "key.pem")
    return root / "output" / SLUG


@pytest.fixture
def signed(_signed: Path, tmp_path: Path) -> Path:
    """A private copy of a signed release 2.1, without its archive."""
    shutil.copytree(_signed / "2.1", tmp_path / "2.1")
    return tmp_path / "2.1"


def test_unreadable_signature_of_a_signed_release_is_refused(
    signed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        verify, "read_regular", _denied(plain_files.read_regular, "manifest.json.sig")
    )
    message = f"is unreadable ({DENIED}), not a regular file"
    assert problems(signed) == [("signature", "manifest.json.sig", message)]
    assert verify_release(signed).signature == "invalid"


def test_unreadable_signature_of_an_unsigned_release_is_still_a_stray_signature(
    released: Released, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = alone(released)
    (folder / "manifest.json.sig").write_bytes(bytes(64))
    monkeypatch.setattr(
        verify, "read_regular", _denied(plain_files.read_regular, "manifest.json.sig")
    )
    message = "is present, but the manifest records no signature"
    assert problems(folder) == [("signature", "manifest.json.sig", message)]
    assert verify_release(folder).signature == "invalid"


def test_unreadable_archive_is_an_archive_problem(
    released: Released, monkeypatch: pytest.MonkeyPatch, run_cli: Callable[..., Result]
) -> None:
    archive = released.model / "1.1.tar.gz"
    monkeypatch.setattr(verify, "open_regular", _denied(plain_files.open_regular, archive.name))
    message = f"cannot be read ({DENIED})"
    assert problems(archive) == [("archive", "1.1.tar.gz", message)]
    # Beside its folder, the same refusal, and the folder itself is still checked.
    report = verify_release(released.release("1.1"))
    assert [(p.kind, p.path, p.message) for p in report.problems] == [
        ("archive", "1.1.tar.gz", message)
    ]
    assert report.notes == ("archive 1.1.tar.gz: has problems",)
    result = run_cli("verify", archive)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"archive: 1.1.tar.gz: {message}",
        f"{archive}: 1 problem(s); 0 files listed; signature unchecked",
    ]


def test_link_whose_target_cannot_be_read_is_still_named_a_link(
    released: Released, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = alone(released)
    (folder / CHANGELOG).unlink()
    (folder / CHANGELOG).symlink_to("elsewhere.md")

    def unreadable(self: Path) -> Path:
        raise PermissionError(errno.EACCES, DENIED, str(self))

    monkeypatch.setattr(Path, "readlink", unreadable)
    assert problems(folder) == [("altered", CHANGELOG, "is a symbolic link, not a regular file")]


def test_not_a_regular_file_says_what_it_is() -> None:
    # Its text is what a traceback or a log would show if it ever escaped.
    assert str(NotRegularFile("a named pipe (FIFO)")) == "a named pipe (FIFO)"
    assert NotRegularFile("a socket").kind == "a socket"


# --- large files: every block counted, none held whole --------------------------------


def _big_listed(folder: Path) -> None:
    """A listed file of 64 MiB and one byte (sparse: no disk), so that its last block is
    partial."""
    with (folder / "big.bin").open("wb") as handle:
        handle.truncate(BIG_SIZE - 1)
        handle.seek(BIG_SIZE - 1)
        handle.write(b"x")

    def add(data: dict[str, Any]) -> None:
        entry = {**data["files"][0], "path": "big.bin", "size": BIG_SIZE, "sha256": BIG_SHA256}
        data["files"].append(entry)

    rewrite_manifest(folder, add)


def test_file_larger_than_a_block_verifies_with_its_whole_size(released: Released) -> None:
    folder = alone(released)
    _big_listed(folder)
    assert problems(folder) == []
    with (folder / "big.bin").open("r+b") as handle:
        handle.truncate(BIG_SIZE - 1)
    assert problems(folder) == [
        ("altered", "big.bin", "has 67,108,864 bytes, the manifest records 67,108,865")
    ]


def test_large_file_is_hashed_in_bounded_memory(released: Released) -> None:
    folder = alone(released)
    _big_listed(folder)
    tracemalloc.start()
    try:
        report = verify_release(folder)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.problems == ()
    # Read whole, the file alone would take 64 MiB. Hashed in 1 MiB blocks, the peak is the
    # 16 MiB buffer that reading the manifest up to its size limit takes, plus a little.
    assert peak < 32 << 20, f"verify held {peak // (1 << 20)} MiB"


# --- archives ---------------------------------------------------------------------------


def test_archive_named_through_a_link_is_verified(released: Released, tmp_path: Path) -> None:
    # Only an archive found beside a release folder is part of the release; one named on
    # the command line may be reached through a link, as a download folder often is.
    link = tmp_path / "1.1.tar.gz"
    link.symlink_to(released.model / "1.1.tar.gz")
    report = verify_release(link)
    assert (report.problems, report.version, report.signature) == ((), "1.1", "unsigned")


def test_unsafe_member_before_the_real_ones_hides_none_of_them(
    released: Released, tmp_path: Path
) -> None:
    members = read_members(released.model / "1.1.tar.gz")
    forged = [regular("/etc/cron.d/gpai", b"forged\n"), *members]
    forged.append(regular("1.1/notes.txt", b"added\n"))  # found although after the forgery
    assert problems(_write_archive(tmp_path / "1.1.tar.gz", forged)) == [
        ("unsafe", WHERE + "/etc/cron.d/gpai", "is an absolute path; not a plain path under 1.1/"),
        ("extra", WHERE + "notes.txt", "is not listed in the manifest"),
    ]  # fmt: skip


def test_member_outside_the_release_before_the_real_ones_hides_none_of_them(
    released: Released, tmp_path: Path
) -> None:
    members = read_members(released.model / "1.1.tar.gz")
    forged = [regular("1.0/CHANGELOG.md", b"forged\n"), *members]
    forged.append(regular("1.1/notes.txt", b"added\n"))
    assert problems(_write_archive(tmp_path / "1.1.tar.gz", forged)) == [
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
    archive = _write_archive(tmp_path / "1.1.tar.gz", members)
    assert problems(archive) == []
    members.append(special("1.1/docs/en/old", tarfile.DIRTYPE))
    assert problems(_write_archive(archive, members)) == [
        ("extra", WHERE + "docs/en/old", "is a folder the manifest does not imply")
    ]


def _listed(release: Path) -> int:
    """How many files the release's own manifest.json lists, counted from its JSON."""
    data = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    return len(data["files"])


def test_intact_archive_report_names_it_and_counts_its_files(
    released: Released, run_cli: Callable[..., Result]
) -> None:
    archive = released.model / "1.1.tar.gz"
    result = run_cli("verify", archive)
    assert result.exit_code == 0
    listed = _listed(released.release("1.1"))
    assert result.output.splitlines() == [
        f"{archive}: OK; {listed} files listed; signature unsigned"
    ]


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
    archive = _write_archive(tmp_path / "1.1.tar.gz", members)
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
    # even though the archive also holds readable manifest bytes.
    members = read_members(released.model / "1.1.tar.gz")
    members.append(special("1.1/manifest.json", tarfile.SYMTYPE, "/tmp/manifest.json"))
    archive = _write_archive(tmp_path / "1.1.tar.gz", members)
    assert problems(archive) == [
        ("archive", WHERE + "1.1/manifest.json", "appears more than once; tar extracts the last copy over the others"),
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
    archive = _write_archive(tmp_path / "1.2.tar.gz", renamed)
    message = "the archive is named 1.2.tar.gz but the manifest is for 1.1"
    assert problems(archive) == [("manifest", "1.2.tar.gz:manifest.json", message)]
    result = run_cli("verify", archive)
    assert result.exit_code == 1
    assert f"manifest: 1.2.tar.gz:manifest.json: {message}" in result.output


# --- the manifest's own entries ---------------------------------------------------------


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


def test_unsafe_first_entry_does_not_stop_the_check_of_the_others(released: Released) -> None:
    folder = alone(released)
    rewrite_manifest(
        folder, lambda data: data["files"].insert(0, {**data["files"][0], "path": "/etc/passwd"})
    )
    (folder / CHANGELOG).write_bytes(b"truncated\n")
    recorded = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["files"][1]
    assert problems(folder) == [
        ("unsafe", "/etc/passwd", "is an absolute path"),
        ("altered", CHANGELOG, f"has 10 bytes, the manifest records {recorded['size']:,}"),
    ]
