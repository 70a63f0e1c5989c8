"""`build` output through links, over inputs and from a tampered build record."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gpai_docs.errors import OutputError
from gpai_docs.render.build import build_project
from tests.conftest import FIXED_DATE
from tests.hostile._paths import project_with_source, run, snapshot

AIO = "model-documentation.ai-office.md"  # an artifact name, written out by hand


def _build(project: Path, out: Path, *, draft: bool = False) -> object:
    return build_project(project, out, formats=("md",), as_of=FIXED_DATE, draft=draft)


def test_a_linked_out_folder_is_refused(project: Path, tmp_path: Path, elsewhere: Path) -> None:
    out = tmp_path / "output"
    out.symlink_to(elsewhere)
    with pytest.raises(OutputError, match=re.escape(f"{out} is a symbolic link")):
        _build(project, out)
    assert snapshot(elsewhere) == {"keep.txt": b"not to be touched\n"}


def test_an_artifact_name_that_is_a_link_is_not_written_through(
    project: Path, tmp_path: Path, elsewhere: Path
) -> None:
    out = tmp_path / "output"
    out.mkdir()
    (out / AIO).symlink_to(elsewhere / "keep.txt")
    with pytest.raises(OutputError) as error:
        _build(project, out)
    assert error.value.message == (
        f"Cannot write {out / AIO}: a file of that name exists and is a symbolic link; "
        "it is left as it is and nothing was written."
    )
    assert snapshot(elsewhere) == {"keep.txt": b"not to be touched\n"}


def test_an_artifact_hard_linked_to_a_document_is_refused(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    out.mkdir()
    document = project / "model-documentation.yaml"
    before = document.read_bytes()
    os.link(document, out / AIO)
    with pytest.raises(OutputError) as error:
        _build(project, out)
    assert error.value.message == (
        f"Cannot write {out / AIO}: it is the input {document} (the same file under another "
        "name); writing it would replace that input. Nothing was written."
    )
    assert document.read_bytes() == before


def test_out_equal_to_the_project_writes_beside_the_documents(project: Path) -> None:
    before = snapshot(project)
    _build(project, project)
    after = snapshot(project)
    assert {k: after[k] for k in before} == before
    assert AIO in after


def test_out_inside_the_project_leaves_the_documents_alone(project: Path) -> None:
    before = snapshot(project)
    _build(project, project / "output")
    after = snapshot(project)
    assert {k: after[k] for k in before} == before
    assert f"output/{AIO}" in after


def test_an_artifact_that_would_replace_the_domain_source_is_refused(tmp_path: Path) -> None:
    # The draft build writes the full list as this CSV; the project reads its list from it.
    name = "training-data-summary.public.draft.domains.csv"
    project = project_with_source(tmp_path / "project", name)
    (project / name).write_text("rank,domain\n1,a.example\n", encoding="utf-8")
    before = snapshot(project)
    with pytest.raises(
        OutputError, match=re.escape(f"Cannot write {project / name}: it is the input")
    ):
        _build(project, project, draft=True)
    assert {k: v for k, v in snapshot(project).items() if k in before} == before


def test_stale_names_in_the_build_record_never_delete_outside(
    project: Path, tmp_path: Path, elsewhere: Path
) -> None:
    out = tmp_path / "output"
    out.mkdir()
    record = {
        "format": "gpai-docs-build/1",
        "build_key": "planted",
        "inputs": {},
        "files": {"../elsewhere/keep.txt": {}, str(elsewhere / "keep.txt"): {}},
    }
    (out / ".gpai-docs-build.json").write_text(json.dumps(record), encoding="utf-8")
    _build(project, out)
    assert snapshot(elsewhere) == {"keep.txt": b"not to be touched\n"}


def test_a_fifo_as_the_build_record_does_not_hang(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    out.mkdir()
    os.mkfifo(out / ".gpai-docs-build.json")
    result = run("build", project, "--no-pdf", "--out", out)
    assert result.returncode == 2, result.stdout + result.stderr
    assert (
        f"Cannot write {out / '.gpai-docs-build.json'}: a file of that name exists and is a "
        "named pipe (FIFO)"
    ) in result.stderr
    assert "Traceback" not in result.stderr


def test_a_relative_linked_out_folder_is_refused(
    project: Path, tmp_path: Path, elsewhere: Path
) -> None:
    (tmp_path / "output").symlink_to("elsewhere")
    result = run("build", "project", "--no-pdf", "--out", "output", cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Cannot write output/.gpai-docs-build.lock: output is a symbolic link." in (
        result.stderr
    )
    assert snapshot(elsewhere) == {"keep.txt": b"not to be touched\n"}


def _edit_record(out: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    path = out / ".gpai-docs-build.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    edit(record["files"])
    path.write_text(json.dumps(record), encoding="utf-8")


def test_a_record_entry_outside_the_folder_is_never_reused(
    project: Path, tmp_path: Path, elsewhere: Path
) -> None:
    out = tmp_path / "output"
    _build(project, out)
    outside = {
        "sha256": hashlib.sha256(b"not to be touched\n").hexdigest(),
        "key": "planted",
        "document": "model_documentation",
        "audience": "public",
        "media_type": "text/markdown",
    }
    _edit_record(out, lambda files: files.update({"../elsewhere/keep.txt": outside}))
    result = _build(project, out)
    paths = [Path(a.path) for a in result.artifacts]  # type: ignore[attr-defined]
    assert all(p.parent == out for p in paths), paths
    assert snapshot(elsewhere) == {"keep.txt": b"not to be touched\n"}


def test_a_linked_artifact_with_a_matching_record_is_not_reused(
    project: Path, tmp_path: Path
) -> None:
    # downstream.md -> ai-office.md, and the record says that is what downstream.md holds:
    # reused, the AI Office text would be published as the downstream document.
    out = tmp_path / "output"
    _build(project, out)
    downstream, aio = out / "model-documentation.downstream.md", out / AIO
    confidential = aio.read_bytes()
    downstream.unlink()
    downstream.symlink_to(aio.name)
    digest = hashlib.sha256(confidential).hexdigest()
    _edit_record(out, lambda files: files[downstream.name].update({"sha256": digest}))
    with pytest.raises(OutputError) as error:
        _build(project, out)
    assert error.value.message.startswith(
        f"The artifact {downstream.name} and the artifact {AIO} would be the same file "
        f"({downstream}): writing one would overwrite the other."
    )
    assert aio.read_bytes() == confidential
