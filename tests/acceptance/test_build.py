"""`gpai-docs build`: golden Markdown for every sample, refusal, drafts, reuse, confidentiality."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from gpai_docs.render.artifacts import SPECS, spec_for
from gpai_docs.render.build import BuildRefused, build_project
from gpai_docs.render.markdown import render_markdown
from gpai_docs.validate.pipeline import validate_project
from tests.conftest import FIXED_DATE, SAMPLES
from tests.render.canary import may_appear, plant

GOLDEN = Path(__file__).parent / "golden"
SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir() if p.is_dir())
STEMS = [spec.stem for spec in SPECS]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    for name in SAMPLE_NAMES:
        target = tmp_path_factory.mktemp(name)
        build_project(SAMPLES / name, target, formats=("md",), as_of=FIXED_DATE)
        out[name] = target
    return out


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_markdown_matches_golden(sample: str, built: dict[str, Path], update_golden: bool) -> None:
    produced = sorted(p for p in built[sample].iterdir() if not p.name.startswith("."))
    expected_dir = GOLDEN / sample
    if update_golden:
        expected_dir.mkdir(parents=True, exist_ok=True)
        for old in expected_dir.iterdir():
            old.unlink()
        for path in produced:
            if path.suffix == ".md":
                (expected_dir / path.name).write_text(
                    path.read_text(encoding="utf-8"), encoding="utf-8"
                )
        return
    assert expected_dir.is_dir(), f"no golden files for {sample}: run pytest --update-golden"
    golden_names = sorted(p.name for p in expected_dir.iterdir())
    assert golden_names == sorted(p.name for p in produced if p.suffix == ".md")
    for name in golden_names:
        want = (expected_dir / name).read_text(encoding="utf-8")
        got = (built[sample] / name).read_text(encoding="utf-8")
        if got != want:
            diff = "".join(
                difflib.unified_diff(
                    want.splitlines(True), got.splitlines(True), f"golden/{sample}/{name}", name
                )
            )
            pytest.fail(f"{name} differs from its golden file (pytest --update-golden):\n{diff}")


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_every_audience_gets_its_file(sample: str, built: dict[str, Path]) -> None:
    names = {p.name for p in built[sample].iterdir()}
    for stem in STEMS:
        assert f"{stem}.md" in names


def test_pure_markdown_function_matches_the_built_file(built: dict[str, Path]) -> None:
    result = validate_project(SAMPLES / "minimal", as_of=FIXED_DATE)
    text = render_markdown(result, "model_documentation", "dp")
    assert text == (built["minimal"] / "model-documentation.downstream.md").read_text(
        encoding="utf-8"
    )
    assert spec_for("training_data_summary", "public").stem == "training-data-summary.public"


def _pending_copy(tmp_path: Path) -> Path:
    project = tmp_path / "pending"
    project.mkdir()
    for doc in (SAMPLES / "minimal").iterdir():
        (project / doc.name).write_bytes(doc.read_bytes())
    # Placement after FIXED_DATE keeps the answer a draft (PJ001); once due it is MD002's.
    edits = {
        "model-documentation.yaml": [
            (
                "  bias_measures: Demographic term-frequency audits on samples of the corpus.",
                "  bias_measures: {to_be_provided: true}",
            ),
            ("  union_market_release_date: 2025-10-01", "  union_market_release_date: 2027-01-15"),
        ],
        "training-data-summary.yaml": [
            ("  union_market_date: 2025-10-01", "  union_market_date: 2027-01-15")
        ],
    }
    for name, replacements in edits.items():
        text = (project / name).read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text
            text = text.replace(old, new)
        (project / name).write_text(text, encoding="utf-8")
    return project


def test_pending_answers_refuse_a_final_build(tmp_path: Path) -> None:
    project = _pending_copy(tmp_path)
    with pytest.raises(BuildRefused) as refused:
        build_project(project, tmp_path / "out", formats=("md",), as_of=FIXED_DATE)
    assert refused.value.result.pending == 1
    assert not (tmp_path / "out" / "model-documentation.ai-office.md").exists()


def test_cli_refusal_prints_findings_and_exits_1(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    project = _pending_copy(tmp_path)
    result = run_cli(
        "build", project, "--out", tmp_path / "out", "--no-pdf", "--as-of", "2026-11-21"
    )
    assert result.exit_code == 1
    assert "PJ001" in result.output and "Build refused" in result.output


def test_draft_builds_anyway_and_marks_every_file(tmp_path: Path) -> None:
    project = _pending_copy(tmp_path)
    result = build_project(project, tmp_path / "out", draft=True, formats=("md",), as_of=FIXED_DATE)
    assert result.artifacts and all(".draft." in a.path.name for a in result.artifacts)
    for artifact in result.artifacts:
        if artifact.media_type == "text/markdown":
            assert artifact.path.read_text(encoding="utf-8").startswith("> **DRAFT")
    aio = (tmp_path / "out" / "model-documentation.ai-office.draft.md").read_text(encoding="utf-8")
    assert "**⚠ TO BE PROVIDED**" in aio


def test_unchanged_build_is_skipped_and_a_change_rebuilds_only_what_changed(tmp_path: Path) -> None:
    project = tmp_path / "p"
    project.mkdir()
    for doc in (SAMPLES / "minimal").iterdir():
        (project / doc.name).write_bytes(doc.read_bytes())
    out = tmp_path / "out"
    first = build_project(project, out, formats=("md",), as_of=FIXED_DATE)
    assert first.rendered == len(first.artifacts) == len(STEMS)
    second = build_project(project, out, formats=("md",), as_of=FIXED_DATE)
    assert second.validation is None and second.rendered == 0
    assert {a.sha256 for a in second.artifacts} == {a.sha256 for a in first.artifacts}
    policy = project / "copyright-policy.yaml"
    policy.write_text(
        policy.read_text(encoding="utf-8").replace("within 5 days", "within 3 days"),
        encoding="utf-8",
    )
    third = build_project(project, out, formats=("md",), as_of=FIXED_DATE)
    changed = {a.path.name for a in third.artifacts} - {a.path.name for a in first.artifacts}
    assert not changed
    assert third.rendered == 3  # both policy files and the report (source hash)


def test_cli_builds_into_out(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    result = run_cli(
        "build", SAMPLES / "minimal", "--out", tmp_path / "o", "--no-pdf", "--as-of", "2026-11-21"
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "o" / "training-data-summary.public.md").is_file()
    assert "model-documentation.downstream.md" in result.output


def test_cli_missing_project_exits_2(tmp_path: Path, run_cli: Callable[..., Result]) -> None:
    result = run_cli("build", tmp_path / "nope", "--out", tmp_path / "o", "--no-pdf")
    assert result.exit_code == 2 and "does not exist" in result.output


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_canary_values_stay_with_their_audience_in_markdown(sample: str, tmp_path: Path) -> None:
    """Every text field carries a marker; each marker may only appear where its field's
    audience allows (public values anywhere, everything in the provider's own report)."""
    markers = plant(SAMPLES / sample, tmp_path / "project")
    restricted = [m for m in markers if not {"dp", "public"} & set(m.audience)]
    assert restricted, "the sample has no restricted text to check"
    result = build_project(
        tmp_path / "project", tmp_path / "out", draft=True, formats=("md", "html"), as_of=FIXED_DATE
    )
    leaks = []
    seen = set()
    for artifact in result.artifacts:
        text = artifact.path.read_text(encoding="utf-8")
        found = set(re.findall(r"ZQX\d{5}QZ", text + artifact.path.name))
        seen |= found
        for marker in markers:
            if marker.text in found and not may_appear(marker, artifact.audience):
                leaks.append((artifact.path.name, marker.document, marker.path, marker.audience))
    assert leaks == []
    # The check has teeth: restricted markers do reach the artifacts they belong to.
    assert {m.text for m in restricted if "aio" in m.audience} & seen


ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_no_internal_label_caret_number_or_second_date_format_in_any_artifact(
    sample: str, tmp_path: Path
) -> None:
    result = build_project(SAMPLES / sample, tmp_path, formats=("md", "html"), as_of=FIXED_DATE)
    assert result.artifacts
    for artifact in result.artifacts:
        text = artifact.path.read_text(encoding="utf-8")
        name = artifact.path.name
        assert not re.search(r"\((AIO|NCA|DP)(/\w+)? row\)", text), name
        assert "10^" not in text and "\\*10" not in text, name
        if artifact.media_type in ("text/markdown", "text/html"):
            assert not ISO_DATE.search(text), (name, ISO_DATE.search(text))
    pages = sorted(a.path.name for a in result.artifacts if a.media_type == "text/html")
    assert pages == ["copyright-policy-summary.public.html", "training-data-summary.public.html"]


def test_a_release_says_what_changed_since_the_previous_one(tmp_path: Path) -> None:
    import datetime as dt
    import shutil

    from gpai_docs.bundle.release import release_project

    project = tmp_path / "project"
    shutil.copytree(SAMPLES / "minimal", project)
    out = tmp_path / "releases"
    first = release_project(
        project, version="1.0", out=out, released_on=dt.date(2026, 11, 21), formats=("md",)
    )
    summary = (first.path / "training-data-summary.public.md").read_text(encoding="utf-8")
    assert "Changes since" not in summary
    tds = project / "training-data-summary.yaml"
    tds.write_text(
        tds.read_text(encoding="utf-8").replace(
            "linguistic: English", "linguistic: English and Dutch"
        ),
        encoding="utf-8",
    )
    second = release_project(
        project,
        version="1.1",
        out=out,
        released_on=dt.date(2026, 11, 22),
        formats=("md",),
        confirm=lambda check: True,  # yes: the summary changed but kept header.version 1.0
    )
    summary = (second.path / "training-data-summary.public.md").read_text(encoding="utf-8")
    assert (
        "| Changes since version 1.0 | Description of the linguistic characteristics of the "
        "overall training data (changed) |"
    ) in summary


def test_cli_html_writes_the_two_web_pages_and_their_sidecars(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    out = tmp_path / "out"
    result = run_cli("build", SAMPLES / "minimal", "--out", out, "--no-pdf", "--html")
    assert result.exit_code == 0, result.output
    written = sorted(
        p.name for p in out.iterdir() if p.suffix in (".html", ".json") and p.name[0] != "."
    )
    assert written == [
        "copyright-policy-summary.public.html",
        "copyright-policy-summary.public.json",
        "training-data-summary.public.html",
        "training-data-summary.public.json",
    ]
