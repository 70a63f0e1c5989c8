"""The catalogue itself: enough cases, each explained, every input file used."""

from __future__ import annotations

from tests.hostile.generators import GENERATORS
from tests.hostile.test_catalogue import CASES, HERE


def test_catalogue_has_at_least_forty_cases_with_unique_ids() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) >= 40
    assert len(set(ids)) == len(ids)


def test_every_case_says_what_it_attacks_and_what_must_happen() -> None:
    for case in CASES:
        assert case["attacks"].strip(), case["id"]
        expect = case["expect"]
        assert "finding" in expect or expect.get("clean") or expect.get("renders") == "literally", (
            case["id"]
        )
        sources = [key for key in ("input", "patch", "generate") if key in case]
        assert len(sources) == 1, case["id"]


def test_every_input_file_belongs_to_a_case_and_exists() -> None:
    referenced = {case.get("input") or case.get("patch") for case in CASES} - {None}
    present = {f"inputs/{p.name}" for p in (HERE / "inputs").iterdir()}
    assert referenced == present
    assert {case["generate"] for case in CASES if "generate" in case} == set(GENERATORS)
