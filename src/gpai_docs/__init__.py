"""gpai-docs: EU AI Act documentation for general-purpose AI models.

The library never prints and never exits. Validate a project folder with
:func:`validate_project`; every problem comes back as a :class:`Diagnostic`.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from gpai_docs.diagnostics import Diagnostic, Location, Report, Severity
from gpai_docs.errors import GpaiDocsError, InternalError, OutputError, UserError
from gpai_docs.validation import ValidationResult, validate_project

try:
    __version__ = version("gpai-docs")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0+unknown"

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
