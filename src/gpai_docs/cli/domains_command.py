"""`gpai-docs domains`: the top-domain list of section 2.3 from crawl logs."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import click

from gpai_docs.cli.progress import quiet
from gpai_docs.crawlstats import CrawlStatsError, Options, ProgressCallback, run_domains
from gpai_docs.crawlstats.api import DomainsResult
from gpai_docs.escaping import text_line


def _status() -> ProgressCallback:
    """A one-line stderr status, redrawn at most twice a second."""
    started = time.monotonic()
    last = [0.0]

    def show(stage: str, fraction: float | None) -> None:
        now = time.monotonic()
        if now - last[0] < 0.5 and stage != "done":
            return
        last[0] = now
        done = "" if fraction is None else f" {fraction:6.1%}"
        end = "\n" if stage == "done" else ""
        click.echo(f"\r{stage:<14}{done}  {now - started:7.1f} s   ", err=True, nl=False)
        if end:
            click.echo("", err=True)

    return show


@click.command(
    "domains",
    epilog="""\b
Example:
  gpai-docs domains crawl/2025-*/part-*.csv.gz --out domains.csv
  gpai-docs domains logs/ --measure tokens --sme --out out/domains.csv
  gpai-docs domains 's3a://bucket/crawl/*.csv.gz' --engine spark --master yarn \\
      --out domains.csv

Writes domains.csv (rank,domain,size,share,cumulative_share) and
domains.summary.json, which the training-data summary's section 2.3 can cite.
See docs/domains.md for the rules and the summary format.""",
)
@click.argument("logs", nargs=-1, required=True)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="CSV of the listed domains to write.",
)
@click.option(
    "--summary",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="JSON summary to write [default: <out stem>.summary.json].",
)
@click.option(
    "--measure",
    type=click.Choice(["bytes", "tokens"]),
    default="bytes",
    show_default=True,
    help="Unit of the size column.",
)
@click.option("--sme", is_flag=True, help="Apply the SME rule (smaller share, capped).")
@click.option(
    "--input-kind",
    type=click.Choice(["logs", "totals"]),
    default="logs",
    show_default=True,
    help="'totals': rows are per-domain or per-host totals from another engine.",
)
@click.option("--url-column", default=None, help="URL/host column [default: url, then host].")
@click.option(
    "--size-column", default=None, help="Size column [default: size, then bytes or tokens]."
)
@click.option(
    "--modality-column",
    default=None,
    help="Modality column; one list per modality [default: modality, if present].",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "tsv", "jsonl", "parquet"]),
    default=None,
    help="Read every input in this format [default: from the file extension].",
)
@click.option(
    "--engine",
    type=click.Choice(["duckdb", "spark"]),
    default="duckdb",
    show_default=True,
    help="spark needs the extra gpai-docs[spark] and Java.",
)
@click.option("--master", default=None, help="Spark master URL, e.g. local[4] or yarn.")
@click.option(
    "--memory-limit", default="1GB", show_default=True, help="DuckDB memory limit; spills beyond."
)
@click.option("--threads", type=int, default=None, help="DuckDB threads [default: all cores].")
@click.option(
    "--temp-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for DuckDB's spill files [default: system temp].",
)
def domains_command(
    logs: tuple[str, ...],
    out: Path,
    summary: Path | None,
    measure: Any,
    sme: bool,
    input_kind: Any,
    url_column: str | None,
    size_column: str | None,
    modality_column: str | None,
    fmt: Any,
    engine: Any,
    master: str | None,
    memory_limit: str,
    threads: int | None,
    temp_dir: Path | None,
) -> None:
    """Rank crawled domains by content size for section 2.3 of the training-data summary.

    LOGS are crawl log files, folders or glob patterns: CSV, TSV, JSON Lines or
    Parquet, plain or gzip (with --engine spark also s3a://, gs://, hdfs:// URIs).
    A name that exists is read literally; only names that do not are patterns. Each row holds a URL or host and a content size. Hosts are
    reduced to registrable domains with the bundled Public Suffix List; the top 10 %
    of domains (SME: 5 %, at most 1,000; numbers from the rule pack) are listed.
    Bad rows are counted by reason, never fatal.
    """
    options = Options(
        measure=measure,
        sme=sme,
        input_kind=input_kind,
        url_column=url_column,
        size_column=size_column,
        modality_column=modality_column,
        format=fmt,
        engine=engine,
        memory_limit=memory_limit,
        threads=threads,
        temp_directory=temp_dir,
        spark_master=master,
    )
    if master is not None and engine != "spark":
        raise click.UsageError("--master needs --engine spark")
    progress = None if quiet() else _status()
    try:
        result = run_domains(logs, out, summary_path=summary, options=options, progress=progress)
    except CrawlStatsError as exc:
        # file and column names are anyone's text: one line each, nothing invisible
        click.echo(f"error: {text_line(exc.message)}", err=True)
        if exc.hint:
            click.echo(f"  hint: {text_line(exc.hint)}", err=True)
        raise SystemExit(2) from None
    _report(result)


def _report(result: DomainsResult) -> None:
    """What was counted, what was skipped and why, and every file written."""
    s = result.summary
    skipped = sum(s["rows_skipped"].values())
    click.echo(
        f"{s['listed_domains']:,} of {s['distinct_domains']:,} domains listed "
        f"({s['share_covered']:.1%} of {s['total_size']:,} {s['measure']}); "
        f"{s['rows']:,} rows read, {skipped:,} skipped, {s['ip_rows']:,} IP rows"
    )
    if skipped:  # the policy: bad rows are skipped, and said so with where to look
        reasons = ", ".join(f"{n:,} {reason}" for reason, n in s["rows_skipped"].items())
        click.echo(f"skipped rows: {reasons}", err=True)
        for e in s["skipped_examples"]:
            click.echo(f"  {text_line(e['file'])}:{e['line']}: {e['reason']}", err=True)
    if s["by_modality"]:
        click.echo("modalities: " + ", ".join(text_line(m) for m in sorted(s["by_modality"])))
    click.echo(f"wrote {result.written.csv} and {result.written.summary}")
    for modality, path in sorted(result.written.modality_csvs.items()):
        click.echo(f"wrote {path} ({text_line(modality)} domains)")


if __name__ == "__main__":  # spark-submit runs a file: .../gpai_docs/cli/domains_command.py
    domains_command()
