"""Each command reads the project once, and rendering works from the validated result alone.

The documents and the domain statistics file are opened once per command: a file
changed between validation and rendering (or archiving) can then never publish
something that was not validated. Opens are counted with an audit hook, which sees
``open()`` and ``os.open()`` alike, whatever module makes them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from gpai_docs.bundle import release as release_module
from gpai_docs.bundle.release import release_project
from gpai_docs.render.build import BuildOptions, build_project, build_validated
from gpai_docs.validate.pipeline import validate_project
from tests.rules.patching import merge, sample_data, write_project

DOCUMENTS = ("model-documentation.yaml", "training-data-summary.yaml", "copyright-policy.yaml")
SUMMARY = "domains.summary.json"
DOMAINS = ["civicinsights.net", "money-daily.org", "museum-wire.edu", "mathdocs.org"]
_watching: list[Counter[str]] = []


def _count_opens(event: str, args: tuple[Any, ...]) -> None:
    """Count opens for reading: ``open()`` reports a mode, ``os.open()`` its flags."""
    if not _watching or event != "open" or not isinstance(args[0], str | bytes | Path):
        return
    path, mode, flags = args
    writes = any(c in mode for c in "wax+") if isinstance(mode, str) else False
    if isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR):
        writes = True
    if not writes:
        _watching[-1][Path(os.fsdecode(path)).name] += 1


sys.addaudithook(_count_opens)  # hooks cannot be removed: it counts only inside `opens()`


@contextmanager
def opens() -> Iterator[Counter[str]]:
    counter: Counter[str] = Counter()
    _watching.append(counter)
    try:
        yield counter
    finally:
        _watching.remove(counter)


def _project(target: Path) -> Path:
    """The crawling sample, its top-domain list read from a domain statistics file."""
    summary = {
        "format": "gpai-docs-domains/1",
        "distinct_domains": 80,
        "listed_domains": len(DOMAINS),
        "sme": True,
        "top": [
            {"rank": rank, "domain": domain, "size": 100 - rank, "share": 0.01}
            for rank, domain in enumerate(DOMAINS, start=1)
        ],
    }
    patch = {
        "training_data_summary": {
            "section_2": {
                "crawled_data": {
                    "top_domains": {"source": SUMMARY, "domains": None, "total_domains": 80}
                }
            }
        }
    }
    project = write_project(target, merge(sample_data("open-weights-sme"), patch))
    (project / SUMMARY).write_text(json.dumps(summary), encoding="utf-8")
    return project


def _read_once(counter: Counter[str]) -> None:
    assert {name: counter[name] for name in (*DOCUMENTS, SUMMARY)} == dict.fromkeys(
        (*DOCUMENTS, SUMMARY), 1
    )


def test_the_project_is_valid_and_lists_the_file_s_domains(tmp_path: Path) -> None:
    result = validate_project(_project(tmp_path / "p"))
    assert [d.code for d in result.report.errors] == []
    assert result.pending == 0


def test_validate_reads_each_document_and_the_domain_file_once(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    with opens() as counter:
        validate_project(project)
    _read_once(counter)


def test_build_reads_each_document_and_the_domain_file_once(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    with opens() as counter:
        build_project(project, tmp_path / "out", formats=("md",))
    _read_once(counter)


def test_a_release_archives_and_publishes_what_was_validated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The documents change on disk after validation, before the build: the release
    keeps the validated bytes in sources/ and builds from them, never from the new file."""
    project = _project(tmp_path / "p")
    document = project / "training-data-summary.yaml"
    validated = document.read_bytes()
    real_build = release_module.build_validated

    domains = (project / SUMMARY).read_bytes()
    during_build: list[Counter[str]] = []

    def build_after_an_edit(*args: Any) -> Any:
        document.write_bytes(validated.replace(b"civicinsights.net", b"edited-later.example"))
        (project / SUMMARY).write_text("not json", encoding="utf-8")
        with opens() as counter:
            during_build.append(counter)
            return real_build(*args)

    monkeypatch.setattr(release_module, "build_validated", build_after_an_edit)
    with opens() as counter:
        result = release_project(
            project,
            version="1.0",
            out=tmp_path / "releases",
            released_on=dt.date(2026, 11, 30),
            formats=("md",),
        )
    archived = result.path / "sources" / "training-data-summary.yaml"
    assert archived.read_bytes() == validated
    public = (result.path / "training-data-summary.public.md").read_text(encoding="utf-8")
    assert "civicinsights.net" in public
    assert "edited-later.example" not in public
    assert counter[SUMMARY] >= 1  # read with the documents...
    assert during_build[0][SUMMARY] == 0  # ...not again by the build
    # The release archives the domain file as validated too, not as it is now.
    assert (result.path / "sources" / SUMMARY).read_bytes() == domains


def test_rendering_never_opens_the_project_folder(tmp_path: Path) -> None:
    """Built from a validated result after the project folder is gone, every artifact is
    byte for byte the one a normal build writes: render reads nothing from the input."""
    project = _project(tmp_path / "p")
    build_project(project, tmp_path / "normal", formats=("md",), as_of=dt.date(2026, 11, 30))
    result = validate_project(project, as_of=dt.date(2026, 11, 30))
    shutil.rmtree(project)
    built = build_validated(result, tmp_path / "late", BuildOptions(formats=frozenset({"md"})))
    names = sorted(a.path.name for a in built.artifacts)
    assert "training-data-summary.public.domains.csv" in names
    public = (tmp_path / "late" / "training-data-summary.public.md").read_text(encoding="utf-8")
    assert all(domain in public for domain in DOMAINS)
    for name in names:
        assert (tmp_path / "late" / name).read_bytes() == (tmp_path / "normal" / name).read_bytes()
