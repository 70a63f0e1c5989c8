"""The semantic diff reports exactly the edits made, by catalogue id, label and audience."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from gpai_docs.bundle.diff import diff_paths, render_markdown, render_text
from tests.releases._projects import CRAWLING, write

EDITS = {
    "model_documentation": {
        "use": {"intended_uses": "Drafting, summarising and translating business text."}
    },
    "training_data_summary": {
        "section_1": {"other_characteristics": "Mostly formal register; little dialogue."},
        "section_2": {"public_datasets": {"other_description": None}},
    },
}


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    return write(tmp_path / "v1"), write(tmp_path / "v2", EDITS)


def test_diff_lists_exactly_the_edits(versions: tuple[Path, Path]) -> None:
    result = diff_paths(*versions)
    found = {(c.kind, c.document, c.path): c for c in result.changes}
    assert set(found) == {
        ("changed", "model_documentation", "use.intended_uses"),
        ("added", "training_data_summary", "section_1.other_characteristics"),
        ("removed", "training_data_summary", "section_2.public_datasets.other_description"),
    }
    changed = found["changed", "model_documentation", "use.intended_uses"]
    assert changed.catalogue_id == "MDF.use.intended_uses"
    assert changed.old == "Drafting and summarising business text in English and Dutch."
    assert changed.new == "Drafting, summarising and translating business text."
    assert set(changed.audience) >= {"aio", "nca", "dp"}
    added = found["added", "training_data_summary", "section_1.other_characteristics"]
    assert (added.catalogue_id, added.audience, added.old) == (
        "TDS.1.3.other_characteristics",
        ("public",),
        None,
    )
    removed = found[
        "removed", "training_data_summary", "section_2.public_datasets.other_description"
    ]
    assert removed.new is None and removed.old.startswith("Smaller Dutch public-domain")
    assert result.summary == "1 changed, 1 added, 1 removed"


def test_identical_projects_have_no_changes(tmp_path: Path) -> None:
    assert diff_paths(write(tmp_path / "a"), write(tmp_path / "b")).changes == ()


def test_list_items_are_matched_by_name_not_position(tmp_path: Path) -> None:
    second = {
        "name": "Robots meta tag",
        "implementation": "Pages with noai in robots meta tags are dropped.",
    }
    first_protocol = {
        "name": "TDMRep",
        "implementation": "Documents whose TDMRep metadata reserve rights are removed.",
        "url": "https://www.w3.org/community/reports/tdmrep/CG-FINAL-tdmrep-20240510/",
    }
    old = write(tmp_path / "old")
    new = write(
        tmp_path / "new",
        {"copyright_policy": {"rights_reservation": {"other_protocols": [second, first_protocol]}}},
    )
    changes = diff_paths(old, new).changes
    assert {(c.kind, c.path) for c in changes} == {
        ("added", "rights_reservation.other_protocols[Robots meta tag].name"),
        ("added", "rights_reservation.other_protocols[Robots meta tag].implementation"),
    }
    assert all(c.audience == ("internal", "public") for c in changes)
    assert changes[0].label.endswith("[Robots meta tag]")


def test_crawler_added_shows_public_fields(tmp_path: Path) -> None:
    changes = diff_paths(write(tmp_path / "a"), write(tmp_path / "b", CRAWLING)).changes
    user_agent = next(c for c in changes if c.path.endswith("crawlers[LumenBot].user_agent"))
    assert (user_agent.kind, user_agent.catalogue_id, user_agent.label) == (
        "added",
        "COP.C.1.3.crawler_info_public",
        "User agent [LumenBot]",
    )
    assert "public" in user_agent.audience
    gone = next(c for c in changes if c.path == "rights_reservation.crawlers")
    assert gone.kind == "removed" and str(gone.old).startswith("not applicable")


def test_renderings(versions: tuple[Path, Path]) -> None:
    result = diff_paths(*versions)
    text = render_text(result)
    assert "~ MDF.use.intended_uses" in text
    assert "      + Drafting, summarising and translating business text." in text
    markdown = render_markdown(result)
    assert "## Public summary of training content" in markdown
    assert "| removed | TDS.2.1.other\\_description |" in markdown


def test_cli_json_and_audience_filter(
    versions: tuple[Path, Path], run_cli: Callable[..., Result]
) -> None:
    result = run_cli("diff", *versions, "--format", "json")
    assert result.exit_code == 0
    payload = json.loads(result.output)
    assert payload["summary"] == {"added": 1, "removed": 1, "changed": 1}
    public = run_cli("diff", *versions, "--format", "json", "--audience", "public")
    kept = json.loads(public.output)["changes"]
    assert {c["document"] for c in kept} == {"training_data_summary"}
    assert run_cli("diff", *versions, "--exit-code").exit_code == 1
    assert run_cli("diff", versions[0], versions[0], "--exit-code").exit_code == 0


def test_cli_refuses_an_invalid_side(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    good = write(tmp_path / "good")
    broken = write(
        tmp_path / "broken", {"model_documentation": {"general": {"release_date": "soon"}}}
    )
    result = run_cli("diff", good, broken)
    assert result.exit_code == 2
    assert "Model documentation missing or not valid" in result.output
    assert "Traceback" not in result.output
