"""Meta tests: every rule is documented, tested both ways, and has a stable, unique code."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from gpai_docs.law.catalogue import all_entries
from gpai_docs.validate.rules import RETIRED, RULES

CASES_DIR = Path(__file__).parent / "cases"
ALL_RULES = sorted(RULES)


def _case_file(code: str) -> dict[str, object]:
    path = CASES_DIR / f"{code}.yaml"
    assert path.exists(), f"{code} has no case file tests/rules/cases/{code}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("code", ALL_RULES)
def test_rule_docstring_has_why_passes_and_fails(code: str) -> None:
    doc = RULES[code].doc
    assert doc.split("\n", 1)[0].endswith("."), "the summary line is one sentence"
    for section in ("Why:", "Passes:", "Fails:"):
        assert section in doc, f"{code} docstring lacks {section}"


@pytest.mark.parametrize("code", ALL_RULES)
def test_rule_has_passing_and_failing_case(code: str) -> None:
    spec = _case_file(code)
    assert spec["rule"] == code
    cases = spec["cases"]
    assert isinstance(cases, dict)
    assert any(not c["expect"] for c in cases.values()), f"{code} has no passing case"
    assert any(c["expect"] for c in cases.values()), f"{code} has no failing case"


@pytest.mark.parametrize("code", ALL_RULES)
def test_rule_references_catalogue_ids_that_exist(code: str) -> None:
    known = all_entries()
    assert RULES[code].catalogue_ids
    for catalogue_id in RULES[code].catalogue_ids:
        assert catalogue_id in known, f"{code} cites unknown catalogue id {catalogue_id}"


def test_every_case_file_names_a_registered_rule() -> None:
    for path in CASES_DIR.glob("*.yaml"):
        assert path.stem in RULES, f"{path.name} names no registered rule"


def test_no_retired_code_is_registered() -> None:
    assert not set(RETIRED) & set(RULES)


def test_every_validation_rule_of_the_catalogue_is_covered() -> None:
    covered = {c for rule in RULES.values() for c in rule.catalogue_ids if c.startswith("VR-")}
    expected = {f"VR-{n:02d}" for n in range(1, 28)}
    assert expected <= covered | _covered_outside_rules(), sorted(expected - covered)


def _covered_outside_rules() -> set[str]:
    # VR-03's deadline is a determination as well as rule MD002.
    return set()


def test_the_internal_error_family_is_not_a_rule_family() -> None:
    # GD codes report bugs of gpai-docs (exit 2); a rule must never be able to take one.
    from gpai_docs.diagnostics import INTERNAL_ERROR, INTERNAL_FAMILY, Severity
    from gpai_docs.validate.rules import rule

    assert (INTERNAL_FAMILY, INTERNAL_ERROR) == ("GD", "GD001")
    assert not [code for code in RULES if code.startswith(INTERNAL_FAMILY)]
    with pytest.raises(ValueError, match="malformed"):
        rule(
            INTERNAL_ERROR,
            "would-be-internal",
            severity=Severity.ERROR,
            reference="-",
            catalogue=("VR-01",),
            needs=(),
        )(lambda context: iter(()))
