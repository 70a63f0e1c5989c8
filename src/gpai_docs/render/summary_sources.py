"""Section 2 of the public summary, "List of data sources", one template part at a time."""

from __future__ import annotations

from typing import Any

from gpai_docs.render.audience import Record
from gpai_docs.render.cells import Block, Entry, Labelled, Part, qa
from gpai_docs.render.template_rows import Rows, period, row

# The sub-field(s) each part of a dataset's entry shows; "a|b" is the period from a to b.
DATASET_KEYS = (
    "name",
    "version",
    "link",
    "description",
    "collection_start|collection_end",
    "modality",
    "filtering",
)


def _dataset(d: Record) -> Any:
    """One dataset: "name — version — link — …"; a dataset given only by its address shows
    it once, as its name; one listed under a sub-heading shows it first ("English: …")."""
    link = d.get("link")
    entry = Entry(
        (
            d["name"],
            d.get("version"),
            None if link == d["name"] else link,
            d.get("description"),
            period(d.get("collection_start"), d.get("collection_end")),
            d.get("modality"),
            Labelled("Filtering", d["filtering"], "filtering") if d.get("filtering") else None,
        ),
        keys=DATASET_KEYS,
    )
    group = d.get("group")
    return Labelled(group, entry, label_key="group") if group else entry


def _large_datasets(p: Record) -> list[Any]:
    """The 2.1 list of large public datasets, one entry each, between the summary's own
    text before and after it; N/A or pending as answered."""
    large = p["large_datasets"]
    intro, outro = p.get("intro"), p.get("outro")
    listed = [_dataset(d) for d in large] if large else [large]
    if large is None and (intro or outro):
        listed = []
    return [*([intro] if intro else []), *listed, *([outro] if outro else [])]


def public_datasets(rows: Rows, p: Record) -> Part:
    return Part(
        "2.1",
        "Publicly available datasets",
        2,
        [
            qa(
                rows.yes_no(p, "used"),
                rows.choose(p, "modalities"),
                row(p, "large_datasets", _large_datasets(p)),
                row(p, "other_description"),
                row(p, "comments"),
            )
        ],
    )


def private_datasets(rows: Rows, lic: Record, pt: Record) -> list[Part]:
    return [
        Part("2.2", "Private non-publicly available datasets obtained from third parties", 2),
        Part(
            "2.2.1",
            "Datasets commercially licensed by rightsholders or their representatives",
            3,
            [qa(rows.yes_no(lic, "used"), rows.choose(lic, "modalities"), row(lic, "comments"))],
        ),
        Part(
            "2.2.2",
            "Private datasets obtained from other third parties",
            3,
            [
                qa(
                    rows.yes_no(pt, "used"),
                    rows.choose(pt, "modalities"),
                    row(pt, "known_datasets"),
                    row(pt, "description"),
                    row(pt, "comments"),
                )
            ],
        ),
    ]


def _crawl_period(crawl_period: Any) -> str | None:
    if not crawl_period:
        return None
    return period(crawl_period.start, crawl_period.end, crawl_period.get("text"))


def crawled_data(
    rows: Rows, c: Record, domains: Block | None, domains_intro: tuple[str, ...]
) -> Part:
    crawl_period = c["period"]
    crawl_rows = [
        rows.yes_no(c, "used"),
        row(c, "crawler_names"),
        row(c, "purposes"),
        row(c, "behaviour"),
        row(c, "period", [_crawl_period(crawl_period)]),
        row(c, "content_description"),
        rows.choose(c, "modalities"),
        row(c, "top_domains", list(domains_intro) or [None]),
    ]
    blocks = [qa(*crawl_rows)]
    if domains is not None:
        blocks.append(domains)
    blocks.append(qa(row(c, "comments")))
    return Part("2.3", "Data crawled and scraped from online sources", 2, blocks)


def user_data(rows: Rows, u: Record) -> Part:
    return Part(
        "2.4",
        "User data",
        2,
        [
            qa(
                rows.yes_no(u, "model_interaction"),
                rows.yes_no(u, "other_services"),
                row(u, "services_description"),
                rows.choose(u, "modalities"),
                row(u, "comments"),
            )
        ],
    )


def synthetic_data(rows: Rows, sy: Record) -> Part:
    market = sy["market_models"]
    market_lines = (
        [Entry((m["name"], m.get("summary_url")), keys=("name", "summary_url")) for m in market]
        if market
        else [market]
    )
    return Part(
        "2.5",
        "Synthetic data",
        2,
        [
            qa(
                rows.yes_no(sy, "used"),
                rows.choose(sy, "modalities"),
                row(sy, "market_models", market_lines),
                row(sy, "other_models"),
                row(sy, "comments"),
            )
        ],
    )


def other_sources(rows: Rows, o: Record) -> Part:
    return Part(
        "2.6",
        "Other sources of data",
        2,
        [qa(rows.yes_no(o, "used"), row(o, "description"), row(o, "comments"))],
    )


def section_2(
    rows: Rows, s2: Record, domains: Block | None, domains_intro: tuple[str, ...]
) -> list[Part]:
    """Every part of section 2, in the template's order and numbering."""
    return [
        Part("2", "List of data sources", 1),
        public_datasets(rows, s2["public_datasets"]),
        *private_datasets(rows, s2["licensed_data"], s2["private_third_party_data"]),
        crawled_data(rows, s2["crawled_data"], domains, domains_intro),
        user_data(rows, s2["user_data"]),
        synthetic_data(rows, s2["synthetic_data"]),
        other_sources(rows, s2["other_sources"]),
    ]
