"""Confidentiality canary: a marker in every free-text value of every sample, two releases,
and every file and printout gpai-docs makes from them checked against the fields' audiences.

Who may read a marker comes from the JSON Schemas' ``x-audience`` (checked against the
requirement catalogue in test_schema_audience.py); who reads a file comes from the release
manifest or the documented build layout. Nothing here asks the audience projection.
"""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from tests.canary import readers, verdicts
from tests.canary.pipeline import (
    CYCLONEDX_AUDIENCES,
    DOCX_EXPORTS,
    SAMPLE_NAMES,
    Run,
    run_everything,
)
from tests.canary.planting import Planter, found_in
from tests.conftest import FIXED_DATE
from tests.rules.patching import sample_data

PDF_SAMPLE = "open-weights-sme"
# One of each per release and sample: the build's seven artifacts (the help text lists
# seven), the release's seven plus sources, changelog, manifest and signature (1.1 only).
EXPECTED_PER_RUN = {
    "build Markdown": 14,
    "build draft Markdown": 7,
    "release Markdown": 14,
    "archive Markdown": 14,
    "release source": 6,
    "archive source": 6,
    "release changelog": 2,
    "archive changelog": 2,
    "release manifest": 2,
    "archive manifest": 2,
    "release signature": 1,
    "archive signature": 1,
    "crawler page": 2,
    "crawler feed": 1,
    "export hf-card": 2,
    "export cyclonedx": 2 * len(CYCLONEDX_AUDIENCES),
    "export docx": 2 * sum(len(audiences) for audiences in DOCX_EXPORTS.values()),
    "diff output": 18,
    "history output": 3,
}


@pytest.fixture(scope="module", params=SAMPLE_NAMES)
def run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Run:
    sample = str(request.param)
    return run_everything(sample, tmp_path_factory.mktemp(f"canary-{sample}"), pdf=False)


@pytest.fixture(scope="module")
def pdf_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    pytest.importorskip("weasyprint")
    pytest.importorskip("pypdf")
    return run_everything(PDF_SAMPLE, tmp_path_factory.mktemp("canary-pdf"), pdf=True)


def test_markers_stand_in_for_every_audience(run: Run) -> None:
    for version, markers in run.markers.items():
        audiences = Counter(frozenset(m.leaf.audience) for m in markers)
        # Every sample has AI Office-only, authority-only and downstream-only text (the
        # split rows of Form sections 3, 6 and 7), internal and public text.
        for only, least in (("aio", 2), ("nca", 1), ("dp", 1), ("internal", 10), ("public", 10)):
            assert audiences[frozenset({only})] >= least, (version, only, audiences)
        assert audiences[frozenset({"aio", "nca"})] >= 10, (version, audiences)
        assert len(markers) >= 60, version
    assert not set(run.markers["1.0"]) & set(run.markers["1.1"])


def test_no_marker_reaches_a_reader_its_field_does_not_name(run: Run) -> None:
    assert verdicts.leaks(run) == []


def test_every_marker_reaches_each_artifact_meant_for_its_audience(run: Run) -> None:
    misses, looked = verdicts.artifact_misses(run, ".md")
    assert misses == []
    assert looked >= 2 * sum(len(m) for m in run.markers.values())


def test_every_marker_reaches_each_word_export_meant_for_its_audience(run: Run) -> None:
    misses, looked = verdicts.docx_misses(run)
    assert misses == []
    assert looked >= sum(len(m) for m in run.markers.values())


def test_diff_shows_each_change_to_the_audiences_of_its_field(run: Run) -> None:
    misses, looked = verdicts.diff_misses(run)
    assert misses == []
    assert looked >= 6 * len(run.all_markers)


def test_changelog_of_the_second_release_names_old_and_new_values(run: Run) -> None:
    slug = run.manifests["1.1"]["model"]["slug"]
    first = verdicts.output(run, f"{slug}/1.0/CHANGELOG.md").found
    second = verdicts.output(run, f"{slug}/1.1/CHANGELOG.md").found
    assert first == frozenset()  # the first release has nothing to compare with
    assert second == frozenset(run.all_markers)


def test_crawler_page_and_feed_show_the_latest_published_crawler_facts(run: Run) -> None:
    slug = run.manifests["1.1"]["model"]["slug"]
    published = {
        m.text
        for m in run.markers["1.1"]
        if m.leaf.document == "copyright_policy"
        and m.leaf.path[:2] in {("rights_reservation", p) for p in ("robots_txt", "crawlers")}
        and "public" in m.leaf.audience
    }
    assert published
    for name in ("crawlers.md", "crawlers.html"):
        assert published <= verdicts.output(run, f"{slug}/{name}").found, name


def test_build_layout_is_the_release_manifest(run: Run) -> None:
    """The build's documented layout names the same audiences as the release manifest of
    the same project, so build outputs are judged as their release twins are."""
    for version, manifest in run.manifests.items():
        artifacts = {
            str(e["path"]): readers.reader_of(str(e["audience"]))
            for e in manifest["files"]
            if e["document"] is not None and not str(e["path"]).startswith("sources/")
        }
        stems = {readers.stem_of(p): r for p, r in artifacts.items()}
        assert stems == run.layout, version
        built = {
            c.label.split("/", 1)[1]
            for c in run.checked
            if c.label.startswith(f"build-{version}/") and c.kind != "build bookkeeping"
        }
        assert built == set(artifacts), version


