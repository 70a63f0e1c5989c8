"""Memory stays bounded on hostile crawl logs, measured through the child's peak RSS.

Each case runs `gpai-docs domains` in a child process and reads its own resource usage
from ``os.wait4`` (not ``RUSAGE_CHILDREN``, which would also count every child this
test process ran before). The inputs are about 1 MB of gzip expanding to 1 GiB; the
bound, 300 MiB, is under a third of the expanded size and holds DuckDB's fixed
overhead with room (measured: 130 to 152 MiB; a tiny clean log, 92 MiB). `verify` on a release
archive with a 1 GiB member is measured in ``tests/releases/test_verify_memory.py``.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

GIB_IN_MIB = 1024
BOUND_MIB = 300


def _peak(args: list[str]) -> tuple[int, float, str]:
    """Exit code, peak resident memory (MiB; ru_maxrss is KiB on Linux) and stderr."""
    child = subprocess.Popen(
        [sys.executable, "-m", "gpai_docs", "domains", *args],
        env={**os.environ, "CI": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert child.stderr is not None
    with child.stderr:
        stderr = child.stderr.read().decode()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, usage.ru_maxrss / 1024, stderr


def _bomb(path: Path, head: bytes, unit: bytes) -> Path:
    """1 GiB after the header: one compressed MiB written 1,024 times as gzip members."""
    block = gzip.compress(unit * ((1 << 20) // len(unit)), compresslevel=9, mtime=0)
    with path.open("wb") as out:
        out.write(gzip.compress(head, mtime=0))
        for _ in range(GIB_IN_MIB):
            out.write(block)
    return path


BOMBS = {
    "one line of zeros": ("z.csv.gz", b"url,size\nhttps://a.com/,1\n", b"\0"),
    "good rows": ("r.csv.gz", b"url,size\n", b"https://a.com/,1\n"),
    "short bad rows": ("b.csv.gz", b"url,size\n", b"x,1,2\n"),
    "json lines": ("j.jsonl.gz", b'{"url": "a.com", "size": 1}\n', b"{}\n"),
}


@pytest.mark.parametrize("bomb", BOMBS, ids=list(BOMBS))
def test_a_gzip_bomb_is_refused_in_bounded_memory(tmp_path: Path, bomb: str) -> None:
    name, head, unit = BOMBS[bomb]
    path = _bomb(tmp_path / name, head, unit)
    assert path.stat().st_size < 3 << 20  # about 1 MB (2.6 MB for the rows) for 1 GiB
    code, peak, stderr = _peak([str(path), "--out", str(tmp_path / "d.csv")])
    assert code == 2, stderr
    assert "refused as a decompression bomb" in stderr
    assert "Traceback" not in stderr
    assert peak < BOUND_MIB, f"domains peaked at {peak:.0f} MiB"
    assert not (tmp_path / "d.csv").exists()
