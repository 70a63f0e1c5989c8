"""What a rule sees: the validated documents, the rule pack and the reference date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from gpai_docs.law.rulepack import RulePack
from gpai_docs.models import CopyrightPolicy, ModelDocumentation, TrainingDataSummary


@dataclass(frozen=True)
class RuleContext:
    """The validated documents (None when a document did not validate) and run settings."""

    model_documentation: ModelDocumentation | None
    training_data_summary: TrainingDataSummary | None
    copyright_policy: CopyrightPolicy | None
    pack: RulePack
    as_of: dt.date
    root: Path | None = None

    @property
    def md(self) -> ModelDocumentation:
        assert self.model_documentation is not None, "rule ran without its document"
        return self.model_documentation

    @property
    def tds(self) -> TrainingDataSummary:
        assert self.training_data_summary is not None, "rule ran without its document"
        return self.training_data_summary

    @property
    def cp(self) -> CopyrightPolicy:
        assert self.copyright_policy is not None, "rule ran without its document"
        return self.copyright_policy

    def has(self, document: str) -> bool:
        return getattr(self, document) is not None
