"""The Model Documentation Form's lists of answers: modalities, provenance, ranges, buckets."""

from typing import Annotated

from gpai_docs.law import rulepack
from gpai_docs.law.catalogue import entry
from gpai_docs.models.choices import choice

_PACK = rulepack.load()
_MDF_MODALITIES: tuple[str, ...] = entry("MDF.data.type_modality").allowed_values or ()
_PROVENANCE: tuple[str, ...] = entry("MDF.data.provenance").allowed_values or ()
INTERNAL = ("internal",)

Modality = Annotated[str, choice(_MDF_MODALITIES, {"image": "Images", "picture": "Images"})]
Provenance = Annotated[
    str, choice(_PROVENANCE, {"web crawl": "Web crawling", "synthetic data": _PROVENANCE[4]})
]
ParameterRange = Annotated[str, choice(_PACK.parameter_ranges.labels)]
TrainingTimeBucket = Annotated[str, choice(_PACK.training_time_buckets.labels)]
LicenseCategory = Annotated[str, choice(_PACK.license_categories)]
Requester = Annotated[str, choice(("downstream_provider", "ai_office"))]
