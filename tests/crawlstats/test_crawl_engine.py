"""End to end through the DuckDB engine: formats, bad rows, modalities, outputs."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from gpai_docs.crawlstats import CrawlStatsError, Options, count_domains, run_domains

from .helpers import listed, read_csv_rows, write_csv, write_jsonl, write_parquet

# 12 rows, 6 domains; sizes hand-summed per registrable domain:
#   bbc.co.uk 300+200 = 500, example.com 100+150 = 250, alice.github.io 120,
#   bob.github.io 80, xn--bcher-kva.de 40+10 = 50, example.com.au 20
ROWS = [
    ("https://news.bbc.co.uk/a", 300),
    ("http://www.bbc.co.uk/b", 200),
    ("http://user:pw@Example.COM:8080/x", 100),
    ("example.com.", 150),
    ("https://alice.github.io/blog", 120),
    ("bob.github.io", 80),
    ("https://Bücher.de/", 40),
    ("xn--bcher-kva.de", 10),
    ("shop.example.com.au", 20),
    ("http://10.1.2.3/x", 999),
    ("http://[2001:db8::1]:443/", 1),
    ("not a url at all", 5),
]
EXPECTED_ALL = [
    ("bbc.co.uk", 500),
    ("example.com", 250),
    ("alice.github.io", 120),
    ("bob.github.io", 80),
    ("xn--bcher-kva.de", 50),
    ("example.com.au", 20),
]


def _counts(path: Path, **kw: object) -> dict[str, int]:
    return count_domains([path], Options(**kw)).overall.domains  # type: ignore[arg-type]


def test_csv_totals_per_registrable_domain(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "log.csv", ["url", "size"], ROWS)
    counts = count_domains([path])
    assert sorted(counts.overall.domains.items(), key=lambda i: (-i[1], i[0])) == EXPECTED_ALL
    assert counts.rows == 12
    assert counts.ip_rows == 2 and counts.ip_size == 1000
    assert counts.skipped == {"malformed_url": 1}


@pytest.mark.parametrize(
    "name", ["log.csv.gz", "log.tsv", "log.tsv.gz", "log.jsonl", "log.parquet"]
)
def test_every_format_gives_the_same_totals(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if ".tsv" in name:
        write_csv(path, ["url", "size"], ROWS, delim="\t")
    elif name.endswith(".csv.gz"):
        write_csv(path, ["url", "size"], ROWS)
        with gzip.open(path, "rb") as handle:
            assert handle.read(8) == b"url,size"  # really gzip
    elif name.endswith(".jsonl"):
        write_jsonl(path, [{"url": u, "size": s} for u, s in ROWS])
    else:
        write_parquet(path, ["url", "size"], ROWS)
    counts = count_domains([path])
    assert sorted(counts.overall.domains.items(), key=lambda i: (-i[1], i[0])) == EXPECTED_ALL
    assert counts.ip_rows == 2


def test_bad_rows_are_counted_by_reason(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    lines = [
        b"url,size",
        b"http://ok.com/,10",
        b"http://,1",  # no host
        b",2",  # no host (empty url)
        b"http://exa mple.com/,3",  # malformed URL
        b"http://1.2.3.4/,4",  # IP, counted apart
        b"http://neg.com/,-5",  # negative size
        b"http://nan.com/,lots",  # non-numeric size
        b"http://empty.com/,",  # missing size
        b"http://b\xff\xfe.com/,6",  # invalid UTF-8
        b"http://extra.com/,1,2",  # too many fields
        b"github.io,7",  # a public suffix, no registrable domain
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    counts = count_domains([path])
    assert counts.overall.domains == {"ok.com": 10}
    assert counts.rows == 11
    assert counts.ip_rows == 1 and counts.ip_size == 4
    assert counts.skipped == {
        "no_host": 2,
        "malformed_url": 1,
        "negative_size": 1,
        "non_numeric_size": 1,
        "missing_size": 1,
        "bad_encoding": 1,
        "malformed_record": 1,
        "not_registrable": 1,
    }


def test_malformed_json_lines_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    path.write_text('{"url": "a.com", "size": 3}\nnot json\n{"url": "b.com", "size": "x"}\n')
    counts = count_domains([path])
    assert counts.overall.domains == {"a.com": 3}
    assert counts.skipped == {"malformed_record": 1, "non_numeric_size": 1}


def test_folders_and_globs(tmp_path: Path) -> None:
    write_csv(tmp_path / "logs" / "2025" / "a.csv", ["url", "size"], [("a.com", 1)])
    write_csv(tmp_path / "logs" / "2026" / "b.csv.gz", ["url", "size"], [("a.com", 2)])
    write_jsonl(tmp_path / "logs" / "c.jsonl", [{"host": "b.com", "size": 5}])
    (tmp_path / "logs" / "_SUCCESS").write_text("")
    (tmp_path / "logs" / "README.txt").write_text("not a log")
    assert count_domains([tmp_path / "logs"]).overall.domains == {"a.com": 3, "b.com": 5}
    pattern = str(tmp_path / "logs" / "**" / "*.csv*")
    assert count_domains([pattern]).overall.domains == {"a.com": 3}


def test_tokens_and_column_options(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "t.csv", ["host", "bytes", "tokens"], [("a.com", 100, 7)])
    assert _counts(path, measure="tokens") == {"a.com": 7}
    assert _counts(path) == {"a.com": 100}
    other = write_csv(tmp_path / "o.csv", ["Address", "Len"], [("a.com", 4)])
    assert _counts(other, url_column="Address", size_column="len") == {"a.com": 4}


def test_missing_column_is_a_clear_error(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "log.csv", ["link", "size"], [("a.com", 1)])
    with pytest.raises(CrawlStatsError) as caught:
        count_domains([path])
    assert str(path) in caught.value.message
    assert "no URL or host column" in caught.value.message
    assert "link" in caught.value.message  # lists what the file has
    assert caught.value.hint is not None and "--url-column" in caught.value.hint


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "log.csv", ["url", "size"], [("a.com", 1)])
    path.chmod(0)
    with pytest.raises(CrawlStatsError, match="cannot read this file"):
        count_domains([path])


def test_permission_denied_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As the root test above, for runs as root: the access check itself."""
    path = write_csv(tmp_path / "log.csv", ["url", "size"], [("a.com", 1)])
    monkeypatch.setattr(os, "access", lambda *_args, **_kw: False)
    with pytest.raises(CrawlStatsError) as caught:
        count_domains([path])
    assert caught.value.message == f"{path}: cannot read this file (permission denied)"
    assert caught.value.hint is not None and "permissions" in caught.value.hint


