"""The copyright policy of the Code's Copyright chapter, Measures 1.1 to 1.5 (requirements §5).

Every commitment carries the provider's concrete implementation. Fields marked for the
``public`` audience make up the public summary the Code asks for: crawler information,
protocols honoured, contact point and complaint mechanism.
"""

from collections.abc import Mapping
from typing import Annotated, Any, ClassVar

from pydantic import ConfigDict, model_validator

from gpai_docs.law import optout_protocols
from gpai_docs.models._base import StrictModel, section, spec
from gpai_docs.models.answers import Answer, Text, VersionText
from gpai_docs.models.choices import choice
from gpai_docs.models.date_order import DATE_ORDER_FIELD, DatedDocument, DateOrder
from gpai_docs.models.dates import Date

INTERNAL = ("internal",)
PUBLIC = ("internal", "public")

_VOCABULARY = optout_protocols.load()
ProtocolId = Annotated[str, choice(_VOCABULARY.ids, _VOCABULARY.aliases())]


def _internal(catalogue_id: str, **kwargs: Any) -> Any:
    return spec(catalogue_id, audience=INTERNAL, **kwargs)


def _public(catalogue_id: str, **kwargs: Any) -> Any:
    return spec(catalogue_id, audience=PUBLIC, **kwargs)


class PolicyDocument(StrictModel):
    opening_statement: Text | None = _public(
        "COP.C.1.1.policy",
        default=None,
        title="Opening statement",
        description="The policy's own opening statement (its purpose and scope), as written.",
        example="This policy sets out how Lumen AI complies with Union copyright law.",
    )
    version: Answer[VersionText] = _public(
        "COP.C.1.1.policy", title="Policy version", example="2.0"
    )
    last_updated: Date = _public("COP.C.1.1.policy", title="Last updated", example="2026-03-01")
    models_covered: list[Text] = _public(
        "COP.C.1.1.policy",
        title="Models covered",
        description="Every GPAI model placed on the Union market that this single policy covers.",
    )
    date_order: DateOrder | None = _public("COP.C.1.1.policy", **DATE_ORDER_FIELD)


class Responsibility(StrictModel):
    role: Text = _internal(
        "COP.C.1.1.responsibilities", title="Role or unit", example="Head of Data Governance"
    )
    responsibility: Text = _internal(
        "COP.C.1.1.responsibilities",
        title="Responsibility",
        example="Owns this policy and its yearly review",
    )


class InfringingSites(StrictModel):
    implementation: Answer[Text] = _internal(
        "COP.C.1.2.exclude_piracy_sites", title="How listed sites are excluded"
    )
    lists_used: list[Text] = _internal(
        "COP.C.1.2.exclude_piracy_sites",
        default_factory=list,
        title="Lists of infringing websites honoured",
    )


class LawfulAccess(StrictModel):
    lawful_access: Answer[Text] = _internal("COP.C.1.2.lawful_access")
    paywalls: Answer[Text] = _internal(
        "COP.C.1.2.no_tpm_circumvention",
        description="How effective technological measures such as paywalls and subscription "
        "models are respected (never circumvented).",
    )
    infringing_sites: InfringingSites = _internal("COP.C.1.2.exclude_piracy_sites")


class RobotsTxt(StrictModel):
    """The robots.txt commitment: the structured answers, or the policy's prose, or both."""

    written_text = "statement"  # "Our crawlers follow robots.txt." is the commitment as written
    written_flag = "honoured"

    honoured: Answer[bool] | None = _public(
        "COP.C.1.3.robots_txt", default=None, title="Crawlers follow robots.txt"
    )
    standard: Answer[Text] | None = _public(
        "COP.C.1.3.robots_txt", default=None, title="Standard followed", example="RFC 9309"
    )
    implementation: Answer[Text] | None = _public(
        "COP.C.1.3.robots_txt", default=None, title="How robots.txt is read and followed"
    )
    statement: Text | None = _public(
        "COP.C.1.3.robots_txt",
        default=None,
        title="Commitment as written",
        description="The policy's robots.txt commitment in its own words, when it is written "
        "in prose rather than as `honoured:` and `standard:` (CP016 asks for those).",
        example="Our crawler respects robots.txt directives.",
    )


