"""Format a validation result as text or JSON (SARIF and GitHub: reporters_ci).

The CLI prints what these return.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from gpai_docs.diagnostics import TOOL_LOCATION, Diagnostic, Severity
from gpai_docs.escaping import text_line
from gpai_docs.models.kinds import DocumentKind
from gpai_docs.models.walk import node_at
from gpai_docs.validate.pipeline import ValidationResult

JSON_FORMAT_VERSION = 1


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


# Findings of one code that repeat at least this often in a document are summarised in
# one line (``--verbose`` lists each); a fresh scaffold has dozens of open answers.
REPEATED = 4

# ANSI styles of the text report, used only when the command line asks for colour.
_STYLES = {
    Severity.ERROR: "\x1b[1;31m",
    Severity.WARNING: "\x1b[1;33m",
    Severity.INFO: "\x1b[1;36m",
}
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"


@dataclass(frozen=True, slots=True)
class TextStyle:
    """How the text report shows findings: colour or not, paths from which folder."""

    color: bool = False
    cwd: Path | None = None

    def severity(self, severity: Severity) -> str:
        return f"{_STYLES[severity]}{severity.label}{_RESET}" if self.color else severity.label

    def code(self, code: str) -> str:
        return f"{_BOLD}{code}{_RESET}" if self.color else code


PLAIN = TextStyle()


def _where(diagnostic: Diagnostic, path: str | None) -> str:
    """The location as ``file:line:column``, the file as given (a path the terminal opens)."""
    loc = diagnostic.location
    return text_line(replace(loc, file=path) if path is not None else loc)


def format_diagnostic(
    diagnostic: Diagnostic, *, style: TextStyle = PLAIN, path: str | None = None
) -> str:
    """One finding, compiler style. Messages quote provider text and field paths hold its
    keys: each part is shown on one line with its control characters escaped, so that
    nothing can start a line of a CI log (``::error``) or drive the terminal."""
    loc = diagnostic.location
    field = f" {text_line(loc.dotted_path)}:" if loc.path else ""
    lines = [
        f"{_where(diagnostic, path)}: {style.severity(diagnostic.severity)} "
        f"{style.code(diagnostic.code)}{field} {text_line(diagnostic.message)}"
    ]
    if diagnostic.hint:
        lines.append(f"    hint: {text_line(diagnostic.hint)}")
    if diagnostic.reference:
        lines.append(f"    see: {text_line(diagnostic.reference)}")
    return "\n".join(lines)


def display_path(result: ValidationResult, file: str, cwd: Path | None = None) -> str:
    """A location's file as the user can open it: relative to the working directory when
    inside it, else absolute (locations hold it relative to the project's parent)."""
    if file == TOOL_LOCATION:
        return file
    from gpai_docs.report.ci import artifact_path

    return artifact_path(result, file, cwd=cwd)


def _kinds(result: ValidationResult) -> dict[str, DocumentKind]:
    """The document kind of each loaded file, by the file name its locations give."""
    return {
        doc.loaded.file: doc.kind
        for doc in result.project.documents.values()
        if doc.loaded is not None
    }


def _section(kind: DocumentKind | None, diagnostic: Diagnostic) -> tuple[str, str]:
    """The template or Form section of a finding's field: its number (or title, for an
    unnumbered one) and its heading."""
    names = tuple(p for p in diagnostic.location.path if isinstance(p, str))
    if kind is None or not names:
        return "", "The whole file"
    specs = [node_at(kind.model, names[:end]) for end in range(1, len(names) + 1)]
    numbered = [n.field for n in specs if n is not None and n.field.section is not None]
    if not numbered:
        return "", "Other fields"
    number = numbered[-1].section or ""
    if not number:
        return numbered[-1].label, numbered[-1].label
    # The section's own container gives the heading its title ("1 General information");
    # a numbered question of the summary template has only its number.
    outer = next(spec for spec in numbered if spec.section == number)
    return number, outer.label if outer.shape.record is not None else f"Section {number}"


def _repeat_key(d: Diagnostic) -> tuple[str, Severity, str | None, str | None]:
    return (d.code, d.severity, d.hint, d.reference)


def _summary(
    group: list[Diagnostic], kind: DocumentKind | None, path: str, style: TextStyle
) -> str:
    """``PJ001 × 31 in the model documentation: answers to be provided — sections …``."""
    first = group[0]
    counts = Counter(_section(kind, d)[0] for d in group)
    where = ", ".join(f"{name or 'other fields'} ({n})" for name, n in counts.items())
    what = first.rule.replace("-", " ") if first.rule else text_line(first.message)
    document = f" in the {kind.title[0].lower()}{kind.title[1:]}" if kind else ""
    lines = [
        f"{_where(first, path)}: {style.severity(first.severity)} {style.code(first.code)} "
        f"× {len(group)}{document}: {what} — sections {where}"
    ]
    if first.hint:
        lines.append(f"    hint: {text_line(first.hint)}")
    if first.reference:
        lines.append(f"    see: {text_line(first.reference)}")
    lines.append("    (the first is shown; `gpai-docs validate --verbose` lists each)")
    return "\n".join(lines)


def _document_block(
    result: ValidationResult,
    file: str,
    found: list[Diagnostic],
    style: TextStyle,
    verbose: bool,
) -> list[str]:
    """One file's findings: repeated ones summarised, the others under their sections."""
    kind = _kinds(result).get(file)
    path = display_path(result, file, style.cwd)
    out = [f"{text_line(path)} ({kind.title})" if kind else text_line(path)]
    if file == TOOL_LOCATION:
        return [format_diagnostic(d, style=style) for d in found]
    groups: dict[tuple[str, Severity, str | None, str | None], list[Diagnostic]] = {}
    for d in found:
        groups.setdefault(_repeat_key(d), []).append(d)
    repeated = [] if verbose else [g for g in groups.values() if len(g) >= REPEATED]
    summarised = {id(d) for g in repeated for d in g}
    listed = [d for d in found if id(d) not in summarised]
    sections: dict[str, list[Diagnostic]] = {}
    for d in listed:
        sections.setdefault(_section(kind, d)[1], []).append(d)
    for name, items in sections.items():
        out.append(f"  {text_line(name)}")
        out.extend(_indent(format_diagnostic(d, style=style, path=path)) for d in items)
    out.extend(_indent(_summary(g, kind, path, style)) for g in repeated)
    return out


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.split("\n"))


