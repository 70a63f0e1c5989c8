"""`gpai-docs release`: the pre-flight checks run before anything is written, and --dry-run.

Each check is shown refused (an error, or a question in CI), prompted (a terminal: no
refuses, yes releases) and answered by --yes. The release fixtures hold 1.0, 1.1 and 2.0
(released 2026-09-01); the project is the 2.0 project. Expected messages are written by
hand from the issue.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from gpai_docs.bundle.manifest import read_manifest
from gpai_docs.bundle.preflight import ReleaseRefused, version_key
from gpai_docs.bundle.sources import Referenced
from gpai_docs.bundle.verify import verify_release
from gpai_docs.cli import cli
from tests.releases._projects import CRAWLING, write
from tests.releases.conftest import PATCHES, SLUG, Released, release

HANDLING = {"copyright_policy": {"contact": {"handling": "Reviewed within 20 days."}}}
NEW_POLICY_VERSION = {"copyright_policy": {"document": {"version": "1.2"}}}
# 80 crawled domains, not an SME: the template asks for the top 8.
DOMAINS = [f"site-{n}.example" for n in range(1, 9)]


def everything(root: Path) -> dict[str, bytes | None]:
    """Every path under ``root`` (folders and hidden files too), with a file's bytes."""
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): path.read_bytes() if path.is_file() else None
        for path in sorted(root.rglob("*"))
    }


def run(
    released: Released,
    *extra: str,
    version: str = "2.1",
    ask: bool = False,
    answer: str | None = None,
    ci: bool = False,
    monkeypatch: pytest.MonkeyPatch | None = None,
) -> Result:
    """`release` of the project as ``version``; ``ask`` makes stdin a terminal."""
    if monkeypatch is not None:
        monkeypatch.setattr("gpai_docs.cli.release_command.can_ask", lambda: ask)
    args = ["release", str(released.project), "--version", version, "--out", str(released.out)]
    args += ["--format", "md", "--date", "2026-10-01", *extra]
    env = {"CI": "true" if ci else ""}
    return CliRunner().invoke(cli, args, input=answer, env=env, catch_exceptions=False)


def assert_refused(result: Result, before: dict[str, bytes | None], released: Released) -> None:
    assert result.exit_code == 1, result.output
    assert "Nothing was written." in result.output
    assert everything(released.out) == before


def change_policy(released: Released, *, new_version: bool = True) -> None:
    """The 2.0 project with a changed copyright policy, its version raised or not."""
    patches = [*PATCHES["2.0"], HANDLING]
    write(released.project, *patches, *([NEW_POLICY_VERSION] if new_version else []))


# --- the version must come after the latest release's ------------------------------------


def test_a_version_before_the_latest_is_refused_even_with_yes(released: Released) -> None:
    change_policy(released)
    before = everything(released.out)
    result = run(released, "--yes", version="1.5")
    assert_refused(result, before, released)
    assert "error: Version 1.5 does not come after 2.0, the latest release (2026-09-01)." in (
        result.output
    )


def test_numbers_in_versions_compare_as_numbers(released: Released) -> None:
    change_policy(released)
    result = run(released, version="10.0")  # "10.0" < "2.0" as text, after it as numbers
    assert result.exit_code == 0, result.output
    assert version_key("1.10") > version_key("1.9")
    assert version_key("2.0.1") > version_key("2.0")


# --- a document changed without a new document version -----------------------------------

UNVERSIONED = "Copyright policy changed since release 2.0 but document.version is still 1.1."


def test_changed_document_without_new_version_is_refused_in_ci(released: Released) -> None:
    change_policy(released, new_version=False)
    before = everything(released.out)
    result = run(released, ci=True)
    assert_refused(result, before, released)
    assert f"question: {UNVERSIONED}" in result.output
    assert "Pass --yes to answer yes to them." in result.output


