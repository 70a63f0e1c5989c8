"""How "not applicable" is written: one set, for the answers and the model base alike."""

from __future__ import annotations

# "N/A" and "Not applicable" are one answer, however written: the Form's N/A where the
# Form allows it, and elsewhere an answer that still has to say why it does not apply.
NOT_APPLICABLE = frozenset(
    {
        "n/a",
        "n/a.",
        "na",
        "n.a.",
        "n.a",
        "not applicable",
        "not applicable.",
        "not-applicable",
    }
)


def is_not_applicable(text: str) -> bool:
    """Whether text is ``N/A`` or ``Not applicable`` (in any case, with or without a dot)."""
    return " ".join(text.split()).lower() in NOT_APPLICABLE
