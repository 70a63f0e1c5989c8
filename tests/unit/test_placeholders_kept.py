"""A placeholder typed as an answer loads as written and is flagged (issue 12).

"No published answer is ever lost": a bare "N/A" or "TBD" in a text answer used to be a
schema error that kept the whole document out of the model. Every text field of the three
documents (the model walk) now gets "N/A" and "TBD" in turn in a valid
sample: the document loads with the text kept, and the finding is PJ005 (an N/A without a
reason, at the field) or PJ002 (a placeholder), never a schema code. Where the Form itself
offers N/A, a bare N/A is its answer and nothing is flagged.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from gpai_docs.models import TrainingDataSummary
from gpai_docs.models.answers import NotApplicable
from gpai_docs.models.kinds import KINDS, DocumentKind
from gpai_docs.models.walk import EACH, TypeNode, walk_type
from gpai_docs.validate.pipeline import validate_project
from tests.conftest import FIXED_DATE
from tests.rules.patching import sample_data, write_project
from tests.unit.test_schema_messages import _base, _holder

SAMPLE = "large-closed"  # the sample that answers the most fields
CASES = {"N/A": "PJ005", "TBD": "PJ002"}  # "Not applicable" is the same: PJ005's cases


def _text_fields(kind: DocumentKind, doc: dict[str, Any]) -> list[TypeNode]:
    """Fields taking free text that the sample answers (first items of lists)."""
    found = []
    for node in walk_type(kind.model):
        base = _base(node)
        if base.kind != "scalar" or base.base is not str or base.choices:
            continue
        holder = _holder(doc, node.path)
        if holder is not None and isinstance(holder.get(node.path[-1]), str):
            found.append(node)
    return found


def _path(node: TypeNode) -> str:
    return ".".join(p if p != EACH else "0" for p in node.path).replace(".0", "[0]")


@pytest.mark.parametrize("written", list(CASES))
@pytest.mark.parametrize("kind", KINDS, ids=[k.key for k in KINDS])
def test_every_text_field_keeps_a_placeholder_and_flags_it(
    kind: DocumentKind, written: str, tmp_path: Path
) -> None:
    samples = sample_data(SAMPLE)
    fields = _text_fields(kind, samples[kind.key])
    assert len(fields) >= 10, [n.path for n in fields]
    wrong = []
    for number, node in enumerate(fields):
        documents = copy.deepcopy(samples)
        holder = _holder(documents[kind.key], node.path)
        assert holder is not None
        holder[node.path[-1]] = written
        model = kind.model.model_validate(documents[kind.key])  # loads: no ValidationError
        value: Any = model
        for part in node.path:
            value = value[0] if part == EACH else getattr(value, part)
        if node.field.shape.form_na and written != "TBD":
            assert value == "N/A", node.path
            continue  # the Form's own N/A: an answer
        kept = value.not_applicable if isinstance(value, NotApplicable) else value
        assert kept == written, node.path
        result = validate_project(
            write_project(tmp_path / str(number), documents), as_of=FIXED_DATE
        )
        stem = kind.key.replace("_", "-")
        found = [d for d in result.report.diagnostics if stem in d.location.file]
        assert not [d for d in found if d.code.startswith(("SC", "DL"))], node.path
        codes = {(d.code, d.location.dotted_path) for d in found}
        if (CASES[written], _path(node)) not in codes:
            wrong.append(f"{_path(node)}: {sorted(c for c in codes if c[1] == _path(node))}")
    assert wrong == [], "\n".join(wrong)


def test_the_published_schema_takes_the_bare_na_the_model_reads() -> None:
    """An editor checking against schemas/ must not refuse what gpai-docs loads."""
    import jsonschema

    from tests.conftest import ROOT

    schema = json.loads((ROOT / "schemas/training-data-summary.schema.json").read_text("utf-8"))
    document = copy.deepcopy(sample_data("minimal")["training_data_summary"])
    document = json.loads(json.dumps(document, default=str))
    for written in ("N/A", "n/a.", "Not  applicable"):
        document["section_1"]["modalities"]["image"] = written  # a record, or not_applicable
        jsonschema.validate(document, schema)
        TrainingDataSummary.model_validate(document)
    document["section_1"]["modalities"]["image"] = "TBD"  # neither takes it here
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)
