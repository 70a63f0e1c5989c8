"""`gpai-docs domains`: exit codes, messages, quiet in CI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from gpai_docs.cli.domains_command import domains_command

from .helpers import listed, write_csv

ROWS = [("https://a.com/x", 30), ("https://www.a.com/y", 20), ("b.org", 10), ("c.net", 5)]


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "log.csv", ["url", "size"], ROWS)


def test_success_exit_0_and_outputs(tmp_path: Path, log: Path) -> None:
    out = tmp_path / "domains.csv"
    result = CliRunner().invoke(domains_command, [str(log), "--out", str(out)], env={"CI": "true"})
    assert result.exit_code == 0, result.output
    assert "1 of 3 domains listed" in result.output
    assert listed(out) == [("a.com", 50)]
    summary = json.loads((tmp_path / "domains.summary.json").read_text())
    assert summary["top"][0]["domain"] == "a.com"


def test_quiet_in_ci(tmp_path: Path, log: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        domains_command, [str(log), "--out", str(tmp_path / "d.csv")], env={"CI": "true"}
    )
    assert result.exit_code == 0
    assert result.stderr == ""  # no progress, no status line


def test_missing_column_exit_2_with_message(tmp_path: Path) -> None:
    bad = write_csv(tmp_path / "bad.csv", ["link", "bytes"], [("a.com", 1)])
    result = CliRunner().invoke(
        domains_command, [str(bad), "--out", str(tmp_path / "d.csv")], env={"CI": "true"}
    )
    assert result.exit_code == 2
    assert f"error: {bad}: no URL or host column" in result.stderr
    assert "hint: name the column with --url-column" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert not (tmp_path / "d.csv").exists()


def test_missing_file_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        domains_command, [str(tmp_path / "nope.csv"), "--out", str(tmp_path / "d.csv")]
    )
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr


def test_options_reach_the_library(tmp_path: Path) -> None:
    log = write_csv(tmp_path / "t.tsv", ["Site", "tokens"], [("a.com", 3), ("b.com", 4)], "\t")
    summary = tmp_path / "s" / "summary.json"
    args = [str(log), "--out", str(tmp_path / "d.csv"), "--summary", str(summary)]
    args += ["--measure", "tokens", "--sme", "--url-column", "Site", "--threads", "1"]
    result = CliRunner().invoke(domains_command, args, env={"CI": "1"})
    assert result.exit_code == 0, result.stderr
    data = json.loads(summary.read_text())
    assert data["measure"] == "tokens" and data["sme"] is True
    assert data["top"] == [{"rank": 1, "domain": "b.com", "size": 4, "share": 0.571428571429}]


def test_help_has_an_example() -> None:
    result = CliRunner().invoke(domains_command, ["--help"])
    assert result.exit_code == 0
    assert "gpai-docs domains crawl/" in result.output
    assert "--sme" in result.output and "--engine" in result.output


def test_bad_option_is_a_usage_error(tmp_path: Path, log: Path) -> None:
    result = CliRunner().invoke(domains_command, [str(log), "--out", "x.csv", "--engine", "x"])
    assert result.exit_code == 2
    assert "Invalid value for '--engine'" in result.stderr


def test_master_needs_the_spark_engine(tmp_path: Path, log: Path) -> None:
    args = [str(log), "--out", str(tmp_path / "d.csv"), "--master", "yarn"]
    result = CliRunner().invoke(domains_command, args, env={"CI": "1"})
    assert result.exit_code == 2
    assert "--master needs --engine spark" in result.stderr
    assert not (tmp_path / "d.csv").exists()
