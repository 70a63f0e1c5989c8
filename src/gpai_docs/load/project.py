"""Find and read the three documents of a project folder, by file name.

Each document is read once, with the place of every value; schema validation is the
next stage's (validate/project.py). A folder may hold one or two of the documents (a
legal team may own only the copyright policy): unless the project must be complete, a
document that is not there is then noted (DL009) instead of an error (DL001).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gpai_docs.diagnostics import Diagnostic, Location, Severity
from gpai_docs.errors import UserError
from gpai_docs.load.documents import LoadedDocument, load_file
from gpai_docs.models.kinds import KINDS, DocumentKind

SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class ReadDocument:
    """One document as read: where from (None if missing or refused) and what went wrong."""

    kind: DocumentKind
    path: Path | None
    loaded: LoadedDocument | None
    problems: tuple[Diagnostic, ...]
    absent: bool = False  # not in a partial project: noted (DL009), not an error


def display_path(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.parent if root.parent != root else root).as_posix()
    except ValueError:
        return path.as_posix()


def find_document(root: Path, kind: DocumentKind) -> tuple[Path | None, list[Diagnostic]]:
    candidates = [root / f"{kind.stem}{suffix}" for suffix in SUFFIXES]
    present = [p for p in candidates if p.exists()]
    if len(present) > 1:
        names = ", ".join(p.name for p in present)
        return present[0], [
            Diagnostic(
                "DL008",
                Severity.ERROR,
                f"{kind.title} exists in more than one file ({names}).",
                Location(display_path(present[1], root)),
                hint="Keep one file per document.",
                reference="gpai-docs project layout",
            )
        ]
    if not present:
        return None, [
            Diagnostic(
                "DL001",
                Severity.ERROR,
                f"{kind.title} is missing: no {kind.stem}.yaml in the project.",
                Location(display_path(root / f"{kind.stem}.yaml", root)),
                hint="Run `gpai-docs init` for a scaffold, or add the file.",
                reference=kind.reference,
            )
        ]
    return present[0], []


def _outside(path: Path, root: Path) -> Diagnostic | None:
    """A finding if ``path`` is a link that leads out of the project folder.

    A project checked out from a pull request could link model-documentation.yaml to
    ~/.aws/credentials; its keys and values would then surface in findings and artifacts.
    """
    try:
        inside = path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a link loop
        inside = False
    if inside:
        return None
    return Diagnostic(
        "DL001",
        Severity.ERROR,
        f"{path.name} is a link to a file outside the project folder; it is not read.",
        Location(display_path(path, root)),
        hint="Copy the document into the project folder instead of linking to it.",
        reference="gpai-docs project layout",
    )


def not_in_project(kind: DocumentKind, root: Path) -> Diagnostic:
    """The note for a document a partial project does not hold: no error, the checks
    that need it are skipped (the report lists them)."""
    return Diagnostic(
        "DL009",
        Severity.INFO,
        f"{kind.title} is not in this project (no {kind.stem}.yaml): the other documents "
        "are checked on their own, and the checks that need it are skipped.",
        Location(display_path(root / f"{kind.stem}.yaml", root)),
        hint="Add the file to run the cross-document checks; `--complete` makes a "
        "missing document an error.",
        reference=kind.reference,
    )


def read_documents(root: Path, *, complete: bool = True) -> dict[str, ReadDocument]:
    """Find and read the three documents of the project folder ``root``.

    ``complete``: every document must be there (DL001 for each one that is not). Else a
    folder holding at least one of them is a partial project: each missing one is noted
    (DL009) and marked ``absent``. A folder with none of them is always three DL001.
    """
    if not root.exists():
        raise UserError(
            f"{root} does not exist.",
            hint="Give the folder holding the documents, or create one with `gpai-docs init`.",
        )
    if not root.is_dir():
        raise UserError(f"{root} is not a folder.", hint="Give the project folder, not a file.")
    documents: dict[str, ReadDocument] = {}
    no_file: set[str] = set()
    for kind in KINDS:
        path, problems = find_document(root, kind)
        outside = _outside(path, root) if path is not None else None
        if path is None or outside is not None:
            refused = (*problems, outside) if outside is not None else tuple(problems)
            documents[kind.key] = ReadDocument(kind, None, None, refused)
            if path is None:
                no_file.add(kind.key)
            continue
        loaded = load_file(path, display_path(path, root))
        documents[kind.key] = ReadDocument(kind, path, loaded, tuple(problems))
    if complete or len(no_file) == len(documents):
        return documents
    # A partial project. A file refused as a link out of the folder stays an error.
    return {
        key: ReadDocument(read.kind, None, None, (not_in_project(read.kind, root),), absent=True)
        if key in no_file
        else read
        for key, read in documents.items()
    }
