"""Names that become paths: model slugs and release versions, checked before any write.

A release folder is ``<out>/<slug>/<version>/``; both parts come from user input or
document content, so they are held to a strict character set that cannot climb out of
the output folder or hide a file.
"""

from __future__ import annotations

import re

from gpai_docs.errors import UserError

_SLUG = re.compile(r"[a-z0-9](?:[a-z0-9._-]{0,78}[a-z0-9])?\Z")
_VERSION = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._+-]{0,62}[A-Za-z0-9])?\Z")
_NOT_SLUG = re.compile(r"[^a-z0-9.]+")


def check_slug(slug: str) -> str:
    """Return ``slug`` if it is a safe folder name for a model, else raise ``UserError``."""
    if not _SLUG.match(slug) or ".." in slug:
        raise UserError(
            f"Model slug {slug!r} cannot be used as a folder name.",
            hint="Use 1-80 lower-case letters, digits, '.', '_' or '-', starting and ending "
            "with a letter or digit, e.g. lumen-base-2.",
        )
    return slug


def check_version(version: str) -> str:
    """Return ``version`` if it is a safe folder name for a release, else raise ``UserError``."""
    if not _VERSION.match(version) or ".." in version:
        raise UserError(
            f"Release version {version!r} cannot be used as a folder name.",
            hint="Use 1-64 letters, digits, '.', '_', '+' or '-', starting and ending with a "
            "letter or digit and without '..', e.g. 1.0 or 2026.03-rc1.",
        )
    return version


def slug_for(model_name: str) -> str:
    """The folder name for a model: its name in lower case, other characters as ``-``."""
    slug = _NOT_SLUG.sub("-", model_name.lower()).strip("-.")
    slug = re.sub(r"\.{2,}", ".", slug)
    if not slug:
        raise UserError(
            f"The model name {model_name!r} gives no usable folder name.",
            hint="Pass --slug with a name such as lumen-base-2.",
        )
    return check_slug(slug[:80].rstrip("-."))
