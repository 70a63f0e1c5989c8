"""Shapes of published summaries that the summary schema holds (issue 12).

Each example is written as the published summaries write it (quoted in the issue). It
loads, it is kept as written, it is published where the template shows that row, and the
finding says what structure the template expects. Expected texts come from the issue and
the template, not from the code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gpai_docs.law import rulepack
from gpai_docs.models import TrainingDataSummary
from gpai_docs.render.artifacts import spec_for
from gpai_docs.render.markdown import render_artifact
from gpai_docs.validate.determinations import determine
from gpai_docs.validate.pipeline import validate_project
from tests.conftest import FIXED_DATE
from tests.rules.patching import merge, sample_data, write_project

PACK = rulepack.load()


def summary(patch: dict[str, Any]) -> TrainingDataSummary:
    data = merge(sample_data("minimal")["training_data_summary"], patch)
    return TrainingDataSummary.model_validate(data)


def _validated(patch: dict[str, Any], tmp_path: Path) -> Any:
    documents = merge(sample_data("minimal"), {"training_data_summary": patch})
    return validate_project(write_project(tmp_path / "project", documents), as_of=FIXED_DATE)


def findings(patch: dict[str, Any], tmp_path: Path) -> list[tuple[str, str, str]]:
    """(code, dotted path, message) of every finding on the minimal sample patched."""
    result = _validated(patch, tmp_path)
    return [(d.code, d.location.dotted_path, d.message) for d in result.report.diagnostics]


def rendered(patch: dict[str, Any], tmp_path: Path) -> tuple[str, str]:
    """The public summary's Markdown and HTML body, from the minimal sample patched."""
    result = _validated(patch, tmp_path)
    artifact = render_artifact(result, spec_for("training_data_summary", "public"))
    if artifact is None or artifact.html_body is None:
        raise AssertionError("the summary was not rendered")
    return artifact.markdown, str(artifact.html_body)


# --- continuous training (1.3): not stated stays not stated -----------------------------


def _cadence(tds: TrainingDataSummary) -> tuple[str, str]:
    got = {d.key: d for d in determine(None, tds, PACK)}["next_summary_update"]
    return got.outcome, got.statement


@pytest.mark.parametrize(
    "answer",
    [None, "Other", {"answer": "other", "qualification": "Training is paused."}],
)
def test_a_summary_silent_on_continuous_training_is_never_read_as_not_trained(
    answer: Any,
) -> None:
    outcome, statement = _cadence(summary({"section_1": {"continuous_training": answer}}))
    assert outcome == "Unknown"
    assert "not trained further" not in statement
    assert statement.startswith("Whether the model is trained further is not stated")
    assert "Nothing is inferred" in statement


def test_continuous_training_left_out_loads_and_gets_a_note(tmp_path: Path) -> None:
    got = findings({"section_1": {"continuous_training": None}}, tmp_path)
    notes = [f for f in got if f[0] == "TS060"]
    assert [f[1] for f in notes] == ["section_1.continuous_training"]
    assert "does not state whether the model keeps being trained" in notes[0][2]
    assert not [f for f in got if f[0][:2] in ("SC", "DL")]


def test_a_stated_no_still_updates_on_material_change() -> None:
    outcome, _ = _cadence(summary({"section_1": {"continuous_training": "No"}}))
    assert outcome == "On material change"


# --- sizes (1.3): the band as printed, the amount beside it or instead of it -------------

TEXT_BANDS = (
    "Less than 1 billion tokens",
    "1 billion to 10 trillion tokens",
    "More than 10 trillion tokens",
)


def _text_size(size: Any, **more: Any) -> dict[str, Any]:
    return {"section_1": {"modalities": {"text": {"size": size, **more}}}}


@pytest.mark.parametrize(
    ("modality", "printed", "canonical"),
    [
        ("text", "1billion to 10 trillions tokens", "1 billion to 10 trillion tokens"),
        ("audio", "10 000 to1 million hours", "10,000 to 1 million hours"),
        ("video", "10.000 to 1 million hours", "10,000 to 1 million hours"),
    ],
)
def test_a_band_worded_as_the_template_prints_it_is_the_band(
    modality: str, printed: str, canonical: str
) -> None:
    patch = {"section_1": {"modalities": {modality: {"size": printed, "content_types": "Talks"}}}}
    got = getattr(summary(patch).section_1.modalities, modality)
    assert got.size == canonical  # accepted, printed in the canonical wording (§11.4)


