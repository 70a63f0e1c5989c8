"""Plant a unique marker in every free-text value of a project, keeping the project valid.

Which values are free text, and who may read each, comes from the JSON Schemas
(``tests/canary/schema_leaves.py``). Validation only decides which markers to take back:
a marker that turns a value invalid (a date, an e-mail address, a name another document
must repeat) is removed again, and the value keeps its original text.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.canary.schema_leaves import DOCUMENTS, Leaf, Path_, text_leaves
from tests.rules.patching import write_project

MARKER = re.compile(r"ZQX\d{5}QZ")
ROUNDS = 10
_VERSIONS = {
    "model_documentation": ("document", "version"),
    "training_data_summary": ("header", "version"),
    "copyright_policy": ("document", "version"),
}
Key = tuple[str, Path_]


@dataclass(frozen=True)
class Marker:
    """A planted marker and the value it stands in."""

    text: str
    leaf: Leaf

    @property
    def where(self) -> str:
        return f"{self.leaf.document}:{'.'.join(map(str, self.leaf.path))}"


@dataclass(frozen=True)
class _Refusal:
    key: Key
    quoted: frozenset[str]


def found_in(text: str) -> set[str]:
    return set(MARKER.findall(text))


def get(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


def put(data: Any, path: Path_, value: Any) -> None:
    get(data, path[:-1])[path[-1]] = value


def marked(value: str, marker: str) -> str:
    # A URL stays a URL: the marker goes into its fragment.
    if "://" in value and " " not in value:
        return f"{value}{'&' if '#' in value else '#'}{marker}"
    return f"{value} {marker}"


class Planter:
    """Hands out markers that are unique across every project it plants."""

    def __init__(self) -> None:
        self._counter = itertools.count(1)

    def next(self) -> str:
        return f"ZQX{next(self._counter):05d}QZ"

    def plant(
        self, documents: dict[str, Any], target: Path, as_of: dt.date
    ) -> tuple[dict[str, Any], list[Marker]]:
        """Write ``documents`` to ``target`` with a marker in every free-text value the
        project stays valid with; return the planted documents and the markers kept."""
        original = copy.deepcopy(documents)
        planted = copy.deepcopy(original)
        markers: dict[Key, Marker] = {}
        for key in DOCUMENTS:
            for leaf in text_leaves(key, original[key]):
                marker = Marker(self.next(), leaf)
                put(planted[key], leaf.path, marked(get(original[key], leaf.path), marker.text))
                markers[(key, leaf.path)] = marker
        for _ in range(ROUNDS):
            write_project(target, planted)
            refused = _refused(target, as_of)
            if not refused:
                return planted, list(markers.values())
            undo = {k for refusal in refused for k in _culprits(refusal, markers, original)}
            if not undo:
                raise AssertionError(f"the planted project does not validate: {refused}")
            for document, path in undo:
                put(planted[document], path, get(original[document], path))
                del markers[(document, path)]
        raise AssertionError(f"markers kept breaking validation after {ROUNDS} rounds")


def _culprits(refusal: _Refusal, markers: dict[Key, Marker], original: dict[str, Any]) -> set[Key]:
    """The markers an error most likely comes from, narrowest guess first: the value it
    points at (or contains it), the markers its message quotes, the markers of values
    another field must repeat, and at last everything inside the place it points at."""
    document, path = refusal.key
    quoted = {k for k, m in markers.items() if m.text in refusal.quoted}
    if document not in original:  # a finding about the project as a whole
        return quoted
    same = {k for k in markers if k[0] == document}
    tiers = [
        {k for k in same if path[: len(k[1])] == k[1]},
        quoted,
        # A dataset named in two lists, the model name: the error sits at the copy.
        {
            k
            for k in markers
            if get(original[k[0]], k[1]) in _strings(_deepest(original[document], path))
        },
        {k for k in same if k[1][: len(path)] == path},
    ]
    return next((tier for tier in tiers if tier), set())


def _deepest(data: Any, path: Path_) -> Any:
    """The value at ``path``, or at its longest prefix the data has."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            break
    return data


def _strings(data: Any) -> set[str]:
    if isinstance(data, str):
        return {data}
    values = data.values() if isinstance(data, dict) else data if isinstance(data, list) else ()
    return {s for v in values for s in _strings(v)}


def _refused(target: Path, as_of: dt.date) -> list[_Refusal]:
    from gpai_docs.validate.pipeline import validate_project

    result = validate_project(target, as_of=as_of)
    out: list[_Refusal] = []
    for diagnostic in result.report.errors:
        quoted = frozenset(found_in(f"{diagnostic.message} {diagnostic.hint}"))
        keys = [k for k, stem in DOCUMENTS.items() if stem in diagnostic.location.file]
        path = tuple(diagnostic.location.path)
        out.append(_Refusal((keys[0] if keys else "", path), quoted))
    return out


def bump(version: str) -> str:
    """The next version: the last number goes up by one (``1.0.0`` -> ``1.0.1``)."""
    head, _, last = version.rpartition(".")
    return f"{head}.{int(last) + 1}" if head and last.isdigit() else f"{version}.1"


def next_release(documents: dict[str, Any], url: str) -> dict[str, Any]:
    """The documents of the next release: every document version bumped, and the summary
    linking the version it replaces (the template asks each update to link the previous)."""
    out = copy.deepcopy(documents)
    for key, path in _VERSIONS.items():
        put(out[key], path, bump(str(get(out[key], path))))
    header = out["training_data_summary"]["header"]
    previous = str(get(documents["training_data_summary"], _VERSIONS["training_data_summary"]))
    header.setdefault("previous_versions", []).append({"version": previous, "url": url})
    return out
