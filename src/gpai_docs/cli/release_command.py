"""`gpai-docs release`."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from gpai_docs.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from gpai_docs.errors import GpaiDocsError
from gpai_docs.escaping import text_line

if TYPE_CHECKING:
    from gpai_docs.bundle.preflight import Check, Confirm, ReleaseRefused
    from gpai_docs.bundle.release import ReleaseResult

RELEASE_HINT = (
    "Fix the findings above, then release again: a release is never a draft. To look at "
    "the pages first, `gpai-docs build --draft` builds them marked DRAFT."
)


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
    help="Release date (YYYY-MM-DD); the documents are checked as of this date. "
    "Default: SOURCE_DATE_EPOCH if set, else today.",
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
@click.option(
    "--dry-run",
    is_flag=True,
    help="Run every check and show what would be released; write nothing.",
)
@click.option(
    "-y",
    "--yes",
    is_flag=True,
    help="Answer yes to the pre-flight questions (needed in CI, where nothing is asked).",
)
def release_command(
    project: Path,
    version: str,
    out: Path,
    released_on: dt.datetime | None,
    formats: tuple[str, ...],
    sign_key: Path | None,
    slug: str | None,
    jobs: int | None,
    dry_run: bool,
    yes: bool,
) -> None:
    """Build every artifact of PROJECT and keep it as an immutable release.

    Writes OUT/<model>/<version>/ with the artifacts, the source documents, CHANGELOG.md
    (field changes since the previous release) and manifest.json (SHA-256, audience and
    media type of every file; tool and rule-pack versions; release date; the date until
    which the release must be kept), plus OUT/<model>/<version>.tar.gz. It then updates
    the crawler page and feed (crawlers.md, crawlers.html, crawlers.atom) in OUT/<model>/.

    Before anything is written, pre-flight checks refuse a version that does not come
    after the latest release's, or a file the documents name that cannot be archived, and
    ask before releasing a document changed without a new version of its own, an unsigned
    release after a signed one (or another key), or a release with no changes. --yes
    answers yes; in CI (CI set, or stdin not a terminal) nothing is asked and a question
    refuses the release. --dry-run runs every check, shows the files and the changes, and
    writes nothing.

    An existing version is never overwritten. A release appears all at once: if it is
    interrupted, nothing of it is visible and earlier releases are untouched.

    \b
    Example:
      gpai-docs release my-model --version 1.1 --out output --dry-run
      gpai-docs release my-model --version 1.1 --out output
      gpai-docs release my-model --version 1.2 --sign-key release-key.pem

    Exit codes: 0 released (or a dry run found nothing that refuses), 1 the documents have
    errors or a pre-flight check refused (nothing released), 2 usage or tool error
    (including an existing version).
    """
    from gpai_docs.bundle.preflight import ReleaseRefused
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
            confirm=_confirm(yes),
            dry_run=dry_run,
        )
    except BuildRefused as refused:
        exit_refused(
            refused,
            "Release",
            report_to_stderr=True,
            nothing="Nothing was released.",
            hint=RELEASE_HINT,
        )
    except ReleaseRefused as refused:
        _exit_preflight(refused)
    except GpaiDocsError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    except OSError as error:
        click.echo(f"error: cannot write the release: {error}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    if dry_run:
        _report_dry_run(result)
    _report(result)


def can_ask() -> bool:
    """Whether someone can answer a question: a terminal on stdin, and not CI."""
    from gpai_docs.cli.progress import in_ci

    isatty = getattr(sys.stdin, "isatty", None)
    return not in_ci() and callable(isatty) and bool(isatty())


def _confirm(yes: bool) -> Confirm | None:
    """--yes answers yes; on a terminal each question is asked; in CI, no one answers."""
    if yes:
        return lambda check: True
    if not can_ask():
        return None

    def ask(check: Check) -> bool:
        click.echo(f"question: {text_line(check.message)}", err=True)
        click.echo(f"  hint: {text_line(check.hint)}", err=True)
        return click.confirm("Release anyway?", default=False, err=True)

    return ask


def _exit_preflight(refused: ReleaseRefused) -> NoReturn:
    """Each check that refused, then one error line; exit 1."""
    stopping = [c for c in refused.checks if not c.question]
    stopping += [*refused.unanswered, *refused.declined]
    for check in stopping:
        label = "question" if check.question else "error"
        click.echo(f"{label}: {text_line(check.message)}", err=True)
        click.echo(f"  hint: {text_line(check.hint)}", err=True)
    if refused.unanswered:
        click.echo(
            "CI mode (CI is set, or stdin is not a terminal): the questions above were not "
            "asked. Pass --yes to answer yes to them.",
            err=True,
        )
    click.echo(f"error: {refused}", err=True)
    raise SystemExit(EXIT_FINDINGS)


def _report_dry_run(result: ReleaseResult) -> NoReturn:
    """What the release would write, the changes, warnings and questions; nothing written."""
    manifest = result.manifest
    click.echo(f"dry run: would release {manifest.model_slug} {manifest.version} -> {result.path}")
    click.echo(f"  archive {result.archive}")
    if result.changelog is not None:
        click.echo(f"  changes since {result.changelog.old}: {result.changelog.summary}")
        for change in result.changelog.changes:
            click.echo(f"    {change.kind} {change.document} {text_line(change.path)}")
    elif not manifest.previous_versions:
        click.echo("  first release of this model")
    click.echo(f"  {len(manifest.files)} files:")
    for entry in manifest.files:
        click.echo(f"    {text_line(entry.path)} ({entry.audience}, {entry.size:,} bytes)")
    for warning in result.warnings:
        click.echo(f"warning: {text_line(warning)}", err=True)
    for check in result.questions:
        click.echo(f"question: {text_line(check.message)}", err=True)
        click.echo(
            f"  hint: {text_line(check.hint)} (the release will ask; --yes answers yes)", err=True
        )
    click.echo("Nothing was written (dry run).")
    raise SystemExit(EXIT_OK)


def _report(result: ReleaseResult) -> NoReturn:
    """What the release wrote and what the release manager should look at."""
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    for check in result.questions:  # kept in the log: what the release went out despite
        click.echo(f"note: answered yes: {text_line(check.message)}", err=True)
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
