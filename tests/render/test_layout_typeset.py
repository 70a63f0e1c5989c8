"""Typesetting: powers of ten, units, dates, check boxes and version labels."""

from __future__ import annotations

import datetime as dt

import pytest

from gpai_docs.models.numbers import parse_quantity
from gpai_docs.render import typeset
from gpai_docs.render.environment import answer_cell, plain, row_label

NB = "\u00a0"


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        # The Form's examples (requirements §4.7, §4.8) and the samples' figures.
        ("3.7*10^24", f"3.7{NB}×{NB}10²⁴"),
        ("3.8*10^25", f"3.8{NB}×{NB}10²⁵"),
        ("5.1*10^17", f"5.1{NB}×{NB}10¹⁷"),
        ("10^24", "10²⁴"),
        ("7.3e10", f"7.3{NB}×{NB}10¹⁰"),
        ("2.1*10^-3", f"2.1{NB}×{NB}10⁻³"),
        ("73000000000", "73000000000"),  # commas are refused when read
        ("120", "120"),
    ],
)
def test_quantities_are_typeset_with_superscript_exponents(written: str, printed: str) -> None:
    assert typeset.quantity(parse_quantity(written)) == printed
    assert plain(parse_quantity(written)) == printed


def test_powers_of_ten_in_text_and_units_kept_with_numbers() -> None:
    text = "Cross-checked with 6 x N x D (3.5*10^25) plus 2.9*10^4 MWh; about 27 % of 40 languages"
    assert typeset.numbers(text) == (
        f"Cross-checked with 6 x N x D (3.5{NB}×{NB}10²⁵) plus 2.9{NB}×{NB}10⁴{NB}MWh; "
        f"about 27{NB}% of 40{NB}languages"
    )
    # Text that only looks like maths is left alone.
    assert typeset.numbers("$x^2$ and a^10") == "$x^2$ and a^10"


def test_answers_never_keep_the_caret_notation() -> None:
    assert "*" not in answer_cell(parse_quantity("4.1*10^11"))
    assert answer_cell("About 1.4*10^13 text tokens") == f"About 1.4{NB}×{NB}10¹³ text tokens"
    assert "^" not in answer_cell("About 1.4*10^13 text tokens")


def test_one_date_format_the_templates() -> None:
    assert plain(dt.date(2026, 4, 14)) == "14/04/2026"
    assert typeset.dates("notify the Commission by 2025-09-22.") == (
        "notify the Commission by 22/09/2025."
    )
    # A model name that holds a date is a name, not a date.
    assert typeset.dates("vela-2-2026-03-31 was placed") == "vela-2-2026-03-31 was placed"


def test_boxes_stay_with_their_labels() -> None:
    assert typeset.box(True, "Other") == f"☒{NB}Other"
    assert typeset.box(False, "Yes") == f"☐{NB}Yes"


@pytest.mark.parametrize(
    ("version", "label"),
    [("v1", "Version 1"), ("2.0", "Version 2.0"), ("Rule pack 2026.12.0", "Rule pack 2026.12.0")],
)
def test_version_labels_never_read_vv(version: str, label: str) -> None:
    assert typeset.version_label(version) == label


@pytest.mark.parametrize(
    ("title", "label"),
    [
        (
            "Amount of computation used for training (AIO row)",
            "Amount of computation used for training",
        ),
        ("Number of data points (NCA row)", "Number of data points"),
        ("Distribution channels (AIO/NCA row)", "Distribution channels"),
        ("Distribution channels (DP row)", "Distribution channels"),
        ("Model name", "Model name"),
    ],
)
def test_internal_row_suffixes_are_dropped(title: str, label: str) -> None:
    assert row_label(title) == label
