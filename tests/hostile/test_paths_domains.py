"""`gpai-docs domains`: an output that is the input log, a link, a pipe, or another output.

The crawl log may be the only copy of hours of crawling; `--out crawl.csv` used to
replace it. Same file means the same device and inode, so links and hard links count.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from gpai_docs.cli.domains_command import domains_command
from gpai_docs.crawlstats import CrawlStatsError, run_domains
from gpai_docs.errors import OutputError
from gpai_docs.fileio import check_names
from tests.hostile._paths import snapshot

LOG = b"url,size,modality\nhttps://a.example/x,5,text\nhttps://b.example/y,3,text\n"


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "crawl.csv"
    path.write_bytes(LOG)
    return path


def _domains(*args: str | Path) -> Result:
    return CliRunner().invoke(domains_command, [str(a) for a in args], env={"CI": "1"})


def _refused(result: Result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return result.output


def test_out_equal_to_the_log_is_refused(tmp_path: Path, log: Path) -> None:
    output = _refused(_domains(log, "--out", log))
    assert f"error: {log}: --out is the input crawl log {log}; writing it would replace" in output
    assert snapshot(tmp_path) == {"crawl.csv": LOG}


def test_out_as_a_link_to_the_log_is_refused(tmp_path: Path, log: Path) -> None:
    link = tmp_path / "d.csv"
    link.symlink_to(log)
    output = _refused(_domains(log, "--out", link))
    assert f"error: {link}: --out is the input crawl log {log}" in output
    assert snapshot(tmp_path) == {"crawl.csv": LOG, "d.csv": "-> " + str(log)}


def test_out_as_a_hard_link_to_the_log_is_refused(tmp_path: Path, log: Path) -> None:
    os.link(log, tmp_path / "d.csv")
    output = _refused(_domains(log, "--out", tmp_path / "d.csv"))
    assert f"--out is the input crawl log {log}" in output
    assert snapshot(tmp_path) == {"crawl.csv": LOG, "d.csv": LOG}


def test_the_log_read_through_a_link_is_still_the_log(tmp_path: Path, log: Path) -> None:
    link = tmp_path / "via.csv"
    link.symlink_to(log)
    output = _refused(_domains(link, "--out", log))
    assert f"error: {log}: --out is the input crawl log {link}" in output
    assert (tmp_path / "crawl.csv").read_bytes() == LOG


def test_summary_as_a_hard_link_to_the_log_is_refused(tmp_path: Path, log: Path) -> None:
    os.link(log, tmp_path / "s.json")
    args = (log, "--out", tmp_path / "d.csv", "--summary", tmp_path / "s.json")
    output = _refused(_domains(*args))
    assert "--summary is the input crawl log" in output
    assert snapshot(tmp_path) == {"crawl.csv": LOG, "s.json": LOG}


def test_out_as_a_link_elsewhere_is_not_written_through(tmp_path: Path, log: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"someone else's file\n")
    (tmp_path / "d.csv").symlink_to(victim)
    output = _refused(_domains(log, "--out", tmp_path / "d.csv"))
    assert "a file of that name exists and is a symbolic link" in output
    assert victim.read_bytes() == b"someone else's file\n"
    assert not (tmp_path / "d.summary.json").exists()  # all files or none


def test_out_as_a_fifo_is_refused_without_opening_it(tmp_path: Path, log: Path) -> None:
    os.mkfifo(tmp_path / "d.csv")
    output = _refused(_domains(log, "--out", tmp_path / "d.csv"))
    assert "a file of that name exists and is a named pipe (FIFO)" in output
    assert not (tmp_path / "d.summary.json").exists()


def test_out_and_summary_differing_only_in_case_are_refused(tmp_path: Path, log: Path) -> None:
    args = (log, "--out", tmp_path / "D.csv", "--summary", tmp_path / "d.csv")
    output = _refused(_domains(*args))
    assert "error: --summary and --out would be the same file" in output
    assert snapshot(tmp_path) == {"crawl.csv": LOG}


def test_colliding_modality_names_each_get_their_own_list(tmp_path: Path) -> None:
    # Each modality crawled exactly one domain, so each list must hold exactly that one.
    crawled = {
        "a b": "one.example",
        "a_b": "two.example",
        "a/b": "three.example",
        "A_B": "four.example",
        ".": "five.example",
        "..": "six.example",
        "../x": "seven.example",
        "Text": "eight.example",
        "text": "nine.example",
    }
    rows = "".join(f'https://{d}/,1,"{m}"\n' for m, d in crawled.items())
    log = tmp_path / "crawl.csv"
    log.write_text("url,size,modality\n" + rows, encoding="utf-8")
    out = tmp_path / "out" / "d.csv"
    result = run_domains([log], out)
    files = result.written.modality_csvs
    assert sorted(files) == sorted(crawled)
    assert len({p.name.casefold() for p in files.values()}) == len(crawled)
    assert all(p.parent == out.parent for p in files.values())
    for modality, domain in crawled.items():
        lines = files[modality].read_text(encoding="utf-8").splitlines()
        assert [line.split(",")[1] for line in lines[1:]] == [domain], modality
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crawl.csv", "out"]


def test_names_empty_after_slugging_get_lists_of_their_own(tmp_path: Path) -> None:
    log = tmp_path / "crawl.csv"
    rows = 'https://a.example/,1,"_"\nhttps://b.example/,1,"__"\nhttps://c.example/,1,"*"\n'
    log.write_text("url,size,modality\n" + rows, encoding="utf-8")
    result = run_domains([log], tmp_path / "out" / "d.csv")
    files = result.written.modality_csvs
    assert sorted(files) == ["*", "_", "__"]
    assert len({p.name for p in files.values()}) == 3
    assert not {p.name for p in files.values()} & {"d..csv", "d.csv", "d.summary.json"}
    for modality, domain in (("_", "a.example"), ("__", "b.example"), ("*", "c.example")):
        assert files[modality].read_text(encoding="utf-8").splitlines()[1].split(",")[1] == domain


def test_check_names_refuses_names_equal_but_for_case() -> None:
    with pytest.raises(OutputError, match="would be the same file"):
        check_names(
            {"the 'Text' list": Path("o/d.Text.csv"), "the 'text' list": Path("o/d.text.csv")}
        )


@pytest.mark.parametrize("name", [".", "..", "out/.."])
def test_check_names_refuses_a_path_without_a_file_name(name: str) -> None:
    with pytest.raises(OutputError, match="has no usable file name"):
        check_names({"--out": Path(name)})


def test_a_library_caller_gets_the_same_refusal(tmp_path: Path, log: Path) -> None:
    with pytest.raises(CrawlStatsError, match="--out is the input crawl log"):
        run_domains([log], Path(os.path.relpath(log)))
    assert log.read_bytes() == LOG
