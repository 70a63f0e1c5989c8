"""Whether the model is a GPAI model (Art 3(63)) and whether it has systemic risk (Art 51).

Thresholds come from the rule pack, with the comparison its catalogue names, and written
figures are compared with them exactly (as fractions, never as the nearest float).

A document for several models (the `*_variants:` lists, "70 billion and 8 billion
parameters respectively") describes several models, each placed on the market in its own right and
each a model for Art 3(63) and Art 51. The rules check each model's figures in its place
(MD010 warns for each model that misses the indicative GPAI criterion). The document's
determinations decide for the model with the largest training compute, and say which: one
document carries the obligations of its most demanding model, so that a document
describing a model presumed to have systemic risk must carry Annex XI Section 2, and the
open-source exemption is lost for that model (Art 53(2)). The smaller models are not
thereby presumed to have systemic risk; the statement names the model decided for.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from gpai_docs.law.rulepack import RulePack
from gpai_docs.models import ModelDocumentation
from gpai_docs.models.model_documentation import ModalitySize
from gpai_docs.models.numbers import Quantity
from gpai_docs.validate.determinations.deadlines import notification_deadline, shown_date
from gpai_docs.validate.determinations.wording import Determination, flop_text

_GENERATIVE = {"Text", "Audio", "Images", "Video"}


def own_compute(aio: object, nca: object) -> Quantity | None:
    """A model's training compute as written: the AI Office figure, else the authorities'."""
    for value in (aio, nca):
        if isinstance(value, Quantity):
            return value
    return None


def model_computes(md: ModelDocumentation) -> list[tuple[str | None, Quantity]]:
    """(model, compute) for the document's own figure (model None) and each model that gives
    its own in `training_flop_aio_variants:` (else `training_flop_nca_variants:`)."""
    compute = md.compute
    own = own_compute(compute.training_flop_aio, compute.training_flop_nca)
    out: list[tuple[str | None, Quantity]] = [(None, own)] if own is not None else []
    aio = {entry.model: entry.value for entry in compute.training_flop_aio_variants}
    nca = {entry.model: entry.value for entry in compute.training_flop_nca_variants}
    for name in dict.fromkeys([*aio, *nca]):
        out.append((name, aio.get(name) or nca[name]))
    return out


def training_compute(md: ModelDocumentation) -> Quantity | None:
    """The training compute the document's determinations decide on: the model's, or for a
    document for several models the largest of them (compared exactly)."""
    computes = [compute for _, compute in model_computes(md)]
    return max(computes, key=lambda q: q.exact) if computes else None


def _of(md: ModelDocumentation, compute: Quantity) -> str:
    """How a statement opens: "Training compute of ", naming the model when the compute
    decided on is one variant's of several."""
    name = next((n for n, c in model_computes(md) if c is compute), None)
    if name is None:
        return "Training compute of "
    return f"Training compute of {name} (the largest of the models documented): "


def training_flop(md: ModelDocumentation) -> float | None:
    """The training compute as the nearest float: for measurements, never for thresholds."""
    compute = training_compute(md)
    return compute.value if compute else None


def meets(value: Quantity, key: str, pack: RulePack, base: Fraction = Fraction(1)) -> bool:
    """Whether a written number meets the threshold ``key`` (times ``base``), exactly."""
    return pack.comparison(key).holds(value.exact, pack.exact(key) * base)


def compared(value: Quantity, key: str, pack: RulePack) -> str:
    """``<value> FLOP is [not] greater than <threshold> FLOP``, in the catalogue's words."""
    comparison = pack.comparison(key)
    words = comparison.words if meets(value, key, pack) else comparison.negated
    return f"{flop_text(value)} FLOP is {words} {flop_text(pack.exact(key))} FLOP"


def is_generative(md: ModelDocumentation) -> bool:
    outputs = md.properties.output_modalities
    return isinstance(outputs, list) and any(
        isinstance(m, ModalitySize) and m.modality in _GENERATIVE for m in outputs
    )


