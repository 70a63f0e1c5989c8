"""`gpai-docs build`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from gpai_docs.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from gpai_docs.errors import GpaiDocsError
from gpai_docs.escaping import text_line

if TYPE_CHECKING:
    from gpai_docs.render.build import BuildResult


@click.command("build")
@click.argument("project", type=click.Path(path_type=Path), default=".")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("output"),
    show_default=True,
    help="Folder the artifacts are written to.",
)
@click.option(
    "--draft",
    is_flag=True,
    help="Build even with errors or answers to be provided; every page and file is marked DRAFT.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="PDFs laid out in parallel (default: one per CPU core).",
)
@click.option("--no-pdf", is_flag=True, help="Markdown only (fast; no WeasyPrint needed).")
@click.option(
    "--html",
    is_flag=True,
    help="Also write the web page of the public summary and of the copyright-policy summary "
    "(self-contained .html, with a .json sidecar) to publish next to the model.",
)
@click.option("--cover", is_flag=True, help="Put a cover and a contents page before each PDF.")
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Check deadlines as of this date (YYYY-MM-DD). Default: SOURCE_DATE_EPOCH, "
    "else the documents' latest date, never the clock, so builds are reproducible.",
)
@click.option(
    "--complete",
    is_flag=True,
    help="Require all three documents: a missing one is an error (DL001), as in a release.",
)
def build_command(
    project: Path,
    out_dir: Path,
    draft: bool,
    jobs: int | None,
    no_pdf: bool,
    html: bool,
    cover: bool,
    as_of: dt.datetime | None,
    complete: bool,
) -> None:
    """Validate PROJECT and write its artifacts, in Markdown and PDF, for every audience.

    PROJECT is a folder, or a document file in one. A folder may hold only one or two of
    the documents (a team may own only the summary or only the copyright policy): each
    document there gets its artifacts, plus the validation report, which lists the
    cross-document checks that were skipped. --complete refuses such a folder.

    \b
    Files (FORMAT is md or pdf; drafts are named *.draft.FORMAT):
      model-documentation.ai-office             AI Office (confidential)
      model-documentation.national-authorities  national competent authorities (confidential)
      model-documentation.downstream            downstream providers
      training-data-summary.public              the public (+ .domains.csv for section 2.3)
      copyright-policy.internal                 the provider (whole policy)
      copyright-policy-summary.public           the public
      validation-report.provider                the provider

    Each audience sees only the fields whose metadata names it. The build is refused
    (exit 1, findings printed) while there are errors or answers still to be provided,
    unless --draft is given, and a build that could make no document artifact (only the
    validation report) says why and exits 1. Unchanged artifacts are not rebuilt.

    \b
    Example:
      gpai-docs build samples/minimal --out output/minimal
      gpai-docs build my-model --draft --no-pdf

    Exit codes: 0 built, 1 build refused (findings), 2 usage or tool error (including an
    internal error, GD001, which refuses drafts too).
    """
    from gpai_docs.cli.refusal import exit_refused
    from gpai_docs.integrations.project_paths import project_folders
    from gpai_docs.render.build import BuildRefused, build_project

    formats = (("md",) if no_pdf else ("md", "pdf")) + (("html",) if html else ())
    try:
        result = build_project(
            project_folders([project])[0],
            out_dir,
            draft=draft,
            formats=formats,
            cover=cover,
            jobs=jobs,
            as_of=as_of.date() if as_of else None,
            complete=complete,
        )
    except BuildRefused as refused:
        exit_refused(refused, "Build", report_to_stderr=False)
    except GpaiDocsError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    except Exception as error:
        from gpai_docs.cli.validate_command import internal_failure

        internal_failure("build", error)
    _report(result, out_dir)


def _report(result: BuildResult, out_dir: Path) -> NoReturn:
    """Every artifact's path, then what was written and what was reused."""
    for artifact in result.artifacts:
        click.echo(str(artifact.path))
    if result.validation is None:
        summary = "nothing changed since the last build"
    else:
        summary = f"{result.rendered} written, {len(result.artifacts) - result.rendered} unchanged"
    kind = "draft artifacts" if result.draft else "artifacts"
    click.echo(f"Built {len(result.artifacts)} {kind} in {out_dir} ({summary}).", err=True)
    if not result.documents_built:
        click.echo(
            "error: No document artifact was built, only the validation report: "
            f"{text_line(result.why_no_document())}.\n"
            "  hint: Fix the document's errors (the validation report lists them), or add "
            "the document to the project folder.",
            err=True,
        )
        raise SystemExit(EXIT_FINDINGS)
    raise SystemExit(EXIT_OK)
