"""Rules on the public summary of training content (TS codes): the template's demands."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from gpai_docs.diagnostics import JsonPath, Severity
from gpai_docs.models._types import MonthYear, YesNo
from gpai_docs.models.training_data_summary import LargeDataset, MarketModel
from gpai_docs.validate import determinations as det
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules._walk import walk
from gpai_docs.validate.rules.context import RuleContext

TS = "training_data_summary"
NEEDS = (TS,)
_BANDED = ("text", "image", "audio", "video")

# Sections of part 2: key, number, the Yes/No questions, and the sub-fields a Yes needs
# (each group is satisfied by any one of its fields). 2.5's generating models are TS013's.
_SECTIONS: tuple[tuple[str, str, tuple[str, ...], tuple[tuple[str, ...], ...]], ...] = (
    ("public_datasets", "2.1", ("used",), (("modalities",), ("large_datasets", "other_description"))),
    ("licensed_data", "2.2.1", ("used",), (("modalities",),)),
    ("private_third_party_data", "2.2.2", ("used",), (("modalities",), ("known_datasets", "description"))),
    (
        "crawled_data",
        "2.3",
        ("used",),
        tuple((f,) for f in ("crawler_names", "purposes", "behaviour", "period",
                             "content_description", "modalities", "top_domains")),
    ),
    ("user_data", "2.4", ("model_interaction", "other_services"), (("services_description",), ("modalities",))),
    ("synthetic_data", "2.5", ("used",), (("modalities",),)),
    ("other_sources", "2.6", ("used",), (("description",),)),
)  # fmt: skip

_NOT_A_NAME = re.compile(
    r"^\s*(n\s*/\s*a|n\.?a\.?|none|nil|null|no crawlers?|not (applicable|available|disclosed|"
    r"known|public)|unknown|undisclosed|confidential|various|multiple|several|other|"
    r"see (above|below|comments?)|tbd|tba)\b"
    r"|^\s*(a|an|the|our|own|in-house|internal|proprietary|custom|generic)?\s*(web\s*)?"
    r"(crawlers?|scrapers?|spiders?|bots?)\s*$",
    re.IGNORECASE,
)


def _yes(answer: object) -> bool:
    return isinstance(answer, YesNo) and answer.yes


def _no(answer: object) -> bool:
    return isinstance(answer, YesNo) and answer.no


def _filled(value: object) -> bool:
    return value is not None and value != []


def _unit(text: str) -> str:
    return text.strip().lower().rstrip("s")


def _month(day: dt.date) -> MonthYear:
    return MonthYear(day.year, day.month)


@rule(
    "TS001",
    "modality-size-stated",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 1.3",
    catalogue=("TDS.1.3.modality.custom_size", "TDS.1.3.modality.other", "VR-19"),
    needs=NEEDS,
)
def modality_size_stated(context: RuleContext) -> Iterator[Finding]:
    """Every modality states its size: a band, or an approximate size in a named unit.

    Why: the template asks, for each modality used, the band of its training data size or
    an approximate size in another unit; an `Other` modality needs its own name (VR-19).
    A unit without letters, or an `Other` row named like a standard modality, says nothing.

    Passes:
        section_1: {modalities: {text: {size: More than 10 trillion tokens, content_types: Web text}}}

    Fails:
        section_1: {modalities: {text: {content_types: Web text}}}
    """
    modalities = context.tds.section_1.modalities
    base: JsonPath = ("section_1", "modalities")
    for name in _BANDED:
        item = getattr(modalities, name)
        if item is None:
            continue
        if item.size is None and item.custom_size is None:
            yield Finding(
                TS,
                (*base, name),
                f"The {name} modality states neither a size band nor an approximate size",
                hint=f"Add `size:` with one of the template's {name} bands, or `custom_size:`.",
            )
        if item.custom_size is not None and not re.search(r"[^\W\d_]", item.custom_size.unit):
            yield Finding(
                TS,
                (*base, name, "custom_size", "unit"),
                f"The unit {item.custom_size.unit!r} of the {name} size names no unit",
                hint="Write the unit in words, such as `documents` or `pages`.",
            )
    for index, other in enumerate(modalities.other):
        if other.name.strip().lower().rstrip("s") in ("other", *_BANDED):
            yield Finding(
                TS,
                (*base, "other", index, "name"),
                f"An `Other` modality is named {other.name!r}, which does not say what it is",
                hint="Name the modality (e.g. `Image and video`); use the standard rows for "
                "text, image, audio and video.",
            )
        if not re.search(r"[^\W\d_]", other.size.unit):
            yield Finding(
                TS,
                (*base, "other", index, "size", "unit"),
                f"The unit {other.size.unit!r} of the {other.name} size names no unit",
                hint="Write the unit in words.",
            )


@rule(
    "TS002",
    "size-band-matches-count",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 1.3",
    catalogue=(
        "TDS.1.3.modality.text.size",
        "TDS.1.3.modality.image.size",
        "TDS.1.3.modality.audio.size",
        "TDS.1.3.modality.video.size",
        "VR-19",
    ),
    needs=NEEDS,
)
def size_band_matches_count(context: RuleContext) -> Iterator[Finding]:
    """The size band of each modality contains the counted size.

    Why: the band published in section 1.3 must agree with the provider's own count
    (the internal `count`, or `custom_size` when it is given in the template's unit:
    tokens, images or hours) (VR-19). The bands come from the rule pack.

    Passes:
        section_1: {modalities: {text: {size: 1 billion to 10 trillion tokens, count: "2.4*10^12", content_types: Web text}}}

    Fails:
        section_1: {modalities: {text: {size: More than 10 trillion tokens, count: "2.4*10^12", content_types: Web text}}}
    """
    modalities = context.tds.section_1.modalities
    for name in _BANDED:
        item = getattr(modalities, name)
        if item is None or not isinstance(item.size, str):
            continue
        bands = context.pack.size_bands[name]
        chosen = bands.by_label(item.size)
        counts = []
        if item.count is not None:
            counts.append(item.count.value)
        if item.custom_size is not None and _unit(item.custom_size.unit) == _unit(bands.unit or ""):
            counts.append(item.custom_size.value.value)
        for value in counts:
            right = bands.bucket_for(value)
            if chosen is not None and right is not None and right is not chosen:
                yield Finding(
                    TS,
                    ("section_1", "modalities", name, "size"),
                    f"The band {item.size!r} does not contain the counted size {value:.3g} "
                    f"{bands.unit}; that is {right.label!r}",
                    hint=f"Select {right.label!r}, or correct the count.",
                )


@rule(
    "TS003",
    "yes-answer-complete",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 2",
    catalogue=(
        "TDS.2.1.modalities",
        "TDS.2.2.2.known_datasets",
        "TDS.2.3.crawler_names",
        "TDS.2.4.services_description",
        "TDS.2.6.description",
        "VR-20",
        "VR-21",
    ),
    needs=NEEDS,
)
def yes_answer_complete(context: RuleContext) -> Iterator[Finding]:
    """Every source of section 2 answered Yes gives the details the template asks for.

    Why: a Yes in 2.1 to 2.6 opens the section's questions: the modalities, and the
    datasets, crawlers, services or description of that source (VR-20). For 2.3 that is
    the crawler names, purposes, behaviour, period, content, modalities and top domains
    (VR-21); for 2.4 either Yes asks for the services and modalities.

    Passes:
        section_2: {other_sources: {used: Yes, description: Transcripts licensed from a partner archive.}}

    Fails:
        section_2: {other_sources: {used: Yes}}
    """
    section_2 = context.tds.section_2
    for key, number, answers, groups in _SECTIONS:
        part = getattr(section_2, key)
        if not any(_yes(getattr(part, a)) for a in answers):
            continue
        for group in groups:
            if not any(_filled(getattr(part, f)) for f in group):
                wanted = " or ".join(f"`{f}`" for f in group)
                yield Finding(
                    TS,
                    ("section_2", key, group[0]),
                    f"Section {number} is answered Yes but {wanted} is not given",
                    hint=f"Fill in {wanted}.",
                )


@rule(
    "TS004",
    "no-answer-left-empty",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 2",
    catalogue=("TDS.2.1.used", "TDS.2.3.crawlers_used", "TDS.2.5.used", "VR-20"),
    needs=NEEDS,
)
def no_answer_left_empty(context: RuleContext) -> Iterator[Finding]:
    """A source of section 2 answered No gives no details of it (comments are allowed).

    Why: details under a No contradict the answer, and the public reads both (VR-20).
    For 2.4 this applies when both questions are answered No.

    Passes:
        section_2: {crawled_data: {used: No, comments: We do not crawl.}}

    Fails:
        section_2: {crawled_data: {used: No, crawler_names: [LumenBot]}}
    """
    section_2 = context.tds.section_2
    for key, number, answers, _ in _SECTIONS:
        part = getattr(section_2, key)
        if not all(_no(getattr(part, a)) for a in answers):
            continue
        for field in type(part).model_fields:
            if field in answers or field == "comments" or not _filled(getattr(part, field)):
                continue
            yield Finding(
                TS,
                ("section_2", key, field),
                f"Section {number} is answered No but `{field}` is filled in",
                hint="Remove it, or correct the answer; context belongs in `comments`.",
            )


@rule(
    "TS005",
    "other-answer-explained",
    severity=Severity.ERROR,
    reference="Template for the summary of training content",
    catalogue=("TDS.2.1.used", "TDS.3.1.signatory", "VR-20"),
    needs=NEEDS,
)
def other_answer_explained(context: RuleContext) -> Iterator[Finding]:
    """A question answered `other` instead of Yes or No says what the answer is.

    Why: published summaries sometimes tick a third box ("Other, see below"); without
    the explanation the reader cannot tell whether the source was used (VR-20).

    Passes:
        section_2: {licensed_data: {used: {answer: other, qualification: Licences under negotiation; none used yet.}}}

    Fails:
        section_2: {licensed_data: {used: other}}
    """
    for path, value in walk(context.tds):
        if isinstance(value, YesNo) and value.answer == "other" and value.qualification is None:
            yield Finding(
                TS,
                path,
                "The answer is `other` without saying what it means",
                hint="Write `{answer: other, qualification: <the actual answer>}`, or Yes/No.",
            )


@rule(
    "TS006",
    "crawler-names-real",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 2.3",
    catalogue=("TDS.2.3.crawler_names", "VR-21"),
    needs=NEEDS,
)
def crawler_names_real(context: RuleContext) -> Iterator[Finding]:
    """Crawler names identify crawlers, not placeholders such as `N/A` or `our crawler`.

    Why: filings have been seen giving "N/A" as the crawler name while answering that
    crawlers were used (VR-21). Rightsholders need the name to find the crawler in their
    logs and robots.txt.

    Passes:
        section_2: {crawled_data: {used: Yes, crawler_names: [LumenBot]}}

    Fails:
        section_2: {crawled_data: {used: Yes, crawler_names: [Not disclosed]}}
    """
    crawled = context.tds.section_2.crawled_data
    if not _yes(crawled.used):
        return
    for index, name in enumerate(crawled.crawler_names or []):
        if _NOT_A_NAME.search(name):
            yield Finding(
                TS,
                ("section_2", "crawled_data", "crawler_names", index),
                f"{name!r} is not the name of a crawler",
                hint="Give the crawler's name or user-agent token, as published in the "
                "copyright policy.",
            )


@rule(
    "TS007",
    "crawl-period-ordered",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, sections 1.3 and 2.3",
    catalogue=("TDS.2.3.period", "TDS.1.3.latest_collection_date", "VR-21"),
    needs=NEEDS,
)
def crawl_period_ordered(context: RuleContext) -> Iterator[Finding]:
    """The crawling period starts before it ends and ends by the latest collection date.

    Why: the period is MM/YYYY to MM/YYYY; crawled data is training data, so its
    collection cannot end after the latest date of data collection (VR-21).

    Passes:
        section_1: {latest_collection_date: 06/2025}
        section_2: {crawled_data: {period: {start: 01/2024, end: 05/2025}}}

    Fails:
        section_1: {latest_collection_date: 06/2025}
        section_2: {crawled_data: {period: {start: 01/2024, end: 09/2025}}}
    """
    period = context.tds.section_2.crawled_data.period
    if period is None:
        return
    path: JsonPath = ("section_2", "crawled_data", "period")
    if period.start > period.end:
        yield Finding(
            TS,
            (*path, "start"),
            f"The crawling period starts ({period.start}) after it ends ({period.end})",
            hint="Swap or correct the months.",
        )
    latest = context.tds.section_1.latest_collection_date
    if isinstance(latest, MonthYear) and period.end > latest:
        yield Finding(
            TS,
            (*path, "end"),
            f"The crawling period ends ({period.end}) after the latest data collection "
            f"date ({latest})",
            hint="Correct the period, or `section_1.latest_collection_date`.",
        )


@rule(
    "TS011",
    "large-dataset-identified",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 2.1",
    catalogue=("TDS.2.1.large_datasets", "VR-22"),
    needs=NEEDS,
)
def large_dataset_identified(context: RuleContext) -> Iterator[Finding]:
    """Each large public dataset has a link, or a description with its collection period.

    Why: the template identifies each large dataset by name and link; where there is no
    link, by a description including the start and end of collection (VR-22). A dataset
    listed without either has been seen in filings.

    Passes:
        section_2: {public_datasets: {large_datasets: [{name: OldCorpus, description: Forum posts, collection_start: 01/2019, collection_end: 12/2020}]}}

    Fails:
        section_2: {public_datasets: {large_datasets: [{name: OldCorpus, description: Forum posts}]}}
    """
    datasets = context.tds.section_2.public_datasets.large_datasets or []
    for index, item in enumerate(datasets):
        path: JsonPath = ("section_2", "public_datasets", "large_datasets", index)
        if not isinstance(item, LargeDataset) or item.link is not None:
            continue
        if item.description is None or item.collection_start is None or item.collection_end is None:
            yield Finding(
                TS,
                path,
                f"The dataset {item.name!r} has no link and no description with the start "
                "and end of its collection",
                hint="Add `link:`, or `description:`, `collection_start:` and "
                "`collection_end:` (MM/YYYY).",
            )
        elif item.collection_start > item.collection_end:
            yield Finding(
                TS,
                (*path, "collection_start"),
                f"The collection of {item.name!r} starts ({item.collection_start}) after it "
                f"ends ({item.collection_end})",
                hint="Swap or correct the months.",
            )


def _fold_name(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.casefold())


@rule(
    "TS012",
    "large-datasets-listed",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 2.1",
    catalogue=("TDS.2.1.large_datasets", "VR-22"),
    needs=NEEDS,
)
def large_datasets_listed(context: RuleContext) -> Iterator[Finding]:
    """Every public dataset above the large-dataset share is in the list of large datasets.

    Why: a public dataset making up more than 3 % of the public data used for its modality
    is "large" and must be listed (VR-22). The internal `dataset_shares` inventory holds the
    shares; the threshold comes from the rule pack (`large_dataset_share`).

    Passes:
        section_2: {public_datasets: {dataset_shares: [{name: FineWeb (2024-10 release), modality: Text, share: 0.9}, {name: Tiny, modality: Text, share: 0.01}]}}

    Fails:
        section_2: {public_datasets: {dataset_shares: [{name: Dutch Books, modality: Text, share: 0.08}]}}
    """
    public = context.tds.section_2.public_datasets
    threshold = float(context.pack["large_dataset_share"])
    listed = {_fold_name(d.name) for d in public.large_datasets or []}
    for index, share in enumerate(public.dataset_shares):
        if share.share > threshold and _fold_name(share.name) not in listed:
            yield Finding(
                TS,
                ("section_2", "public_datasets", "dataset_shares", index),
                f"{share.name!r} is {share.share:.1%} of the public {share.modality.lower()} "
                f"data, above {threshold:.0%}, but is not in the list of large datasets",
                hint="Add it to `large_datasets` under the same name.",
            )


@rule(
    "TS013",
    "synthetic-data-generator-named",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 2.5",
    catalogue=("TDS.2.5.market_models", "TDS.2.5.other_models", "VR-20", "VR-23"),
    needs=NEEDS,
)
def synthetic_data_generator_named(context: RuleContext) -> Iterator[Finding]:
    """Synthetic training data names at least one model that generated it.

    Why: when synthetic data was used, the template asks for the GPAI models on the market
    that generated it, with links to their summaries, or a description of other models,
    including the provider's own (VR-23).

    Passes:
        section_2: {synthetic_data: {used: Yes, modalities: [Text], other_models: Our own unreleased 70B model.}}

    Fails:
        section_2: {synthetic_data: {used: Yes, modalities: [Text]}}
    """
    synthetic = context.tds.section_2.synthetic_data
    if _yes(synthetic.used) and not synthetic.market_models and synthetic.other_models is None:
        yield Finding(
            TS,
            ("section_2", "synthetic_data", "market_models"),
            "Synthetic data was used but no model that generated it is named",
            hint="Add `market_models:` (with `summary_url:`) or `other_models:`.",
        )


@rule(
    "TS014",
    "synthetic-data-model-linked",
    severity=Severity.WARNING,
    reference="Template for the summary of training content, section 2.5",
    catalogue=("TDS.2.5.market_models", "VR-23"),
    needs=NEEDS,
)
def synthetic_data_model_linked(context: RuleContext) -> Iterator[Finding]:
    """A market model that generated synthetic data links to its own training-content summary.

    Why: the template asks for links to the summaries of GPAI models on the market used to
    generate synthetic data (VR-23). A missing link may be justified when that provider has
    not published one yet, so this is a warning.

    Passes:
        section_2: {synthetic_data: {market_models: [{name: Big-1, summary_url: "https://big.example/summary"}]}}

    Fails:
        section_2: {synthetic_data: {market_models: [{name: Big-1}]}}
    """
    models = context.tds.section_2.synthetic_data.market_models or []
    for index, item in enumerate(models):
        if not isinstance(item, MarketModel):
            continue
        url = item.summary_url
        if url is None or not url.startswith(("https://", "http://")):
            yield Finding(
                TS,
                ("section_2", "synthetic_data", "market_models", index),
                f"The generating model {item.name!r} has no link to its summary",
                hint="Add `summary_url:` with an https:// link to that model's public summary.",
            )


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
    latest, placed = tds.section_1.latest_collection_date, tds.section_1.union_market_date
    if tds.header.previous_versions or not isinstance(latest, MonthYear):
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
    due = det.next_summary_update(context.tds, context.pack)
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
        if _is_first_version(header.version) is False:
            yield Finding(
                TS,
                ("header", "version"),
                f"Version {header.version} is not the first but links no previous version",
                hint="List them under `header.previous_versions` with `url:`.",
            )
        return
    for index, previous in enumerate(header.previous_versions):
        if previous.url is None or not previous.url.startswith(("https://", "http://")):
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
    updated = context.tds.header.last_update
    if updated > context.as_of:
        yield Finding(
            TS,
            ("header", "last_update"),
            f"The last-update date {updated} is after today ({context.as_of})",
            hint="Use the date of this version.",
        )
