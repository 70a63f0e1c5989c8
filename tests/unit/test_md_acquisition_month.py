"""The model documentation's latest data acquisition date as providers write it (issue 12).

The Form asks for MM/YYYY; providers write "May 2025", "Up to June 2026", "01/2025; we
may update". As the summary's latest collection date does, the field holds the month and
the text as written: the text is shown in the Form's row for the AI Office and national
authorities (never for downstream providers), and prose without a month is kept and
flagged by DT002.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from gpai_docs.models.model_training import Data
from gpai_docs.render.build import build_project
from gpai_docs.validate.pipeline import validate_project

FILING = Path("tests/migration/documents/halcyon-two-sizes")
MD = "model-documentation.yaml"
AS_OF = dt.date(2026, 11, 21)
WRITTEN = '  latest_acquisition_date: "12/2025"\n'  # as the filing writes it


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("05/2025", "05/2025"),
        ("May 2025", "05/2025"),  # a month in words is a month
        ("Up to June 2026", "Up to June 2026"),  # kept as written, 06/2026 read beside it
        ("Data collection is ongoing", "Data collection is ongoing"),
        (
            {"month": "01/2025", "text": "01/2025; we may update"},
            {"month": "01/2025", "text": "01/2025; we may update"},
        ),
    ],
)
def test_the_field_keeps_the_month_and_the_text_as_written(written: Any, stored: Any) -> None:
    data = Data.model_validate(_data(written))
    assert data.model_dump(mode="json")["latest_acquisition_date"] == stored


def test_a_month_read_from_the_text_is_the_structured_month() -> None:
    value = Data.model_validate(_data("Up to June 2026")).latest_acquisition_date
    assert str(getattr(value, "month", None)) == "06/2026"


@pytest.mark.parametrize("written", ["", {"month": "13/2025", "text": "x"}, {"when": "2025"}])
def test_what_is_neither_a_month_nor_a_text_is_refused(written: Any) -> None:
    with pytest.raises(ValidationError):
        Data.model_validate(_data(written))


def _data(value: Any) -> dict[str, Any]:
    return {
        "type_modality": ["Text"],
        "provenance": ["Publicly available datasets"],
        "obtained_selected": "x",
        "num_data_points_nca": "x",
        "num_data_points_aio": [{"value": 10, "unit": "tokens"}],
        "scope_characteristics": "x",
        "curation": "x",
        "unsuitability_measures": "x",
        "bias_measures": "x",
        "latest_acquisition_date": value,
    }


def _filing(tmp_path: Path, line: str) -> Path:
    folder = tmp_path / "filing"
    folder.mkdir()
    text = (FILING / MD).read_text(encoding="utf-8")
    assert WRITTEN in text
    (folder / MD).write_text(text.replace(WRITTEN, line), encoding="utf-8")
    return folder


def test_the_text_is_shown_in_the_forms_row_for_its_audiences(tmp_path: Path) -> None:
    line = (
        '  latest_acquisition_date: {month: 01/2025, text: "Up to January 2025; we may update"}\n'
    )
    folder = _filing(tmp_path, line)
    build_project(folder, tmp_path / "out", draft=True, formats=["md"], as_of=AS_OF, complete=False)
    shown = (
        "| Latest data acquisition date (MM/YYYY) | 01/2025 (Up to January 2025; we may update) |"
    )
    for stem in ("ai-office", "national-authorities"):
        text = (tmp_path / "out" / f"model-documentation.{stem}.draft.md").read_text("utf-8")
        assert shown in text, stem
    downstream = (tmp_path / "out" / "model-documentation.downstream.draft.md").read_text("utf-8")
    assert "Up to January 2025" not in downstream


def _findings(tmp_path: Path, line: str) -> list[tuple[str, str, str]]:
    result = validate_project(_filing(tmp_path, line), as_of=AS_OF, complete=False)
    return [
        (d.code, d.location.dotted_path, d.message)
        for d in result.report.diagnostics
        if d.code in ("DT002", "DT003")
    ]


def test_prose_without_a_month_is_kept_and_flagged(tmp_path: Path) -> None:
    found = _findings(tmp_path, "  latest_acquisition_date: Data collection is ongoing\n")
    assert [(code, path) for code, path, _ in found] == [("DT002", "data.latest_acquisition_date")]
    message = found[0][2]
    assert "'Data collection is ongoing' gives no single month: it names no month" in message
    assert "Model Documentation Form asks for 'Latest data acquisition date'" in message


def test_a_month_read_from_prose_is_said(tmp_path: Path) -> None:
    found = _findings(tmp_path, "  latest_acquisition_date: Up to June 2026\n")
    assert [(code, path) for code, path, _ in found] == [("DT003", "data.latest_acquisition_date")]
    assert "06/2026" in found[0][2]
