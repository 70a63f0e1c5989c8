"""The models one model documentation describes: the document's own figures, and for a
document for several models (sizes or variants) each model's, from the `<item>_variants:`
lists (`{model: vela-70b, value: 7.0*10^10}`).

A rule on a per-model figure checks each model's figure in its own place and names the
model in its message. A model is every name the lists give, in the order first given.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gpai_docs.diagnostics import JsonPath
from gpai_docs.models import ModelDocumentation

# (section, item): the Form items that hold one entry per model.
PER_MODEL = (
    ("properties", "total_model_size"),
    ("properties", "parameter_range"),
    ("properties", "input_modalities"),
    ("compute", "training_flop_nca"),
    ("compute", "training_flop_aio"),
)


@dataclass(frozen=True, slots=True)
class ModelFigures:
    """One model's figures, each with the place it is written."""

    name: str | None  # None: the document's own figures
    figures: dict[str, tuple[object, JsonPath]] = field(default_factory=dict)

    def get(self, item: str) -> object:
        return self.figures.get(item, (None, ()))[0]

    def place(self, item: str) -> JsonPath:
        return self.figures.get(item, (None, ()))[1]

    def about(self, message: str) -> str:
        """The message, naming the model when the document describes several."""
        return message if self.name is None else f"{self.name}: {message[0].lower()}{message[1:]}"


def models(md: ModelDocumentation) -> list[ModelFigures]:
    """The document's own figures, then each named model's (a figure not given is absent)."""
    own = ModelFigures(None)
    named: dict[str, ModelFigures] = {}
    for section, item in PER_MODEL:
        record = getattr(md, section)
        own.figures[item] = (getattr(record, item), (section, item))
        for index, entry in enumerate(getattr(record, f"{item}_variants")):
            model = named.setdefault(entry.model, ModelFigures(entry.model))
            value = entry.modalities if item == "input_modalities" else entry.value
            place: JsonPath = (section, f"{item}_variants", index, "value")
            model.figures.setdefault(item, (value, place))
    return [own, *named.values()]


def model_names(md: ModelDocumentation) -> list[str]:
    """The names of the models a document for several models describes (none: one model)."""
    return [m.name for m in models(md)[1:] if m.name is not None]
