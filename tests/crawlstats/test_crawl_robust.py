"""Hostile crawl logs: one bad row never stops a run, memory stays bounded, names are
data (never SQL or patterns), and a run writes all its files or none."""

from __future__ import annotations

import gzip
import json
import os
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from gpai_docs.cli.domains_command import domains_command
from gpai_docs.crawlstats import CrawlStatsError, Options, count_domains, guard, run_domains
from gpai_docs.crawlstats.guard import LINE_LIMIT
from tests.hostile.test_memory import _peak as peak_of_domains

from .helpers import listed, write_csv, write_jsonl

GOOD = [b"https://a.com/x,1", b"https://c.com/y,3"]


def _log(path: Path, *middle: bytes) -> Path:
    path.write_bytes(b"\n".join([b"url,size", GOOD[0], *middle, GOOD[1]]) + b"\n")
    return path


def test_a_40_mb_line_is_one_oversize_row_and_the_run_goes_on(tmp_path: Path) -> None:
    big = b"https://b.com/" + b"x" * 40_000_000 + b",2"
    path = _log(tmp_path / "log.csv", big, b"http://b\xff.com/,4", b"x.com,1,2", b"d.com,5")
    counts = count_domains([path])
    assert counts.rows == 6
    assert counts.skipped == {"oversize_record": 1, "bad_encoding": 1, "malformed_record": 1}
    assert counts.overall.domains == {"a.com": 1, "c.com": 3, "d.com": 5}


def test_the_line_limit_is_exact(tmp_path: Path) -> None:
    # A line of LINE_LIMIT - 1 bytes plus its line break fits; one byte more does not.
    fits = b"https://b.com/" + b"x" * (LINE_LIMIT - 1 - 16) + b",2"
    assert len(fits) == LINE_LIMIT - 1
    too_long = fits[:-2] + b"x,2"
    path = _log(tmp_path / "log.csv", fits, too_long, b"http://b\xff.com/,4")
    counts = count_domains([path])
    assert counts.skipped == {"oversize_record": 1, "bad_encoding": 1}
    assert counts.overall.domains == {"a.com": 1, "b.com": 2, "c.com": 3}


def test_oversize_lines_in_gzip_and_json_lines(tmp_path: Path) -> None:
    gz = tmp_path / "log.csv.gz"
    with gzip.open(gz, "wb") as handle:
        handle.write(b"url,size\nhttps://a.com/,1\nhttps://b.com/" + b"x" * 5_000_000)
        handle.write(b",2\nhttps://c.com/,3\n")
    assert count_domains([gz]).skipped == {"oversize_record": 1}
    jsonl = tmp_path / "log.jsonl"
    big = b'{"url": "https://b.com/' + b"x" * 5_000_000 + b'", "size": 2}'
    jsonl.write_bytes(big + b'\n{"url": "https://a.com/", "size": 1}\n')
    counts = count_domains([jsonl])
    assert counts.skipped == {"oversize_record": 1}
    assert counts.overall.domains == {"a.com": 1}


@pytest.mark.parametrize(
    "line",
    [
        b"[" * 100_000 + b"]" * 100_000,  # 100,000 levels of nesting
        b'[{"url": "https://b.com/", "size": 2}]',  # an array, not an object
        b"42",
        b"null",
        b'{"url": "https://b.com/", "size"',  # cut short
        b"not json",
    ],
)
@pytest.mark.parametrize("first", [True, False])
def test_a_malformed_json_line_is_one_bad_row(tmp_path: Path, line: bytes, first: bool) -> None:
    rows = [b'{"url": "https://a.com/", "size": 1}', b'{"url": "https://c.com/", "size": 3}']
    rows.insert(0 if first else 1, line)
    path = tmp_path / "log.jsonl"
    path.write_bytes(b"\n".join(rows) + b"\n")
    counts = count_domains([path])
    assert counts.rows == 3
    assert counts.skipped == {"malformed_record": 1}
    assert counts.overall.domains == {"a.com": 1, "c.com": 3}


def _peak_mb(args: list[str]) -> tuple[int, float, str]:
    """Exit code, peak resident memory (MB) and stderr of one CLI run in a child.

    Measured through a fresh interpreter: from this process, the child's ru_maxrss
    would start at this process's own peak (vfork + exec), which the 40 MB lines of the
    tests above raise, and the difference below could come out as zero."""
    return peak_of_domains(args)


