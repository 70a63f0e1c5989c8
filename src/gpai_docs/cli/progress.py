"""Progress for long operations: a bar on a terminal, silence in CI and in pipes; and
whether to colour a report (:func:`use_color`).

Library code reports progress through a plain callback (``Progress``) and never prints;
commands create one here and pass it down::

    with progress("Counting domains", total=len(files)) as advance:
        for file in files:
            count(file)
            advance(1)

Progress goes to stderr, so stdout stays clean for reports piped to other tools.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

import click

Progress = Callable[[int], None]
"""What library code calls with the number of steps just finished."""


def _no_progress(steps: int) -> None:
    del steps


NO_PROGRESS: Progress = _no_progress


def in_ci() -> bool:
    """Whether a CI service runs us: ``CI`` set to anything but empty, ``0`` or ``false``."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def quiet(stream: TextIO | None = None) -> bool:
    """Whether to keep still: in CI, or when ``stream`` (default stderr) is not a terminal."""
    target = stream if stream is not None else sys.stderr
    isatty = getattr(target, "isatty", None)
    return in_ci() or not (callable(isatty) and isatty())


@contextmanager
def progress(label: str, *, total: int, stream: TextIO | None = None) -> Iterator[Progress]:
    """A callback that advances a progress bar of ``total`` steps, or nothing when quiet."""
    target = stream if stream is not None else sys.stderr
    if quiet(target):
        yield NO_PROGRESS
        return
    with click.progressbar(length=total, label=label, file=target, show_pos=True) as bar:
        yield bar.update


def use_color(setting: str = "auto", stream: TextIO | None = None) -> bool:
    """Whether to colour what goes to ``stream`` (default stdout), as ruff and pre-commit do.

    ``--color always`` or ``never`` decides alone. Left to ``auto``: ``NO_COLOR`` set to
    anything but empty means no colour, else ``FORCE_COLOR`` set means colour, else colour
    only on a terminal (and not on ``TERM=dumb``).
    """
    if setting != "auto":
        return setting == "always"
    if os.environ.get("NO_COLOR", ""):
        return False
    if os.environ.get("FORCE_COLOR", ""):
        return True
    target = stream if stream is not None else sys.stdout
    isatty = getattr(target, "isatty", None)
    return callable(isatty) and bool(isatty()) and os.environ.get("TERM") != "dumb"
