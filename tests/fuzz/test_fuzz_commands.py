"""Property-based fuzzing of the commands that publish: verify, history, diff, import
hf-card, export hf-card and domains, fed hostile strings for every output context.

Each command runs through the CLI. The only outcomes allowed are its documented exit
codes with a clean message: a traceback, or an internal error (GD001: a caught
exception, still a bug), fails. Each output must then parse in its own format and hold
no active content from the input (see :mod:`tests.fuzz.hostile`). The default test run
uses a few examples per test; `scripts/fuzz.sh` runs GPAI_DOCS_FUZZ_EXAMPLES in all.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from gpai_docs.load.documents import load_text
from tests.fuzz.hostile import (
    MARK,
    atom_problems,
    ci_problems,
    csv_problems,
    hostile,
    html_problems,
    markdown_problems,
    printable,
    sarif_problems,
)
from tests.fuzz.strategies import examples
from tests.releases._projects import CRAWLING, crawler, with_crawlers
from tests.rules.patching import merge, sample_data, write_project

# A hundredth of GPAI_DOCS_FUZZ_EXAMPLES per command, at least 10 (the default run):
# each example is a whole CLI run, up to half a second, so 100 per command in the
# 10,000 of scripts/fuzz.sh add about six minutes.
COMMANDS = settings(
    deadline=None,
    max_examples=max(10, examples(0.01)),
    # no shrinking: at half a second a run, it took over five minutes for one failure;
    # the failing example is reported as generated
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
HTML_TAGS = {"html", "head", "meta", "title", "style", "link", "body", "main", "header",
             "footer", "section", "article", "nav", "div", "span", "h1", "h2", "h3", "p",
             "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "code",
             "pre", "dl", "dt", "dd", "em", "strong", "time", "small", "br", "hr"}  # fmt: skip


def run(*args: object) -> Result:
    from gpai_docs.cli import cli

    return CliRunner().invoke(cli, [str(a) for a in args], env={"CI": "1"})


def clean_exit(result: Result, codes: tuple[int, ...]) -> None:
    """A documented exit code, no traceback, no internal error."""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError("traceback") from result.exception
    assert result.exit_code in codes, result.output
    assert "GD001" not in result.output, result.output
    assert "Traceback" not in result.output
    assert not ci_problems(result.output), (ci_problems(result.output), result.output)


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="gpai-fuzz-commands-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _fresh(workdir: Path, name: str) -> Path:
    target = workdir / name
    shutil.rmtree(target, ignore_errors=True)
    return target


def _project(target: Path, *patches: dict[str, Any]) -> Path:
    data = sample_data("minimal")
    for patch in patches:
        data = merge(data, patch)
    shutil.rmtree(target, ignore_errors=True)
    return write_project(target, data)


def _texts(value: str) -> dict[str, Any]:
    """A patch putting ``value`` into free-text fields that reach every artifact."""
    return {
        "model_documentation": {
            "properties": {"architecture": value},
            "use": {"intended_uses": value},
        },
    }


@pytest.fixture(scope="module")
def releases(workdir: Path) -> Path:
    """Two releases of the minimal sample with a crawler (built once)."""
    from tests.releases.conftest import release

    out = workdir / "releases"
    project = _project(workdir / "release-project", CRAWLING)
    release(project, out, "1.0")
    bot = crawler(user_agent="LumenBot/1.1 (+https://lumen-ai.example/bot)")
    project = _project(workdir / "release-project", with_crawlers(bot))
    release(project, out, "1.1")
    return out


@COMMANDS
@given(
    name=hostile,
    agent=hostile,
    purpose=hostile,
    fmt=st.sampled_from(["text", "markdown", "json"]),
)
def test_history_outputs_parse_and_hold_no_active_content(
    releases: Path, workdir: Path, name: str, agent: str, purpose: str, fmt: str
) -> None:
    out = _fresh(workdir, "history")
    shutil.copytree(releases, out, symlinks=True)
    policy = out / "lumen-base-2" / "1.1" / "sources" / "copyright-policy.yaml"
    data = yaml.safe_load(policy.read_text(encoding="utf-8"))
    bot = data["rights_reservation"]["crawlers"][0]
    bot.update(name=name, user_agent=agent, purpose=purpose, robots_token=name)
    policy.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("history", out, "--format", fmt, "--publish-crawlers")
    clean_exit(result, (0, 2))
    if result.exit_code != 0:
        return
    if fmt == "json":
        json.loads(result.stdout)
    elif fmt == "markdown":
        assert not markdown_problems(result.stdout), markdown_problems(result.stdout)
    folder = out / "lumen-base-2"
    page = (folder / "crawlers.html").read_text(encoding="utf-8")
    assert not html_problems(page, HTML_TAGS), html_problems(page, HTML_TAGS)
    atom = (folder / "crawlers.atom").read_text(encoding="utf-8")
    assert not atom_problems(atom), atom_problems(atom)
    listing = (folder / "crawlers.md").read_text(encoding="utf-8")
    assert not markdown_problems(listing), markdown_problems(listing)


@COMMANDS
@given(path=hostile, extra=hostile, fmt=st.sampled_from(["text", "json"]))
def test_verify_reports_parse_and_hold_no_workflow_commands(
    releases: Path, workdir: Path, path: str, extra: str, fmt: str
) -> None:
    out = _fresh(workdir, "verify")
    shutil.copytree(releases, out, symlinks=True)
    folder = out / "lumen-base-2" / "1.1"
    manifest = folder / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["files"][0]["path"] = path
    manifest.write_text(json.dumps(data), encoding="utf-8")
    # any file name: at most 60 characters keeps it under 255 bytes
    name = extra.replace("/", "_").replace("\x00", "_")[:60].strip(".") or MARK
    (folder / name).write_bytes(b"an extra file")
    result = run("verify", folder, "--format", fmt)
    clean_exit(result, (1, 2))
    if fmt == "json":
        json.loads(result.stdout)


@COMMANDS
@given(before=hostile, after=hostile, fmt=st.sampled_from(["text", "markdown", "json"]))
def test_diff_outputs_parse_and_hold_no_active_content(
    workdir: Path, before: str, after: str, fmt: str
) -> None:
    old = _project(workdir / "diff-old", _texts(before))
    new = _project(workdir / "diff-new", _texts(after))
    result = run("diff", old, new, "--format", fmt)
    clean_exit(result, (0, 1, 2))
    if result.exit_code == 2:
        return
    if fmt == "json":
        json.loads(result.stdout)
    elif fmt == "markdown":
        assert not markdown_problems(result.stdout), markdown_problems(result.stdout)


def _front_matter(card: str) -> tuple[str, str]:
    assert card.startswith("---\n"), card[:80]
    head, _, body = card[4:].partition("\n---\n")
    return head, body


@COMMANDS
@given(value=hostile, name=printable)
def test_exported_card_parses_and_holds_no_active_content(
    workdir: Path, value: str, name: str
) -> None:
    project = _project(workdir / "export", _texts(value))
    card = workdir / "export-card" / "README.md"
    shutil.rmtree(card.parent, ignore_errors=True)
    card.parent.mkdir()
    result = run(
        "export", "hf-card", project, "--out", card, "--summary-link", "https://x.example/tds"
    )
    clean_exit(result, (0, 1, 2))
    if result.exit_code != 0:
        return
    head, body = _front_matter(card.read_text(encoding="utf-8"))
    loaded = load_text(head, "README.md")
    assert not loaded.diagnostics, [d.message for d in loaded.diagnostics]
    assert not markdown_problems(body), markdown_problems(body)


@COMMANDS
@given(name=hostile, licence=hostile, description=hostile, tag=hostile)
def test_imported_card_gives_documents_the_loader_reads(
    workdir: Path, name: str, licence: str, description: str, tag: str
) -> None:
    folder = _fresh(workdir, "import")
    folder.mkdir()
    meta = {
        "model_name": name,
        "license": licence,
        "tags": [tag],
        "datasets": [tag],
        "language": [tag],
    }
    card = folder / "README.md"
    card.write_text(
        "---\n"
        + yaml.safe_dump(meta, allow_unicode=True)
        + "---\n\n# "
        + name
        + "\n\n"
        + description
        + "\n",
        encoding="utf-8",
    )
    result = run("import", "hf-card", card, "--out", folder / "project")
    clean_exit(result, (0, 1, 2))
    if result.exit_code != 0:
        return
    documents = sorted((folder / "project").glob("*.yaml"))
    assert len(documents) == 3
    for path in documents:
        loaded = load_text(path.read_text(encoding="utf-8"), path.name)
        assert isinstance(loaded.data, dict), path.name
        assert not loaded.diagnostics, [d.message for d in loaded.diagnostics]


host_part = st.sampled_from(["-cmd", "=cmd", "+x", "@x", "a", "xn--bcher-kva", "_x", "%0a", "b-"])


@COMMANDS
@given(
    rows=st.lists(
        st.tuples(st.lists(host_part, min_size=1, max_size=3), st.integers(0, 99), hostile),
        min_size=1,
        max_size=8,
    )
)
def test_domains_outputs_parse_and_hold_no_formulas(workdir: Path, rows: list[Any]) -> None:
    import csv

    folder = _fresh(workdir, "domains")
    folder.mkdir()
    log = folder / "log.csv"
    with log.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["url", "size", "modality"])
        for labels, size, modality in rows:
            writer.writerow(["https://" + ".".join([*labels, "com"]) + "/", size, modality])
    result = run("domains", log, "--out", folder / "out" / "d.csv")
    clean_exit(result, (0, 2))
    if result.exit_code != 0:
        return
    summary = json.loads((folder / "out" / "d.summary.json").read_text(encoding="utf-8"))
    csvs = [summary["csv"], *(m["csv"] for m in summary["by_modality"].values())]
    for name in csvs:
        text = (folder / "out" / name).read_text(encoding="utf-8")
        assert not csv_problems(text, 5), (name, csv_problems(text, 5))
    assert sorted(p.name for p in (folder / "out").iterdir()) == sorted([*csvs, "d.summary.json"])


@COMMANDS
@given(folder=hostile, value=hostile)
def test_sarif_locations_are_uri_references(workdir: Path, folder: str, value: str) -> None:
    name = "".join(c for c in folder if c not in "/\x00").strip(".")[:100] or MARK
    root = _fresh(workdir, "sarif")
    pending = {"model_documentation": {"data": {"curation": {"to_be_provided": value}}}}
    project = _project(root / name, _texts(value), pending)
    result = run("validate", project, "--format", "sarif")
    clean_exit(result, (0, 1, 2))
    if result.exit_code == 2:
        return
    data = json.loads(result.stdout)
    assert not sarif_problems(data), sarif_problems(data)
    results = data["runs"][0]["results"]
    assert any(r.get("locations") for r in results), "the pending answer has a location"


@COMMANDS
@given(member=hostile, fmt=st.sampled_from(["text", "json"]))
def test_verify_reports_on_archives_hold_no_workflow_commands(
    releases: Path, workdir: Path, member: str, fmt: str
) -> None:
    import io
    import tarfile

    folder = _fresh(workdir, "verify-archive")
    folder.mkdir()
    archive = folder / "1.1.tar.gz"
    with (
        tarfile.open(releases / "lumen-base-2" / "1.1.tar.gz", "r:gz") as source,
        tarfile.open(archive, "w:gz", format=tarfile.PAX_FORMAT) as out,
    ):
        for info in source:
            data = source.extractfile(info) if info.isreg() else None
            out.addfile(info, data)
        extra = tarfile.TarInfo("1.1/" + member.replace("\x00", "")[:200])
        extra.size = 5
        out.addfile(extra, io.BytesIO(b"extra"))
    result = run("verify", archive, "--format", fmt)
    clean_exit(result, (1, 2))
    if fmt == "json":
        json.loads(result.stdout)


def test_findings_keep_their_file_when_the_project_folder_starts_with_a_parenthesis(
    tmp_path: Path,
) -> None:
    # Found by the SARIF property above: a file name starting with "(" was taken for the
    # internal-error pseudo-location, so a project in "(draft)/" got SARIF results and
    # GitHub annotations without file or line.
    pending = {"model_documentation": {"data": {"curation": {"to_be_provided": "x"}}}}
    project = _project(tmp_path / "(draft)", pending)
    sarif = json.loads(run("validate", project, "--format", "sarif").stdout)
    (result,) = sarif["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("%28draft%29/model-documentation.yaml"), uri
    github = run("validate", project, "--format", "github").stdout
    assert "file=" in github and ",line=" in github, github


def test_the_robots_token_stays_inside_its_code_span(releases: Path, tmp_path: Path) -> None:
    # Found by the history property above: the robots.txt product token went into `...`
    # unescaped, so a line break and "# " started a heading (block structure comes
    # before code spans) and a backtick ended the span.
    out = tmp_path / "out"
    shutil.copytree(releases, out, symlinks=True)
    policy = out / "lumen-base-2" / "1.1" / "sources" / "copyright-policy.yaml"
    data = yaml.safe_load(policy.read_text(encoding="utf-8"))
    data["rights_reservation"]["crawlers"][0]["robots_token"] = (
        "Bot\n# headzqx` [l](http://e.example)"
    )
    policy.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run("history", out, "--publish-crawlers")
    clean_exit(result, (0,))
    listing = (out / "lumen-base-2" / "crawlers.md").read_text(encoding="utf-8")
    assert not markdown_problems(listing), markdown_problems(listing)
    # one code span, its fence longer than the backtick inside, the line break a space
    assert "the group for ``Bot # headzqx` [l](http://e.example)``, else" in listing
