"""`verify` reads archives in bounded memory: a gzip bomb costs time, never RAM.

The bomb is a 1 GiB member of zeros in about 1 MB of gzip: 1 MiB of zeros compressed
once, repeated as 1,024 gzip members (a gzip file may hold many; every reader, Python's
and gzip(1) alike, reads them as one stream). The manifest lists the member with its true
size, so verify has to read all of it to compare the hash.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tarfile
from pathlib import Path

from gpai_docs.bundle.manifest import read_manifest
from tests.releases.conftest import Released

GIB = 1 << 30
# `head -c 1073741824 /dev/zero | sha256sum`
ZEROS_SHA256 = "49bc20df15e412a64472421e13fe86ff1c5165e18b2afccf160d4dc19fe68a14"
LIMIT_KIB = 200 * 1024  # ru_maxrss is in KiB on Linux

# A fresh interpreter whose only child is verify: RUSAGE_CHILDREN then measures verify
# alone, not whatever else this test process ran before.
MEASURE = """
import json, resource, subprocess, sys
run = subprocess.run([sys.executable, "-m", "gpai_docs", "verify", sys.argv[1]],
                     capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": run.returncode, "out": run.stdout, "err": run.stderr, "peak": peak}))
"""


def _header(name: str, kind: bytes, size: int) -> bytes:
    info = tarfile.TarInfo(name)
    info.type, info.size, info.mode = kind, size, 0o755 if kind == tarfile.DIRTYPE else 0o644
    return info.tobuf(format=tarfile.PAX_FORMAT)


def write_bomb(target: Path, manifest: bytes) -> None:
    prefix = target.name.removesuffix(".tar.gz")
    padding = b"\0" * (-len(manifest) % tarfile.BLOCKSIZE)
    with target.open("wb") as out:
        out.write(gzip.compress(_header(prefix, tarfile.DIRTYPE, 0), mtime=0))
        out.write(gzip.compress(_header(f"{prefix}/big.bin", tarfile.REGTYPE, GIB), mtime=0))
        chunk = gzip.compress(b"\0" * (1 << 20), compresslevel=9, mtime=0)
        for _ in range(GIB >> 20):
            out.write(chunk)
        tail = _header(f"{prefix}/manifest.json", tarfile.REGTYPE, len(manifest))
        tail += manifest + padding + b"\0" * (2 * tarfile.BLOCKSIZE)
        out.write(gzip.compress(tail, mtime=0))


def test_gzip_bomb_is_verified_in_bounded_memory(released: Released, tmp_path: Path) -> None:
    data = json.loads((released.release("1.0") / "manifest.json").read_text(encoding="utf-8"))
    entry = {**data["files"][0], "path": "big.bin", "size": GIB, "sha256": "0" * 64}
    data.update(version="9.9", files=[entry], sources=[])
    archive = tmp_path / "9.9.tar.gz"
    write_bomb(archive, json.dumps(data).encode())
    assert archive.stat().st_size < 4 << 20
    assert read_manifest(released.release("1.0")).version == "1.0"  # the template was valid

    run = subprocess.run(
        [sys.executable, "-c", MEASURE, str(archive)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    result = json.loads(run.stdout)
    assert result["code"] == 1, result
    # The whole gibibyte was read: its hash is compared, not only its header's size.
    expected = f"altered: 9.9.tar.gz:big.bin: has SHA-256 {ZEROS_SHA256}, the manifest records"
    assert f"{expected} {'0' * 64}" in result["out"]
    assert result["peak"] < LIMIT_KIB, f"verify peaked at {result['peak'] // 1024} MiB"
