"""Rules on dates and months kept as the provider wrote them (DT codes), in every document.

A date whose day and month could swap, a month answer in words and a period written as a
sentence are loaded and kept verbatim (models/dates.py, models/written_months.py); these
rules say what structure the template or the Form expects, and why. Rules that compute
with dates read the structured value only: an unclear date is an unknown date to them.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from gpai_docs.diagnostics import Severity
from gpai_docs.law.catalogue import entry
from gpai_docs.models.dates import AmbiguousDate
from gpai_docs.models.walk import ValueNode, walk_values
from gpai_docs.models.written_months import Period, WrittenMonth, years_in
from gpai_docs.validate.rules._registry import DOCUMENTS, Finding, rule
from gpai_docs.validate.rules.context import RuleContext

# Where each document declares the order of its numeric dates.
_ORDER_AT = {
    "model_documentation": "document.date_order",
    "training_data_summary": "header.date_order",
    "copyright_policy": "document.date_order",
}


def _values(context: RuleContext) -> Iterator[tuple[str, ValueNode]]:
    for key in DOCUMENTS:
        document = getattr(context, key)
        if isinstance(document, BaseModel):
            for node in walk_values(document):
                yield key, node


def _named(value: WrittenMonth) -> str:
    if value.found:
        return f"it names several months ({', '.join(str(m) for m in value.found)})"
    years = years_in(value.text)
    if years:
        return f"it names a year, not a month ({', '.join(str(y) for y in years)})"
    return "it names no month"


def _years(text: str) -> str:
    years = years_in(text)
    return f" (it names years: {', '.join(str(y) for y in years)})" if years else ""


def _asked(key: str, node: ValueNode) -> str:
    """What the template (or the Form) asks at ``node``, with the catalogue id, for a
    finding's why."""
    cid = node.catalogue_id
    if key == "model_documentation" and node.field is not None and node.field.title:
        item = node.field.title.removesuffix(" (MM/YYYY)")
        return f"the Model Documentation Form asks for {item!r} as MM/YYYY" + (
            f" ({cid})" if cid else ""
        )
    if cid is None:
        return "the template asks for MM/YYYY"
    return f"the template asks for {entry(cid).label!r} as MM/YYYY ({cid})"


@rule(
    "DT001",
    "date-day-and-month-unclear",
    severity=Severity.WARNING,
    reference="gpai-docs document format: dates (the template prints dates day first)",
    catalogue=("MDF.general.release_date", "TDS.1.2.union_market_date", "TDS.header.last_update"),
    needs=(),
)
def date_day_and_month_unclear(context: RuleContext) -> Iterator[Finding]:
    """A date whose day and month could swap is kept as written, and asked about.

    Why: `03/04/2026` is 3 April to a reader who puts the day first (as the template prints
    dates) and 4 March to one who puts the month first; a deadline computed from the wrong
    reading is a month off. gpai-docs never guesses: the date is shown as written, and
    every deadline or determination that needs it treats it as unknown until the document
    says which day and which month it means, by writing the date as YYYY-MM-DD or by
    declaring its date order once (`date_order: day-first` or `month-first`).

    Passes:
        model_documentation: {general: {release_date: 2025-04-03}}

    Fails:
        model_documentation: {general: {release_date: 03/04/2025}}
    """
    for key, node in _values(context):
        if isinstance(node.value, AmbiguousDate):
            date = node.value
            yield Finding(
                key,
                node.path,
                f"{date.question}: which day and which month is meant? Until that is "
                "written, deadlines that need this date are unknown",
                hint=f"Write {date.day_first.isoformat()} or {date.month_first.isoformat()}, "
                f"or declare the document's order once: `{_ORDER_AT[key]}: day-first` "
                "(or `month-first`).",
            )


@rule(
    "DT002",
    "month-not-given",
    severity=Severity.WARNING,
    reference="Template for the summary of training content, sections 1.3, 2.1 and 2.3, and "
    "the Model Documentation Form's latest data acquisition date (dates as MM/YYYY)",
    catalogue=("TDS.1.3.latest_collection_date", "TDS.2.1.large_datasets", "TDS.2.3.period"),
    needs=(),
)
def month_not_given(context: RuleContext) -> Iterator[Finding]:
    """A month the template asks for is given in words only, or as a year: it is kept, and flagged.

    Why: the template asks for the latest date of data collection and for collection
    periods as MM/YYYY, so that readers can tell how current the training data is and
    rules can compare it with the placement date. An answer in the provider's words
    ("Data collection is ongoing", "From 2025 to 2026") is published as written; the
    structured month beside it is what the template and the rules need. The model
    documentation's latest data acquisition date (`data.latest_acquisition_date`, which the
    Form gives to the AI Office and national authorities) takes the same shapes and is
    flagged the same way.

    Passes:
        training_data_summary: {section_1: {latest_collection_date: {month: 06/2025, text: Ongoing}}}

    Fails:
        training_data_summary: {section_1: {latest_collection_date: Data collection is ongoing}}
    """
    for key, node in _values(context):
        value = node.value
        if isinstance(value, WrittenMonth) and value.month is None:
            yield Finding(
                key,
                node.path,
                f"{value.text[:80]!r} gives no single month: {_named(value)}, and "
                f"{_asked(key, node)}",
                hint="Keep the text and add the month: `{month: MM/YYYY, text: …}`.",
            )
        elif isinstance(value, Period) and value.text is not None:
            missing = [side for side in ("start", "end") if getattr(value, side) is None]
            if missing:
                yield Finding(
                    key,
                    (*node.path, missing[0]),
                    f"The period {value.text[:80]!r} gives no month for its "
                    f"{' and '.join(missing)}{_years(value.text)}: {_asked(key, node)}",
                    hint="Keep `text:` and add `start:` and `end:` as MM/YYYY.",
                )


@rule(
    "DT003",
    "month-read-from-text",
    severity=Severity.INFO,
    reference="Template for the summary of training content, section 1.3, and the Model "
    "Documentation Form's latest data acquisition date (dates as MM/YYYY)",
    catalogue=("TDS.1.3.latest_collection_date", "TDS.2.1.large_datasets"),
    needs=(),
)
def month_read_from_text(context: RuleContext) -> Iterator[Finding]:
    """A month was read from the provider's words; the words are published as written.

    Why: "Up to June 2026" names one month, 06/2026, and rules use it; the sentence itself
    is what readers see. Writing the month beside the text confirms the reading. The same
    holds for the model documentation's latest data acquisition date.

    Passes:
        training_data_summary: {section_1: {latest_collection_date: 06/2025}}

    Fails:
        training_data_summary: {section_1: {latest_collection_date: Up to June 2025}}
    """
    for key, node in _values(context):
        value = node.value
        if isinstance(value, WrittenMonth) and value.month is not None and not value.given:
            yield Finding(
                key,
                node.path,
                f"The month {value.month} was read from {value.text[:80]!r}; rules use it",
                hint=f"Confirm it: `{{month: {value.month}, text: …}}`, or write {value.month}.",
            )
