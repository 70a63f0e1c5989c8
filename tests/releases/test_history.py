"""`gpai-docs history`, and the crawler page and feed that releases publish."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from gpai_docs.bundle.manifest import read_manifest
from gpai_docs.bundle.verify import verify_release
from tests.releases import atom
from tests.releases._projects import CRAWLING, crawler, with_crawlers, write
from tests.releases.conftest import SLUG, Released, release


def test_history_lists_versions_dates_and_changes(
    released: Released, run_cli: Callable[..., Result]
) -> None:
    result = run_cli("history", released.out)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Lumen-Base-2 (lumen-base-2): 3 release(s)"
    assert "  1.0  2025-10-01  first release" in lines
    assert "      Crawler LumenBot added in release 1.0" in lines
    assert any(line.startswith("  1.1  2026-03-01  since 1.0: ") for line in lines)
    assert "      Crawler LumenBot changed in release 1.1" in lines
    assert "      documents: Model documentation, Public summary of training content" in lines
    assert "Keep every release until 2035-10-01." in lines


def test_history_json_and_model_folder(released: Released, run_cli: Callable[..., Result]) -> None:
    result = run_cli("history", released.model, "--format", "json")
    payload = json.loads(result.output)
    assert [r["version"] for r in payload["releases"]] == ["1.0", "1.1", "2.0"]
    assert payload["releases"][2]["documents"] == ["model_documentation", "training_data_summary"]
    markdown = run_cli("history", released.out, "--model", SLUG, "--format", "markdown").output
    assert "| 1.1 | 2026-03-01 | no | since 1.0:" in markdown


def test_history_needs_a_model_when_several(
    released: Released, run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    other = write(tmp_path / "other")
    release(other, released.out, "1.0", slug="lumen-small")
    result = run_cli("history", released.out)
    assert result.exit_code == 2
    assert "Pick one with --model: lumen-base-2, lumen-small" in result.output
    assert run_cli("history", released.out, "--model", "lumen-small").exit_code == 0
    assert run_cli("history", released.out, "--model", "../x").exit_code == 2


def test_releases_publish_the_page_and_the_feed(released: Released) -> None:
    feed = (released.model / "crawlers.atom").read_bytes()
    assert atom.atom_problems(feed) == []
    titles = [e["title"] for e in atom.entries(feed)]
    assert titles[0] == "Crawler LumenBot changed in release 1.1"
    assert sorted(titles[1:]) == [
        "Crawler LumenBot added in release 1.0",
        "Protocols honoured published in release 1.0",
    ]
    page = (released.model / "crawlers.md").read_text(encoding="utf-8")
    assert "LumenBot/1.1 (+https://lumen-ai.example/bot) _(since release 1.1, 2026-03-01)_" in page
    assert (
        (released.model / "crawlers.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    )
    # Published beside the releases, never inside one.
    assert verify_release(released.release("2.0")).ok


def test_feed_gains_an_entry_when_a_release_changes_a_crawler(released: Released) -> None:
    before = atom.entries((released.model / "crawlers.atom").read_bytes())
    write(
        released.project,
        with_crawlers(crawler(user_agent="LumenBot/3.0 (+https://lumen-ai.example/bot)")),
        {"copyright_policy": {"document": {"version": "1.2"}}},
    )
    result = release(released.project, released.out, "3.0", released_on=dt.date(2026, 10, 1))
    assert result.path.name == "3.0"
    after = atom.entries((released.model / "crawlers.atom").read_bytes())
    assert len(after) == len(before) + 1
    assert after[1:] == before
    assert after[0]["id"].endswith(":lumen-base-2/3.0/crawler/lumenbot")
    assert after[0]["updated"] == "2026-10-01T00:00:00Z"
    assert "LumenBot/1.1 (+https://lumen-ai.example/bot) -> LumenBot/3.0" in after[0]["content"]


def test_history_can_republish_the_crawler_files(
    released: Released, run_cli: Callable[..., Result]
) -> None:
    feed = released.model / "crawlers.atom"
    original = feed.read_bytes()
    feed.unlink()
    result = run_cli("history", released.out, "--publish-crawlers")
    assert result.exit_code == 0
    assert feed.read_bytes() == original


@pytest.mark.pdf
def test_release_with_pdfs(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    project = write(tmp_path / "project", CRAWLING)
    result = release(project, tmp_path / "out", "1.0", formats=("md", "pdf"))
    manifest = read_manifest(result.path)
    pdfs = [e for e in manifest.files if e.media_type == "application/pdf"]
    assert pdfs and {e.audience for e in pdfs} >= {"public", "aio"}
    for entry in pdfs:
        assert (result.path / entry.path).read_bytes().startswith(b"%PDF-")
    assert verify_release(result.path).ok
