"""The rule catalogue: every module below registers its rules when imported."""

from __future__ import annotations

from gpai_docs.validate.rules import (  # noqa: F401  (imported to register their rules)
    consistency,
    copyright_policy,
    dates_as_written,
    model_documentation,
    project,
    publication,
    rights_reservations,
    top_domain_names,
    top_domains,
    training_data_summary,
)
from gpai_docs.validate.rules._registry import RETIRED, RULES, Finding, Rule, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.engine import run_rules

__all__ = ["RETIRED", "RULES", "Finding", "Rule", "RuleContext", "rule", "run_rules"]