def test_an_amount_instead_of_the_band_is_kept_and_flagged(tmp_path: Path) -> None:
    patch = _text_size("Up to 19.2 billion tokens")
    size = summary(patch).section_1.modalities.text.size
    assert (size.band, size.text) == (None, "Up to 19.2 billion tokens")
    markdown, html = rendered(patch, tmp_path / "r")
    assert "Up to 19.2 billion tokens" in markdown and "Up to 19.2 billion tokens" in html
    row = next(line for line in markdown.splitlines() if "Up to 19.2 billion tokens" in line)
    assert "☒\u00a0Text" in row and row.count("☒") == 1  # the modality, no band ticked
    got = [f for f in findings(patch, tmp_path / "f") if f[0] == "TS061"]
    assert [f[1] for f in got] == ["section_1.modalities.text.size"]
    assert "ticks none of the template's bands" in got[0][2]
    assert "names no amount of one band" in got[0][2]  # "up to" is a bound, not an amount


def test_an_exact_amount_names_the_band_it_falls_in_without_ticking_it(tmp_path: Path) -> None:
    patch = {
        "section_1": {
            "modalities": {"image": {"size": "479 million images", "content_types": "Photos"}}
        }
    }
    got = [f for f in findings(patch, tmp_path) if f[0] == "TS061"]
    assert [f[1] for f in got] == ["section_1.modalities.image.size"]
    assert "falls in '1 million to 1 billion images'" in got[0][2]


def test_an_amount_beside_the_ticked_band_is_published_with_the_tick(tmp_path: Path) -> None:
    patch = _text_size({"band": "1billion to 10 trillions tokens", "text": "11 billion tokens"})
    size = summary(patch).section_1.modalities.text.size
    assert (size.band, size.text) == ("1 billion to 10 trillion tokens", "11 billion tokens")
    markdown, _ = rendered(patch, tmp_path / "r")
    assert "☒\u00a01 billion to 10 trillion tokens" in markdown  # a tick binds to its label
    assert "11 billion tokens" in markdown
    codes = {f[0] for f in findings(patch, tmp_path / "f")}
    assert not codes & {"TS061", "TS002"}  # 11 billion is in the ticked band


def test_an_amount_beside_another_band_contradicts_it(tmp_path: Path) -> None:
    patch = _text_size({"band": "Less than 1 billion tokens", "text": "11 billion tokens"})
    got = [f for f in findings(patch, tmp_path) if f[0] == "TS002"]
    assert [f[1] for f in got] == ["section_1.modalities.text.size"]


def test_a_measure_in_words_is_kept_as_the_alternative_size(tmp_path: Path) -> None:
    measure = "11 trillion tokens as tokenized by tokenizer X"
    patch = _text_size("More than 10 trillion tokens", custom_size=measure)
    assert str(summary(patch).section_1.modalities.text.custom_size) == measure
    markdown, html = rendered(patch, tmp_path / "r")
    assert measure in markdown and measure in html
    got = [f for f in findings(patch, tmp_path / "f") if f[0] == "TS062"]
    assert [f[1] for f in got] == ["section_1.modalities.text.custom_size"]


@pytest.mark.parametrize(
    "size",
    [
        "Up to 19.2 billion tokens",
        {"band": "1 billion to 10 trillion tokens", "text": "Up to 19.2 billion tokens"},
    ],
)
def test_a_size_kept_as_written_dumps_as_written(size: Any) -> None:
    data = summary(_text_size(size)).model_dump(mode="json")
    assert data["section_1"]["modalities"]["text"]["size"] == size


# --- 2.1: the narrative around the list, sub-headings, versions, datasets by address ----

INTRO = (
    "We list below every publicly available dataset that makes up more than 3 % of the "
    "public data of its modality. Smaller datasets are described after the list."
)
OUTRO = "In addition, about forty smaller open corpora were used, none above 1 %."
GROUPED = [
    {"group": "English", "name": "FineWeb", "version": "v1.0.0", "link": "https://huggingface.co/datasets/HuggingFaceFW/fineweb", "modality": "Text"},
    {"group": "Multilingual", "name": "FineWeb-2", "version": "v2.0.1", "link": "https://huggingface.co/datasets/HuggingFaceFW/fineweb-2", "modality": "Text"},
    {"group": "Code & math", "link": "https://huggingface.co/datasets/bigcode/the-stack-v2", "modality": "Text"},
]  # fmt: skip


def _public(**fields: Any) -> dict[str, Any]:
    return {"section_2": {"public_datasets": fields}}


def test_the_narrative_groups_and_versions_of_the_list_are_kept() -> None:
    public = summary(
        _public(intro=INTRO, large_datasets=GROUPED, outro=OUTRO)
    ).section_2.public_datasets
    assert (public.intro, public.outro) == (INTRO, OUTRO)
    listed = public.large_datasets or []
    assert [(d.group, d.name, d.version) for d in listed] == [
        ("English", "FineWeb", "v1.0.0"),
        ("Multilingual", "FineWeb-2", "v2.0.1"),
        ("Code & math", "https://huggingface.co/datasets/bigcode/the-stack-v2", None),
    ]


