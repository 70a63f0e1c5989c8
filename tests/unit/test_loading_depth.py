"""Nesting depth: the top-level mapping is level 1 and MAX_DEPTH (64) levels pass; the
65th is DL006 at the line and column where that collection starts, in flow, block and
mixed YAML and in JSON. Positions are counted by hand from how each text is built."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gpai_docs.load.documents import load_text
from gpai_docs.yamlio.limits import MAX_DEPTH
from gpai_docs.yamlio.nesting import Nesting

assert MAX_DEPTH == 64  # the hand-counted columns below are for 64 levels


def finding(text: str, *, json_syntax: bool = False) -> list[tuple[str, int | None, int | None]]:
    doc = load_text(text, "x", json_syntax=json_syntax)
    return [(d.code, d.location.line, d.location.column) for d in doc.diagnostics]


# Each builder takes the number of levels below the top-level mapping; the expected
# position is where level 65 starts.
def flow_sequences(n: int) -> str:
    return "a: " + "[" * n + "x" + "]" * n + "\n"  # the k-th `[` is at column 3 + k


def flow_mappings(n: int) -> str:
    return "a: " + "{b: " * n + "1" + "}" * n + "\n"  # the k-th `{` at column 4k


def mixed_flow_with_decoys(n: int) -> str:
    # two levels per 14-column pair; the quoted `]}` and `[{` are text, not levels
    odd = n % 2
    inner = "[" * odd + "1" + "]" * odd
    return "a: " + "[']}', {'[{': " * (n // 2) + inner + "}]" * (n // 2) + "\n"


def block_sequences(n: int) -> str:
    return "a:\n  " + "- " * n + "x\n"  # the k-th `-` is at line 2, column 2k + 1


def block_mappings(n: int) -> str:
    # one key per line, one more space each: key k (level k) is at line k, column k
    return "".join(" " * i + f"k{i}:\n" for i in range(n + 1)) + " " * (n + 1) + "x\n"


def block_then_flow(n: int) -> str:
    # 32 block mappings (the last key at line 32, column 63), then n - 31 flow sequences
    keys = "".join(" " * (2 * i) + "k:\n" for i in range(31))
    flow = n - 31
    return keys + " " * 62 + "k: " + "[" * flow + "x" + "]" * flow + "\n"


@pytest.mark.parametrize(
    ("build", "deeper_at"),
    [
        (flow_sequences, (1, 3 + 64)),
        (flow_mappings, (1, 4 * 64)),
        (mixed_flow_with_decoys, (1, 4 + 14 * 31 + 7)),  # the `{` of the 32nd pair
        (block_sequences, (2, 2 * 64 + 1)),
        (block_mappings, (65, 65)),
        (block_then_flow, (32, 62 + 3 + 33)),  # the 33rd `[`: level 32 + 33 = 65
    ],
    ids=["flow-seq", "flow-map", "flow-mixed", "block-seq", "block-map", "block-then-flow"],
)
def test_the_limit_passes_and_one_more_level_is_located(build: Any, deeper_at: Any) -> None:
    at_limit = load_text(build(MAX_DEPTH - 1), "x.yaml")
    assert at_limit.diagnostics == () and at_limit.data is not None
    assert finding(build(MAX_DEPTH)) == [("DL006", *deeper_at)]


def test_block_mapping_at_the_limit_keeps_its_data() -> None:
    data = load_text(block_mappings(MAX_DEPTH - 1), "x.yaml").data
    for i in range(MAX_DEPTH):
        data = data[f"k{i}"]
    assert data == "x"


def test_indentless_sequences_count_as_levels() -> None:
    # `k:` then `- k:` at the key's own column: each line adds a sequence and a mapping
    def ladder(last: str) -> str:
        lines = ["k:"] + [" " * (2 * i) + "- k:" for i in range(31)]
        return "\n".join([*lines, " " * 62 + last]) + "\n"

    # 1 + 31 * 2 levels, then a 64th sequence holding a scalar
    assert load_text(ladder("- x"), "x.yaml").diagnostics == ()
    # a mapping inside that sequence is level 65; it starts at its key, line 33, column 65
    assert finding(ladder("- k: x")) == [("DL006", 33, 65)]


def test_json_limit_passes_and_one_more_level_is_located() -> None:
    def text(n: int) -> str:
        return '{"a": ' + "[" * n + "]" * n + "}"  # the k-th `[` at column 6 + k

    lists: Any = []
    for _ in range(MAX_DEPTH - 2):
        lists = [lists]  # 63 lists, the innermost empty: with the object, 64 levels
    assert load_text(text(MAX_DEPTH - 1), "x.json", json_syntax=True).data == {"a": lists}
    assert finding(text(MAX_DEPTH), json_syntax=True) == [("DL006", 1, 6 + MAX_DEPTH)]


def test_aliases_count_the_levels_they_expand_to() -> None:
    # *a brings two more levels (its list and the list inside); the anchor is at line 1
    def text(n: int) -> str:
        return "a: &a [[x]]\nb: " + "[" * n + "*a" + "]" * n + "\n"

    assert finding(text(MAX_DEPTH - 3)) == []  # 1 + 61 + 2 = 64 levels
    assert finding(text(MAX_DEPTH - 2)) == [("DL006", 1, 8)]  # the inner list of the anchor


@pytest.mark.parametrize(
    "decoys",
    [
        'a: "' + "[" * 100 + '"\n',
        "a: '" + "{" * 100 + "''" + "'\n",
        "a: x" + "[" * 100 + "\n",
        "a: 1 # " + "[" * 100 + "\n",
        "a: |\n  " + "[" * 100 + "\n  " + "{" * 100 + "\n",
        "a: >\n  " + "- " * 100 + "\n",
        "a: [b, # " + "[" * 100 + "\n  c]\n",
        "a: plain\n  " + "[" * 100 + "\n",
        "a: " + '"' + '\\"[' * 100 + '"\n',
        "a: |\n  " + "[" * 100,  # the last line, without a line break
        "a: >\n  x\n\n  " + "{" * 100,
    ],
    ids=[
        "double",
        "single",
        "plain",
        "comment",
        "literal",
        "folded",
        "flow-comment",
        "plain-lines",
        "escapes",
        "literal-last-line",
        "folded-last-line",
    ],
)
def test_brackets_that_are_text_are_not_levels(decoys: str) -> None:
    doc = load_text(decoys, "x.yaml")
    assert doc.diagnostics == ()
    assert doc.data == yaml.safe_load(decoys)


# Every tree PyYAML writes, in each of its styles: the scan finds exactly the collection
# that libyaml's composer puts first beyond a limit, and nothing at the text's own depth.
words = st.text(alphabet="ab [ ]{}'\"#:,-?|>&*!\n\t%\\", max_size=10)
leaves = st.one_of(words, st.integers(), st.none(), st.sampled_from(["a: b", "- c", "x\ny"]))
trees = st.recursive(
    leaves,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(words, inner, max_size=3),
    max_leaves=20,
)


def composed_first_deeper(text: str, limit: int) -> tuple[int, int] | None:
    """Line and column of the first collection deeper than ``limit``, by libyaml."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(yaml.compose(text, Loader=yaml.CSafeLoader), 1)]
    while stack:
        node, level = stack.pop()
        if id(node) in seen or not isinstance(node, yaml.CollectionNode):
            continue  # an alias repeats a node already written
        seen.add(id(node))
        if level > limit:
            return node.start_mark.line + 1, node.start_mark.column + 1
        children = node.value
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        stack.extend((child, level + 1) for child in reversed(children))
    return None


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    data=trees,
    flow=st.sampled_from([None, True, False]),
    width=st.sampled_from([20, 1000]),
    style=st.sampled_from([None, "'", '"']),
    shared=st.booleans(),
)
def test_scan_matches_libyaml_on_any_dumped_tree(
    data: Any, flow: bool | None, width: int, style: str | None, shared: bool
) -> None:
    document = {"top": data, "again": data} if shared else {"top": data}
    text = yaml.safe_dump(document, default_flow_style=flow, width=width, default_style=style)
    for limit in range(8):
        found = Nesting(text, limit).first_too_deep()
        scanned = None
        if found is not None:
            line_start = text.rfind("\n", 0, found) + 1
            scanned = (text.count("\n", 0, found) + 1, found - line_start + 1)
        assert scanned == composed_first_deeper(text, limit), (limit, text)


# Any text at all, valid YAML or not: the scan ends, what it finds lies in the text, and
# where libyaml composes the text it never counts more levels than libyaml does (so no
# readable document is refused for nesting it does not have).
pieces = ["a", "b:", "- ", "? ", ": ", "[", "]", "{", "}", ",", "'", '"', "#", " #", "\n"]
pieces += ["  ", "&x ", "*x", "!!str ", "|", ">", "---", "...", "\t", "\\", "''", "%", "\r"]
soup = st.lists(st.sampled_from(pieces), max_size=40).map("".join) | st.text(max_size=40)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=soup, limit=st.integers(0, 4))
@example(text="- \r- ", limit=1)  # a lone CR breaks the line: two entries, one level
@example(text="a:\u2028  - b", limit=1)
def test_scan_ends_on_any_text_and_never_counts_more_than_libyaml(text: str, limit: int) -> None:
    found = Nesting(text, limit).first_too_deep()
    assert found is None or 0 <= found < len(text)
    try:
        composed = list(yaml.compose_all(text, Loader=yaml.CSafeLoader))
    except yaml.YAMLError:
        return
    if len(composed) == 1 and composed_first_deeper(text, limit) is None:
        assert found is None, text
