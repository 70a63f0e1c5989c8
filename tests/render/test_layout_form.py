"""The model documentation in the Form's layout: audience columns, units, withheld rows.

Expected audiences are the Form's ticks as requirements §4 records them (e.g. training
compute: an NCA row of order of magnitude and an AIO row of two significant figures,
§4.7; energy for the AI Office and authorities, not downstream providers, §4.8).
"""

from __future__ import annotations

import re

import pytest

from gpai_docs.integrations.hf_card import export_card
from gpai_docs.render.artifacts import spec_for
from gpai_docs.render.markdown import render_markdown
from gpai_docs.validate.pipeline import validate_project
from tests.conftest import FIXED_DATE, SAMPLES

X, E = "☒", "☐"  # ticked, empty
SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir() if p.is_dir())


def _sections(markdown: str) -> dict[str, tuple[list[tuple[str, str, tuple[str, ...]]], str]]:
    """Heading -> (rows of (item, information, AIO/NCA/DP marks), withheld note)."""
    out: dict[str, tuple[list[tuple[str, str, tuple[str, ...]]], str]] = {}
    current = ""
    for line in markdown.splitlines():
        if line.startswith("## "):
            current = line[3:].replace("\\", "")
            out[current] = ([], "")
        elif current and line.startswith("| ") and not line.startswith("| Item |"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            if len(cells) == 5:
                out[current][0].append((cells[0], cells[1], tuple(cells[2:])))
        elif current and line.startswith("Withheld from this version"):
            out[current] = (out[current][0], line)
    return out


@pytest.fixture(scope="module")
def vela() -> dict[str, str]:
    result = validate_project(SAMPLES / "large-closed", as_of=FIXED_DATE)
    return {a: render_markdown(result, "model_documentation", a) for a in ("aio", "nca", "dp")}


def test_ai_office_version_shows_every_row_with_the_forms_audience_marks(
    vela: dict[str, str],
) -> None:
    rows, note = _sections(vela["aio"])["7. Computational resources (during training)"]
    assert note == ""
    assert [(label, marks) for label, _, marks in rows] == [
        ("Training time (range)", (E, X, E)),
        ("Training time (days)", (X, E, E)),
        ("Amount of computation used for training (FLOP, order of magnitude)", (E, X, E)),
        ("Amount of computation used for training (FLOP)", (X, E, E)),
        ("Measurement methodology", (X, X, E)),
    ]
    info = {label: text for label, text, _ in rows}
    assert info["Amount of computation used for training (FLOP)"] == "3.8\u00a0×\u00a010²⁵"
    assert info["Training time (range)"] == (
        "Not in this version: given to national competent authorities only."
    )
    energy = {
        label: (text, marks)
        for label, text, marks in _sections(vela["aio"])[
            "8. Energy consumption (during training and inference)"
        ][0]
    }
    assert energy["Amount of energy used for training (MWh)"] == ("2.9\u00a0×\u00a010⁴", (X, X, E))
    properties = {
        label: marks for label, _, marks in _sections(vela["aio"])["2. Model properties"][0]
    }
    assert properties["Total model size (parameters)"] == (X, X, E)
    assert properties["Total model size (range of parameters)"] == (E, E, X)
    assert properties["Design specification of the model"] == (X, X, E)


def test_authorities_version_shows_only_its_rows_and_names_the_withheld_ones(
    vela: dict[str, str],
) -> None:
    rows, note = _sections(vela["nca"])["7. Computational resources (during training)"]
    assert [label for label, _, _ in rows] == [
        "Training time (range)",
        "Amount of computation used for training (FLOP, order of magnitude)",
        "Measurement methodology",
    ]
    assert {label: text for label, text, _ in rows}[
        "Amount of computation used for training (FLOP, order of magnitude)"
    ] == "10²⁵"
    assert note == (
        "Withheld from this version (the Form gives these items to other readers): "
        "Training time (days); Amount of computation used for training (FLOP)."
    )
    assert "3.8\u00a0×\u00a010²⁵" not in vela["nca"] and "3.8" not in vela["nca"]


def test_downstream_version_withholds_whole_sections_the_form_keeps_from_it(
    vela: dict[str, str],
) -> None:
    sections = _sections(vela["dp"])
    rows, note = sections["5. Training process"]
    assert rows == []
    assert note.endswith("Design specification of the training process; Decision rationale.")
    energy_rows, _ = sections["8. Energy consumption (during training and inference)"]
    assert energy_rows == []
    assert "Distribution channels" in {
        label for label, _, _ in sections["3. Methods of distribution and licenses"][0]
    }


@pytest.mark.parametrize("sample", SAMPLE_NAMES)
def test_no_internal_labels_or_caret_numbers_in_documentation_or_card(sample: str) -> None:
    result = validate_project(SAMPLES / sample, as_of=FIXED_DATE)
    texts = [render_markdown(result, "model_documentation", a) for a in ("aio", "nca", "dp")]
    md = result.project.model("model_documentation")
    assert md is not None
    texts.append(
        export_card(
            md,
            result.project.model("training_data_summary"),  # type: ignore[arg-type]
            existing=None,
            summary_link=None,
            copyright_link=None,
        )
    )
    for text in texts:
        assert not re.search(r"\((AIO|NCA|DP)(/\w+)? row\)", text)
        assert "*10^" not in text and "\\*10^" not in text


def test_header_names_one_model_and_the_version_without_doubling_the_v() -> None:
    from gpai_docs.render.html import page
    from gpai_docs.render.markdown import render_artifact

    result = validate_project(SAMPLES / "large-closed", as_of=FIXED_DATE)
    running = {}
    for document, audience in (("copyright_policy", "public"), ("validation_report", "provider")):
        rendered = render_artifact(result, spec_for(document, audience))
        assert rendered is not None
        html = page(rendered, stamp="2026-11-21T00:00:00Z", generator="test")
        running[document] = re.search(r'running-title">([^<]*)<', html).group(1)  # type: ignore[union-attr]
    # The policy covers two models: the header names the first and counts the others.
    assert (
        running["copyright_policy"] == "Vela 2 and 1 more · Copyright policy summary · Version 2.0"
    )
    assert (
        running["validation_report"]
        == "Vela 2 · Validation report · Rule pack " + result.pack.version
    )