def test_the_list_renders_with_its_narrative_headings_and_versions(tmp_path: Path) -> None:
    markdown, html = rendered(_public(intro=INTRO, large_datasets=GROUPED, outro=OUTRO), tmp_path)
    row = next(line for line in markdown.splitlines() if "List of large publicly" in line)
    assert row.index("We list below") < row.index("FineWeb") < row.index("In addition")
    assert (
        "English: FineWeb — v1.0.0 — <https://huggingface.co/datasets/HuggingFaceFW/fineweb>" in row
    )
    assert "Multilingual: FineWeb-2 — v2.0.1 — " in row
    # A dataset given by its address shows it once, as its name.
    assert row.count("the-stack-v2") == 1
    assert "Code &amp; math:" in html and "v2.0.1" in html
    assert "about forty smaller open corpora were used" in html  # (the % is typeset)


def test_a_dataset_given_only_by_its_address_gets_a_note(tmp_path: Path) -> None:
    got = [f for f in findings(_public(large_datasets=GROUPED), tmp_path) if f[0] == "TS063"]
    assert [f[1] for f in got] == ["section_2.public_datasets.large_datasets[2].name"]


def test_a_dataset_needs_a_name_or_a_link(tmp_path: Path) -> None:
    got = findings(
        _public(large_datasets=[{"description": "Forum posts", "modality": "Text"}]), tmp_path
    )
    schema = [f for f in got if f[0][:2] == "SC"]
    assert schema and "`name:` or its `link:`" in schema[0][2]


# --- 1.1: the provider and the representative written as one block ----------------------

PROVIDER_BLOCK = (
    "Lumen AI B.V.\nKeizersgracht 100, 1015 AA Amsterdam, Netherlands\nai-act@lumen-ai.example"
)
REP_BLOCK = "EU Rep Services GmbH\nFriedrichstraße 1, 10117 Berlin\nrep@eurep.example"


def test_a_provider_block_is_kept_as_written_and_named_by_its_first_line() -> None:
    s1 = summary({"section_1": {"provider": PROVIDER_BLOCK}}).section_1
    assert (s1.provider.block, s1.provider.name) == (PROVIDER_BLOCK, "Lumen AI B.V.")
    again = summary({"section_1": {"provider": s1.provider.model_dump(mode="json")}})
    assert again.section_1.provider.block == PROVIDER_BLOCK


def test_a_block_renders_as_written(tmp_path: Path) -> None:
    patch = {"section_1": {"provider": PROVIDER_BLOCK, "authorised_representative": REP_BLOCK}}
    markdown, html = rendered(patch, tmp_path)
    for block in (PROVIDER_BLOCK, REP_BLOCK):
        lines = block.split("\n")
        assert all(line in markdown for line in lines)
        assert "<br>".join(lines) in html  # one line each, in order


def test_a_split_name_beside_the_block_is_the_name_rules_use(tmp_path: Path) -> None:
    block = (
        "Registered office:\nLumen AI B.V., Keizersgracht 100, Amsterdam\nai-act@lumen-ai.example"
    )
    provider = {"name": "Lumen AI B.V.", "block": block, "contact": None}  # None: left out
    got = summary({"section_1": {"provider": provider}}).section_1.provider
    assert (got.name, got.contact, got.block) == ("Lumen AI B.V.", None, block)
    codes = [f[0] for f in findings({"section_1": {"provider": provider}}, tmp_path)]
    assert "XD001" not in codes and "TS064" not in codes  # same legal name as the documentation


def test_a_provider_block_gets_a_note_naming_the_name_read(tmp_path: Path) -> None:
    got = [
        f
        for f in findings({"section_1": {"provider": PROVIDER_BLOCK}}, tmp_path)
        if f[0] == "TS064"
    ]
    assert [f[1] for f in got] == ["section_1.provider"]
    assert "'Lumen AI B.V.'" in got[0][2]


def test_a_party_needs_its_contact_or_its_block(tmp_path: Path) -> None:
    got = findings(
        {"section_1": {"provider": {"name": "Lumen AI B.V.", "contact": None}}}, tmp_path
    )
    assert any(f[0][:2] == "SC" and "`contact:`" in f[2] for f in got)


# --- Yes/No with a third box or a qualification: still {answer, qualification} ----------


@pytest.mark.parametrize(
    ("written", "answer", "qualification"),
    [
        ({"answer": "Yes", "qualification": "Only for the 2.0 update."}, "yes", "Only for the 2.0 update."),
        ({"answer": "other", "qualification": "Licences under negotiation."}, "other", "Licences under negotiation."),
        ("No", "no", None),
    ],
)  # fmt: skip
def test_a_qualified_or_third_box_answer_still_loads_and_renders(
    written: Any, answer: str, qualification: str | None, tmp_path: Path
) -> None:
    patch = {"section_2": {"licensed_data": {"used": written}}}
    used = summary(patch).section_2.licensed_data.used
    assert (used.answer, used.qualification) == (answer, qualification)
    markdown, _ = rendered(patch, tmp_path)
    if qualification is not None:
        assert qualification in markdown
