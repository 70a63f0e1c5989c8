"""Detached Ed25519 signatures over ``manifest.json``, with local PEM keys only.

The signature file holds the raw 64-byte signature, so OpenSSL can check it too:
``openssl pkeyutl -verify -pubin -inkey key.pub.pem -rawin -in manifest.json
-sigfile manifest.json.sig``.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from gpai_docs.errors import InternalError, OutputError, UserError
from gpai_docs.fileio import Refused, check_names, read_regular, write_bytes_atomic

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )


def _crypto_missing() -> UserError:
    return UserError(
        "Signing needs the `cryptography` package.",
        hint="pip install cryptography",
    )


# A PEM Ed25519 key is a few hundred bytes; anything this big is not a key.
_MAX_KEY_BYTES = 64 * 1024


def _read(path: Path, what: str) -> bytes:
    """The key file; followed if it is a link (keys often are), never a pipe or device."""
    try:
        data = read_regular(path, _MAX_KEY_BYTES, follow=True)
    except Refused as refused:
        raise UserError(
            f"Cannot read the {what} {path}: it is {refused.kind}, not a file.",
            hint="Give the PEM file written by `gpai-docs keygen` or `openssl genpkey`.",
        ) from None
    except OSError as error:
        raise UserError(f"Cannot read the {what} {path}: {error.strerror}.") from None
    if len(data) > _MAX_KEY_BYTES:
        raise UserError(
            f"The {what} {path} is larger than {_MAX_KEY_BYTES:,} bytes; it is not a PEM key.",
            hint="Give the PEM file written by `gpai-docs keygen` or `openssl genpkey`.",
        )
    return data


def load_private_key(path: Path) -> object:
    """An Ed25519 private key from an unencrypted PEM file (``openssl genpkey``)."""
    try:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    except ImportError:
        raise _crypto_missing() from None
    data = _read(path, "signing key")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as error:
        raise UserError(
            f"{path} is not an unencrypted PEM private key ({error}).",
            hint="Create one with `openssl genpkey -algorithm ed25519 -out key.pem`.",
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise UserError(f"{path} is not an Ed25519 key.", hint="Use `-algorithm ed25519`.")
    return key


def load_public_key(path: Path) -> object:
    """An Ed25519 public key from a PEM file (``openssl pkey -pubout``)."""
    try:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    except ImportError:
        raise _crypto_missing() from None
    data = _read(path, "public key")
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as error:
        raise UserError(
            f"{path} is not a PEM public key ({error}).",
            hint="Export it with `openssl pkey -in key.pem -pubout -out key.pub.pem`.",
        ) from None
    if not isinstance(key, Ed25519PublicKey):
        raise UserError(f"{path} is not an Ed25519 public key.")
    return key


# Keys come from load_private_key and load_public_key, typed `object` so that the optional
# `cryptography` package is imported only when signing; any other object here is a bug.
def _private(key: object) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    if not isinstance(key, Ed25519PrivateKey):
        raise InternalError(f"expected an Ed25519 private key, got {type(key).__name__}")
    return key


def _public(key: object) -> Ed25519PublicKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if not isinstance(key, Ed25519PublicKey):
        raise InternalError(f"expected an Ed25519 public key, got {type(key).__name__}")
    return key


def key_id(public_key: object) -> str:
    """SHA-256 of the raw public key: names the key in the manifest."""
    from cryptography.hazmat.primitives import serialization

    raw = _public(public_key).public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return hashlib.sha256(raw).hexdigest()


def public_of(private_key: object) -> object:
    return _private(private_key).public_key()


def sign(private_key: object, data: bytes) -> bytes:
    return _private(private_key).sign(data)


def signature_valid(public_key: object, data: bytes, signature: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature

    try:
        _public(public_key).verify(signature, data)
    except InvalidSignature:
        return False
    return True


def generate_key_pair(private_path: Path, public_path: Path) -> str:
    """Write a new Ed25519 key pair as PEM files (private one mode 0600); return its key id."""
    try:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    except ImportError:
        raise _crypto_missing() from None
    try:
        check_names({"the private key": private_path, "the public key": public_path})
    except OutputError as error:
        raise UserError(error.message, hint="Give --public a different file name.") from None
    for path in (private_path, public_path):
        if path.exists() or path.is_symlink():
            raise UserError(
                f"{path} exists; refusing to overwrite a key.",
                hint="Choose a new file name, or move the old key away first.",
            )
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    # Created 0600 and exclusively, so the key is never readable by others, even briefly;
    # O_NOFOLLOW: a link planted under the name since the check is not written through.
    private_path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    fd = os.open(private_path, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(private_pem)
            handle.flush()
            os.fsync(handle.fileno())
        write_bytes_atomic(public_path, public_pem, inputs=[private_path])
    except BaseException:
        private_path.unlink(missing_ok=True)  # a private key without its public half is no pair
        raise
    return key_id(key.public_key())
