"""The sizes of a model the Form asks for: each input and output modality with its maximum
size, and, for a document for several models (sizes or variants), each model's own figures.
"""

from gpai_docs.models._base import StrictModel, spec
from gpai_docs.models.answers import AnswerNA, Text
from gpai_docs.models.model_choices import Modality, ParameterRange
from gpai_docs.models.numbers import Flop, Number


class ModalitySize(StrictModel):
    """One input modality and its maximum size."""

    modality: Modality = spec("MDF.properties.input_modalities", title="Modality")
    other_name: Text | None = spec(
        "MDF.properties.input_modalities", default=None, title="Name of the other modality"
    )
    max_size: AnswerNA[Text] = spec(
        "MDF.properties.input_modalities", title="Maximum size", example="128,000 tokens"
    )


class OutputModalitySize(ModalitySize):
    """One output modality and its maximum size: the same row, under the output item."""

    modality: Modality = spec("MDF.properties.output_modalities", title="Modality")
    other_name: Text | None = spec(
        "MDF.properties.output_modalities", default=None, title="Name of the other modality"
    )
    max_size: AnswerNA[Text] = spec(
        "MDF.properties.output_modalities", title="Maximum size", example="128,000 tokens"
    )


class VariantInputSize(ModalitySize):
    """One input modality and its maximum size (the context length) of one model of several."""

    modality: Modality = spec("MDF.properties.input_modalities_variants", title="Modality")
    other_name: Text | None = spec(
        "MDF.properties.input_modalities_variants",
        default=None,
        title="Name of the other modality",
    )
    max_size: AnswerNA[Text] = spec(
        "MDF.properties.input_modalities_variants",
        title="Maximum size",
        example="128,000 tokens",
    )


# For documentation of several models (sizes or variants) in one document, each per-model
# item of the Form also holds one entry per model: `<item>_variants: [{model:, value:}]`.
# Each model placed on the market is a model in its own right (AI Act Art 3(63)): the
# rules check each entry, and the thresholds of Art 51 and of the GPAI guidelines apply to
# each (validate/determinations/scope_and_systemic_risk.py). The Form's row shows one line
# per model after the document's own value.
_MODEL = "The model's name, as the document names it."


class VariantModelSize(StrictModel):
    """One model's total model size."""

    model: Text = spec(
        "MDF.properties.total_model_size_variants", title="Model", description=_MODEL
    )
    value: Number = spec(
        "MDF.properties.total_model_size_variants", title="Total model size", example="7.0*10^10"
    )


class VariantParameterRange(StrictModel):
    """One model's parameter range."""

    model: Text = spec("MDF.properties.parameter_range_variants", title="Model", description=_MODEL)
    value: ParameterRange = spec(
        "MDF.properties.parameter_range_variants", title="Parameter range", example="50B-100B"
    )


class VariantInputModalities(StrictModel):
    """One model's input modalities and their maximum sizes (its context length)."""

    model: Text = spec(
        "MDF.properties.input_modalities_variants", title="Model", description=_MODEL
    )
    modalities: list[VariantInputSize] = spec(
        "MDF.properties.input_modalities_variants", title="Input modalities"
    )


class VariantFlopNca(StrictModel):
    """One model's training compute, order of magnitude (the authorities' row)."""

    model: Text = spec("MDF.compute.training_flop_nca_variants", title="Model", description=_MODEL)
    value: Flop = spec(
        "MDF.compute.training_flop_nca_variants", title="Training compute", example="10^24"
    )


class VariantFlopAio(StrictModel):
    """One model's training compute with two significant figures (the AI Office row)."""

    model: Text = spec("MDF.compute.training_flop_aio_variants", title="Model", description=_MODEL)
    value: Flop = spec(
        "MDF.compute.training_flop_aio_variants", title="Training compute", example="3.7*10^24"
    )
