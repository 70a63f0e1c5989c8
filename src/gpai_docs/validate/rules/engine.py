"""Run the registered rules and turn their findings into located diagnostics."""

from __future__ import annotations

from collections.abc import Mapping

from gpai_docs.diagnostics import Diagnostic, Location, debugging, internal_error
from gpai_docs.load.source_map import SourceMap
from gpai_docs.validate.rules._registry import RULES, Finding, Rule
from gpai_docs.validate.rules.context import RuleContext


def _diagnostic(rule: Rule, finding: Finding, maps: Mapping[str, SourceMap]) -> Diagnostic:
    smap = maps.get(finding.document)
    location = (
        smap.locate(finding.path) if smap is not None else Location(finding.document, finding.path)
    )
    return Diagnostic(
        code=rule.code,
        severity=rule.severity,
        message=finding.message.rstrip(".") + ".",
        location=location,
        hint=finding.hint,
        reference=finding.reference or rule.reference,
        rule=rule.name,
    )


def _run(rule: Rule, context: RuleContext, maps: Mapping[str, SourceMap]) -> list[Diagnostic]:
    try:
        return [_diagnostic(rule, finding, maps) for finding in rule.check(context)]
    except Exception as exc:
        # A bug in a rule is reported as a bug (GD001), apart from the findings, so that
        # nobody takes it for a problem in the documents; the other rules still run.
        if debugging():
            raise
        return [internal_error(f"rule {rule.code} ({rule.name})", exc)]


def run_rules(context: RuleContext, maps: Mapping[str, SourceMap]) -> list[Diagnostic]:
    """Every finding of every rule whose documents validated, and any rule's internal error."""
    out: list[Diagnostic] = []
    for rule in RULES.values():
        if all(context.has(document) for document in rule.needs):
            out.extend(_run(rule, context, maps))
    return out
