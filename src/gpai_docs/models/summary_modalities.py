"""Section 1.3 of the summary: the modalities of the training data and their sizes.

Each modality's size and the provider's own count carry that modality's catalogue id
(the count's is derived, see data/derived_ids.json), never another modality's.
"""

from typing import Annotated, Any

from pydantic import PlainSerializer

from gpai_docs.models._base import StrictModel, spec
from gpai_docs.models.answers import Answer, Text
from gpai_docs.models.numbers import Number
from gpai_docs.models.written_sizes import (
    AudioSize,
    ImageSize,
    TextSize,
    VideoSize,
    WrittenMeasure,
    measure_or_text,
    measure_out,
)

PUBLIC = ("public",)
INTERNAL = ("internal",)


def public(catalogue_id: str, **kwargs: Any) -> Any:
    """A public field of the summary, numbered by the template section in its id."""
    parts = catalogue_id.split(".")[1:]
    numbers = []
    for part in parts:
        if not part.isdigit():
            break
        numbers.append(part)
    sec = ".".join(numbers)
    return spec(catalogue_id, audience=PUBLIC, section=sec or None, **kwargs)


_public = public


class CustomSize(StrictModel):
    value: Number = _public("TDS.1.3.modality.custom_size", title="Approximate size")
    unit: Text = _public("TDS.1.3.modality.custom_size", title="Unit", example="documents")


_SIZE_FIELD: dict[str, Any] = {
    "default": None,
    "description": "One of the template's bands, as printed or in its exact words. To give "
    "the amount as well, or instead: `{band: <band>, text: <the size in your words>}`, or "
    "the text alone; the text is published as written.",
}


Measure = Annotated[
    CustomSize | WrittenMeasure, measure_or_text(CustomSize), PlainSerializer(measure_out)
]
"""An approximate size in another unit: ``{value:, unit:}``, or a sentence kept as written."""


def _count(modality: str, unit: str) -> Any:
    """The provider's own count of one modality: its own catalogue id, kept internal."""
    return spec(
        f"TDS.1.3.modality.{modality}.count",
        audience=INTERNAL,
        default=None,
        title="Counted size in the template's unit",
        description=f"The provider's own count ({unit}), checked against the band; kept internal.",
    )


class _ModalityBase(StrictModel):
    custom_size: Measure | None = _public(
        "TDS.1.3.modality.custom_size",
        default=None,
        description="An approximate size in another unit: `{value:, unit:}`, or a measure in "
        'your own words, published as written ("11 trillion tokens as tokenized by our '
        'tokenizer").',
    )
    count: Number | None = None  # each modality declares its own, with its own id
    content_types: Answer[Text] = _public("TDS.1.3.modality.content_types")


class TextModality(_ModalityBase):
    count: Number | None = _count("text", "tokens")
    size: Answer[TextSize] | None = _public("TDS.1.3.modality.text.size", **_SIZE_FIELD)


class ImageModality(_ModalityBase):
    count: Number | None = _count("image", "images")
    size: Answer[ImageSize] | None = _public("TDS.1.3.modality.image.size", **_SIZE_FIELD)


class AudioModality(_ModalityBase):
    count: Number | None = _count("audio", "hours")
    size: Answer[AudioSize] | None = _public("TDS.1.3.modality.audio.size", **_SIZE_FIELD)


class VideoModality(_ModalityBase):
    count: Number | None = _count("video", "hours")
    size: Answer[VideoSize] | None = _public("TDS.1.3.modality.video.size", **_SIZE_FIELD)


class OtherModality(StrictModel):
    name: Text = _public("TDS.1.3.modality.other", title="Modality", example="Image and video")
    size: CustomSize = _public("TDS.1.3.modality.other", title="Size")
    content_types: Answer[Text] = _public("TDS.1.3.modality.content_types")


class Modalities(StrictModel):
    text: Answer[TextModality] | None = _public(
        "TDS.1.3.modality.text.size", default=None, title="Text"
    )
    image: Answer[ImageModality] | None = _public(
        "TDS.1.3.modality.image.size", default=None, title="Image"
    )
    audio: Answer[AudioModality] | None = _public(
        "TDS.1.3.modality.audio.size", default=None, title="Audio"
    )
    video: Answer[VideoModality] | None = _public(
        "TDS.1.3.modality.video.size", default=None, title="Video"
    )
    other: Answer[list[OtherModality]] = _public(
        "TDS.1.3.modality.other", default_factory=list, title="Other"
    )