class Protocol(StrictModel):
    """A protocol honoured: by its vocabulary `id`, or by `name` as free text."""

    model_config = ConfigDict(
        **StrictModel.model_config,
        json_schema_extra={"anyOf": [{"required": ["id"]}, {"required": ["name"]}]},
    )

    name: Text | None = _public(
        "COP.C.1.3.other_protocols",
        default=None,
        title="Protocol",
        description="The protocol's name; taken from the vocabulary when `id` is given. "
        "A name the vocabulary does not know is kept as free text.",
        example="TDMRep",
    )
    version: VersionText | None = _public(
        "COP.C.1.3.other_protocols",
        default=None,
        title="Version implemented",
        description="For a draft protocol, the revision the crawlers implement.",
        example="draft-ietf-aipref-attach-05 with draft-ietf-aipref-vocab-08",
    )
    implementation: Text = _public("COP.C.1.3.other_protocols", title="How it is honoured")
    url: Text | None = _public("COP.C.1.3.other_protocols", default=None, title="Specification")
    id: ProtocolId | None = _public(
        "COP.C.1.3.other_protocols",
        default=None,
        title="Vocabulary id",
        description="The protocol's id in the opt-out protocol vocabulary "
        f"{_VOCABULARY.version} ({', '.join(_VOCABULARY.ids)}).",
        example="tdmrep",
    )

    @model_validator(mode="before")
    @classmethod
    def _named(cls, data: Any) -> Any:
        # The vocabulary and the name agree: an id gives the name, a known name the id.
        if not isinstance(data, dict):
            return data
        raw_id, name = data.get("id"), data.get("name")
        if raw_id is None and name is None:
            raise ValueError(
                f"a protocol needs `id:` (one of {', '.join(_VOCABULARY.ids)}) or `name:`"
            )
        key = raw_id if raw_id is not None else name
        known = _VOCABULARY.find(key) if isinstance(key, str) else None
        if known is None:
            return data  # an unknown id is refused by its field; an unknown name is free text
        return {**data, "id": known.id, "name": name or known.name}


class Crawler(StrictModel):
    name: Text = _public("COP.C.1.3.crawler_info_public", title="Crawler", example="ExampleBot")
    user_agent: Text = _public(
        "COP.C.1.3.crawler_info_public",
        title="User agent",
        example="ExampleBot/1.0 (+https://example.com/bot)",
    )
    robots_token: Text | None = _public(
        "COP.C.1.3.crawler_info_public",
        default=None,
        title="robots.txt product token",
        example="ExampleBot",
    )
    purpose: Text = _public("COP.C.1.3.crawler_info_public", title="Purpose")
    info_url: Text = _public("COP.C.1.3.crawler_info_public", title="Published information page")
    in_use_since: Date | None = _public(
        "COP.C.1.3.crawler_info_public", default=None, title="In use since"
    )


class ChangeNotification(StrictModel):
    method: Text = _public("COP.C.1.3.crawler_info_notify", title="Method", example="Atom feed")
    url: Text = _public("COP.C.1.3.crawler_info_notify", title="Where to subscribe")


class RightsReservation(StrictModel):
    robots_txt: RobotsTxt = _public("COP.C.1.3.robots_txt")
    other_protocols: Answer[list[Protocol]] = _public("COP.C.1.3.other_protocols")
    general_statement: Text | None = _internal(
        "COP.C.1.3.rights_reservation_any_means", default=None
    )
    natural_language_reservations: Answer[Text] | None = _public(
        "COP.C.1.3.rights_reservation_any_means.natural_language",
        default=None,
        title="Reservations written in terms of use",
        description="How reservations of rights written in natural language, for example in "
        "a website's terms of use, are treated. OLG Hamburg (Kneschke v LAION, 10 Dec 2025) "
        "held that such a reservation is not machine-readable for § 44b UrhG; an appeal to "
        "the BGH is allowed (UPD.nl_reservation).",
        example="Terms of use of sites we crawl are read; pages whose terms reserve TDM are "
        "not collected.",
    )
    crawlers: Answer[list[Crawler]] = _public(
        "COP.C.1.3.crawler_info_public",
        description="Every crawler used to collect training data; `not_applicable:` with the "
        "reason when the provider does not crawl.",
    )
    change_notification: Answer[ChangeNotification] = _public("COP.C.1.3.crawler_info_notify")
    standards_participation: Text | None = _internal(
        "COP.C.1.3.standards_participation", default=None
    )
    search_engine: Text | None = _internal("COP.C.1.3.search_engine_no_adverse", default=None)


