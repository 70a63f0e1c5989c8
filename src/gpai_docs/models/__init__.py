"""The three documents as pydantic models: the single source of their schemas."""

from __future__ import annotations

from gpai_docs.models.copyright_policy import CopyrightPolicy
from gpai_docs.models.model_documentation import ModelDocumentation
from gpai_docs.models.training_data_summary import TrainingDataSummary

SCHEMA_VERSION = 1

__all__ = ["SCHEMA_VERSION", "CopyrightPolicy", "ModelDocumentation", "TrainingDataSummary"]
