"""Where a scaffold's modelines point, and writing a new project (`gpai-docs init`)."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from gpai_docs.errors import UserError
from gpai_docs.fileio import write_user_file
from gpai_docs.load.project import SUFFIXES
from gpai_docs.models.json_schema import json_schemas, schema_file_name
from gpai_docs.models.kinds import KINDS
from gpai_docs.scaffold.documents import scaffold

SCHEMA_FOLDER = "schemas"
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def schema_references(project: Path, base: str | None = None) -> tuple[dict[str, str], bool]:
    """Each document's ``$schema`` target, and whether the schemas must be written locally.

    ``base`` (a URL or a folder) wins. Otherwise the nearest ``schemas/`` folder holding the
    three schema files, in the project or above it, is referenced by a relative path (as in a
    checkout of this repository). Failing both, the schemas are written into the project's
    own ``schemas/`` folder: the package does not ship schema files (they are generated from
    the models), and a path into site-packages would break on every other machine.
    """
    names = {kind.stem: schema_file_name(kind.stem) for kind in KINDS}
    here = project.resolve()
    if base is not None and _URL.match(base):
        return {stem: f"{base.rstrip('/')}/{name}" for stem, name in names.items()}, False
    if base is not None:
        folder = Path(base).expanduser()
        if folder.is_absolute():
            return {stem: (folder / name).as_posix() for stem, name in names.items()}, False
        return _relative(folder.resolve(), here, names), False
    for parent in (here, *here.parents):
        candidate = parent / SCHEMA_FOLDER
        if all((candidate / name).is_file() for name in names.values()):
            return _relative(candidate, here, names), False
    return {stem: f"{SCHEMA_FOLDER}/{name}" for stem, name in names.items()}, True


def _relative(folder: Path, project: Path, names: dict[str, str]) -> dict[str, str]:
    return {
        stem: Path(os.path.relpath(folder / name, project)).as_posix()
        for stem, name in names.items()
    }


@dataclass(frozen=True)
class InitResult:
    """What `init` wrote and how many answers the scaffold leaves to be provided."""

    written: tuple[Path, ...]
    pending: int


def init_project(
    project: Path,
    *,
    force: bool = False,
    schema_base: str | None = None,
    model_name: str | None = None,
    provider: str | None = None,
    today: dt.date | None = None,
) -> InitResult:
    """Write the scaffold into ``project`` (created if needed); overwriting needs ``force``."""
    if project.exists() and not project.is_dir():
        raise UserError(
            f"{project} is a file, not a folder.", hint="Give a folder for the project."
        )
    clashes = [
        project / f"{kind.stem}{suffix}"
        for kind in KINDS
        for suffix in SUFFIXES
        if (project / f"{kind.stem}{suffix}").exists() and (suffix != ".yaml" or not force)
    ]
    if clashes:
        names = ", ".join(path.name for path in clashes)
        raise UserError(
            f"{project} already holds {names}; nothing was written.",
            hint="Pass --force to overwrite the YAML documents."
            if not force
            else "Remove the .yml/.json copies first: a project keeps one file per document.",
        )
    refs, write_schemas = schema_references(project, schema_base)
    name = model_name or project.resolve().name
    result = scaffold(refs, model_name=name, provider=provider, today=today)
    outputs = dict(result.files)
    if write_schemas:
        outputs.update({f"{SCHEMA_FOLDER}/{n}": text for n, text in json_schemas().items()})
    written = []
    for relative, text in outputs.items():
        target = project / relative
        write_user_file(target, text)
        written.append(target)
    return InitResult(tuple(written), sum(result.pending.values()))
