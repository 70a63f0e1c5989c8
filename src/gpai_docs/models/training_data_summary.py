"""The Commission's template for the public summary of training content (requirements §6).

Keys follow the template's sections; each field carries ``x-section`` with the template's
numbering. Yes/No questions accept a qualification (published filings qualify their
answers); their sub-fields are optional here and checked against the answer by rules.
"""

from typing import Annotated, Any, Self

from pydantic import Field, model_validator

from gpai_docs.law.catalogue import entry
from gpai_docs.models._base import StrictModel, section, spec
from gpai_docs.models.answers import Answer, AnswerNA, Text, VersionText
from gpai_docs.models.choices import YesNoAnswer, choice
from gpai_docs.models.date_order import DATE_ORDER_FIELD, DatedDocument, DateOrder
from gpai_docs.models.dates import Date
from gpai_docs.models.languages import LANGUAGES_FIELD, LanguageCode
from gpai_docs.models.summary_modalities import INTERNAL, PUBLIC, Modalities
from gpai_docs.models.summary_modalities import public as _public
from gpai_docs.models.summary_parties import ProviderAnswer, RepresentativeAnswer
from gpai_docs.models.written_months import MonthText, Period

_TDS_MODALITIES: tuple[str, ...] = entry("TDS.2.1.modalities").allowed_values or ()
TdsModality = Annotated[str, choice(_TDS_MODALITIES, {"images": "Image", "picture": "Image"})]


class PreviousVersion(StrictModel):
    version: VersionText = _public("TDS.rule.versioning", title="Version")
    date: Date | None = _public("TDS.rule.versioning", default=None, title="Date")
    url: Text | None = _public("TDS.rule.versioning", default=None, title="Link")


class Header(StrictModel):
    version: Answer[VersionText] = _public("TDS.header.version", example="1.0")
    last_update: Date = _public("TDS.header.last_update", example="2026-03-01")
    date_order: DateOrder | None = _public("TDS.header.date_order", **DATE_ORDER_FIELD)
    previous_versions: list[PreviousVersion] = _public("TDS.rule.versioning", default_factory=list)
    canonical_url: Text | None = _public(
        "TDS.rule.where_publish",
        default=None,
        title="Canonical URL",
        description="The address where the latest version of this summary is always "
        "published, on the provider's official website; the summary's status line names it.",
        example="https://example.com/ai/model-x/training-content-summary",
    )
    versions_url: Text | None = _public(
        "TDS.rule.versioning.versions_url",
        default=None,
        title="Where all versions are listed",
        description="A page listing this summary's versions with links (for version 1.0 "
        "too: where the next versions will be listed).",
        example="https://example.com/ai/model-x/training-content-summary/versions",
    )
    update_notice: Text | None = _public(
        "TDS.rule.update_cadence",
        default=None,
        title="Where notice of updates is published",
        description="Where readers learn of a new version: a web feed (such as the "
        "crawler feed of `gpai-docs release`) or a page.",
        example="https://example.com/ai/updates.atom",
    )


class Dependency(StrictModel):
    name: Text = _public("TDS.1.2.model_dependencies", title="Model")
    version: VersionText | None = _public(
        "TDS.1.2.model_dependencies", default=None, title="Version"
    )
    summary_url: Text | None = _public(
        "TDS.1.2.model_dependencies", default=None, title="Link to its summary"
    )


class Section1(StrictModel):
    provider: ProviderAnswer = _public("TDS.1.1.provider")
    authorised_representative: Answer[RepresentativeAnswer] | None = _public(
        "TDS.1.1.authorised_rep", default=None
    )
    versioned_model_names: list[Text] = Field(
        min_length=1,
        title="Versioned model name(s)",
        json_schema_extra={
            "x-catalogue-id": "TDS.1.2.versioned_model_names",
            "x-audience": list(PUBLIC),
            "x-section": "1.2",
        },
    )
    model_dependencies: AnswerNA[list[Dependency]] = _public("TDS.1.2.model_dependencies")
    union_market_date: Answer[Date] = _public("TDS.1.2.union_market_date")
    modalities: Modalities = _public("TDS.1.3.scope_note", title="Modalities and size")
    latest_collection_date: Answer[MonthText] = _public(
        "TDS.1.3.latest_collection_date",
        example="03/2025",
        description="Latest date of data acquisition/collection for model training, as "
        'MM/YYYY. To keep your own words, give both: `{month: 03/2025, text: "Up to March '
        '2025; cut-offs differ per dataset"}`; the text is published as written.',
    )
    continuous_training: Answer[YesNoAnswer] | None = _public(
        "TDS.1.3.continuous_training",
        default=None,
        description="Whether the model keeps being trained on new data. The template has "
        "no box for it, so many summaries never state it: left out, it stays not stated "
        "(a note says so) and nothing is inferred from it.",
    )
    linguistic: Answer[Text] = _public("TDS.1.3.linguistic")
    languages: list[LanguageCode] | None = _public(
        "TDS.1.3.linguistic.languages", **LANGUAGES_FIELD
    )
    other_characteristics: Text | None = _public("TDS.1.3.other_characteristics", default=None)
    comments: Text | None = _public("TDS.1.3.comments", default=None)


