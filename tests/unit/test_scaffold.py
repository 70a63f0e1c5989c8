"""The scaffold is generated from the models: every field shows up, commented, and it loads."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from gpai_docs.errors import UserError
from gpai_docs.load.documents import load_file
from gpai_docs.models import CopyrightPolicy, ModelDocumentation, TrainingDataSummary
from gpai_docs.models.json_schema import json_schemas
from gpai_docs.models.kinds import KINDS
from gpai_docs.models.model_documentation import General, Properties
from gpai_docs.models.training_data_summary import Section1
from gpai_docs.models.walk import field_spec, walk_type
from gpai_docs.scaffold.documents import scaffold
from gpai_docs.scaffold.fields import IDENTITY_FIELDS
from gpai_docs.scaffold.project import init_project, schema_references
from gpai_docs.scaffold.yaml_lines import yaml_scalar
from gpai_docs.yamlio.parse import parse_yaml

TODAY = dt.date(2026, 11, 21)
REFS = {kind.stem: f"../schemas/{kind.stem}.schema.json" for kind in KINDS}
MODELS: dict[str, type[BaseModel]] = {kind.stem: kind.model for kind in KINDS}


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    made = scaffold(REFS, model_name="acme-7b", provider="Acme AI SAS", today=TODAY)
    return {name.removesuffix(".yaml"): text for name, text in made.files.items()}


def _data(text: str) -> Any:
    return yaml.safe_load(text)


@pytest.mark.parametrize("stem", sorted(MODELS))
def test_every_field_is_written_with_its_catalogue_id(stem: str, texts: dict[str, str]) -> None:
    text = texts[stem]
    for node in walk_type(MODELS[stem]):
        name = node.field.name
        assert re.search(rf"^[ #]*-? ?{name}:", text, re.MULTILINE), f"{name} missing"
        if node.field.catalogue_id is not None:
            cid = re.escape(node.field.catalogue_id)
            assert re.search(rf"#[^\n]*{cid}\b", text), cid


@pytest.mark.parametrize("stem", sorted(MODELS))
def test_scaffold_is_schema_valid_and_starts_with_its_modeline(
    stem: str, texts: dict[str, str]
) -> None:
    text = texts[stem]
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={REFS[stem]}"
    MODELS[stem].model_validate(_data(text))


def test_answers_start_as_to_be_provided_and_are_counted() -> None:
    made = scaffold(REFS, model_name="acme-7b", today=TODAY)
    for name, text in made.files.items():
        live = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
        assert sum("{to_be_provided: true}" in line for line in live) == made.pending[name]
    md = ModelDocumentation.model_validate(_data(made.files["model-documentation.yaml"]))
    assert md.properties.architecture.to_be_provided is True  # type: ignore[union-attr]
    assert md.general.legal_name.to_be_provided is True  # type: ignore[union-attr]


def test_identity_is_written_once_for_all_documents(texts: dict[str, str]) -> None:
    md = ModelDocumentation.model_validate(_data(texts["model-documentation"]))
    tds = TrainingDataSummary.model_validate(_data(texts["training-data-summary"]))
    cp = CopyrightPolicy.model_validate(_data(texts["copyright-policy"]))
    assert md.general.model_name.name == "acme-7b"
    assert tds.section_1.versioned_model_names == ["acme-7b"]
    assert cp.document.models_covered == ["acme-7b"]
    assert md.general.legal_name == "Acme AI SAS"
    assert tds.section_1.provider.name == "Acme AI SAS"


def test_without_a_provider_every_copy_of_the_name_is_to_be_provided() -> None:
    made = scaffold(REFS, model_name="m", today=TODAY)
    text = made.files["training-data-summary.yaml"]
    assert "    name: {to_be_provided: true}\n" in text
    assert "    contact: {to_be_provided: true}\n" in text
    assert "Example AI Labs" not in text


def test_identity_table_names_real_fields() -> None:
    for stem, path in IDENTITY_FIELDS:
        assert path in {node.path for node in walk_type(MODELS[stem])}, (stem, path)


def test_yes_no_facts_start_as_to_be_provided(texts: dict[str, str]) -> None:
    md, cp = texts["model-documentation"], texts["copyright-policy"]
    assert "  established_in_union: {to_be_provided: true}\n" in md
    assert "  sme: {to_be_provided: true}\n" in md
    assert "  code_of_practice_signatory: {to_be_provided: true}\n" in md
    assert "    honoured: {to_be_provided: true}\n" in cp
    assert "    standard: {to_be_provided: true}\n" in cp
    # The optional open-source block, once uncommented, decides nothing either.
    assert "#   free_open_source_license: {to_be_provided: true}\n" in md
    assert "#   monetised: {to_be_provided: true}\n" in md


def test_dates_are_the_day_of_the_scaffold(texts: dict[str, str]) -> None:
    md = ModelDocumentation.model_validate(_data(texts["model-documentation"]))
    tds = TrainingDataSummary.model_validate(_data(texts["training-data-summary"]))
    assert md.document.last_updated == TODAY
    assert tds.header.last_update == TODAY


def _uncomment(text: str, key: str) -> str:
    """Uncomment the top-level block ``# key:`` and the commented lines that follow it."""
    lines = text.splitlines()
    start = lines.index(f"# {key}:")
    end = start + 1
    while end < len(lines) and lines[end].startswith("#  "):
        end += 1
    block = [line[2:] for line in lines[start:end]]
    return "\n".join([*lines[:start], *block, *lines[end:]]) + "\n"


