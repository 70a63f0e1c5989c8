"""The built wheel carries everything the installed tool needs, and validate stays light."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from gpai_docs.render.pdf import pango_install_hint
from tests._wheelhouse import wheelhouse
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


# --- installed like a user installs it ---------------------------------------


@pytest.fixture(scope="module")
def user_venv(tmp_path_factory: pytest.TempPathFactory, wheel: zipfile.ZipFile) -> Path:
    """A fresh ``python -m venv`` with the built wheel and only what it depends on."""
    base = tmp_path_factory.mktemp("user")
    wheels = wheelhouse(base / "wheelhouse", "gpai-docs")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    assert wheel.filename is not None
    done = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "--no-index",
            "--find-links",
            str(wheels),
            wheel.filename,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return python.parent


def _run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(
        [str(bin_dir / "gpai-docs"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_wheel_installs_and_runs_without_the_development_tools(
    user_venv: Path, tmp_path: Path
) -> None:
    python = user_venv / "python"
    listed = subprocess.run(
        [str(python), "-m", "pip", "list", "--format=freeze", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.lower()
    for tool in ("pytest", "hypothesis", "ruff", "mypy", "weasyprint", "jsonschema", "pre-commit"):
        assert f"\n{tool}==" not in f"\n{listed}", f"{tool} is in the user's environment"
    assert "\ngpai-docs==0.1.0" in f"\n{listed}" or "\ngpai_docs==0.1.0" in f"\n{listed}"

    init = _run(user_venv, "init", "my-model", cwd=tmp_path)
    assert init.returncode == 0, init.stdout + init.stderr
    for name in ("model-documentation.yaml", "training-data-summary.yaml", "copyright-policy.yaml"):
        assert (tmp_path / "my-model" / name).is_file()

    shutil.copytree(SAMPLES / "minimal", tmp_path / "lumen")
    validated = _run(user_venv, "validate", "lumen", "--as-of", "2026-11-21", cwd=tmp_path)
    assert validated.returncode == 0, validated.stdout + validated.stderr

    built = _run(user_venv, "build", "lumen", "--no-pdf", "--out", "out", cwd=tmp_path)
    assert built.returncode == 0, built.stdout + built.stderr
    assert list((tmp_path / "out").rglob("*.md")), "build --no-pdf wrote no Markdown"
    assert not list((tmp_path / "out").rglob("*.pdf"))


def test_pdf_without_weasyprint_says_what_to_install(user_venv: Path, tmp_path: Path) -> None:
    shutil.copytree(SAMPLES / "minimal", tmp_path / "lumen")
    built = _run(user_venv, "build", "lumen", "--out", "out", cwd=tmp_path)
    assert built.returncode != 0
    said = built.stdout + built.stderr
    assert "Traceback" not in said
    assert "gpai-docs[pdf]" in said
    assert "--no-pdf" in said
    assert "Pango" in said


DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n'
UBUNTU = "NAME=Ubuntu\nID=ubuntu\nID_LIKE=debian\n"
FEDORA = 'NAME="Fedora Linux"\nID=fedora\n'
ARCH = "NAME=Arch Linux\nID=arch\n"
DOCS = "https://doc.courtbouillon.org/weasyprint/stable/first_steps.html#installation"


@pytest.mark.parametrize(
    ("platform", "os_release", "expected"),
    [
        (
            "linux",
            DEBIAN,
            "on Debian or Ubuntu, "
            "`apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0`",
        ),
        (
            "linux",
            UBUNTU,
            "on Debian or Ubuntu, "
            "`apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0`",
        ),
        ("linux", FEDORA, "on Fedora, `dnf install pango`"),
        ("darwin", None, "on macOS, `brew install pango`"),
        (
            "win32",
            None,
            f"on Windows, install MSYS2 and run `pacman -S mingw-w64-x86_64-pango` in it (see {DOCS})",
        ),
        ("linux", ARCH, f"see {DOCS} for your system"),
        ("freebsd14", None, f"see {DOCS} for your system"),
    ],
)
def test_pango_hint_names_the_command_of_each_system(
    platform: str, os_release: str | None, expected: str
) -> None:
    assert pango_install_hint(platform, os_release) == expected
