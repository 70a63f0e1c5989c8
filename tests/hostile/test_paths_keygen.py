"""`keygen` with two names for one file: the public key must never replace the private one."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from gpai_docs.cli import cli
from tests.conftest import SAMPLES
from tests.hostile._paths import run

PRIVATE_PEM = b"-----BEGIN PRIVATE KEY-----"
PUBLIC_PEM = b"-----BEGIN PUBLIC KEY-----"


def _keygen(cwd: Path, *args: str) -> Result:
    old = Path.cwd()
    os.chdir(cwd)  # relative names such as ./k.pem are the point of some cases
    try:
        return CliRunner().invoke(cli, ["keygen", *args])
    finally:
        os.chdir(old)


def _refused(result: Result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return result.output


SAME = (
    "error: The public key and the private key would be the same file ({}): writing one "
    "would overwrite the other."
)


# (how the message names it: pathlib drops a leading ./)
@pytest.mark.parametrize(
    ("public", "shown"),
    [("k.pem", "k.pem"), ("./k.pem", "k.pem"), ("sub/../k.pem", "sub/../k.pem")],
)
def test_the_same_path_twice_is_refused(tmp_path: Path, public: str, shown: str) -> None:
    (tmp_path / "sub").mkdir()
    output = _refused(_keygen(tmp_path, "k.pem", "--public", public))
    assert SAME.format(shown) in output
    assert "hint: Give --public a different file name." in output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sub"]  # nothing written


def test_names_that_differ_only_in_case_are_refused(tmp_path: Path) -> None:
    output = _refused(_keygen(tmp_path, "k.pem", "--public", "K.pem"))
    assert SAME.format("K.pem") in output
    assert list(tmp_path.iterdir()) == []


def test_a_linked_folder_giving_the_same_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").symlink_to("a")
    output = _refused(_keygen(tmp_path, "a/k.pem", "--public", "b/k.pem"))
    assert SAME.format("b/k.pem") in output
    assert list((tmp_path / "a").iterdir()) == []


def test_a_dangling_link_to_the_private_key_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pub.pem").symlink_to("k.pem")  # k.pem does not exist yet
    output = _refused(_keygen(tmp_path, "k.pem", "--public", "pub.pem"))
    assert "error: pub.pem exists; refusing to overwrite a key." in output
    assert not (tmp_path / "k.pem").exists()


def test_an_existing_key_reached_through_a_link_is_kept(tmp_path: Path) -> None:
    (tmp_path / "old.pem").write_bytes(b"the old private key\n")
    (tmp_path / "pub.pem").symlink_to("old.pem")
    output = _refused(_keygen(tmp_path, "new.pem", "--public", "pub.pem"))
    assert "error: pub.pem exists; refusing to overwrite a key." in output
    assert (tmp_path / "old.pem").read_bytes() == b"the old private key\n"
    assert not (tmp_path / "new.pem").exists()


def test_an_existing_private_key_is_kept(tmp_path: Path) -> None:
    (tmp_path / "k.pem").write_bytes(b"the old private key\n")
    output = _refused(_keygen(tmp_path, "k.pem"))
    assert "error: k.pem exists; refusing to overwrite a key." in output
    assert (tmp_path / "k.pem").read_bytes() == b"the old private key\n"


def test_two_distinct_names_give_a_pair(tmp_path: Path) -> None:
    result = _keygen(tmp_path, "k.pem", "--public", "k.public.pem")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "k.pem").read_bytes().startswith(PRIVATE_PEM)
    assert (tmp_path / "k.public.pem").read_bytes().startswith(PUBLIC_PEM)
    assert stat.S_IMODE((tmp_path / "k.pem").stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda path: os.mkfifo(path), "a named pipe (FIFO)"),
        (lambda path: path.symlink_to("/dev/zero"), "a character device"),
    ],
)
def test_a_signing_key_that_is_a_pipe_or_device_is_not_read(
    tmp_path: Path, make: Callable[[Path], None], kind: str
) -> None:
    shutil.copytree(SAMPLES / "minimal", tmp_path / "project")
    make(tmp_path / "key.pem")
    args = ("release", "project", "--version", "1.0", "--format", "md", "--out", "output")
    result = run(*args, "--sign-key", "key.pem", "--date", "2026-03-01", cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"error: Cannot read the signing key key.pem: it is {kind}, not a file." in (
        result.stderr
    )
    assert not (tmp_path / "output").exists()  # refused before anything was built
