"""Form section 2, training: data, time, compute and energy of the model's training."""

from gpai_docs.models._base import StrictModel, spec
from gpai_docs.models.answers import Answer, AnswerNA, Text
from gpai_docs.models.model_choices import (
    Modality,
    Provenance,
    TrainingTimeBucket,
)
from gpai_docs.models.model_sizes import VariantFlopAio, VariantFlopNca
from gpai_docs.models.numbers import EnergyMWh, Flop, Number
from gpai_docs.models.written_months import MonthText


class Training(StrictModel):
    design_specification: Answer[Text] = spec("MDF.training.design_specification")
    decision_rationale: Answer[Text] = spec("MDF.training.decision_rationale")


class DataCount(StrictModel):
    """A number of data points with its unit."""

    value: Number = spec("MDF.data.num_data_points.aio", title="Number", example="1.5*10^13")
    unit: Text = spec("MDF.data.num_data_points.aio", title="Unit", example="tokens")
    modality: Modality | None = spec("MDF.data.num_data_points.aio", default=None, title="Modality")


class Data(StrictModel):
    type_modality: Answer[list[Modality]] = spec("MDF.data.type_modality")
    other_modality: Text | None = spec(
        "MDF.data.other_modality", default=None, title="Other modality (specify)"
    )
    provenance: Answer[list[Provenance]] = spec("MDF.data.provenance")
    provenance_other: Text | None = spec(
        "MDF.data.provenance_other", default=None, title="Other provenance (specify)"
    )
    obtained_selected: Answer[Text] = spec("MDF.data.obtained_selected")
    num_data_points_nca: Answer[Text] = spec(
        "MDF.data.num_data_points.nca", example="About 10^13 tokens"
    )
    num_data_points_aio: Answer[list[DataCount]] = spec("MDF.data.num_data_points.aio")
    scope_characteristics: Answer[Text] = spec("MDF.data.scope_characteristics")
    curation: Answer[Text] = spec("MDF.data.curation")
    unsuitability_measures: Answer[Text] = spec("MDF.data.unsuitability_measures")
    bias_measures: Answer[Text] = spec("MDF.data.bias_measures")
    latest_acquisition_date: MonthText | None = spec(
        "MDF.data.latest_acquisition_date",
        audience=("aio", "nca"),
        default=None,
        title="Latest data acquisition date (MM/YYYY)",
        example="05/2025",
        description="Latest date of data acquisition for model training, as MM/YYYY. To "
        'keep your own words, give both: `{month: 05/2025, text: "Up to May 2025; we may '
        'update"}`; the text is shown as written, and a text without a month is kept and '
        "flagged (DT002).",
    )


class TrainingTime(StrictModel):
    """Training time as the AI Office row asks: wall-clock days and hardware-days."""

    wall_clock_days: Number = spec("MDF.compute.training_time.aio", title="Wall-clock days")
    hardware_days: Number = spec(
        "MDF.compute.training_time.aio",
        title="Hardware-days",
        description="Accelerator-days: days multiplied by accelerators.",
    )
    hardware: Text | None = spec(
        "MDF.compute.training_time.aio",
        default=None,
        title="Accelerators",
        example="16,384 H100 GPUs",
    )


class Compute(StrictModel):
    training_time_nca: Answer[TrainingTimeBucket] = spec("MDF.compute.training_time.nca")
    training_time_aio: Answer[TrainingTime] = spec("MDF.compute.training_time.aio")
    training_flop_nca: Answer[Flop] = spec(
        "MDF.compute.training_flop.nca",
        description="The order of magnitude of the AI Office row below: the power of ten at or "
        "just under it, so an AI Office row of 3.7*10^24 FLOP gives 10^24.",
        example="10^24",
    )
    training_flop_nca_variants: list[VariantFlopNca] = spec(
        "MDF.compute.training_flop_nca_variants",
        default_factory=list,
        title="Training compute of each model (NCA row)",
        description="Each model's order of magnitude, `{model: vela-70b, value: 10^24}`.",
    )
    training_flop_aio: Answer[Flop] = spec("MDF.compute.training_flop.aio", example="3.7*10^24")
    training_flop_aio_variants: list[VariantFlopAio] = spec(
        "MDF.compute.training_flop_aio_variants",
        default_factory=list,
        title="Training compute of each model (AI Office row)",
        description="For a document for several models (sizes or variants): each model's "
        "training compute, `{model: vela-70b, value: 6.4*10^24}`.",
    )
    methodology: Answer[Text] = spec("MDF.compute.methodology")


class InferenceBenchmark(StrictModel):
    task: Text = spec(
        "MDF.energy.inference_methodology",
        title="Benchmark task",
        example="Generating 100,000 tokens",
    )
    hardware: Text = spec(
        "MDF.energy.inference_methodology", title="Hardware", example="64 Nvidia A100s"
    )


class Energy(StrictModel):
    training_mwh: AnswerNA[EnergyMWh] = spec(
        "MDF.energy.training",
        example="2.1*10^3",
        description="Energy used for training in MWh (measured or estimated), or "
        "`not_applicable:` stating what information a compute or hardware provider withholds.",
    )
    methodology: Answer[Text] = spec("MDF.energy.methodology")
    inference_compute_flop: Answer[Flop] = spec("MDF.energy.inference_compute", example="5.1*10^17")
    inference_methodology: Answer[InferenceBenchmark] = spec("MDF.energy.inference_methodology")
