"""The loader's own limits: nesting beyond what libyaml's composer survives, JSON depth,
oversized text and numbers, merge keys, and files that are not regular files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gpai_docs.load.documents import MAX_BYTES, load_file, load_text
from gpai_docs.yamlio.limits import MAX_DEPTH


def _codes(text: str, *, json_syntax: bool = False) -> list[tuple[str, int | None]]:
    doc = load_text(text, "x", json_syntax=json_syntax)
    assert doc.data is None
    return [(d.code, d.location.line) for d in doc.diagnostics]


@pytest.mark.parametrize("levels", [1_100, 30_000, 1_000_000])
@pytest.mark.parametrize(
    ("shape", "level_65_at"),
    [
        (lambda n: "a: " + "[" * n + "]" * n, (1, 3 + 64)),  # the 64th `[`
        (lambda n: "a:\n" + "- " * n + "x\n", (2, 2 * 64 - 1)),  # the 64th `-`
        (lambda n: "a: " + "{b: " * n + "1" + "}" * n, (1, 4 * 64)),  # the 64th `{`
        (lambda n: "a: [\n" + "[\n" * n + "]\n" * n + "]\n", (64, 1)),  # line 64's `[`
        (lambda n: "a:\n" + "- " * 32 + "[" * n + "]" * n + "\n", (2, 64 + 32)),  # 32nd `[`
    ],
    ids=["flow-seq", "block-seq", "flow-map", "flow-lines", "block-and-flow"],
)
def test_deep_yaml_is_refused_before_libyaml_parses(
    shape: object, level_65_at: tuple[int, int], levels: int
) -> None:
    # 30,000 levels segfaulted libyaml's composer before the event pre-scan; libyaml 0.2.6
    # stops at 1,000 flow levels with a syntax error of its own. Either way the finding is
    # ours, at the collection that is one level too deep.
    doc = load_text(shape(levels), "x.yaml")  # type: ignore[operator]
    assert doc.data is None
    (problem,) = doc.diagnostics
    assert problem.code == "DL006"
    assert f"deeper than {MAX_DEPTH}" in problem.message
    assert (problem.location.line, problem.location.column) == level_65_at


@pytest.mark.parametrize("levels", [MAX_DEPTH + 5, 900, 10_000])
def test_deep_json_is_a_depth_finding(levels: int) -> None:
    text = '{"a": ' + "[" * levels + "]" * levels + "}"
    doc = load_text(text, "x.json", json_syntax=True)
    # level 65 is the 64th bracket, at column 6 + 64
    assert [(d.code, d.location.line, d.location.column) for d in doc.diagnostics] == [
        ("DL006", 1, 70)
    ]


def test_json_nan_is_reported_where_it_is_written() -> None:
    doc = load_text('{\n  "a": [1,\n    NaN]}', "x.json", json_syntax=True)
    (problem,) = doc.diagnostics
    assert (problem.code, problem.location.line, problem.location.column) == ("DL002", 3, 5)


def test_json_integer_beyond_pythons_digit_limit_stays_text() -> None:
    digits = "9" * 5000
    doc = load_text('{"a": ' + digits + "}", "x.json", json_syntax=True)
    assert doc.data == {"a": digits}
    assert not doc.diagnostics


def test_text_over_the_size_limit_is_refused_without_parsing() -> None:
    text = "a: " + "x" * MAX_BYTES
    assert _codes(text) == [("DL006", None)]


def test_merge_keys_are_refused_at_the_key() -> None:
    doc = load_text("base: &b {x: 1}\ndocument:\n  <<: *b\n  y: 2\n", "x.yaml")
    assert [(d.code, d.location.line) for d in doc.diagnostics] == [("DL005", 3)]
    assert doc.data == {"base": {"x": 1}, "document": {"y": 2}}


def test_fifo_does_not_block_the_loader(tmp_path: Path) -> None:
    fifo = tmp_path / "model-documentation.yaml"
    os.mkfifo(fifo)
    (problem,) = load_file(fifo).diagnostics
    assert problem.code == "DL001"
    assert "not a regular file" in problem.message


def test_link_to_a_device_is_not_read(tmp_path: Path) -> None:
    link = tmp_path / "model-documentation.yaml"
    link.symlink_to("/dev/zero")
    (problem,) = load_file(link).diagnostics
    assert problem.code == "DL001"


def test_growing_file_is_cut_at_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 10)
    (problem,) = load_file(big).diagnostics
    assert problem.code == "DL006"


def test_a_million_entries_stop_at_the_node_limit_before_composing() -> None:
    # Composing builds every node first (about a gigabyte for 2 million); the pre-scan stops.
    doc = load_text("a:\n" + "- 1\n" * 1_000_000, "x.yaml")
    (problem,) = doc.diagnostics
    assert problem.code == "DL006" and "more than" in problem.message
    assert problem.location.line is not None


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 3_000])
def test_deep_block_mappings_with_one_space_indents_are_found(levels: int) -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(levels)) + " " * levels + "x\n"
    assert len(text) < MAX_BYTES  # the depth is found, not the size
    doc = load_text(text, "x.yaml")
    # key k64, on line 65 at column 65, starts the 65th mapping
    assert [(d.code, d.location.line, d.location.column) for d in doc.diagnostics] == [
        ("DL006", 65, 65)
    ]
