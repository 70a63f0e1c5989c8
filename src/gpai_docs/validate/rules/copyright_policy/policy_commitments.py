"""Copyright policy rules on Measure 1.1, the policy itself: the commitments every provider
makes (across Measures 1.1 to 1.5) and the policy's date."""

from __future__ import annotations

from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.answers import NotApplicable
from gpai_docs.models.dates import known
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.copyright_policy._document import CP, NEEDS


@rule(
    "CP009",
    "required-measures-answered",
    severity=Severity.ERROR,
    reference="CoP Copyright Measures 1.1 to 1.5",
    catalogue=(
        "COP.C.1.1.responsibilities",
        "COP.C.1.2.lawful_access",
        "COP.C.1.2.no_tpm_circumvention",
        "COP.C.1.4.technical_safeguards",
        "COP.C.1.5.handling",
        "VR-26",
    ),
    needs=NEEDS,
)
def required_measures_answered(context: RuleContext) -> Iterator[Finding]:
    """Commitments that apply to every provider are not marked not applicable.

    Why: assigning responsibilities, lawful access without circumventing paywalls, output
    safeguards and complaint handling apply whatever the provider's data sources (VR-26).
    Only crawler-specific sections may be not applicable.

    Passes:
        responsibilities: [{role: General Counsel, responsibility: Owns the policy.}]

    Fails:
        responsibilities: {not_applicable: We are a small team.}
    """
    cp = context.cp
    answers = (
        (("responsibilities",), cp.responsibilities),
        (("lawful_access", "lawful_access"), cp.lawful_access.lawful_access),
        (("lawful_access", "paywalls"), cp.lawful_access.paywalls),
        (("output_safeguards", "technical_safeguards"), cp.output_safeguards.technical_safeguards),
        (("contact", "handling"), cp.contact.handling),
    )
    for path, answer in answers:
        if isinstance(answer, NotApplicable):
            yield Finding(
                CP,
                path,
                f"`{'.'.join(path)}` is marked not applicable, but this commitment applies to "
                "every provider",
                hint="Describe how the commitment is implemented.",
            )


@rule(
    "CP010",
    "policy-date-not-in-future",
    severity=Severity.ERROR,
    reference="CoP Copyright Measure 1.1 (keep the policy up to date)",
    catalogue=("COP.C.1.1.policy", "VR-26"),
    needs=NEEDS,
)
def policy_date_not_in_future(context: RuleContext) -> Iterator[Finding]:
    """The policy's last-updated date is not in the future.

    Why: the policy is kept up to date and carries its own version and date; a date after
    the validation date is a typo.

    Passes:
        document: {last_updated: 2025-10-01}

    Fails:
        document: {last_updated: 2099-01-01}
    """
    updated = known(context.cp.document.last_updated)  # DT001 asks about an unclear one
    if updated is not None and updated > context.as_of:
        yield Finding(
            CP,
            ("document", "last_updated"),
            f"The last-updated date {updated} is after {context.as_of}, the date the documents "
            "are checked on",
            hint="Use the date of this version.",
        )
