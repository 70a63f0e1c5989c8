"""Schema findings a person understands (issue 12): every field, every wrong shape.

Each field of the three documents (the model walk) gets a wrong-shaped value in a valid
sample: a list where a mapping is asked, a mapping where text is asked, a number where a
date is asked, an unknown key, a missing required key and a wrong choice. Every finding
must say where (file, line, column), never speak pydantic, say how to fix it with an
example, and offer `not_applicable` or `to_be_provided` only where the field's annotation
accepts them. (A placeholder where text is asked is no schema error: it loads, and a rule
flags it: tests/unit/test_placeholders_kept.py.)
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from gpai_docs.diagnostics import Diagnostic
from gpai_docs.load.documents import load_text
from gpai_docs.models import TrainingDataSummary
from gpai_docs.models.answers import NotApplicable, ToBeProvided
from gpai_docs.models.choices import YesNo
from gpai_docs.models.kinds import KINDS, DocumentKind
from gpai_docs.models.walk import EACH, TypeNode, walk_type
from gpai_docs.validate.project import validate_document
from tests.rules.patching import merge, sample_data

SAMPLE = "large-closed"  # the sample that answers the most fields

_PYDANTIC_WORDS = (
    "Input should be",
    "instance of",
    "dictionary",
    "model_type",
    "[type=",
    "For further information visit",
    "pydantic",
    "Field required",
    "Extra inputs are not permitted",
    "valid string",
    "unable to parse",
)
_PYTHON_TYPES = re.compile(r"\b(str|int|dict|bool|float|NoneType|constrained-str|function-\w+)\b")
_EXAMPLE = re.compile(r"`[^`\n]*\w: [^`\n]+`")  # a backticked line of YAML: `name: value`
_HOW_TO = re.compile(r"\b(Write|Add|Remove|Use|Quote|Give|Did you mean)\b")


# --- the field's annotation, read here (not through the code under test) -------------


def _args(tp: Any) -> Iterator[Any]:
    """Every type an annotation names, through Annotated, unions, lists and literals."""
    yield tp
    if typing.get_origin(tp) is typing.Literal:
        return
    for arg in typing.get_args(tp):
        if isinstance(arg, type | types.UnionType) or typing.get_origin(arg) is not None:
            yield from _args(arg)


def _models(annotation: Any) -> list[type[BaseModel]]:
    return [t for t in _args(annotation) if isinstance(t, type) and issubclass(t, BaseModel)]


def _all_model_names() -> set[str]:
    names = {"YesNo", "NotApplicable", "ToBeProvided", "TopDomains"}
    for kind in KINDS:
        names.add(kind.model.__name__)
        for node in walk_type(kind.model):
            names.update(m.__name__ for m in _models(node.field.info.annotation))
    return names


# A one-word class name (Data, Use) is an English word too: only compound names tell.
MODEL_NAMES = {n for n in _all_model_names() if re.fullmatch(r"[A-Z][a-z0-9]+(?:[A-Z]\w*)+", n)}
_WRAPPERS = (NotApplicable, ToBeProvided, YesNo)


def accepts_answers(kind: DocumentKind, path: tuple[str | int, ...]) -> bool:
    """Whether the document field a finding is about takes `not_applicable`/`to_be_provided`:
    the innermost declared field on the path whose annotation names ToBeProvided."""
    model: type[BaseModel] | None = kind.model
    answered: Any = None
    for part in path:
        if isinstance(part, int) or model is None or model in _WRAPPERS:
            continue
        info = model.model_fields.get(part)
        if info is None:
            break
        answered = info.annotation
        found = [m for m in _models(info.annotation) if m not in _WRAPPERS]
        model = found[0] if found else (YesNo if YesNo in _models(info.annotation) else None)
    return answered is not None and ToBeProvided in _models(answered)


# --- wrong values in a valid sample --------------------------------------------------


def _holder(doc: Any, path: tuple[str, ...]) -> dict[str, Any] | None:
    """The mapping that holds the last name of ``path`` in ``doc`` (first list items)."""
    here = doc
    for part in path[:-1]:
        if part == EACH:
            if not isinstance(here, list) or not here:
                return None
            here = here[0]
        elif isinstance(here, dict) and part in here:
            here = here[part]
        else:
            return None
    return here if isinstance(here, dict) else None


def _base(node: TypeNode) -> Any:
    shape = node.field.shape
    return (shape.inner if shape.kind == "answer" else shape) or shape


def _kept_as_written(node: TypeNode) -> bool:
    return YesNo in node.field.models or "WrittenSize" in str(node.field.info.annotation)


def _set(value: Any) -> Callable[[dict[str, Any], str], bool]:
    def change(holder: dict[str, Any], name: str) -> bool:
        holder[name] = value
        return True

    return change


def _unknown_key(holder: dict[str, Any], name: str) -> bool:
    if not isinstance(holder.get(name), dict):
        return False
    holder[name]["not_a_field_at_all"] = "x"
    return True


def _drop(holder: dict[str, Any], name: str) -> bool:
    return holder.pop(name, None) is not None


_WRONG: dict[str, tuple[Callable[[TypeNode], bool], Callable[[dict[str, Any], str], bool]]] = {
    "list for a mapping": (lambda n: _base(n).kind == "model", _set(["a", "b"])),
    "mapping for text": (
        lambda n: _base(n).kind == "scalar" and _base(n).base is str and not _base(n).choices,
        _set({"x": "y"}),
    ),
    "number for a date": (lambda n: _base(n).base is dt.date, _set(12345)),
    "unknown key": (lambda n: n.field.shape.record is not None, _unknown_key),
    "missing required key": (lambda n: n.field.required, _drop),
    # Yes/No questions read any sentence as a qualified answer (test below), and a size
    # band is kept as written beside its band (TS061): neither refuses a wrong choice
    "wrong choice": (
        lambda n: bool(_base(n).choices) and not _kept_as_written(n),
        _set("zzz-not-a-choice"),
    ),
}


def _yaml(doc: Any) -> str:
    plain = json.loads(json.dumps(doc, default=str))
    return yaml.safe_dump(plain, sort_keys=False, allow_unicode=True)


def findings_for(kind: DocumentKind, doc: Any) -> list[Diagnostic]:
    loaded = load_text(_yaml(doc), f"{kind.stem}.yaml")
    assert loaded.data is not None, loaded.diagnostics
    return list(validate_document(kind, loaded).diagnostics)


def problems_of(kind: DocumentKind, found: Diagnostic) -> list[str]:
    """What is wrong with one finding's words, empty when it is right."""
    text = f"{found.message} {found.hint or ''}"
    problems = [f"speaks pydantic: {w!r}" for w in _PYDANTIC_WORDS if w.lower() in text.lower()]
    problems += [f"names a class: {n}" for n in MODEL_NAMES if re.search(rf"\b{n}\b", text)]
    if _PYTHON_TYPES.search(text):
        problems.append(f"names a Python type: {_PYTHON_TYPES.search(text)}")
    at = found.location
    if at.line is None or at.column is None or not at.file:
        problems.append("no file, line and column")
    if not found.hint or not _HOW_TO.search(found.hint) or not _EXAMPLE.search(found.hint):
        problems.append("no how-to-fix sentence with an example")
    offers = "not_applicable" in text or "to_be_provided" in text
    accepted = accepts_answers(kind, at.path)
    if offers and not accepted:
        problems.append("offers not_applicable/to_be_provided where the field takes neither")
    if accepted and found.code in ("SC001", "SC003", "SC007") and not offers:
        problems.append("does not offer not_applicable/to_be_provided where they are accepted")
    return problems