def test_corrupt_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "log.parquet"
    path.write_bytes(b"PAR1 this is not parquet")
    with pytest.raises(CrawlStatsError) as caught:
        count_domains([path])
    assert caught.value.message.startswith(f"{path}: cannot read the crawl log")
    assert caught.value.hint is not None


def test_truncated_gzip_is_a_clear_error(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "log.csv.gz", ["url", "size"], [("a.com", 1)] * 1000)
    path.write_bytes(path.read_bytes()[:40])
    with pytest.raises(CrawlStatsError, match=str(path)):
        count_domains([path])


def test_nothing_found_errors(tmp_path: Path) -> None:
    with pytest.raises(CrawlStatsError, match="no such file or folder"):
        count_domains([tmp_path / "nope.csv"])
    with pytest.raises(CrawlStatsError, match="no file matches"):
        count_domains([str(tmp_path / "*.csv")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(CrawlStatsError, match="no crawl log found"):
        count_domains([tmp_path / "empty"])


def test_per_modality_lists(tmp_path: Path) -> None:
    rows = [
        ("a.com", 10, "text"),
        ("www.a.com", 5, "image"),
        ("b.com", 7, "text"),
        ("c.com", 1, ""),
    ]
    path = write_csv(tmp_path / "log.csv", ["url", "size", "modality"], rows)
    out = tmp_path / "out" / "domains.csv"
    result = run_domains([path], out)
    by = result.summary["by_modality"]
    assert sorted(by) == ["image", "text", "unspecified"]
    assert by["text"]["total_size"] == 17 and by["text"]["distinct_domains"] == 2
    assert by["text"]["csv"] == "domains.text.csv"
    assert listed(out.parent / "domains.text.csv") == [("a.com", 10)]  # ceil(10 % of 2) = 1
    assert listed(out.parent / "domains.image.csv") == [("a.com", 5)]
    assert result.summary["total_size"] == 23


def test_totals_input(tmp_path: Path) -> None:
    rows = [("bbc.co.uk", 500), ("news.bbc.co.uk", 25), ("example.com", 10)]
    path = write_csv(tmp_path / "totals.csv", ["domain", "size"], rows)
    counts = count_domains([path], Options(input_kind="totals"))
    assert counts.overall.domains == {"bbc.co.uk": 525, "example.com": 10}


def test_outputs_and_summary(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "log.csv", ["url", "size"], ROWS)
    out = tmp_path / "domains.csv"
    result = run_domains([path], out, options=Options())
    # 6 domains: ceil(0.1 × 6) = 1 listed
    assert read_csv_rows(out) == [
        ["rank", "domain", "size", "share", "cumulative_share"],
        ["1", "bbc.co.uk", "500", "0.490196078431", "0.490196078431"],  # 500 / 1020
    ]
    summary = json.loads((tmp_path / "domains.summary.json").read_text())
    assert summary == result.summary
    assert summary["format"] == "gpai-docs-domains/1"
    assert summary["psl_version"].startswith("publicsuffixlist ")
    assert summary["csv"] == "domains.csv"
    assert summary["rows"] == 12 and summary["ip_rows"] == 2
    assert summary["rows_skipped"] == {"malformed_url": 1}
    assert summary["distinct_domains"] == 6 and summary["total_size"] == 1020
    assert summary["listed_domains"] == 1
    assert summary["rule"]["catalogue_id"] == "TDS.2.3.top_domains"
    assert summary["rule"]["share"] == 0.1 and summary["rule"]["cap"] is None
    assert summary["by_modality"] == {}
    assert summary["top"] == [
        {"rank": 1, "domain": "bbc.co.uk", "size": 500, "share": 0.490196078431}
    ]
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_summary_path_option_and_relative_csv(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "log.csv", ["url", "size"], ROWS)
    result = run_domains([path], tmp_path / "a" / "d.csv", summary_path=tmp_path / "b" / "s.json")
    assert result.summary["csv"] == "../a/d.csv"
    assert (tmp_path / "b" / "s.json").exists()
