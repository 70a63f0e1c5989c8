"""Shell completion: the script click generates, and bash really completing with it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gpai_docs.cli.completion_command import COMPLETE_VAR, completion_command

BIN = Path(sys.executable).parent


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_script_names_the_program_and_its_variable(shell: str) -> None:
    result = CliRunner().invoke(completion_command, [shell])
    assert result.exit_code == 0
    assert f"{COMPLETE_VAR}={shell}_complete" in result.output
    assert "gpai-docs" in result.output


def test_unknown_shell_is_a_usage_error() -> None:
    result = CliRunner().invoke(completion_command, ["powershell"])
    assert result.exit_code == 2
    assert "bash" in result.output


def test_click_completes_commands_and_choices() -> None:
    def complete(words: str, cword: int) -> list[str]:
        env = {
            **os.environ,
            COMPLETE_VAR: "bash_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(cword),
        }
        done = subprocess.run(
            [str(BIN / "gpai-docs")], env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.split()

    assert "plain,validate" in complete("gpai-docs val", 1)
    formats = complete("gpai-docs validate --format ", 3)
    assert {"plain,sarif", "plain,github", "plain,json"} <= set(formats)


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_sources_the_script_and_completes(tmp_path: Path) -> None:
    script = CliRunner().invoke(completion_command, ["bash"]).output
    (tmp_path / "completion.bash").write_text(script, encoding="utf-8")
    probe = (
        "source completion.bash\n"
        "COMP_WORDS=(gpai-docs validate --format s); COMP_CWORD=3\n"
        "_gpai_docs_completion gpai-docs\n"  # bash passes the command name as $1
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(
        ["bash", "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["sarif"]
