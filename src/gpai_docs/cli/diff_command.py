"""`gpai-docs diff`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from gpai_docs.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from gpai_docs.errors import GpaiDocsError


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--audience",
    "audiences",
    type=click.Choice(["aio", "nca", "dp", "public", "internal"]),
    multiple=True,
    help="Only changes to fields this audience sees; repeat for several.",
)
@click.option("--exit-code", is_flag=True, help="Exit 1 when there are changes (as git diff).")
def diff_command(
    old: Path, new: Path, output_format: str, audiences: tuple[str, ...], exit_code: bool
) -> None:
    """Show what changed from OLD to NEW, field by field.

    OLD and NEW are project folders or release folders (output/<model>/<version>), in any
    mix. Each change names the catalogue id, the field's label and its audience, with the
    value before and after; values are compared on the validated documents, so layout
    and comments do not count as changes.

    \b
    Example:
      gpai-docs diff output/lumen-base-2/1.0 my-model
      gpai-docs diff output/lumen-base-2/1.0 output/lumen-base-2/1.1 --audience public

    Exit codes: 0 compared (with --exit-code: 0 no changes, 1 changes), 2 usage or tool
    error (including a document that does not validate).
    """
    from gpai_docs.bundle import diff as semantic

    try:
        result = semantic.diff_paths(old, new)
    except GpaiDocsError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    if audiences:
        kept = tuple(c for c in result.changes if set(c.audience) & set(audiences))
        result = replace(result, changes=kept)
    render = {
        "text": semantic.render_text,
        "markdown": semantic.render_markdown,
        "json": semantic.render_json,
    }[output_format]
    click.echo(render(result).rstrip("\n"))
    raise SystemExit(EXIT_FINDINGS if exit_code and result.changes else EXIT_OK)
