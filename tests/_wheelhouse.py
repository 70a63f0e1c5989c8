"""A local package index made from the locked development environment, for offline installs.

The distributions the lock installed are packed back into wheels from the files their
RECORD lists, so that pip installs them with ``--no-index --find-links`` and resolves a
wheel's own Requires-Dist, as it would from the package index, without the network.
"""

from __future__ import annotations

import zipfile
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name


def wheelhouse(target: Path, *roots: str, include_roots: bool = False) -> Path:
    """``target`` holding wheels of everything ``roots`` need (and of ``roots`` too, with
    ``include_roots``), as installed in this environment."""
    target.mkdir(parents=True, exist_ok=True)
    dists = _closure(*roots)
    if include_roots:
        dists += [metadata.distribution(root) for root in roots]
    for dist in dists:
        _rewheel(dist, target)
    return target


def _requirements(dist: metadata.Distribution, extras: frozenset[str]) -> list[str]:
    out = []
    for line in dist.requires or []:
        requirement = Requirement(line)
        marker = requirement.marker
        if marker is None or any(marker.evaluate({"extra": e}) for e in extras or {""}):
            out.append(requirement.name)
    return out


def _closure(*roots: str) -> list[metadata.Distribution]:
    """The installed distributions ``roots`` need at run time (no extras), transitively."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [r for root in roots for r in _requirements(metadata.distribution(root), frozenset())]
    while todo:
        name = canonicalize_name(todo.pop())
        if name in seen:
            continue
        dist = metadata.distribution(name)
        seen[name] = dist
        todo += _requirements(dist, frozenset())
    return list(seen.values())


def _rewheel(dist: metadata.Distribution, into: Path) -> None:
    """A wheel of an installed distribution, from the files its RECORD lists.

    The dependencies the lock installed into the development environment are packed
    back into wheels, so that pip installs them offline (``--no-index``) and resolves the
    wheel's own Requires-Dist, as it would from the package index.
    """
    info = next(
        f for f in dist.files or [] if f.name == "WHEEL" and f.parent.name.endswith(".dist-info")
    )
    tags = [
        line.split(": ", 1)[1]
        for line in (dist.read_text("WHEEL") or "").splitlines()
        if line.startswith("Tag: ")
    ]
    name = canonicalize_name(dist.metadata["Name"]).replace("-", "_")
    # The compressed tag set of the file name: each part's values, in order, dot-joined.
    parts = [".".join(dict.fromkeys(tag.split("-")[k] for tag in tags)) for k in range(3)]
    path = into / f"{name}-{dist.version}-{'-'.join(parts)}.whl"
    base = Path(str(dist.locate_file(""))).resolve()
    dist_info = info.parent.as_posix()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as wheel:
        for file in dist.files or []:
            posix = file.as_posix()
            if posix.startswith("..") or "__pycache__" in posix or posix == f"{dist_info}/RECORD":
                continue
            if posix in (
                f"{dist_info}/INSTALLER",
                f"{dist_info}/REQUESTED",
                f"{dist_info}/direct_url.json",
            ):
                continue
            wheel.write(base / file, posix)
        wheel.writestr(f"{dist_info}/RECORD", "")
