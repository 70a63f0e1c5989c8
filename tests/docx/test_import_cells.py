"""Cell text read back, piece by piece: ticks, marks, dates, numbers, entries."""

from __future__ import annotations

import datetime as dt

import pytest

from gpai_docs.integrations.docx.cells import (
    REMOVE,
    CellError,
    choices,
    scalar,
    special,
    ticks,
    yes_no,
)
from gpai_docs.integrations.docx.entries import entries, split_entry
from gpai_docs.integrations.docx.located import LocatedRow
from gpai_docs.integrations.docx.questions import section_key
from gpai_docs.models.numbers import Quantity
from gpai_docs.models.shapes import Shape
from gpai_docs.models.training_data_summary import LargeDataset

MODALITIES = ("Text", "Image", "Audio", "Video", "Other")


def test_ticks_read_glyphs_with_their_labels() -> None:
    assert ticks(["☒ Yes  ☐ No"]) == [(True, "Yes"), (False, "No")]
    assert ticks(["☐\u00a0Less than 1 billion tokens", "☒ More than 10 trillion tokens"]) == [
        (False, "Less than 1 billion tokens"),
        (True, "More than 10 trillion tokens"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("—", REMOVE),
        ("", REMOVE),
        ("N/A: We do not crawl.", {"not_applicable": "We do not crawl."}),
        ("⚠ TO BE PROVIDED", {"to_be_provided": True}),
        ("⚠ TO BE PROVIDED (Legal, by May)", {"to_be_provided": "Legal, by May"}),
        ("Some answer", None),
    ],
)
def test_the_marks_of_answers_not_given(text: str, value: object) -> None:
    assert special(text) == value


def test_yes_no_ticks_words_and_qualifications() -> None:
    assert yes_no(["☐ Yes  ☒ No"]) == "No"
    assert yes_no(["☒ Yes  ☐ No", "Only for evaluation."]) == {
        "answer": "yes",
        "qualification": "Only for evaluation.",
    }
    assert yes_no(["Yes"]) == "Yes"
    assert yes_no(["N/A: No such data."]) == {"not_applicable": "No such data."}
    with pytest.raises(CellError, match="tick exactly one box"):
        yes_no(["☒ Yes  ☒ No"])


def test_choices_ticked_or_listed() -> None:
    assert choices(["☒ Text  ☐ Image  ☒ Audio  ☐ Video  ☐ Other"], MODALITIES) == [
        "Text",
        "Audio",
    ]
    assert choices(["Text", "images"], ("Text", "Images")) == ["Text", "Images"]
    assert choices(["Text, Image and Audio"], MODALITIES) == ["Text", "Image", "Audio"]
    assert choices(["☐ Text  ☐ Image"], MODALITIES) is REMOVE


def test_dates_as_printed_go_back_to_iso_and_numbers_lose_their_typesetting() -> None:
    date = Shape("scalar", base=dt.date)
    assert scalar(date, "13/04/2026") == "2026-04-13"  # the layout prints day first
    # Day and month could swap: kept as typed, for the loader to ask (DT001) or to read by
    # the document's declared date order; never guessed here.
    assert scalar(date, "03/04/2026") == "03/04/2026"
    assert scalar(date, "04/04/2026") == "2026-04-04"  # both readings are one date
    assert scalar(date, "2026-04-03") == "2026-04-03"
    with pytest.raises(CellError, match="not a date"):
        scalar(date, "31/02/2026")
    assert scalar(Shape("scalar", base=Quantity), "3.8\u00a0×\u00a010²⁵") == "3.8*10^25"
    assert scalar(Shape("scalar", base=bool), "No") is False
    assert scalar(Shape("scalar", base=str), "24\u00a0hours") == "24 hours"


def test_a_dataset_entry_splits_by_the_form_of_each_part() -> None:
    keys = (
        "name",
        "link",
        "description",
        "collection_start|collection_end",
        "modality",
        "filtering",
    )
    assert split_entry(
        LargeDataset,
        "FineWeb — https://huggingface.co/datasets/HuggingFaceFW/fineweb — Text",
        keys,
        " — ",
    ) == {
        "name": "FineWeb",
        "link": "https://huggingface.co/datasets/HuggingFaceFW/fineweb",
        "modality": "Text",
    }
    assert split_entry(
        LargeDataset,
        "Old forum dump — Posts of a closed forum — From 01/2019 to — — Text — "
        "Filtering: English posts only",
        keys,
        " — ",
    ) == {
        "name": "Old forum dump",
        "description": "Posts of a closed forum",
        "collection_start": "01/2019",
        "modality": "Text",
        "filtering": "English posts only",
    }


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("2.3 Data crawled and scraped from online sources", "2.3"),
        ("2. List of data sources", "2"),
        ("Section 2.3.", "2.3"),
        ("2.2.1. Datasets commercially licensed", "2.2.1"),
        ("Measure 1.3: Identifying and complying with rights", "1.3"),
        ("Voluntary sections", None),
    ],
)
def test_the_section_a_heading_opens(heading: str, key: str | None) -> None:
    assert section_key(heading) == key


def test_a_row_says_where_it_is() -> None:
    row = LocatedRow(7, "2.3", "2.3 Data crawled", 2, (("Purposes of the crawler(s)",), ("x",)))
    assert row.place() == "Table 7 (section 2.3), row 2 'Purposes of the crawler(s)'"


def test_entries_typed_into_a_list_that_showed_none() -> None:
    typed = ["Gutenberg — https://gutenberg.org — From 01/2024 to 06/2026 — Text"]
    assert entries(LargeDataset, typed, [], ("N/A: none",)) == [
        {
            "name": "Gutenberg",
            "link": "https://gutenberg.org",
            "collection_start": "01/2024",
            "collection_end": "06/2026",
            "modality": "Text",
        }
    ]