@pytest.fixture(scope="module")
def samples() -> dict[str, Any]:
    return sample_data(SAMPLE)


@pytest.mark.parametrize("wrong", list(_WRONG))
@pytest.mark.parametrize("kind", KINDS, ids=[k.key for k in KINDS])
def test_every_field_given_a_wrong_shape_gets_words_a_person_understands(
    kind: DocumentKind, wrong: str, samples: dict[str, Any]
) -> None:
    applies, change = _WRONG[wrong]
    tried, refused, bad = 0, 0, []
    for node in walk_type(kind.model):
        doc = copy.deepcopy(samples[kind.key])
        holder = _holder(doc, node.path)
        if not applies(node) or holder is None or node.path[-1] not in holder:
            continue
        if not change(holder, node.path[-1]):
            continue
        tried += 1
        found = findings_for(kind, doc)
        refused += bool(found)  # a field may take any text as written (a size in words)
        for one in found:
            bad += [f"{one.location.dotted_path}: {p}: {one}" for p in problems_of(kind, one)]
    assert tried > 0, f"no field of {kind.key} takes a {wrong}"
    assert refused > tried // 2, f"{wrong}: only {refused} of {tried} fields refused it"
    assert bad == [], "\n".join(bad[:20])


# --- the named examples ---------------------------------------------------------------

TDS = next(k for k in KINDS if k.key == "training_data_summary")
MD = next(k for k in KINDS if k.key == "model_documentation")


