"""`gpai-docs export`: Hugging Face model cards, CycloneDX ML-BOMs and Word documents."""

from __future__ import annotations

import datetime as dt
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
      gpai-docs export docx my-model --document training-data-summary --out summary.docx
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


# Who each document is for when --audience is not given; the model documentation has no
# default: its three versions hold different confidential answers.
_DEFAULT_AUDIENCE = {"training-data-summary": "public", "copyright-policy": "public"}


@export_command.command("docx", short_help="Write one document as Word (.docx).")
@click.argument("project", type=click.Path(path_type=Path), default=".")
@click.option(
    "--document",
    type=click.Choice(["training-data-summary", "model-documentation", "copyright-policy"]),
    required=True,
    help="The document to export.",
)
@click.option(
    "--audience",
    type=click.Choice(["public", "internal", "aio", "nca", "dp"]),
    default=None,
    help="Who the document is for: only the fields meant for them go in. The summary is "
    "public only; the copyright policy is public (default) or internal; the model "
    "documentation needs aio, nca or dp.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The .docx file to write (replaced if it exists).",
)
@click.option(
    "--draft",
    is_flag=True,
    help="Export even with errors or answers to be provided; the document is marked DRAFT.",
)
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Check deadlines as of this date (YYYY-MM-DD); default as for `build`.",
)
def docx_command(
    project: Path,
    document: str,
    audience: str | None,
    out: Path,
    draft: bool,
    as_of: dt.datetime | None,
) -> None:
    """Write one document of PROJECT as a Word file, in the layout of its PDF.

    The document has the Commission's template layout (the summary), the Model
    Documentation Form with its AIO, NCA and DP columns (the model documentation) or the
    Code's measures (the copyright policy): Word headings for each section (so the
    navigation pane and the table of contents work), question | answer tables in a
    named table style, check boxes as ☒ and ☐. Each audience gets only the fields meant
    for it, as in the build.

    \b
    Audiences (--audience):
      training-data-summary  public (the default and only one)
      copyright-policy       public (default: the summary) or internal (whole policy)
      model-documentation    aio, nca or dp: required, no default

    The export is refused (exit 1, findings printed) while the document has errors or
    answers still to be provided, unless --draft is given; findings in the other
    documents do not stop it. The file is written whole or not at all.

    \b
    Examples:
      gpai-docs export docx my-model --document training-data-summary --out summary.docx
      gpai-docs export docx my-model --document model-documentation --audience dp \\
        --out model-documentation-downstream.docx
      gpai-docs export docx my-model --document copyright-policy --audience internal \\
        --out copyright-policy.docx --draft

    Exit codes: 0 written, 1 export refused (findings), 2 usage or tool error.
    """
    from gpai_docs.cli.refusal import exit_refused
    from gpai_docs.render.build import BuildRefused
    from gpai_docs.render.docx import AUDIENCES, export_docx

    chosen = audience or _DEFAULT_AUDIENCE.get(document)
    if chosen is None:
        raise click.UsageError(
            f"--audience is required for the {document}: use "
            f"{', '.join(AUDIENCES[document])} (AI Office, national competent authorities, "
            "downstream providers)."
        )
    if chosen not in AUDIENCES[document]:
        raise click.UsageError(
            f"the {document} is not made for the audience {chosen!r}: use "
            f"{' or '.join(AUDIENCES[document])}."
        )
    try:
        data = export_docx(
            project, document, chosen, draft=draft, as_of=as_of.date() if as_of else None
        )
        _write_bytes(out, data, project)
    except BuildRefused as refused:
        exit_refused(
            refused,
            "Export",
            report_to_stderr=False,
            hint="Fix the findings above, or export anyway with --draft (the document is "
            "then marked DRAFT).",
        )
    except GpaiDocsError as error:
        _fail(error)
    except Exception as error:
        from gpai_docs.cli.validate_command import internal_failure

        internal_failure("export docx", error)
    click.echo(f"wrote {out}")


def _write_bytes(target: Path, data: bytes, project: Path) -> None:
    """Write ``target`` whole or not at all, never over one of the project's documents; a
    failure is an OutputError naming the file."""
    from gpai_docs.errors import OutputError
    from gpai_docs.fileio import write_bytes_atomic
    from gpai_docs.load.project import SUFFIXES
    from gpai_docs.models.kinds import KINDS

    inputs = [project / f"{kind.stem}{suffix}" for kind in KINDS for suffix in SUFFIXES]
    try:
        write_bytes_atomic(target, data, inputs=inputs)
    except OSError as error:
        raise OutputError(
            f"cannot write {target}: {error.strerror or error}",
            hint="Check that the folder is writable.",
        ) from None
