"""DuckDB and Spark (local mode) give the identical list on the same input."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from gpai_docs.crawlstats import Options, count_domains, run_domains

from .helpers import write_csv, write_jsonl

HAVE_SPARK = importlib.util.find_spec("pyspark") is not None and shutil.which("java") is not None

pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(not HAVE_SPARK, reason="needs pyspark and a Java runtime"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::FutureWarning"),
]


def _rows() -> list[tuple[str, object, str]]:
    rows: list[tuple[str, object, str]] = []
    for i in range(400):
        sub = ("www.", "news.", "", "cdn.")[i % 4]
        suffix = (".com", ".co.uk", ".github.io", ".de", ".com.au")[i % 5]
        rows.append((f"https://{sub}site{i % 37}{suffix}/p/{i}", 10 + (i * 7919) % 500, "text"))
    rows += [
        ("http://User:pw@EXAMPLE.com:8080/x", 50, "image"),
        ("https://Bücher.de/", 40, "text"),
        ("http://10.0.0.1/", 5, "text"),
        ("http://[2001:db8::1]/", 5, "text"),
        ("http://exa mple.com/", 5, "text"),
        ("", 5, "text"),
        ("x.com", "n/a", "text"),
        ("y.com", -3, "text"),
        ("z.com", "", "text"),
        ("github.io", 4, "image"),
    ]
    return rows


def test_spark_matches_duckdb(tmp_path: Path) -> None:
    rows = _rows()
    logs = tmp_path / "logs"
    write_csv(logs / "a.csv.gz", ["url", "size", "modality"], rows[:200])
    write_csv(logs / "b.csv", ["url", "size", "modality"], rows[200:300])
    write_jsonl(logs / "c.jsonl", [{"url": u, "size": s, "modality": m} for u, s, m in rows[300:]])
    duck = run_domains([logs], tmp_path / "duck" / "d.csv")
    spark = run_domains(
        [logs],
        tmp_path / "spark" / "d.csv",
        options=Options(engine="spark", spark_master="local[2]"),
    )
    assert spark.summary == duck.summary
    # 37 site names x 5 suffixes + example.com + xn--bcher-kva.de = 187 domains
    assert duck.summary["distinct_domains"] == 187
    assert duck.summary["listed_domains"] == 19  # ceil(18.7)
    assert duck.summary["rows_skipped"] == {
        "malformed_url": 1,
        "missing_size": 1,
        "negative_size": 1,
        "no_host": 1,
        "non_numeric_size": 1,
        "not_registrable": 1,
    }
    for name in ("d.csv", "d.text.csv", "d.image.csv"):
        duck_text = (tmp_path / "duck" / name).read_text()
        assert (tmp_path / "spark" / name).read_text() == duck_text


def test_spark_reads_named_files_literally(tmp_path: Path) -> None:
    write_csv(tmp_path / "log1.csv", ["url", "size"], [("decoy.com", 1)])
    named = write_csv(tmp_path / "log[1].csv", ["url", "size"], [("literal.com", 2)])
    spaced = write_csv(tmp_path / "a {b,c} *.csv", ["url", "size"], [("spaced.com", 3)])
    options = Options(engine="spark", spark_master="local[1]")
    assert count_domains([named], options).overall.domains == {"literal.com": 2}
    assert count_domains([spaced], options).overall.domains == {"spaced.com": 3}
