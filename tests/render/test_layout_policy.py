"""The copyright policy and its public summary, by the Copyright chapter's Measures.

Each row sets the Code's commitment (its wording in the catalogue, requirements §5)
beside the provider's implementation; the public summary holds the measures whose
information the Code asks to publish (1.3 crawlers and reservations, 1.5 contact and
complaints) and the policy's identification (1.1).
"""

from __future__ import annotations

import re

from gpai_docs.render.markdown import render_markdown
from gpai_docs.validate.pipeline import validate_project
from tests.conftest import FIXED_DATE, SAMPLES


def _measures(markdown: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    current = ""
    for line in markdown.splitlines():
        if line.startswith("## "):
            current = line[3:]
            out[current] = {}
        elif current and line.startswith("| ") and not line.startswith("| Commitment |"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            out[current][cells[0]] = cells[1]
    return out


def test_internal_policy_follows_measures_1_1_to_1_5_commitment_beside_implementation() -> None:
    result = validate_project(SAMPLES / "minimal", as_of=FIXED_DATE)
    measures = _measures(render_markdown(result, "copyright_policy", "internal"))
    assert list(measures) == [
        "Measure 1.1: Copyright policy",
        "Measure 1.2: Lawful access to content",
        "Measure 1.3: Identifying and complying with rights reservations",
        "Measure 1.4: Mitigating infringing outputs",
        "Measure 1.5: Point of contact and complaints",
    ]
    assert measures["Measure 1.1: Copyright policy"][
        "Assign internal responsibilities for implementing and overseeing the policy"
    ].startswith("Role or unit: General Counsel")
    lawful = measures["Measure 1.2: Lawful access to content"]
    assert "Crawl only lawfully accessible content for TDM/training" in lawful
    assert (
        "No circumvention of effective technological measures (paywalls, subscription models)"
        in lawful
    )


def test_public_summary_holds_only_the_public_measures() -> None:
    result = validate_project(SAMPLES / "minimal", as_of=FIXED_DATE)
    measures = _measures(render_markdown(result, "copyright_policy", "public"))
    assert list(measures) == [
        "Measure 1.1: Copyright policy",
        "Measure 1.3: Identifying and complying with rights reservations",
        "Measure 1.5: Point of contact and complaints",
    ]
    policy = measures["Measure 1.1: Copyright policy"]
    assert policy == {
        "Draw up, keep up to date and implement a copyright policy in a single document": (
            "Policy version: 1.0; Last updated: 01/10/2025; Models covered: Lumen-Base-2"
        )
    }
    contact = measures["Measure 1.5: Point of contact and complaints"]
    assert (
        contact[
            "Designate electronic point of contact for affected rightsholders; publish easily "
            "accessible information"
        ]
        == "E-mail: copyright@lumen-ai.example; Web page: <https://lumen-ai.example/copyright>"
    )
    crawlers = measures["Measure 1.3: Identifying and complying with rights reservations"]
    assert (
        crawlers[
            "Publish information about crawlers, their robots.txt features and other "
            "reservation-compliance measures"
        ]
        == "**N/A**: Lumen AI does not operate web crawlers."
    )
