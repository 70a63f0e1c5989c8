"""The SME branch of the top-domain list (UPD.sme_domains): a reading marked [U], said
whenever it applies, and for SMEs only, never for the small mid-caps the Omnibus adds.

Counts by hand from the catalogue (TDS.2.3.top_domains, VR-21): for 1,000 crawled domains
an SME lists ceil(5 % × 1,000) = 50, any other provider ceil(10 % × 1,000) = 100.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gpai_docs.models import ModelDocumentation
from gpai_docs.models.walk import walk_type
from gpai_docs.validate.pipeline import ValidationResult, validate_project
from tests.conftest import FIXED_DATE
from tests.rules.patching import merge, sample_data, write_project

TOP = "section_2.crawled_data.top_domains"
READING = "The SME count is a reading marked unconfirmed [U] (UPD.sme_domains)"


def _validate(tmp_path: Path, sme: bool, listed: int, *, with_md: bool = True) -> ValidationResult:
    documents: dict[str, Any] = merge(
        sample_data("open-weights-sme"), {"model_documentation": {"provider": {"sme": sme}}}
    )
    top = {"total_domains": 1_000, "domains": [f"d{i}.example" for i in range(listed)]}
    documents["training_data_summary"]["section_2"]["crawled_data"]["top_domains"] = top
    project = write_project(tmp_path / "project", documents)
    if not with_md:
        (project / "model-documentation.yaml").unlink()
    return validate_project(project, as_of=FIXED_DATE)


def _determination(result: ValidationResult, key: str) -> Any:
    return next((d for d in result.determinations if d.key == key), None)


def test_the_report_says_the_sme_count_is_a_reading_whenever_it_applies(tmp_path: Path) -> None:
    result = _validate(tmp_path, sme=True, listed=50)
    assert [d.code for d in result.report.diagnostics] == []  # 50 is the SME count
    sme = _determination(result, "top_domains_sme")
    assert sme.outcome == "Top 5 % or 1,000 domains, whichever is lower"
    assert "reading marked unconfirmed [U] (UPD.sme_domains)" in sme.statement
    assert '"top 5 %, or the top 1000 domains"' in sme.statement
    assert "not extended to the small mid-caps" in sme.statement
    # The facts behind it count for the report's oldest verified_on.
    assert {"sme_top_domains", "top_domains_cap_sme"} <= set(result.determinations[-1].facts)


def test_a_count_finding_that_applies_the_sme_branch_says_so(tmp_path: Path) -> None:
    result = _validate(tmp_path, sme=True, listed=40)
    (finding,) = [d for d in result.report.diagnostics if d.code == "TS008"]
    assert finding.message == (
        "40 domain(s) are listed; for 1000 crawled domains an SME lists at least 50."
    )
    assert finding.hint is not None and READING in finding.hint


def test_while_the_status_is_unknown_the_sme_branch_is_one_of_two_and_says_so(
    tmp_path: Path,
) -> None:
    result = _validate(tmp_path, sme=True, listed=50, with_md=False)
    (note,) = [d for d in result.report.diagnostics if d.code == "TS009"]
    assert "an SME lists 50, any other provider 100" in note.message
    assert READING in note.message


def test_a_provider_that_is_not_an_sme_lists_ten_percent_without_the_reading(
    tmp_path: Path,
) -> None:
    # A small mid-cap is not an SME (`provider.sme: false`): it gets the 10 % rule, and no
    # SME reading is applied or mentioned.
    passing = _validate(tmp_path / "a", sme=False, listed=100)
    assert [d.code for d in passing.report.diagnostics] == []
    assert _determination(passing, "top_domains_sme") is None
    failing = _validate(tmp_path / "b", sme=False, listed=50)
    (finding,) = [d for d in failing.report.diagnostics if d.code == "TS008"]
    assert finding.message == (
        "50 domain(s) are listed; for 1000 crawled domains a provider that is not an SME lists "
        "at least 100."
    )
    assert finding.hint is not None and "SME count" not in finding.hint


def test_nothing_states_a_small_mid_cap_status_that_could_select_the_sme_branch() -> None:
    names = {node.path[-1] for node in walk_type(ModelDocumentation) if node.path[0] == "provider"}
    assert "sme" in names
    assert not {n for n in names if "mid" in n or "cap" in n}
