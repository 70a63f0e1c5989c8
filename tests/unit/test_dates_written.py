"""Dates, months and periods as providers write them (issue 12).

Expected values are the calendar dates each written form names, worked out by hand; the
prose answers are the issue's own examples, verbatim.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from gpai_docs.models import CopyrightPolicy, ModelDocumentation, TrainingDataSummary
from gpai_docs.models.answers import NotApplicable
from gpai_docs.models.dates import AmbiguousDate, MonthYear, parse_month
from gpai_docs.models.written_months import Period, WrittenMonth, structured_month
from gpai_docs.render.markdown import render_markdown
from gpai_docs.validate.pipeline import validate_project
from tests.conftest import FIXED_DATE
from tests.rules.patching import merge, sample_data, write_project

# --- dates --------------------------------------------------------------------------------


def _md(release: Any, order: str | None = None) -> ModelDocumentation:
    data = sample_data("minimal")["model_documentation"]
    data["general"]["release_date"] = release
    if order is not None:
        data["document"]["date_order"] = order
    return ModelDocumentation.model_validate(data)


def _release(raw: Any, order: str | None = None) -> Any:
    return _md(raw, order).general.release_date


def _error(raw: Any, order: str | None = None) -> dict[str, Any]:
    with pytest.raises(ValidationError) as caught:
        _md(raw, order)
    (error,) = caught.value.errors()
    return dict(error)


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("26/06/2026", dt.date(2026, 6, 26)),  # the template's own DD/MM/YYYY
        ("2026-06-26", dt.date(2026, 6, 26)),  # ISO
        ("26 June 2026", dt.date(2026, 6, 26)),
        ("Sept 2nd, 2025", dt.date(2025, 9, 2)),
        ("01.09.2025", dt.date(2025, 9, 1)),  # dotted: day first, as it is written in Europe
        ("24-Nov-2025", dt.date(2025, 11, 24)),
        ("2nd of June 2025", dt.date(2025, 6, 2)),
        ("31/12/2025", dt.date(2025, 12, 31)),
        ("29/02/2024", dt.date(2024, 2, 29)),  # a leap year
        ("04/04/2026", dt.date(2026, 4, 4)),  # day and month are equal: one reading
        ("25/08/25", dt.date(2025, 8, 25)),  # a two-digit year
        ("31/12/99", dt.date(1999, 12, 31)),  # within fifty years back
    ],
)
def test_a_date_as_providers_write_it_is_read(written: str, meant: dt.date) -> None:
    assert _release(written) == meant


@pytest.mark.parametrize(
    ("written", "day_first", "month_first"),
    [
        ("03/04/2026", dt.date(2026, 4, 3), dt.date(2026, 3, 4)),
        ("7/8/26", dt.date(2026, 8, 7), dt.date(2026, 7, 8)),
        ("12-01-2025", dt.date(2025, 1, 12), dt.date(2025, 12, 1)),
    ],
)
def test_an_ambiguous_date_is_kept_with_both_readings_not_guessed(
    written: str, day_first: dt.date, month_first: dt.date
) -> None:
    kept = _release(written)
    assert kept == AmbiguousDate(written, day_first, month_first)
    assert not isinstance(kept, dt.date)


def test_the_declared_order_settles_an_ambiguous_date() -> None:
    assert _release("03/04/2026", "day-first") == dt.date(2026, 4, 3)
    assert _release("03/04/2026", "month-first") == dt.date(2026, 3, 4)
    assert _release("7/8/26", "month-first") == dt.date(2026, 7, 8)


def test_a_date_against_the_declared_order_is_refused_with_its_iso_form() -> None:
    error = _error("25/12/2026", "month-first")
    assert error["type"] == "value_error"
    assert "cannot be read month first" in error["msg"]
    assert "write 2026-12-25 if you meant 25 December 2026" in error["msg"]


def test_the_summary_and_the_policy_declare_their_order_in_their_own_header() -> None:
    tds_data = sample_data("minimal")["training_data_summary"]
    tds_data["header"]["date_order"] = "month-first"
    tds_data["section_1"]["union_market_date"] = "10/01/2025"
    tds = TrainingDataSummary.model_validate(tds_data)
    assert tds.section_1.union_market_date == dt.date(2025, 10, 1)
    cp_data = sample_data("minimal")["copyright_policy"]
    cp_data["document"]["last_updated"] = "02/03/2025"
    assert isinstance(CopyrightPolicy.model_validate(cp_data).document.last_updated, AmbiguousDate)
    cp_data["document"]["date_order"] = "day-first"
    assert CopyrightPolicy.model_validate(cp_data).document.last_updated == dt.date(2025, 3, 2)


@pytest.mark.parametrize(
    ("written", "code", "says"),
    [
        ("29/02/2025", "value_error", "February 2025 has no day 29"),  # not a leap year
        ("31/04/2025", "value_error", "April 2025 has no day 31"),
        ("32/13/2025", "value_error", "neither 32 nor 13 is a month"),
        ("01/01/0000", "value_error", "there is no year 0"),
        ("soon", "date_parsing", "'soon' is not a date"),
        ("Tuesday", "date_parsing", "is not a date"),
        ("the model was released after the summer", "date_parsing", "is not a date"),
        ("03 04 2026", "date_parsing", "is not a date"),
        ("2026", "date_parsing", "is not a date"),
        ("26 June 2026 QA", "date_parsing", "is not a date"),  # dateutil takes QA for a zone
        ("26 June 2026 10:30", "date_parsing", "is not a date"),  # a time is not asked
        ("T 1st of 1st 1st", "date_parsing", "is not a date"),  # dateutil reads 2001-01-01
        ("2nd 2nd 2nd", "date_parsing", "is not a date"),
        ("May 2025", "date_parsing", "gives a month but no day"),  # a month, not a date
        ("2025-02-30", "date_from_datetime_parsing", "day value is outside expected range"),
    ],
)
def test_garbage_and_impossible_dates_are_refused(written: str, code: str, says: str) -> None:
    error = _error(written)
    assert error["type"] == code
    assert says in error["msg"]


def test_an_ambiguous_date_makes_its_deadlines_unknown_and_is_dt001(tmp_path: Path) -> None:
    base = sample_data("minimal")
    patch = {"model_documentation": {"general": {"union_market_release_date": "03/04/2025"}}}
    documents = merge(base, patch)
    result = _validated(documents, tmp_path / "p")
    (finding,) = [d for d in result.report.diagnostics if d.code == "DT001"]
    assert finding.location.dotted_path == "general.union_market_release_date"
    assert "3 April 2025" in finding.message and "4 March 2025" in finding.message
    assert "which day and which month" in finding.message
    assert not [d for d in result.report.diagnostics if d.code.startswith(("SC", "GD"))]


@pytest.mark.parametrize(
    ("patch", "keys"),
    [
        (
            {"model_documentation": {"general": {"union_market_release_date": "03/04/2025"}}},
            {"documentation_due", "retention_end"},
        ),
        (
            {
                "training_data_summary": {
                    "header": {"last_update": "02/03/2025"},
                    "section_1": {"continuous_training": "Yes"},
                }
            },
            {"next_summary_update"},
        ),
    ],
)
def test_a_determination_that_needs_an_unclear_date_says_it_is_unknown(
    patch: dict[str, Any], keys: set[str], tmp_path: Path
) -> None:
    result = _validated(merge(sample_data("minimal"), patch), tmp_path / "p")
    by_key = {d.key: d for d in result.determinations}
    for key in keys:
        assert by_key[key].outcome == "Unknown: the date's day and month are unclear"
        assert by_key[key].date is None
        assert "gpai-docs does not guess" in by_key[key].statement


# --- months -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "month"),
    [
        ("03/2025", MonthYear(2025, 3)),
        ("2025-03", MonthYear(2025, 3)),
        ("May 2025", MonthYear(2025, 5)),  # a month where a month is asked for
        ("Sept 2025", MonthYear(2025, 9)),
        ("december 2024", MonthYear(2024, 12)),
    ],
)
def test_a_month_as_written_is_a_month(written: str, month: MonthYear) -> None:
    assert parse_month(written) == month


def _latest(answer: Any) -> Any:
    data = sample_data("minimal")["training_data_summary"]
    data["section_1"]["latest_collection_date"] = answer
    return TrainingDataSummary.model_validate(data).section_1.latest_collection_date


def test_the_month_as_today_stays_a_month() -> None:
    assert _latest("03/2025") == MonthYear(2025, 3)


@pytest.mark.parametrize(
    ("written", "month"),
    [
        ("Up to June 2026", MonthYear(2026, 6)),
        ("The knowledge cut-off date is 01/2025; we may update…", MonthYear(2025, 1)),
        ("Data collection is ongoing", None),
        ("Cut-offs differ per dataset: web data to March 2025, code to May 2024", None),
    ],
)
def test_the_latest_collection_date_in_prose_is_kept_verbatim(
    written: str, month: MonthYear | None
) -> None:
    kept = _latest(written)
    assert isinstance(kept, WrittenMonth)
    assert kept.text == written
    assert kept.month == month
    assert structured_month(kept) == month


def test_a_month_with_its_explanation_holds_both() -> None:
    kept = _latest({"month": "01/2025", "text": "The knowledge cut-off date is 01/2025"})
    assert kept == WrittenMonth(
        "The knowledge cut-off date is 01/2025", MonthYear(2025, 1), True, (MonthYear(2025, 1),)
    )


@pytest.mark.parametrize(
    "answer",
    [{"month": "13/2025", "text": "x"}, {"text": "x", "day": 1}, {}],
)
def test_a_month_with_text_that_is_malformed_is_refused(answer: Any) -> None:
    with pytest.raises(ValidationError):
        _latest(answer)


# --- periods ------------------------------------------------------------------------------


def _period(answer: Any) -> Period:
    data = sample_data("minimal")["training_data_summary"]
    data["section_2"]["crawled_data"] = {"used": "Yes", "period": answer}
    period = TrainingDataSummary.model_validate(data).section_2.crawled_data.period
    assert period is not None
    return period


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("Approximately 2018 – December 2025", None, MonthYear(2025, 12)),
        ("From 2025 to 2026", None, None),
        ("2019 - 2024", None, None),  # years only
        ("up to June 2026", None, MonthYear(2026, 6)),  # open-ended
        ("From 01/2024 to 06/2025", MonthYear(2024, 1), MonthYear(2025, 6)),
    ],
)
def test_a_period_in_words_is_kept_with_the_months_it_names(
    written: str, start: MonthYear | None, end: MonthYear | None
) -> None:
    period = _period(written)
    assert period.text == written
    assert (structured_month(period.start), structured_month(period.end)) == (start, end)


def test_a_period_as_today_is_unchanged() -> None:
    assert _period({"start": "01/2024", "end": "05/2025"}) == Period(
        start=MonthYear(2024, 1), end=MonthYear(2025, 5)
    )


def test_a_period_side_in_years_keeps_its_text() -> None:
    period = _period({"start": "Approximately 2018", "end": "12/2025"})
    assert period.start == WrittenMonth("Approximately 2018", None, False)
    assert period.end == MonthYear(2025, 12)


# --- findings and the rendered summary -------------------------------------------------------


def _validated(documents: dict[str, Any], folder: Path) -> Any:
    return validate_project(write_project(folder, documents), as_of=FIXED_DATE)


def test_prose_only_gets_a_finding_saying_what_the_template_asks(tmp_path: Path) -> None:
    patch = {
        "training_data_summary": {
            "section_1": {"latest_collection_date": "Data collection is ongoing"}
        }
    }
    result = _validated(merge(sample_data("minimal"), patch), tmp_path / "p")
    (finding,) = [d for d in result.report.diagnostics if d.code == "DT002"]
    assert finding.location.dotted_path == "section_1.latest_collection_date"
    assert "'Data collection is ongoing' gives no single month" in finding.message
    assert "as MM/YYYY (TDS.1.3.latest_collection_date)" in finding.message


@pytest.mark.parametrize(
    ("patch", "path", "says"),
    [
        (
            {"section_1": {"latest_collection_date": "Approximately 2018"}},
            "section_1.latest_collection_date",
            "it names a year, not a month (2018)",
        ),
        (
            {
                "section_1": {
                    "latest_collection_date": "Cut-offs differ per dataset: web data to "
                    "March 2025, code to May 2024"
                }
            },
            "section_1.latest_collection_date",
            "it names several months (03/2025, 05/2024)",
        ),
        (
            {"section_2": {"crawled_data": {"used": "Yes", "period": "From 2025 to 2026"}}},
            "section_2.crawled_data.period.start",
            "gives no month for its start and end (it names years: 2025, 2026)",
        ),
    ],
)
def test_dt002_says_what_the_text_names_instead_of_a_month(
    patch: dict[str, Any], path: str, says: str, tmp_path: Path
) -> None:
    documents = merge(sample_data("minimal"), {"training_data_summary": patch})
    result = _validated(documents, tmp_path / "p")
    (finding,) = [d for d in result.report.diagnostics if d.code == "DT002"]
    assert finding.location.dotted_path == path
    assert says in finding.message


def test_the_rendered_summary_shows_the_prose_verbatim(tmp_path: Path) -> None:
    prose = "The knowledge cut-off date is 01/2025; we may update the model"
    period = "Approximately 2018 – December 2025"
    patch = {
        "training_data_summary": {
            "section_1": {"latest_collection_date": prose},
            "section_2": {"crawled_data": {"used": "Yes", "period": period}},
        }
    }
    result = _validated(merge(sample_data("minimal"), patch), tmp_path / "p")
    markdown = render_markdown(result, "training_data_summary", "public")
    assert f"| {prose} |" in markdown
    assert period in markdown


# --- N/A and "Not applicable"; MD017 ------------------------------------------------------


def _use(field: str, answer: Any) -> Any:
    data = sample_data("minimal")["model_documentation"]
    data["use"][field] = answer
    return getattr(ModelDocumentation.model_validate(data).use, field)


@pytest.mark.parametrize("written", ["N/A", "Not applicable", "not applicable.", "n/a"])
def test_na_and_not_applicable_are_the_forms_na_where_the_form_allows_it(written: str) -> None:
    assert _use("required_hardware", written) == "N/A"


@pytest.mark.parametrize("written", ["N/A", "Not applicable", "n/a."])
def test_na_and_not_applicable_are_kept_alike_and_flagged_where_a_reason_is_owed(
    written: str, tmp_path: Path
) -> None:
    """A bare N/A loads (a published answer is never refused) and PJ005 asks for the reason."""
    data = sample_data("minimal")["model_documentation"]
    data["properties"]["architecture"] = written
    answer = ModelDocumentation.model_validate(data).properties.architecture
    assert isinstance(answer, NotApplicable)
    assert (answer.not_applicable, answer.reason) == (written, None)
    result = _validated(
        merge(sample_data("minimal"), {"model_documentation": data}), tmp_path / "p"
    )
    flagged = [d for d in result.report.diagnostics if d.code == "PJ005"]
    assert [d.location.dotted_path for d in flagged] == ["properties.architecture"]


def test_tbd_is_not_read_as_the_forms_na(tmp_path: Path) -> None:
    data = sample_data("minimal")["model_documentation"]
    data["use"]["required_hardware"] = "TBD"
    assert ModelDocumentation.model_validate(data).use.required_hardware == "TBD"
    result = _validated(
        merge(sample_data("minimal"), {"model_documentation": data}), tmp_path / "p"
    )
    flagged = [d for d in result.report.diagnostics if d.code == "PJ002"]
    assert [d.location.dotted_path for d in flagged] == ["use.required_hardware"]


@pytest.mark.parametrize(
    ("written", "fires"),
    [
        ("See https://lumen-ai.example/aup", False),
        ("see: https://lumen-ai.example/aup", False),
        ("https://lumen-ai.example/aup", False),
        ("See our website", True),
    ],
)
def test_md017_takes_a_link_pointed_to_in_words(written: str, fires: bool, tmp_path: Path) -> None:
    patch = {"model_documentation": {"use": {"acceptable_use_policy": written}}}
    result = _validated(merge(sample_data("minimal"), patch), tmp_path / "p")
    assert any(d.code == "MD017" for d in result.report.diagnostics) is fires
