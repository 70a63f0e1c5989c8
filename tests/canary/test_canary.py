"""Confidentiality canary: markers planted in every AI Office-, authority- or provider-only
text of every sample never reach an artifact for downstream providers or the public."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.canary.planting import plant
from tests.conftest import SAMPLES

SAMPLE_NAMES = sorted(
    p.name for p in SAMPLES.iterdir() if (p / "model-documentation.yaml").exists()
)
# Artifacts for readers outside the provider and the authorities.
OPEN_NAMES = ("downstream", "public", "crawlers", "manifest.json", "bom", "README")


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gpai_docs", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _texts(path: Path) -> list[str]:
    """What a reader can get out of a file: its bytes, and for a PDF its text and attachments."""
    raw = path.read_bytes()
    out = [raw.decode("utf-8", errors="replace")]
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        reader = PdfReader(path)
        out.extend(page.extract_text() or "" for page in reader.pages)
        for name, contents in reader.attachments.items():
            out.append(name)
            out.extend(c.decode("utf-8", errors="replace") for c in contents)
        out.append(repr(reader.metadata))
    return out


def _leaks(folder: Path, markers: dict[str, str]) -> list[str]:
    found: list[str] = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or not any(n in path.name for n in OPEN_NAMES):
            continue
        blob = "\n".join(_texts(path))
        found.extend(f"{path.name}: {markers[m]}" for m in markers if m in blob)
    return found


def _run_everything(project: Path, out: Path, formats: list[str]) -> list[str]:
    """Build, release and export; return the error output printed along the way."""
    printed = []
    build = _cli("build", project, "--out", out / "build", *formats)
    assert build.returncode == 0, build.stderr
    printed.append(build.stdout + build.stderr)
    fmt = ["--format", "md"] if "--no-pdf" in formats else []
    release = _cli(
        "release",
        project,
        "--version",
        "1.0",
        "--out",
        out / "release",
        "--date",
        "2026-11-21",
        *fmt,
    )
    assert release.returncode == 0, release.stderr
    printed.append(release.stdout + release.stderr)
    for kind, name in (("hf-card", "README.md"), ("cyclonedx", "bom.json")):
        export = _cli("export", kind, project, "--out", out / "export" / name)
        assert export.returncode == 0, export.stderr
        printed.append(export.stdout + export.stderr)
    return printed


def _check(sample: str, tmp_path: Path, formats: list[str]) -> None:
    project, markers = plant(sample, tmp_path / "project")
    assert len(markers) >= 5, f"only {len(markers)} restricted text fields in {sample}"
    out = tmp_path / "out"
    _run_everything(project, out, formats)
    assert not _leaks(out, markers), _leaks(out, markers)
    # The markers do reach the confidential artifacts: the search would see a leak.
    confidential = "\n".join(
        "\n".join(_texts(p)) for p in (out / "build").glob("model-documentation.ai-office.*")
    )
    assert sum(m in confidential for m in markers) > 0


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_restricted_values_stay_out_of_open_markdown(sample: str, tmp_path: Path) -> None:
    _check(sample, tmp_path, ["--no-pdf"])


@pytest.mark.pdf
@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_restricted_values_stay_out_of_open_pdfs(sample: str, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    pytest.importorskip("pypdf")
    _check(sample, tmp_path, [])


def test_error_messages_for_public_artifacts_do_not_quote_restricted_values(tmp_path: Path) -> None:
    project, markers = plant("minimal", tmp_path / "project")
    # Break the public summary; the build's refusal is printed where CI logs are public.
    summary = project / "training-data-summary.yaml"
    summary.write_text(summary.read_text(encoding="utf-8") + "\nbroken: [\n", encoding="utf-8")
    result = _cli("build", project, "--out", tmp_path / "out", "--no-pdf")
    assert result.returncode == 1
    printed = result.stdout + result.stderr
    public_lines = [line for line in printed.splitlines() if "training-data-summary" in line]
    assert public_lines
    assert not [m for m in markers if any(m in line for line in public_lines)]
    shutil.rmtree(tmp_path / "out", ignore_errors=True)
