"""Numbers written to crash or stall the quantity parser become findings, quickly."""

from __future__ import annotations

import pytest

from gpai_docs.models.numbers import parse_quantity


@pytest.mark.parametrize(
    "raw",
    [
        10**400,  # float(int) overflows
        "9" * 400,
        "10^400",  # 10.0 ** 400 overflows
        "1.6*10^400",
        "1e400",
    ],
)
def test_overflowing_numbers_are_value_errors(raw: object) -> None:
    with pytest.raises(ValueError, match=r"too large|too long"):
        parse_quantity(raw)


@pytest.mark.parametrize(
    "raw",
    [
        "1" + " " * 400 + "x",  # backtracked for minutes before the length cap
        "10 ^ " + " " * 100_000 + "x",
        "10^" + "9" * 5000,  # int() refuses more than 4,300 digits
    ],
)
def test_overlong_number_text_is_refused(raw: str) -> None:
    with pytest.raises(ValueError, match="too long to be a number"):
        parse_quantity(raw)


def test_runs_of_spaces_inside_a_number_still_parse() -> None:
    quantity = parse_quantity("3.7  *  10 ^ 24")
    assert quantity.value == pytest.approx(3.7e24)
    assert quantity.significant_figures == 2
