"""Numbers and dates exactly as written (issue 17): precision, units and slash dates.

Every expected value is written by hand from the text of the input and the Form's units
(compute in FLOP, energy in MWh), never computed by gpai-docs.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from pydantic import ValidationError

from gpai_docs.load.documents import load_file, load_text
from gpai_docs.models import ModelDocumentation
from gpai_docs.models.dates import AmbiguousDate
from gpai_docs.models.numbers import Quantity
from tests.conftest import SAMPLES

MINIMAL = SAMPLES / "minimal"

# written, exact value, significant figures: by hand from the text
AS_WRITTEN = [
    ("3.0e23", Fraction(3 * 10**23), 2),
    ("7e9", Fraction(7 * 10**9), 1),
    ("1.10", Fraction(11, 10), 3),
    ("010", Fraction(10), 1),  # YAML 1.2 reads 10; the text keeps its zero
    ("1_000", Fraction(1000), 1),
]


def _yaml_value(line: str) -> Any:
    doc = load_text(f"a: {line}\n", "x.yaml")
    assert doc.diagnostics == ()
    return doc.data["a"]


def _json_value(token: str) -> Any:
    doc = load_text(f'{{"a": {token}}}', "x.json", json_syntax=True)
    assert doc.diagnostics == ()
    return doc.data["a"]


def _documentation(**compute: Any) -> dict[str, Any]:
    data = load_file(MINIMAL / "model-documentation.yaml").data
    data["compute"].update(compute)
    return data


def _flop_aio(raw: Any) -> Quantity:
    md = ModelDocumentation.model_validate(_documentation(training_flop_aio=raw))
    value = md.compute.training_flop_aio
    assert isinstance(value, Quantity)
    return value


# --- point 1: the text of every number, quoted or not, YAML or JSON ------------------------


@pytest.mark.parametrize(("written", "exact", "figures"), AS_WRITTEN)
@pytest.mark.parametrize(
    "read",
    [
        pytest.param(_yaml_value, id="yaml-unquoted"),
        pytest.param(lambda w: _yaml_value(f'"{w}"'), id="yaml-quoted"),
        pytest.param(lambda w: _json_value(json.dumps(w)), id="json-string"),
    ],
)
def test_a_number_keeps_the_text_it_was_written_as(
    read: Callable[[str], Any], written: str, exact: Fraction, figures: int
) -> None:
    quantity = _flop_aio(read(written))
    assert (quantity.text, quantity.exact, quantity.significant_figures) == (
        written,
        exact,
        figures,
    )


@pytest.mark.parametrize(
    ("token", "exact", "figures"),
    [
        ("3.0e23", Fraction(3 * 10**23), 2),
        ("7e9", Fraction(7 * 10**9), 1),
        ("1.10", Fraction(11, 10), 3),
        ("3.80E25", Fraction(38 * 10**24), 3),
        ("2300", Fraction(2300), 2),
    ],
)
def test_an_unquoted_json_number_keeps_its_text(token: str, exact: Fraction, figures: int) -> None:
    quantity = _flop_aio(_json_value(token))
    assert (quantity.text, quantity.exact, quantity.significant_figures) == (token, exact, figures)


def test_an_unquoted_number_equals_the_number_yaml_reads() -> None:
    # 010 is the integer 10 by YAML 1.2 and 1.10 the float 1.1: only the text differs
    assert _yaml_value("010") == 10
    assert _yaml_value("1.10") == 1.1
    assert _json_value("1.10") == 1.1


def test_the_precision_rule_reads_the_unquoted_number_as_written(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    project = _project(tmp_path, ('training_flop_aio: "2.3*10^23"', "training_flop_aio: 3.0e23"))
    result = run_cli("validate", project)
    assert "MD006" not in result.output  # 3.0e23 has two significant figures
    assert "Training compute of 3.0×10^23 FLOP is greater than 1×10^23 FLOP" in result.output


def test_messages_print_the_number_as_written(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    project = _project(
        tmp_path,
        ('training_flop_aio: "2.3*10^23"', "training_flop_aio: 3e23"),
        ('training_flop_nca: "10^23"', "training_flop_nca: 7e22"),
    )
    result = run_cli("validate", project)
    assert result.exit_code == 1
    assert "Training compute 3e23 has 1 significant figure(s)" in result.output
    assert "The NCA row 7e22 is not an order of magnitude" in result.output
    assert "3e+23" not in result.output and "7e+22" not in result.output


def _find(node: Any, key: str) -> Any:
    if isinstance(node, dict):
        if key in node:
            return node[key]
        node = list(node.values())
    for child in node if isinstance(node, list) else ():
        found = _find(child, key)
        if found is not None:
            return found
    return None


@pytest.mark.parametrize(
    ("sample", "key", "value"),
    [("large-closed", "total_domains", 4637), ("fine-tune", "share", 0.27)],
)
def test_whole_number_and_share_fields_still_take_unquoted_numbers(
    sample: str, key: str, value: object
) -> None:
    # plain int and float fields of the models (a count of domains, a dataset's share)
    from gpai_docs.models import TrainingDataSummary

    doc = load_file(SAMPLES / sample / "training-data-summary.yaml")
    dumped = TrainingDataSummary.model_validate(doc.data).model_dump(mode="json")
    assert _find(dumped, key) == value
    assert type(_find(dumped, key)) is type(value)


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("-0", "'-0' has a minus sign"),  # the integer 0 to YAML, but a minus sign was typed
        ("0x1F", "'0x1F' is not written in decimal digits; write 31"),
        ("1e400", "'1e400' is too large for a number"),  # not "inf", as the float would say
        (".inf", "expected a finite number"),
    ],
)
def test_an_unquoted_number_is_judged_by_its_text(line: str, says: str) -> None:
    message = _refusal(_flop_aio, _yaml_value(line))
    assert says in message


# --- point 2: the field's unit is accepted, a wrong one refused ----------------------------


@pytest.mark.parametrize(
    ("written", "text", "exact"),
    [
        ("3.8 × 10^25 FLOP", "3.8 × 10^25", Fraction(38 * 10**24)),
        ("3.8e25 FLOPs", "3.8e25", Fraction(38 * 10**24)),
    ],
)
@pytest.mark.parametrize("quoted", [False, True])
def test_compute_takes_flop_after_the_number(
    written: str, text: str, exact: Fraction, quoted: bool
) -> None:
    quantity = _flop_aio(_yaml_value(f'"{written}"' if quoted else written))
    assert (quantity.text, quantity.exact, quantity.significant_figures) == (text, exact, 2)


def _energy(raw: Any) -> Any:
    data = load_file(MINIMAL / "model-documentation.yaml").data
    data["energy"]["training_mwh"] = raw
    return ModelDocumentation.model_validate(data).energy.training_mwh


@pytest.mark.parametrize("read", [_yaml_value, lambda w: _json_value(json.dumps(w))])
def test_energy_takes_mwh_after_the_number(read: Callable[[str], Any]) -> None:
    energy = _energy(read("29 MWh"))
    assert (energy.text, energy.exact, energy.significant_figures) == ("29", Fraction(29), 2)


def _refusal(validate: Callable[[Any], Any], raw: Any) -> str:
    with pytest.raises(ValidationError) as caught:
        validate(raw)
    (error,) = caught.value.errors()
    return str(error["msg"])


def test_kwh_for_an_mwh_field_is_refused_with_the_figure_in_mwh() -> None:
    message = _refusal(_energy, "29 kWh")
    assert "'29 kWh' is in kilowatt-hours (kWh)" in message
    assert "this field is in megawatt-hours (MWh)" in message
    assert "29 kWh is 0.029 MWh; write 0.029" in message


@pytest.mark.parametrize(
    ("validate", "written", "expected"),
    [
        (_flop_aio, "3.8e25 tokens", "floating-point operations (FLOP)"),
        (_energy, "3.8e25 FLOP", "megawatt-hours (MWh)"),
    ],
)
def test_a_wrong_unit_says_which_unit_the_field_takes(
    validate: Callable[[Any], Any], written: str, expected: str
) -> None:
    message = _refusal(validate, written)
    assert message.startswith(f"Value error, {written!r} is in ")
    assert f"but this field is in {expected}" in message


def test_a_wrong_unit_is_sc006_at_the_value(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    project = _project(
        tmp_path, ('training_flop_aio: "2.3*10^23"', "training_flop_aio: 3.8e25 tokens")
    )
    result = run_cli("validate", project)
    assert result.exit_code == 1
    assert (
        "model-documentation.yaml:61:22: error SC006 compute.training_flop_aio: '3.8e25 tokens' "
        "is in 'tokens', but this field is in floating-point operations (FLOP)"
    ) in result.output


@pytest.mark.parametrize("field", ["modification_flop", "base_model_flop"])
def test_a_modifications_compute_takes_flop_too(field: str) -> None:
    data = load_file(SAMPLES / "fine-tune" / "model-documentation.yaml").data
    data["modification"][field] = "2.5e24 FLOP"
    md = ModelDocumentation.model_validate(data)
    assert getattr(md.modification, field).text == "2.5e24"
    data["modification"][field] = "2.5e24 tokens"
    with pytest.raises(ValidationError, match="this field is in floating-point operations"):
        ModelDocumentation.model_validate(data)


# --- point 3: slash dates that could be read two ways ---------------------------------------
# Issue 12 changed these deliberately: an ambiguous date was refused (SC006); it is now kept
# as written, and DT001 asks which day and which month it is (never a guessed date).


def _release(raw: str, order: str | None = None) -> Any:
    data = load_file(MINIMAL / "model-documentation.yaml").data
    data["general"]["release_date"] = raw
    if order is not None:
        data["document"]["date_order"] = order
    return ModelDocumentation.model_validate(data).general.release_date


@pytest.mark.parametrize(
    ("written", "readings"),
    [
        (
            "03/04/2026",
            "could be 3 April 2026 (day first, as the template prints dates) or "
            "4 March 2026 (month first)",
        ),
        (
            "02/08/25",
            "could be 2 August 2025 (day first, as the template prints dates) or "
            "8 February 2025 (month first)",
        ),
    ],
)
def test_a_slash_date_that_reads_two_ways_is_kept_with_both_readings(
    written: str, readings: str
) -> None:
    kept = _release(written)
    assert isinstance(kept, AmbiguousDate)
    assert kept.text == written
    assert readings in kept.question


@pytest.mark.parametrize(
    ("written", "iso"),
    [("25/12/2026", "2026-12-25"), ("04/04/2026", "2026-04-04"), ("25/08/25", "2025-08-25")],
)
def test_a_slash_date_that_reads_one_way_is_read_day_first(written: str, iso: str) -> None:
    assert _release(written).isoformat() == iso


def test_a_month_first_date_reads_one_way_unless_the_document_says_day_first() -> None:
    assert _release("12/25/2026").isoformat() == "2026-12-25"
    message = _refusal(lambda raw: _release(raw, "day-first"), "12/25/2026")
    assert "'12/25/2026' cannot be read day first" in message
    assert "write 2026-12-25 if you meant 25 December 2026" in message


def test_an_ambiguous_date_is_dt001_where_it_is_written(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    project = _project(tmp_path, ("  release_date: 2025-10-01", "  release_date: 03/04/2025"))
    result = run_cli("validate", project)
    assert (
        "model-documentation.yaml:17:3: warning DT001 general.release_date: '03/04/2025' could "
        "be 3 April 2025 (day first, as the template prints dates) or 4 March 2025 (month first)"
    ) in result.output
    assert "SC006" not in result.output


def _project(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project)
    path = project / "model-documentation.yaml"
    text = path.read_text("utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, "utf-8")
    return project
