"""Validate a project: load, check the schema, run the rules, state the determinations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from gpai_docs.diagnostics import Diagnostic, Report, debugging, internal_error
from gpai_docs.law import rulepack
from gpai_docs.law.rulepack import RulePack
from gpai_docs.load.source_map import SourceMap
from gpai_docs.models import CopyrightPolicy, ModelDocumentation, TrainingDataSummary
from gpai_docs.validate.determinations import Determination, determine
from gpai_docs.validate.partial import SkippedChecks, skipped_checks
from gpai_docs.validate.project import Project, load_project

# One finding per open answer: PJ001 before the documentation is due, MD002 once it is
# overdue. Both are answers still to be provided.
OPEN_ANSWER_CODES = frozenset({"PJ001", "MD002"})


@dataclass(frozen=True)
class ValidationResult:
    """Everything one validation run found and concluded."""

    project: Project
    report: Report
    determinations: tuple[Determination, ...]
    pack: RulePack
    as_of: dt.date
    # A partial project's checks that did not run, or ran in part (empty for a full one).
    skipped: tuple[SkippedChecks, ...] = ()

    @property
    def pending(self) -> int:
        """How many answers remain to be provided, whether still a draft or already overdue."""
        return sum(1 for d in self.report.diagnostics if d.code in OPEN_ANSWER_CODES)

    @property
    def internal_errors(self) -> Sequence[Diagnostic]:
        """Bugs of gpai-docs met on the way (GD codes): the result is then incomplete."""
        return self.report.internal_errors

    def fails(self, *, strict: bool = False) -> bool:
        return self.report.fails(strict=strict)


def typed_documents(
    project: Project,
) -> tuple[ModelDocumentation | None, TrainingDataSummary | None, CopyrightPolicy | None]:
    """The three validated documents, each None when it is missing or did not validate."""
    md = project.model("model_documentation")
    tds = project.model("training_data_summary")
    cp = project.model("copyright_policy")
    return (
        md if isinstance(md, ModelDocumentation) else None,
        tds if isinstance(tds, TrainingDataSummary) else None,
        cp if isinstance(cp, CopyrightPolicy) else None,
    )


def validate_project(
    root: Path,
    *,
    as_of: dt.date | None = None,
    pack: RulePack | None = None,
    complete: bool = True,
) -> ValidationResult:
    """Load the project folder ``root`` and validate it; findings are returned, never raised.

    ``complete=False`` validates whatever documents the folder holds (a partial project):
    a missing document is noted, not an error, and the checks that need it are skipped
    and listed in ``skipped``. A release always validates a complete project."""
    return validate_loaded(load_project(root, complete=complete), as_of=as_of, pack=pack)


def validate_loaded(
    project: Project, *, as_of: dt.date | None = None, pack: RulePack | None = None
) -> ValidationResult:
    """Run the rules and the determinations on an already loaded project."""
    from gpai_docs.validate.rules import RuleContext, run_rules

    pack = pack or rulepack.load()
    as_of = as_of or dt.date.today()
    md, tds, cp = typed_documents(project)
    context = RuleContext(md, tds, cp, pack, as_of, project.domains)
    maps: dict[str, SourceMap] = {
        key: doc.loaded.source_map for key, doc in project.documents.items() if doc.loaded
    }
    diagnostics = [*project.diagnostics, *run_rules(context, maps)]
    try:
        determinations = tuple(determine(md, tds, pack, project.absent))
    except Exception as exc:  # a bug, not a finding: reported as GD001 beside the findings
        if debugging():
            raise
        determinations = ()
        diagnostics.append(internal_error("the determinations", exc))
    skipped = skipped_checks(project.absent)
    return ValidationResult(project, Report.of(diagnostics), determinations, pack, as_of, skipped)
