"""`gpai-docs import`: pre-fill a project from a Hugging Face model card, or bring a Word
document's answers back into a project."""

from __future__ import annotations

from pathlib import Path

import click

from gpai_docs.cli import EXIT_ERROR, EXIT_FINDINGS
from gpai_docs.errors import GpaiDocsError


@click.group("import")
def import_command() -> None:
    """Start a project from documentation you already have.

    \b
    Examples:
      gpai-docs import hf-card README.md --out my-model
      gpai-docs import docx summary-reviewed.docx --into my-model
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


@import_command.command(
    "docx", short_help="Bring the answers of an edited Word document back into a project."
)
@click.argument(
    "docx_file", metavar="FILE.docx", type=click.Path(path_type=Path, dir_okay=False, exists=True)
)
@click.option(
    "--into",
    "project",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    required=True,
    help="The project folder whose document the Word file is.",
)
@click.option(
    "--document",
    type=click.Choice(
        ["training-data-summary", "summary", "model-documentation", "copyright-policy"]
    ),
    help="Which document the Word file is (default: from its title or headings).",
)
@click.option(
    "--tracked-changes",
    type=click.Choice(["accept", "reject"]),
    default="accept",
    show_default=True,
    help="Read tracked changes as accepted or as rejected.",
)
@click.option("--dry-run", is_flag=True, help="Report the changes; write nothing.")
@click.option("--strict", is_flag=True, help="Treat Word rows that match no question as errors.")
def docx_import_command(
    docx_file: Path,
    project: Path,
    document: str | None,
    tracked_changes: str,
    dry_run: bool,
    strict: bool,
) -> None:
    """Bring the answers of FILE.docx back into the project's YAML (or JSON).

    The Word file is one written by `gpai-docs export docx` and edited in Word (or
    LibreOffice), or a summary written in the Commission's own template (a folder with
    no summary yet gets the scaffold, which the filing fills). Each table row is found by its section heading and its question,
    not by where it is, so moved tables and rows import the same. Only answers that
    changed are written, each into its own entry of the project file; comments, key
    order and every other line stay as they were. The changes are listed as `gpai-docs
    diff` lists them. Comments in Word are not imported; tracked changes are read as
    accepted unless --tracked-changes reject. A row that matches no question is
    reported, never dropped silently.

    The new values are validated before anything is written: an answer the schema
    refuses stops the import (exit 1) and is reported at its table and row in Word.
    Findings of the rules on imported answers are reported and the import still
    writes, as editing the YAML would.

    \b
    The legal team's round trip:
      gpai-docs export docx my-model --document training-data-summary --out summary.docx
      (the legal team edits summary.docx in Word and sends it back)
      gpai-docs import docx summary.docx --into my-model --dry-run
      gpai-docs import docx summary.docx --into my-model
      gpai-docs validate my-model && git diff my-model

    Exit status: 0 written (or a dry run), 1 errors (nothing written), 2 a file that
    cannot be read or a project that does not validate.
    """
    from gpai_docs.integrations.docx.importing import import_docx
    from gpai_docs.integrations.docx.report import report_text

    try:
        result = import_docx(
            docx_file,
            project,
            document=document,
            tracked=tracked_changes,
            dry_run=dry_run,
            strict=strict,
        )
    except GpaiDocsError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    click.echo(report_text(result, dry_run=dry_run))
    if not result.ok:
        raise SystemExit(EXIT_FINDINGS)
