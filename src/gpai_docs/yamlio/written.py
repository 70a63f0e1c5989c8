"""Numbers that remember how they were written.

An unquoted ``3.0e23`` is the float 3e23 to YAML and JSON alike, and the float has lost
what the writer said: two significant figures, not one. The readers (``yamlio.values``
for YAML, ``load.json_text`` for JSON) hand on every number as one of these: equal to the
number, usable wherever it is, and carrying its ``text`` (``3.0e23``, ``1.10``, ``010``)
for the models that keep precision as written (``models.numbers``).
"""

from __future__ import annotations

from typing import Any

import yaml


class WrittenInt(int):
    """An integer with the text it was written as (``010`` is 10, written ``010``)."""

    text: str

    def __new__(cls, value: int, text: str) -> WrittenInt:
        number = super().__new__(cls, value)
        number.text = text
        return number

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles keep the text
        return (WrittenInt, (int(self), self.text))


class WrittenFloat(float):
    """A float with the text it was written as (``3.0e23``, ``1.10``)."""

    text: str

    def __new__(cls, value: float, text: str) -> WrittenFloat:
        number = super().__new__(cls, value)
        number.text = text
        return number

    def __reduce__(self) -> tuple[Any, ...]:
        return (WrittenFloat, (float(self), self.text))


def written(value: Any, text: str) -> Any:
    """``value`` as read from ``text``: numbers keep the text, anything else is unchanged."""
    if isinstance(value, bool):  # true and false are ints to Python, words to the reader
        return value
    if isinstance(value, int):
        return WrittenInt(value, text)
    if isinstance(value, float):
        return WrittenFloat(value, text)
    return value


def written_text(value: Any) -> str | None:
    """The text a number read from a document was written as, or None."""
    return value.text if isinstance(value, WrittenInt | WrittenFloat) else None


# PyYAML looks a representer up by the exact type: without these, dumping loaded data
# (a test patching a sample, a tool writing it back) would fail on a WrittenInt.
for _representer in (yaml.representer.SafeRepresenter, yaml.representer.Representer):
    _representer.add_representer(WrittenInt, yaml.representer.SafeRepresenter.represent_int)
    _representer.add_representer(WrittenFloat, yaml.representer.SafeRepresenter.represent_float)
