"""How `build` and `release` report a refusal: the findings, then one error line."""

from __future__ import annotations

from typing import NoReturn

import click

from gpai_docs.cli import EXIT_ERROR, EXIT_FINDINGS
from gpai_docs.escaping import text_line
from gpai_docs.render.build import BuildRefused


def exit_refused(
    refused: BuildRefused,
    command: str,
    *,
    report_to_stderr: bool,
    nothing: str = "",
    hint: str | None = None,
) -> NoReturn:
    """Print the findings behind ``refused``; exit 1, or 2 when a bug cut validation short.

    ``hint`` replaces the build's (which offers --draft, an option `release` does not have)."""
    from gpai_docs.report.formats import text_report

    click.echo(text_report(refused.result, quiet=True), err=report_to_stderr)
    after = f" {nothing}" if nothing else ""
    if refused.result.internal_errors:
        click.echo(
            f"error: {command} refused: gpai-docs hit an internal error (GD001, a bug in "
            f"gpai-docs), so the validation is incomplete. Please report it.{after}",
            err=True,
        )
        raise SystemExit(EXIT_ERROR)
    if hint is None:
        click.echo(f"error: {refused}{after}", err=True)
    else:
        message = refused.message.replace("Build refused", f"{command} refused", 1)
        click.echo(f"error: {text_line(message)}{after}\n  hint: {text_line(hint)}", err=True)
    raise SystemExit(EXIT_FINDINGS)
