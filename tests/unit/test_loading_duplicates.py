"""Duplicate keys: YAML and JSON both keep the first value, locate the field there, and
report the later key (DL004) with the line of the first."""

from __future__ import annotations

import pytest

from gpai_docs.diagnostics import JsonPath
from gpai_docs.load.documents import LoadedDocument, load_text

# The same document in both formats; positions counted by hand, 1-based.
YAML_TEXT = "a: 1\nb: first\nb: second\n"
JSON_TEXT = '{\n  "a": 1,\n  "b": "first",\n  "b": "second"\n}\n'
# format: (text, key of the first "b", its value, the second "b")
SCALAR = {
    "yaml": (YAML_TEXT, (2, 1), (2, 4), (3, 1)),
    "json": (JSON_TEXT, (3, 3), (3, 8), (4, 3)),
}
NESTED = {
    "yaml": ("b:\n  c: 1\nb:\n  d: 2\n", (1, 1), (2, 3), (3, 1)),
    "json": ('{"b": {"c": 1},\n "b": {"d": 2}}', (1, 2), (1, 7), (2, 2)),
}


def load(fmt: str, text: str) -> LoadedDocument:
    return load_text(text, f"x.{fmt}", json_syntax=fmt == "json")


def where(doc: LoadedDocument, path: JsonPath, *, at_value: bool = False) -> tuple[object, ...]:
    location = doc.source_map.locate(path, at_value=at_value)
    return location.line, location.column


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_the_first_value_is_kept_and_located(fmt: str) -> None:
    text, first_key, first_value, second_key = SCALAR[fmt]
    doc = load(fmt, text)
    assert doc.data == {"a": 1, "b": "first"}
    assert where(doc, ("b",)) == first_key
    assert where(doc, ("b",), at_value=True) == first_value
    (problem,) = doc.diagnostics
    assert (problem.code, problem.location.line, problem.location.column) == ("DL004", *second_key)
    assert f"'b' is written twice (first written on line {first_key[0]})" in problem.message


def test_yaml_and_json_keep_the_same_value() -> None:
    assert load("yaml", YAML_TEXT).data == load("json", JSON_TEXT).data


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_nothing_of_the_ignored_value_is_kept_or_located(fmt: str) -> None:
    text, first_key, first_value, second_key = NESTED[fmt]
    doc = load(fmt, text)
    assert doc.data == {"b": {"c": 1}}
    assert where(doc, ("b",), at_value=True) == first_value
    # ("b", "d") was only in the ignored value: it points at the kept "b", not into line 2/4
    assert ("b", "d") not in doc.source_map.values
    assert where(doc, ("b", "d")) == first_key
    assert [(d.code, d.location.line, d.location.column) for d in doc.diagnostics] == [
        ("DL004", *second_key)
    ]


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_the_hint_says_which_value_counts(fmt: str) -> None:
    (problem,) = load(fmt, SCALAR[fmt][0]).diagnostics
    assert problem.hint is not None and "reads the first" in problem.hint
