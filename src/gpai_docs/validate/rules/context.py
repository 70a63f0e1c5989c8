"""What a rule sees: the validated documents, the rule pack and the reference date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from gpai_docs.errors import InternalError
from gpai_docs.law.rulepack import RulePack
from gpai_docs.load.domain_file import DomainsFile
from gpai_docs.models import CopyrightPolicy, ModelDocumentation, TrainingDataSummary

T = TypeVar("T")


@dataclass(frozen=True)
class RuleContext:
    """The validated documents (None when a document did not validate) and run settings."""

    model_documentation: ModelDocumentation | None
    training_data_summary: TrainingDataSummary | None
    copyright_policy: CopyrightPolicy | None
    pack: RulePack
    as_of: dt.date
    domains: DomainsFile | None = None  # the file top_domains.source names, as loaded

    @property
    def md(self) -> ModelDocumentation:
        return _present(self.model_documentation, "model_documentation")

    @property
    def tds(self) -> TrainingDataSummary:
        return _present(self.training_data_summary, "training_data_summary")

    @property
    def cp(self) -> CopyrightPolicy:
        return _present(self.copyright_policy, "copyright_policy")

    def has(self, document: str) -> bool:
        return getattr(self, document) is not None


def _present(document: T | None, name: str) -> T:
    """The document a rule reads; a rule that did not declare it in ``needs`` is a bug."""
    # A real check, not an assert: ``python -O`` would drop the assert and the rule would
    # read attributes of None, or worse, pass silently on a missing document.
    if document is None:
        raise InternalError(f"a rule read the {name} without declaring it in `needs`")
    return document
