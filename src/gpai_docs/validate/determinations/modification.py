"""Whether a modifier of a GPAI model becomes its provider (the GPAI guidelines).

The modification's compute is compared, exactly, with a share of the original's compute,
or of the guidelines' fallback figure when the original's is unknown.
"""

from __future__ import annotations

from fractions import Fraction

from gpai_docs.law.rulepack import RulePack
from gpai_docs.models import ModelDocumentation
from gpai_docs.models.model_documentation import Dependency
from gpai_docs.models.numbers import Quantity
from gpai_docs.validate.determinations.scope_and_systemic_risk import meets
from gpai_docs.validate.determinations.wording import Determination, flop_text


def dependencies(md: ModelDocumentation) -> list[Dependency]:
    deps = md.general.model_dependencies
    return [d for d in deps if isinstance(d, Dependency)] if isinstance(deps, list) else []


def _fallback_key(md: ModelDocumentation) -> str:
    systemic = md.modification is not None and md.modification.base_model_systemic_risk is True
    return f"modifier_fallback_flop_{'systemic' if systemic else 'gpai'}"


def modifier_base(md: ModelDocumentation, pack: RulePack) -> Fraction | None:
    """The original's compute, or the guidelines' fallback when it is unknown, exactly."""
    if md.modification is None:
        return None
    base = md.modification.base_model_flop
    if isinstance(base, Quantity):
        return base.exact
    return pack.exact(_fallback_key(md))


def modifier_threshold(md: ModelDocumentation, pack: RulePack) -> float | None:
    """The modification compute above which a modifier becomes provider, or None if not known."""
    base = modifier_base(md, pack)
    return None if base is None else float(pack.exact("modifier_compute_share") * base)


def modifier_is_provider(md: ModelDocumentation, pack: RulePack) -> bool | None:
    base = modifier_base(md, pack)
    if not dependencies(md) or md.modification is None or base is None:
        return None
    flop = md.modification.modification_flop
    if not isinstance(flop, Quantity):
        return None
    return meets(flop, "modifier_compute_share", pack, base)


def modifier(md: ModelDocumentation, pack: RulePack) -> Determination | None:
    """Whether the modifier becomes provider. Basis: Commission GPAI guidelines
    (GL.modifier_one_third, GL.modifier_fallback)."""
    becomes = modifier_is_provider(md, pack)
    base = modifier_base(md, pack)
    flop = md.modification.modification_flop if md.modification else None
    if becomes is None or base is None or md.modification is None or not isinstance(flop, Quantity):
        return None
    names = ", ".join(d.name for d in dependencies(md))
    given = md.modification.base_model_flop
    original = (
        f"the original's {flop_text(given)} FLOP ({names})"
        if isinstance(given, Quantity)
        else f"the {flop_text(base)} FLOP the guidelines assume for an original whose "
        f"compute is unknown ({names})"
    )
    key = "modifier_compute_share"
    comparison = pack.comparison(key)
    statement = (
        f"The modification's compute of {flop_text(flop)} FLOP is "
        f"{comparison.words if becomes else comparison.negated} {pack.exact(key)} of {original}"
    )
    return Determination(
        "modifier",
        "Modifier becomes provider",
        "Yes" if becomes else "No",
        statement
        + (": the documentation and summary cover the modification only." if becomes else "."),
        f"Commission GPAI guidelines {pack.cite('guidelines')} (GL.modifier_one_third, "
        "GL.modifier_fallback)",
        None,
        ("modifier_compute_share", "guidelines")
        + (() if isinstance(given, Quantity) else (_fallback_key(md),)),
    )
