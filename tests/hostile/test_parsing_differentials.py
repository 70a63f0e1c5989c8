"""Parsing differentials: text that other readers take for another value is refused.

Every expected value here is written by hand from the YAML specifications and the text
of the input, never computed by gpai-docs.
"""

from __future__ import annotations

import pytest

from gpai_docs.loading import load_text
from gpai_docs.yaml_tags import MAX_REPORTED


def _found(text: str) -> list[tuple[str, int | None, int | None]]:
    doc = load_text(text, "x.yaml")
    return [(d.code, d.location.line, d.location.column) for d in doc.diagnostics]


# --- explicit tags and directives --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown", "column"),
    [
        ("a: !!binary aGVsbG8=\n", "`!!binary`", 4),
        ("a: !!str 010\n", "`!!str`", 4),
        ('a: !!int "5"\n', "`!!int`", 4),
        ("a: !!float 1\n", "`!!float`", 4),
        ("a: !!timestamp 2025-08-02\n", "`!!timestamp`", 4),
        ("a: !<tag:yaml.org,2002:binary> x\n", "`!!binary`", 4),
        ("a: !custom x\n", "`!custom`", 4),
        ("a: !!python/object:os.system x\n", "`!!python/object:os.system`", 4),
        ("a:  !<tag:example.com,2000:thing> 1\n", "`!<tag:example.com,2000:thing>`", 5),
        ("- !!null ''\n", "`!!null`", 3),
    ],
)
def test_an_explicit_tag_is_refused_where_it_is_written(text: str, shown: str, column: int) -> None:
    doc = load_text(text, "x.yaml")
    assert doc.data is None
    assert [(d.code, d.location.line, d.location.column) for d in doc.diagnostics] == [
        ("DL005", 1, column)
    ]
    (finding,) = doc.diagnostics
    assert shown in finding.message
    assert finding.hint is not None and "Remove the tag" in finding.hint
    assert "quotes" in finding.hint  # says how to keep a value as text


def test_every_tag_is_reported_not_only_the_first() -> None:
    text = "a: !!str x\nb:\n  - !!int 1\n  - {k: !!bool true}\nc: !!seq []\n"
    assert _found(text) == [("DL005", 1, 4), ("DL005", 3, 5), ("DL005", 4, 9), ("DL005", 5, 4)]


def test_a_file_full_of_tags_gives_a_bounded_number_of_findings() -> None:
    text = "".join(f"k{i}: !!str v\n" for i in range(5_000))
    found = _found(text)
    assert len(found) == MAX_REPORTED == 20
    assert found[-1] == ("DL005", 20, 6)  # `k19: ` is five characters


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n", [("DL005", 1, 1), ("DL005", 3, 4)]),
        ("%TAG !! tag:example.com,2000:\n---\na: 1\n", [("DL005", 1, 1)]),  # unused, still odd
        ("%YAML 1.1\n---\na: no\n", [("DL005", 1, 1)]),
        ("%YAML   1.1\n---\na: 1\n", [("DL005", 1, 1)]),
    ],
)
def test_directives_that_change_the_reading_are_refused(
    text: str, found: list[tuple[str, int, int]]
) -> None:
    assert _found(text) == found


def test_yaml_1_1_directive_says_what_it_would_change() -> None:
    (finding,) = load_text("%YAML 1.1\n---\na: no\n", "x.yaml").diagnostics
    assert "`no` is false" in finding.message
    assert finding.hint == "Remove the directive, or write `%YAML 1.2`."


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("%YAML 1.2\n---\na: no\n", {"a": "no"}),  # the rules gpai-docs applies anyway
        ("a: Hello!\nb: '!!binary x'\n", {"a": "Hello!", "b": "!!binary x"}),
        ('a: "100%"\nb: 50% done\n', {"a": "100%", "b": "50% done"}),
        ("a: x  # !!str in a comment\n", {"a": "x"}),
        ("a: |\n  !!binary\n  %TAG\n", {"a": "!!binary\n%TAG\n"}),
    ],
)
def test_exclamation_marks_and_percents_in_text_are_not_tags(text: str, data: object) -> None:
    doc = load_text(text, "x.yaml")
    assert doc.diagnostics == ()
    assert doc.data == data
