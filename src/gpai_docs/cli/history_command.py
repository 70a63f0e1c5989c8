"""`gpai-docs history`."""

from __future__ import annotations

from pathlib import Path

import click

from gpai_docs.cli import EXIT_ERROR, EXIT_OK
from gpai_docs.errors import GpaiDocsError


@click.command("history")
@click.argument("out", type=click.Path(path_type=Path), default=Path("output"))
@click.option("--model", "slug", default=None, help="Model folder name, when OUT holds several.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--publish-crawlers",
    is_flag=True,
    help="Also rewrite crawlers.md, crawlers.html and crawlers.atom beside the releases.",
)
def history_command(
    out: Path, slug: str | None, output_format: str, publish_crawlers: bool
) -> None:
    """List the releases of a model with their dates and what changed.

    OUT is the folder given to `release --out` (default: output) or one model's folder
    in it (output/<model>). Each line shows the version, the release date, whether it is
    signed, the field changes since the previous release and any crawler changes.

    \b
    Example:
      gpai-docs history output --model lumen-base-2
      gpai-docs history output/lumen-base-2 --format markdown --publish-crawlers

    Exit codes: 0 listed, 2 usage or tool error.
    """
    from gpai_docs.bundle import history as hist

    try:
        result = hist.model_history(out, slug)
        written = []
        if publish_crawlers:
            from gpai_docs.bundle.crawler_page import publish_crawler_info
            from gpai_docs.bundle.store import ModelStore

            written = publish_crawler_info(ModelStore(result.folder.parent, result.slug))
    except GpaiDocsError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    except OSError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    render = {
        "text": hist.render_text,
        "markdown": hist.render_markdown,
        "json": hist.render_json,
    }[output_format]
    click.echo(render(result).rstrip("\n"))
    for path in written:
        click.echo(f"wrote {path}", err=True)
    raise SystemExit(EXIT_OK)
