"""`gpai-docs validate` as a terminal user meets it: colour where it helps and nowhere else,
paths a terminal can open, and a fresh scaffold's open answers summarised per document with
each document's own legal basis."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.conftest import SAMPLES

Run = Callable[..., Result]

ESC = "\x1b["
# Every variable that decides colour, unset: each test sets only what it is about.
NEUTRAL: dict[str, str | None] = {"NO_COLOR": None, "FORCE_COLOR": None, "CI": None}

# Written by hand from the requirement catalogue (legal anchors of sections 3, 5 and 6) and
# the Code: the basis of each document's answers.
REFERENCES = {
    "model-documentation.yaml": "AI Act Art 53(1)(a)-(b); CoP Transparency Measure 1.1",
    "training-data-summary.yaml": (
        "AI Act Art 53(1)(d); Template for the summary of training content"
    ),
    "copyright-policy.yaml": "AI Act Art 53(1)(c); CoP Copyright Measure 1.1",
}
TITLES = {
    "model-documentation.yaml": "the model documentation",
    "training-data-summary.yaml": "the public summary of training content",
    "copyright-policy.yaml": "the copyright policy",
}


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The minimal sample with one error (a parameter range not on the Form's list)."""
    project = tmp_path / "work" / "broken"
    shutil.copytree(SAMPLES / "minimal", project)
    path = project / "model-documentation.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  parameter_range: 500M-5B" in text
    path.write_text(text.replace("  parameter_range: 500M-5B", "  parameter_range: 5-15B"))
    return project


@pytest.fixture
def scaffold(run_cli: Run, tmp_path: Path) -> Path:
    project = tmp_path / "fresh"
    assert run_cli("init", project).exit_code == 0
    return project


def _validate(run_cli: Run, *args: str | Path, **env: str) -> Result:
    return run_cli(*args, env={**NEUTRAL, **env})


# --- colour ------------------------------------------------------------------------------


def _console_script() -> str:
    script = Path(sys.executable).with_name("gpai-docs")
    return str(script) if script.exists() else shutil.which("gpai-docs") or "gpai-docs"


def _run_process(project: Path, *, terminal: bool, **env: str) -> str:
    """The real command's stdout, written to a pseudo-terminal or to a pipe."""
    base = {k: v for k, v in os.environ.items() if k not in NEUTRAL}
    command = [_console_script(), "validate", str(project), "--as-of", "2026-11-21"]
    full_env = {**base, "TERM": "xterm-256color", **env}
    if not terminal:
        done = subprocess.run(command, env=full_env, capture_output=True, text=True, check=False)
        return done.stdout
    leader, follower = pty.openpty()
    with subprocess.Popen(command, env=full_env, stdout=follower, stderr=subprocess.DEVNULL):
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the pty's other end closed (Linux says EIO)
                break
            if not chunk:
                break
            chunks.append(chunk)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_auto_colours_on_a_terminal(broken: Path) -> None:
    output = _run_process(broken, terminal=True)
    assert "SC004" in output
    assert f"{ESC}1;31merror{ESC}0m" in output


def test_auto_does_not_colour_a_pipe(broken: Path) -> None:
    output = _run_process(broken, terminal=False)
    assert "error SC004" in output
    assert ESC not in output


def test_no_color_turns_colour_off_on_a_terminal(broken: Path) -> None:
    output = _run_process(broken, terminal=True, NO_COLOR="1")
    assert "error SC004" in output
    assert ESC not in output


def test_an_empty_no_color_is_not_set(broken: Path) -> None:
    assert ESC in _run_process(broken, terminal=True, NO_COLOR="")


def test_force_color_colours_a_pipe(run_cli: Run, broken: Path) -> None:
    result = _validate(run_cli, "validate", broken, FORCE_COLOR="1")
    assert f"{ESC}1;31merror{ESC}0m {ESC}1mSC004{ESC}0m" in result.output


def test_color_always_colours_a_pipe(run_cli: Run, broken: Path) -> None:
    result = _validate(run_cli, "--color", "always", "validate", broken)
    assert f"{ESC}1;31merror{ESC}0m" in result.output


