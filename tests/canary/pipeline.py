"""Run every command that writes or prints documents over a marked project, twice.

Release 1.0 of the planted project, then 1.1 with every marker replaced by a new one and
every document version bumped; builds, exports, diffs and history around both. What the
commands wrote or printed is collected as :class:`~tests.canary.readers.Checked` items.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from tests.canary import readers
from tests.canary.planting import Marker, Planter, found_in, next_release
from tests.canary.readers import PROVIDER, Checked
from tests.conftest import SAMPLES
from tests.rules.patching import sample_data

SAMPLE_NAMES = sorted(
    p.name for p in SAMPLES.iterdir() if (p / "model-documentation.yaml").exists()
)
DATES = {"1.0": dt.date(2026, 11, 21), "1.1": dt.date(2026, 12, 1)}
DIFF_AUDIENCES = ("aio", "nca", "dp", "public", "internal")
FORMATS = ("text", "markdown", "json")
KNOWN_EXPORTS = ("cyclonedx", "docx", "hf-card")
CYCLONEDX_AUDIENCES = ("dp", "public", "nca", "aio")
# Each document `export docx` writes, with the audiences `export docx --help` names for it.
DOCX_EXPORTS = {
    "training-data-summary": ("public",),
    "copyright-policy": ("public", "internal"),
    "model-documentation": ("aio", "nca", "dp"),
}


@dataclass
class Run:
    """What one canary run planted and what it collected."""

    root: Path
    markers: dict[str, list[Marker]] = field(default_factory=dict)  # by release version
    checked: list[Checked] = field(default_factory=list)
    layout: dict[str, str] = field(default_factory=dict)
    manifests: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def all_markers(self) -> dict[str, Marker]:
        return {m.text: m for ms in self.markers.values() for m in ms}


def cli(*args: str | Path) -> tuple[str, str]:
    """Run gpai-docs in process; (stdout, stderr). A failing command fails the run."""
    from gpai_docs.cli import cli as command

    result = CliRunner().invoke(command, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, f"gpai-docs {' '.join(map(str, args))}:\n{result.output}"
    return result.stdout, result.stderr


def _printed(kind: str, label: str, reader: str, text: str) -> Checked:
    found = frozenset(found_in(text))
    return Checked(kind, label, reader, found, found)


def export_commands() -> list[str]:
    """The subcommands `gpai-docs export --help` lists."""
    text = cli("export", "--help")[0]
    block = text.split("Commands:", 1)[1]
    return sorted(m[1] for m in re.finditer(r"^\s{2}(\S+)\s", block, re.MULTILINE))


def _project(sample: str, planter: Planter, root: Path, run: Run) -> tuple[Path, Path]:
    base = sample_data(sample)
    documents = {"1.0": base}
    projects = {}
    for version in DATES:
        project = root / f"project-{version}"
        # Side files (the crawl totals the domain list is computed from) come along.
        for extra in (SAMPLES / sample).iterdir():
            if extra.is_file() and not extra.name.endswith((".yaml", ".yml", ".json")):
                project.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(extra, project / extra.name)
        if version != "1.0":
            documents[version] = next_release(documents["1.0"], "https://example.org/tds/1.0")
        _, run.markers[version] = planter.plant(documents[version], project, DATES[version])
        projects[version] = project
    return projects["1.0"], projects["1.1"]


def _exports(project: Path, out: Path, tag: str) -> list[Checked]:
    checked = []
    card = out / "README.md"
    cli("export", "hf-card", project, "--out", card)
    # The card's body is "for downstream providers, built only from the items the Model
    # Documentation Form marks for them" (export hf-card --help).
    found, shown = readers.extract(card.name, card.read_bytes())
    checked.append(Checked("export hf-card", f"{tag}/README.md", "dp", found, shown))
    for audience in CYCLONEDX_AUDIENCES:
        bom = out / f"bom-{audience}.json"
        cli("export", "cyclonedx", project, "--audience", audience, "--out", bom)
        found, shown = readers.extract(bom.name, bom.read_bytes())
        checked.append(Checked("export cyclonedx", f"{tag}/{bom.name}", audience, found, shown))
    for document, audiences in DOCX_EXPORTS.items():
        for audience in audiences:
            name = f"{document}.{audience}.docx"
            cli("export", "docx", project, "--document", document, "--audience", audience,
                "--out", out / name)  # fmt: skip
            found, shown = readers.extract(name, (out / name).read_bytes())
            reader = readers.reader_of(audience)
            checked.append(Checked("export docx", f"{tag}/{name}", reader, found, shown))
    written = {p.relative_to(out).as_posix() for p in out.rglob("*")}
    assert written == {c.label.removeprefix(f"{tag}/") for c in checked}, f"{tag}: {written}"
    return checked


def run_everything(sample: str, root: Path, pdf: bool) -> Run:
    run = Run(root)
    planter = Planter()
    run.layout = readers.parse_layout(cli("build", "--help")[0])
    assert export_commands() == sorted(KNOWN_EXPORTS), "an export this canary does not run"
    p10, p11 = _project(sample, planter, root, run)
    out = root / "releases"
    key = root / "keys" / "release.pem"
    key.parent.mkdir()
    cli("keygen", key)
    formats = ["--format", "md", *(["--format", "pdf"] if pdf else [])]
    build = [] if pdf else ["--no-pdf"]
    for version, project in (("1.0", p10), ("1.1", p11)):
        target = root / f"build-{version}"
        day = DATES[version].isoformat()
        printed = cli("build", project, "--out", target, "--as-of", day, "-j", "1", *build)
        run.checked.append(
            _printed("command output", f"build {version}", PROVIDER, "".join(printed))
        )
        run.checked += readers.build_folder(target, run.layout, f"build-{version}")
        sign: list[str | Path] = ["--sign-key", key] if version == "1.1" else []
        printed = cli(
            "release", project, "--version", version, "--out", out,
            "--date", day, "-j", "1", *formats, *sign,
        )  # fmt: skip
        run.checked.append(
            _printed("command output", f"release {version}", PROVIDER, "".join(printed))
        )
        run.checked += _exports(project, root / f"export-{version}", f"export-{version}")
    # A draft build names and marks every file differently; its content is cut the same.
    printed = cli("build", p11, "--out", root / "build-draft", "--draft", "--no-pdf")
    run.checked.append(_printed("command output", "build --draft", PROVIDER, "".join(printed)))
    run.checked += readers.build_folder(root / "build-draft", run.layout, "build-draft")
    (model,) = out.iterdir()
    for version in DATES:
        run.manifests[version] = json.loads((model / version / "manifest.json").read_bytes())
    for fmt in FORMATS:
        for audience in (None, *DIFF_AUDIENCES):
            chosen = ["--audience", audience] if audience else []
            text, _ = cli("diff", model / "1.0", model / "1.1", "--format", fmt, *chosen)
            reader = readers.reader_of(audience) if audience else PROVIDER
            label = f"diff --format {fmt} --audience {audience or '(all)'}"
            run.checked.append(_printed("diff output", label, reader, text))
        # History lists versions, dates, change counts and crawler changes: all of it from
        # the manifests and the crawler feed, which are public.
        text, _ = cli("history", out, "--model", model.name, "--format", fmt)
        run.checked.append(_printed("history output", f"history --format {fmt}", "public", text))
    cli("history", model, "--publish-crawlers")
    run.checked += readers.output_tree(out, run.layout)
    return run
