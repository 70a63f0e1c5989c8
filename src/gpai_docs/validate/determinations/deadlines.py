"""The dates the AI Act sets: documentation due, retention, notification, summary updates.

The date arithmetic comes first, then each deadline, then the determinations that state
them. Dates past the calendar's end are BEYOND_CALENDAR: a far-future date is an answer.
"""

from __future__ import annotations

import calendar
import datetime as dt

from gpai_docs.law.rulepack import RulePack
from gpai_docs.models import ModelDocumentation, TrainingDataSummary
from gpai_docs.models.answers import ToBeProvided
from gpai_docs.models.choices import YesNo
from gpai_docs.models.dates import AmbiguousDate
from gpai_docs.validate.determinations.wording import Determination


class _BeyondCalendar(dt.date):
    """A deadline after 9999-12-31, which no date can hold: later than every date but the
    last, and told apart from a real 9999-12-31 by identity."""


BEYOND_CALENDAR = _BeyondCalendar(dt.MAXYEAR, 12, 31)


def add_months(day: dt.date, months: int) -> dt.date:
    """``months`` after ``day``, on the month's last day when it is shorter; a deadline past
    the calendar's end is BEYOND_CALENDAR, so that a far-future date is an answer, not a crash."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    if year > dt.MAXYEAR:
        return BEYOND_CALENDAR
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_days(day: dt.date, days: int) -> dt.date:
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return BEYOND_CALENDAR


def shown_date(day: dt.date) -> str:
    return "after 9999-12-31" if day is BEYOND_CALENDAR else str(day)


def _date(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def union_placement(md: ModelDocumentation) -> dt.date | None:
    return _date(md.general.union_market_release_date)


def is_legacy(md: ModelDocumentation, pack: RulePack) -> bool:
    """Placed on the Union market before Chapter V applied (Art 111(3))."""
    placed = union_placement(md)
    key = "legacy_placement_cutoff"
    return placed is not None and pack.comparison(key).holds(placed, pack.date(key))


def documentation_due(md: ModelDocumentation, pack: RulePack) -> dt.date | None:
    placed = union_placement(md)
    if placed is None:
        return None
    return pack.date("legacy_deadline") if is_legacy(md, pack) else placed


def retention_end(md: ModelDocumentation, pack: RulePack) -> dt.date | None:
    placed = union_placement(md)
    return add_months(placed, 12 * int(pack["retention_years"])) if placed else None


def notification_deadline(md: ModelDocumentation, pack: RulePack) -> dt.date | None:
    threshold = _date(md.systemic_risk.threshold_date) if md.systemic_risk else None
    if threshold is None:  # none given, or day and month could swap: unknown
        return None
    return add_days(threshold, int(pack["notification_days"]))


def next_summary_update(tds: TrainingDataSummary, pack: RulePack) -> dt.date | None:
    continuous = tds.section_1.continuous_training
    updated = _date(tds.header.last_update)  # unknown while day and month could swap
    if isinstance(continuous, YesNo) and continuous.yes and updated is not None:
        return add_months(updated, int(pack["summary_update_months"]))
    return None


def documentation_deadline(
    md: ModelDocumentation, pack: RulePack, exempt: bool
) -> Determination | None:
    """When the documentation is due. Basis: AI Act Art 53(1), Art 111(3).

    ``exempt``: whether the open-source exemption applies, as the caller found it (the
    exemption's module reads the placement date from here, so this one cannot import it).
    """
    due = documentation_due(md, pack)
    if due is None:
        return _unclear(
            ("documentation_due", "Documentation due", "AI Act Art 53(1), Art 111(3)"),
            md.general.union_market_release_date,
            "general.union_market_release_date",
        )
    cutoff = "legacy_placement_cutoff"
    when = (
        f"The model was placed on the market {pack.comparison(cutoff).words} "
        f"{pack.date(cutoff)}: comply by {due}."
        if is_legacy(md, pack)
        else "Documentation is due when the model is placed on the Union market."
    )
    if exempt:
        # Art 53(2): the date still binds the summary and the copyright policy.
        when += (
            " Under the open-source exemption this is the copyright policy and the public "
            "summary of training content; the model documentation is not required."
        )
    return Determination(
        "documentation_due",
        "Documentation due",
        str(due),
        when,
        "AI Act Art 53(1), Art 111(3)",
        due,
        ("chapter_v_applies", cutoff, "legacy_deadline"),
    )


def retention(md: ModelDocumentation, pack: RulePack) -> Determination | None:
    """How long to keep the documentation. Basis: CoP Transparency Measure 1.1; AI Act
    Art 54(3)."""
    end = retention_end(md, pack)
    if end is None:
        return _unclear(
            (
                "retention_end",
                "Keep documentation until",
                "CoP Transparency Measure 1.1; AI Act Art 54(3)",
            ),
            md.general.union_market_release_date,
            "general.union_market_release_date",
        )
    return Determination(
        "retention_end",
        "Keep documentation until",
        shown_date(end),
        f"Keep every version for {pack['retention_years']} years after placement on the market.",
        "CoP Transparency Measure 1.1; AI Act Art 54(3)",
        end,
        ("retention_years",),
    )


def summary_update(tds: TrainingDataSummary, pack: RulePack) -> Determination:
    """When to update the training-content summary. Basis: the Explanatory Notice to the
    summary template (TDS.rule.update_cadence)."""
    update = next_summary_update(tds, pack)
    months = pack["summary_update_months"]
    # Only a Yes or a No decides the cadence: a question left out, answered Other, N/A or
    # still to be provided is not stated, and nothing is inferred from it.
    continuous = tds.section_1.continuous_training
    known = isinstance(continuous, YesNo) and continuous.answer in ("yes", "no")
    unclear = _unclear(
        (
            "next_summary_update",
            "Next update of the training-content summary",
            "Explanatory Notice to the summary template (TDS.rule.update_cadence)",
        ),
        tds.header.last_update,
        "header.last_update",
    )
    if isinstance(continuous, YesNo) and continuous.yes and unclear is not None:
        return unclear  # trained further, from a date whose day and month are unclear
    return Determination(
        "next_summary_update",
        "Next update of the training-content summary",
        shown_date(update) if update else "On material change" if known else "Unknown",
        f"The model keeps being trained: update the summary at least every {months} months."
        if update
        else "The model is not trained further; update the summary when the "
        "training content changes materially."
        if known
        else _not_stated(continuous, months),
        f"Explanatory Notice to the summary template, {pack.cite('summary_template')} "
        "(TDS.rule.update_cadence)",
        update,
        ("summary_update_months", "summary_template"),
    )


def _not_stated(continuous: object, months: object) -> str:
    """Why the cadence is unknown: the summary does not say whether training continues."""
    if isinstance(continuous, ToBeProvided):
        return (
            "Whether the model is trained further (section 1.3, "
            "`section_1.continuous_training`) is still to be provided."
        )
    said = (
        f"answers {str(continuous)!r}"
        if isinstance(continuous, YesNo)
        else "does not state it (not applicable)"
        if continuous is not None
        else "does not state it"
    )
    return (
        "Whether the model is trained further is not stated: the summary "
        f"{said} (section 1.3, `section_1.continuous_training`). Nothing is inferred from "
        f"that: if it is, the summary is updated at least every {months} months; if not, "
        "when the training content changes materially."
    )


def _unclear(what: tuple[str, str, str], written: object, field: str) -> Determination | None:
    """A determination that needs a date whose day and month could swap: unknown, and why.

    ``what`` is its key, title and legal basis. Never a deadline from a guessed reading.
    """
    if not isinstance(written, AmbiguousDate):
        return None
    key, title, reference = what
    return Determination(
        key,
        title,
        "Unknown: the date's day and month are unclear",
        f"It needs `{field}`, and {written.question}. gpai-docs does not guess: write the "
        "date as YYYY-MM-DD, or declare the document's date order (see DT001).",
        reference,
    )
