"""The facts the AI Act's determinations need that are not Form items.

Open-source release, systemic-risk notification, modification of another model and the
log of information requests: they stay with the provider unless marked otherwise.
"""

from gpai_docs.models._base import StrictModel, spec
from gpai_docs.models.answers import Answer, AnswerNA, Text
from gpai_docs.models.dates import Date
from gpai_docs.models.model_choices import (
    INTERNAL,
    Requester,
)
from gpai_docs.models.numbers import Flop


class OpenSource(StrictModel):
    """The conditions of the open-source exemption (Art 53(2), recitals 103 and 104)."""

    free_open_source_license: Answer[bool] = spec(
        "AIA.53.2",
        audience=INTERNAL,
        title="Free and open-source licence",
        description="The licence allows access, use, modification and distribution.",
    )
    weights_public: Answer[bool] = spec("AIA.53.2", audience=INTERNAL, title="Weights are public")
    architecture_public: Answer[bool] = spec(
        "AIA.53.2", audience=INTERNAL, title="Architecture information is public"
    )
    usage_information_public: Answer[bool] = spec(
        "AIA.53.2", audience=INTERNAL, title="Usage information is public"
    )
    monetised: Answer[bool] = spec(
        "AIA.53.2",
        audience=INTERNAL,
        title="Monetised",
        description="Whether the model is monetised (recital 103): then the "
        "exemption does not apply.",
    )


class SystemicRisk(StrictModel):
    """Art 52 notification facts, for models at or above the systemic-risk threshold."""

    threshold_date: Date | None = spec(
        "AIA.52.1",
        audience=("aio",),
        default=None,
        title="Date the threshold was met or known",
        description="When training compute exceeded the threshold, or it became known it would.",
    )
    notification_date: Date | None = spec(
        "AIA.52.1", audience=("aio",), default=None, title="Date the Commission was notified"
    )
    designated: bool = spec(
        "AIA.51.1", audience=("aio",), default=False, title="Designated by the Commission"
    )


class Modification(StrictModel):
    """What a downstream modifier knows about its modification (Commission guidelines)."""

    modification_flop: Answer[Flop] = spec(
        "GL.modifier_one_third",
        audience=("aio", "nca"),
        title="Training compute of the modification",
    )
    base_model_flop: AnswerNA[Flop] = spec(
        "GL.modifier_one_third",
        audience=("aio", "nca"),
        title="Training compute of the base model",
        description="The original model's training compute, or an estimate; `not_applicable:` "
        "when it is unknown and cannot be estimated.",
    )
    base_model_systemic_risk: Answer[bool] = spec(
        "GL.modifier_fallback", audience=("aio", "nca"), title="Base model has systemic risk"
    )


class InformationRequest(StrictModel):
    """One request for documentation and how it was answered."""

    requester: Requester = spec("COP.T.1.2.aio_request", audience=INTERNAL, title="Requester")
    received: Date = spec("COP.T.1.2.dp_additional_14d", audience=INTERNAL, title="Received")
    answered: Date | None = spec(
        "COP.T.1.2.dp_additional_14d", audience=INTERNAL, default=None, title="Answered"
    )
    deadline: Date | None = spec(
        "COP.T.1.2.aio_request.deadline",
        audience=INTERNAL,
        default=None,
        title="Deadline stated in the request",
    )
    exceptional_circumstances: Text | None = spec(
        "COP.T.1.2.dp_additional_14d",
        audience=INTERNAL,
        default=None,
        title="Exceptional circumstances justifying a later answer",
    )
