"""Three summaries as providers' legal teams write them in the Commission's template.

Each module's ``blocks()`` is a list of blocks for ``commission_template.build``; the
answers it holds are written out again, as the YAML values gpai-docs should import, in
test_commission_template.py.

- ``aurore.py``: a large text model by a French provider; shaded section bars, the header
  as a table, ☒/☐ glyphs, the printed band labels ("1billion to 10 trillions tokens"),
  a footnote on Audio, datasets as a bulleted list, crawling with a list of top domains.
- ``kuva.py``: an image and video model by a Swiss SME placed before August 2025 (legacy),
  with an authorised representative in the Union; bold-paragraph section bars, the
  header as paragraphs, Yes/No as Word check-box content controls, and a "cannot be
  provided" answer.
- ``fjord.py``: a fine-tuned modification of a model already on the Union market, with
  model dependencies and synthetic data made by a model on the market.
"""

from __future__ import annotations

from tests.docx.commission_template import Block, Modality, ModalityTable, Ticks

MODALITIES = ("Text", "Image", "Video", "Audio", "Other")
# The bands as the template prints them (requirements §11 item 4), not the catalogue's.
TEXT_BANDS = (
    "Less than 1 billion tokens",
    "1billion to 10 trillions tokens",
    "More than 10 trillions tokens",
)
IMAGE_BANDS = (
    "Less than 1 million images",
    "1Million to1 billion images",
    "More than 1 billion images",
)
HOUR_BANDS = ("Less than 10 000 hours", "10 000 to1 million hours", "More than 1 million hours")
AUDIO_NOTE = (
    "Excluding audio that is part of video, as this should be reported under the "
    "“video” modality instead. Furthermore, the Commission understands the modality "
    "of ‘audio’ to include ‘speech’."
)
MODALITY_ROWS = (
    "If yes, specify the modality(ies) of the content covered by the datasets concerned:"
)


def ticks(*chosen: str, controls: bool = False) -> Ticks:
    return Ticks(MODALITIES, chosen, controls)


def modalities(text: Modality, image: Modality, video: Modality, audio: Modality) -> Block:
    other = Modality("Other", False, (), None, "")
    return ModalityTable([text, image, audio, video, other])
