"""Run the registered rules and turn their findings into located diagnostics."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from gpai_docs.diagnostics import Diagnostic, Location
from gpai_docs.rules._registry import RULES, Rule
from gpai_docs.rules.context import RuleContext
from gpai_docs.source_map import SourceMap


def _run(rule: Rule, context: RuleContext, maps: Mapping[str, SourceMap]) -> Iterator[Diagnostic]:
    try:
        findings = list(rule.check(context))
    except Exception as exc:  # a rule bug must not hide the other findings
        yield Diagnostic(
            rule.code,
            rule.severity,
            f"Rule {rule.code} ({rule.name}) failed internally: {exc!r}.",
            Location("(gpai-docs)"),
            hint="Please report this as a gpai-docs bug.",
            reference=rule.reference,
            rule=rule.name,
        )
        return
    for finding in findings:
        smap = maps.get(finding.document)
        location = (
            smap.locate(finding.path)
            if smap is not None
            else Location(finding.document, finding.path)
        )
        yield Diagnostic(
            code=rule.code,
            severity=rule.severity,
            message=finding.message.rstrip(".") + ".",
            location=location,
            hint=finding.hint,
            reference=rule.reference,
            rule=rule.name,
        )


def run_rules(context: RuleContext, maps: Mapping[str, SourceMap]) -> list[Diagnostic]:
    """Every finding of every rule whose documents validated."""
    out: list[Diagnostic] = []
    for rule in RULES.values():
        if all(context.has(document) for document in rule.needs):
            out.extend(_run(rule, context, maps))
    return out
