"""Summary rules on section 1.3, the modalities of the training data and their sizes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gpai_docs.diagnostics import JsonPath, Severity
from gpai_docs.models.summary_modalities import (
    AudioModality,
    CustomSize,
    ImageModality,
    TextModality,
    VideoModality,
)
from gpai_docs.models.written_sizes import WrittenSize, amount_in, band_ticked
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.training_data_summary._answers import NEEDS, TS

_BANDED = ("text", "image", "audio", "video")


def _unit(text: str) -> str:
    return text.strip().lower().rstrip("s")


_ROWS = (TextModality, ImageModality, AudioModality, VideoModality)


@rule(
    "TS001",
    "modality-size-stated",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 1.3",
    catalogue=("TDS.1.3.modality.custom_size", "TDS.1.3.modality.other", "VR-19"),
    needs=NEEDS,
)
def modality_size_stated(context: RuleContext) -> Iterator[Finding]:
    """Every modality states its size: a band, or an approximate size in a named unit.

    Why: the template asks, for each modality used, the band of its training data size or
    an approximate size in another unit; an `Other` modality needs its own name (VR-19).
    A unit without letters, or an `Other` row named like a standard modality, says nothing.

    Passes:
        section_1: {modalities: {text: {size: More than 10 trillion tokens, content_types: Web text}}}

    Fails:
        section_1: {modalities: {text: {content_types: Web text}}}
    """
    modalities = context.tds.section_1.modalities
    base: JsonPath = ("section_1", "modalities")
    for name in _BANDED:
        item = getattr(modalities, name)
        if not isinstance(item, _ROWS):  # absent, not applicable or to be provided
            continue
        if item.size is None and item.custom_size is None:
            yield Finding(
                TS,
                (*base, name),
                f"The {name} modality states neither a size band nor an approximate size",
                hint=f"Add `size:` with one of the template's {name} bands, or `custom_size:`.",
            )
        custom = item.custom_size  # a measure in words has no unit of its own
        if isinstance(custom, CustomSize) and not re.search(r"[^\W\d_]", custom.unit):
            yield Finding(
                TS,
                (*base, name, "custom_size", "unit"),
                f"The unit {custom.unit!r} of the {name} size names no unit",
                hint="Write the unit in words, such as `documents` or `pages`.",
            )
    others = modalities.other if isinstance(modalities.other, list) else []
    for index, other in enumerate(others):
        if other.name.strip().lower().rstrip("s") in ("other", *_BANDED):
            yield Finding(
                TS,
                (*base, "other", index, "name"),
                f"An `Other` modality is named {other.name!r}, which does not say what it is",
                hint="Name the modality (e.g. `Image and video`); use the standard rows for "
                "text, image, audio and video.",
            )
        if not re.search(r"[^\W\d_]", other.size.unit):
            yield Finding(
                TS,
                (*base, "other", index, "size", "unit"),
                f"The unit {other.size.unit!r} of the {other.name} size names no unit",
                hint="Write the unit in words.",
            )


@rule(
    "TS002",
    "size-band-matches-count",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 1.3",
    catalogue=(
        "TDS.1.3.modality.text.size",
        "TDS.1.3.modality.image.size",
        "TDS.1.3.modality.audio.size",
        "TDS.1.3.modality.video.size",
        "VR-19",
    ),
    needs=NEEDS,
)
def size_band_matches_count(context: RuleContext) -> Iterator[Finding]:
    """The size band of each modality contains the counted size.

    Why: the band published in section 1.3 must agree with the provider's own count
    (the internal `count`, or `custom_size` when it is given in the template's unit:
    tokens, images or hours) (VR-19). The bands come from the rule pack.

    Passes:
        section_1: {modalities: {text: {size: 1 billion to 10 trillion tokens, count: "2.4*10^12", content_types: Web text}}}

    Fails:
        section_1: {modalities: {text: {size: More than 10 trillion tokens, count: "2.4*10^12", content_types: Web text}}}
    """
    modalities = context.tds.section_1.modalities
    for name in _BANDED:
        item = getattr(modalities, name)
        ticked = band_ticked(item.size) if isinstance(item, _ROWS) else None
        if not isinstance(item, _ROWS) or ticked is None:
            continue
        bands = context.pack.size_bands[name]
        chosen = bands.by_label(ticked)
        counts = []
        if item.count is not None:
            counts.append(item.count.value)
        custom = item.custom_size  # a measure in words is no count
        if isinstance(custom, CustomSize) and _unit(custom.unit) == _unit(bands.unit or ""):
            counts.append(custom.value.value)
        if isinstance(item.size, WrittenSize):  # "479 million images" beside the band
            amount = amount_in(item.size.text, name)
            counts.extend([float(amount)] if amount is not None else [])
        for value in counts:
            right = bands.bucket_for(value)
            if chosen is not None and right is not None and right is not chosen:
                yield Finding(
                    TS,
                    ("section_1", "modalities", name, "size"),
                    f"The band {ticked!r} does not contain the counted size {value:.3g} "
                    f"{bands.unit}; that is {right.label!r}",
                    hint=f"Select {right.label!r}, or correct the count.",
                )