class LargeDataset(StrictModel):
    name: Text = _public(
        "TDS.2.1.large_datasets",
        default=None,
        title="Name or identifier",
        description="The dataset's name. A dataset the summary gives only by its address "
        "needs no name: with `link:` alone, the link is its name.",
    )
    link: Text | None = _public("TDS.2.1.large_datasets", default=None, title="Link")
    description: Text | None = _public(
        "TDS.2.1.large_datasets", default=None, title="Description (when there is no link)"
    )
    collection_start: MonthText | None = _public(
        "TDS.2.1.large_datasets", default=None, title="Start of collection"
    )
    collection_end: MonthText | None = _public(
        "TDS.2.1.large_datasets", default=None, title="End of collection"
    )
    modality: TdsModality | None = _public("TDS.2.1.large_datasets", default=None, title="Modality")
    filtering: Text | None = _public(
        "TDS.2.1.large_datasets", default=None, title="Filtering, when only part was used"
    )
    version: VersionText | None = _public(
        "TDS.2.1.large_datasets", default=None, title="Version", example="v2.0.1"
    )
    group: Text | None = _public(
        "TDS.2.1.large_datasets",
        default=None,
        title="Group",
        description="The sub-heading the summary lists this dataset under, published before "
        "its name; datasets of a group are listed together.",
        example="Multilingual",
    )

    @model_validator(mode="before")
    @classmethod
    def _named_by_link(cls, data: Any) -> Any:
        """A dataset given only by its address: the address is its name."""
        if isinstance(data, dict) and data.get("name") is None and data.get("link") is not None:
            return {**data, "name": data["link"]}
        return data

    @model_validator(mode="after")
    def _named(self) -> Self:
        if self.name is None:  # neither a name nor a link: the default was left
            raise ValueError("a dataset needs its `name:` or its `link:`")
        return self


class DatasetShare(StrictModel):
    """The provider's own inventory of a public dataset's share, for the 3 % rule."""

    name: Text = spec("TDS.2.1.dataset_shares", audience=INTERNAL, title="Dataset")
    modality: TdsModality = spec("TDS.2.1.dataset_shares", audience=INTERNAL, title="Modality")
    share: float = Field(
        ge=0,
        le=1,
        title="Share of that modality's public data (0 to 1)",
        json_schema_extra={
            "x-catalogue-id": "TDS.2.1.dataset_shares",
            "x-audience": list(INTERNAL),
        },
    )


class PublicDatasets(StrictModel):
    used: Answer[YesNoAnswer] = _public("TDS.2.1.used")
    modalities: list[TdsModality] | None = _public("TDS.2.1.modalities", default=None)
    intro: Text | None = _public(
        "TDS.2.1.large_datasets.intro",
        default=None,
        title="Text before the list",
        description="The summary's own paragraph before the list of large datasets, "
        "published as written above the list.",
    )
    large_datasets: list[LargeDataset] | None = _public("TDS.2.1.large_datasets", default=None)
    outro: Text | None = _public(
        "TDS.2.1.large_datasets.outro",
        default=None,
        title="Text after the list",
        description="The summary's own paragraph after the list, published as written below it.",
    )
    other_description: Text | None = _public("TDS.2.1.other_description", default=None)
    dataset_shares: list[DatasetShare] = spec(
        "TDS.2.1.dataset_shares",
        audience=INTERNAL,
        default_factory=list,
        title="Inventory of dataset shares (internal)",
    )
    comments: Text | None = _public("TDS.2.1.comments", default=None)


class LicensedData(StrictModel):
    used: Answer[YesNoAnswer] = _public("TDS.2.2.1.licensed")
    modalities: list[TdsModality] | None = _public("TDS.2.2.1.modalities", default=None)
    comments: Text | None = _public("TDS.2.2.1.comments", default=None)


class PrivateThirdPartyData(StrictModel):
    used: Answer[YesNoAnswer] = _public("TDS.2.2.2.obtained")
    modalities: list[TdsModality] | None = _public("TDS.2.2.2.modalities", default=None)
    known_datasets: list[Text] | None = _public("TDS.2.2.2.known_datasets", default=None)
    description: Text | None = _public("TDS.2.2.2.description", default=None)
    comments: Text | None = _public("TDS.2.2.2.comments", default=None)


