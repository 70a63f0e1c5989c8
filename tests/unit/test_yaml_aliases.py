"""Alias expansion is counted as the loader counts values, and located at the alias.

Counts are worked out by hand: every value node counts once (the top-level mapping, each
collection, each scalar), a mapping key does not, and an alias counts the values of the
node it names.
"""

from __future__ import annotations

import pytest

from gpai_docs.load.documents import load_text
from gpai_docs.yamlio.aliases import alias_problem
from gpai_docs.yamlio.limits import MAX_NODES


def test_an_alias_adds_the_values_of_what_it_names() -> None:
    # root 1 + a's list 1 + two items = 4; *x adds the list and its items: 7
    text = "a: &x [1, 2]\nb: *x\n"
    assert alias_problem(text, 7) is None
    found = alias_problem(text, 6)
    assert found is not None
    assert (found.line, found.column) == (2, 4)
    assert found.message == "The document expands to more than 6 values."


def test_keys_are_not_values() -> None:
    assert alias_problem("a: 1\nb: 2\n", 3) is None  # root and two values
    found = alias_problem("a: 1\nb: 2\n", 2)
    assert found is not None and (found.line, found.column) == (2, 4)


def test_the_alias_that_crosses_the_limit_is_named_not_the_first() -> None:
    # 3 values, the list 4, then each *x adds 2: 6 and 8
    text = "a: &x [1]\nb: [*x, *x]\n"
    assert alias_problem(text, 8) is None
    found = alias_problem(text, 7)
    assert found is not None and (found.line, found.column) == (2, 9)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a: &x\n  b: *x\n", (2, 6)),
        ("a: &x [1, [2, *x]]\n", (1, 15)),
        ("a: &x {b: {c: *x}}\n", (1, 15)),
    ],
)
def test_an_alias_inside_its_own_anchor_is_named(text: str, where: tuple[int, int]) -> None:
    found = alias_problem(text, MAX_NODES)
    assert found is not None
    assert (found.line, found.column) == where
    assert found.message.startswith("The alias *x stands inside the collection it names")


def test_an_alias_after_its_anchor_closed_is_no_recursion() -> None:
    assert alias_problem("a: &x [1]\nb: {c: *x}\n", MAX_NODES) is None


def _bomb(aliases: int) -> str:
    # root 1, a: 1 + 999 = 1,001 values; c: 1 + 997 = 1,999; b's list 2,000; each *x 1,000
    items = ", ".join(["1"] * 999)
    fill = ", ".join(["2"] * 997)
    refs = ", ".join(["*x"] * aliases)
    return f"a: &x [{items}]\nc: [{fill}]\nb: [{refs}]\n"


def test_the_loader_agrees_at_exactly_the_limit() -> None:
    # 2,000 + 198 * 1,000 = 200,000 values: MAX_NODES exactly, still read
    doc = load_text(_bomb(198), "x.yaml")
    assert [d.code for d in doc.diagnostics if d.code == "DL006"] == []


def test_one_alias_past_the_limit_is_reported_where_it_is_written() -> None:
    doc = load_text(_bomb(199), "x.yaml")
    [finding] = [d for d in doc.diagnostics if d.code == "DL006"]
    # line 3 is "b: [*x, *x, ...]": the 199th alias starts at 5 + 198 * 4
    assert (finding.location.line, finding.location.column) == (3, 5 + 198 * 4)