def gpai_indicated(md: ModelDocumentation, pack: RulePack) -> bool | None:
    """The guidelines' indicative criterion (compute and generative output); None if unknown."""
    compute = training_compute(md)
    if compute is None:
        return None
    return meets(compute, "gpai_indicative_flop", pack) and is_generative(md)


def compute_presumes_systemic_risk(md: ModelDocumentation, pack: RulePack) -> bool:
    compute = training_compute(md)
    return compute is not None and meets(compute, "systemic_risk_flop", pack)


def systemic_risk_presumed(md: ModelDocumentation, pack: RulePack) -> bool:
    designated = md.systemic_risk is not None and md.systemic_risk.designated
    return designated or compute_presumes_systemic_risk(md, pack)


def scope(md: ModelDocumentation, pack: RulePack) -> Determination:
    """Whether the model is likely a GPAI model. Basis: Commission GPAI guidelines
    (GL.gpai_indicative); AI Act Art 3(63)."""
    compute = training_compute(md)
    if compute is None:
        outcome = "Unknown"
        statement = (
            "Training compute is not given, so the indicative GPAI criterion cannot be applied."
        )
    elif gpai_indicated(md, pack):
        outcome = "Likely a GPAI model"
        statement = (
            _of(md, compute) + f"{compared(compute, 'gpai_indicative_flop', pack)} and the "
            "model generates language, images or video."
        )
    else:
        outcome = "May be out of scope"
        link = " but" if meets(compute, "gpai_indicative_flop", pack) else " and"
        generative = (
            ""
            if is_generative(md)
            else f"{link} the model does not generate language, images or video"
        )
        statement = (
            _of(md, compute) + f"{compared(compute, 'gpai_indicative_flop', pack)}"
            f"{generative}; the indicative criterion is not met and Art 3(63) decides."
        )
    return Determination(
        "gpai_scope",
        "General-purpose AI model",
        outcome,
        statement,
        f"Commission GPAI guidelines {pack.cite('guidelines')} (GL.gpai_indicative); "
        "AI Act Art 3(63)",
        None,
        ("gpai_indicative_flop", "guidelines"),
    )


def _systemic_statement(
    md: ModelDocumentation, pack: RulePack, systemic: bool, deadline: dt.date | None
) -> str:
    """Why systemic risk is presumed or not, and when to notify the Commission if it is."""
    compute = training_compute(md)
    if systemic:
        reason = (
            _of(md, compute) + f"{compared(compute, 'systemic_risk_flop', pack)}, so "
            "systemic risk is presumed"
            if compute is not None and compute_presumes_systemic_risk(md, pack)
            else "The model is designated as a model with systemic risk"
        )
        when = (
            f"notify the Commission by {shown_date(deadline)}"
            if deadline
            else "notify the Commission without delay and within "
            f"{pack['notification_days']} days of the threshold being met or known"
        )
        return (
            f"{reason}; {when}. The Safety and Security chapter and Annex XI Section 2 "
            "apply, and the open-source exemption does not."
        )
    if compute is None:
        return (
            "Training compute is not given, so the presumption of Art 51(2) cannot be "
            "applied; the model is not designated."
        )
    return (
        _of(md, compute) + f"{compared(compute, 'systemic_risk_flop', pack)} and the "
        "model is not designated."
    )


def systemic_risk(md: ModelDocumentation, pack: RulePack) -> Determination:
    """Whether systemic risk is presumed, and the notification deadline. Basis: AI Act
    Art 51(2), Art 52(1)."""
    deadline = notification_deadline(md, pack)
    systemic = systemic_risk_presumed(md, pack)
    # Without the compute figure the presumption is neither met nor missed: say so.
    unknown = not systemic and training_compute(md) is None
    return Determination(
        "systemic_risk",
        "Systemic risk",
        "Presumed" if systemic else "Unknown" if unknown else "Not presumed",
        _systemic_statement(md, pack, systemic, deadline),
        "AI Act Art 51(2), Art 52(1)",
        deadline,
        ("systemic_risk_flop", "notification_days"),
    )
