"""Object-storage paths: passed to Spark as given, refused by the local engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gpai_docs.cli.domains_command import domains_command
from gpai_docs.crawlstats import CrawlStatsError
from gpai_docs.crawlstats.model import Source
from gpai_docs.crawlstats.sources import expand_inputs
from gpai_docs.crawlstats.spark_engine import spark_path


def test_uris_pass_through_to_spark_untouched() -> None:
    found = expand_inputs(
        ["s3a://bucket/crawl/2025-*/part-*.csv.gz", "gs://b/logs/x.parquet"], remote_ok=True
    )
    assert found == [
        Source("s3a://bucket/crawl/2025-*/part-*.csv.gz", "csv", True, remote=True),
        Source("gs://b/logs/x.parquet", "parquet", False, remote=True),
    ]
    # the pattern is the user's, so Hadoop may expand it
    assert spark_path(found[0]) == "s3a://bucket/crawl/2025-*/part-*.csv.gz"


def test_a_prefix_without_a_format_needs_format() -> None:
    with pytest.raises(CrawlStatsError, match="pass --format"):
        expand_inputs(["s3a://bucket/crawl/"], remote_ok=True)
    assert expand_inputs(["s3a://bucket/crawl/"], "jsonl", remote_ok=True)[0].format == "jsonl"


def test_local_names_are_escaped_for_hadoop(tmp_path: Path) -> None:
    source = Source(str(tmp_path / "a[1]{x,y}*?.csv"), "csv", False)
    assert spark_path(source) == f"file://{tmp_path}/a\\[1\\]\\{{x,y\\}}\\*\\?.csv"
    with pytest.raises(CrawlStatsError, match="cannot read a file name with ':'"):
        spark_path(Source(str(tmp_path / "a:b.csv"), "csv", False))


def test_the_local_engine_refuses_object_storage(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        domains_command,
        ["s3a://bucket/crawl.csv", "--out", str(tmp_path / "d.csv")],
        env={"CI": "1"},
    )
    assert result.exit_code == 2
    assert "error: s3a://bucket/crawl.csv: object storage is read by the Spark engine only" in (
        result.stderr
    )
    assert "hint: add --engine spark" in result.stderr