@pytest.mark.parametrize(
    "key", ["open_source", "systemic_risk", "modification", "information_requests"]
)
def test_uncommented_optional_blocks_are_schema_valid(key: str, texts: dict[str, str]) -> None:
    md = ModelDocumentation.model_validate(_data(_uncomment(texts["model-documentation"], key)))
    assert getattr(md, key)


def test_answer_shapes_are_offered_as_commented_alternatives(texts: dict[str, str]) -> None:
    text = texts["model-documentation"]
    assert "  input_modalities: {to_be_provided: true}\n  # input_modalities:\n" in text
    assert "  #   - modality: Text" in text
    assert "#   one of: Text | Images | Audio | Video | Other" in text


def test_shapes_read_the_model_annotations() -> None:
    answer = field_spec(Properties, "architecture").shape
    assert answer.kind == "answer" and answer.inner is not None
    assert answer.inner.base is str and not answer.form_na
    deps = field_spec(General, "model_dependencies").shape
    assert deps.kind == "answer" and deps.form_na
    assert deps.inner is not None and deps.inner.kind == "list"
    yes_no = field_spec(Section1, "continuous_training").shape
    assert yes_no.inner is not None and yes_no.inner.choices == ("Yes", "No", "Other")


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"))))
def test_scalars_read_back_as_the_same_text(text: str) -> None:
    assert yaml.safe_load(f"key: {yaml_scalar(text)}\n")["key"] == text


@pytest.mark.parametrize("text", ["no", "Yes", "2.0", "1-3 months", "a: b", "N/A", "<1 month"])
def test_tricky_scalars_stay_text(text: str) -> None:
    assert yaml.safe_load(f"key: {yaml_scalar(text)}\n")["key"] == text


# --- modelines and writing --------------------------------------------------------------


def test_schema_base_url_and_folders(tmp_path: Path) -> None:
    project = tmp_path / "a" / "proj"
    refs, local = schema_references(project, "https://example.org/schemas/")
    assert refs["copyright-policy"] == "https://example.org/schemas/copyright-policy.schema.json"
    assert not local
    refs, _ = schema_references(project, str(tmp_path / "s"))
    assert refs["model-documentation"] == f"{tmp_path}/s/model-documentation.schema.json"


def test_nearest_schema_folder_above_is_referenced_relatively(tmp_path: Path) -> None:
    for name, text in json_schemas().items():
        (tmp_path / "schemas").mkdir(exist_ok=True)
        (tmp_path / "schemas" / name).write_text(text, encoding="utf-8")
    refs, local = schema_references(tmp_path / "samples" / "new")
    assert refs["training-data-summary"] == "../../schemas/training-data-summary.schema.json"
    assert not local


