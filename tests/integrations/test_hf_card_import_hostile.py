"""`gpai-docs import hf-card` on hostile cards: odd shapes, encodings, names, long lines.

Each case runs the CLI (exceptions are not caught: a traceback fails the test) and the
written documents are read back with gpai-docs' own loader. Expected values are the
inputs themselves or written out by hand.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from gpai_docs.integrations.hf_card_import import first_heading
from gpai_docs.load.documents import load_file
from gpai_docs.validate.pipeline import validate_project

Run = Callable[..., Result]
DOCUMENTS = ("model-documentation.yaml", "training-data-summary.yaml", "copyright-policy.yaml")
# Where the scaffold writes the model name, by document (scaffold.IDENTITY_FIELDS).
NAME_AT: dict[str, tuple[str | int, ...]] = {
    "model-documentation.yaml": ("general", "model_name", "name"),
    "training-data-summary.yaml": ("section_1", "versioned_model_names", 0),
    "copyright-policy.yaml": ("document", "models_covered", 0),
}


def _card(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "README.md"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def _without_name(data: Any, path: tuple[str | int, ...]) -> Any:
    *parents, last = path
    _at(data, tuple(parents))[last] = "<name>"
    return data


# --- odd front-matter shapes and encodings: a clean import or exit 2 -------------------------


@pytest.mark.parametrize(
    "front",
    [
        "tags: [[x]]",
        "language: {a: b}",
        "license: [1, 2]",
        "model_name: {a: b}",
        "model-index: [[x]]",
        "model-index: [{name: [1]}]",
        "base_model: [[x], {a: 1}, 3]",
        "datasets: {a: 1}",
        "license_link: [x]",
        "pipeline_tag: [text-generation]",
    ],
)
def test_odd_shapes_name_nothing_and_do_not_crash(front: str, tmp_path: Path, run_cli: Run) -> None:
    card = _card(tmp_path, f"---\n{front}\n---\n# Odd Model\n")
    result = run_cli("import", "hf-card", card, "--out", tmp_path / "new")
    assert result.exit_code == 0, result.output
    data = load_file(tmp_path / "new" / "model-documentation.yaml").data
    assert data["general"]["model_name"]["name"] == "Odd Model"  # the heading, not the shape
    assert data["distribution"]["license_link"] == {"to_be_provided": True}


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("---\n- a list\n---\n# M\n", "not one mapping"),
        ("---\njust text\n---\n# M\n", "not one mapping"),
        ("---\nlicense: mit\n# M\n", "opens with `---` on line 1 but never closes"),
        ("---\nlicense: mit\nlicense: apache-2.0\n---\n# M\n", "line 3, column 1: The key"),
        ("---\nlicense: !!python/name:os.system\n---\n# M\n", "line 2, column 10: The YAML tag"),
        ("---\nlicense: [mit\n---\n# M\n", "YAML syntax error"),
        (b"---\nlicense: caf\xe9\n---\n# M\n", "not valid UTF-8 (byte 0xe9) (line 2, column 13)"),
        ("# Model\n".encode("utf-16"), "UTF-16"),
        ("# Model\n".encode("utf-16-le"), "binary"),  # no BOM: NUL bytes between letters
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "binary"),
        (b"", "names no model"),
        (b"---\n---\nno heading here\n", "names no model"),
    ],
)
def test_unreadable_cards_are_a_clear_error(
    content: str | bytes, says: str, tmp_path: Path, run_cli: Run
) -> None:
    card = _card(tmp_path, content)
    result = run_cli("import", "hf-card", card, "--out", tmp_path / "new")
    assert result.exit_code == 2
    assert says in result.output
    assert "hint:" in result.output
    assert not (tmp_path / "new").exists()


def test_a_fifo_is_refused_without_blocking(tmp_path: Path, run_cli: Run) -> None:
    fifo = tmp_path / "README.md"
    os.mkfifo(fifo)
    result = run_cli("import", "hf-card", fifo, "--out", tmp_path / "new")
    assert result.exit_code == 2
    assert "not a regular file" in result.output


def test_front_matter_is_read_with_yaml_1_2(tmp_path: Path, run_cli: Run) -> None:
    # Under YAML 1.1 (PyYAML) `no` is false and the language would be lost.
    card = _card(tmp_path, "---\nlanguage: [no, en]\n---\n# M\n")
    assert run_cli("import", "hf-card", card, "--out", tmp_path / "new").exit_code == 0
    summary = load_file(tmp_path / "new" / "training-data-summary.yaml").data
    assert summary["section_1"]["linguistic"] == "Norwegian, English"


# --- a model name cannot add keys to the documents ---------------------------------------------

NAMES = [
    "Lumen\nextra_key: injected",
    "Lumen\n---\nsecond: document",
    "Lumen: 2 # comment",
    "# heading-like",
    "'single' and \"double\" quotes",
    "- a list item",
    "no",
    "010",
    "Lumen\x85NEL\u2028LS\u2029PS",
    "  padded  ",
    "{flow: mapping}",
    "&anchor *alias !tag",
]


@pytest.mark.parametrize("name", NAMES)
def test_a_model_name_comes_back_identical_and_adds_no_key(
    name: str, tmp_path: Path, run_cli: Run
) -> None:
    card = _card(tmp_path, "---\nlicense: mit\n---\n# Plain\n")
    reference, imported = tmp_path / "reference", tmp_path / "imported"
    assert run_cli("import", "hf-card", card, "--out", reference).exit_code == 0
    result = run_cli("import", "hf-card", card, "--out", imported, "--model-name", name)
    assert result.exit_code == 0, result.output
    for document in DOCUMENTS:
        loaded = load_file(imported / document)
        assert loaded.diagnostics == (), document
        assert _at(loaded.data, NAME_AT[document]) == name
        # Everything but the name is what a plain name gives: no key added or lost.
        plain = load_file(reference / document).data
        assert _without_name(loaded.data, NAME_AT[document]) == _without_name(
            plain, NAME_AT[document]
        )
    codes = {d.code for d in validate_project(imported).report.diagnostics}
    assert not codes & {"SC002", "DL002", "DL003", "DL004", "DL005"}, codes


def test_a_name_from_the_cards_front_matter_cannot_add_keys(tmp_path: Path, run_cli: Run) -> None:
    name = "Evil\nextra_key: injected\n# c"
    card = _card(tmp_path, '---\nmodel_name: "Evil\\nextra_key: injected\\n# c"\n---\n')
    assert run_cli("import", "hf-card", card, "--out", tmp_path / "new").exit_code == 0
    for document in DOCUMENTS:
        data = load_file(tmp_path / "new" / document).data
        assert "extra_key" not in data
        assert _at(data, NAME_AT[document]) == name


# --- the first heading: linear in the length of the card -----------------------------------------


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("# Lumen 7B\n", "Lumen 7B"),
        ("# Lumen 7B ##\n", "Lumen 7B"),  # a closing sequence
        ("# C#\n", "C#"),  # `#` right after text is part of it
        ("#\tTabbed\t\n", "Tabbed"),
        ("#NoSpace\n# Real\n", "Real"),  # `#NoSpace` is no heading
        ("## Second level\n# First\n", "First"),
        ("# ##\n# Named\n", "Named"),  # a heading of only `#`s is empty
        ("# Windows\r\n", "Windows"),
        ("Text\n", None),
    ],
)
def test_the_first_heading(body: str, title: str | None) -> None:
    assert first_heading(body) == title


# Each of these took the old pattern (`^#[ \t]+(.+?)[ \t#]*$`) quadratic time: a 40 KB
# heading needed 15 s here, so these 2 MB ones would need hours. No time
# is measured: a linear scan finishes them at once, and a quadratic one would not finish.
LONG = 2_000_000


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("# a" + " " * LONG + "b\n", "a" + " " * LONG + "b"),
        ("# x" + "#" * LONG + "y\n", "x" + "#" * LONG + "y"),
        ("# " + " \t" * (LONG // 2) + "x\n", "x"),
        ("#" + " " * LONG + "\n# found\n", "found"),
        # CommonMark: only the last run of `#` after a blank closes the heading
        ("# t" + " #" * (LONG // 2) + "\n", "t" + " #" * (LONG // 2 - 1)),
    ],
)
def test_a_two_megabyte_heading_is_read_in_one_pass(body: str, title: str) -> None:
    assert first_heading(body) == title


def test_a_long_heading_through_the_cli(tmp_path: Path, run_cli: Run) -> None:
    card = _card(tmp_path, "# Lumen" + " " * 200_000 + "#" * 200_000 + "\n")
    assert run_cli("import", "hf-card", card, "--out", tmp_path / "new").exit_code == 0
    data = load_file(tmp_path / "new" / "model-documentation.yaml").data
    assert data["general"]["model_name"]["name"] == "Lumen"


@pytest.mark.parametrize(
    "name", ["Lumen\nextra_key: injected", "Lumen\x85NEL", "Lumen\u2028x: 1", "Lumen\x7f\x9b"]
)
def test_init_writes_any_model_name_as_one_value(name: str, tmp_path: Path, run_cli: Run) -> None:
    # `init` shares the scaffold: its header comment once ended at the name's line break.
    result = run_cli("init", tmp_path / "p", "--model-name", name)
    assert result.exit_code == 0, result.output
    for document in DOCUMENTS:
        loaded = load_file(tmp_path / "p" / document)
        assert loaded.diagnostics == (), document
        assert _at(loaded.data, NAME_AT[document]) == name
        assert "extra_key" not in loaded.data and "x" not in loaded.data
