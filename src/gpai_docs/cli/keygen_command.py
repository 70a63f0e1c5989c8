"""`gpai-docs keygen`."""

from __future__ import annotations

from pathlib import Path

import click

from gpai_docs.cli import EXIT_ERROR, EXIT_OK
from gpai_docs.errors import GpaiDocsError


@click.command("keygen")
@click.argument("private_key", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--public",
    "public_key",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Where to write the public key (default: PRIVATE_KEY with .pub.pem).",
)
def keygen_command(private_key: Path, public_key: Path | None) -> None:
    """Create an Ed25519 key pair for signing releases (PEM, private key mode 0600).

    Equivalent to `openssl genpkey -algorithm ed25519 -out KEY.pem` followed by
    `openssl pkey -in KEY.pem -pubout -out KEY.pub.pem`. Keep the private key out of
    the project folder and out of version control.

    Exit codes: 0 written, 2 usage or tool error (an existing file is never overwritten).
    """
    from gpai_docs.bundle.signing import generate_key_pair

    public = public_key or private_key.with_name(private_key.name.removesuffix(".pem") + ".pub.pem")
    try:
        identifier = generate_key_pair(private_key, public)
    except (GpaiDocsError, OSError) as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    click.echo(f"wrote {private_key} (private) and {public} (public); key id {identifier}")
    raise SystemExit(EXIT_OK)
