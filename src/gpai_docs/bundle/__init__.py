"""Releases: immutable bundles with a manifest, semantic diff, history and the crawler feed.

The public entry points; the modules behind them are named for their step (``release``,
``manifest``, ``archive``, ``verify``, ``diff``, ``history``, ``crawlers``, ``feed``).
Names are imported on first use, so ``gpai-docs diff`` does not load the renderer.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gpai_docs.bundle.diff import Change, SemanticDiff, diff_models, diff_paths
    from gpai_docs.bundle.history import History, model_history
    from gpai_docs.bundle.manifest import FileEntry, Manifest, read_manifest
    from gpai_docs.bundle.release import ReleaseResult, release_project
    from gpai_docs.bundle.verify import Problem, VerifyReport, verify_release

_EXPORTS = {
    "Change": "gpai_docs.bundle.diff",
    "SemanticDiff": "gpai_docs.bundle.diff",
    "diff_models": "gpai_docs.bundle.diff",
    "diff_paths": "gpai_docs.bundle.diff",
    "History": "gpai_docs.bundle.history",
    "model_history": "gpai_docs.bundle.history",
    "FileEntry": "gpai_docs.bundle.manifest",
    "Manifest": "gpai_docs.bundle.manifest",
    "read_manifest": "gpai_docs.bundle.manifest",
    "ReleaseResult": "gpai_docs.bundle.release",
    "release_project": "gpai_docs.bundle.release",
    "Problem": "gpai_docs.bundle.verify",
    "VerifyReport": "gpai_docs.bundle.verify",
    "verify_release": "gpai_docs.bundle.verify",
}

__all__ = [
    "Change",
    "FileEntry",
    "History",
    "Manifest",
    "Problem",
    "ReleaseResult",
    "SemanticDiff",
    "VerifyReport",
    "diff_models",
    "diff_paths",
    "model_history",
    "read_manifest",
    "release_project",
    "verify_release",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'gpai_docs.bundle' has no attribute {name!r}")
