"""Map the paths a user or a tool gives to the project folders they belong to.

pre-commit passes the changed files, one project's documents possibly among many; rules
compare the three documents with each other, so each project is validated whole, once.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from gpai_docs.errors import UserError
from gpai_docs.load.project import SUFFIXES
from gpai_docs.models.kinds import KINDS

DOCUMENT_NAMES = frozenset(f"{kind.stem}{suffix}" for kind in KINDS for suffix in SUFFIXES)


def is_document_file(path: Path) -> bool:
    """Whether ``path`` is named like one of the three documents."""
    return path.name in DOCUMENT_NAMES


def project_folders(paths: Iterable[Path]) -> list[Path]:
    """The project folders behind ``paths`` (folders, or document files inside one).

    Order is kept and duplicates dropped, so a hook run that touches all three documents
    of a project validates it once. A document file that does not exist still names its
    folder, where validation then reports it missing.
    """
    out: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            out.setdefault(path, None)
        elif is_document_file(path):
            out.setdefault(path.parent, None)
        elif path.exists():
            names = ", ".join(sorted(DOCUMENT_NAMES))
            raise UserError(
                f"{path} is neither a project folder nor a document file.",
                hint=f"Give a folder, or one of: {names}.",
            )
        else:
            raise UserError(
                f"{path} does not exist.",
                hint="Give the folder holding the documents, or create one with `gpai-docs init`.",
            )
    return list(out)