def text_report(
    result: ValidationResult,
    *,
    quiet: bool = False,
    verbose: bool = False,
    style: TextStyle = PLAIN,
) -> str:
    """The human report: findings per document and section (compiler style, repeated ones
    summarised unless ``verbose``), then determinations and totals."""
    report = result.report
    by_file: dict[str, list[Diagnostic]] = {}
    for d in report.diagnostics:
        if not (quiet and d.severity is Severity.INFO):
            by_file.setdefault(d.location.file, []).append(d)
    out: list[str] = []
    for file, found in by_file.items():
        out.extend(_document_block(result, file, found, style, verbose))
        out.append("")
    if not quiet and result.determinations:
        out.append("Determinations:")
        width = max(len(d.title) for d in result.determinations)
        for det in result.determinations:
            out.append(f"  {det.title.ljust(width)}  {text_line(det.outcome)}")
            out.append(f"  {'':{width}}  {text_line(det.statement)} [{det.reference}]")
        out.append("")
    if not quiet and result.skipped:
        out.append("Not checked (a partial project):")
        out.extend(f"  {group.sentence}" for group in result.skipped)
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


def diagnostic_dict(diagnostic: Diagnostic, file: str | None = None) -> dict[str, Any]:
    """One finding for JSON; ``file`` as the reader can open it (default: as located)."""
    loc = diagnostic.location
    return {
        "code": diagnostic.code,
        "severity": diagnostic.severity.label,
        "message": diagnostic.message,
        "file": loc.file if file is None else file,
        "path": loc.pointer,
        "line": loc.line,
        "column": loc.column,
        "hint": diagnostic.hint,
        "reference": diagnostic.reference,
        "rule": diagnostic.rule,
    }


def json_report(result: ValidationResult, *, cwd: Path | None = None) -> str:
    """A stable, versioned JSON object for machines; files relative to ``cwd`` (default:
    the working directory) when inside it, else absolute."""
    report = result.report
    files = [
        {
            "document": key,
            "file": display_path(result, doc.loaded.file, cwd),
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
        "diagnostics": [
            diagnostic_dict(d, display_path(result, d.location.file, cwd))
            for d in report.diagnostics
        ],
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
        # A partial project's checks that did not run, or ran in part; [] for a full one.
        "skipped": [
            {
                "reason": group.reason,
                "missing": list(group.missing),
                "partly": group.partly,
                "codes": list(group.codes),
            }
            for group in result.skipped
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