class TopDomains(StrictModel):
    """The most relevant crawled domains: inline, or the output of ``gpai-docs domains``."""

    source: Text | None = _public(
        "TDS.2.3.top_domains",
        default=None,
        title="Domain statistics file",
        description="Path, relative to the project, of the JSON summary written by "
        "`gpai-docs domains` (its CSV holds the full list).",
    )
    total_domains: int | None = Field(
        default=None,
        ge=0,
        title="Number of distinct domains crawled",
        json_schema_extra={"x-catalogue-id": "TDS.2.3.top_domains", "x-audience": ["public"]},
    )
    domains: list[Text] | None = _public(
        "TDS.2.3.top_domains", default=None, title="Domains, ranked by content size"
    )
    download_url: Text | None = _public(
        "TDS.2.3.top_domains", default=None, title="Where the full list is published"
    )


class CrawledData(StrictModel):
    used: Answer[YesNoAnswer] = _public("TDS.2.3.crawlers_used")
    crawler_names: list[Text] | None = _public("TDS.2.3.crawler_names", default=None)
    purposes: Text | None = _public("TDS.2.3.purposes", default=None)
    behaviour: Text | None = _public("TDS.2.3.behaviour", default=None)
    period: Period | None = _public("TDS.2.3.period", default=None)
    content_description: Text | None = _public("TDS.2.3.content_description", default=None)
    modalities: list[TdsModality] | None = _public("TDS.2.3.modalities", default=None)
    top_domains: TopDomains | None = _public("TDS.2.3.top_domains", default=None)
    comments: Text | None = _public("TDS.2.3.comments", default=None)


class UserData(StrictModel):
    model_interaction: Answer[YesNoAnswer] = _public("TDS.2.4.model_interaction")
    other_services: Answer[YesNoAnswer] = _public("TDS.2.4.other_services")
    services_description: Text | None = _public("TDS.2.4.services_description", default=None)
    modalities: list[TdsModality] | None = _public("TDS.2.4.modalities", default=None)
    comments: Text | None = _public("TDS.2.4.comments", default=None)


class MarketModel(StrictModel):
    name: Text = _public("TDS.2.5.market_models", title="Model")
    summary_url: Text | None = _public(
        "TDS.2.5.market_models", default=None, title="Link to its summary"
    )


class SyntheticData(StrictModel):
    used: Answer[YesNoAnswer] = _public("TDS.2.5.used")
    modalities: list[TdsModality] | None = _public("TDS.2.5.modalities", default=None)
    market_models: list[MarketModel] | None = _public("TDS.2.5.market_models", default=None)
    other_models: Text | None = _public("TDS.2.5.other_models", default=None)
    comments: Text | None = _public("TDS.2.5.comments", default=None)


class OtherSources(StrictModel):
    used: Answer[YesNoAnswer] = _public("TDS.2.6.used")
    description: Text | None = _public("TDS.2.6.description", default=None)
    comments: Text | None = _public("TDS.2.6.comments", default=None)


class Section2(StrictModel):
    public_datasets: PublicDatasets = section("2.1", "Publicly available datasets")
    licensed_data: LicensedData = section(
        "2.2.1", "Datasets commercially licensed by rightsholders or their representatives"
    )
    private_third_party_data: PrivateThirdPartyData = section(
        "2.2.2", "Private datasets obtained from other third parties"
    )
    crawled_data: CrawledData = section("2.3", "Data crawled and scraped from online sources")
    user_data: UserData = section("2.4", "User data")
    synthetic_data: SyntheticData = section("2.5", "Synthetic data")
    other_sources: OtherSources = section("2.6", "Other sources of data")


class RightsReservation(StrictModel):
    signatory: Answer[YesNoAnswer] = _public("TDS.3.1.signatory")
    measures: Answer[Text] = _public("TDS.3.1.measures")
    copyright_policy_link: Text | None = _public("TDS.3.1.copyright_policy_link", default=None)
    comments: Text | None = _public("TDS.3.1.comments", default=None)


class Section3(StrictModel):
    rights_reservation: RightsReservation = section(
        "3.1", "Respect of reservation of rights from text and data mining exception or limitation"
    )
    illegal_content: Answer[Text] = _public(
        "TDS.3.2.illegal_content", title="3.2 Removal of illegal content"
    )
    other_information: Text | None = _public(
        "TDS.3.3.other", default=None, title="3.3 Other information"
    )


class TrainingDataSummary(DatedDocument):
    """Public summary of training content, following the Commission's mandatory template."""

    DATE_ORDER_AT = ("header", "date_order")

    header: Header = section("", "Summary header")
    section_1: Section1 = section("1", "General information")
    section_2: Section2 = section("2", "List of data sources")
    section_3: Section3 = section("3", "Data processing aspects")
