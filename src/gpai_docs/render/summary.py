"""The public summary in the layout of the Commission's template.

Every row the template has is built here, in its order and numbering, whether the
provider answered it, answered N/A, left it to be provided or left an optional row empty.
The questions are the template's: the catalogue's labels, or the template's full wording
where the catalogue shortens it (requirements §6 quotes it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gpai_docs.law.catalogue import entry
from gpai_docs.models._types import YesNo
from gpai_docs.render.audience import Record
from gpai_docs.render.cells import (
    Block,
    Entry,
    FileRef,
    Labelled,
    Part,
    Row,
    Ticks,
    lines_of,
    qa,
)
from gpai_docs.render.domains import DomainList
from gpai_docs.render.environment import NOT_GIVEN, row_label

# The template's wording where the catalogue's label is shorter or lacks the "If yes".
QUESTIONS = {
    "TDS.2.1.modalities": "If yes, specify the modality(ies) of the content covered by the "
    "datasets concerned",
    "TDS.2.2.1.modalities": "If yes, specify the modality(ies) of the content covered by the "
    "datasets concerned",
    "TDS.2.2.2.modalities": "If yes, specify the modality(ies) of the content covered by the "
    "datasets concerned",
    "TDS.2.2.2.obtained": "Have you obtained private datasets from third parties that are not "
    "licensed as described in Section 2.2.1, such as data obtained from providers of private "
    "databases, or data intermediaries?",
    "TDS.2.3.crawler_names": "If yes, specify crawler name(s)/identifier(s)",
    "TDS.3.1.measures": "Describe the measures implemented before model training to respect "
    "reservations of rights from the TDM exception or limitation before and during data "
    "collection, including the opt-out protocols and solutions honoured by the provider or, "
    "as applicable, by third parties from which datasets have been obtained",
}
CUSTOM_SIZE = "Alternatively, specify the approximate size in a different measurement unit"
MODALITY_COLUMNS = ("Modality", "Training data size", "Types of content")
_BANDED = (("text", "Text"), ("image", "Image"), ("audio", "Audio"), ("video", "Video"))


def question(record: Record, key: str) -> str:
    """The template's question for a field: its catalogue label, or the fuller wording."""
    item = record.item(key)
    if item.catalogue_id is None:
        return row_label(item.title)
    return QUESTIONS.get(item.catalogue_id) or entry(item.catalogue_id).label


def _yes_no(value: Any) -> tuple[Any, ...]:
    if not isinstance(value, YesNo):
        return (value,)
    boxes = [(value.answer == "yes", "Yes"), (value.answer == "no", "No")]
    if value.answer == "other":
        boxes.append((True, "Other"))
    ticks = Ticks(tuple(boxes))
    return (ticks, value.qualification) if value.qualification else (ticks,)


def _row(record: Record, key: str, lines: Sequence[Any] | None = None) -> Row:
    return Row(question(record, key), tuple(lines) if lines is not None else lines_of(record[key]))


def _choices(chosen: Any, options: Sequence[str]) -> tuple[Any, ...]:
    if chosen is not None and not isinstance(chosen, list):
        return (chosen,)  # N/A or to be provided
    picked = set(chosen or [])
    return (Ticks(tuple((option in picked, option) for option in options)),)