def test_without_a_schema_folder_the_project_gets_its_own_copy(tmp_path: Path) -> None:
    result = init_project(tmp_path / "proj", today=TODAY)
    schemas = tmp_path / "proj" / "schemas"
    assert {p.name for p in schemas.iterdir()} == set(json_schemas())
    first = (tmp_path / "proj" / "model-documentation.yaml").read_text(encoding="utf-8")
    assert first.startswith("# yaml-language-server: $schema=schemas/model-documentation")
    assert result.pending > 0
    loaded = load_file(tmp_path / "proj" / "model-documentation.yaml")
    assert loaded.ok, loaded.diagnostics


def test_existing_documents_are_not_overwritten_without_force(tmp_path: Path) -> None:
    init_project(tmp_path, schema_base="https://example.org", today=TODAY)
    target = tmp_path / "copyright-policy.yaml"
    target.write_text("edited\n", encoding="utf-8")
    with pytest.raises(UserError, match="already holds"):
        init_project(tmp_path, schema_base="https://example.org", today=TODAY)
    assert target.read_text(encoding="utf-8") == "edited\n"
    init_project(tmp_path, schema_base="https://example.org", force=True, today=TODAY)
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_force_does_not_leave_two_files_for_one_document(tmp_path: Path) -> None:
    (tmp_path / "training-data-summary.json").write_text("{}", encoding="utf-8")
    with pytest.raises(UserError, match=r"training-data-summary\.json"):
        init_project(tmp_path, force=True, today=TODAY)
    assert not (tmp_path / "model-documentation.yaml").exists()


