"""`gpai-docs release`."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from gpai_docs.cli import EXIT_ERROR, EXIT_OK
from gpai_docs.errors import GpaiDocsError

if TYPE_CHECKING:
    from gpai_docs.bundle.release import ReleaseResult


def default_release_date() -> dt.date:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


@click.command("release")
@click.argument("project", type=click.Path(path_type=Path), default=".")
@click.option("--version", "version", required=True, help="Release version, e.g. 1.0 or 2026.03.")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("output"),
    show_default=True,
    help="Folder holding the releases; this one goes to OUT/<model>/<version>/.",
)
@click.option(
    "--date",
    "released_on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Release date (YYYY-MM-DD). Default: SOURCE_DATE_EPOCH if set, else today.",
)
@click.option(
    "--format",
    "formats",
    type=click.Choice(["md", "pdf"]),
    multiple=True,
    default=("md", "pdf"),
    show_default=True,
    help="Artifact formats; repeat for several.",
)
@click.option(
    "--sign-key",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Ed25519 private key (PEM) to sign the manifest with (writes manifest.json.sig).",
)
@click.option("--slug", default=None, help="Folder name of the model (default: from its name).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Parallel renders.")
def release_command(
    project: Path,
    version: str,
    out: Path,
    released_on: dt.datetime | None,
    formats: tuple[str, ...],
    sign_key: Path | None,
    slug: str | None,
    jobs: int | None,
) -> None:
    """Build every artifact of PROJECT and keep it as an immutable release.

    Writes OUT/<model>/<version>/ with the artifacts, the source documents, CHANGELOG.md
    (field changes since the previous release) and manifest.json (SHA-256, audience and
    media type of every file; tool and rule-pack versions; release date; the date until
    which the release must be kept), plus OUT/<model>/<version>.tar.gz. It then updates
    the crawler page and feed (crawlers.md, crawlers.html, crawlers.atom) in OUT/<model>/.

    An existing version is never overwritten. A release appears all at once: if it is
    interrupted, nothing of it is visible and earlier releases are untouched.

    \b
    Example:
      gpai-docs release my-model --version 1.1 --out output
      gpai-docs release my-model --version 1.2 --sign-key release-key.pem

    Exit codes: 0 released, 1 the documents have errors (nothing released),
    2 usage or tool error (including an existing version).
    """
    from gpai_docs.bundle.release import release_project
    from gpai_docs.cli.refusal import exit_refused
    from gpai_docs.render.build import BuildRefused

    try:
        result = release_project(
            project,
            version=version,
            out=out,
            released_on=released_on.date() if released_on else default_release_date(),
            formats=formats,
            sign_key=sign_key,
            slug=slug,
            jobs=jobs,
        )
    except BuildRefused as refused:
        exit_refused(refused, "Release", report_to_stderr=True, nothing="Nothing was released.")
    except GpaiDocsError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    except OSError as error:
        click.echo(f"error: cannot write the release: {error}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    _report(result)


def _report(result: ReleaseResult) -> NoReturn:
    """What the release wrote and what the release manager should look at."""
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    manifest = result.manifest
    click.echo(f"released {manifest.model_slug} {manifest.version} -> {result.path}")
    click.echo(f"  {len(manifest.files)} files, archive {result.archive}")
    if result.changelog is not None:
        click.echo(f"  changes since {result.changelog.old}: {result.changelog.summary}")
    if manifest.retention_end:
        click.echo(f"  keep until {manifest.retention_end}")
    if manifest.signature:
        click.echo(f"  signed with key {manifest.signature['key_id']}")
    for path in result.published:
        click.echo(f"  updated {path}")
    raise SystemExit(EXIT_OK)