def test_color_never_is_plain(run_cli: Run, broken: Path) -> None:
    result = _validate(run_cli, "--color", "never", "validate", broken)
    assert "error SC004" in result.output
    assert ESC not in result.output


def test_color_option_beats_the_environment(run_cli: Run, broken: Path) -> None:
    never = _validate(run_cli, "--color", "never", "validate", broken, FORCE_COLOR="1")
    assert ESC not in never.output
    always = _validate(run_cli, "--color", "always", "validate", broken, NO_COLOR="1")
    assert ESC in always.output


def test_no_color_beats_force_color(run_cli: Run, broken: Path) -> None:
    result = _validate(run_cli, "validate", broken, NO_COLOR="1", FORCE_COLOR="1")
    assert ESC not in result.output


@pytest.mark.parametrize("output_format", ["json", "sarif", "github"])
def test_machine_formats_are_never_coloured(run_cli: Run, broken: Path, output_format: str) -> None:
    result = _validate(run_cli, "--color", "always", "validate", broken, "--format", output_format)
    assert "SC004" in result.output
    assert ESC not in result.output


def test_color_is_a_global_option_in_help(run_cli: Run) -> None:
    result = run_cli("--help")
    assert "--color [auto|always|never]" in result.output


# --- paths -------------------------------------------------------------------------------


