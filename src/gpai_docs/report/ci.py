"""CI reporters: SARIF 2.1.0 for code scanning, and GitHub Actions workflow annotations.

Both take one or more validation results, so that a pre-commit run touching several
projects still yields a single SARIF run (code scanning rejects repeated runs of a tool).
"""

from __future__ import annotations

import hashlib
import json
import os
import textwrap
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gpai_docs.diagnostics import INTERNAL_ERROR, Diagnostic, Severity
from gpai_docs.escaping import relative_uri, text_line
from gpai_docs.report.builtin_codes import builtin_code
from gpai_docs.validate.pipeline import ValidationResult
from gpai_docs.validate.rules import RULES, Rule

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_VERSION = "2.1.0"
TOOL_URI = "https://pypi.org/project/gpai-docs/"
_SRCROOT = "%SRCROOT%"

_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}

# The rule reference (docs/rules.md, `gpai-docs rules --markdown`): every code has an
# anchor there, its code in lower case. One constant, so that a published copy of the
# reference is one edit away.
RULES_REFERENCE_URI = TOOL_URI
AUTOMATION_ID = "gpai-docs/validate/"


def help_uri(code: str) -> str:
    """The address of ``code``'s entry in the rule reference."""
    return f"{RULES_REFERENCE_URI}#{code.lower()}"


def _version() -> str:
    from importlib import metadata  # only when SARIF is asked for: it costs a cold start

    try:
        return metadata.version("gpai-docs")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return "0+unknown"


def _real_path(result: ValidationResult, display: str) -> Path:
    """The file a location names; locations hold it relative to the project's parent."""
    root = result.project.root
    base = root.parent if root.parent != root else root
    path = Path(display)
    return path if path.is_absolute() else base / path


def artifact_path(result: ValidationResult, display: str, *, cwd: Path | None = None) -> str:
    """A POSIX path relative to the working directory when inside it, else absolute.

    Code scanning and workflow annotations resolve relative paths against the checkout,
    which is the working directory of a CI step.
    """
    real = _real_path(result, display).absolute()
    here = (cwd or Path.cwd()).absolute()
    try:
        return real.relative_to(here).as_posix()
    except ValueError:
        return Path(os.path.normpath(real)).as_posix()


def _has_file(diagnostic: Diagnostic) -> bool:
    return diagnostic.location.names_a_file


# --- SARIF -----------------------------------------------------------------


def _help_markdown(rule: Rule, body: str) -> str:
    """The rule's docstring as Markdown: prose joined, Passes/Fails examples as YAML blocks."""
    parts = [f"**{rule.summary}**"]
    for block in body.split("\n\n"):
        stripped = block.strip()
        if stripped.startswith(("Passes:", "Fails:")):
            title, _, example = stripped.partition("\n")
            parts.append(f"{title}\n\n```yaml\n{textwrap.dedent(example).strip()}\n```")
        elif stripped:
            parts.append(" ".join(stripped.split()))
    parts.append(f"Reference: {rule.reference}")
    return "\n\n".join(parts)


def _rule_descriptor(rule: Rule) -> dict[str, Any]:
    body = rule.doc.split("\n", 1)[1].strip() if "\n" in rule.doc else ""
    why = next((p for p in body.split("\n\n") if p.startswith("Why:")), "")
    why = " ".join(why.removeprefix("Why:").split())
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": why[:1].upper() + why[1:] if why else rule.summary},
        "help": {
            "text": f"{rule.summary}\n\n{body}\n\nReference: {rule.reference}".strip(),
            "markdown": _help_markdown(rule, body),
        },
        "helpUri": help_uri(rule.code),
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        "properties": {
            "tags": ["compliance", "eu-ai-act", rule.code[:2].lower()],
            "reference": rule.reference,
            "catalogueIds": list(rule.catalogue_ids),
        },
    }


def _builtin_descriptor(code: str) -> dict[str, Any]:
    known = builtin_code(code)
    return {
        "id": code,
        "name": known.name,
        "shortDescription": {"text": known.summary},
        "fullDescription": {"text": known.help},
        "help": {
            "text": f"{known.summary}\n\n{known.help}",
            "markdown": f"**{known.summary}**\n\n{known.help}",
        },
        "helpUri": help_uri(code),
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["compliance", code[:2].lower()], "reference": "gpai-docs"},
    }