def test_changed_document_without_new_version_is_refused_without_a_terminal(
    released: Released,
) -> None:
    change_policy(released, new_version=False)
    before = everything(released.out)
    result = run(released)  # CI unset, but stdin is not a terminal
    assert_refused(result, before, released)
    assert UNVERSIONED in result.output


def test_changed_document_without_new_version_asks_on_a_terminal(
    released: Released, monkeypatch: pytest.MonkeyPatch
) -> None:
    change_policy(released, new_version=False)
    before = everything(released.out)
    declined = run(released, ask=True, answer="n\n", monkeypatch=monkeypatch)
    assert_refused(declined, before, released)
    assert UNVERSIONED in declined.output and "Release anyway?" in declined.output
    accepted = run(released, ask=True, answer="y\n", monkeypatch=monkeypatch)
    assert accepted.exit_code == 0, accepted.output
    assert (released.model / "2.1" / "manifest.json").is_file()


def test_changed_document_without_new_version_is_released_with_yes(released: Released) -> None:
    change_policy(released, new_version=False)
    result = run(released, "--yes", ci=True)
    assert result.exit_code == 0, result.output
    assert "released lumen-base-2 2.1" in result.output
    assert f"note: answered yes: {UNVERSIONED}" in result.output


def test_model_documentation_version_is_read_from_the_release_sources(
    released: Released,
) -> None:
    # The manifest does not hold the model documentation's version (it is not public).
    uses = {"model_documentation": {"use": {"intended_uses": "Drafting contracts only."}}}
    write(released.project, *PATCHES["2.0"], uses)
    before = everything(released.out)
    result = run(released, ci=True)
    assert_refused(result, before, released)
    assert (
        "Model documentation changed since release 2.0 but document.version is still 2.0.0."
        in result.output
    )


def test_a_new_document_version_passes(released: Released) -> None:
    change_policy(released)
    result = run(released, ci=True)
    assert result.exit_code == 0, result.output
    assert "question:" not in result.output


# --- signing consistent with earlier releases -------------------------------------------


