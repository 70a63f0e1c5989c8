"""`verify` on release archives: exactly the listed members, each once, regular files only.

Every hostile archive here is the real archive of release 1.1 with one thing changed, and
each test expects exactly the problems that one change is.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import shutil
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from gpai_docs.bundle.verify import verify_release
from tests.releases.conftest import Released

Members = list[tuple[tarfile.TarInfo, bytes | None]]
WHERE = "1.1.tar.gz:"


def read_members(archive: Path) -> Members:
    out: Members = []
    with tarfile.open(archive, mode="r:gz") as tar:
        for info in tar:
            handle = tar.extractfile(info) if info.isreg() else None
            out.append((info, handle.read() if handle else None))
    return out


def tar_bytes(members: Members) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for info, data in members:
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return buffer.getvalue()


def regular(name: str, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    return info, data


def special(name: str, kind: bytes, link: str = "") -> tuple[tarfile.TarInfo, None]:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, link
    return info, None


def index(members: Members, name: str) -> int:
    return next(i for i, (info, _) in enumerate(members) if info.name == name)


def problems(archive: Path) -> list[tuple[str, str, str]]:
    return [(p.kind, p.path, p.message) for p in verify_release(archive).problems]


@pytest.fixture
def hostile(released: Released, tmp_path: Path) -> Callable[[Members], Path]:
    """Write the given members as a 1.1.tar.gz of its own; the real members come first."""

    def write(members: Members) -> Path:
        target = tmp_path / "1.1.tar.gz"
        target.write_bytes(gzip.compress(tar_bytes(members), mtime=0))
        return target

    return write


@pytest.fixture
def members(released: Released) -> Members:
    return read_members(released.model / "1.1.tar.gz")


def test_rewritten_archive_with_the_same_members_verifies(
    hostile: Callable[[Members], Path], members: Members
) -> None:
    assert problems(hostile(members)) == []


def test_duplicate_member_after_the_real_one_is_refused(
    hostile: Callable[[Members], Path], members: Members, run_cli: Callable[..., Result]
) -> None:
    # tar extracts the second copy over the first: the one that counts is the forgery.
    real = members[index(members, "1.1/CHANGELOG.md")][1]
    assert real is not None
    archive = hostile([*members, regular("1.1/CHANGELOG.md", b"forged\n")])
    assert problems(archive) == [
        ("archive", WHERE + "1.1/CHANGELOG.md", "appears more than once; tar extracts the last copy over the others"),
        ("altered", WHERE + "CHANGELOG.md", f"has 7 bytes, the manifest records {len(real):,}"),
    ]  # fmt: skip
    result = run_cli("verify", archive)
    assert result.exit_code == 1
    assert "archive: 1.1.tar.gz:1.1/CHANGELOG.md: appears more than once" in result.output


def test_duplicate_member_before_the_real_one_is_refused(
    hostile: Callable[[Members], Path], members: Members
) -> None:
    at = index(members, "1.1/CHANGELOG.md")
    forged = [*members[:at], regular("1.1/CHANGELOG.md", b"forged\n"), *members[at:]]
    assert problems(hostile(forged)) == [
        ("archive", WHERE + "1.1/CHANGELOG.md", "appears more than once; tar extracts the last copy over the others"),
    ]  # fmt: skip


SHADOW = "is a folder entry where the manifest lists a file; it would shadow the file"


def test_folder_entry_in_place_of_a_file_is_refused(
    hostile: Callable[[Members], Path], members: Members
) -> None:
    at = index(members, "1.1/CHANGELOG.md")
    members[at] = special("1.1/CHANGELOG.md", tarfile.DIRTYPE)
    assert problems(hostile(members)) == [
        ("missing", WHERE + "CHANGELOG.md", "is listed but missing"),
        ("archive", WHERE + "CHANGELOG.md", SHADOW),
    ]


def test_folder_entry_shadowing_a_file_after_it_is_refused(
    hostile: Callable[[Members], Path], members: Members
) -> None:
    archive = hostile([*members, special("1.1/CHANGELOG.md", tarfile.DIRTYPE)])
    assert problems(archive) == [
        ("archive", WHERE + "1.1/CHANGELOG.md", "appears more than once; tar extracts the last copy over the others"),
        ("archive", WHERE + "CHANGELOG.md", SHADOW),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "link", "words"),
    [
        (tarfile.LNKTYPE, "1.1/sources/copyright-policy.yaml", "a hard link to "),
        (tarfile.SYMTYPE, "/etc/passwd", "a symbolic link to "),
        (tarfile.CHRTYPE, "", "a character device"),
        (tarfile.BLKTYPE, "", "a block device"),
        (tarfile.FIFOTYPE, "", "a named pipe (FIFO)"),
        (tarfile.CONTTYPE, "", "a contiguous file"),
    ],
    ids=["hard-link", "symlink", "char-device", "block-device", "fifo", "contiguous"],
)
def test_member_that_is_not_a_regular_file_is_refused(
    hostile: Callable[[Members], Path], members: Members, kind: bytes, link: str, words: str
) -> None:
    at = index(members, "1.1/CHANGELOG.md")
    if kind == tarfile.CONTTYPE:
        members[at][0].type = kind
    else:
        members[at] = special("1.1/CHANGELOG.md", kind, link)
    what = words + (json.dumps(link) if link else "")
    assert problems(hostile(members)) == [
        ("altered", WHERE + "CHANGELOG.md", f"is {what}, not a regular file")
    ]


def test_unlisted_device_member_is_an_extra_file(
    hostile: Callable[[Members], Path], members: Members
) -> None:
    archive = hostile([*members, special("1.1/tty", tarfile.CHRTYPE)])
    assert problems(archive) == [
        ("extra", WHERE + "tty", "is not listed in the manifest; it is a character device")
    ]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("/etc/cron.d/gpai", "is an absolute path"),
        ("1.1/../../.bashrc", "climbs out of its folder with '..'"),
        ("../1.1/CHANGELOG.md", "climbs out of its folder with '..'"),
        ("1.1/./CHANGELOG.md", "has an empty or '.' folder name"),
        ("1.1\\CHANGELOG.md", "contains a backslash (a folder separator on Windows)"),
    ],
    ids=["absolute", "dotdot-inside", "dotdot-first", "dot", "backslash"],
)
def test_member_with_an_unsafe_name_is_reported_as_unsafe(
    hostile: Callable[[Members], Path], members: Members, name: str, reason: str
) -> None:
    archive = hostile([*members, regular(name, b"forged\n")])
    assert problems(archive) == [("unsafe", WHERE + name, f"{reason}; not a plain path under 1.1/")]


def test_member_outside_the_release_folder_is_reported_as_such(
    hostile: Callable[[Members], Path], members: Members, run_cli: Callable[..., Result]
) -> None:
    archive = hostile([*members, regular("1.0/CHANGELOG.md", b"forged\n")])
    message = "is outside the release folder 1.1/"
    assert problems(archive) == [("archive", WHERE + "1.0/CHANGELOG.md", message)]
    result = run_cli("verify", archive, "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.output)["problems"][0]["message"] == message


def test_release_folder_entry_that_is_a_file_is_refused(
    hostile: Callable[[Members], Path], members: Members
) -> None:
    members[index(members, "1.1")] = regular("1.1", b"")
    assert problems(hostile(members)) == [
        ("archive", WHERE + "1.1", "is a file, not the release folder")
    ]


def test_unlisted_folder_entry_is_an_extra(
    hostile: Callable[[Members], Path], members: Members
) -> None:
    archive = hostile([*members, special("1.1/empty", tarfile.DIRTYPE)])
    assert problems(archive) == [
        ("extra", WHERE + "empty", "is a folder the manifest does not imply")
    ]


def test_unlisted_file_member_is_an_extra(
    hostile: Callable[[Members], Path], members: Members
) -> None:
    archive = hostile([*members, regular("1.1/notes.txt", b"added\n")])
    assert problems(archive) == [("extra", WHERE + "notes.txt", "is not listed in the manifest")]


def test_stray_signature_in_an_unsigned_archive_is_refused(
    hostile: Callable[[Members], Path], members: Members
) -> None:
    archive = hostile([*members, regular("1.1/manifest.json.sig", bytes(64))])
    assert problems(archive) == [
        ("signature", WHERE + "manifest.json.sig", "is present, but the manifest records no signature")
    ]  # fmt: skip
    assert verify_release(archive).signature == "invalid"


def test_manifest_member_that_is_a_link_is_refused(
    hostile: Callable[[Members], Path], members: Members
) -> None:
    at = index(members, "1.1/manifest.json")
    members[at] = special("1.1/manifest.json", tarfile.SYMTYPE, "/tmp/manifest.json")
    assert problems(hostile(members)) == [
        ("manifest", WHERE + "manifest.json", 'is a symbolic link to "/tmp/manifest.json", not a regular file')
    ]  # fmt: skip


def test_damaged_header_does_not_end_the_archive_quietly(
    released: Released, members: Members, tmp_path: Path
) -> None:
    # Python's tarfile stops at a damaged header as if the archive ended there; GNU tar
    # skips it and extracts what follows. Either way the archive is not the release.
    raw = bytearray(tar_bytes(members))
    with tarfile.open(fileobj=io.BytesIO(bytes(raw))) as tar:
        offset = next(info.offset for info in tar if info.name == "1.1/manifest.json")
    raw[offset] ^= 0x20  # the name's first byte: the header checksum no longer matches
    archive = tmp_path / "1.1.tar.gz"
    archive.write_bytes(gzip.compress(bytes(raw), mtime=0))
    found = problems(archive)
    reason = "cannot be read (a damaged member header (bad checksum))"
    assert found[0] == ("archive", "1.1.tar.gz", reason)
    assert found[1:] == [("manifest", WHERE + "manifest.json", "is missing from the archive")]


def test_data_after_the_end_of_archive_marker_is_refused(
    hostile: Callable[[Members], Path], members: Members, tmp_path: Path
) -> None:
    appended = tar_bytes(members) + tar_bytes([regular("1.1/evil.md", b"forged\n")])
    archive = tmp_path / "1.1.tar.gz"
    archive.write_bytes(gzip.compress(appended, mtime=0))
    assert problems(archive) == [
        ("archive", "1.1.tar.gz", "has data after its end-of-archive marker")
    ]


def test_oversized_extended_header_is_refused_before_it_is_read(
    hostile: Callable[[Members], Path], members: Members
) -> None:
    # The pax record "100013 path=<100,000 characters>\n" is 6 + 6 + 100,000 + 1 bytes.
    # Every real member comes before it, so nothing else is wrong.
    archive = hostile([*members, regular("1.1/" + "a" * 99_996, b"")])
    assert problems(archive) == [
        ("archive", "1.1.tar.gz", "cannot be read (an extended header of 100,013 bytes (at most 65,536))"),
    ]  # fmt: skip


def test_archive_with_too_many_members_is_refused(
    hostile: Callable[[Members], Path], members: Members
) -> None:
    padding = [regular(f"1.1/pad/{i:05}", b"") for i in range(10_001)]
    found = problems(hostile([*members, *padding]))
    assert found[0] == ("archive", "1.1.tar.gz", "has more than 10,000 members")
    extras = [path for kind, path, _ in found if kind == "extra"]
    assert len(extras) == 10_000 - len(members)
    assert len(found) == 1 + len(extras)


def test_archive_beside_the_folder_replaced_by_a_symlink_is_refused(
    released: Released, tmp_path: Path
) -> None:
    shutil.move(released.model / "1.1.tar.gz", tmp_path / "1.1.tar.gz")
    (released.model / "1.1.tar.gz").symlink_to(tmp_path / "1.1.tar.gz")
    report = verify_release(released.release("1.1"))
    assert [(p.kind, p.path, p.message) for p in report.problems] == [
        ("archive", "1.1.tar.gz", "is a symbolic link, not a regular file")
    ]
    assert "archive 1.1.tar.gz: has problems" in report.notes


def test_consistent_archive_of_another_manifest_does_not_match_its_folder(
    released: Released, members: Members
) -> None:
    at = index(members, "1.1/CHANGELOG.md")
    members[at] = regular("1.1/CHANGELOG.md", b"rewritten\n")
    manifest_at = index(members, "1.1/manifest.json")
    data = members[manifest_at][1]
    assert data is not None
    manifest = json.loads(data)
    entry = next(e for e in manifest["files"] if e["path"] == "CHANGELOG.md")
    entry.update(size=10, sha256=hashlib.sha256(b"rewritten\n").hexdigest())
    members[manifest_at] = regular("1.1/manifest.json", json.dumps(manifest).encode())
    archive = released.model / "1.1.tar.gz"
    archive.write_bytes(gzip.compress(tar_bytes(members), mtime=0))
    assert problems(archive) == []  # self-consistent on its own
    assert problems(released.release("1.1")) == [
        ("archive", "1.1.tar.gz:manifest.json", "differs from the folder's manifest.json")
    ]
