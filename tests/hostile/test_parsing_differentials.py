"""Parsing differentials: text that other readers take for another value is refused.

Every expected value here is written by hand from the YAML specifications and the text
of the input, never computed by gpai-docs.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from pydantic import ValidationError

from gpai_docs.load.documents import load_file, load_text
from gpai_docs.models import ModelDocumentation
from gpai_docs.models.numbers import parse_quantity
from gpai_docs.yamlio.tags import MAX_REPORTED
from tests.conftest import SAMPLES


def _found(text: str) -> list[tuple[str, int | None, int | None]]:
    doc = load_text(text, "x.yaml")
    return [(d.code, d.location.line, d.location.column) for d in doc.diagnostics]


# --- explicit tags and directives --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown", "column"),
    [
        ("a: !!binary aGVsbG8=\n", "`!!binary`", 4),
        ("a: !!str 010\n", "`!!str`", 4),
        ('a: !!int "5"\n', "`!!int`", 4),
        ("a: !!float 1\n", "`!!float`", 4),
        ("a: !!timestamp 2025-08-02\n", "`!!timestamp`", 4),
        ("a: !<tag:yaml.org,2002:binary> x\n", "`!!binary`", 4),
        ("a: !custom x\n", "`!custom`", 4),
        ("a: !!python/object:os.system x\n", "`!!python/object:os.system`", 4),
        ("a:  !<tag:example.com,2000:thing> 1\n", "`!<tag:example.com,2000:thing>`", 5),
        ("- !!null ''\n", "`!!null`", 3),
    ],
)
def test_an_explicit_tag_is_refused_where_it_is_written(text: str, shown: str, column: int) -> None:
    doc = load_text(text, "x.yaml")
    assert doc.data is None
    assert [(d.code, d.location.line, d.location.column) for d in doc.diagnostics] == [
        ("DL005", 1, column)
    ]
    (finding,) = doc.diagnostics
    assert shown in finding.message
    assert finding.hint is not None and "Remove the tag" in finding.hint
    assert "quotes" in finding.hint  # says how to keep a value as text


def test_every_tag_is_reported_not_only_the_first() -> None:
    text = "a: !!str x\nb:\n  - !!int 1\n  - {k: !!bool true}\nc: !!seq []\n"
    assert _found(text) == [("DL005", 1, 4), ("DL005", 3, 5), ("DL005", 4, 9), ("DL005", 5, 4)]


def test_a_file_full_of_tags_gives_a_bounded_number_of_findings() -> None:
    text = "".join(f"k{i}: !!str v\n" for i in range(5_000))
    found = _found(text)
    assert len(found) == MAX_REPORTED == 20
    assert found[-1] == ("DL005", 20, 6)  # `k19: ` is five characters


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n", [("DL005", 1, 1), ("DL005", 3, 4)]),
        ("%TAG !! tag:example.com,2000:\n---\na: 1\n", [("DL005", 1, 1)]),  # unused, still odd
        ("%YAML 1.1\n---\na: no\n", [("DL005", 1, 1)]),
        ("%YAML   1.1\n---\na: 1\n", [("DL005", 1, 1)]),
    ],
)
def test_directives_that_change_the_reading_are_refused(
    text: str, found: list[tuple[str, int, int]]
) -> None:
    assert _found(text) == found


def test_yaml_1_1_directive_says_what_it_would_change() -> None:
    (finding,) = load_text("%YAML 1.1\n---\na: no\n", "x.yaml").diagnostics
    assert "`no` is false" in finding.message
    assert finding.hint == "Remove the directive, or write `%YAML 1.2`."


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("%YAML 1.2\n---\na: no\n", {"a": "no"}),  # the rules gpai-docs applies anyway
        ("a: Hello!\nb: '!!binary x'\n", {"a": "Hello!", "b": "!!binary x"}),
        ('a: "100%"\nb: 50% done\n', {"a": "100%", "b": "50% done"}),
        ("a: x  # !!str in a comment\n", {"a": "x"}),
        ("a: |\n  !!binary\n  %TAG\n", {"a": "!!binary\n%TAG\n"}),
    ],
)
def test_exclamation_marks_and_percents_in_text_are_not_tags(text: str, data: object) -> None:
    doc = load_text(text, "x.yaml")
    assert doc.diagnostics == ()
    assert doc.data == data


# --- digit separators in numbers ----------------------------------------------------------


def _refusal(raw: object) -> str:
    # every refusal quotes what was written first
    with pytest.raises(ValueError, match=r"^['\"]") as caught:
        parse_quantity(raw)
    return str(caught.value)


@pytest.mark.parametrize(
    ("written", "says", "suggests"),
    [
        ("3,7*10^24", "has a decimal comma", "write 3.7*10^24"),
        ("3,7*10^24", "(37*10^24)", "write 3.7*10^24"),  # the reading that crossed 10^25
        ("1,5e3", "has a decimal comma", "write 1.5e3"),
        ("0,25", "has a decimal comma", "write 0.25"),
        ("3,700", "is ambiguous", "write 3700 or 3.700, as meant"),
        ("1,000 x 10^3", "is ambiguous", "write 1000 x 10^3 or 1.000 x 10^3"),
        ("1,000,000", "groups digits with commas", "write 1000000"),
        ("73,000,000,000", "groups digits with commas", "write 73000000000"),
        ("1.000.000", "groups digits with dots", "write 1000000"),
        ("1 000 000", "groups digits with spaces", "write 1000000"),
        ("1\u202f000\u202f000", "groups digits with spaces", "write 1000000"),  # narrow NBSP
        ("3'700", "groups digits with apostrophes", "write 3700"),
        ("3\u2019700", "groups digits with apostrophes", "write 3700"),
        ("1.000,5", "mixes digit separators (commas and dots)", "1000.5 if the last one"),
        ("1,000.5", "mixes digit separators (commas and dots)", "1000.5 if the last one"),
        ("1 000,5", "mixes digit separators (commas and spaces)", "1000.5 if the last one"),
        ("1.000.000,5*10^3", "mixes digit separators", "1000000.5*10^3 if the last one"),
        ("\uff13.\uff17*10^24", "digits other than 0-9", "with the digits 0-9"),  # full width
        ("\u0663", "digits other than 0-9", "with the digits 0-9"),  # Arabic-Indic three
    ],
)
def test_ambiguous_separators_are_refused_with_how_to_write_them(
    written: str, says: str, suggests: str
) -> None:
    message = _refusal(written)
    assert says in message
    assert suggests in message


@pytest.mark.parametrize(
    ("written", "exact", "figures"),
    [
        ("3.7*10^24", Fraction(37 * 10**23), 2),
        ("2.500", Fraction(5, 2), 4),  # a dot is always the decimal point
        ("73_000_000_000", Fraction(73 * 10**9), 2),  # underscores group, unambiguously
        ("+1.5e3", Fraction(1500), 2),
        ("3 10^24", Fraction(3 * 10**24), 1),  # a space before the power is not a grouping
        ("2.1 × 10^-3", Fraction(21, 10**4), 2),  # a negative exponent is a small positive
        (0, Fraction(0), 1),
        (0.0, Fraction(0), 1),
    ],
)
def test_unambiguous_forms_stay_accepted(written: object, exact: Fraction, figures: int) -> None:
    quantity = parse_quantity(written)
    assert quantity.exact == exact
    assert quantity.significant_figures == figures


@pytest.mark.parametrize("written", ["1__000", "1_", "_1", "1_.5"])
def test_underscores_only_between_digits(written: str) -> None:
    assert "is not a number" in _refusal(written)


# --- negative sizes and measurements ------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (-5, "'-5'"),  # an unquoted YAML or JSON integer
        (-3.7e24, "'-3.7e+24'"),  # an unquoted float
        (-0.0, "'-0.0'"),  # the sign bit of a float zero
        ("-0", "'-0'"),
        ("-2.4*10^13", "'-2.4*10^13'"),
        ("- 10^24", "'- 10^24'"),
        ("\u22123.2*10^14", "'\u22123.2*10^14'"),  # the typographic minus sign
        ("  -1e-3  ", "'-1e-3'"),
    ],
)
def test_a_minus_sign_is_refused_in_every_number(raw: object, shown: str) -> None:
    message = _refusal(raw)
    assert message.startswith(f"{shown} has a minus sign")
    assert "cannot be below zero" in message


@pytest.mark.parametrize(
    "path",
    [
        ("properties", "total_model_size"),
        ("compute", "training_flop_aio"),
        ("compute", "training_flop_nca"),
        ("compute", "training_time_aio", "hardware_days"),
        ("compute", "training_time_aio", "wall_clock_days"),
        ("energy", "training_mwh"),
        ("energy", "inference_compute_flop"),
        ("data", "num_data_points_aio", 0, "value"),
    ],
)
def test_every_number_field_of_the_documentation_refuses_negatives(
    path: tuple[str | int, ...],
) -> None:
    data = load_file(SAMPLES / "minimal" / "model-documentation.yaml").data
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = -1
    with pytest.raises(ValidationError) as caught:
        ModelDocumentation.model_validate(data)
    (error,) = caught.value.errors()
    assert "has a minus sign" in error["msg"]
    assert [p for p in error["loc"] if not str(p).startswith(("~", "function-"))] == list(path)
