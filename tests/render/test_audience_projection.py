"""The projection's exact contract, pinned down so that no change to it goes unnoticed.

Two kinds of expectation, neither read from ``render/audience.py``: small hand-made models
whose projection is written out by hand from the rule (a field's audience is its own
``x-audience`` or its nearest ancestor's; none on the path means nobody), and the real
samples held against the published JSON Schemas (``x-audience``, ``x-catalogue-id``,
``x-section``, ``title``) and the canary's schema walker. These tests were written against
the survivors of ``scripts/mutation.sh audience`` (see docs/testing-audience.md).
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
import typing
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel, Field

from gpai_docs.models.answers import NotApplicable, ToBeProvided
from gpai_docs.models.choices import YesNo
from gpai_docs.render.audience import Item, Record, field_audience, project, text_leaves
from gpai_docs.validate.pipeline import validate_project
from tests.canary import schema_leaves
from tests.canary.pipeline import SAMPLE_NAMES
from tests.canary.schema_leaves import DOCUMENTS, FIELD_AUDIENCES, schema
from tests.conftest import SAMPLES
from tests.rules.patching import sample_data


def _field(
    audience: tuple[str, ...] | None = None,
    *,
    catalogue_id: str | None = None,
    section: str | None = None,
    title: str | None = None,
    default: Any = ...,
) -> Any:
    extra: dict[str, Any] = {}
    if audience is not None:
        extra["x-audience"] = list(audience)
    if catalogue_id is not None:
        extra["x-catalogue-id"] = catalogue_id
    if section is not None:
        extra["x-section"] = section
    return Field(default, title=title, json_schema_extra=extra or None)


class Inner(BaseModel):
    shared: str = _field(title="Shared")  # takes its container's audience
    dp_only: str = _field(("dp",), title="For downstream providers")
    note: str = _field(("internal", "public"), title="Public note")


class Bare(BaseModel):
    """A record none of whose fields names an audience."""

    text: str = _field()


class Narrow(BaseModel):
    aio_only: str = _field(("aio",), title="AI Office only")


class Toy(BaseModel):
    version: str = _field(("aio", "nca", "dp"), catalogue_id="MDF.doc.version", title="Version")
    unmarked: str = _field()
    inner: Inner = _field(("aio", "dp"), catalogue_id="T.inner", section="2", title="2 Inner")
    box: Inner = _field()
    narrow: Narrow = _field(("aio", "nca"), title="Narrow")
    rows: list[Inner] = _field(("aio",), title="Rows")
    loose: list[Inner | Bare] = _field()
    tags: list[str] = _field()
    empty: list[str] = _field(("aio",), title="Empty")
    missing: str | None = _field(("aio",), default=None, title="Missing")
    answer: NotApplicable = _field(("nca",), title="Answer")
    pending: ToBeProvided = _field(("aio",), title="Pending")
    choice: YesNo = _field(("dp",), title="Choice")
    untitled_field: str = _field(("dp",))


def _toy() -> Toy:
    def inner(tag: str) -> Inner:
        return Inner(shared=f"{tag}-shared", dp_only=f"{tag}-dp", note=f"{tag}-note")

    return Toy(
        version="1.0",
        unmarked="nobody",
        inner=inner("in"),
        box=inner("box"),
        narrow=Narrow(aio_only="narrow-aio"),
        rows=[inner("r0"), inner("r1")],
        loose=[Bare(text="bare0"), inner("l1"), Bare(text="bare2")],
        tags=["t0", "t1"],
        empty=[],
        answer=NotApplicable(not_applicable="no reason to"),
        pending=ToBeProvided(to_be_provided=True),
        choice=YesNo(answer="yes"),
        untitled_field="untitled",
    )


def _plain(value: Any) -> Any:
    """A projection as plain data: records become dicts, lists lists, values stay."""
    if isinstance(value, Record):
        return {key: _plain(value[key]) for key in value}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


NA = NotApplicable(not_applicable="no reason to")
PENDING = ToBeProvided(to_be_provided=True)
YES = YesNo(answer="yes")

# Worked out by hand from the rule, field by field, for each audience.
EXPECTED: dict[str, dict[str, Any]] = {
    "aio": {
        "version": "1.0",
        "inner": {"shared": "in-shared"},
        "narrow": {"aio_only": "narrow-aio"},
        "rows": [{"shared": "r0-shared"}, {"shared": "r1-shared"}],
        "empty": [],
        "missing": None,
        "pending": PENDING,
    },
    "nca": {
        "version": "1.0",
        # The container names nca, so it is shown though nothing inside is for nca.
        "narrow": {},
        "answer": NA,
    },
    "dp": {
        "version": "1.0",
        "inner": {"shared": "in-shared", "dp_only": "in-dp"},
        "box": {"dp_only": "box-dp"},
        "loose": [{"dp_only": "l1-dp"}],
        "choice": YES,
        "untitled_field": "untitled",
    },
    "public": {
        "box": {"note": "box-note"},
        "loose": [{"note": "l1-note"}],
    },
    "internal": {
        "box": {"note": "box-note"},
        "loose": [{"note": "l1-note"}],
    },
    "provider": {},
}


@pytest.mark.parametrize("audience", sorted(EXPECTED))
def test_toy_projection_is_exactly_the_hand_worked_view(audience: str) -> None:
    view = project(_toy(), audience)
    assert _plain(view) == EXPECTED[audience]
    assert list(view) == list(EXPECTED[audience])  # field order is kept


def test_answer_wrappers_and_yes_no_are_values_not_records() -> None:
    toy = _toy()
    # A leaf value passes through unchanged: the very same object, not a record of it.
    assert project(toy, "nca")["answer"] is toy.answer
    assert project(toy, "aio")["pending"] is toy.pending
    assert project(toy, "dp")["choice"] is toy.choice
    assert str(project(toy, "dp")["choice"]) == "Yes"


def test_items_carry_title_catalogue_id_section_and_effective_audience() -> None:
    aio, dp = project(_toy(), "aio"), project(_toy(), "dp")
    assert aio.item("version") == Item(
        key="version",
        title="Version",
        catalogue_id="MDF.doc.version",
        section=None,
        audience=("aio", "nca", "dp"),
        value="1.0",
    )
    inner = aio.item("inner")
    assert (inner.title, inner.catalogue_id, inner.section, inner.audience) == (
        "2 Inner",
        "T.inner",
        "2",
        ("aio", "dp"),
    )
    # A child without its own audience reports the one it inherits.
    assert inner.value.item("shared").audience == ("aio", "dp")
    assert dp.item("inner").value.item("dp_only").audience == ("dp",)
    # A container shown only for its parts has no audience of its own.
    assert dp.item("box").audience == ()
    assert dp.item("loose").audience == ()
    # Without a title the label is the name, spaced and capitalised.
    assert dp.item("untitled_field").title == "Untitled field"
    assert dp.item("untitled_field").catalogue_id is None


def test_an_audience_outside_a_container_sees_nothing_inside_it() -> None:
    """``inner`` names aio and dp: its public note stays out of the public view, although
    the note names the public, because a child cannot widen its container."""
    assert "inner" not in project(_toy(), "public")
    assert "rows" not in project(_toy(), "dp")


def test_record_is_a_read_only_mapping_in_field_order() -> None:
    view = project(_toy(), "dp")
    keys = ["version", "inner", "box", "loose", "choice", "untitled_field"]
    assert list(view) == keys
    assert len(view) == 6
    assert [item.key for item in view.entries()] == keys
    assert view["version"] == view.version == view.get("version") == "1.0"
    assert view.item("box").value is view.box
    assert repr(view.box) == "Record(dp_only)"
    assert repr(view) == "Record(version, inner, box, loose, choice, untitled_field)"
    assert repr(Record(())) == "Record()"
    assert "unmarked" not in view and view.get("unmarked") is None


@pytest.mark.parametrize("name", ["unmarked", "no_such_field", "_by_key_x", "__html__"])
def test_a_hidden_or_unknown_attribute_is_an_attribute_error_naming_it(name: str) -> None:
    view = project(_toy(), "dp")
    with pytest.raises(AttributeError) as raised:
        getattr(view, name)
    assert raised.value.args == (name,)
    assert not hasattr(view, name)


def test_records_survive_copy_and_pickle() -> None:
    """Copying builds a bare instance before its slots are set; attribute lookups on it
    must fail cleanly, not recurse through ``__getattr__``."""
    view = project(_toy(), "dp")
    for clone in (copy.copy(view), copy.deepcopy(view), pickle.loads(pickle.dumps(view))):
        assert _plain(clone) == EXPECTED["dp"]
        assert repr(clone) == repr(view)


class Odd(BaseModel):
    listed: str = Field(json_schema_extra={"x-audience": ["nca", "aio"]})
    other_keys: str = Field(json_schema_extra={"x-catalogue-id": "X.1"})
    plain: str = ""
    not_a_list: str = Field(json_schema_extra={"x-audience": "aio"})
    computed: str = Field("", json_schema_extra=lambda schema: None)


class OddBox(BaseModel):
    odd: Odd = Field(json_schema_extra={"x-audience": ["nca"]})


def test_field_audience_reads_only_a_declared_list() -> None:
    assert field_audience(Odd, "listed") == ("nca", "aio")
    for name in ("other_keys", "plain", "not_a_list", "computed"):
        assert field_audience(Odd, name) is None


def test_fields_without_metadata_inherit_and_carry_no_catalogue_id_or_section() -> None:
    box = OddBox(odd=Odd(listed="l", other_keys="o", not_a_list="n"))
    odd = project(box, "nca")["odd"]
    assert list(odd) == ["listed", "other_keys", "plain", "not_a_list", "computed"]
    assert odd.item("other_keys").catalogue_id == "X.1"
    for name in ("plain", "not_a_list", "computed"):
        item = odd.item(name)
        assert (item.catalogue_id, item.section, item.audience) == (None, None, ("nca",)), name
    # Its own audience replaces the inherited one (the schema tests forbid it to widen).
    assert odd.item("listed").audience == ("nca", "aio")
    assert list(project(box, "aio")) == []


def test_non_text_extras_are_read_as_text() -> None:
    class Numbered(BaseModel):
        part: str = Field(json_schema_extra={"x-audience": ["aio"], "x-section": 4})

    assert project(Numbered(part="p"), "aio").item("part").section == "4"


# Worked out by hand: every string, in field order, with its effective audience (or none).
TOY_LEAVES: list[tuple[tuple[str | int, ...], tuple[str, ...], str]] = [
    (("version",), ("aio", "nca", "dp"), "1.0"),
    (("unmarked",), (), "nobody"),
    (("inner", "shared"), ("aio", "dp"), "in-shared"),
    (("inner", "dp_only"), ("dp",), "in-dp"),
    (("inner", "note"), ("internal", "public"), "in-note"),
    (("box", "shared"), (), "box-shared"),
    (("box", "dp_only"), ("dp",), "box-dp"),
    (("box", "note"), ("internal", "public"), "box-note"),
    (("narrow", "aio_only"), ("aio",), "narrow-aio"),
    *[
        leaf
        for i in (0, 1)
        for leaf in (
            (("rows", i, "shared"), ("aio",), f"r{i}-shared"),
            (("rows", i, "dp_only"), ("dp",), f"r{i}-dp"),
            (("rows", i, "note"), ("internal", "public"), f"r{i}-note"),
        )
    ],
    (("loose", 0, "text"), (), "bare0"),
    (("loose", 1, "shared"), (), "l1-shared"),
    (("loose", 1, "dp_only"), ("dp",), "l1-dp"),
    (("loose", 1, "note"), ("internal", "public"), "l1-note"),
    (("loose", 2, "text"), (), "bare2"),
    (("tags", 0), (), "t0"),
    (("tags", 1), (), "t1"),
    (("answer", "not_applicable"), ("nca",), "no reason to"),
    (("choice", "answer"), ("dp",), "yes"),
    (("untitled_field",), ("dp",), "untitled"),
]


def test_text_leaves_of_the_toy_are_the_hand_listed_ones() -> None:
    assert list(text_leaves(_toy())) == TOY_LEAVES


def test_text_leaves_start_from_the_given_audience_and_path() -> None:
    leaves = list(text_leaves(Inner(shared="s", dp_only="d", note="n"), ("aio",), ("top", 3)))
    assert leaves == [
        (("top", 3, "shared"), ("aio",), "s"),
        (("top", 3, "dp_only"), ("dp",), "d"),
        (("top", 3, "note"), ("internal", "public"), "n"),
    ]


# --- the real samples, against the published schemas -------------------------------------


def _validated(sample: str) -> dict[str, BaseModel]:
    result = validate_project(SAMPLES / sample, as_of=dt.date(2026, 11, 21))
    models = {k: result.project.model(k) for k in DOCUMENTS}
    assert all(m is not None for m in models.values())
    return typing.cast(dict[str, BaseModel], models)


WRAPPERS = {"NotApplicable", "ToBeProvided"}


def _objects(root: dict[str, Any], node: dict[str, Any]) -> list[dict[str, Any]]:
    """The object schemas (not answer wrappers) a value at ``node`` may be."""
    while "$ref" in node:
        name = node["$ref"].removeprefix("#/$defs/")
        if name in WRAPPERS:
            return []
        node = root["$defs"][name]
    if "properties" in node:  # an object (its own anyOf only says which keys it needs)
        return [node]
    if "anyOf" in node:
        return [o for option in node["anyOf"] for o in _objects(root, option)]
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        return _objects(root, node["items"])
    return []


Checked = tuple[str, str, Any, Any]


def _check(
    root: dict[str, Any],
    options: list[dict[str, Any]],
    record: Record,
    inherited: frozenset[str] | None,
    audience: str,
    path: str,
) -> Iterator[Checked]:
    """(path, what, projected, schema) for every item of ``record``, recursively."""
    assert options, f"{path}: the schema has no object here"
    properties = max(options, key=lambda o: len(set(record) & set(o["properties"])))["properties"]
    for item in record.entries():
        where = f"{path}{item.key}"
        if item.key not in properties:
            yield where, "in the schema (run `gpai-docs schema`)", False, True
            continue
        node = properties[item.key]
        own = frozenset(node["x-audience"]) if "x-audience" in node else None
        effective = own if own is not None else inherited
        yield where, "catalogue id", item.catalogue_id, node.get("x-catalogue-id")
        yield where, "section", item.section, node.get("x-section")
        yield where, "title", item.title, node.get("title")
        yield where, "audience", frozenset(item.audience), effective or frozenset()
        yield where, "audience order", item.audience, tuple(node.get("x-audience", item.audience))
        yield where, "audience admits viewer", effective is None or audience in effective, True
        values = item.value if isinstance(item.value, list) else [item.value]
        for index, value in enumerate(values):
            if isinstance(value, Record):
                below = _objects(root, node)
                yield from _check(root, below, value, effective, audience, f"{where}.{index}.")


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_every_projected_item_carries_its_schema_metadata(sample: str) -> None:
    models = _validated(sample)
    wrong, looked = [], 0
    for document in DOCUMENTS:
        root = schema(document)
        for audience in sorted(FIELD_AUDIENCES):
            view = project(models[document], audience)
            for where, what, got, want in _check(root, [root], view, None, audience, ""):
                looked += 1
                if got != want:
                    wrong.append((document, audience, where, what, got, want))
    assert wrong == []
    assert looked >= 1000


def test_document_sections_are_the_schema_numbers() -> None:
    """Read off the schema by hand: the Form's numbering is on the top-level sections."""
    md = project(_validated("minimal")["model_documentation"], "aio")
    assert md.item("general").section == "1"
    assert md.item("compute").section == "7"
    assert md.item("compute").catalogue_id == "AIA.AXI.1.2.d"
    assert md.item("document").section == ""  # unnumbered, but still a section
    assert md.item("general").title == "1 General information"


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_text_leaves_agree_with_the_schema_walker(sample: str) -> None:
    """Every free-text value the schema walker finds is a text leaf of the model, with the
    same audience and value, unless the model reads it as something else (a date, a number)."""
    models, data = _validated(sample), sample_data(sample)
    for document in DOCUMENTS:
        ours = {path: (frozenset(aud), text) for path, aud, text in text_leaves(models[document])}
        theirs = schema_leaves.text_leaves(document, data[document])
        found = [leaf for leaf in theirs if leaf.path in ours]
        assert len(found) >= 10
        assert [
            leaf.path
            for leaf in found
            if ours[leaf.path] != (leaf.audience, str(_at(data[document], leaf.path)).strip())
        ] == [], document
        others = [_at(models[document], leaf.path) for leaf in theirs if leaf.path not in ours]
        assert [v for v in others if isinstance(v, str)] == [], document


def _at(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = (
            data[part] if isinstance(part, int) or isinstance(data, dict) else getattr(data, part)
        )
    return data
