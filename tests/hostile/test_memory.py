"""Memory stays bounded on hostile crawl logs, measured through the child's peak RSS.

Each case runs `gpai-docs domains` in a child of a fresh interpreter, which reads the
child's own resource usage from ``os.wait4`` (see ``MEASURE`` for why not from here).
The gzip inputs are about 1 MB expanding to 1 GiB; the bound, 300 MiB, is under a third
of the expanded size and holds DuckDB's fixed overhead with room (measured: 131 to 154
MiB; a tiny clean log, 90 MiB; the Parquet bomb under --memory-limit 256MB, 78 MiB).
`verify` on a release archive with a 1 GiB member is measured in
``tests/releases/test_verify_memory.py`` (40 MiB).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.crawlstats.helpers import gzip_bomb

BOUND_MIB = 300


# A fresh interpreter runs the CLI and reports its child's rusage. Measured from this
# process directly, ru_maxrss would start at this process's own high-water mark:
# subprocess spawns with vfork, and exec carries the old address space's peak over.
MEASURE = """
import json, os, subprocess, sys
child = subprocess.Popen([sys.executable, "-m", "gpai_docs", "domains", *sys.argv[1:]],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
err = child.stderr.read().decode()
_, status, usage = os.wait4(child.pid, 0)
print(json.dumps({"code": os.waitstatus_to_exitcode(status), "peak": usage.ru_maxrss,
                  "err": err}))
"""


def _peak(args: list[str]) -> tuple[int, float, str]:
    """Exit code, peak resident memory (MiB; ru_maxrss is KiB on Linux) and stderr."""
    run = subprocess.run(
        [sys.executable, "-c", MEASURE, *args],
        env={**os.environ, "CI": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    result = json.loads(run.stdout)
    return result["code"], result["peak"] / 1024, result["err"]


BOMBS = {
    "one line of zeros": ("z.csv.gz", b"url,size\nhttps://a.com/,1\n", b"\0"),
    "good rows": ("r.csv.gz", b"url,size\n", b"https://a.com/,1\n"),
    "short bad rows": ("b.csv.gz", b"url,size\n", b"x,1,2\n"),
    "json lines": ("j.jsonl.gz", b'{"url": "a.com", "size": 1}\n', b"{}\n"),
}


@pytest.mark.parametrize("bomb", BOMBS, ids=list(BOMBS))
def test_a_gzip_bomb_is_refused_in_bounded_memory(tmp_path: Path, bomb: str) -> None:
    name, head, unit = BOMBS[bomb]
    path = gzip_bomb(tmp_path / name, head, unit)
    assert path.stat().st_size < 3 << 20  # about 1 MB (2.6 MB for the rows) for 1 GiB
    code, peak, stderr = _peak([str(path), "--out", str(tmp_path / "d.csv")])
    assert code == 2, stderr
    assert "refused as a decompression bomb" in stderr
    assert "Traceback" not in stderr
    assert peak < BOUND_MIB, f"domains peaked at {peak:.0f} MiB"
    assert not (tmp_path / "d.csv").exists()


def test_a_parquet_bomb_stays_within_the_memory_limit(tmp_path: Path) -> None:
    # 10 kB of Parquet holding a 300 MB URL: DuckDB refuses to allocate it beyond
    # --memory-limit rather than exceed it.
    import duckdb

    path = tmp_path / "bomb.parquet"
    con = duckdb.connect()
    con.execute(
        "COPY (SELECT 'https://a.com/' || repeat('x', 300000000) AS url, 1 AS size "
        f"UNION ALL SELECT 'b.com', 2) TO '{path}' (FORMAT PARQUET, COMPRESSION ZSTD)"
    )
    con.close()
    assert path.stat().st_size < 100_000
    code, peak, stderr = _peak(
        [str(path), "--out", str(tmp_path / "d.csv"), "--memory-limit", "256MB"]
    )
    assert code == 2, stderr
    assert f"error: {path}: cannot read the crawl log: Out of Memory Error" in stderr
    assert "Traceback" not in stderr
    assert peak < BOUND_MIB, f"domains peaked at {peak:.0f} MiB"
