"""The shipped pre-commit hook, run by pre-commit itself on a temporary repository.

Most tests take the hook definition from the repository's `.pre-commit-hooks.yaml` and
change only its language to `system`, with the test's own `gpai-docs`. One uses the hook
as a user's project does: from a tag of a clone of this repository, installed by
pre-commit into its own environment, with pip pointed at a local index (offline).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from pre_commit.clientlib import load_manifest

from tests._wheelhouse import wheelhouse
from tests.conftest import ROOT, SAMPLES
from tests.integrations._projects import project_with_findings

MANIFEST = ROOT / ".pre-commit-hooks.yaml"
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _local_config() -> dict[str, Any]:
    raw = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    (hook,) = raw
    local = {
        **hook,
        "language": "system",
        "entry": f"{BIN / 'gpai-docs'} {hook['entry'].split(' ', 1)[1]}",
    }
    return {"repos": [{"repo": "local", "hooks": [local]}]}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "test@example.com")
    _git(repo, "config", "user.name", "Test")
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(_local_config()), "utf-8")
    (repo / "README.md").write_text("# models\n", encoding="utf-8")
    return repo


def _pre_commit(
    repo: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        **(env or {}),
        "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"),
        "PRE_COMMIT_COLOR": "never",
    }
    env.pop("CI", None)
    return subprocess.run(
        [str(BIN / "pre-commit"), "run", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_manifest_is_valid_for_pre_commit() -> None:
    (hook,) = load_manifest(str(MANIFEST))
    assert hook["id"] == "gpai-docs-validate"
    assert hook["pass_filenames"] is True
    assert hook["entry"].startswith("gpai-docs validate")


def test_hook_passes_a_clean_project_and_skips_other_files(repo: Path) -> None:
    shutil.copytree(SAMPLES / "minimal", repo / "models" / "lumen")
    _git(repo, "add", "-A")
    done = _pre_commit(repo)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "gpai-docs validate" in done.stdout and "Passed" in done.stdout

    _git(repo, "commit", "-q", "-m", "models", "--no-verify")
    (repo / "README.md").write_text("# models, edited\n", encoding="utf-8")
    _git(repo, "add", "README.md")
    skipped = _pre_commit(repo)
    assert skipped.returncode == 0
    assert "no files to check" in skipped.stdout


def test_hook_fails_on_findings_and_names_the_file(repo: Path) -> None:
    shutil.copytree(SAMPLES / "minimal", repo / "models" / "good")
    project_with_findings(repo / "models" / "bad")
    _git(repo, "add", "-A")
    done = _pre_commit(repo)
    assert done.returncode == 1
    assert "Failed" in done.stdout
    assert "bad/model-documentation.yaml" in done.stdout
    assert "MD001" in done.stdout
    # Three changed files of one project: its findings are reported once.
    assert done.stdout.count("MD001") == 1


def test_hook_on_explicit_files(repo: Path) -> None:
    project_with_findings(repo / "bad")
    shutil.copytree(SAMPLES / "minimal", repo / "good")
    _git(repo, "add", "-A")
    good = _pre_commit(repo, "--files", "good/model-documentation.yaml", "README.md")
    assert good.returncode == 0, good.stdout
    bad = _pre_commit(repo, "--files", "bad/copyright-policy.yaml")
    assert bad.returncode == 1
    assert "SC002" in bad.stdout


def test_hook_from_a_tag_of_the_repository_offline(repo: Path) -> None:
    """As a user's project uses it: `repo:` the gpai-docs repository, `rev:` a tag, and the
    hook installed by pre-commit itself (`language: python`), from a local package index
    made of the locked environment instead of the network."""
    if not (ROOT / ".git").exists():
        pytest.skip("needs the gpai-docs git repository")
    upstream = repo.parent / "gpai-docs"
    _git(repo.parent, "clone", "-q", "--no-hardlinks", str(ROOT), str(upstream))
    _git(upstream, "-c", "user.email=t@example.com", "-c", "user.name=T", "tag", "v0.1.0")
    wheels = wheelhouse(repo.parent / "wheelhouse", "gpai-docs")
    wheelhouse(wheels, "hatchling", include_roots=True)  # the build backend, for `pip install .`
    config = {
        "repos": [{"repo": str(upstream), "rev": "v0.1.0", "hooks": [{"id": "gpai-docs-validate"}]}]
    }
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    shutil.copytree(SAMPLES / "minimal", repo / "models" / "good")
    project_with_findings(repo / "models" / "bad")
    _git(repo, "add", "-A")

    offline = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheels)}
    done = _pre_commit(repo, "--all-files", env=offline)

    assert done.returncode == 1, done.stdout + done.stderr
    assert "gpai-docs validate" in done.stdout and "Failed" in done.stdout
    assert "bad/model-documentation.yaml" in done.stdout and "MD001" in done.stdout
    assert "good/" not in done.stdout
    # The hook ran the gpai-docs of the tag, installed in pre-commit's own environment.
    (env_python,) = (repo.parent / "pre-commit-home").glob("repo*/py_env-*/bin/python")
    assert Path(sys.executable).parent != env_python.parent

    shutil.rmtree(repo / "models" / "bad")
    _git(repo, "add", "-A")
    clean = _pre_commit(repo, "--all-files", env=offline)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
