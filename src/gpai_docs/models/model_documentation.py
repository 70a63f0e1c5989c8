"""The Model Documentation Form of the Code's Transparency chapter (requirements §4).

Each field carries its catalogue id and its audiences (AI Office, national competent
authorities, downstream providers). Rows the Form splits by audience are separate fields
(``*_nca``/``*_aio``). Fields under ``provider``, ``open_source``, ``systemic_risk``,
``modification`` and ``information_requests`` are not Form items: they hold the facts
the AI Act's determinations need and stay with the provider unless marked otherwise.
"""

from pydantic import Field

from gpai_docs.models._base import StrictModel, section, spec
from gpai_docs.models.answers import Answer, AnswerNA, Text, VersionText
from gpai_docs.models.date_order import DATE_ORDER_FIELD, DatedDocument, DateOrder
from gpai_docs.models.dates import Date
from gpai_docs.models.model_choices import (
    INTERNAL,
    LicenseCategory,
    ParameterRange,
)
from gpai_docs.models.model_facts import InformationRequest, Modification, OpenSource, SystemicRisk
from gpai_docs.models.model_sizes import ModalitySize as ModalitySize  # re-exported
from gpai_docs.models.model_sizes import OutputModalitySize as OutputModalitySize
from gpai_docs.models.model_sizes import (
    VariantInputModalities,
    VariantModelSize,
    VariantParameterRange,
)
from gpai_docs.models.model_training import Compute, Data, Energy, Training
from gpai_docs.models.numbers import Number


class DocumentInfo(StrictModel):
    """Version and date of this documentation."""

    version: Answer[VersionText] = spec(
        "MDF.doc.version", audience=("aio", "nca", "dp"), example="1.2.0"
    )
    last_updated: Date = spec(
        "MDF.doc.last_updated", audience=("aio", "nca", "dp"), example="2026-03-01"
    )
    date_order: DateOrder | None = spec(
        "MDF.doc.date_order", audience=("aio", "nca", "dp"), **DATE_ORDER_FIELD
    )


class AuthorisedRepresentative(StrictModel):
    """The Union representative a provider from a third country appoints (Art 54)."""

    name: Text = spec("AIA.54.1", audience=("aio", "nca", "dp"), title="Name")
    contact: Text = spec("AIA.54.1", audience=("aio", "nca", "dp"), title="Contact details")
    mandate_date: Date | None = spec(
        "AIA.54.1", audience=("aio", "nca"), default=None, title="Date of the written mandate"
    )


class ProviderStatus(StrictModel):
    """Facts about the provider that decide which obligations apply (not a Form item)."""

    established_in_union: Answer[bool] = spec(
        "AIA.54.1.established_in_union",
        audience=INTERNAL,
        title="Established in the Union",
        description="Whether the provider is established in the EU. Providers from third "
        "countries appoint an authorised representative before placing a model on the market.",
    )
    country: Text | None = spec(
        "AIA.54.1.country", audience=INTERNAL, default=None, title="Country", example="US"
    )
    sme: Answer[bool] = spec(
        "TDS.rule.sme",
        audience=INTERNAL,
        title="SME",
        description="Whether the provider is an SME (changes the top-domain rule "
        "of summary section 2.3).",
    )
    code_of_practice_signatory: Answer[bool] = spec(
        "TDS.3.1.signatory",
        audience=INTERNAL,
        title="Code of Practice signatory",
        description="Whether the provider signed the GPAI Code of Practice.",
    )
    documentation_contact: Answer[Text] = spec(
        "COP.T.1.2.publish_contact",
        title="Contact for documentation requests",
        audience=("aio", "nca", "dp", "public"),
        example="https://example.com/ai-documentation-requests",
        description="Public contact (web page or e-mail) through which the AI Office and "
        "downstream providers request the documentation.",
    )
    authorised_representative: AuthorisedRepresentative | None = spec(
        "AIA.54.1",
        title="Authorised representative in the Union",
        audience=("aio", "nca", "dp"),
        default=None,
    )
    worldwide_turnover_eur: Number | None = spec(
        "AIA.101.1",
        audience=INTERNAL,
        default=None,
        title="Annual worldwide turnover (EUR)",
        description="Preceding financial year's worldwide turnover, for the informational "
        "fine-exposure figure.",
    )


class ModelName(StrictModel):
    """The model's unique identifier, family and the versions covered."""

    name: Text = spec("MDF.general.model_name", example="Llama 3.1-405B")
    family: Text | None = spec("MDF.general.model_name", default=None, title="Model family")
    versions: list[Text] = spec(
        "MDF.general.model_name", default_factory=list, title="Publicly available versions covered"
    )


class Dependency(StrictModel):
    """A GPAI model this model modifies or fine-tunes."""

    name: Text = spec("MDF.general.model_dependencies", title="Model name")
    version: VersionText | None = spec(
        "MDF.general.model_dependencies", default=None, title="Version"
    )
    documentation_url: Text | None = spec(
        "MDF.general.model_dependencies", default=None, title="Link to its documentation"
    )
    summary_url: Text | None = spec(
        "MDF.general.model_dependencies.summary_url",
        default=None,
        audience=("aio", "nca", "dp"),
        title="Link to its public training-content summary",
    )


class General(StrictModel):
    legal_name: Answer[Text] = spec("MDF.general.legal_name", example="Example AI Labs Inc.")
    model_name: ModelName = spec("MDF.general.model_name")
    model_authenticity: Answer[Text] | None = spec(
        "MDF.general.model_authenticity", default=None, example="sha256:9f2c…"
    )
    release_date: Answer[Date] = spec("MDF.general.release_date", example="2025-09-01")
    union_market_release_date: Answer[Date] = spec(
        "MDF.general.union_market_release_date", example="2025-09-15"
    )
    model_dependencies: AnswerNA[list[Dependency]] = spec(
        "MDF.general.model_dependencies", example="N/A"
    )


