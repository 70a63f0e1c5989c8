"""Run the CLI in a child process, kill it at a random moment, and inspect what is left."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import SAMPLES


def cli(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "gpai_docs", *(str(a) for a in args)]


def run(*args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cli(*args), capture_output=True, text=True, timeout=timeout, check=False)


def killed_after(delay: float, *args: str | Path) -> int:
    """Start the CLI, SIGKILL it after ``delay`` seconds; its exit status (negative if killed)."""
    process = subprocess.Popen(cli(*args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    return process.wait(timeout=60)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def visible_files(folder: Path) -> dict[str, str]:
    """Every file a reader would take for an artifact (not hidden), with its hash."""
    out = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            out[relative.as_posix()] = sha256(path)
    return out


def copy_sample(target: Path, sample: str = "minimal") -> Path:
    shutil.copytree(SAMPLES / sample, target)
    return target


def edit(project: Path, old: str, new: str) -> None:
    path = project / "model-documentation.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def timed(*args: str | Path) -> float:
    start = time.monotonic()
    result = run(*args)
    assert result.returncode == 0, result.stderr
    return time.monotonic() - start


def part_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.part")) + sorted(
        p.name for p in folder.rglob("*") if ".staging" in p.name or p.name.endswith(".tmp")
    )


def is_root() -> bool:
    return os.geteuid() == 0