def test_a_file_is_not_a_project_folder(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(UserError, match="not a folder"):
        init_project(tmp_path / "file")


# --- issue 17: a scaffold that cannot ship placeholders ----------------------------------

# The only live values a scaffold writes: what `init` was told (model name, provider) and the
# day it was made. Every other answer is `to_be_provided` (or a comment).
GIVEN_BY_INIT = {
    "model-documentation": {("document", "last_updated"), ("general", "model_name", "name"),
                            ("general", "legal_name")},
    "training-data-summary": {("header", "last_update"), ("section_1", "versioned_model_names"),
                              ("section_1", "provider", "name")},
    "copyright-policy": {("document", "last_updated"), ("document", "models_covered")},
}  # fmt: skip
TBP = {"to_be_provided": True}


def _leaves(data: Any, path: tuple[str, ...] = ()) -> Any:
    if data == TBP or not isinstance(data, dict):
        yield path, data
        return
    for key, value in data.items():
        yield from _leaves(value, (*path, key))


@pytest.mark.parametrize("provider", [None, "Acme AI SAS"])
@pytest.mark.parametrize("stem", sorted(MODELS))
def test_every_leaf_is_to_be_provided_or_given_by_init(stem: str, provider: str | None) -> None:
    made = scaffold(REFS, model_name="acme-7b", provider=provider, today=TODAY)
    data = _data(made.files[f"{stem}.yaml"])
    allowed = GIVEN_BY_INIT[stem] if provider else GIVEN_BY_INIT[stem] - {
        ("general", "legal_name"), ("section_1", "provider", "name")
    }  # fmt: skip
    live = {path: value for path, value in _leaves(data) if value != TBP}
    assert set(live) == allowed, live


def test_no_example_or_default_is_left_as_a_value() -> None:
    made = scaffold(REFS, model_name="acme-7b", today=TODAY)
    for text in made.files.values():
        assert "example: replace it" not in text
        assert "check this" not in text
        assert "3.7*10^24>" not in text  # the placeholder every number once had
    md = made.files["model-documentation.yaml"]
    assert "Example AI Labs" not in made.files["training-data-summary.yaml"]
    assert '  version: "1.2.0"' not in md
    assert "standard: RFC 9309\n" not in made.files["copyright-policy.yaml"]


def test_examples_are_comments(texts: dict[str, str]) -> None:
    md, cp, tds = (
        texts["model-documentation"],
        texts["copyright-policy"],
        texts["training-data-summary"],
    )
    assert (
        "  # Document version number · MDF.doc.version · for aio, nca, dp\n  #   e.g. 1.2.0\n" in md
    )
    assert "  #   e.g. 2026-03-01\n  last_updated: 2026-11-21\n" in md
    assert "    #   e.g. RFC 9309\n    standard: {to_be_provided: true}\n" in cp
    assert "  #   e.g. 1.0\n  version: {to_be_provided: true}\n" in tds
    assert "  #   e.g. 7.3*10^10\n  total_model_size: {to_be_provided: true}\n" in md


@pytest.mark.parametrize("stem", sorted(MODELS))
def test_each_fields_comment_holds_its_schema_example(stem: str, texts: dict[str, str]) -> None:
    lines = texts[stem].splitlines()
    for node in walk_type(MODELS[stem]):
        example = node.field.example
        if example is None:
            continue
        shown = (
            "[" + ", ".join(str(e) for e in example) + "]"
            if isinstance(example, list)
            else str(example)
        )
        key = re.compile(rf"^[ #]*-? ?{node.field.name}:")
        for index, line in enumerate(lines):
            if not key.match(line):
                continue
            above = []
            for earlier in reversed(lines[:index]):
                if not earlier.lstrip().startswith("#") or key.match(earlier):
                    break
                above.append(earlier)
            if any(f"e.g. {shown}" in a for a in above):
                break
        else:
            pytest.fail(f"{stem}: {'.'.join(node.path)} does not show `e.g. {shown}`")


def test_placeholders_fit_the_field(texts: dict[str, str]) -> None:
    md, tds = texts["model-documentation"], texts["training-data-summary"]
    assert '  # worldwide_turnover_eur: "<amount in euros, such as 250000000>"' in md
    assert '  #   wall_clock_days: "<number of days, such as 90>"' in md
    assert '  #   hardware_days: "<number of days, such as 90>"' in md
    assert '#   count: "<number in the template\'s unit, such as 2.4*10^12>"' in tds


def test_output_modalities_are_labelled_and_identified_as_output(texts: dict[str, str]) -> None:
    md = texts["model-documentation"]
    block = md[md.index("  output_modalities: {to_be_provided: true}") :]
    block = block[: block.index("  total_model_size")]
    assert "MDF.properties.output_modalities" in block
    assert "input" not in block.lower()
    data = ModelDocumentation.model_validate(
        _data(
            md.replace(
                "output_modalities: {to_be_provided: true}",
                "output_modalities: [{modality: Text, max_size: N/A}]",
            )
        )
    )
    assert data.properties.output_modalities[0].modality == "Text"  # type: ignore[index]


def test_top_domains_is_required_when_crawling_and_names_the_domains_command(
    texts: dict[str, str],
) -> None:
    tds = texts["training-data-summary"]
    start = tds.index("(required when `used` is Yes) Summary of the most relevant domain names")
    comment = tds[start : tds.index("# top_domains:", start)]
    assert "`gpai-docs domains`" in comment
    assert "(optional) Summary of the most relevant domain names" not in tds


def test_section_1_3_lists_each_modality_to_be_answered(texts: dict[str, str]) -> None:
    data = _data(texts["training-data-summary"])
    assert data["section_1"]["modalities"] == {
        "text": TBP, "image": TBP, "audio": TBP, "video": TBP, "other": TBP,
    }  # fmt: skip
    assert "modalities: {}" not in texts["training-data-summary"]


def test_a_modality_is_answered_or_not_applicable() -> None:
    answered = TrainingDataSummary.model_validate(
        _data(
            scaffold(REFS, model_name="m", today=TODAY)
            .files["training-data-summary.yaml"]
            .replace(
                "    text: {to_be_provided: true}",
                "    text: {size: More than 10 trillion tokens, content_types: Web text}",
            )
            .replace("    image: {to_be_provided: true}", "    image: {not_applicable: no images}")
        )
    )
    assert answered.section_1.modalities.text.content_types == "Web text"  # type: ignore[union-attr]
    assert answered.section_1.modalities.image.not_applicable == "no images"  # type: ignore[union-attr]


def test_a_key_under_an_empty_flow_mapping_gets_a_hint_to_remove_it() -> None:
    text = "section_1:\n  modalities: {}\n    text:\n      content_types: Web text\n"
    found = parse_yaml(text, "training-data-summary.yaml").diagnostics
    assert [d.code for d in found] == ["DL002"]
    assert found[0].hint == (
        "`modalities: {}` on line 2 is an empty mapping, so nothing can be nested below it: "
        "remove the `{}` and keep `modalities:`."
    )
    other = parse_yaml("a:\n  b: [1\n", "x.yaml").diagnostics
    assert other[0].hint == "Check the indentation and quoting around this position."


def _comment_above(text: str, key: str) -> str:
    """The comment of the first field written ``key`` (commented out or not), in one line:
    from its heading (`# ` and a word) down to the key."""
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().lstrip("# ") == key)
    start = at - 1
    while not re.match(r"^\s*# \S", lines[start]):
        start -= 1
    return " ".join(" ".join(line.strip()[1:] for line in lines[start:at]).split())


