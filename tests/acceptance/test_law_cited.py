"""Every artifact cites the AI Act as amended, as the requirement catalogue's §12 asks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from gpai_docs.cli import cli
from tests.conftest import ROOT, SAMPLES


def _citation() -> str:
    """The wording UPD.omnibus says reports cite, read from the catalogue itself."""
    catalogue = (ROOT.parent / "shared" / "spec" / "requirements.md").read_text("utf-8")
    row = next(line for line in catalogue.splitlines() if line.startswith("| UPD.omnibus |"))
    quoted = re.search(r'Reports cite "([^"]+)"', row)
    assert quoted is not None, row
    return quoted[1]


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.iterdir() if p.is_dir()))
def test_every_artifact_cites_the_act_as_amended(sample: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["build", str(SAMPLES / sample), "--out", str(out), "--no-pdf"]
    )
    assert result.exit_code == 0, result.output
    artifacts = sorted(out.glob("*.md"))
    assert len(artifacts) == 7
    citation = _citation()
    for artifact in artifacts:
        assert citation in artifact.read_text("utf-8"), artifact.name
    summary = (out / "training-data-summary.public.md").read_text("utf-8")
    assert (
        f"| Legal basis | Art 53(1)(d) of {citation}; the Commission's template C(2025) 8311 final |"
        in summary
    )
