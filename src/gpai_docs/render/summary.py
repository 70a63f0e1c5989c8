"""The public summary in the layout of the Commission's template.

Every row the template has is built here, in its order and numbering, whether the
provider answered it, answered N/A, left it to be provided or left an optional row empty.
Section 2 is built in summary_sources.py, and each row in template_rows.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gpai_docs.models.language_names import LANGUAGES_LABEL, named_codes
from gpai_docs.models.written_sizes import WrittenMeasure, WrittenSize
from gpai_docs.render.audience import Record
from gpai_docs.render.cells import Block, Entry, FileRef, Labelled, Part, Row, Ticks, qa
from gpai_docs.render.domains import DomainList
from gpai_docs.render.summary_sources import section_2
from gpai_docs.render.template_rows import Rows, row

CUSTOM_SIZE = "Alternatively, specify the approximate size in a different measurement unit"
MODALITY_COLUMNS = ("Modality", "Training data size", "Types of content")
_BANDED = (("text", "Text"), ("image", "Image"), ("audio", "Audio"), ("video", "Video"))
_DEPENDENCY = ("name", "version", "summary_url")


def _party(party: Record) -> Any:
    """A provider or representative: "name — contact", or the block as the summary wrote it."""
    if party.get("block"):
        return party["block"]
    return Entry((party.name, party.contact), keys=("name", "contact"))


def _linguistic(s1: Record) -> Row:
    """The 1.3 linguistic row: the free text, then the ISO 639-1 codes the summary lists
    beside it (``section_1.languages``), as written, each with its English name."""
    base = row(s1, "linguistic")
    codes = s1.get("languages")
    if not isinstance(codes, list) or not codes:
        return base
    codes_line = Labelled(LANGUAGES_LABEL, named_codes(codes), key="languages")
    return Row(base.label, (*base.lines, codes_line), field=base.field)


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
        self.rows = Rows(modalities)
        self.bands = bands
        self.documentation = documentation
        self.domains = domains
        self.domains_intro = domains_intro

    def parts(self) -> list[Part]:
        sources = section_2(self.rows, self.view["section_2"], self.domains, self.domains_intro)
        return [*self._section_1(), *sources, *self._section_3()]

    def _section_1(self) -> list[Part]:
        s1 = self.view["section_1"]
        rep = s1["authorised_representative"]
        names = [
            Entry((name, Labelled("documentation", self.documentation)), keys=("", None))
            if self.documentation
            else name
            for name in s1["versioned_model_names"]
        ]
        deps = s1["model_dependencies"]
        dep_lines = (
            [
                Entry((d["name"], d.get("version"), d.get("summary_url")), keys=_DEPENDENCY)
                for d in deps
            ]
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
                        row(s1, "provider", [_party(s1["provider"])]),
                        row(
                            s1,
                            "authorised_representative",
                            [_party(rep) if isinstance(rep, Record) else rep],
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
                        row(s1, "versioned_model_names", names),
                        row(s1, "model_dependencies", dep_lines),
                        row(s1, "union_market_date"),
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
                        row(s1, "latest_collection_date"),
                        self.rows.yes_no(s1, "continuous_training"),
                        _linguistic(s1),
                        row(s1, "other_characteristics"),
                        row(s1, "comments"),
                    ),
                ],
            ),
        ]

    def _modality_table(self, mods: Record) -> Block:
        cells: list[tuple[tuple[Any, ...], ...]] = []
        for key, name in _BANDED:
            answer = mods[key]
            m = answer if isinstance(answer, Record) else None  # a row N/A or to be provided
            size = m["size"] if m is not None else None
            written = size if isinstance(size, WrittenSize) else None  # kept as written
            band = written.band if written is not None else size
            band_ticks = Ticks(tuple((band == b, b) for b in self.bands[key]), stacked=True)
            size_lines: list[Any] = [band_ticks]
            if m is None and answer is not None:
                size_lines.append(answer)
            if written is not None:
                size_lines.append(written.text)  # the size as the provider wrote it
            elif size is not None and not isinstance(size, str):
                size_lines.append(size)  # N/A or to be provided, as the provider answered
            custom = m["custom_size"] if m is not None else None
            if isinstance(custom, WrittenMeasure):
                size_lines.append(Labelled(CUSTOM_SIZE, custom.text))  # a measure as written
            elif custom is not None:
                size_lines.append(Labelled(CUSTOM_SIZE, f"{custom.value.text} {custom.unit}"))
            types = m["content_types"] if m is not None else None
            cells.append(((Ticks(((m is not None, name),)),), tuple(size_lines), (types,)))
        others = mods["other"] if isinstance(mods["other"], list) else []
        for other in others:
            cells.append(
                (
                    (Ticks(((True, f"Other: {other.name}"),)),),
                    (f"{other.size.value.text} {other.size.unit}",),
                    (other.content_types,),
                )
            )
        if not others:  # none, N/A or to be provided: shown as the provider answered
            answer = None if isinstance(mods["other"], list) else mods["other"]
            cells.append(((Ticks(((False, "Other"),)),), (answer,), (None,)))
        return Block("table", columns=MODALITY_COLUMNS, cells=cells, css="modalities")

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
                        self.rows.yes_no(r, "signatory"),
                        row(r, "measures"),
                        row(r, "copyright_policy_link"),
                        row(r, "comments"),
                    )
                ],
            ),
            Part("3.2", "Removal of illegal content", 2, [qa(row(s3, "illegal_content"))]),
            Part("3.3", "Other information (optional)", 2, [qa(row(s3, "other_information"))]),
        ]


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