class SummaryLayout:
    """Builds the parts of one summary from its public projection."""

    def __init__(
        self,
        view: Record,
        *,
        modalities: Sequence[str],
        bands: dict[str, Sequence[str]],
        documentation: str | None,
        domains: Block | None,
        domains_intro: tuple[str, ...],
    ) -> None:
        self.view = view
        self.modalities = tuple(modalities)
        self.bands = bands
        self.documentation = documentation
        self.domains = domains
        self.domains_intro = domains_intro

    def yes_no(self, record: Record, key: str) -> Row:
        return _row(record, key, _yes_no(record[key]))

    def choose(self, record: Record, key: str) -> Row:
        return _row(record, key, _choices(record[key], self.modalities))

    def parts(self) -> list[Part]:
        return [*self._section_1(), *self._section_2(), *self._section_3()]

    def _section_1(self) -> list[Part]:
        s1 = self.view["section_1"]
        rep = s1["authorised_representative"]
        names = [
            Entry((name, Labelled("documentation", self.documentation)))
            if self.documentation
            else name
            for name in s1["versioned_model_names"]
        ]
        deps = s1["model_dependencies"]
        dep_lines = (
            [Entry((d["name"], d.get("version"), d.get("summary_url"))) for d in deps]
            if isinstance(deps, list) and deps
            else [deps]
        )
        return [
            Part("1", "General information", 1),
            Part(
                "1.1",
                "Provider identification",
                2,
                [
                    qa(
                        _row(
                            s1, "provider", [Entry((s1["provider"].name, s1["provider"].contact))]
                        ),
                        _row(
                            s1,
                            "authorised_representative",
                            [Entry((rep.name, rep.contact)) if isinstance(rep, Record) else rep],
                        ),
                    )
                ],
            ),
            Part(
                "1.2",
                "Model identification",
                2,
                [
                    qa(
                        _row(s1, "versioned_model_names", names),
                        _row(s1, "model_dependencies", dep_lines),
                        _row(s1, "union_market_date"),
                    )
                ],
            ),
            Part(
                "1.3",
                "Modalities, overall training data size and other characteristics",
                2,
                [
                    self._modality_table(s1["modalities"]),
                    qa(
                        _row(s1, "latest_collection_date"),
                        self.yes_no(s1, "continuous_training"),
                        _row(s1, "linguistic"),
                        _row(s1, "other_characteristics"),
                        _row(s1, "comments"),
                    ),
                ],
            ),
        ]

    def _modality_table(self, mods: Record) -> Block:
        cells: list[tuple[tuple[Any, ...], ...]] = []
        for key, name in _BANDED:
            m = mods[key]
            size = m["size"] if m is not None else None
            band_ticks = Ticks(tuple((size == b, b) for b in self.bands[key]), stacked=True)
            size_lines: list[Any] = [band_ticks]
            if size is not None and not isinstance(size, str):
                size_lines.append(size)  # N/A or to be provided, as the provider answered
            custom = m["custom_size"] if m is not None else None
            if custom is not None:
                size_lines.append(Labelled(CUSTOM_SIZE, f"{custom.value.text} {custom.unit}"))
            types = m["content_types"] if m is not None else None
            cells.append(((Ticks(((m is not None, name),)),), tuple(size_lines), (types,)))
        for other in mods["other"]:
            cells.append(
                (
                    (Ticks(((True, f"Other: {other.name}"),)),),
                    (f"{other.size.value.text} {other.size.unit}",),
                    (other.content_types,),
                )
            )
        if not mods["other"]:
            cells.append(((Ticks(((False, "Other"),)),), (None,), (None,)))
        return Block("table", columns=MODALITY_COLUMNS, cells=cells, css="modalities")

    def _section_2(self) -> list[Part]:
        s2 = self.view["section_2"]
        p, lic, pt = s2["public_datasets"], s2["licensed_data"], s2["private_third_party_data"]
        c, u, sy, o = s2["crawled_data"], s2["user_data"], s2["synthetic_data"], s2["other_sources"]
        large = p["large_datasets"]
        large_lines = (
            [
                Entry(
                    (
                        d["name"],
                        d.get("link"),
                        d.get("description"),
                        _period(d.get("collection_start"), d.get("collection_end")),
                        d.get("modality"),
                        Labelled("Filtering", d["filtering"]) if d.get("filtering") else None,
                    )
                )
                for d in large
            ]
            if large
            else [large]
        )
        period = c["period"]
        market = sy["market_models"]
        crawl_rows = [
            self.yes_no(c, "used"),
            _row(c, "crawler_names"),
            _row(c, "purposes"),
            _row(c, "behaviour"),
            _row(c, "period", [_period(period.start, period.end) if period else None]),
            _row(c, "content_description"),
            self.choose(c, "modalities"),
            _row(c, "top_domains", list(self.domains_intro) or [None]),
        ]
        crawl_blocks = [qa(*crawl_rows)]
        if self.domains is not None:
            crawl_blocks.append(self.domains)
        crawl_blocks.append(qa(_row(c, "comments")))
        return [
            Part("2", "List of data sources", 1),
            Part(
                "2.1",
                "Publicly available datasets",
                2,
                [
                    qa(
                        self.yes_no(p, "used"),
                        self.choose(p, "modalities"),
                        _row(p, "large_datasets", large_lines),
                        _row(p, "other_description"),
                        _row(p, "comments"),
                    )
                ],
            ),
            Part("2.2", "Private non-publicly available datasets obtained from third parties", 2),
            Part(
                "2.2.1",
                "Datasets commercially licensed by rightsholders or their representatives",
                3,
                [
                    qa(
                        self.yes_no(lic, "used"),
                        self.choose(lic, "modalities"),
                        _row(lic, "comments"),
                    )
                ],
            ),
            Part(
                "2.2.2",
                "Private datasets obtained from other third parties",
                3,
                [
                    qa(
                        self.yes_no(pt, "used"),
                        self.choose(pt, "modalities"),
                        _row(pt, "known_datasets"),
                        _row(pt, "description"),
                        _row(pt, "comments"),
                    )
                ],
            ),
            Part("2.3", "Data crawled and scraped from online sources", 2, crawl_blocks),
            Part(
                "2.4",
                "User data",
                2,
                [
                    qa(
                        self.yes_no(u, "model_interaction"),
                        self.yes_no(u, "other_services"),
                        _row(u, "services_description"),
                        self.choose(u, "modalities"),
                        _row(u, "comments"),
                    )
                ],
            ),
            Part(
                "2.5",
                "Synthetic data",
                2,
                [
                    qa(
                        self.yes_no(sy, "used"),
                        self.choose(sy, "modalities"),
                        _row(
                            sy,
                            "market_models",
                            [Entry((m["name"], m.get("summary_url"))) for m in market]
                            if market
                            else [market],
                        ),
                        _row(sy, "other_models"),
                        _row(sy, "comments"),
                    )
                ],
            ),
            Part(
                "2.6",
                "Other sources of data",
                2,
                [qa(self.yes_no(o, "used"), _row(o, "description"), _row(o, "comments"))],
            ),
        ]

    def _section_3(self) -> list[Part]:
        s3 = self.view["section_3"]
        r = s3["rights_reservation"]
        return [
            Part("3", "Data processing aspects", 1),
            Part(
                "3.1",
                "Respect of reservation of rights from text and data mining exception or "
                "limitation",
                2,
                [
                    qa(
                        self.yes_no(r, "signatory"),
                        _row(r, "measures"),
                        _row(r, "copyright_policy_link"),
                        _row(r, "comments"),
                    )
                ],
            ),
            Part("3.2", "Removal of illegal content", 2, [qa(_row(s3, "illegal_content"))]),
            Part("3.3", "Other information (optional)", 2, [qa(_row(s3, "other_information"))]),
        ]


