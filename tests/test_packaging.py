"""The built wheel carries everything the installed tool needs, and validate stays light."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT, SAMPLES


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (path,) = out.glob("gpai_docs-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_ships_data_templates_and_typing_marker(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    assert "gpai_docs/data/rulepack.yaml" in names
    assert "gpai_docs/data/catalogue.json" in names
    assert "gpai_docs/py.typed" in names
    templates = [n for n in names if n.startswith("gpai_docs/templates/")]
    assert any(n.endswith(".md.j2") for n in templates), "Markdown templates missing from wheel"
    assert not any(n.startswith(("tests/", "samples/")) for n in names)


def test_validate_does_not_import_the_pdf_or_crawl_stack() -> None:
    code = (
        "import sys\n"
        "from gpai_docs.cli import main\n"
        "try:\n"
        f"    main(['validate', {str(SAMPLES / 'minimal')!r}, '-q'])\n"
        "except SystemExit as exit:\n"
        "    assert exit.code == 0, exit.code\n"
        "heavy = [m for m in ('weasyprint', 'markdown_it', 'jinja2', 'duckdb', 'pyspark')"
        " if m in sys.modules]\n"
        "print('heavy=' + ','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "heavy="
