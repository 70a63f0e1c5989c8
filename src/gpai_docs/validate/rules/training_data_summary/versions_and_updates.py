"""Summary rules on the header and the Explanatory Notice: the dates of a version, the
six-monthly update and the links to previous versions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.models.dates import MonthYear, known
from gpai_docs.models.written_months import structured_month
from gpai_docs.validate.determinations.deadlines import next_summary_update
from gpai_docs.validate.rules._links import is_link
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.training_data_summary._answers import NEEDS, TS


def _month(day: dt.date) -> MonthYear:
    return MonthYear(day.year, day.month)


@rule(
    "TS015",
    "collection-before-placement",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, sections 1.2 and 1.3",
    catalogue=("TDS.1.3.latest_collection_date", "TDS.1.2.union_market_date", "VR-24"),
    needs=NEEDS,
)
def collection_before_placement(context: RuleContext) -> Iterator[Finding]:
    """In a first version, data collection ends no later than placement on the Union market.

    Why: the first summary describes the model as placed on the market, so its latest
    collection month cannot come after the placement date (VR-24). Later versions of a
    model that keeps training may report later collection.

    Passes:
        section_1: {union_market_date: 2025-10-01, latest_collection_date: 10/2025}

    Fails:
        section_1: {union_market_date: 2025-10-01, latest_collection_date: 11/2025}
    """
    tds = context.tds
    latest = structured_month(tds.section_1.latest_collection_date)
    placed = tds.section_1.union_market_date
    if tds.header.previous_versions or latest is None:
        return
    if isinstance(placed, dt.date) and latest > _month(placed):
        yield Finding(
            TS,
            ("section_1", "latest_collection_date"),
            f"Data collection ({latest}) ends after placement on the Union market ({placed}) "
            "in the first version of the summary",
            hint="Correct either date; later versions list `header.previous_versions`.",
        )


@rule(
    "TS016",
    "summary-update-due",
    severity=Severity.ERROR,
    reference="Explanatory Notice to the summary template (update cadence)",
    catalogue=("TDS.rule.update_cadence", "TDS.1.3.continuous_training", "VR-24"),
    needs=NEEDS,
)
def summary_update_due(context: RuleContext) -> Iterator[Finding]:
    """A model that keeps being trained has a summary updated within the last six months.

    Why: while training continues on new data, the summary is updated at least every six
    months (`summary_update_months` in the rule pack), or earlier on material change (VR-24).

    Passes:
        header: {last_update: 2026-09-01}
        section_1: {continuous_training: Yes}

    Fails:
        header: {last_update: 2026-01-15}
        section_1: {continuous_training: Yes}
    """
    due = next_summary_update(context.tds, context.pack)
    if due is not None and context.as_of > due:
        yield Finding(
            TS,
            ("header", "last_update"),
            f"The model keeps being trained and the summary was last updated on "
            f"{context.tds.header.last_update}; the next update was due on {due}",
            hint="Update the summary, its version and `last_update`.",
        )


def _is_first_version(version: str) -> bool | None:
    parts = version.strip().lstrip("vV").split(".")
    if not all(p.isdigit() for p in parts):
        return None  # not a numbered version: cannot tell
    numbers = [int(p) for p in parts] + [0] * 3
    return tuple(numbers[:3]) <= (1, 0, 0) and not any(numbers[3:])


@rule(
    "TS017",
    "previous-versions-linked",
    severity=Severity.ERROR,
    reference="Explanatory Notice to the summary template (versioning)",
    catalogue=("TDS.rule.versioning", "TDS.header.version", "VR-16", "VR-24"),
    needs=NEEDS,
)
def previous_versions_linked(context: RuleContext) -> Iterator[Finding]:
    """A summary after the first version links its previous versions.

    Why: each update of the summary gets a new version and links the previous ones (VR-24).
    A version after `1.0` without previous versions, or a previous version without a link,
    breaks that chain.

    Passes:
        header: {version: "2.0", previous_versions: [{version: "1.0", url: "https://lumen-ai.example/tds/1.0"}]}

    Fails:
        header: {version: "2.0"}
    """
    header = context.tds.header
    if not header.previous_versions:
        if isinstance(header.version, str) and _is_first_version(header.version) is False:
            yield Finding(
                TS,
                ("header", "version"),
                f"Version {header.version} is not the first but links no previous version",
                hint="List them under `header.previous_versions` with `url:`.",
            )
        return
    for index, previous in enumerate(header.previous_versions):
        if previous.url is None or not is_link(previous.url):
            yield Finding(
                TS,
                ("header", "previous_versions", index),
                f"Previous version {previous.version} has no link",
                hint="Add `url:` where that version stays published.",
            )


@rule(
    "TS018",
    "summary-date-not-in-future",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, header",
    catalogue=("TDS.header.last_update", "VR-16", "VR-24"),
    needs=NEEDS,
)
def summary_date_not_in_future(context: RuleContext) -> Iterator[Finding]:
    """The summary's last-update date is not in the future.

    Why: the date tells readers how current the summary is and drives the six-month update
    cadence (VR-24); a date after the validation date is a typo.

    Passes:
        header: {last_update: 2025-10-01}

    Fails:
        header: {last_update: 2099-01-01}
    """
    updated = known(context.tds.header.last_update)  # DT001 asks about an unclear one
    if updated is not None and updated > context.as_of:
        yield Finding(
            TS,
            ("header", "last_update"),
            f"The last-update date {updated} is after {context.as_of}, the date the documents "
            "are checked on",
            hint="Use the date of this version.",
        )
