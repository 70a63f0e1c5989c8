"""`gpai-docs init`."""

from __future__ import annotations

from pathlib import Path

import click

from gpai_docs.cli import EXIT_ERROR
from gpai_docs.errors import GpaiDocsError


@click.command("init")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite documents that already exist.")
@click.option(
    "--schema-base",
    metavar="URL|PATH",
    default=None,
    help="Where the editor modelines point: a URL or a folder holding the *.schema.json "
    "files. Default: the nearest schemas/ folder above DIR, else a copy written to DIR/schemas.",
)
@click.option(
    "--model-name", default=None, help="Model name for all three documents (default: DIR's name)."
)
@click.option("--provider", default=None, help="Provider's legal name for all three documents.")
def init_command(
    directory: Path,
    force: bool,
    schema_base: str | None,
    model_name: str | None,
    provider: str | None,
) -> None:
    """Write a commented scaffold of the three documents into DIRECTORY.

    DIRECTORY is created if needed. Every field comes with its label, requirement id and
    audience; answers start as `to_be_provided: true`, so `gpai-docs validate` lists
    what is left to write. Existing documents are never overwritten without --force.

    Each file starts with a `# yaml-language-server: $schema=...` line so that editors
    complete and check the fields.

    \b
    Example:
      gpai-docs init my-model --provider "Example AI Labs Inc."
      gpai-docs validate my-model
    """
    from gpai_docs.scaffold.project import init_project

    try:
        result = init_project(
            directory,
            force=force,
            schema_base=schema_base,
            model_name=model_name,
            provider=provider,
        )
    except GpaiDocsError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    for path in result.written:
        click.echo(f"wrote {path}")
    click.echo(
        f"{result.pending} answers to be provided. Edit the files, then run "
        f"`gpai-docs validate {directory}`."
    )