def _period(start: Any, end: Any) -> str | None:
    """The template's period: "From 01/2024 to 06/2026"."""
    if start is None and end is None:
        return None
    return f"From {start or NOT_GIVEN} to {end or NOT_GIVEN}"


def domain_rows(
    domains: DomainList | None, total: Any, csv_name: str
) -> tuple[tuple[Any, ...], Block | None]:
    """The 2.3 domain list: the sentences that introduce it and its table, two columns of ranks."""
    if domains is None:
        return (), None
    shown = len(domains.domains)
    intro: list[Any] = []
    if total is not None:
        intro.append(
            f"Distinct domains crawled: {total}. The list below holds the most relevant "
            f"{shown}, ranked by size of content."
        )
    else:
        intro.append(f"The list holds {shown} domains, ranked by size of content.")
    lead = (
        f"The first {len(domains.head)} are shown here; the full list is in"
        if domains.truncated
        else "The list is also in"
    )
    where = "published beside this summary" + (
        " and attached to its PDF" if domains.truncated else ""
    )
    if domains.download_url:
        intro.append(
            Entry((lead, FileRef(csv_name), f"{where}, and at", domains.download_url), " ")
        )
    else:
        intro.append(Entry((lead, FileRef(csv_name), f"{where}."), " "))
    head = domains.head
    half = (len(head) + 1) // 2
    cells: list[tuple[tuple[Any, ...], ...]] = []
    for i in range(half):
        right = (str(i + half + 1), head[i + half]) if i + half < len(head) else ("", "")
        cells.append(((str(i + 1),), (head[i],), (right[0],), (right[1],)))
    block = Block("table", columns=("Rank", "Domain", "Rank", "Domain"), cells=cells, css="domains")
    return tuple(intro), block