def test_text_paths_are_relative_to_the_working_directory(
    run_cli: Run, broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(broken.parent.parent)  # tmp/, two levels above the documents
    result = _validate(run_cli, "validate", broken)
    assert "    work/broken/model-documentation.yaml:30:20: error SC004" in result.output
    monkeypatch.chdir(broken)
    result = _validate(run_cli, "validate", ".")
    assert "    model-documentation.yaml:30:20: error SC004" in result.output


def test_paths_outside_the_working_directory_are_absolute(
    run_cli: Run, broken: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = _validate(run_cli, "validate", broken)
    absolute = (broken / "model-documentation.yaml").resolve().as_posix()
    assert f"    {absolute}:30:20: error SC004" in result.output
    payload = json.loads(_validate(run_cli, "validate", broken, "--format", "json").output)
    assert {d["file"] for d in payload["diagnostics"]} == {absolute}
    assert absolute in [f["file"] for f in payload["files"]]


def test_json_paths_are_relative_to_the_working_directory(
    run_cli: Run, broken: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(broken)
    payload = json.loads(_validate(run_cli, "validate", ".", "--format", "json").output)
    (finding,) = payload["diagnostics"]
    assert finding["file"] == "model-documentation.yaml"
    assert Path(finding["file"]).is_file()


# --- grouping and per-document references ------------------------------------------------


def _blocks(output: str) -> dict[str, str]:
    """The text report split at each document's header line, by file name."""
    found: dict[str, str] = {}
    for name in REFERENCES:
        match = re.search(rf"^\S*{re.escape(name)} \(.*?(?=^\S|\Z)", output, re.M | re.S)
        assert match is not None, f"no block for {name}:\n{output}"
        found[name] = match.group()
    return found


def test_open_answers_are_summarised_per_document_with_its_own_reference(
    run_cli: Run, scaffold: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(scaffold)
    output = _validate(run_cli, "validate", ".").output
    for name, block in _blocks(output).items():
        summary = [line for line in block.splitlines() if "PJ001" in line]
        assert len(summary) == 1, block  # one line, whatever the scaffold's count
        assert re.search(
            rf"^    {re.escape(name)}:\d+:\d+: warning PJ001 × \d+ in {TITLES[name]}: "
            r"answers to be provided — sections .*\(\d+\)$",
            summary[0],
        ), summary[0]
        assert f"        see: {REFERENCES[name]}\n" in block
        assert "--verbose" in block
    assert "CoP Transparency Measure 1.1" not in _blocks(output)["copyright-policy.yaml"]


def test_the_summary_counts_open_answers_per_section(
    run_cli: Run, scaffold: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(scaffold)
    output = _validate(run_cli, "validate", ".").output
    payload = json.loads(_validate(run_cli, "validate", ".", "--format", "json").output)
    pj001 = [d for d in payload["diagnostics"] if d["code"] == "PJ001"]
    model = [d for d in pj001 if d["file"] == "model-documentation.yaml"]
    line = next(x for x in output.splitlines() if "PJ001 × " in x and "model documentation" in x)
    assert f"PJ001 × {len(model)} " in line
    # Form section 1 is `general`: its open answers are counted under "1".
    general = sum(1 for d in model if d["path"].startswith("/general/"))
    assert general and f" 1 ({general})" in line


def test_verbose_and_all_list_each_open_answer_under_its_section(
    run_cli: Run, scaffold: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(scaffold)
    payload = json.loads(_validate(run_cli, "validate", ".", "--format", "json").output)
    pj001 = [d for d in payload["diagnostics"] if d["code"] == "PJ001"]
    for flag in ("--verbose", "--all", "-v"):
        output = _validate(run_cli, "validate", ".", flag).output
        listed = [line for line in output.splitlines() if " warning PJ001 " in line]
        assert len(listed) == len(pj001) > 3
        assert "×" not in output
        assert "  1 General information\n" in output  # a Form section heading
        blocks = _blocks(output)
        for name, reference in REFERENCES.items():
            assert blocks[name].count(f"see: {reference}") == sum(
                1 for d in pj001 if d["file"] == name
            )


def test_json_keeps_one_entry_per_finding_with_its_document_reference(
    run_cli: Run, scaffold: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(scaffold)
    payload = json.loads(_validate(run_cli, "validate", ".", "--format", "json").output)
    pj001 = [d for d in payload["diagnostics"] if d["code"] == "PJ001"]
    assert len(pj001) == payload["summary"]["to_be_provided"]
    assert {(d["file"], d["reference"]) for d in pj001} == set(REFERENCES.items())


def test_sarif_keeps_one_result_per_finding_with_its_document_reference(
    run_cli: Run, scaffold: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(scaffold)
    payload = json.loads(_validate(run_cli, "validate", ".", "--format", "json").output)
    sarif = json.loads(_validate(run_cli, "validate", ".", "--format", "sarif").output)
    results = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "PJ001"]
    assert len(results) == sum(1 for d in payload["diagnostics"] if d["code"] == "PJ001")


# --- the open-source exemption, said alike by PJ001, MD002 and the determination ---------


def test_an_exempt_models_open_answers_read_as_the_determination_says(
    run_cli: Run, tmp_path: Path
) -> None:
    project = tmp_path / "exempt"
    shutil.copytree(SAMPLES / "open-weights-sme", project)
    edits = {
        "model-documentation.yaml": ("  curation: >-", "  curation: {to_be_provided: data team}"),
        "training-data-summary.yaml": (
            "  illegal_content: >-",
            "  illegal_content: {to_be_provided: legal team}",
        ),
    }
    for name, (old, new) in edits.items():
        path = project / name
        lines = path.read_text(encoding="utf-8").split("\n")
        at = lines.index(old)
        # Drop the folded block's continuation lines with the key.
        end = next(i for i in range(at + 1, len(lines)) if not lines[i].startswith("    "))
        path.write_text("\n".join([*lines[:at], new, *lines[end:]]), encoding="utf-8")
    # Placed on the Union market on 2026-05-12: everything owed was due then.
    payload = json.loads(
        _validate(run_cli, "validate", project, "--format", "json", "--as-of", "2026-11-21").output
    )
    by_path = {d["path"]: d for d in payload["diagnostics"]}
    curation = by_path["/data/curation"]
    assert (curation["code"], curation["severity"]) == ("PJ001", "warning")
    assert "not required" in curation["message"]
    assert "(Annex XI)" in curation["message"] and "(Annex XII)" in curation["message"]
    assert "AI Act Art 53(2)" in curation["reference"]
    illegal = by_path["/section_3/illegal_content"]
    assert (illegal["code"], illegal["severity"]) == ("MD002", "error")
    assert "due on 2026-05-12" in illegal["message"]
    (exemption,) = [d for d in payload["determinations"] if d["key"] == "open_source_exemption"]
    assert exemption["outcome"] == "Applies"
    statement = exemption["statement"]
    assert "The model documentation (Annex XI), the downstream information (Annex XII)" in statement
    assert "not required" in statement
    assert "public summary of training content still are" in statement
