"""Loading: data, positions and every kind of broken file, with exact lines and columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from gpai_docs.load.documents import load_file, load_text
from gpai_docs.yamlio.limits import MAX_DEPTH


def codes(document: object) -> list[tuple[str, int | None, int | None]]:
    return [(d.code, d.location.line, d.location.column) for d in document.diagnostics]  # type: ignore[attr-defined]


def test_yaml_values_follow_yaml_1_2_core_schema() -> None:
    doc = load_text("a: yes\nb: 1e5\nc: 2025-08-02\nd: ~\ne: 0x1F\nf: '12'\ng: .inf\n", "x.yaml")
    assert doc.data == {
        "a": "yes",
        "b": 100000.0,
        "c": "2025-08-02",
        "d": None,
        "e": 31,
        "f": "12",
        "g": float("inf"),
    }
    assert not doc.diagnostics


def test_positions_of_keys_and_list_items() -> None:
    doc = load_text("general:\n  names:\n    - one\n    - two\n  date: 2025-01-01\n", "x.yaml")
    assert doc.source_map.position(("general", "names", 1)) == (4, 7)
    assert doc.source_map.position(("general", "date")) == (5, 3)
    # a missing field points at its nearest written parent
    assert doc.source_map.position(("general", "missing")) == (1, 1)


def test_yaml_syntax_error_has_line_and_column() -> None:
    doc = load_text("a:\n  b: [1, 2\n  c: 3\n", "x.yaml")
    assert doc.data is None
    (problem,) = doc.diagnostics
    assert problem.code == "DL002"
    assert (problem.location.line, problem.location.column) == (3, 4)
    assert "YAML syntax error" in problem.message


def test_tab_indentation_gets_a_tab_hint() -> None:
    doc = load_text("a:\n\tb: 1\n", "x.yaml")
    (problem,) = doc.diagnostics
    assert (problem.code, problem.location.line, problem.location.column) == ("DL002", 2, 1)
    assert problem.hint is not None and "tabs" in problem.hint


def test_duplicate_key_is_reported_at_the_second_key_and_first_value_kept() -> None:
    doc = load_text("a: 1\nb:\n  c: 2\n  c: 3\n", "x.yaml")
    assert codes(doc) == [("DL004", 4, 3)]
    assert "first written on line 3" in doc.diagnostics[0].message
    assert doc.data == {"a": 1, "b": {"c": 2}}


def test_custom_tags_are_refused_not_constructed() -> None:
    doc = load_text("a: !!python/object/apply:os.system ['echo hi']\n", "x.yaml")
    assert codes(doc) == [("DL005", 1, 4)]


def test_alias_bomb_is_bounded() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    doc = load_text("\n".join(lines) + "\n", "bomb.yaml")
    assert doc.data is None
    assert [d.code for d in doc.diagnostics] == ["DL006"]


def test_deep_nesting_is_a_finding() -> None:
    depth = MAX_DEPTH + 5
    doc = load_text("a: " + "[" * depth + "]" * depth + "\n", "deep.yaml")
    # level 65 is the 64th bracket (the top-level mapping is level 1), column 3 + 64
    assert codes(doc) == [("DL006", 1, 67)]


def test_multiple_documents_are_refused() -> None:
    doc = load_text("a: 1\n---\nb: 2\n", "x.yaml")
    assert codes(doc) == [("DL003", 2, 1)]  # at the `---` the hint says to remove


@pytest.mark.parametrize("text", ["", "# only a comment\n", "- a\n- b\n", "just text\n"])
def test_top_level_must_be_a_mapping(text: str) -> None:
    doc = load_text(text, "x.yaml")
    assert doc.data is None
    assert [d.code for d in doc.diagnostics] == ["DL003"]


def test_json_positions_duplicates_and_numbers() -> None:
    # the first "a" is kept, as in YAML (tests/unit/test_loading_duplicates.py)
    text = '{\n  "a": {"b": [1, {"c": "x\\"y"}]},\n  "d": 1e5,\n  "a": 2\n}\n'
    doc = load_text(text, "x.json", json_syntax=True)
    assert doc.data == {"a": {"b": [1, {"c": 'x"y'}]}, "d": 100000.0}
    assert doc.source_map.position(("a", "b", 1, "c")) == (2, 19)
    assert doc.source_map.value_position(("a",)) == (2, 8)
    assert doc.source_map.position(("d",)) == (3, 3)
    assert codes(doc) == [("DL004", 4, 3)]


def test_json_syntax_error_has_line_and_column() -> None:
    doc = load_text('{\n  "a": 1,\n  "b": }\n', "x.json", json_syntax=True)
    assert codes(doc) == [("DL002", 3, 8)]


def test_json_nan_is_refused() -> None:
    doc = load_text('{"a": NaN}', "x.json", json_syntax=True)
    assert [d.code for d in doc.diagnostics] == ["DL002"]


def test_utf8_bom_is_accepted_and_invalid_utf8_located(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert load_file(good).data == {"a": 1}
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"a: 1\nb: caf\xe9\n")
    doc = load_file(bad)
    assert codes(doc) == [("DL007", 2, 7)]


def test_binary_and_utf16_files_are_findings(tmp_path: Path) -> None:
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    utf16 = tmp_path / "u.yaml"
    utf16.write_bytes("a: 1\n".encode("utf-16"))
    assert [d.code for d in load_file(binary).diagnostics] == ["DL007"]
    assert [d.code for d in load_file(utf16).diagnostics] == ["DL007"]


def test_unreadable_path_is_a_finding(tmp_path: Path) -> None:
    doc = load_file(tmp_path / "nope.yaml")
    assert [d.code for d in doc.diagnostics] == ["DL001"]
    assert doc.data is None


def test_document_hash_is_of_the_bytes_on_disk(tmp_path: Path) -> None:
    import hashlib

    path = tmp_path / "a.yaml"
    path.write_bytes(b"a: 1\n")
    assert load_file(path).sha256 == hashlib.sha256(b"a: 1\n").hexdigest()
