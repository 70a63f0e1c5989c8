"""Plant unique markers in every text field of a project, to trace where values end up.

Which values are free text and who may read each comes from the JSON Schemas in
``schemas/`` (see ``tests/canary/schema_leaves.py``), not from the audience projection
the tests check.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from gpai_docs.load.project import SUFFIXES
from gpai_docs.models.kinds import KINDS
from tests.canary.planting import Planter
from tests.conftest import FIXED_DATE
from tests.rules.patching import sample_data


@dataclass(frozen=True)
class Marker:
    text: str
    document: str
    path: tuple[str | int, ...]
    audience: tuple[str, ...]


def plant(sample: Path, target: Path) -> list[Marker]:
    """Write ``sample`` to ``target`` with a marker appended to every free-text value.

    Values the marker would make invalid (dates, choices, names another document must
    repeat) keep their text, so the project still validates.
    """
    target.mkdir(parents=True, exist_ok=True)
    documents = {f"{kind.stem}{suffix}" for kind in KINDS for suffix in SUFFIXES}
    for extra in sample.iterdir():
        if extra.is_file() and extra.name not in documents:
            shutil.copyfile(extra, target / extra.name)
    _, planted = Planter().plant(sample_data(sample.name), target, FIXED_DATE)
    return [
        Marker(m.text, m.leaf.document, m.leaf.path, tuple(sorted(m.leaf.audience)))
        for m in planted
    ]


def may_appear(marker: Marker, audience: str) -> bool:
    """A value may appear in an artifact for ``audience`` if its field names that audience.

    Public values may appear anywhere; the provider's own report may hold everything.
    """
    return audience == "provider" or audience in marker.audience or "public" in marker.audience
