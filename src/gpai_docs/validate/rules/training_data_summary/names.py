"""Summary rules on names where the template asks for one (1.1 and 1.2): a versioned model,
not a family of models; a representative, not a web page. Also the tests the other name
rules share (crawlers in 2.3, generating models in 2.5), with their words in
data/reviewer_lists.yaml."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gpai_docs.diagnostics import Severity
from gpai_docs.law import reviewer_lists
from gpai_docs.validate.rules._registry import Finding, rule
from gpai_docs.validate.rules.context import RuleContext
from gpai_docs.validate.rules.training_data_summary._answers import NEEDS, TS

_SENTENCE_END = re.compile(r"[a-z]{3,}[.!?]\s*$")
_PARENTHESES = re.compile(r"\([^)]*\)")


def brief(text: str, size: int = 60) -> str:
    """Text as a message quotes it: at most ``size`` characters, an ellipsis if shortened."""
    flat = " ".join(text.split())
    return flat if len(flat) <= size else flat[: size - 1] + "…"


def reads_as_sentence(text: str) -> bool:
    """Whether a name is really a sentence: more words than a name has, or a sentence's end."""
    said = text.split()  # `meta-llama-3.1-405b-instruct` is one word of a name
    limit = reviewer_lists.load().max_name_words
    return len(said) > limit or (len(said) >= 4 and bool(_SENTENCE_END.search(text)))


def not_a_crawler_name(name: str) -> bool:
    """A pointer ("See list of crawlers here"), a link, or a sentence of the crawling policy."""
    lists = reviewer_lists.load()
    bare = reviewer_lists.words(_PARENTHESES.sub(" ", name))
    policy_words = len(bare) >= 3 and bool(lists.crawler_sentence_words & set(bare))
    return lists.points_elsewhere(name) or reads_as_sentence(name) or policy_words


def not_a_model_name(name: str) -> bool:
    """A pointer, a link or a sentence where the name of a model belongs."""
    return reviewer_lists.load().points_elsewhere(name) or reads_as_sentence(name)


def name_pattern(name: str) -> re.Pattern[str] | None:
    """``name`` as it may be written in prose: its words in order, any separator between
    them, and not part of a longer name (`Lumen-2` is not found in `Lumen-2.1`)."""
    said = reviewer_lists.words(name)
    if not said:
        return None
    body = r"[\W_]*".join(re.escape(w) for w in said)
    return re.compile(rf"(?<![^\W_])(?<![^\W_][.\-_]){body}(?![.\-_]?[^\W_])", re.IGNORECASE)


def mentions(text: str, name: str) -> bool:
    pattern = name_pattern(name)
    return pattern is not None and pattern.search(text) is not None


@rule(
    "TS021",
    "model-names-versioned",
    severity=Severity.WARNING,
    reference="Template for the summary of training content, section 1.2",
    catalogue=("TDS.1.2.versioned_model_names",),
    needs=NEEDS,
)
def model_names_versioned(context: RuleContext) -> Iterator[Finding]:
    """Each versioned model name names one version of a model, not a family of models.

    Why: section 1.2 asks for the versioned model name(s), unique identifiers such as
    "Llama 3.1-405B" (TDS.1.2.versioned_model_names). Published summaries have given "The
    X 3 family of models", "all Lumen models", or the bare family or brand name ("Kestrel")
    instead: a reader cannot tell which models the summary covers. A versioned name holds
    something that identifies the version: a number (a version such as 2.1 or `v2`, a date
    such as 2026-08, a size such as 8B, a release tag such as 2407) or a Roman numeral
    standing as a word ("Kestrel II"); so "Llama-3.1-8B", "nimbus-s-2026-08", "Claude Opus
    4", "gpt-4o-2024-08-06" and "Mistral Large 2" pass, and "Kestrel", "Lumen Instruct" or
    "draft" do not. A link or a sentence in its place names no model either. List every
    version the summary covers by its own name. This is a warning: a reviewer objects, but
    the template does not define how a version is written. The family words and the
    version markers are in data/reviewer_lists.yaml.

    Passes:
        section_1: {versioned_model_names: [Lumen-Base-2.1, Lumen-Base-2.1-Instruct]}

    Fails:
        section_1: {versioned_model_names: [The Lumen 2 family of models, Kestrel]}
    """
    lists = reviewer_lists.load()
    for index, name in enumerate(context.tds.section_1.versioned_model_names):
        if lists.names_a_family(name) or not_a_model_name(name):
            said = "names a family or group of models, not one versioned model"
        elif lists.names_no_version(name):
            said = (
                "has nothing that identifies a version (a number, a date, a size or a "
                "version tag): it reads as the family's or brand's name"
            )
        else:
            continue
        yield Finding(
            TS,
            ("section_1", "versioned_model_names", index),
            f"{brief(name)!r} {said}",
            hint="List each model version the summary covers by its own name, such as "
            "`Lumen-Base-2.1` or `kestrel-2-2025-09`.",
        )


@rule(
    "TS022",
    "parties-named",
    severity=Severity.ERROR,
    reference="Template for the summary of training content, section 1.1; AI Act Art 54(1)",
    catalogue=("TDS.1.1.provider", "TDS.1.1.authorised_rep"),
    needs=NEEDS,
)
def parties_named(context: RuleContext) -> Iterator[Finding]:
    """The provider and the authorised representative are given by name, not by a web page.

    Why: section 1.1 asks for the name and the contact details of the provider and, for a
    provider established outside the Union, of its authorised representative (AI Act Art
    54(1)). Published summaries have given a support page, a link or an e-mail address
    where the representative's name belongs: a reader, or an authority, cannot tell who
    represents the provider. The name is the company's (or person's); addresses and links
    go in `contact`. This is an error: the template asks for a name and a link is none.

    Passes:
        section_1: {provider: {name: Lumen AI B.V., contact: "https://lumen-ai.example/contact"}}

    Fails:
        section_1: {provider: {name: "https://lumen-ai.example/support", contact: "ai-act@lumen-ai.example"}}
    """
    section = context.tds.section_1
    parties = (
        ("provider", section.provider),
        ("authorised_representative", section.authorised_representative),
    )
    for key, party in parties:
        name = getattr(party, "name", None)  # NotApplicable and ToBeProvided have none
        if isinstance(name, str) and reviewer_lists.load().points_elsewhere(name):
            yield Finding(
                TS,
                ("section_1", key, "name"),
                f"{brief(name)!r} is a web page, a link or an address, not a name",
                hint="Give the company's legal name under `name:`; put links and addresses "
                "under `contact:`.",
            )