def test_the_nca_compute_row_says_it_is_the_order_of_magnitude_of_the_aio_row(
    texts: dict[str, str],
) -> None:
    comment = _comment_above(
        texts["model-documentation"], "training_flop_nca: {to_be_provided: true}"
    )
    # MD007: the NCA row is 10^floor(log10(AIO row)); 3.7*10^24 -> 10^24 passes.
    assert "The order of magnitude of the AI Office row below" in comment
    assert "an AI Office row of 3.7*10^24 FLOP gives 10^24" in comment
    assert comment.endswith("e.g. 10^24")


@pytest.mark.parametrize(
    ("stem", "key", "mark"),
    [
        (
            "copyright-policy",
            "lists_used:",
            "(recommended: CP005 The exclusion of infringing websites names the lists it uses, "
            "or explains why none) Lists of infringing websites honoured",
        ),
        (
            "training-data-summary",
            'canonical_url: "https://example.com/ai/model-x/training-content-summary"',
            "(recommended: TS019 The summary's header says where it is published, versioned "
            "and announced) Canonical URL",
        ),
        (
            "training-data-summary",
            'versions_url: "https://example.com/ai/model-x/training-content-summary/versions"',
            "(recommended: TS017 A summary after the first version links its previous versions; "
            "also TS019) Where all versions are listed",
        ),
    ],
)
def test_an_optional_field_a_warning_rule_checks_is_recommended_naming_the_rule(
    stem: str, key: str, mark: str, texts: dict[str, str]
) -> None:
    comment = _comment_above(texts[stem], key)
    assert comment.startswith(mark)
    assert "(optional)" not in comment


def test_an_optional_field_no_rule_checks_stays_optional(texts: dict[str, str]) -> None:
    comment = _comment_above(
        texts["model-documentation"],
        'worldwide_turnover_eur: "<amount in euros, such as 250000000>"',
    )
    assert comment.startswith("(optional) Annual worldwide turnover (EUR) · AIA.101.1")
    assert "recommended" not in comment


def test_rows_asked_only_if_yes_say_to_uncomment_them_when_used_is_yes(
    texts: dict[str, str],
) -> None:
    lines = texts["training-data-summary"].splitlines()
    section_2 = lines[lines.index("section_2:") :]
    for key in ("# modalities:", "# large_datasets:", "# other_description:"):
        at = next(i for i, line in enumerate(section_2) if line.strip().startswith(key))
        assert section_2[at - 1] == "    # uncomment when `used` is Yes", key
    # The rows stay commented out, so a fresh scaffold fills in nothing an answer No excludes.
    assert "modalities" not in _data(texts["training-data-summary"])["section_2"]["public_datasets"]
    assert section_2.count("    # uncomment when `used` is Yes") >= 9
