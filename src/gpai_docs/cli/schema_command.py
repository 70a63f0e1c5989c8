"""`gpai-docs schema`."""

from __future__ import annotations

from pathlib import Path

import click

from gpai_docs.cli import EXIT_ERROR, EXIT_FINDINGS


@click.command("schema")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Folder to write the schema files into.",
)
@click.option(
    "--check", is_flag=True, help="Only check that the files are up to date (exit 1 if not)."
)
def schema_command(out: Path, check: bool) -> None:
    """Write the JSON Schemas of the three documents, generated from the models.

    Each property carries `x-catalogue-id` (the requirement it implements) and
    `x-audience` (who may see it: aio, nca, dp, public, internal). Editors use the
    files through the `yaml-language-server` modeline that `gpai-docs init` writes.
    """
    from gpai_docs.fileio import write_text_atomic
    from gpai_docs.models.json_schema import json_schemas

    stale = []
    for name, text in json_schemas().items():
        target = out / name
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == text:
            continue
        if check:
            stale.append(name)
            continue
        try:
            write_text_atomic(target, text)
        except OSError as error:
            click.echo(f"error: cannot write {target}: {error.strerror}", err=True)
            raise SystemExit(EXIT_ERROR) from None
        click.echo(f"wrote {target}")
    if stale:
        click.echo(f"out of date: {', '.join(stale)}; run `gpai-docs schema --out {out}`", err=True)
        raise SystemExit(EXIT_FINDINGS)