class AupProhibition(StrictModel):
    written_text = "text"  # the prohibition quoted, with no link (CP017 asks where it stands)

    text: Text = _internal("COP.C.1.4.aup_prohibition", title="Wording of the prohibition")
    location: Text | None = _internal(
        "COP.C.1.4.aup_prohibition",
        default=None,
        title="Where it is stated (AUP, terms or model documentation)",
        description="The document (or its link) that states the prohibition; CP017 asks for "
        "it when the policy quotes the prohibition without saying where it is stated.",
    )


class AppliesIrrespective(StrictModel):
    """The commitment that Measure 1.4 applies however the model is integrated."""

    written_text = "text"  # a policy that writes the commitment commits to it
    written_text_implies: ClassVar[Mapping[str, bool]] = {"committed": True}
    written_flag = "committed"

    committed: bool = _internal(
        "COP.C.1.4.applies_irrespective",
        title="Committed",
        description="Whether the policy states that its output safeguards and prohibition "
        "apply whether the model is integrated into the provider's own AI systems or made "
        "available to others under contract.",
    )
    text: Text | None = _internal(
        "COP.C.1.4.applies_irrespective",
        default=None,
        title="As written",
        example="These commitments apply irrespective of whether the model is integrated into "
        "our own AI systems or made available to another entity.",
    )


class OutputSafeguards(StrictModel):
    technical_safeguards: Answer[Text] = _internal("COP.C.1.4.technical_safeguards")
    aup_prohibition: Answer[AupProhibition] = _internal("COP.C.1.4.aup_prohibition")
    applies_irrespective: AppliesIrrespective | None = _internal(
        "COP.C.1.4.applies_irrespective", default=None
    )


class PointOfContact(StrictModel):
    email: Text | None = _public("COP.C.1.5.point_of_contact", default=None, title="E-mail")
    url: Text | None = _public("COP.C.1.5.point_of_contact", default=None, title="Web page")
    name: Text | None = _public("COP.C.1.5.point_of_contact", default=None, title="Name or team")
    postal_address: Text | None = _public(
        "COP.C.1.5.point_of_contact",
        default=None,
        title="Postal address",
        description="Kept as written; Measure 1.5 asks for electronic communication, so a "
        "postal address alone does not do (CP007).",
    )


class ComplaintMechanism(StrictModel):
    """Where and how rightsholders lodge complaints: a web page, an e-mail address or both;
    a postal address is kept as written, but is no electronic mechanism (CP008)."""

    url: Text | None = _public(
        "COP.C.1.5.complaints", default=None, title="Where to lodge a complaint"
    )
    email: Text | None = _public(
        "COP.C.1.5.complaints",
        default=None,
        title="E-mail",
        example="copyright-complaints@example.com",
    )
    postal_address: Text | None = _public(
        "COP.C.1.5.complaints", default=None, title="Postal address"
    )
    description: Text = _public("COP.C.1.5.complaints", title="How it works")


class Contact(StrictModel):
    point_of_contact: Answer[PointOfContact] = _public("COP.C.1.5.point_of_contact")
    complaints: Answer[ComplaintMechanism] = _public("COP.C.1.5.complaints")
    handling: Answer[Text] = _internal("COP.C.1.5.handling")


class VoluntarySection(StrictModel):
    title: Text = _internal(
        "COP.C.1.1.policy.voluntary_sections", title="Title", example="Supplier due diligence"
    )
    text: Text = _internal("COP.C.1.1.policy.voluntary_sections", title="Text")


class CopyrightPolicy(DatedDocument):
    """Copyright policy: the Copyright chapter's Measures 1.1 to 1.5, in one document."""

    document: PolicyDocument = section("1.1", "Copyright policy", "COP.C.1.1.policy")
    responsibilities: Answer[list[Responsibility]] = _internal("COP.C.1.1.responsibilities")
    lawful_access: LawfulAccess = section(
        "1.2", "Lawful access to content", "COP.C.1.2.lawful_access"
    )
    rights_reservation: RightsReservation = section(
        "1.3", "Identifying and complying with rights reservations", "COP.C.1.3.robots_txt"
    )
    output_safeguards: OutputSafeguards = section(
        "1.4", "Mitigating infringing outputs", "COP.C.1.4.technical_safeguards"
    )
    contact: Contact = section(
        "1.5", "Point of contact and complaints", "COP.C.1.5.point_of_contact"
    )
    voluntary_sections: list[VoluntarySection] = _internal(
        "COP.C.1.1.policy.voluntary_sections", default_factory=list, title="Voluntary sections"
    )
