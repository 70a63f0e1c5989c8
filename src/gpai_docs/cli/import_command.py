"""`gpai-docs import`: pre-fill a project from a Hugging Face model card."""

from __future__ import annotations

from pathlib import Path

import click

from gpai_docs.cli import EXIT_ERROR
from gpai_docs.errors import GpaiDocsError


@click.group("import")
def import_command() -> None:
    """Start a project from documentation you already have.

    \b
    Example:
      gpai-docs import hf-card README.md --out my-model
    """


@import_command.command(
    "hf-card", short_help="Pre-fill a new project from a Hugging Face model card."
)
@click.argument("card", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="New project folder to write the three documents into.",
)
@click.option("--model-name", help="Model name, when the card gives none.")
def hf_card_import_command(card: Path, out: Path, model_name: str | None) -> None:
    """Pre-fill a new project from CARD, a Hugging Face model card (README.md).

    Works offline, from the file alone. The card's model name, licence, base models,
    task (input and output modalities), languages and datasets go into the three
    documents; every other answer is `to_be_provided: true`, so the new project
    validates with "to be provided" warnings only. Check what was filled in: a card
    lists datasets without saying whether they are large enough to name in the summary.

    \b
    Example:
      gpai-docs import hf-card hf-repo/README.md --out my-model
      gpai-docs validate my-model
    """
    from gpai_docs.integrations.hf_card_import import import_card

    try:
        result = import_card(card, out, model_name=model_name)
    except GpaiDocsError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    for path in result.written:
        click.echo(f"wrote {path}")
    click.echo(f"from the card: {', '.join(result.filled)}")
    click.echo(f"next: complete the answers to be provided, then `gpai-docs validate {out}`")
