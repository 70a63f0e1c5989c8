"""`gpai-docs validate`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from gpai_docs.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, color_setting
from gpai_docs.cli.progress import use_color
from gpai_docs.errors import GpaiDocsError

if TYPE_CHECKING:
    from gpai_docs.validate.pipeline import ValidationResult

FORMATS = ["text", "json", "sarif", "github"]


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Report format: text for people, json for scripts, sarif for code scanning, "
    "github for GitHub Actions annotations.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too (exit 1).")
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Check deadlines as of this date (YYYY-MM-DD) instead of today.",
)
@click.option("-q", "--quiet", is_flag=True, help="Only findings and the totals line.")
@click.option(
    "-v",
    "--verbose",
    "--all",
    "verbose",
    is_flag=True,
    help="List every finding in the text report; without it, a finding that repeats "
    "in a document (such as every answer still to be provided) is summarised in one line.",
)
@click.option(
    "--complete",
    is_flag=True,
    help="Require all three documents: a missing one is an error (DL001), as in a release.",
)
def validate_command(
    paths: tuple[Path, ...],
    output_format: str,
    strict: bool,
    as_of: dt.datetime | None,
    quiet: bool,
    verbose: bool,
    complete: bool,
) -> None:
    """Check the documents of a project (default: the current folder).

    Each PATH is a project folder or a document file in one (as pre-commit passes them),
    or a release folder (OUT/<model>/<version>: its sources/, as of its release date);
    every project is checked once, whole, since rules compare the three documents.

    A folder may hold only one or two of the documents (a team may own only the summary
    or only the copyright policy): what is there is checked, a missing document is a
    note (DL009), and the report lists the cross-document checks that were skipped
    (XD001-XD015 and the others that need the missing document) and the determinations
    that stay unknown. --complete makes a missing document an error, as a release does.

    Every finding names the file, line and column, the field, what is wrong, how to fix
    it, and the Code measure or AI Act article behind it. The report also states what
    follows from the data (GPAI scope, systemic risk, exemptions, deadlines).

    \b
    Examples:
      gpai-docs validate samples/minimal
      gpai-docs validate my-model --format json --strict
      gpai-docs validate my-model --format sarif > gpai-docs.sarif
      gpai-docs validate my-model --format github

    Exit codes: 0 clean, 1 errors (or warnings with --strict), 2 usage or tool error
    (including an internal error, GD001: a bug in gpai-docs, whatever else was found).
    """
    from gpai_docs.integrations.project_paths import project_folders
    from gpai_docs.validate.pipeline import validate_project

    color = output_format == "text" and use_color(color_setting())
    try:
        folders = project_folders(paths or (Path(),))
        if output_format == "json" and len(folders) > 1:
            raise click.UsageError("--format json reports one project; give one folder.")
        day = as_of.date() if as_of else None
        checked = [_documents_of(folder, day) for folder in folders]
        results = [
            validate_project(folder, as_of=on, complete=complete or released)
            for folder, on, released in checked
        ]
        output = _render(results, output_format, quiet=quiet, verbose=verbose, color=color)
    except GpaiDocsError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    except click.ClickException:
        raise
    except Exception as error:
        internal_failure("validate", error)
    if output:
        # click strips styles when stdout is no terminal; the choice was made above.
        click.echo(output, color=color)
    bugs = sum(len(result.internal_errors) for result in results)
    if bugs:
        # Said on stderr too, so that it shows beside JSON, SARIF or annotations on stdout.
        click.echo(
            f"error: gpai-docs hit {bugs} internal error{'s' if bugs != 1 else ''} (GD001, a "
            "bug in gpai-docs); the report is incomplete. Please report it.",
            err=True,
        )
        raise SystemExit(EXIT_ERROR)
    failed = any(result.fails(strict=strict) for result in results)
    raise SystemExit(EXIT_FINDINGS if failed else EXIT_OK)


def _documents_of(folder: Path, as_of: dt.date | None) -> tuple[Path, dt.date | None, bool]:
    """A release folder (it holds manifest.json) is checked from its sources/, as of its
    release date unless --as-of is given: an archived release validates as it was released,
    complete (the third value: whether the project must be complete)."""
    if not (folder / "manifest.json").is_file():
        return folder, as_of, False
    from gpai_docs.bundle.manifest import read_manifest
    from gpai_docs.bundle.sources import SOURCES_DIR

    return folder / SOURCES_DIR, as_of or read_manifest(folder).released_on, True


def _render(
    results: list[ValidationResult],
    output_format: str,
    *,
    quiet: bool,
    verbose: bool = False,
    color: bool = False,
) -> str:
    from gpai_docs.report.formats import REPORTERS, TextStyle, text_report

    if output_format == "sarif":
        from gpai_docs.report.ci import sarif_report

        return sarif_report(*results)
    if output_format == "github":
        from gpai_docs.report.ci import github_report

        return github_report(*results)
    if output_format == "text":
        style = TextStyle(color=color)
        reports = [
            text_report(result, quiet=quiet, verbose=verbose, style=style) for result in results
        ]
        if len(results) > 1:
            reports = [
                f"== {r.project.root} ==\n{t}" for r, t in zip(results, reports, strict=True)
            ]
        return "\n\n".join(reports)
    return REPORTERS[output_format](results[0])


def internal_failure(command: str, error: Exception) -> NoReturn:
    """An exception that escaped the library is a bug: say so plainly and exit 2, not 1."""
    from gpai_docs.diagnostics import debugging, internal_error
    from gpai_docs.report.formats import format_diagnostic

    if debugging():
        raise error
    click.echo(format_diagnostic(internal_error(f"`gpai-docs {command}`", error)), err=True)
    raise SystemExit(EXIT_ERROR) from None
