"""`gpai-docs validate`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from gpai_docs.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from gpai_docs.errors import GpaiDocsError


@click.command("validate")
@click.argument("project", type=click.Path(path_type=Path), default=".")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too (exit 1).")
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Check deadlines as of this date (YYYY-MM-DD) instead of today.",
)
@click.option("-q", "--quiet", is_flag=True, help="Only findings and the totals line.")
def validate_command(
    project: Path, output_format: str, strict: bool, as_of: dt.datetime | None, quiet: bool
) -> None:
    """Check the documents in PROJECT (a folder, default: the current one).

    Every finding names the file, line and column, the field, what is wrong, how to fix
    it, and the Code measure or AI Act article behind it. The report also states what
    follows from the data (GPAI scope, systemic risk, exemptions, deadlines).

    \b
    Example:
      gpai-docs validate samples/minimal
      gpai-docs validate my-model --format json --strict

    Exit codes: 0 clean, 1 errors (or warnings with --strict), 2 usage or tool error.
    """
    from gpai_docs.reporters import json_report, text_report
    from gpai_docs.validation import validate_project

    try:
        result = validate_project(project, as_of=as_of.date() if as_of else None)
    except GpaiDocsError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    if output_format == "json":
        click.echo(json_report(result))
    else:
        click.echo(text_report(result, quiet=quiet))
    raise SystemExit(EXIT_FINDINGS if result.fails(strict=strict) else EXIT_OK)