def _gzip_with_long_line(path: Path, head: bytes, tail: bytes, megabytes: int) -> Path:
    """Streamed: the 800 MB line is never in this process's memory either.

    A random letter every 64 bytes keeps it compressing about 20 to 1, as a log might:
    a line of one repeated byte would be refused as a decompression bomb (over 100:1).
    """
    rng = random.Random(15)
    chunks = []
    for _ in range(8):
        chunk = bytearray(b"x" * (1 << 20))
        for at in range(0, len(chunk), 64):
            chunk[at] = rng.choice(b"abcdefghijklmnopqrstuvwyz")
        chunks.append(bytes(chunk))
    with gzip.open(path, "wb", compresslevel=1) as handle:
        handle.write(head)
        for number in range(megabytes):
            handle.write(chunks[number % len(chunks)])
        handle.write(tail)
    assert path.stat().st_size * guard.MAX_RATIO > megabytes << 20  # not a bomb
    return path


def test_an_800_mb_line_in_gzip_stays_within_the_memory_limit(tmp_path: Path) -> None:
    limit = ["--memory-limit", "256MB"]
    small = write_csv(tmp_path / "small.csv.gz", ["url", "size"], [("https://a.com/", 1)])
    code, fixed, _ = _peak_mb([str(small), "--out", str(tmp_path / "s.csv"), *limit])
    assert code == 0
    data = _gzip_with_long_line(
        tmp_path / "data.csv.gz", b"url,size\nhttps://a.com/,1\nhttps://b.com/", b",2\n", 800
    )
    code, peak, stderr = _peak_mb([str(data), "--out", str(tmp_path / "d.csv"), *limit])
    assert code == 0, stderr
    summary = json.loads((tmp_path / "d.summary.json").read_text())
    assert summary["rows_skipped"] == {"oversize_record": 1}
    assert summary["rows"] == 2
    # within the limit plus the fixed overhead of the process (a tiny run's peak)
    assert peak - fixed < 256, (peak, fixed)
    header = _gzip_with_long_line(tmp_path / "header.csv.gz", b"url", b",size\na.com,1\n", 800)
    code, peak, stderr = _peak_mb([str(header), "--out", str(tmp_path / "h.csv"), *limit])
    assert code == 2
    assert f"{header}: the header line is longer than 2,000,000 bytes" in stderr
    assert peak - fixed < 256, (peak, fixed)


@pytest.mark.parametrize(
    ("url", "size", "modality"),
    [("{url}", "si}ze", "{mod}"), ('u"rl', "it's", "a'b\"c"), ("x{0}y", "{size!r}", "{}")],
)
def test_column_names_are_identifiers_never_sql(
    tmp_path: Path, url: str, size: str, modality: str
) -> None:
    rows = [("https://a.com/", 2, "text"), ("b.org", 1, "image")]
    options = Options(url_column=url, size_column=size, modality_column=modality)
    for path in (
        write_csv(tmp_path / "log.csv", [url, size, modality], rows),
        write_jsonl(tmp_path / "log.jsonl", [{url: u, size: s, modality: m} for u, s, m in rows]),
    ):
        counts = count_domains([path], options)
        assert counts.overall.domains == {"a.com": 2, "b.org": 1}
        assert sorted(counts.by_modality) == ["image", "text"]


def test_a_named_file_is_read_literally(tmp_path: Path) -> None:
    write_csv(tmp_path / "log1.csv", ["url", "size"], [("one.com", 1)])
    write_csv(tmp_path / "logx.csv", ["url", "size"], [("x.com", 2)])
    for name in ("log[1].csv", "log?.csv", "log*.csv", "l{o,g}.csv"):
        path = write_csv(tmp_path / name, ["url", "size"], [("literal.com", 3)])
        assert count_domains([path]).overall.domains == {"literal.com": 3}, name
    folder = tmp_path / "d[1]"
    write_csv(folder / "a.csv", ["url", "size"], [("folder.com", 4)])
    write_csv(tmp_path / "d1" / "a.csv", ["url", "size"], [("other.com", 5)])
    assert count_domains([folder]).overall.domains == {"folder.com": 4}


def test_only_patterns_the_user_gives_are_expanded(tmp_path: Path) -> None:
    write_csv(tmp_path / "a1.csv", ["url", "size"], [("one.com", 1)])
    write_csv(tmp_path / "a2.csv", ["url", "size"], [("two.com", 2)])
    write_csv(tmp_path / "a[12].csv", ["url", "size"], [("literal.com", 3)])
    # the name exists, so it is that file, not the pattern
    assert count_domains([tmp_path / "a[12].csv"]).overall.domains == {"literal.com": 3}
    pattern = str(tmp_path / "a?.csv")
    assert count_domains([pattern]).overall.domains == {"one.com": 1, "two.com": 2}


