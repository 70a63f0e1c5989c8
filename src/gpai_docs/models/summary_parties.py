"""Section 1.1 of the summary: the provider and its authorised representative.

Published summaries write each of these cells as one block (name, address, e-mail). Such
a block, given as plain text, is kept as written and published as written; the split into
``name`` and ``contact`` is optional, not forced. Rules that need the name (matching names
across documents) read ``name``: the split name when given, else the block's first line.
"""

from __future__ import annotations

from typing import Annotated, Any, Self

from pydantic import BeforeValidator, model_validator

from gpai_docs.models._base import StrictModel
from gpai_docs.models.answers import Answer, Text
from gpai_docs.models.summary_modalities import public as _public

_BLOCK = (
    "The cell as the summary writes it, in one block (name, address, e-mail), published as "
    "written: write the party itself as plain text (`provider: |` and the lines), or "
    "`block:` beside `name:`. Without `name:`, the first line is the name rules compare."
)


class Party(StrictModel):
    """A provider or representative: its name and contact, or the block as written, or both.

    Published summaries write the cell as one block (name, address, e-mail): given as plain
    text, it is kept verbatim in ``block`` and its first line is the name rules use.
    """

    name: Answer[Text] = _public("TDS.1.1.provider", default=None, title="Name")
    contact: Answer[Text] | None = _public(
        "TDS.1.1.provider", default=None, title="Contact details"
    )
    block: Text | None = _public(
        "TDS.1.1.provider", default=None, title="As written", description=_BLOCK
    )

    @model_validator(mode="before")
    @classmethod
    def _from_block(cls, data: Any) -> Any:
        if isinstance(data, str):
            data = {"block": data}
        if isinstance(data, dict) and data.get("name") is None:
            block = data.get("block")
            first = first_line(block) if isinstance(block, str) else None
            if first is not None:
                return {**data, "name": first}
        return data

    @model_validator(mode="after")
    def _complete(self) -> Self:
        if self.name is None:  # neither a name nor a block: the default was left
            raise ValueError("give `name:` and `contact:`, or the block as written (plain text)")
        if self.contact is None and self.block is None:
            raise ValueError("give `contact:` beside `name:`, or the block as written")
        return self


class Representative(Party):
    """The authorised representative: a party, under the template's own item for it."""

    name: Answer[Text] = _public("TDS.1.1.authorised_rep.name", default=None, title="Name")
    contact: Answer[Text] | None = _public(
        "TDS.1.1.authorised_rep.contact", default=None, title="Contact details"
    )
    block: Text | None = _public(
        "TDS.1.1.authorised_rep", default=None, title="As written", description=_BLOCK
    )


def first_line(block: str) -> str | None:
    """The first written line of a block: the name a block gives first."""
    return next((line.strip() for line in block.splitlines() if line.strip()), None)


def _as_block(raw: Any) -> Any:
    return {"block": raw} if isinstance(raw, str) else raw


ProviderAnswer = Annotated[Party, BeforeValidator(_as_block, json_schema_input_type=Party | str)]
"""The provider: ``{name:, contact:}``, the block as written (plain text), or both."""

RepresentativeAnswer = Annotated[
    Representative, BeforeValidator(_as_block, json_schema_input_type=Representative | str)
]
"""The authorised representative, in the same forms."""
