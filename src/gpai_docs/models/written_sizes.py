"""Training data sizes as providers write them: the template's band beside their own words.

Section 1.3 asks each modality's size as one of the template's bands. Published summaries
print the band in their own spacing ("1billion to 10 trillions tokens", "10 000 to1
million hours": read as the band, printed in the rule pack's wording), and often give the
amount next to it or instead of it ("479 million images", "Up to 19.2 billion tokens").
Such an answer is kept verbatim, as a :class:`WrittenSize`; its ``band`` is the structured
part and is only ever the provider's own tick. A band that the text's amount falls in is read by
:func:`band_read_from` for rules (TS061, TS062); it is never printed as a tick.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Annotated, Any, Literal, cast

from pydantic import PlainSerializer, PlainValidator, TypeAdapter

from gpai_docs.law import rulepack
from gpai_docs.models._base import StrictModel, spec
from gpai_docs.models.answers import Text
from gpai_docs.models.choices import _fold, choice

_PACK = rulepack.load()
_TEXT: TypeAdapter[str] = TypeAdapter(Text)
_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
# An amount alone, perhaps approximate: "479 million images", "about 1.2 billion hours",
# "10,000 hours". A bound ("up to", "over"), a range or a sentence is no amount.
_GROUPED = r"\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+"
_AMOUNT = re.compile(
    r"^\s*(?:approximately|approx\.?|about|around|roughly|ca\.?|circa|~)?\s*"
    rf"(?P<number>{_GROUPED}|\d+(?:\.\d+)?)\s*"
    r"(?P<scale>thousand|million|billion|trillion)?\s+(?P<unit>[a-z]+)\s*\.?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class WrittenSize:
    """A size as written: the provider's text, and the band they ticked beside it, if any."""

    text: str
    band: str | None = None

    def __str__(self) -> str:
        return f"{self.band} ({self.text})" if self.band else self.text


@dataclass(frozen=True, slots=True)
class WrittenMeasure:
    """An approximate size in another unit, written as a sentence: kept as written."""

    text: str

    def __str__(self) -> str:
        return self.text


def _labels(modality: str) -> tuple[str, ...]:
    return _PACK.size_bands[modality].labels


def _picture(modality: str) -> type[StrictModel]:
    """The JSON Schema's picture of ``{band:, text:}`` for one modality (what is taken)."""
    band_type = Literal[_labels(modality)]  # type: ignore[valid-type]  # built from the pack
    cid = f"TDS.1.3.modality.{modality}.size"
    where: dict[str, Any] = {"audience": ("public",), "section": "1.3"}

    class SizeWithText(StrictModel):
        band: band_type | None = spec(cid, **where, default=None, title="Band ticked")  # type: ignore[valid-type]  # as above
        text: Text = spec(cid, **where, title="The size as written")

    SizeWithText.__name__ = f"{modality.capitalize()}SizeWithText"
    SizeWithText.__qualname__ = SizeWithText.__name__
    return SizeWithText


def _size_parser(modality: str) -> Any:
    labels = _labels(modality)
    folded = {_fold(label): label for label in labels}
    # The band's own check: an "enum" error with the closest band as the suggestion.
    band_of = cast("Callable[[Any], str]", choice(labels).func)

    def parse(raw: Any) -> str | WrittenSize:
        if isinstance(raw, WrittenSize):
            return raw
        if isinstance(raw, str):
            found = folded.get(_fold(raw))
            return found if found is not None else WrittenSize(_TEXT.validate_python(raw))
        if isinstance(raw, dict):
            unknown = set(raw) - {"band", "text"}
            if unknown:
                names = ", ".join(sorted(str(k) for k in unknown))
                raise ValueError(f"unknown field(s) {names}: a size takes `band:` and `text:`")
            band = band_of(raw["band"]) if raw.get("band") is not None else None
            if raw.get("text") is None:
                if band is None:
                    raise ValueError("give `band:` (one of the template's bands), `text:` or both")
                return band
            return WrittenSize(_TEXT.validate_python(raw["text"]), band)
        return band_of(raw)

    return parse


def _size_out(value: str | WrittenSize) -> Any:
    if isinstance(value, WrittenSize):
        return {"band": value.band, "text": value.text} if value.band else value.text
    return value


def _size(modality: str) -> tuple[PlainValidator, PlainSerializer]:
    literal = Literal[_labels(modality)]  # type: ignore[valid-type]  # built from the pack
    return (
        PlainValidator(
            _size_parser(modality),
            json_schema_input_type=literal | str | _picture(modality),
        ),
        PlainSerializer(_size_out),
    )


TextSize = Annotated[str | WrittenSize, *_size("text")]
ImageSize = Annotated[str | WrittenSize, *_size("image")]
AudioSize = Annotated[str | WrittenSize, *_size("audio")]
VideoSize = Annotated[str | WrittenSize, *_size("video")]
"""A size: one of the template's bands, or ``{band:, text:}`` / the text alone, kept."""


def measure_or_text(model: type[StrictModel]) -> Any:
    """The validator of ``custom_size``: ``{value:, unit:}``, or a sentence kept as written."""

    def parse(raw: Any) -> Any:
        if isinstance(raw, model | WrittenMeasure):
            return raw
        if isinstance(raw, str):
            return WrittenMeasure(_TEXT.validate_python(raw))
        return model.model_validate(raw)

    return PlainValidator(parse, json_schema_input_type=model | str)


def measure_out(value: Any) -> Any:
    return value.text if isinstance(value, WrittenMeasure) else value.model_dump(mode="json")


def band_ticked(size: object) -> str | None:
    """The band the provider ticked: the band itself, or the ``band:`` beside their text."""
    if isinstance(size, str):
        return size
    if isinstance(size, WrittenSize):
        return size.band
    return None


def amount_in(text: str, modality: str) -> Fraction | None:
    """The amount a size written in words states, in the template's unit for the modality.

    Only an amount alone ("479 million images", "about 10,000 hours") is read; a bound
    ("Up to 19.2 billion tokens"), a range or another unit is not an amount of the band's.
    """
    match = _AMOUNT.match(text[:120])
    if match is None:
        return None
    unit = (_PACK.size_bands[modality].unit or "").lower().rstrip("s")
    if match["unit"].lower().rstrip("s") != unit:
        return None
    written = match["number"]
    grouped = re.fullmatch(_GROUPED, written) is not None
    number = Fraction(re.sub(r"[ ,.\u00a0\u202f]", "", written) if grouped else written)
    scale = _SCALE[match["scale"].lower()] if match["scale"] else 1
    return number * scale


def band_read_from(size: object, modality: str) -> str | None:
    """The band the amount of a size written in words falls in (for rules, never ticked)."""
    if not isinstance(size, WrittenSize):
        return None
    amount = amount_in(size.text, modality)
    if amount is None:
        return None
    bucket = _PACK.size_bands[modality].bucket_for(float(amount))
    return bucket.label if bucket is not None else None
