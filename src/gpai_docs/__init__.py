"""gpai-docs: EU AI Act documentation for general-purpose AI models.

The library never prints and never exits. Validate a project folder with
:func:`validate_project`; every problem comes back as a :class:`Diagnostic`.
Names are imported on first use, so that importing a submodule stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gpai_docs.diagnostics import Diagnostic, Location, Report, Severity
    from gpai_docs.errors import GpaiDocsError, InternalError, OutputError, UserError
    from gpai_docs.validate.pipeline import ValidationResult, validate_project

_EXPORTS = {
    "Diagnostic": "gpai_docs.diagnostics",
    "Location": "gpai_docs.diagnostics",
    "Report": "gpai_docs.diagnostics",
    "Severity": "gpai_docs.diagnostics",
    "GpaiDocsError": "gpai_docs.errors",
    "InternalError": "gpai_docs.errors",
    "OutputError": "gpai_docs.errors",
    "UserError": "gpai_docs.errors",
    "ValidationResult": "gpai_docs.validate.pipeline",
    "validate_project": "gpai_docs.validate.pipeline",
}

__all__ = [
    "Diagnostic",
    "GpaiDocsError",
    "InternalError",
    "Location",
    "OutputError",
    "Report",
    "Severity",
    "UserError",
    "ValidationResult",
    "__version__",
    "validate_project",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("gpai-docs")
        except PackageNotFoundError:  # a source tree without installation
            return "0+unknown"
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'gpai_docs' has no attribute {name!r}")
