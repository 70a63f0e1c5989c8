"""Issue 15: every kind of bad row is skipped, counted and named by file and line;
column names of any spelling are data; gzip bombs are refused with exit 2."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
from pathlib import Path

import pytest
from click.testing import CliRunner

from gpai_docs.cli.domains_command import domains_command
from gpai_docs.crawlstats import CrawlStatsError, Options, count_domains, guard, run_domains

from .helpers import gzip_bomb, write_csv, write_jsonl, write_parquet

GOOD_FIRST, GOOD_LAST = b"https://a.com/x,1", b"https://c.com/y,3"


def _log(path: Path, *middle: bytes, header: bytes = b"url,size") -> Path:
    path.write_bytes(b"\n".join([header, GOOD_FIRST, *middle, GOOD_LAST]) + b"\n")
    return path


# (rows between the two good ones, expected skipped counts, rows read)
CASES = {
    "too many fields": ([b"x.com,1,2"], {"malformed_record": 1}),
    "too few fields": ([b"y.com"], {"malformed_record": 1}),
    "invalid utf-8": ([b"http://b\xff.com/,4", b"\xc3(,1"], {"bad_encoding": 2}),
    "nul bytes": (
        [b"\x00\x00\x00", b"https://n\x00.com/,1"],
        {"malformed_record": 1, "malformed_url": 1},
    ),
    "unterminated quote": ([b'"https://q.com/,1', b"z.com,2"], {"malformed_record": 1}),
    "empty lines": ([b"", b"", b"z.com,2", b""], {}),
    "a 10 MB line": ([b"https://b.com/" + b"x" * 10_000_000 + b",2"], {"oversize_record": 1}),
    "crlf in an lf file": ([b"https://z.com/,2\r"], {}),
    "lone carriage return": (
        [b"https://e.com/,1\rhttps://d.com/,1", b"\r"],
        {"malformed_record": 1},
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_bad_row_is_skipped_and_the_rest_is_counted(tmp_path: Path, case: str) -> None:
    middle, skipped = CASES[case]
    counts = count_domains([_log(tmp_path / "log.csv", *middle)])
    assert counts.skipped == skipped
    # every good row survives, the ones after the bad row included
    assert counts.overall.domains["a.com"] == 1
    assert counts.overall.domains["c.com"] == 3
    if b"z.com,2" in middle or b"https://z.com/,2\r" in middle:
        assert counts.overall.domains["z.com"] == 2


def test_an_open_quote_does_not_swallow_the_lines_after_it(tmp_path: Path) -> None:
    rows = [b'"https://q.com/,1'] + [f"https://s{i}.com/,{i}".encode() for i in range(1, 6)]
    counts = count_domains([_log(tmp_path / "log.csv", *rows)])
    assert counts.skipped == {"malformed_record": 1}
    assert counts.rows == 8
    assert {f"s{i}.com" for i in range(1, 6)} <= set(counts.overall.domains)


def test_the_first_bad_rows_are_named_by_file_and_line(tmp_path: Path) -> None:
    one = _log(tmp_path / "one.csv", b"x.com,1,2", b'"q.com,1', b"http://b\xff.com/,4")
    two = _log(tmp_path / "two.csv", b"https://b.com/" + b"x" * 3_000_000 + b",2", b"y.com")
    summary = run_domains([one, two], tmp_path / "out.csv").summary
    assert summary["rows_skipped"] == {
        "bad_encoding": 1,
        "malformed_record": 3,
        "oversize_record": 1,
    }
    assert summary["skipped_examples"] == [
        {"file": str(one), "line": 3, "reason": "malformed_record"},
        {"file": str(one), "line": 4, "reason": "malformed_record"},
        {"file": str(one), "line": 5, "reason": "bad_encoding"},
        {"file": str(two), "line": 3, "reason": "oversize_record"},
        {"file": str(two), "line": 4, "reason": "malformed_record"},
    ]


def test_at_most_five_bad_rows_are_named(tmp_path: Path) -> None:
    log = _log(tmp_path / "log.csv", *[b"x.com,1,2"] * 40)
    summary = run_domains([log], tmp_path / "out.csv").summary
    assert summary["rows_skipped"] == {"malformed_record": 40}
    assert [e["line"] for e in summary["skipped_examples"]] == [3, 4, 5, 6, 7]


def test_the_cli_reports_skipped_rows_and_where_they_are(tmp_path: Path) -> None:
    log = _log(tmp_path / "log.csv", b"x.com,1,2", b"http://b\xff.com/,4")
    result = CliRunner().invoke(
        domains_command, [str(log), "--out", str(tmp_path / "d.csv")], env={"CI": "1"}
    )
    assert result.exit_code == 0, result.output
    assert "4 rows read, 2 skipped" in result.stdout
    assert "skipped rows: 1 bad_encoding, 1 malformed_record" in result.stderr
    assert f"  {log}:3: malformed_record\n  {log}:4: bad_encoding" in result.stderr
    assert "Traceback" not in result.output


BOMBS = {
    "zeros": ("log.csv.gz", b"url,size\nhttps://a.com/,1\n", b"\0"),
    "good rows": ("log.csv.gz", b"url,size\n", b"https://a.com/,1\n"),
    "one long line": ("log.csv.gz", b"url,size\nhttps://a.com/", b"x"),
    "json lines": ("log.jsonl.gz", b'{"url": "a.com", "size": 1}\n', b"x"),
    "tsv": ("log.tsv.gz", b"url\tsize\n", b"a.com\t1\n"),
}


@pytest.mark.parametrize("bomb", BOMBS, ids=list(BOMBS))
def test_a_gzip_bomb_is_a_clear_error(tmp_path: Path, bomb: str) -> None:
    name, head, unit = BOMBS[bomb]
    path = gzip_bomb(tmp_path / name, head, unit)
    assert path.stat().st_size < 3 << 20
    result = CliRunner().invoke(
        domains_command, [str(path), "--out", str(tmp_path / "d.csv")], env={"CI": "1"}
    )
    assert result.exit_code == 2, result.output
    assert f"error: {path}: decompresses to more than " in result.stderr
    assert "refused as a decompression bomb" in result.stderr
    assert "hint: " in result.stderr
    assert not (tmp_path / "d.csv").exists()


def test_a_compressible_log_under_the_ratio_is_read(tmp_path: Path) -> None:
    # 100 MiB of one repeated row in 1 MiB blocks is over the floor but compresses
    # over 100:1: refused; the same rows in 60 MiB stay under the floor: read.
    small = gzip_bomb(tmp_path / "small.csv.gz", b"url,size\n", b"https://a.com/,1\n", 60)
    counts = count_domains([small])
    assert counts.skipped == {}
    assert counts.overall.domains == {"a.com": counts.rows}
    assert counts.rows == 60 * ((1 << 20) // 17)
    assert guard.RATIO_FLOOR == 64 << 20


HEADER = "(no URL or host column|cannot read the header line)"


def test_nested_and_other_compressions_are_clear_errors(tmp_path: Path) -> None:
    plain = b"url,size\nhttps://a.com/,1\n"
    nested = tmp_path / "nested.csv.gz"
    nested.write_bytes(gzip.compress(gzip.compress(plain)))
    other = {
        tmp_path / "log.csv.bz2": bz2.compress(plain),
        tmp_path / "log.csv.xz": lzma.compress(plain),
        tmp_path / "log.csv.zst": b"\x28\xb5\x2f\xfd" + b"\0" * 20,
    }
    for path, data in other.items():
        path.write_bytes(data)
        with pytest.raises(CrawlStatsError, match="cannot tell the format of this file"):
            count_domains([path])
        # forced to CSV, the compressed bytes are a header without the columns
        with pytest.raises(CrawlStatsError, match=HEADER):
            count_domains([path], Options(format="csv"))
    with pytest.raises(CrawlStatsError, match=HEADER):
        count_domains([nested])
    (tmp_path / "fake.csv.gz").write_bytes(bz2.compress(plain))
    with pytest.raises(CrawlStatsError, match="compressed data is damaged or cut short"):
        count_domains([tmp_path / "fake.csv.gz"])


NAMES = [
    ("{x}", "}", "{{"),
    ('u"rl', "si'ze", "`mod`"),
    ("url; DROP TABLE gd_auth; --", "select", "from"),
    ("a,b", 'c"d', "e\tf"),
    ("日本", "size ", "ORDER BY"),
]


@pytest.mark.parametrize("names", NAMES, ids=[n[0] for n in NAMES])
def test_any_column_name_is_data(tmp_path: Path, names: tuple[str, str, str]) -> None:
    url, size, modality = names
    rows = [("https://a.com/", 2, "text"), ("b.org", 1, "image")]
    options = Options(url_column=url, size_column=size.strip(), modality_column=modality)
    for path in (
        write_csv(tmp_path / "log.csv", [url, size, modality], rows),
        write_jsonl(
            tmp_path / "log.jsonl", [{url: u, size.strip(): s, modality: m} for u, s, m in rows]
        ),
    ):
        counts = count_domains([path], options)
        assert counts.overall.domains == {"a.com": 2, "b.org": 1}, path
        assert sorted(counts.by_modality) == ["image", "text"]


def test_json_keys_with_newlines_and_empty_keys_are_data(tmp_path: Path) -> None:
    records = [
        {"u\nrl": "https://a.com/", "": "x", "s\x00ize": 2},
        {"u\nrl": "b.org", "s\x00ize": 1},
    ]
    path = write_jsonl(tmp_path / "log.jsonl", records)
    counts = count_domains([path], Options(url_column="u\nrl", size_column="s\x00ize"))
    assert counts.overall.domains == {"a.com": 2, "b.org": 1}


def test_empty_and_repeated_header_names_of_unused_columns_are_fine(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_bytes(b"x,url,,x,size,\n1,https://a.com/,,2,5,\n1,b.org,,2,1,\n")
    assert count_domains([log]).overall.domains == {"a.com": 5, "b.org": 1}


@pytest.mark.parametrize("header", [b"url,size,size", b"url,url,size", b"URL,url,size"])
def test_a_repeated_name_of_a_used_column_is_a_clear_error(tmp_path: Path, header: bytes) -> None:
    log = _log(tmp_path / "log.csv", header=header)
    result = CliRunner().invoke(
        domains_command, [str(log), "--out", str(tmp_path / "d.csv")], env={"CI": "1"}
    )
    if header == b"URL,url,size":  # the exact spelling wins over a case-insensitive match
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2, result.output
    assert f"error: {log}: 2 columns are named " in result.stderr
    assert "hint: rename the columns" in result.stderr


def test_the_summary_is_valid_json_with_hostile_file_names(tmp_path: Path) -> None:
    log = _log(tmp_path / 'l"o\\g{x}.csv', b"x.com,1,2")
    summary_path = tmp_path / "out.summary.json"
    run_domains([log], tmp_path / "out.csv")
    data = json.loads(summary_path.read_text(encoding="utf-8"))
    assert data["skipped_examples"] == [{"file": str(log), "line": 3, "reason": "malformed_record"}]


def test_names_from_the_input_never_start_a_line_of_the_report(tmp_path: Path) -> None:
    # A CI runner reads a line starting with :: as a workflow command.
    log = write_csv(
        tmp_path / "log.csv",
        ["url", "size", "modality"],
        [("https://a.com/", 1, "text\n::error::pwned"), ("b.com", 2, "\x1b[31mred")],
    )
    result = CliRunner().invoke(
        domains_command, [str(log), "--out", str(tmp_path / "d.csv")], env={"CI": "1"}
    )
    assert result.exit_code == 0, result.output
    assert "modalities: \\x1b[31mred, text\\n::error::pwned" in result.stdout
    assert not [line for line in result.output.splitlines() if line.startswith("::")]
    assert "\x1b" not in result.output
    bad = tmp_path / "in\n::error::x"
    bad.mkdir()
    (bad / "log.csv").write_bytes(b"host,bytes\n")
    result = CliRunner().invoke(
        domains_command,
        [str(bad), "--out", str(tmp_path / "e.csv"), "--url-column", "u\n::x"],
        env={"CI": "1"},
    )
    assert result.exit_code == 2, result.output
    assert "error: " in result.stderr
    assert not [line for line in result.output.splitlines() if line.startswith("::")]


def test_tsv_gets_the_same_line_by_line_reading(tmp_path: Path) -> None:
    log = tmp_path / "log.tsv.gz"
    rows = [b"url\tsize", b"https://a.com/\t1\r", b'"q.com\t1', b"x.com\t1\t2", b"b.com\t2", b""]
    log.write_bytes(gzip.compress(b"\n".join(rows)))
    summary = run_domains([log], tmp_path / "out.csv").summary
    assert summary["rows_skipped"] == {"malformed_record": 2}
    assert [(e["line"], e["reason"]) for e in summary["skipped_examples"]] == [
        (3, "malformed_record"),
        (4, "malformed_record"),
    ]
    assert summary["total_size"] == 3


@pytest.mark.parametrize("names", NAMES[:3], ids=[n[0] for n in NAMES[:3]])
def test_any_parquet_column_name_is_data(tmp_path: Path, names: tuple[str, str, str]) -> None:
    url, size, modality = names
    rows = [("https://a.com/", 2, "text"), ("b.org", 1, "image")]
    path = write_parquet(tmp_path / "log.parquet", [url, size, modality], rows)
    options = Options(url_column=url, size_column=size, modality_column=modality)
    counts = count_domains([path], options)
    assert counts.overall.domains == {"a.com": 2, "b.org": 1}
    assert sorted(counts.by_modality) == ["image", "text"]


def test_a_quoted_field_over_lines_swallows_no_record(tmp_path: Path) -> None:
    # Closed three lines later, the quote makes one CSV field of three log lines; DuckDB
    # reads that without complaint and would count z.com's line as part of q.com's URL.
    log = _log(
        tmp_path / "log.csv", b'"https://q.com/,1', b"https://z.com/,2", b'https://y.com/",3'
    )
    summary = run_domains([log], tmp_path / "out.csv").summary
    assert summary["rows_skipped"] == {"malformed_record": 2}
    assert [e["line"] for e in summary["skipped_examples"]] == [3, 5]
    counts = count_domains([log])
    assert counts.overall.domains == {"a.com": 1, "z.com": 2, "c.com": 3}


def test_a_json_url_with_a_line_break_is_a_bad_row(tmp_path: Path) -> None:
    records = [{"url": "https://a.com/", "size": 1}, {"url": "https://q.com/\nx", "size": 2}]
    counts = count_domains([write_jsonl(tmp_path / "log.jsonl", records)])
    assert counts.skipped == {"malformed_record": 1}
    assert counts.overall.domains == {"a.com": 1}
