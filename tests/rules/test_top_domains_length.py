"""TS008 at the boundary of the required length, with the catalogue's numbers.

TDS.2.3.top_domains and TDS.rule.sme (../shared/spec/requirements.md): the top 10 % of
crawled domain names by content size; an SME the top 5 % or 1,000 domains, whichever is
lower; VR-21 rounds the share up. The counts below are worked out by hand from those
numbers: the required count passes, one more passes (a longer list still holds the top
share), one less fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gpai_docs.validate.pipeline import validate_project
from tests.conftest import FIXED_DATE
from tests.rules.patching import merge, sample_data, write_project

TOP = "section_2.crawled_data.top_domains.domains"

# (SME, crawled domains, required length worked out from the catalogue)
BOUNDARIES = [
    (False, 1_001, 101),  # ceil(10 % of 1,001) = ceil(100.1)
    (True, 1_001, 51),  # ceil(5 % of 1,001) = ceil(50.05)
    (False, 30_000, 3_000),  # 10 % exactly
    (True, 30_000, 1_000),  # 5 % is 1,500: the 1,000 cap is lower
]


def _findings(tmp_path: Path, sme: bool, crawled: int, listed: int) -> list[str]:
    crawling = {  # the sample crawls; only its list and number crawled change
        "top_domains": {
            "total_domains": crawled,
            "domains": [f"d{i}.example" for i in range(listed)],
        },
    }
    patch = {
        "model_documentation": {"provider": {"sme": sme}},
        "training_data_summary": {"section_2": {"crawled_data": crawling}},
    }
    documents = merge(sample_data("open-weights-sme"), patch)
    project = write_project(tmp_path / f"p{listed}", documents)
    result = validate_project(project, as_of=FIXED_DATE)
    return [d.location.dotted_path for d in result.report.diagnostics if d.code == "TS008"]


@pytest.mark.parametrize(("sme", "crawled", "required"), BOUNDARIES)
def test_the_required_length_and_one_more_pass(
    tmp_path: Path, sme: bool, crawled: int, required: int
) -> None:
    assert _findings(tmp_path, sme, crawled, required) == []
    assert _findings(tmp_path, sme, crawled, required + 1) == []


@pytest.mark.parametrize(("sme", "crawled", "required"), BOUNDARIES)
def test_one_less_than_required_fails(
    tmp_path: Path, sme: bool, crawled: int, required: int
) -> None:
    assert _findings(tmp_path, sme, crawled, required - 1) == [TOP]