def _crawled(samples: dict[str, Any], **values: Any) -> list[Diagnostic]:
    patch = {"section_2": {"crawled_data": values}}
    return findings_for(TDS, merge(samples[TDS.key], patch))


def test_top_domains_as_a_list_asks_for_a_mapping_with_an_example(
    samples: dict[str, Any],
) -> None:
    (found,) = _crawled(samples, top_domains=["example.com", "example.org"])
    assert (found.code, found.location.dotted_path) == (
        "SC003",
        "section_2.crawled_data.top_domains",
    )
    assert found.message == (
        "`top_domains` should be a group of named answers (a mapping), not a list."
    )
    assert found.hint is not None
    # The example is written from TopDomains' fields: its first, `source`, comes first.
    assert found.hint.startswith(
        "Write a group of named answers (a mapping), for example `top_domains: {source: "
    )
    assert "not_applicable" not in found.hint  # `TopDomains | None` takes neither
    assert "to_be_provided" not in found.hint


@pytest.mark.parametrize(
    ("written", "answer", "qualification"),
    [
        ("Yes, via agreements", "yes", "via agreements"),
        ("Yes, we leveraged data acquisition agreements", "yes", "we leveraged data acquisition agreements"),
        ("Other (see below)", "other", "see below"),
        ("No - we crawl nothing", "no", "we crawl nothing"),
        ("Information cannot be provided: placed before August 2025", "other",
         "Information cannot be provided: placed before August 2025"),
        ("Otherwise unknown", "other", "Otherwise unknown"),  # "Other" only as a whole word
        ("No.", "no", None),
    ],
)  # fmt: skip
def test_a_yes_no_written_as_a_sentence_loads_as_the_qualified_answer(
    written: str, answer: str, qualification: str | None, samples: dict[str, Any]
) -> None:
    """Issue 12: a Yes/No answered in a sentence is kept, never refused; the sentence that
    starts with Yes, No or Other is that answer, the rest its qualification."""
    patch = {"section_2": {"crawled_data": {"used": written}}}
    document = merge(samples["training_data_summary"], patch)
    used = TrainingDataSummary.model_validate(document).section_2.crawled_data.used
    assert isinstance(used, YesNo)
    assert (used.answer, used.qualification) == (answer, qualification)
    assert not [d for d in findings_for(TDS, document) if d.code.startswith("SC")]


@pytest.mark.parametrize(
    "qualification",
    [
        "Other (see below): licensed archives",
        "Yes, we leveraged data acquisition agreements",
        "The information cannot be provided: the model was placed on the market before August 2025",
    ],
)
def test_qualified_yes_no_answers_keep_loading(samples: dict[str, Any], qualification: str) -> None:
    for answer in ("yes", "no", "other"):
        used = {"answer": answer, "qualification": qualification}
        assert _crawled(samples, used=used) == []


def test_a_wrong_yes_no_shows_the_answer_and_qualification_form(
    samples: dict[str, Any],
) -> None:
    (found,) = _crawled(samples, used=["yes"])
    assert found.message == "`used` should be a Yes/No answer, not a list."
    assert found.hint is not None
    assert '`used: {answer: other, qualification: "Other (see below): ..."}`' in found.hint


def test_one_message_for_a_value_that_fits_no_branch_of_a_union(
    samples: dict[str, Any],
) -> None:
    patch = {"properties": {"architecture": {"to_be_provided": 5}}}
    (found,) = findings_for(MD, merge(samples[MD.key], patch))
    assert found.location.dotted_path == "properties.architecture.to_be_provided"
    assert found.message == (
        "`to_be_provided` of `architecture` should be true or text, not a number."
    )


def test_a_missing_date_offers_no_answer_forms_it_does_not_take(
    samples: dict[str, Any],
) -> None:
    doc = copy.deepcopy(samples[MD.key])
    del doc["document"]["last_updated"]  # a Date, not an Answer
    (found,) = findings_for(MD, doc)
    assert found.message == "Required field `last_updated` is missing."
    # The model's declared example, 2026-03-01.
    assert found.hint == "Add it under `document`, for example `last_updated: 2026-03-01`."


def test_a_missing_answer_offers_both_answer_forms(samples: dict[str, Any]) -> None:
    doc = copy.deepcopy(samples[MD.key])
    del doc["properties"]["architecture"]
    (found,) = findings_for(MD, doc)
    assert found.hint is not None
    assert "`architecture: {not_applicable: <reason>}`" in found.hint
    assert "`architecture: {to_be_provided: true}`" in found.hint
