"""`gpai-docs import docx` on the command line: its report, --dry-run, --strict, exit status."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import docx
from gpai_docs.cli import cli
from tests.docx import _edit as E

SUMMARY = "training-data-summary.yaml"


def _edited(tmp_path: Path, extra_row: bool = False) -> tuple[Path, Path, str]:
    project = E.copy_tree(Path("samples/minimal"), tmp_path / "minimal")
    word = E.export(project, "training_data_summary", "public", tmp_path / "summary.docx")
    doc = docx.Document(str(word))
    E.set_cell(E.row_of(doc, "1.3", "Description of the linguistic").cells[1], ["English only."])
    if extra_row:
        E.add_row(E.tables_under(doc, "1.2")[0], ["Foo bar", "x"])
    doc.save(str(word))
    return project, word, (project / SUMMARY).read_text(encoding="utf-8")


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["import", "docx", *args])
    return result.exit_code, result.output


def test_import_writes_and_lists_the_changes(tmp_path: Path) -> None:
    project, word, before = _edited(tmp_path)
    code, out = _run(str(word), "--into", str(project))
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0].endswith(": 1 changed")
    assert "  ~ TDS.1.3.linguistic  " in out
    assert "      - English (81 %) and Dutch (19 %)." in lines
    assert "      + English only." in lines
    assert lines[-1] == f"wrote {project / SUMMARY}"
    after = (project / SUMMARY).read_text(encoding="utf-8")
    assert after == before.replace(
        "  linguistic: English (81 %) and Dutch (19 %).\n", "  linguistic: English only.\n"
    )


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    project, word, before = _edited(tmp_path)
    code, out = _run(str(word), "--into", str(project), "--dry-run")
    assert code == 0, out
    assert "      + English only." in out.splitlines()
    assert f"dry run: {project / SUMMARY} was not written" in out
    assert "wrote " not in out
    assert (project / SUMMARY).read_text(encoding="utf-8") == before


def test_strict_makes_an_unmapped_row_an_error(tmp_path: Path) -> None:
    project, word, before = _edited(tmp_path, extra_row=True)
    code, out = _run(str(word), "--into", str(project), "--strict")
    assert code == 1
    assert "nothing was imported:" in out
    assert "row 4 'Foo bar': no question of the summary has this wording" in out
    assert (project / SUMMARY).read_text(encoding="utf-8") == before

    code, out = _run(str(word), "--into", str(project))
    assert code == 0
    assert "not imported: Table" in out and "'Foo bar'" in out


def test_a_file_that_is_not_word_is_refused(tmp_path: Path) -> None:
    project = E.copy_tree(Path("samples/minimal"), tmp_path / "minimal")
    fake = tmp_path / "summary.docx"
    fake.write_text("not a zip", encoding="utf-8")
    code, out = _run(str(fake), "--into", str(project))
    assert code == 2
    assert "is not a Word document" in out


def test_help_shows_the_legal_teams_round_trip() -> None:
    code, out = _run("--help")
    assert code == 0
    assert "gpai-docs import docx summary.docx --into my-model --dry-run" in out
    assert "--tracked-changes [accept|reject]" in out
