"""`gpai-docs export`: Hugging Face model cards and CycloneDX ML-BOMs."""

from __future__ import annotations

from pathlib import Path

import click

from gpai_docs.cli import EXIT_ERROR
from gpai_docs.errors import GpaiDocsError


def _fail(error: GpaiDocsError) -> None:
    click.echo(f"error: {error}", err=True)
    raise SystemExit(EXIT_ERROR)


def _write(target: Path, text: str) -> None:
    from gpai_docs.fileio import write_user_file

    write_user_file(target, text)


@click.group("export")
def export_command() -> None:
    """Export a project to the formats model teams already publish.

    \b
    Examples:
      gpai-docs export hf-card my-model --out README.md
      gpai-docs export cyclonedx my-model --out bom.json
    """


@export_command.command("hf-card", short_help="Write or update a Hugging Face model card.")
@click.argument("project", type=click.Path(path_type=Path), default=".")
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("README.md"),
    show_default=True,
    help="The model card to write; an existing card is updated in place.",
)
@click.option(
    "--summary-link",
    metavar="URL",
    help="Where the public summary of training content is published (URL or relative link); "
    "default: the summary's header.canonical_url, else the card's current link.",
)
@click.option(
    "--copyright-link",
    metavar="URL",
    help="Where the copyright policy summary is published; default: the link given in "
    "the summary's section 3.1, else the card's current link.",
)
def hf_card_command(
    project: Path, out: Path, summary_link: str | None, copyright_link: str | None
) -> None:
    """Write or update the Hugging Face model card (README.md) of PROJECT.

    The front matter gets the Hub's metadata (model_name, license, base_model, datasets,
    language, pipeline_tag, tags); the body gets a section for downstream providers,
    built only from the items the Model Documentation Form marks for them, with links
    to the public summary of training content and the copyright policy summary.

    Updating keeps everything you wrote: only the text between these two lines is
    replaced, and front matter keys gpai-docs does not derive stay as they are:

    \b
      <!-- gpai-docs:start -->
      <!-- gpai-docs:end -->

    \b
    Example:
      gpai-docs export hf-card my-model --out hf-repo/README.md \\
        --summary-link https://example.com/ai-act/training-summary \\
        --copyright-link https://example.com/ai-act/copyright-policy
    """
    from gpai_docs.integrations.export_project import documents_for_export
    from gpai_docs.integrations.front_matter import read_card
    from gpai_docs.integrations.hf_card import export_card, unlinked

    try:
        md, tds = documents_for_export(project)
        existing = read_card(out) if out.exists() or out.is_symlink() else None
        text = export_card(
            md, tds, existing=existing, summary_link=summary_link, copyright_link=copyright_link
        )
        _write(out, text)
    except GpaiDocsError as error:
        _fail(error)
    click.echo(f"{'updated' if existing is not None else 'wrote'} {out}")
    for label in unlinked(text):
        click.echo(
            f"note: the card does not link the {label.lower()}: no link was given and none "
            "was found in the documents or the card; add it with --summary-link or "
            "--copyright-link once it is published",
            err=True,
        )


@export_command.command("cyclonedx", short_help="Write a CycloneDX 1.6 ML-BOM (JSON).")
@click.argument("project", type=click.Path(path_type=Path), default=".")
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    default=Path("bom.json"),
    show_default=True,
    help="The BOM file to write; `-` for standard output.",
)
@click.option(
    "--audience",
    type=click.Choice(["dp", "public", "nca", "aio"]),
    default="dp",
    show_default=True,
    help="Who the BOM is for: only fields meant for this audience (plus the public "
    "summary) go in. Energy and compute figures are for the AI Office and national "
    "authorities only.",
)
def cyclonedx_command(project: Path, out: Path, audience: str) -> None:
    """Write a CycloneDX 1.6 ML-BOM (JSON) for the model of PROJECT.

    The model is a `machine-learning-model` component with a model card: task,
    architecture, input and output formats, the public datasets named in the summary,
    use cases, risks and their mitigations, and (for aio or nca) energy consumption.
    Every other field the audience may see is kept as a component property.

    \b
    Examples:
      gpai-docs export cyclonedx my-model --out bom.json
      gpai-docs export cyclonedx my-model --audience aio --out bom-ai-office.json
    """
    from gpai_docs.integrations.cyclonedx import export_bom
    from gpai_docs.integrations.export_project import documents_for_export

    try:
        md, tds = documents_for_export(project)
        text = export_bom(md, tds, audience=audience)
        if str(out) == "-":
            click.echo(text, nl=False)
            return
        _write(out, text)
    except GpaiDocsError as error:
        _fail(error)
    click.echo(f"wrote {out}")