def test_every_kind_of_output_is_checked(run: Run) -> None:
    kinds = Counter(c.kind for c in run.checked)
    for kind, count in EXPECTED_PER_RUN.items():
        assert kinds[kind] == count, (kind, kinds)


def test_an_unclassified_output_fails_the_walk(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "releases"
    shutil.copytree(run.root / "releases", out)
    (model,) = out.iterdir()
    readers.output_tree(out, run.layout)  # as written: every file is known
    for stray in (model / "crawlers.json", model / "1.1" / "extra.md", model / ".1.2.staging"):
        stray.write_text("new", encoding="utf-8")
        with pytest.raises(AssertionError):
            readers.output_tree(out, run.layout)
        stray.unlink()
    build = tmp_path / "build"
    shutil.copytree(run.root / "build-1.1", build)
    (build / "model-documentation.press.md").write_text("new", encoding="utf-8")
    with pytest.raises(AssertionError, match="layout does not name"):
        readers.build_folder(build, run.layout, "build")


def test_a_restricted_marker_in_a_public_file_is_a_leak(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "releases"
    shutil.copytree(run.root / "releases", out)
    (model,) = out.iterdir()
    secret = next(m for m in run.markers["1.1"] if m.leaf.audience == frozenset({"aio"}))
    page = model / "crawlers.html"
    page.write_text(page.read_text(encoding="utf-8") + secret.text, encoding="utf-8")
    planted = Run(run.root, run.markers, readers.output_tree(out, run.layout))
    assert verdicts.leaks(planted) == [
        f"{model.name}/crawlers.html (for public): {secret.where} [aio]"
    ]


def test_a_marker_missing_from_its_artifact_is_a_miss(run: Run) -> None:
    label = "build-1.1/model-documentation.ai-office.md"
    emptied = [replace(c, shown=frozenset()) if c.label == label else c for c in run.checked]
    misses, _ = verdicts.artifact_misses(
        Run(run.root, run.markers, emptied, run.layout, run.manifests), ".md"
    )
    aio_only = [m.where for m in run.markers["1.1"] if m.leaf.audience == {"aio"}]
    assert aio_only and {f"{label}: {where}" for where in aio_only} <= set(misses)


@pytest.mark.pdf
def test_pdfs_show_no_marker_to_a_reader_its_field_does_not_name(pdf_run: Run) -> None:
    assert verdicts.leaks(pdf_run) == []
    kinds = Counter(c.kind for c in pdf_run.checked)
    assert kinds["build PDF"] == kinds["release PDF"] == kinds["archive PDF"] == 14


@pytest.mark.pdf
def test_pdf_pages_show_every_marker_meant_for_their_audience(pdf_run: Run) -> None:
    misses, looked = verdicts.artifact_misses(pdf_run, ".pdf")
    assert misses == []
    assert looked >= 2 * sum(len(m) for m in pdf_run.markers.values())


@pytest.mark.pdf
def test_pdf_attachments_hold_the_source_as_their_audience_sees_it(pdf_run: Run) -> None:
    """Each PDF embeds its document cut to its audience (README): its attachments hold
    every marker its Markdown twin shows, so the walk over them has something to find."""
    from pypdf import PdfReader

    by_label = {c.label: c for c in pdf_run.checked}
    pdfs = sorted((pdf_run.root / "build-1.1").glob("*.pdf"))
    assert len(pdfs) == 7
    for pdf in pdfs:
        attached = "\n".join(
            b.decode("utf-8", "replace")
            for contents in PdfReader(pdf).attachments.values()
            for b in contents
        )
        twin = by_label[f"build-1.1/{pdf.name.removesuffix('.pdf')}.md"]
        assert twin.shown <= found_in(attached), pdf.name


def test_error_messages_for_public_artifacts_do_not_quote_restricted_values(
    tmp_path: Path,
) -> None:
    project = tmp_path / "project"
    _, markers = Planter().plant(sample_data("minimal"), project, FIXED_DATE)
    restricted = {m.text for m in markers if not {"dp", "public"} & m.leaf.audience}
    assert len(restricted) >= 20
    # Break the public summary; the build's refusal is printed where CI logs are public.
    summary = project / "training-data-summary.yaml"
    summary.write_text(summary.read_text(encoding="utf-8") + "\nbroken: [\n", encoding="utf-8")
    from click.testing import CliRunner

    from gpai_docs.cli import cli as command

    args = ["build", str(project), "--out", str(tmp_path / "o"), "--no-pdf"]
    result = CliRunner().invoke(command, args)
    assert result.exit_code == 1
    public_lines = [line for line in result.output.splitlines() if "training-data-summary" in line]
    assert public_lines
    assert not restricted & found_in("\n".join(public_lines))
