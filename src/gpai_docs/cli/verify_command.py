"""`gpai-docs verify`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from gpai_docs.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from gpai_docs.errors import GpaiDocsError


@click.command("verify")
@click.argument("release", type=click.Path(path_type=Path))
@click.option(
    "--public-key",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Ed25519 public key (PEM): the manifest must carry a valid signature by it.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Report format.",
)
def verify_command(release: Path, public_key: Path | None, output_format: str) -> None:
    """Check RELEASE (a release folder or its .tar.gz) against its manifest.

    Every file is re-hashed; files that are missing, altered, not regular files (links,
    pipes, devices) or not listed are reported, as are unsafe paths in the manifest, a
    damaged manifest, and a signature that is missing, stray, invalid or made with another
    key. An archive must hold exactly the listed files, each once. For a folder, the
    archive beside it is checked too. Nothing is extracted, followed or fetched.

    \b
    Example:
      gpai-docs verify output/lumen-base-2/1.0
      gpai-docs verify output/lumen-base-2/1.0.tar.gz --public-key release-key.pub.pem

    Exit codes: 0 intact, 1 problems found, 2 usage or tool error.
    """
    from gpai_docs.bundle.verify import verify_release

    try:
        report = verify_release(release, public_key=public_key)
    except GpaiDocsError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    except OSError as error:
        click.echo(f"error: cannot read {release}: {error.strerror or error}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    if output_format == "json":
        payload = {
            "format_version": 1,
            "release": report.release,
            "version": report.version,
            "ok": report.ok,
            "files_checked": report.checked,
            "signature": report.signature,
            "problems": [
                {"kind": p.kind, "path": p.path, "message": p.message} for p in report.problems
            ],
            "notes": list(report.notes),
        }
        click.echo(json.dumps(payload, indent=2))
    else:
        for problem in report.problems:
            click.echo(f"{problem.kind}: {problem.path}: {problem.message}")
        for note in report.notes:
            click.echo(f"note: {note}")
        verdict = "OK" if report.ok else f"{len(report.problems)} problem(s)"
        click.echo(
            f"{report.release}: {verdict}; {report.checked} files listed; "
            f"signature {report.signature}"
        )
    raise SystemExit(EXIT_OK if report.ok else EXIT_FINDINGS)
