"""Format a validation result as text or JSON (SARIF and GitHub: reporters_ci).

The CLI prints what these return.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from gpai_docs.diagnostics import Diagnostic, Severity
from gpai_docs.escaping import text_line
from gpai_docs.validate.pipeline import ValidationResult

JSON_FORMAT_VERSION = 1


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def format_diagnostic(diagnostic: Diagnostic) -> str:
    """One finding, compiler style. Messages quote provider text and field paths hold its
    keys: each part is shown on one line with its control characters escaped, so that
    nothing can start a line of a CI log (``::error``) or drive the terminal."""
    loc = diagnostic.location
    field = f" {text_line(loc.dotted_path)}:" if loc.path else ""
    lines = [
        f"{text_line(loc)}: {diagnostic.severity.label} {diagnostic.code}{field} "
        f"{text_line(diagnostic.message)}"
    ]
    if diagnostic.hint:
        lines.append(f"    hint: {text_line(diagnostic.hint)}")
    if diagnostic.reference:
        lines.append(f"    see: {text_line(diagnostic.reference)}")
    return "\n".join(lines)


def text_report(result: ValidationResult, *, quiet: bool = False) -> str:
    """The human report: findings first (compiler style), then determinations and totals."""
    report = result.report
    out = [
        format_diagnostic(d)
        for d in report.diagnostics
        if not (quiet and d.severity is Severity.INFO)
    ]
    if out:
        out.append("")
    if not quiet and result.determinations:
        out.append("Determinations:")
        width = max(len(d.title) for d in result.determinations)
        for det in result.determinations:
            out.append(f"  {det.title.ljust(width)}  {text_line(det.outcome)}")
            out.append(f"  {'':{width}}  {text_line(det.statement)} [{det.reference}]")
        out.append("")
    files = sum(1 for doc in result.project.documents.values() if doc.loaded is not None)
    out.append(
        f"{_plural(len(report.errors), 'error')}, {_plural(len(report.warnings), 'warning')}, "
        f"{_plural(len(report.infos), 'note')} in {_plural(files, 'file')}; "
        f"{_plural(result.pending, 'answer')} to be provided."
    )
    out.append(
        f"Rule pack {result.pack.version} (as of {result.pack.as_of}); checked on {result.as_of}."
    )
    return "\n".join(out)


def diagnostic_dict(diagnostic: Diagnostic) -> dict[str, Any]:
    loc = diagnostic.location
    return {
        "code": diagnostic.code,
        "severity": diagnostic.severity.label,
        "message": diagnostic.message,
        "file": loc.file,
        "path": loc.pointer,
        "line": loc.line,
        "column": loc.column,
        "hint": diagnostic.hint,
        "reference": diagnostic.reference,
        "rule": diagnostic.rule,
    }


def json_report(result: ValidationResult) -> str:
    """A stable, versioned JSON object for machines."""
    report = result.report
    files = [
        {
            "document": key,
            "file": doc.loaded.file,
            "sha256": doc.loaded.sha256,
            "valid": doc.model is not None,
        }
        for key, doc in result.project.documents.items()
        if doc.loaded is not None
    ]
    payload = {
        "version": JSON_FORMAT_VERSION,
        "rule_pack": {"version": result.pack.version, "as_of": result.pack.as_of.isoformat()},
        "checked_on": result.as_of.isoformat(),
        "files": files,
        "summary": {
            "errors": len(report.errors),
            "warnings": len(report.warnings),
            "notes": len(report.infos),
            "to_be_provided": result.pending,
        },
        "diagnostics": [diagnostic_dict(d) for d in report.diagnostics],
        "determinations": [
            {
                "key": d.key,
                "title": d.title,
                "outcome": d.outcome,
                "statement": d.statement,
                "reference": d.reference,
                "date": d.date.isoformat() if d.date else None,
            }
            for d in result.determinations
        ],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False)


def sarif_report(result: ValidationResult) -> str:
    """SARIF 2.1.0 (see reporters_ci; imported only when asked for)."""
    from gpai_docs.report.ci import sarif_report as render

    return render(result)


def github_report(result: ValidationResult) -> str:
    """GitHub workflow annotations (see reporters_ci; imported only when asked for)."""
    from gpai_docs.report.ci import github_report as render

    return render(result)


REPORTERS: dict[str, Callable[[ValidationResult], str]] = {
    "text": text_report,
    "json": json_report,
    "sarif": sarif_report,
    "github": github_report,
}