def _fingerprint(diagnostic: Diagnostic, uri: str) -> str:
    # Keyed by field path rather than line, so an alert survives edits above it.
    key = "\0".join((diagnostic.code, uri, diagnostic.location.pointer, diagnostic.message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _sarif_result(
    result: ValidationResult, diagnostic: Diagnostic, rule_index: int, cwd: Path
) -> dict[str, Any]:
    text = diagnostic.message
    if diagnostic.hint:
        text += f" Fix: {diagnostic.hint}"
    out: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVEL[diagnostic.severity],
        "message": {"text": text},
    }
    if _has_file(diagnostic):
        loc = diagnostic.location
        path = artifact_path(result, loc.file, cwd=cwd)
        physical: dict[str, Any] = {"artifactLocation": _artifact_location(path)}
        if loc.line is not None:
            region: dict[str, Any] = {"startLine": loc.line}
            if loc.column is not None:
                region["startColumn"] = loc.column
            physical["region"] = region
        location: dict[str, Any] = {"physicalLocation": physical}
        if loc.path:
            location["logicalLocations"] = [
                {"fullyQualifiedName": loc.dotted_path, "kind": "member"}
            ]
        out["locations"] = [location]
        out["partialFingerprints"] = {"gpaiDocsFinding/v1": _fingerprint(diagnostic, path)}
    properties: dict[str, Any] = {}
    if diagnostic.reference:
        properties["reference"] = diagnostic.reference
    if diagnostic.hint:
        properties["hint"] = diagnostic.hint
    if properties:
        out["properties"] = properties
    return out


def _artifact_location(path: str) -> dict[str, Any]:
    """Inside the working folder: relative to ``%SRCROOT%``, as code scanning resolves it.
    Outside it: an absolute ``file:`` URI of its own (SARIF 3.4.3), with no base."""
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": relative_uri(path), "uriBaseId": _SRCROOT}


def _notification(diagnostic: Diagnostic) -> dict[str, Any]:
    # A bug of the tool is a failed invocation in SARIF, not an alert on the repository.
    text = diagnostic.message + (f" {diagnostic.hint}" if diagnostic.hint else "")
    return {"descriptor": {"id": diagnostic.code}, "level": "error", "message": {"text": text}}


def sarif_report(*results: ValidationResult, cwd: Path | None = None) -> str:
    """One SARIF 2.1.0 log with one run holding every result's findings."""
    here = (cwd or Path.cwd()).absolute()
    descriptors = [_rule_descriptor(rule) for rule in RULES.values()]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for result in results:
        for diagnostic in result.report.diagnostics:
            if diagnostic.internal:
                notifications.append(_notification(diagnostic))
                continue
            if diagnostic.code not in index:
                index[diagnostic.code] = len(descriptors)
                descriptors.append(_builtin_descriptor(diagnostic.code))
            sarif_results.append(_sarif_result(result, diagnostic, index[diagnostic.code], here))
    pack = results[0].pack if results else None
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "gpai-docs",
                "fullName": f"gpai-docs {_version()}: EU AI Act GPAI documentation checks",
                "informationUri": TOOL_URI,
                "version": _version(),
                "semanticVersion": _version(),
                "rules": descriptors,
                "properties": {"rulePack": pack.version} if pack else {},
            }
        },
        "automationDetails": {"id": AUTOMATION_ID},
        "originalUriBaseIds": {_SRCROOT: {"uri": here.as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    skipped = [group.sentence for result in results for group in result.skipped]
    if skipped:  # a partial project: which checks did not run, or ran in part
        run["properties"] = {"skippedChecks": skipped}
    if notifications:
        run["tool"]["driver"]["notifications"] = [_builtin_descriptor(INTERNAL_ERROR)]
        run["invocations"] = [
            {"executionSuccessful": False, "toolExecutionNotifications": notifications}
        ]
    log = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False)


# --- GitHub Actions workflow commands ---------------------------------------


def escape_data(text: str) -> str:
    """Escape a workflow command's message, as the Actions toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (also ``:`` and ``,``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(result: ValidationResult, diagnostic: Diagnostic, cwd: Path) -> str:
    loc = diagnostic.location
    title = diagnostic.code + (f" {diagnostic.rule}" if diagnostic.rule else "")
    props: list[tuple[str, str]] = []
    if _has_file(diagnostic):
        props.append(("file", artifact_path(result, loc.file, cwd=cwd)))
        if loc.line is not None:
            props.append(("line", str(loc.line)))
            if loc.column is not None:
                props.append(("col", str(loc.column)))
    props.append(("title", title))
    # Our own lines are joined by line breaks (%0A); provider text in them is shown
    # escaped, so an ESC sequence or a line break of its own cannot reach the log.
    message = text_line(diagnostic.message)
    lines = [f"{text_line(loc.dotted_path)}: {message}" if loc.path else message]
    if diagnostic.hint:
        lines.append(f"Fix: {text_line(diagnostic.hint)}")
    if diagnostic.reference:
        lines.append(f"See: {text_line(diagnostic.reference)}")
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    message = escape_data("\n".join(lines))
    return f"::{_GITHUB_COMMAND[diagnostic.severity]} {rendered}::{message}"


def github_report(*results: ValidationResult, cwd: Path | None = None) -> str:
    """One workflow annotation per finding, for GitHub Actions logs and pull requests."""
    here = (cwd or Path.cwd()).absolute()
    out: Iterable[str] = (
        _annotation(result, diagnostic, here)
        for result in results
        for diagnostic in result.report.diagnostics
    )
    return "\n".join(out)