class Properties(StrictModel):
    architecture: Answer[Text] = spec(
        "MDF.properties.architecture", example="Decoder-only transformer with mixture of experts"
    )
    design_specification: Answer[Text] = spec("MDF.properties.design_specification")
    input_modalities: Answer[list[ModalitySize]] = spec("MDF.properties.input_modalities")
    output_modalities: Answer[list[OutputModalitySize]] = spec("MDF.properties.output_modalities")
    total_model_size: Answer[Number] | None = spec(
        "MDF.properties.total_model_size",
        default=None,
        example="7.3*10^10",
        description="The parameter count. A document for several models gives each its own "
        "under `total_model_size_variants:` instead (MD030 asks for one or the other).",
    )
    parameter_range: Answer[ParameterRange] | None = spec(
        "MDF.properties.parameter_range",
        default=None,
        example="50B-100B",
        description="The range of the parameter count; for a document for several models, "
        "per model under `parameter_range_variants:`.",
    )
    size_as_written: Text | None = spec(
        "MDF.properties.size_as_written",
        default=None,
        title="Total model size as written",
        description="The sizes as the published documentation writes them, kept verbatim "
        "and shown in the Total model size row ('70 billion and 8 billion parameters "
        "respectively'); the figures the rules check are `total_model_size:` or each "
        "model's under `total_model_size_variants:`.",
        example="70 billion and 8 billion parameters respectively",
    )
    total_model_size_variants: list[VariantModelSize] = spec(
        "MDF.properties.total_model_size_variants",
        default_factory=list,
        title="Total model size of each model",
        description="For a document for several models (sizes or variants): each model's "
        "parameter count, `{model: vela-70b, value: 7.0*10^10}`.",
    )
    parameter_range_variants: list[VariantParameterRange] = spec(
        "MDF.properties.parameter_range_variants",
        default_factory=list,
        title="Parameter range of each model",
        description="Each model's parameter range, `{model: vela-70b, value: 50B-100B}`.",
    )
    input_modalities_variants: list[VariantInputModalities] = spec(
        "MDF.properties.input_modalities_variants",
        default_factory=list,
        title="Input modalities of each model",
        description="A model whose input sizes (context length) differ from the document's: "
        "`{model: vela-70b, modalities: [{modality: Text, max_size: 128,000 tokens}]}`.",
    )


class Distribution(StrictModel):
    channels_authorities: Answer[Text] = spec("MDF.distribution.channels_authorities")
    channels_dp: Answer[Text] = spec("MDF.distribution.channels_dp")
    license_link: Answer[Text] = spec(
        "MDF.distribution.license_link", example="https://example.com/model-licence"
    )
    license_category: Answer[LicenseCategory] = spec(
        "MDF.distribution.license_category", example="proprietary"
    )
    additional_assets: Answer[Text] | None = spec(
        "MDF.distribution.additional_assets", default=None
    )


class Use(StrictModel):
    acceptable_use_policy: Answer[Text] = spec(
        "MDF.use.acceptable_use_policy",
        example="https://example.com/aup",
        description="Link to the acceptable use policy, or `not_applicable:` with an explicit "
        "statement that there is none.",
    )
    intended_uses: Answer[Text] = spec("MDF.use.intended_uses")
    ai_system_types: Answer[Text] = spec("MDF.use.ai_system_types")
    integration_means: Answer[Text] = spec("MDF.use.integration_means")
    required_hardware: AnswerNA[Text] = spec("MDF.use.required_hardware")
    required_software: AnswerNA[Text] = spec("MDF.use.required_software")


class ModelDocumentation(DatedDocument):
    """Model documentation: every item of the Code's Model Documentation Form."""

    document: DocumentInfo = section("", "Document information")
    provider: ProviderStatus = section("", "Provider")
    general: General = section("1", "General information", "AIA.AXI.1.1.c")
    properties: Properties = section("2", "Model properties", "AIA.AXI.1.1.d")
    distribution: Distribution = section(
        "3", "Methods of distribution and licenses", "AIA.AXI.1.1.f"
    )
    use: Use = section("4", "Use", "AIA.AXI.1.1.a")
    training: Training = section("5", "Training process", "AIA.AXI.1.2.b")
    data: Data = section(
        "6", "Information on the data used for training, testing and validation", "AIA.AXI.1.2.c"
    )
    compute: Compute = section("7", "Computational resources (during training)", "AIA.AXI.1.2.d")
    energy: Energy = section(
        "8", "Energy consumption (during training and inference)", "AIA.AXI.1.2.e"
    )
    open_source: OpenSource | None = Field(
        default=None,
        title="Open-source exemption conditions",
        json_schema_extra={"x-catalogue-id": "AIA.53.2"},
    )
    systemic_risk: SystemicRisk | None = Field(
        default=None, title="Systemic risk", json_schema_extra={"x-catalogue-id": "AIA.52.1"}
    )
    modification: Modification | None = Field(
        default=None,
        title="Modification of a GPAI model",
        json_schema_extra={"x-catalogue-id": "GL.modifier_one_third"},
    )
    information_requests: list[InformationRequest] = Field(
        default_factory=list,
        title="Log of information requests",
        json_schema_extra={"x-catalogue-id": "COP.T.1.2.dp_additional_14d"},
    )