def _keygen(path: Path) -> Path:
    result = CliRunner().invoke(cli, ["keygen", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def signed(released: Released, tmp_path: Path) -> tuple[Released, Path, str]:
    """Release 2.1 signed; the project then changes with a new version for 2.2."""
    key = _keygen(tmp_path / "keys" / "release.pem")
    signed_release = release(released.project, released.out, "2.1", sign_key=key)
    assert signed_release.manifest.signature is not None
    change_policy(released)
    return released, key, signed_release.manifest.signature["key_id"]


def test_unsigned_after_signed_is_refused_in_ci(signed: tuple[Released, Path, str]) -> None:
    released, _key, key_id = signed
    before = everything(released.out)
    result = run(released, version="2.2", ci=True)
    assert_refused(result, before, released)
    assert f"Release 2.1 was signed (key {key_id}); this one would not be." in result.output


def test_unsigned_after_signed_asks_on_a_terminal(
    signed: tuple[Released, Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    released, _key, _id = signed
    before = everything(released.out)
    declined = run(released, version="2.2", ask=True, answer="n\n", monkeypatch=monkeypatch)
    assert_refused(declined, before, released)
    accepted = run(released, version="2.2", ask=True, answer="y\n", monkeypatch=monkeypatch)
    assert accepted.exit_code == 0, accepted.output
    assert read_manifest(released.model / "2.2").signature is None


def test_unsigned_after_signed_is_released_with_yes(signed: tuple[Released, Path, str]) -> None:
    released, _key, _id = signed
    result = run(released, "--yes", version="2.2", ci=True)
    assert result.exit_code == 0, result.output


def test_signed_again_with_the_same_key_passes(signed: tuple[Released, Path, str]) -> None:
    released, key, _id = signed
    result = run(released, "--sign-key", str(key), version="2.2", ci=True)
    assert result.exit_code == 0, result.output


def test_another_key_is_refused_in_ci(signed: tuple[Released, Path, str], tmp_path: Path) -> None:
    released, _key, key_id = signed
    other = _keygen(tmp_path / "other" / "release.pem")
    before = everything(released.out)
    result = run(released, "--sign-key", str(other), version="2.2", ci=True)
    assert_refused(result, before, released)
    assert f"release 2.1 with key {key_id}." in result.output


# --- nothing changed since the last release ---------------------------------------------

NO_CHANGES = "Nothing changed since release 2.0: a release with no changes."


def test_no_changes_is_refused_in_ci(released: Released) -> None:
    before = everything(released.out)
    result = run(released, ci=True)  # the 2.0 project, unchanged
    assert_refused(result, before, released)
    assert f"question: {NO_CHANGES}" in result.output


def test_no_changes_asks_on_a_terminal(released: Released, monkeypatch: pytest.MonkeyPatch) -> None:
    before = everything(released.out)
    declined = run(released, ask=True, answer="n\n", monkeypatch=monkeypatch)
    assert_refused(declined, before, released)
    assert NO_CHANGES in declined.output
    accepted = run(released, ask=True, answer="y\n", monkeypatch=monkeypatch)
    assert accepted.exit_code == 0, accepted.output
    assert "changes since 2.0: no changes" in accepted.output


def test_no_changes_is_released_with_yes(released: Released) -> None:
    result = run(released, "-y", ci=True)
    assert result.exit_code == 0, result.output


def test_library_without_confirm_refuses_a_question(released: Released) -> None:
    before = everything(released.out)
    with pytest.raises(ReleaseRefused) as refused:
        release(released.project, released.out, "2.1", confirm=None)
    assert [check.name for check in refused.value.unanswered] == ["no-changes"]
    assert everything(released.out) == before


# --- sources self-contained: the domain statistics file is archived ---------------------


def domain_project(root: Path, source: str = "domains.summary.json") -> Path:
    """The crawling sample, its top-domain list read from a domain statistics file."""
    summary = {
        "format": "gpai-docs-domains/1",
        "distinct_domains": 80,
        "listed_domains": len(DOMAINS),
        "sme": False,
        "top": [
            {"rank": rank, "domain": domain, "size": 100 - rank, "share": 0.01}
            for rank, domain in enumerate(DOMAINS, start=1)
        ],
    }
    top = {"source": source, "domains": None, "total_domains": 80}
    patch = {"training_data_summary": {"section_2": {"crawled_data": {"top_domains": top}}}}
    project = write(root, CRAWLING, patch)
    (project / source).parent.mkdir(parents=True, exist_ok=True)
    (project / source).write_text(json.dumps(summary), encoding="utf-8")
    return project


def validate(path: Path) -> Result:
    return CliRunner().invoke(cli, ["validate", str(path)], catch_exceptions=False)


@pytest.mark.parametrize("source", ["domains.summary.json", "stats/domains.summary.json"])
def test_the_domain_file_is_archived_and_the_release_validates_clean(
    tmp_path: Path, source: str
) -> None:
    project = domain_project(tmp_path / "project", source)
    assert validate(project).exit_code == 0
    result = release(project, tmp_path / "out", "1.0", released_on=dt.date(2026, 10, 1))
    archived = result.path / "sources" / source
    assert archived.read_bytes() == (project / source).read_bytes()
    [entry] = [e for e in result.manifest.sources if e.path == f"sources/{source}"]
    assert entry.document == "training_data_summary"
    checked = validate(result.path)
    assert checked.exit_code == 0, checked.output
    assert "0 errors" in checked.output and "TS010" not in checked.output
    assert "checked on 2026-10-01" in checked.output  # as of the release date
    report = verify_release(result.path)
    assert report.ok, report.problems
    assert verify_release(tmp_path / "out" / SLUG / "1.0.tar.gz").ok


def test_a_changed_domain_file_alone_is_a_change(tmp_path: Path) -> None:
    project = domain_project(tmp_path / "project")
    out = tmp_path / "out"
    release(project, out, "1.0", released_on=dt.date(2026, 10, 1))
    summary = json.loads((project / "domains.summary.json").read_text(encoding="utf-8"))
    summary["top"][0]["size"] = 150
    (project / "domains.summary.json").write_text(json.dumps(summary), encoding="utf-8")
    again = release(project, out, "1.1", released_on=dt.date(2026, 10, 2), confirm=None)
    assert [check.name for check in again.questions] == []


def test_a_referenced_file_that_cannot_be_archived_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gpai_docs.bundle import release as release_module

    project = domain_project(tmp_path / "project")
    out = tmp_path / "out"
    real = release_module.side_of

    def unreadable(*args: Any) -> Any:
        loaded = real(*args)
        where = "section_2.crawled_data.top_domains.source"
        gone = {"domains.summary.json": Referenced("training_data_summary", where, None)}
        return dataclasses.replace(loaded, referenced=gone)

    monkeypatch.setattr(release_module, "side_of", unreadable)
    with pytest.raises(ReleaseRefused) as refused:
        release(project, out, "1.0", released_on=dt.date(2026, 10, 1))
    [check] = refused.value.checks
    assert check.name == "sources" and not check.question
    assert check.message == (
        "section_2.crawled_data.top_domains.source names 'domains.summary.json', which cannot "
        "be archived with the documents under sources/: it could not be read."
    )
    assert not (out / SLUG / "1.0").exists()


# --- --dry-run: every check, what would be released, nothing written --------------------


def test_dry_run_shows_the_release_and_writes_nothing(released: Released) -> None:
    change_policy(released, new_version=False)
    before = everything(released.out)
    result = run(released, "--dry-run", ci=True)
    assert result.exit_code == 0, result.output
    assert everything(released.out) == before
    out = result.output
    assert "dry run: would release lumen-base-2 2.1" in out
    assert "changes since 2.0: 1 changed" in out
    assert "changed copyright_policy contact.handling" in out
    assert "    CHANGELOG.md (internal, " in out
    assert "    sources/copyright-policy.yaml (internal, " in out
    assert f"question: {UNVERSIONED}" in out
    assert "Nothing was written (dry run)." in out


def test_dry_run_of_a_first_release_creates_no_folder(tmp_path: Path) -> None:
    project = domain_project(tmp_path / "project")
    out = tmp_path / "out"
    args = ["release", str(project), "--version", "1.0", "--out", str(out), "--format", "md"]
    result = CliRunner().invoke(cli, [*args, "--dry-run", "--date", "2026-10-01"])
    assert result.exit_code == 0, result.output
    assert "first release of this model" in result.output
    assert "    sources/domains.summary.json (internal, " in result.output
    assert not out.exists()


def test_dry_run_with_an_error_is_refused_and_writes_nothing(released: Released) -> None:
    change_policy(released)
    before = everything(released.out)
    result = run(released, "--dry-run", version="1.5")
    assert_refused(result, before, released)
    assert "Version 1.5 does not come after 2.0" in result.output


# --- the refusal's words: no --draft for release, and --date is not "today" --------------


def test_refused_release_does_not_offer_draft_nor_call_the_date_today(tmp_path: Path) -> None:
    project = write(tmp_path / "project")  # its documents are dated 2025-10-01
    out = tmp_path / "out"
    args = ["release", str(project), "--version", "1.0", "--out", str(out), "--format", "md"]
    result = CliRunner().invoke(cli, [*args, "--date", "2025-09-15"])
    assert result.exit_code == 1, result.output
    assert "is after 2025-09-15, the date the documents are checked on" in result.output
    assert "today" not in result.output
    assert "error: Release refused:" in result.output
    assert "build anyway with --draft" not in result.output
    assert "a release is never a draft" in result.output
    assert not (out / SLUG / "1.0").exists()
