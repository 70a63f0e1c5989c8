"""A bug inside gpai-docs is reported as a bug (GD001), never as a finding about the documents.

Every test makes one registered rule (MD004) raise ``KeyError`` and checks what the user,
CI and the test oracles (fuzzing, hostile inputs) see.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner, Result

from gpai_docs.cli import cli
from gpai_docs.diagnostics import Severity, internal_error
from gpai_docs.validate.pipeline import validate_project
from gpai_docs.validate.rules import RULES, RuleContext
from tests.conftest import FIXED_DATE, SAMPLES
from tests.rules.patching import merge, sample_data, write_project

# What the user reads; written out by hand, from the rule's code and name and the exception.
MD004_BUG = (
    "Internal error: rule MD004 (parameter-range-matches) failed with KeyError: "
    "'parameter_range'. This is a bug in gpai-docs, not a problem in your documents."
)
SARIF_SCHEMA = json.loads(
    (Path(__file__).parents[1] / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)


def _raise_key_error(context: RuleContext) -> Any:
    raise KeyError("parameter_range")


@pytest.fixture
def broken_md004(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(RULES, "MD004", dataclasses.replace(RULES["MD004"], check=_raise_key_error))
    monkeypatch.delenv("GPAI_DOCS_DEBUG", raising=False)


@pytest.fixture
def with_md003_error(tmp_path: Path) -> Path:
    """The minimal sample with one real finding: a size with one significant figure."""
    documents = merge(
        sample_data("minimal"),
        {"model_documentation": {"properties": {"total_model_size": "2*10^9"}}},
    )
    return write_project(tmp_path / "project", documents)


def _validate(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["validate", *map(str, args), "--as-of", str(FIXED_DATE)])


@pytest.mark.usefixtures("broken_md004")
def test_a_rule_that_raises_gives_gd001_and_the_other_rules_still_run(
    with_md003_error: Path,
) -> None:
    result = validate_project(with_md003_error, as_of=FIXED_DATE)
    codes = [d.code for d in result.report.diagnostics]
    assert "MD004" not in codes  # the bug is not passed off as the rule's finding
    assert "MD003" in codes  # the rules after it ran
    (bug,) = result.internal_errors
    assert bug.code == "GD001"
    assert bug.severity is Severity.ERROR
    assert bug.message == MD004_BUG
    assert bug.location.file == "(gpai-docs)"
    assert bug.hint is not None
    assert "report it" in bug.hint and "GPAI_DOCS_DEBUG=1" in bug.hint
    assert "Traceback" not in bug.message + bug.hint


def test_a_clean_sample_has_no_internal_error() -> None:
    assert validate_project(SAMPLES / "minimal", as_of=FIXED_DATE).internal_errors == []


@pytest.mark.usefixtures("broken_md004")
@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github"])
def test_validate_exits_2_in_every_format(output_format: str, with_md003_error: Path) -> None:
    result = _validate(with_md003_error, "--format", output_format)
    assert result.exit_code == 2, result.output  # not 1: findings do not hide the bug
    assert "internal error (GD001, a bug in gpai-docs)" in result.stderr
    assert "Traceback" not in result.output
    if output_format == "text":
        assert f"(gpai-docs): error GD001 {MD004_BUG}" in result.stdout
    elif output_format == "json":
        diagnostics = json.loads(result.stdout)["diagnostics"]
        assert [d["message"] for d in diagnostics if d["code"] == "GD001"] == [MD004_BUG]
    elif output_format == "sarif":
        log = json.loads(result.stdout)
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
        (run,) = log["runs"]
        assert "GD001" not in {r["ruleId"] for r in run["results"]}  # not an alert on the repo
        (invocation,) = run["invocations"]
        assert invocation["executionSuccessful"] is False
        (note,) = invocation["toolExecutionNotifications"]
        assert note["descriptor"] == {"id": "GD001"} and note["level"] == "error"
        assert note["message"]["text"].startswith(MD004_BUG)
    else:
        assert f"::error title=GD001::{MD004_BUG}" in result.stdout


@pytest.mark.usefixtures("broken_md004")
def test_build_refuses_even_a_draft_with_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["build", str(SAMPLES / "minimal"), "--out", str(out), "--draft", "--no-pdf"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert "Build refused: gpai-docs hit an internal error (GD001" in result.stderr
    assert not list(out.glob("*.md"))


@pytest.mark.usefixtures("broken_md004")
def test_release_refuses_with_exit_2_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["release", str(SAMPLES / "minimal"), "--version", "1.0", "--out", str(out)]
    result = CliRunner().invoke(cli, [*args, "--format", "md", "--date", "2026-01-01"])
    assert result.exit_code == 2, result.output
    assert "Release refused: gpai-docs hit an internal error (GD001" in result.stderr
    written = [p.name for p in out.rglob("*") if p.is_file()] if out.exists() else []
    assert written in ([], [".release.lock"])  # at most the model folder's empty lock


@pytest.mark.usefixtures("broken_md004")
def test_the_debug_variable_lets_the_exception_through() -> None:
    result = CliRunner().invoke(
        cli,
        ["validate", str(SAMPLES / "minimal"), "--as-of", str(FIXED_DATE)],
        env={"GPAI_DOCS_DEBUG": "1"},
    )
    assert isinstance(result.exception, KeyError)
    assert result.exception.args == ("parameter_range",)


def test_an_exception_escaping_validation_is_exit_2_without_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gpai_docs.validate.pipeline

    def explode(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the source map is inconsistent")

    monkeypatch.delenv("GPAI_DOCS_DEBUG", raising=False)
    monkeypatch.setattr(gpai_docs.validate.pipeline, "validate_project", explode)
    result = _validate(SAMPLES / "minimal")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "(gpai-docs): error GD001 Internal error: `gpai-docs validate` failed with "
        "RuntimeError: the source map is inconsistent"
    )
    assert "This is a bug in gpai-docs" in result.stderr
    assert "Traceback" not in result.output


def test_failing_determinations_are_gd001_too(monkeypatch: pytest.MonkeyPatch) -> None:
    import gpai_docs.validate.pipeline

    def explode(*args: Any) -> Any:
        raise ZeroDivisionError("division by zero")

    monkeypatch.delenv("GPAI_DOCS_DEBUG", raising=False)
    monkeypatch.setattr(gpai_docs.validate.pipeline, "determine", explode)
    result = validate_project(SAMPLES / "minimal", as_of=FIXED_DATE)
    assert result.determinations == ()
    assert [d.message for d in result.internal_errors] == [
        "Internal error: the determinations failed with ZeroDivisionError: division by zero. "
        "This is a bug in gpai-docs, not a problem in your documents."
    ]


def test_the_message_names_where_in_gpai_docs_it_was_raised() -> None:
    namespace: dict[str, Any] = {}
    # A function that lives, as far as tracebacks go, at line 2 of gpai_docs/validate/rules/fake.py.
    code = compile(
        "def check():\n    return {}['size']\n", "/x/src/gpai_docs/validate/rules/fake.py", "exec"
    )
    exec(code, namespace)
    try:
        namespace["check"]()
    except KeyError as error:
        diagnostic = internal_error("rule XX999 (fake)", error)
    assert diagnostic.message.startswith(
        "Internal error: rule XX999 (fake) failed with KeyError: 'size' "
        "(raised at validate/rules/fake.py:2). This is a bug"
    )


def test_a_long_exception_message_is_cut_to_keep_the_finding_short() -> None:
    diagnostic = internal_error("rule XX999 (fake)", ValueError("x" * 5000))
    assert "x" * 159 + "…" in diagnostic.message
    assert "x" * 160 not in diagnostic.message
    assert len(diagnostic.message) <= 400  # the hostile catalogue's limit for any message


@pytest.mark.usefixtures("broken_md004")
def test_the_fuzz_oracle_flags_an_internal_error() -> None:
    from tests.fuzz.test_fuzz import problems

    result = validate_project(SAMPLES / "minimal", as_of=FIXED_DATE)
    assert problems(result) == [f"bug: GD001 {MD004_BUG}"]


def test_the_fuzz_oracle_passes_a_clean_result() -> None:
    from tests.fuzz.test_fuzz import problems

    assert problems(validate_project(SAMPLES / "minimal", as_of=FIXED_DATE)) == []


@pytest.mark.usefixtures("broken_md004")
def test_the_hostile_oracle_flags_an_internal_error(tmp_path: Path) -> None:
    from tests.hostile._isolate import run_isolated
    from tests.hostile.test_catalogue import exercise, internal_errors

    project = tmp_path / "project"
    write_project(project, sample_data("minimal"))
    # The forked child inherits the broken rule, exactly as a hostile case would run.
    outcome = run_isolated(lambda: exercise(project, tmp_path / "out"), timeout=120)
    assert outcome.error is None, outcome.error
    assert internal_errors(outcome.value["diagnostics"]) == [f"GD001: {MD004_BUG}"]
    assert outcome.value["refused"] is not None  # the draft build refused as well
