"""Section 1.3 of the summary: the modalities of the training data and their sizes.

Each modality's size, the provider's own count, the size in another unit and the types
of content carry that modality's catalogue id (all but the size's are derived, see
data/derived_ids.json), never another modality's: the template asks these items once per
modality row.
"""

from typing import Annotated, Any

from pydantic import PlainSerializer

from gpai_docs.law.catalogue import entry
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
    """An approximate size in another unit: a value and its unit. Each modality's own
    subclass ties them to that modality's catalogue id."""

    value: Number
    unit: Text


class TextCustomSize(CustomSize):
    value: Number = _public("TDS.1.3.modality.text.custom_size", title="Approximate size")
    unit: Text = _public("TDS.1.3.modality.text.custom_size", title="Unit", example="documents")


class ImageCustomSize(CustomSize):
    value: Number = _public("TDS.1.3.modality.image.custom_size", title="Approximate size")
    unit: Text = _public("TDS.1.3.modality.image.custom_size", title="Unit", example="documents")


class AudioCustomSize(CustomSize):
    value: Number = _public("TDS.1.3.modality.audio.custom_size", title="Approximate size")
    unit: Text = _public("TDS.1.3.modality.audio.custom_size", title="Unit", example="documents")


class VideoCustomSize(CustomSize):
    value: Number = _public("TDS.1.3.modality.video.custom_size", title="Approximate size")
    unit: Text = _public("TDS.1.3.modality.video.custom_size", title="Unit", example="documents")


class OtherSize(CustomSize):
    """The size of an 'other' modality: part of that row's item (name and size)."""

    value: Number = _public("TDS.1.3.modality.other", title="Approximate size")
    unit: Text = _public("TDS.1.3.modality.other", title="Unit", example="documents")


_SIZE_FIELD: dict[str, Any] = {
    "default": None,
    "description": "One of the template's bands, as printed or in its exact words. To give "
    "the amount as well, or instead: `{band: <band>, text: <the size in your words>}`, or "
    "the text alone; the text is published as written.",
}


TextMeasure = Annotated[
    TextCustomSize | WrittenMeasure, measure_or_text(TextCustomSize), PlainSerializer(measure_out)
]
ImageMeasure = Annotated[
    ImageCustomSize | WrittenMeasure, measure_or_text(ImageCustomSize), PlainSerializer(measure_out)
]
AudioMeasure = Annotated[
    AudioCustomSize | WrittenMeasure, measure_or_text(AudioCustomSize), PlainSerializer(measure_out)
]
VideoMeasure = Annotated[
    VideoCustomSize | WrittenMeasure, measure_or_text(VideoCustomSize), PlainSerializer(measure_out)
]
"""An approximate size in another unit: ``{value:, unit:}``, or a sentence kept as written."""


def _in_row(modality: str, item: str, **kwargs: Any) -> Any:
    """A template item asked once per modality row, under that modality's own (derived) id;
    it keeps the shared item's wording as its title (the row's question is the same)."""
    wording = entry(f"TDS.1.3.modality.{item}").label
    kwargs.setdefault("description", wording)
    return _public(f"TDS.1.3.modality.{modality}.{item}", title=wording, **kwargs)


def _custom_size(modality: str) -> Any:
    return _in_row(
        modality,
        "custom_size",
        default=None,
        description="An approximate size in another unit: `{value:, unit:}`, or a measure in "
        'your own words, published as written ("11 trillion tokens as tokenized by our '
        'tokenizer").',
    )


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
    # Each modality declares these with its own ids; the order of the fields is this one.
    custom_size: CustomSize | WrittenMeasure | None = None
    count: Number | None = None
    content_types: Answer[Text]


class TextModality(_ModalityBase):
    custom_size: TextMeasure | None = _custom_size("text")
    count: Number | None = _count("text", "tokens")
    content_types: Answer[Text] = _in_row("text", "content_types")
    size: Answer[TextSize] | None = _public("TDS.1.3.modality.text.size", **_SIZE_FIELD)


class ImageModality(_ModalityBase):
    custom_size: ImageMeasure | None = _custom_size("image")
    count: Number | None = _count("image", "images")
    content_types: Answer[Text] = _in_row("image", "content_types")
    size: Answer[ImageSize] | None = _public("TDS.1.3.modality.image.size", **_SIZE_FIELD)


class AudioModality(_ModalityBase):
    custom_size: AudioMeasure | None = _custom_size("audio")
    count: Number | None = _count("audio", "hours")
    content_types: Answer[Text] = _in_row("audio", "content_types")
    size: Answer[AudioSize] | None = _public("TDS.1.3.modality.audio.size", **_SIZE_FIELD)


class VideoModality(_ModalityBase):
    custom_size: VideoMeasure | None = _custom_size("video")
    count: Number | None = _count("video", "hours")
    content_types: Answer[Text] = _in_row("video", "content_types")
    size: Answer[VideoSize] | None = _public("TDS.1.3.modality.video.size", **_SIZE_FIELD)


class OtherModality(StrictModel):
    name: Text = _public("TDS.1.3.modality.other", title="Modality", example="Image and video")
    size: OtherSize = _public("TDS.1.3.modality.other", title="Size")
    content_types: Answer[Text] = _in_row("other", "content_types")


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