@pytest.mark.parametrize("option", ["--out", "--summary"])
def test_an_output_that_is_an_input_is_refused(tmp_path: Path, option: str) -> None:
    log = write_csv(tmp_path / "crawl.csv", ["url", "size"], [("a.com", 1)])
    jsonl = write_jsonl(tmp_path / "d.summary.json", [{"url": "b.com", "size": 2}])
    before = log.read_bytes(), jsonl.read_bytes()
    target = log if option == "--out" else jsonl
    args = [str(log), str(jsonl), "--out", str(tmp_path / "d.csv"), option, str(target)]
    result = CliRunner().invoke(domains_command, args, env={"CI": "1"})
    assert result.exit_code == 2
    assert f"error: {target}: {option} is the input crawl log {target}" in result.stderr
    assert "hint: choose a" in result.stderr
    assert (log.read_bytes(), jsonl.read_bytes()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crawl.csv", "d.summary.json"]


def test_the_default_summary_path_cannot_replace_an_input(tmp_path: Path) -> None:
    log = write_jsonl(tmp_path / "domains.summary.json", [{"url": "a.com", "size": 1}])
    with pytest.raises(CrawlStatsError, match="--summary is the input crawl log"):
        run_domains([log], tmp_path / "domains.csv")
    assert log.read_text() == '{"url": "a.com", "size": 1}\n'


def test_out_and_summary_must_differ(tmp_path: Path) -> None:
    log = write_csv(tmp_path / "crawl.csv", ["url", "size"], [("a.com", 1)])
    with pytest.raises(CrawlStatsError, match="--summary and --out would be the same file"):
        run_domains([log], tmp_path / "x.csv", summary_path=tmp_path / "x.csv")


def test_a_failed_write_leaves_neither_csv_nor_summary(tmp_path: Path) -> None:
    log = write_csv(tmp_path / "crawl.csv", ["url", "size"], [("a.com", 1)])
    (tmp_path / "blocked").write_text("a file where the summary's folder should be")
    with pytest.raises(CrawlStatsError, match="cannot write the output"):
        run_domains([log], tmp_path / "out" / "d.csv", summary_path=tmp_path / "blocked" / "s.json")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_failed_rename_puts_the_previous_outputs_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = write_csv(tmp_path / "crawl.csv", ["url", "size", "modality"], [("a.com", 1, "text")])
    out = tmp_path / "out" / "d.csv"
    run_domains([log], out)
    before = {p.name: p.read_bytes() for p in out.parent.iterdir()}
    assert sorted(before) == ["d.csv", "d.summary.json", "d.text.csv"]
    write_csv(log, ["url", "size", "modality"], [("b.com", 7, "text")])
    real = Path.replace
    calls: list[Path] = []

    def flaky(self: Path, target: Path) -> Path:  # the third rename (the summary) fails
        calls.append(Path(target))
        if len(calls) == 3 and Path(target).suffix == ".json":
            raise OSError(28, "No space left on device")
        return real(self, target)

    monkeypatch.setattr(Path, "replace", flaky)
    with pytest.raises(CrawlStatsError, match="No space left on device"):
        run_domains([log], out)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in out.parent.iterdir()} == before


def test_modalities_never_share_a_file(tmp_path: Path) -> None:
    names = ["a b", "a_b", "a/b", "Text", "text", "../x"]
    rows = [(f"site{i}.com", i + 1, name) for i, name in enumerate(names)]
    log = write_csv(tmp_path / "crawl.csv", ["url", "size", "modality"], rows)
    out = tmp_path / "out" / "d.csv"
    result = run_domains([log], out)
    csvs = {name: info["csv"] for name, info in result.summary["by_modality"].items()}
    assert sorted(csvs) == sorted(names)
    assert len({c.casefold() for c in csvs.values()}) == len(names)
    assert all("/" not in c and c.startswith("d.") and c.endswith(".csv") for c in csvs.values())
    assert csvs["a_b"] == "d.a_b.csv"  # a plain name keeps its file name
    for i, name in enumerate(names):
        assert listed(out.parent / csvs[name]) == [(f"site{i}.com", i + 1)]
    assert len(list(out.parent.iterdir())) == len(names) + 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "log.csv"
    os.mkfifo(fifo)
    result = CliRunner().invoke(
        domains_command, [str(fifo), "--out", str(tmp_path / "d.csv")], env={"CI": "1"}
    )
    assert result.exit_code == 2
    assert f"error: {fifo}: not a regular file" in result.stderr
